import type { Kysely } from 'kysely';
import { columnTypes, type DialectName } from '../database.js';
import { ddl } from './ddl.js';

/**
 * A customer's own time zone (flows wait until a time of day in it), and the personal discount codes a
 * campaign hands out: each code issued (with the campaign and customer it was made for) and each order
 * that redeemed one, keyed by the order so that an order is counted once however often its events are
 * read. A campaign says how many orders may redeem one code (1 by default; 0 for any number).
 */
export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  const t = columnTypes(dialect);
  const { table, index, addColumn } = ddl(db, dialect);
  await addColumn('customers', 'time_zone', t.shortText);
  await addColumn('campaigns', 'discount_uses', `${t.integer} NOT NULL DEFAULT 1`);
  await table('discount_codes', [
    ['code', t.shortText, 'PRIMARY KEY'],
    ['campaign_id', t.id, 'NOT NULL'],
    ['customer_id', t.id, 'NOT NULL'],
    ['issued_at', t.timestamp, 'NOT NULL'],
  ]);
  await index('discount_codes', ['campaign_id']);
  await table('discount_redemptions', [
    ['order_id', t.id, 'PRIMARY KEY'],
    ['code', t.shortText, 'NOT NULL'],
    ['campaign_id', t.id, 'NOT NULL'],
    ['accepted', `${t.boolean} NOT NULL`],
    ['redeemed_at', t.timestamp, 'NOT NULL'],
  ]);
  await index('discount_redemptions', ['code']);
  await index('discount_redemptions', ['campaign_id']);
}
