/**
 * Orders in another currency than the business's. Amounts are never converted, so a report's amounts
 * and order counts cover the business currency only: the counted orders in other currencies are
 * subtracted from every period and breakdown row, and listed per currency (`other_currencies`) so that
 * the total says what it leaves out. Buyer counts still count every buyer.
 */
import { sql } from 'kysely';
import type { Ctx } from '../core/context.js';
import type { Db } from '../core/database.js';
import { countedOrderStatuses } from '../schema/entities.js';
import { getBusinessSettings } from '../settings/business.js';
import { bucketExpr, num, round2, type Range } from './range.js';
import { centsSum } from '../core/dialect.js';

const counted = [...countedOrderStatuses];

interface OtherRow {
  currency: string;
  period: string;
  key: string | null;
  orders: number;
  cents: number;
}

export interface OtherCurrencies {
  /** The business currency: every amount of the report is in it. */
  currency: string;
  /** Counted orders in the range in each other currency, left out of the amounts and order counts. */
  other_currencies: { currency: string; orders: number; revenue: number }[];
  /** What the amounts include, in words. */
  includes: string;
}

/**
 * The currencies orders are in other than `currency`, one index seek each: the next currency after the
 * last one found, skipping `currency` itself (whose orders may be millions) with a seek past it.
 */
async function otherCurrencies(db: Db, currency: string): Promise<string[]> {
  const out: string[] = [];
  let after: string | null = null;
  for (;;) {
    let q = db.selectFrom('orders').select('currency').orderBy('currency').limit(1);
    if (after !== null) q = q.where('currency', '>', after);
    const row = await q.executeTakeFirst();
    if (!row) return out;
    after = String(row.currency);
    if (after !== currency) out.push(after);
  }
}

/** Counted orders in the range whose currency is not `currency`, by currency, period and a customer column. */
async function otherRows(ctx: Ctx, r: Range, currency: string, column: string | null): Promise<OtherRow[]> {
  const { db, dialect } = ctx.database;
  const period = bucketExpr(dialect, 'o.ordered_at', r.bucket);
  const key = column ? sql.ref(`c.${column}`) : sql`null`;
  // One (currency, ordered_at) index range per other currency. A "<>", or "<" and ">" the business
  // currency, lets SQLite without table statistics read the range by ordered_at and every order's row.
  const query = (other: string) =>
    db
      .selectFrom('orders as o')
      .innerJoin('customers as c', 'c.id', 'o.customer_id')
      .select([sql<string>`o.currency`.as('currency'), period.as('period'), key.as('key'), sql<number>`count(*)`.as('orders'), centsSum(dialect, sql`o.total`).as('cents')])
      .where('o.currency', '=', other)
      .where('o.ordered_at', '>=', r.from)
      .where('o.ordered_at', '<', r.toExclusive)
      .where('o.status', 'in', counted)
      .groupBy(column ? [sql`o.currency`, period, key] : [sql`o.currency`, period])
      .execute();
  const rows = [];
  for (const other of await otherCurrencies(db, currency)) rows.push(...(await query(other)));
  return rows.map((row) => ({ currency: String(row.currency), period: String(row.period), key: (row.key as string | null) ?? null, orders: num(row.orders), cents: num(row.cents) }));
}

function summary(currency: string, rows: OtherRow[], r: Range): OtherCurrencies {
  const by = new Map<string, { orders: number; cents: number }>();
  for (const row of rows) {
    const s = by.get(row.currency) ?? { orders: 0, cents: 0 };
    s.orders += row.orders;
    s.cents += row.cents;
    by.set(row.currency, s);
  }
  const other = [...by].sort(([a], [b]) => (a < b ? -1 : 1)).map(([c, s]) => ({ currency: c, orders: s.orders, revenue: round2(s.cents / 100) }));
  const left = other.map((o) => `${o.orders} in ${o.currency} (${o.revenue.toFixed(2)} ${o.currency})`).join(', ');
  const includes = `Orders (${counted.join(', ')}) from ${r.from} to ${r.to} in ${currency}${left ? `; left out: ${left}, as currencies are not converted` : ''}.`;
  return { currency, other_currencies: other, includes };
}

interface AmountRow {
  revenue: number;
  orders: number;
  average_order_value?: number | null;
}

function subtract<T extends AmountRow>(row: T, cents: number, orders: number): T {
  if (!cents && !orders) return row;
  const revenue = round2(row.revenue - cents / 100);
  const n = row.orders - orders;
  return { ...row, revenue, orders: n, ...('average_order_value' in row ? { average_order_value: n ? round2(revenue / n) : null } : {}) };
}

function totalsBy(rows: OtherRow[], pick: (row: OtherRow) => string) {
  const out = new Map<string, { cents: number; orders: number }>();
  for (const row of rows) {
    const k = pick(row);
    const s = out.get(k) ?? { cents: 0, orders: 0 };
    s.cents += row.cents;
    s.orders += row.orders;
    out.set(k, s);
  }
  return out;
}

/** Per-period rows in the business currency only. */
export async function periodsInBusinessCurrency<T extends AmountRow & { period: string }>(ctx: Ctx, r: Range, data: T[]): Promise<{ data: T[] } & OtherCurrencies> {
  const { currency } = await getBusinessSettings(ctx.database.db);
  const rows = await otherRows(ctx, r, currency, null);
  const byPeriod = totalsBy(rows, (row) => row.period);
  return { data: data.map((d) => subtract(d, byPeriod.get(d.period)?.cents ?? 0, byPeriod.get(d.period)?.orders ?? 0)), ...summary(currency, rows, r) };
}

/** Breakdown rows (keyed by a customer column) in the business currency only, most revenue first. */
export async function breakdownInBusinessCurrency<T extends AmountRow & { key: string | null; name: string }>(ctx: Ctx, r: Range, column: string, data: T[]): Promise<{ data: T[] } & OtherCurrencies> {
  const { currency } = await getBusinessSettings(ctx.database.db);
  const rows = await otherRows(ctx, r, currency, column);
  const byKey = totalsBy(rows, (row) => row.key ?? '');
  const out = data.map((d) => subtract(d, byKey.get(d.key ?? '')?.cents ?? 0, byKey.get(d.key ?? '')?.orders ?? 0)).sort((x, y) => y.revenue - x.revenue || (x.name < y.name ? -1 : 1));
  return { data: out, ...summary(currency, rows, r) };
}
