import type { Kysely } from 'kysely';
import { columnTypes, type DialectName } from '../database.js';
import { ddl } from './ddl.js';

/**
 * customer_match_keys is keyed by (customer_id, match_key): a customer's keys are one run of the table
 * itself, so the separate index by customer goes, and on SQLite the rows carry no row id. A scan or a
 * rebuild writes and reads a third less. The stored keys are dropped with the old table; the next
 * scan stores them again.
 */
export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  const t = columnTypes(dialect);
  const { table, index, q } = ddl(db, dialect);
  await db.schema.dropTable('customer_match_keys').execute();
  await table(
    'customer_match_keys',
    [
      ['customer_id', t.id, 'NOT NULL'],
      ['match_key', t.integer, 'NOT NULL'],
    ],
    [`PRIMARY KEY (${q('customer_id')}, ${q('match_key')})`],
    { withoutRowid: true },
  );
  await index('customer_match_keys', ['match_key', 'customer_id']);
  await db.deleteFrom('customer_match_profiles').execute();
  await db.deleteFrom('settings').where('setting_key', '=', 'dedupe.match_keys').execute();
}
