/**
 * Reports: revenue and orders over time, new / active / churned customers, retention cohorts, revenue by
 * segment and other dimensions, campaigns and channels, and the dashboard set in one call. Month buckets
 * read the rollups that every write keeps exact (see rollups.ts); day and week buckets and the other
 * breakdown dimensions run GROUP BY on the base tables (base-reports.ts). Results are also cached per
 * report, parameters and data version (plus a short TTL for edits that the version does not see).
 */
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Ctx } from '../core/context.js';
import { getInsightSettings } from '../insights/settings.js';
import { countedOrderStatuses } from '../schema/entities.js';
import { breakdownColumn, cohortReportFromBase, customersReportFromBase, revenueBreakdownFromBase, revenueReportFromBase, type BreakdownDimension } from './base-reports.js';
import { num, resolveRange, round2, type Range, type RangeParams } from './range.js';
import { campaignsFromRollups, cohortsFromFigures, customersFromFigures, rangeFigures, revenueFromFigures, segmentsFromFigures } from './rollup-reports.js';
import type { RangeFigures } from './range-figures.js';
import { syncReportSegments } from './rollups.js';
import { breakdownInBusinessCurrency, periodsInBusinessCurrency } from './currencies.js';

export { breakdownDimensions, type BreakdownDimension } from './base-reports.js';
export { type RangeParams } from './range.js';

const counted = [...countedOrderStatuses];

/**
 * The order figures of a month-bucket range from the rollups (once they carry the newest segmentation),
 * or null for day and week buckets and for custom ranges whose edges leave out many orders.
 */
function figuresOf(ctx: Ctx, r: Range): Promise<RangeFigures | null> {
  if (r.bucket !== 'month') return Promise.resolve(null);
  const { db } = ctx.database;
  const key = `${r.from}/${r.toExclusive}`;
  let running = figuresInFlight.get(db);
  if (!running) figuresInFlight.set(db, (running = new Map()));
  let figures = running.get(key);
  if (!figures) {
    figures = syncReportSegments(db)
      .then(() => rangeFigures(db, r))
      .finally(() => running.delete(key));
    running.set(key, figures);
  }
  return figures;
}

/**
 * Range figures being made, by database and range. The dashboard set asks for one range's figures twice
 * at once (the dashboard and its cohorts), and correcting mid-month edges takes about half a second at a
 * million customers: the second ask waits for the first. Shared only while being made; their readers only read.
 */
const figuresInFlight = new WeakMap<object, Map<string, Promise<RangeFigures | null>>>();

/** Revenue, orders, buyers and average order value per period, in the business currency. */
export async function revenueReport(ctx: Ctx, p: RangeParams) {
  const r = resolveRange(p);
  const figures = await figuresOf(ctx, r);
  const data = figures ? revenueFromFigures(figures, r) : (await revenueReportFromBase(ctx, p)).data;
  return { from: r.from, to: r.to, bucket: r.bucket, ...(await periodsInBusinessCurrency(ctx, r, data)) };
}

export async function customersReport(ctx: Ctx, p: RangeParams) {
  const r = resolveRange(p);
  const figures = await figuresOf(ctx, r);
  if (!figures) return customersReportFromBase(ctx, p);
  const churnDays = (await getInsightSettings(ctx.database.db)).inactive_days;
  const data = await customersFromFigures(ctx.database.db, figures, r, churnDays);
  return { from: r.from, to: r.to, bucket: r.bucket, churn_after_days: churnDays, data };
}

/** Retention by first-purchase month: share of each cohort buying in each later month. */
export async function cohortReport(ctx: Ctx, p: RangeParams) {
  const r = resolveRange({ ...p, bucket: 'month' });
  const figures = await figuresOf(ctx, r);
  if (!figures) return cohortReportFromBase(ctx, p);
  return { from: r.from, to: r.to, data: cohortsFromFigures(figures) };
}

/** Revenue and orders in the range by a customer dimension (model segment from the rollups, the others from orders). */
export async function revenueBreakdown(ctx: Ctx, dimension: BreakdownDimension, p: RangeParams) {
  const r = resolveRange(p);
  const figures = dimension === 'segment' ? await figuresOf(ctx, { ...r, bucket: 'month' }) : null;
  const data = figures ? await segmentsFromFigures(ctx.database.db, figures) : (await revenueBreakdownFromBase(ctx, dimension, p)).data;
  return { from: r.from, to: r.to, dimension, ...(await breakdownInBusinessCurrency(ctx, r, breakdownColumn(dimension), data)) };
}

/** Campaign interactions: sent, opened, clicked, converted, and the revenue of the orders they led to. */
export async function campaignReport(ctx: Ctx, by: 'campaign' | 'channel', p: RangeParams) {
  const r = resolveRange(p);
  await syncReportSegments(ctx.database.db);
  return { from: r.from, to: r.to, by, data: await campaignsFromRollups(ctx.database.db, by, r) };
}

