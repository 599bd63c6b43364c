/**
 * Reports: revenue and orders over time, new / active / churned customers, retention cohorts, revenue by
 * segment and other dimensions, campaigns and channels, and the dashboard set in one call. Aggregates run
 * as GROUP BY on indexed columns; timestamps are ISO strings, so substr() buckets days and months on every
 * engine. Results are cached per report, parameters and data version (plus a short TTL for edits that
 * the version does not see).
 */
import { createHash } from 'node:crypto';
import { sql, type RawBuilder } from 'kysely';
import type { Ctx } from '../core/context.js';
import type { DialectName } from '../core/database.js';
import { toNumber } from '../core/database.js';
import { invalid } from '../core/errors.js';
import { getInsightSettings } from '../insights/settings.js';
import { countedOrderStatuses } from '../schema/entities.js';

export type Bucket = 'day' | 'week' | 'month';

export interface RangeParams {
  from?: string;
  to?: string;
  bucket?: Bucket;
}

interface Range {
  from: string;
  to: string;
  /** Exclusive upper bound as an ISO timestamp prefix: the day after `to`. */
  toExclusive: string;
  bucket: Bucket;
}

const dayMs = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const isDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(s));

export function resolveRange(p: RangeParams, defaultMonths = 12): Range {
  const today = isoDay(Date.now());
  const to = p.to ?? today;
  if (!isDate(to)) throw invalid('to must be a date YYYY-MM-DD', { to: ['must be a date YYYY-MM-DD'] });
  let from = p.from;
  if (from === undefined) {
    const d = new Date(`${to}T00:00:00Z`);
    d.setUTCMonth(d.getUTCMonth() - defaultMonths);
    d.setUTCDate(1);
    from = isoDay(d.getTime());
  }
  if (!isDate(from)) throw invalid('from must be a date YYYY-MM-DD', { from: ['must be a date YYYY-MM-DD'] });
  if (from > to) throw invalid('from must not be after to', { from: ['must not be after to'] });
  const bucket = p.bucket ?? 'month';
  if (!['day', 'week', 'month'].includes(bucket)) throw invalid('bucket must be day, week or month', { bucket: ['must be day, week or month'] });
  return { from, to, toExclusive: isoDay(Date.parse(`${to}T00:00:00Z`) + dayMs), bucket };
}

/** The bucket label of an ISO timestamp column: YYYY-MM-DD (day, Monday of the week) or YYYY-MM. */
export function bucketExpr(dialect: DialectName, column: string, bucket: Bucket): RawBuilder<string> {
  const ref = sql.ref(column);
  if (bucket === 'month') return sql<string>`substr(${ref}, 1, 7)`;
  if (bucket === 'day') return sql<string>`substr(${ref}, 1, 10)`;
  if (dialect === 'sqlite') return sql<string>`date(substr(${ref}, 1, 10), '-6 days', 'weekday 1')`;
  if (dialect === 'postgres') return sql<string>`to_char(date_trunc('week', cast(substr(${ref}, 1, 10) as date)), 'YYYY-MM-DD')`;
  return sql<string>`date_format(date_sub(cast(substr(${ref}, 1, 10) as date), interval weekday(cast(substr(${ref}, 1, 10) as date)) day), '%Y-%m-%d')`;
}

/** The same bucketing in JS for a YYYY-MM-DD day. */
export function bucketOfDay(day: string, bucket: Bucket): string {
  if (bucket === 'month') return day.slice(0, 7);
  if (bucket === 'day') return day;
  const ms = Date.parse(`${day}T00:00:00Z`);
  const weekday = (new Date(ms).getUTCDay() + 6) % 7; // Monday = 0
  return isoDay(ms - weekday * dayMs);
}

/** Every bucket label from `from` to `to`, so that empty periods show as zeros. */
export function bucketsBetween(from: string, to: string, bucket: Bucket): string[] {
  const out: string[] = [];
  let ms = Date.parse(`${from}T00:00:00Z`);
  const end = Date.parse(`${to}T00:00:00Z`);
  let last = '';
  while (ms <= end) {
    const b = bucketOfDay(isoDay(ms), bucket);
    if (b !== last) out.push(b);
    last = b;
    if (bucket === 'month') {
      const d = new Date(ms);
      ms = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
    } else ms += bucket === 'day' ? dayMs : 7 * dayMs;
  }
  // The last partial period.
  const final = bucketOfDay(to, bucket);
  if (out[out.length - 1] !== final) out.push(final);
  return out;
}

const counted = [...countedOrderStatuses];
const num = (v: unknown) => toNumber(v) ?? 0;
const round2 = (v: number) => Math.round(v * 100) / 100;

