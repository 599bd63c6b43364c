/**
 * Business settings: the currency every amount is shown in and the time zone every day is counted in.
 * Until the owner sets it, the currency is the one most orders use (fixed, and stored, at the first read
 * once orders exist; migration 0014 does the same for databases that already had orders), else EUR.
 */
import { z } from '@hono/zod-openapi';
import type { Database, Db } from '../core/database.js';
import { invalid } from '../core/errors.js';
import { issuesToFields } from '../records/validation.js';
import { canonicalTimeZone } from '../schema/fields.js';
import { appendEvents } from '../core/events.js';
import { readSetting, writeSettingIn } from './store.js';

const businessSettingsKey = 'business';
const defaultCurrency = 'EUR';
const defaultTimeZone = 'UTC';

export interface BusinessSettings {
  /** ISO 4217 code, upper case. */
  currency: string;
  /** IANA time zone name, as Intl spells it (e.g. "Europe/Brussels"). */
  timeZone: string;
}

const knownCurrencies = new Set(Intl.supportedValuesOf('currency'));

/** The ISO 4217 code in upper case, or undefined when it is not a currency Intl knows. */
export function currencyCode(value: string): string | undefined {
  const code = value.trim().toUpperCase();
  return knownCurrencies.has(code) ? code : undefined;
}

/** The canonical IANA name ("europe/brussels" -> "Europe/Brussels"), or undefined when unknown. */
const timeZoneName = canonicalTimeZone;

/** The API shape (snake_case like every other resource). */
export const businessSettingsSchema = z
  .object({
    currency: z
      .string()
      .max(3)
      .refine((v) => currencyCode(v) !== undefined, { message: 'not an ISO 4217 currency code (e.g. EUR, USD, GBP)' })
      .openapi({ example: 'EUR', description: 'ISO 4217 currency code: amounts are shown in it; orders in another currency are labelled and kept out of totals' }),
    time_zone: z
      .string()
      .max(64)
      .refine((v) => timeZoneName(v) !== undefined, { message: 'not an IANA time zone (e.g. Europe/Brussels, UTC)' })
      .openapi({ example: 'Europe/Brussels', description: 'IANA time zone: days (reports, "3 days ago") are counted in it' }),
  })
  .strict()
  .openapi('BusinessSettings');

export const businessSettingsPatch = businessSettingsSchema.partial().strict().openapi('BusinessSettingsPatch');

interface Stored {
  currency?: string;
  time_zone?: string;
}

/** The currency most orders use, or undefined when there are none. */
async function prevailingCurrency(db: Db): Promise<string | undefined> {
  const row = await db
    .selectFrom('orders')
    .select(['currency', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('currency')
    .orderBy('n', 'desc')
    .orderBy('currency')
    .limit(1)
    .executeTakeFirst();
  return row ? currencyCode(String(row.currency)) : undefined;
}

async function storeIfAbsent(db: Db, value: Stored): Promise<void> {
  try {
    await db
      .insertInto('settings')
      .values({ setting_key: businessSettingsKey, value: JSON.stringify(value), updated_at: new Date().toISOString() })
      .execute();
  } catch {
    // Another request stored it first: theirs stands.
  }
}

export async function getBusinessSettings(db: Db): Promise<BusinessSettings> {
  const stored = await readSetting<Stored>(db, businessSettingsKey);
  const timeZone = (stored?.time_zone && timeZoneName(stored.time_zone)) || defaultTimeZone;
  const currency = stored?.currency && currencyCode(stored.currency);
  if (currency) return { currency, timeZone };
  const fromOrders = await prevailingCurrency(db);
  if (!fromOrders) return { currency: defaultCurrency, timeZone };
  await storeIfAbsent(db, { currency: fromOrders, time_zone: timeZone });
  const now = await readSetting<Stored>(db, businessSettingsKey);
  return { currency: (now?.currency && currencyCode(now.currency)) || fromOrders, timeZone: (now?.time_zone && timeZoneName(now.time_zone)) || timeZone };
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** Today's date (YYYY-MM-DD) in a time zone. */
export function todayIn(timeZone: string, now = new Date()): string {
  let format = dayFormats.get(timeZone);
  if (!format) dayFormats.set(timeZone, (format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })));
  return format.format(now);
}

export const toApi = (s: BusinessSettings) => ({ currency: s.currency, time_zone: s.timeZone });

/**
 * Changes the business settings and, in the same transaction, appends `settings.updated` naming what
 * changed (figures that depend on the currency follow from that event).
 */
export async function updateBusinessSettings(database: Database, patch: unknown, actor = 'system'): Promise<BusinessSettings> {
  const parsed = businessSettingsPatch.safeParse(patch);
  if (!parsed.success) throw invalid('invalid business settings', issuesToFields(parsed.error.issues));
  const current = await getBusinessSettings(database.db);
  const { currency, time_zone } = parsed.data;
  const next: BusinessSettings = { currency: currency ? currencyCode(currency)! : current.currency, timeZone: time_zone ? timeZoneName(time_zone)! : current.timeZone };
  const before = toApi(current);
  const after = toApi(next);
  const changed = (Object.keys(after) as (keyof typeof after)[]).filter((k) => after[k] !== before[k]);
  await database.db.transaction().execute(async (trx) => {
    await writeSettingIn(trx, businessSettingsKey, after);
    if (changed.length)
      await appendEvents(trx, actor, [
        { type: 'settings.updated', entity: 'settings', entityId: businessSettingsKey, data: { changed, previous: Object.fromEntries(changed.map((k) => [k, before[k]])), ...after } },
      ]);
  });
  return next;
}
