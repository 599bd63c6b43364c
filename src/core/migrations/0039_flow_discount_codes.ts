import { sql, type Kysely } from 'kysely';
import { columnTypes, type DialectName } from '../database.js';
import { ddl, type ColumnSpec } from './ddl.js';

/**
 * Personal discount codes handed out by flows as well as campaigns: a code and a redemption belong to
 * a campaign or to a flow (`flow_id`), so `campaign_id` may be empty. SQLite cannot drop a NOT NULL
 * from a column, so its two small tables are rebuilt with their rows.
 */
export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  const t = columnTypes(dialect);
  const { q, table, index, addColumn } = ddl(db, dialect);
  const codes: ColumnSpec[] = [
    ['code', t.shortText, 'PRIMARY KEY'],
    ['campaign_id', t.id],
    ['flow_id', t.id],
    ['customer_id', t.id, 'NOT NULL'],
    ['issued_at', t.timestamp, 'NOT NULL'],
  ];
  const redemptions: ColumnSpec[] = [
    ['order_id', t.id, 'PRIMARY KEY'],
    ['code', t.shortText, 'NOT NULL'],
    ['campaign_id', t.id],
    ['flow_id', t.id],
    ['accepted', `${t.boolean} NOT NULL`],
    ['redeemed_at', t.timestamp, 'NOT NULL'],
  ];
  if (dialect === 'sqlite') {
    for (const [name, columns] of [
      ['discount_codes', codes],
      ['discount_redemptions', redemptions],
    ] as const) {
      const kept = columns.map(([c]) => c).filter((c) => c !== 'flow_id');
      await table(`${name}_next`, [...columns]);
      await sql.raw(`INSERT INTO ${q(`${name}_next`)} (${kept.map(q).join(', ')}) SELECT ${kept.map(q).join(', ')} FROM ${q(name)}`).execute(db);
      await sql.raw(`DROP TABLE ${q(name)}`).execute(db);
      await sql.raw(`ALTER TABLE ${q(`${name}_next`)} RENAME TO ${q(name)}`).execute(db);
    }
    await index('discount_codes', ['campaign_id']);
    await index('discount_redemptions', ['code']);
    await index('discount_redemptions', ['campaign_id']);
  } else {
    for (const name of ['discount_codes', 'discount_redemptions']) {
      const optional = dialect === 'postgres' ? `ALTER COLUMN ${q('campaign_id')} DROP NOT NULL` : `MODIFY ${q('campaign_id')} ${t.id} NULL`;
      await sql.raw(`ALTER TABLE ${q(name)} ${optional}`).execute(db);
      await addColumn(name, 'flow_id', t.id);
    }
  }
  await index('discount_codes', ['flow_id']);
  await index('discount_redemptions', ['flow_id']);
}