export async function revenueReport(ctx: Ctx, p: RangeParams) {
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

export async function customersReport(ctx: Ctx, p: RangeParams) {
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
  // A customer churns `inactive_days` after the last order (if nothing came since): shift last-order days.
  const shift = churnDays * dayMs;
  const today = isoDay(Date.now());
  const lastDays = await db
    .selectFrom('customers')
    .select([sql<string>`substr(last_order_at, 1, 10)`.as('day'), sql<number>`count(*)`.as('n')])
    .where('last_order_at', '>=', isoDay(Date.parse(`${r.from}T00:00:00Z`) - shift))
    .where('last_order_at', '<', isoDay(Date.parse(`${r.toExclusive}T00:00:00Z`) - shift))
    .groupBy(sql`1`)
    .execute();
  const churned = new Map<string, number>();
  for (const row of lastDays) {
    const churnDay = isoDay(Date.parse(`${row.day}T00:00:00Z`) + shift + dayMs);
    if (churnDay > today || churnDay > r.to) continue;
    const period = bucketOfDay(churnDay, r.bucket);
    churned.set(period, (churned.get(period) ?? 0) + num(row.n));
  }
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

/** Retention by first-purchase month: share of each cohort buying in each later month. */
export async function cohortReport(ctx: Ctx, p: RangeParams) {
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
  const monthIndex = (ym: string) => Number(ym.slice(0, 4)) * 12 + Number(ym.slice(5, 7)) - 1;
  const cohorts = new Map<string, Map<number, number>>();
  for (const row of rows) {
    const offset = monthIndex(row.month as string) - monthIndex(row.cohort as string);
    if (offset < 0) continue;
    const m = cohorts.get(row.cohort as string) ?? new Map<number, number>();
    m.set(offset, num(row.n));
    cohorts.set(row.cohort as string, m);
  }
  const data = [...cohorts.keys()].sort().map((cohort) => {
    const m = cohorts.get(cohort)!;
    const size = m.get(0) ?? 0;
    const last = Math.max(...m.keys());
    const retention = Array.from({ length: last + 1 }, (_, offset) => {
      const customers = m.get(offset) ?? 0;
      return { month_offset: offset, customers, rate: size ? Math.round((customers / size) * 10000) / 10000 : null };
    });
    return { cohort, size, retention };
  });
  return { from: r.from, to: r.to, data };
}

export const breakdownDimensions = ['segment', 'stage', 'rfm_segment', 'source', 'country'] as const;
export type BreakdownDimension = (typeof breakdownDimensions)[number];

/** Revenue and orders in the range by a customer dimension (model segment, stage, RFM segment, source, country). */
export async function revenueBreakdown(ctx: Ctx, dimension: BreakdownDimension, p: RangeParams) {
  if (!breakdownDimensions.includes(dimension)) throw invalid(`dimension must be one of ${breakdownDimensions.join(', ')}`, { dimension: ['unknown dimension'] });
  const r = resolveRange(p);
  const { db } = ctx.database;
  const column = dimension === 'segment' ? 'segment_id' : dimension;
  const rows = await db
    .selectFrom('orders as o')
    .innerJoin('customers as c', 'c.id', 'o.customer_id')
    .select([sql.ref(`c.${column}`).as('key'), sql<number>`sum(o.total)`.as('revenue'), sql<number>`count(*)`.as('orders'), sql<number>`count(distinct o.customer_id)`.as('customers')])
    .where('o.status', 'in', counted)
    .where('o.ordered_at', '>=', r.from)
    .where('o.ordered_at', '<', r.toExclusive)
    .groupBy(`c.${column}`)
    .execute();
  const names = new Map<string, { name: string; description: string | null }>();
  if (dimension === 'segment') {
    const ids = rows.map((row) => row.key as string | null).filter((k): k is string => !!k);
    if (ids.length) {
      const segs = await db.selectFrom('segments').select(['id', 'name', 'description']).where('id', 'in', ids).execute();
      for (const s of segs) names.set(s.id as string, { name: s.name as string, description: (s.description as string | null) ?? null });
    }
  }
  const data = rows
    .map((row) => {
      const key = (row.key as string | null) ?? null;
      return {
        key,
        name: key === null ? 'none' : (names.get(key)?.name ?? key),
        ...(dimension === 'segment' ? { description: key ? (names.get(key)?.description ?? null) : null } : {}),
        revenue: round2(num(row.revenue)),
        orders: num(row.orders),
        customers: num(row.customers),
      };
    })
    .sort((x, y) => y.revenue - x.revenue || (x.name < y.name ? -1 : 1));
  return { from: r.from, to: r.to, dimension, data };
}

/** Campaign interactions: sent, opened, clicked, converted, and the revenue of the orders they led to. */
export async function campaignReport(ctx: Ctx, by: 'campaign' | 'channel', p: RangeParams) {
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
  const data = rows
    .map((row) => {
      const sent = num(row.sent);
      const converted = num(row.converted);
      return {
        [by]: (row.key as string | null) ?? null,
        sent,
        opened: num(row.opened),
        clicked: num(row.clicked),
        converted,
        conversion_rate: sent ? Math.round((converted / sent) * 10000) / 10000 : null,
        revenue: round2(num(row.revenue)),
      };
    })
    .sort((x, y) => y.revenue - x.revenue || y.converted - x.converted);
  return { from: r.from, to: r.to, by, data };
}

/** The dashboard set: KPIs for the range, revenue by month, customers by stage, revenue by segment, top campaigns. */
export async function dashboardReport(ctx: Ctx, p: RangeParams) {
  const r = resolveRange({ ...p, bucket: p.bucket ?? 'month' });
  const { db } = ctx.database;
  const revenue = await revenueReport(ctx, r);
  const customers = await customersReport(ctx, r);
  const totals = revenue.data.reduce((s, x) => ({ revenue: s.revenue + x.revenue, orders: s.orders + x.orders }), { revenue: 0, orders: 0 });
  const buyers = await db
    .selectFrom('orders')
    .select(sql<number>`count(distinct customer_id)`.as('n'))
    .where('status', 'in', counted)
    .where('ordered_at', '>=', r.from)
    .where('ordered_at', '<', r.toExclusive)
    .executeTakeFirstOrThrow();
  const stages = await db.selectFrom('customers').select(['stage', sql<number>`count(*)`.as('n')]).groupBy('stage').execute();
  const byStage: Record<string, number> = { lead: 0, active: 0, inactive: 0, churned: 0, unscored: 0 };
  for (const s of stages) byStage[(s.stage as string | null) ?? 'unscored'] = num(s.n);
  const totalCustomers = Object.values(byStage).reduce((s, n) => s + n, 0);
  return {
    from: r.from,
    to: r.to,
    kpis: {
      revenue: round2(totals.revenue),
      orders: totals.orders,
      average_order_value: totals.orders ? round2(totals.revenue / totals.orders) : null,
      active_customers: num(buyers.n),
      new_customers: customers.data.reduce((s, x) => s + x.new_customers, 0),
      churned_customers: customers.data.reduce((s, x) => s + x.churned_customers, 0),
      customers: totalCustomers,
    },
    revenue: revenue.data,
    customers: customers.data,
    customers_by_stage: byStage,
    revenue_by_segment: (await revenueBreakdown(ctx, 'segment', r)).data,
    top_campaigns: (await campaignReport(ctx, 'campaign', r)).data.slice(0, 5),
  };
}

/**
 * A cheap data version: the newest ids of the tables reports read (ids sort by creation time, so the
 * primary-key index answers each in one step) and the newest insight run and segmentation.
 */
async function dataVersion(ctx: Ctx): Promise<string> {
  const { db } = ctx.database;
  const parts = await Promise.all(
    ['orders', 'customers', 'interactions', 'segmentations', 'insight_runs'].map(async (table) => {
      const row = await db.selectFrom(table).select(sql<string>`max(id)`.as('m')).executeTakeFirst();
      return (row?.m as string | null) ?? '-';
    }),
  );
  const settings = await db.selectFrom('settings').select(sql<string>`max(updated_at)`.as('m')).executeTakeFirst();
  return [...parts, (settings?.m as string | null) ?? '-'].join('|');
}

export const cacheTtlMs = 5 * 60_000;

/** Answers from report_cache when the data version matches and the entry is younger than the TTL. */
export async function cached<T>(ctx: Ctx, report: string, params: unknown, compute: () => Promise<T>, options: { ttlMs?: number } = {}): Promise<T & { cached: boolean; generated_at: string }> {
  const { db } = ctx.database;
  const key = `${report}:${createHash('sha1').update(JSON.stringify(params ?? null)).digest('hex')}`;
  const version = await dataVersion(ctx);
  const ttl = options.ttlMs ?? cacheTtlMs;
  const hit = await db.selectFrom('report_cache').select(['version', 'value', 'created_at']).where('cache_key', '=', key).executeTakeFirst();
  if (hit && hit.version === version && Date.now() - Date.parse(hit.created_at as string) < ttl) {
    return { ...(JSON.parse(hit.value as string) as T), cached: true, generated_at: hit.created_at as string };
  }
  const value = await compute();
  const generatedAt = new Date().toISOString();
  try {
    await db.transaction().execute(async (trx) => {
      await trx.deleteFrom('report_cache').where('cache_key', '=', key).execute();
      await trx.insertInto('report_cache').values({ cache_key: key, version, value: JSON.stringify(value), created_at: generatedAt }).execute();
    });
  } catch {
    // Another request stored the same entry first; its value is as good as ours.
  }
  return { ...value, cached: false, generated_at: generatedAt };
}
