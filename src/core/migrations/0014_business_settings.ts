import { sql, type Kysely } from 'kysely';
import { parsePhoneNumberFromString } from 'libphonenumber-js';
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
  await addNationalPhoneWords(db);
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

/**
 * Phone search now also finds a number typed in national form (0470536746) or without its country code
 * (470536746): customers written before get those words added to their search text, from their E.164
 * numbers, in batches by id.
 */
export async function addNationalPhoneWords(db: Kysely<any>): Promise<number> {
  let after = '';
  let changed = 0;
  for (;;) {
    const rows = await db.selectFrom('customers').select(['id', 'phones', 'search_text']).where('id', '>', after).where('phones', '<>', '[]').orderBy('id').limit(1000).execute();
    if (rows.length === 0) return changed;
    for (const row of rows) {
      const words = new Set(String(row.search_text).split(' '));
      const added: string[] = [];
      let phones: { e164?: string | null }[] = [];
      try {
        phones = JSON.parse(String(row.phones));
      } catch {
        continue;
      }
      for (const p of phones) {
        const parsed = p?.e164 ? parsePhoneNumberFromString(p.e164) : undefined;
        if (!parsed) continue;
        for (const word of [parsed.formatNational().replace(/\D/g, ''), String(parsed.nationalNumber)]) if (word && !words.has(word)) (words.add(word), added.push(word));
      }
      if (added.length === 0) continue;
      await db
        .updateTable('customers')
        .set({ search_text: [String(row.search_text), ...added].filter(Boolean).join(' ') })
        .where('id', '=', row.id)
        .execute();
      changed++;
    }
    after = String(rows[rows.length - 1].id);
  }
}
