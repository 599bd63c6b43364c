/**
 * The reports computed straight from orders, customers and interactions with GROUP BY on indexed
 * columns. They answer day and week buckets, and they are the reference the rollup-based reports
 * must equal.
 */
import { sql } from 'kysely';
import type { Ctx } from '../core/context.js';
import type { Db } from '../core/database.js';
import { centsSum } from '../core/dialect.js';
import { invalid } from '../core/errors.js';
import { getInsightSettings } from '../insights/settings.js';
import { countedOrderStatuses } from '../schema/entities.js';
import { bucketExpr, bucketsBetween, churnedByPeriod, lastDayWindow, num, resolveRange, round2, type RangeParams } from './range.js';

const counted = [...countedOrderStatuses];

export async function revenueReportFromBase(ctx: Ctx, p: RangeParams) {
  const r = resolveRange(p);
  const { db, dialect } = ctx.database;
  const b = bucketExpr(dialect, 'ordered_at', r.bucket);
  const rows = await db
    .selectFrom('orders')
    .select([b.as('period'), sql<number>`sum(total)`.as('revenue'), sql<number>`count(*)`.as('orders'), sql<number>`count(distinct customer_id)`.as('customers')])
    .where('status', 'in', counted)
    .where('ordered_at', '>=', r.from)
    .where('ordered_at', '<', r.toExclusive)
    .groupBy(sql`1`)
    .orderBy(sql`1`)
    .execute();
  const byPeriod = new Map(rows.map((row) => [row.period as string, row]));
  const data = bucketsBetween(r.from, r.to, r.bucket).map((period) => {
    const row = byPeriod.get(period);
    const revenue = round2(num(row?.revenue));
    const orders = num(row?.orders);
    return { period, revenue, orders, customers: num(row?.customers), average_order_value: orders ? round2(revenue / orders) : null };
  });
  return { from: r.from, to: r.to, bucket: r.bucket, data };
}

export async function customersReportFromBase(ctx: Ctx, p: RangeParams) {
  const r = resolveRange(p);
  const { db, dialect } = ctx.database;
  const settings = await getInsightSettings(db);
  const churnDays = settings.inactive_days;
  const created = await db
    .selectFrom('customers')
    .select([bucketExpr(dialect, 'first_order_at', r.bucket).as('period'), sql<number>`count(*)`.as('n')])
    .where('first_order_at', '>=', r.from)
    .where('first_order_at', '<', r.toExclusive)
    .groupBy(sql`1`)
    .execute();
  const active = await db
    .selectFrom('orders')
    .select([bucketExpr(dialect, 'ordered_at', r.bucket).as('period'), sql<number>`count(distinct customer_id)`.as('n')])
    .where('status', 'in', counted)
    .where('ordered_at', '>=', r.from)
    .where('ordered_at', '<', r.toExclusive)
    .groupBy(sql`1`)
    .execute();
  const window = lastDayWindow(r, churnDays);
  const lastDays = await db
    .selectFrom('customers')
    .select([sql<string>`substr(last_order_at, 1, 10)`.as('day'), sql<number>`count(*)`.as('n')])
    .where('last_order_at', '>=', window.from)
    .where('last_order_at', '<', window.toExclusive)
    .groupBy(sql`1`)
    .execute();
  const churned = churnedByPeriod(
    lastDays.map((row) => ({ day: row.day, n: num(row.n) })),
    r,
    churnDays,
  );
  const newMap = new Map(created.map((row) => [row.period as string, num(row.n)]));
  const activeMap = new Map(active.map((row) => [row.period as string, num(row.n)]));
  const data = bucketsBetween(r.from, r.to, r.bucket).map((period) => ({
    period,
    new_customers: newMap.get(period) ?? 0,
    active_customers: activeMap.get(period) ?? 0,
    churned_customers: churned.get(period) ?? 0,
  }));
  return { from: r.from, to: r.to, bucket: r.bucket, churn_after_days: churnDays, data };
}