/** The figures the dashboard shows for a range, from the rollups for month buckets. */
async function dashboardFigures(ctx: Ctx, r: Range) {
  const { db } = ctx.database;
  // Buyers and segments have no periods: the range's month figures answer them whatever the bucket
  // (shared with the cohorts asked for beside); day and week periods come from the base tables.
  const months = await figuresOf(ctx, { ...r, bucket: 'month' });
  const periods =
    months && r.bucket === 'month'
      ? { revenue: revenueFromFigures(months, r), customers: await customersFromFigures(db, months, r, (await getInsightSettings(db)).inactive_days) }
      : { revenue: (await revenueReportFromBase(ctx, r)).data, customers: (await customersReportFromBase(ctx, r)).data };
  if (months) return { ...periods, buyers: months.buyers, segments: await segmentsFromFigures(db, months) };
  const buyers = await db
    .selectFrom('orders')
    .select(sql<number>`count(distinct customer_id)`.as('n'))
    .where('status', 'in', counted)
    .where('ordered_at', '>=', r.from)
    .where('ordered_at', '<', r.toExclusive)
    .executeTakeFirstOrThrow();
  return { ...periods, buyers: num(buyers.n), segments: (await revenueBreakdownFromBase(ctx, 'segment', r)).data };
}

/** The dashboard set: KPIs for the range, revenue by period, customers by stage, revenue by segment, top campaigns. */
export async function dashboardReport(ctx: Ctx, p: RangeParams) {
  const r = resolveRange({ ...p, bucket: p.bucket ?? 'month' });
  const { db } = ctx.database;
  const all = await dashboardFigures(ctx, r);
  // Amounts and order counts in the business currency only; what is left out is listed.
  const revenue = await periodsInBusinessCurrency(ctx, r, all.revenue);
  const segments = await breakdownInBusinessCurrency(ctx, r, 'segment_id', all.segments);
  const figures = { ...all, revenue: revenue.data, segments: segments.data };
  const totals = figures.revenue.reduce((s, x) => ({ revenue: s.revenue + x.revenue, orders: s.orders + x.orders }), { revenue: 0, orders: 0 });
  const stages = await db.selectFrom('report_stages').select(['stage', 'customers']).execute();
  const byStage: Record<string, number> = { lead: 0, active: 0, inactive: 0, churned: 0, unscored: 0 };
  for (const s of stages) byStage[(s.stage as string) || 'unscored'] = (byStage[(s.stage as string) || 'unscored'] ?? 0) + num(s.customers);
  const totalCustomers = Object.values(byStage).reduce((s, n) => s + n, 0);
  return {
    from: r.from,
    to: r.to,
    currency: revenue.currency,
    other_currencies: revenue.other_currencies,
    includes: revenue.includes,
    kpis: {
      revenue: round2(totals.revenue),
      orders: totals.orders,
      average_order_value: totals.orders ? round2(totals.revenue / totals.orders) : null,
      active_customers: figures.buyers,
      new_customers: figures.customers.reduce((s, x) => s + x.new_customers, 0),
      churned_customers: figures.customers.reduce((s, x) => s + x.churned_customers, 0),
      customers: totalCustomers,
    },
    revenue: figures.revenue,
    customers: figures.customers,
    customers_by_stage: byStage,
    revenue_by_segment: figures.segments,
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
      const row = await db
        .selectFrom(table)
        .select(sql<string>`max(id)`.as('m'))
        .executeTakeFirst();
      return (row?.m as string | null) ?? '-';
    }),
  );
  const settings = await db
    .selectFrom('settings')
    .select(sql<string>`max(updated_at)`.as('m'))
    .executeTakeFirst();
  return [...parts, (settings?.m as string | null) ?? '-'].join('|');
}

const cacheTtlMs = 5 * 60_000;

/** Answers from report_cache when the data version matches and the entry is younger than the TTL. */
export async function cached<T>(ctx: Ctx, report: string, params: unknown, compute: () => Promise<T>, options: { ttlMs?: number } = {}): Promise<T & { cached: boolean; generated_at: string }> {
  const { db } = ctx.database;
  const key = `${report}:${createHash('sha1')
    .update(JSON.stringify(params ?? null))
    .digest('hex')}`;
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
      await trx
        .insertInto('report_cache')
        .values({ cache_key: key, version, value: JSON.stringify(value), created_at: generatedAt })
        .execute();
    });
  } catch {
    // Another request stored the same entry first; its value is as good as ours.
  }
  return { ...value, cached: false, generated_at: generatedAt };
}
