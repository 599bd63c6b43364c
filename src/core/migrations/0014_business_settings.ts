import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../database.js';
import { ddl } from './ddl.js';

/**
 * Business settings (currency, time zone) live in the settings table under the key "business". A
 * database that already holds orders keeps showing amounts in the currency most of them use: that
 * currency is stored now, with the time zone UTC (days were counted in UTC until now). An empty database
 * stores nothing: its currency follows its first orders, else EUR, until the owner sets it.
 * Reports leave orders in other currencies out of their amounts; an index by currency and date finds
 * those few orders without reading the others.
 */
export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  await ddl(db, dialect).index('orders', ['currency', 'ordered_at']);
  const existing = await db.selectFrom('settings').select('setting_key').where('setting_key', '=', 'business').executeTakeFirst();
  if (existing) return;
  const row = await db
    .selectFrom('orders')
    .select(['currency', sql<number>`count(*)`.as('n')])
    .groupBy('currency')
    .orderBy('n', 'desc')
    .orderBy('currency')
    .limit(1)
    .executeTakeFirst();
  const currency = row ? String(row.currency).trim().toUpperCase() : '';
  if (!/^[A-Z]{3}$/.test(currency)) return;
  await db
    .insertInto('settings')
    .values({ setting_key: 'business', value: JSON.stringify({ currency, time_zone: 'UTC' }), updated_at: new Date().toISOString() })
    .execute();
}