const monthIndex = (ym: string) => Number(ym.slice(0, 4)) * 12 + Number(ym.slice(5, 7)) - 1;

/** Cohort rows: each first-purchase month with its size and the share buying in each later month. */
export function cohortRows(rows: { cohort: string; month: string; customers: number }[]) {
  const cohorts = new Map<string, Map<number, number>>();
  for (const row of rows) {
    const offset = monthIndex(row.month) - monthIndex(row.cohort);
    if (offset < 0 || row.customers === 0) continue;
    const m = cohorts.get(row.cohort) ?? new Map<number, number>();
    m.set(offset, row.customers);
    cohorts.set(row.cohort, m);
  }
  return [...cohorts.keys()].sort().map((cohort) => {
    const m = cohorts.get(cohort)!;
    const size = m.get(0) ?? 0;
    const last = Math.max(...m.keys());
    const retention = Array.from({ length: last + 1 }, (_, offset) => {
      const customers = m.get(offset) ?? 0;
      return { month_offset: offset, customers, rate: size ? Math.round((customers / size) * 10000) / 10000 : null };
    });
    return { cohort, size, retention };
  });
}

/** Retention by first-purchase month: share of each cohort buying in each later month. */
export async function cohortReportFromBase(ctx: Ctx, p: RangeParams) {
  const r = resolveRange({ ...p, bucket: 'month' });
  const { db } = ctx.database;
  const rows = await db
    .selectFrom('orders as o')
    .innerJoin('customers as c', 'c.id', 'o.customer_id')
    .select([sql<string>`substr(c.first_order_at, 1, 7)`.as('cohort'), sql<string>`substr(o.ordered_at, 1, 7)`.as('month'), sql<number>`count(distinct o.customer_id)`.as('n')])
    .where('o.status', 'in', counted)
    .where('c.first_order_at', '>=', r.from)
    .where('c.first_order_at', '<', r.toExclusive)
    .groupBy([sql`substr(c.first_order_at, 1, 7)`, sql`substr(o.ordered_at, 1, 7)`])
    .execute();
  const data = cohortRows(rows.map((row) => ({ cohort: row.cohort as string, month: row.month as string, customers: num(row.n) })));
  return { from: r.from, to: r.to, data };
}

export const breakdownDimensions = ['segment', 'stage', 'rfm_segment', 'source', 'country'] as const;
export type BreakdownDimension = (typeof breakdownDimensions)[number];

export interface BreakdownRow {
  key: string | null;
  revenue: number;
  orders: number;
  customers: number;
}

/** Names (and descriptions for model segments) beside the keys, largest revenue first. */
export async function breakdownRows(db: Db, dimension: BreakdownDimension, rows: BreakdownRow[]) {
  const names = new Map<string, { name: string; description: string | null }>();
  if (dimension === 'segment') {
    const ids = rows.map((row) => row.key).filter((k): k is string => !!k);
    if (ids.length) {
      const segs = await db.selectFrom('segments').select(['id', 'name', 'description']).where('id', 'in', ids).execute();
      for (const s of segs) names.set(s.id as string, { name: s.name as string, description: (s.description as string | null) ?? null });
    }
  }
  return rows
    .map(({ key, revenue, orders, customers }) => ({
      key,
      name: key === null ? 'none' : (names.get(key)?.name ?? key),
      ...(dimension === 'segment' ? { description: key ? (names.get(key)?.description ?? null) : null } : {}),
      revenue: round2(revenue),
      orders,
      customers,
    }))
    .sort((x, y) => y.revenue - x.revenue || (x.name < y.name ? -1 : 1));
}

/** The customers' column a breakdown dimension groups by. */
export const breakdownColumn = (dimension: BreakdownDimension) => (dimension === 'segment' ? 'segment_id' : dimension);

/** Revenue and orders in the range by a customer dimension (model segment, stage, RFM segment, source, country). */
export async function revenueBreakdownFromBase(ctx: Ctx, dimension: BreakdownDimension, p: RangeParams) {
  if (!breakdownDimensions.includes(dimension)) throw invalid(`dimension must be one of ${breakdownDimensions.join(', ')}`, { dimension: ['unknown dimension'] });
  const r = resolveRange(p);
  const { db, dialect } = ctx.database;
  const column = breakdownColumn(dimension);
  // Orders summed per customer first, so each buyer's row is read once rather than once per order
  // (90 days of the 1M-customer demo: 8.5 s -> 1.3 s); in whole cents, as the rollups sum them.
  const buyers = db
    .selectFrom('orders')
    .select(['customer_id', centsSum(dialect, sql`total`).as('cents'), sql<number>`count(*)`.as('orders')])
    .where('status', 'in', counted)
    .where('ordered_at', '>=', r.from)
    .where('ordered_at', '<', r.toExclusive)
    .groupBy('customer_id');
  const rows = await db
    .selectFrom(buyers.as('b'))
    .innerJoin('customers as c', 'c.id', 'b.customer_id')
    .select([sql.ref(`c.${column}`).as('key'), sql<number>`sum(b.cents)`.as('cents'), sql<number>`sum(b.orders)`.as('orders'), sql<number>`count(*)`.as('customers')])
    .groupBy(`c.${column}`)
    .execute();
  const data = await breakdownRows(
    db,
    dimension,
    rows.map((row) => ({ key: (row.key as string | null) ?? null, revenue: num(row.cents) / 100, orders: num(row.orders), customers: num(row.customers) })),
  );
  return { from: r.from, to: r.to, dimension, data };
}

export interface CampaignRow {
  key: string | null;
  sent: number;
  opened: number;
  clicked: number;
  converted: number;
  revenue: number;
}

/** Campaign or channel rows with their conversion rate, most revenue first. */
export function campaignRows(by: 'campaign' | 'channel', rows: CampaignRow[]) {
  return rows
    .map(({ key, sent, opened, clicked, converted, revenue }) => ({
      [by]: key,
      sent,
      opened,
      clicked,
      converted,
      conversion_rate: sent ? Math.round((converted / sent) * 10000) / 10000 : null,
      revenue: round2(revenue),
    }))
    .sort((x, y) => y.revenue - x.revenue || y.converted - x.converted);
}

/** Campaign interactions: sent, opened, clicked, converted, and the revenue of the orders they led to. */
export async function campaignReportFromBase(ctx: Ctx, by: 'campaign' | 'channel', p: RangeParams) {
  const r = resolveRange(p);
  const { db } = ctx.database;
  const column = by === 'campaign' ? 'i.campaign' : 'i.channel';
  const flag = (c: string) => sql<number>`sum(case when ${sql.ref(c)} then 1 else 0 end)`;
  const rows = await db
    .selectFrom('interactions as i')
    .leftJoin('orders as o', 'o.id', 'i.order_id')
    .select([
      sql.ref(column).as('key'),
      sql<number>`count(*)`.as('sent'),
      flag('i.opened').as('opened'),
      flag('i.clicked').as('clicked'),
      flag('i.converted').as('converted'),
      sql<number>`sum(case when o.status in (${sql.join(counted)}) then o.total else 0 end)`.as('revenue'),
    ])
    .where('i.type', '=', 'campaign')
    .where('i.occurred_at', '>=', r.from)
    .where('i.occurred_at', '<', r.toExclusive)
    .groupBy(column)
    .execute();
  const data = campaignRows(
    by,
    rows.map((row) => ({ key: (row.key as string | null) ?? null, sent: num(row.sent), opened: num(row.opened), clicked: num(row.clicked), converted: num(row.converted), revenue: num(row.revenue) })),
  );
  return { from: r.from, to: r.to, by, data };
}
