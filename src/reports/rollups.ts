/**
 * Keeps the report rollups exact. `updateReportRollups` runs inside every write that changes a
 * customer's orders or campaign interactions, called by event subscribers (`refreshOrderFigures` on
 * order events and merges, `reportRollupsSubscription` on interaction events and customer deletion):
 * it reads the customers' stored contributions, computes them anew from the base tables, applies the
 * difference to the rollups and stores the new contributions, all in the write's transaction.
 * `rebuildReportRollups` computes everything again in one set-based pass.
 */
import { sql } from 'kysely';
import type { Db, DialectName } from '../core/database.js';
import { engineOf, toNumber } from '../core/database.js';
import { centsSum, insertOrAdd } from '../core/dialect.js';
import type { Subscription } from '../core/events.js';
import { customersTouched } from '../records/touched.js';
import { insertRows } from '../records/repository.js';
import { countedOrderStatuses } from '../schema/entities.js';
import {
  addCustomerCampaigns,
  addCustomerMonths,
  byCustomer,
  rollupShapes,
  rollupTables,
  RollupDeltas,
  type CustomerCampaign,
  type CustomerMonth,
  type RollupDelta,
  type RollupTable,
} from './contributions.js';

const counted = [...countedOrderStatuses];

export { engineOf };
const chunkSize = 500;
const num = (v: unknown) => toNumber(v) ?? 0;

export const revenueOfCounted = (alias: string) => sql`case when ${sql.ref(`${alias}.status`)} in (${sql.join(counted)}) then ${sql.ref(`${alias}.total`)} else 0 end`;
export const flagSum = (column: string) => sql<number>`sum(case when ${sql.ref(column)} then 1 else 0 end)`;

/** Each customer's counted orders per month, as the rollups see them now. */
function monthsQuery(db: Db, dialect: DialectName) {
  return db
    .selectFrom('orders as o')
    .innerJoin('customers as c', 'c.id', 'o.customer_id')
    .select([
      'o.customer_id',
      sql<string>`substr(o.ordered_at, 1, 7)`.as('month'),
      // One segment per customer: min() only satisfies the grouping.
      sql<string>`min(coalesce(c.segment_id, ''))`.as('segment_id'),
      sql<number>`count(*)`.as('orders'),
      centsSum(dialect, sql`o.total`).as('revenue_cents'),
      sql<string>`max(substr(o.ordered_at, 1, 10))`.as('last_day'),
    ])
    .where('o.status', 'in', counted)
    .groupBy([sql`o.customer_id`, sql`substr(o.ordered_at, 1, 7)`]);
}

/** Each customer's campaign interactions per month, campaign and channel, with the revenue of the orders they led to. */
function campaignsQuery(db: Db, dialect: DialectName) {
  return db
    .selectFrom('interactions as i')
    .leftJoin('orders as o', 'o.id', 'i.order_id')
    .select([
      'i.customer_id',
      sql<string>`substr(i.occurred_at, 1, 7)`.as('month'),
      sql<string>`coalesce(i.campaign, '')`.as('campaign'),
      sql<string>`coalesce(i.channel, '')`.as('channel'),
      sql<number>`count(*)`.as('sent'),
      flagSum('i.opened').as('opened'),
      flagSum('i.clicked').as('clicked'),
      flagSum('i.converted').as('converted'),
      centsSum(dialect, revenueOfCounted('o')).as('revenue_cents'),
    ])
    .where('i.type', '=', 'campaign')
    .where('i.customer_id', 'is not', null)
    .groupBy([sql`i.customer_id`, sql`substr(i.occurred_at, 1, 7)`, sql`coalesce(i.campaign, '')`, sql`coalesce(i.channel, '')`]);
}

/** Campaign touches of one customer that lead to another customer's order. */
function linksQuery(db: Db) {
  return db
    .selectFrom('interactions as i')
    .innerJoin('orders as o', 'o.id', 'i.order_id')
    .select(['i.customer_id', 'o.customer_id as order_customer_id'])
    .distinct()
    .where('i.type', '=', 'campaign')
    .whereRef('o.customer_id', '<>', 'i.customer_id');
}

/**
 * The customers plus those whose campaign touches lead to their orders, as stored (the link may be gone
 * since: a deleted order) and as now (an order that just moved here).
 */
async function withLinkedCustomers(trx: Db, ids: string[]): Promise<string[]> {
  const all = new Set(ids);
  for (let i = 0; i < ids.length; i += chunkSize) {
    const chunk = ids.slice(i, i + chunkSize);
    const [stored, current] = await Promise.all([
      trx.selectFrom('report_campaign_links').select('customer_id').where('order_customer_id', 'in', chunk).execute(),
      linksQuery(trx).where('o.customer_id', 'in', chunk).execute(),
    ]);
    for (const row of [...stored, ...current]) all.add(row.customer_id as string);
  }
  return [...all];
}

const toMonth = (r: Record<string, unknown>): CustomerMonth => ({
  customer_id: r.customer_id as string,
  month: r.month as string,
  segment_id: r.segment_id as string,
  orders: num(r.orders),
  revenue_cents: num(r.revenue_cents),
  last_day: r.last_day as string,
});
const toCampaign = (r: Record<string, unknown>): CustomerCampaign => ({
  customer_id: r.customer_id as string,
  month: r.month as string,
  campaign: r.campaign as string,
  channel: r.channel as string,
  sent: num(r.sent),
  opened: num(r.opened),
  clicked: num(r.clicked),
  converted: num(r.converted),
  revenue_cents: num(r.revenue_cents),
});

/** Adds signed sums to rollup rows (creating missing ones) and drops rows that came back to zero. */
async function applyDeltas(trx: Db, table: RollupTable, deltas: RollupDelta[]): Promise<void> {
  const { keys, values } = rollupShapes[table];
  const rows = deltas.map((d) => Object.fromEntries([...keys.map((k, i) => [k, d.keys[i]]), ...values.map((v, i) => [v, d.values[i]])]));
  await insertOrAdd(trx, table, rows, { key: [...keys], add: [...values], chunk: chunkSize });
  let cleanup = trx.deleteFrom(table);
  for (const v of values) cleanup = cleanup.where(v, '=', 0);
  await cleanup.execute();
}

/**
 * Brings the rollups up to date for these customers after their orders, campaign interactions or
 * the customers themselves changed (deleted customers included). Runs in the caller's transaction.
 */
export async function updateReportRollups(trx: Db, customerIds: Iterable<string>): Promise<void> {
  const dialect = engineOf(trx);
  const ids = await withLinkedCustomers(trx, [...new Set(customerIds)]);
  const deltas = new RollupDeltas();
  for (let i = 0; i < ids.length; i += chunkSize) {
    const chunk = ids.slice(i, i + chunkSize);
    const [oldMonths, oldCampaigns, newMonths, newCampaigns] = await Promise.all([
      trx.selectFrom('report_customer_months').selectAll().where('customer_id', 'in', chunk).execute(),
      trx.selectFrom('report_customer_campaigns').selectAll().where('customer_id', 'in', chunk).execute(),
      monthsQuery(trx, dialect).where('o.customer_id', 'in', chunk).execute(),
      campaignsQuery(trx, dialect).where('i.customer_id', 'in', chunk).execute(),
    ]);
    const before = byCustomer(oldMonths.map(toMonth));
    const after = byCustomer(newMonths.map(toMonth));
    for (const months of before.values()) addCustomerMonths(deltas, months, -1);
    for (const months of after.values()) addCustomerMonths(deltas, months, 1);
    addCustomerCampaigns(deltas, oldCampaigns.map(toCampaign), -1);
    addCustomerCampaigns(deltas, newCampaigns.map(toCampaign), 1);
    await trx.deleteFrom('report_customer_months').where('customer_id', 'in', chunk).execute();
    await trx.deleteFrom('report_customer_campaigns').where('customer_id', 'in', chunk).execute();
    await insertRows(trx, 'report_customer_months', [...after.values()].flat(), chunkSize);
    await insertRows(trx, 'report_customer_campaigns', newCampaigns.map(toCampaign), chunkSize);
    await trx.deleteFrom('report_campaign_links').where('customer_id', 'in', chunk).execute();
    await insertRows(trx, 'report_campaign_links', await linksQuery(trx).where('i.customer_id', 'in', chunk).execute(), chunkSize);
  }
  for (const [table, rows] of deltas.changed()) await applyDeltas(trx, table, rows);
}

/**
 * The rollups of customers whose campaign interactions changed or who were deleted. Order events
 * and merges reach the rollups through the order figures (`refreshOrderFigures`), which update them
 * for the same customers.
 */
export const reportRollupsSubscription: Subscription = {
  types: ['interaction.created', 'interaction.updated', 'interaction.deleted', 'customer.deleted'],
  handle: (trx, events) => updateReportRollups(trx, customersTouched(events)),
};

/** The newest k-means segmentation, whose segment ids the rollups should carry. */
async function latestSegmentation(db: Db): Promise<string> {
  const row = await db.selectFrom('segmentations').select('id').orderBy('created_at', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst();
  return (row?.id as string | undefined) ?? '';
}

async function setState(trx: Db, name: string, value: string): Promise<void> {
  await trx.deleteFrom('report_rollup_state').where('name', '=', name).execute();
  await trx.insertInto('report_rollup_state').values({ name, value, updated_at: new Date().toISOString() }).execute();
}

/** Activity per (segment, month, previous active month), from the stored contributions. */
async function rebuildActivity(trx: Db): Promise<void> {
  await trx.deleteFrom('report_activity').execute();
  await sql`
    insert into report_activity (segment_id, month, prev_month, customers, orders, revenue_cents)
    select segment_id, month, prev_month, count(*), sum(orders), sum(revenue_cents) from (
      select segment_id, month, coalesce(lag(month) over (partition by customer_id order by month), '') as prev_month, orders, revenue_cents
      from report_customer_months
    ) m group by segment_id, month, prev_month`.execute(trx);
}

/** Recomputes every rollup from orders, interactions and customers in one set-based pass. */
export async function rebuildReportRollups(db: Db): Promise<void> {
  await db.transaction().execute((trx) => rebuildReportRollupsIn(trx));
}

/** The rebuild inside the caller's transaction (a migration, the demo generator). */
export async function rebuildReportRollupsIn(trx: Db): Promise<void> {
  const dialect = engineOf(trx);
  for (const table of ['report_customer_months', 'report_customer_campaigns', 'report_campaign_links', ...rollupTables]) await trx.deleteFrom(table).execute();
  await trx.insertInto('report_customer_months').columns(['customer_id', 'month', 'segment_id', 'orders', 'revenue_cents', 'last_day']).expression(monthsQuery(trx, dialect)).execute();
  await trx
    .insertInto('report_customer_campaigns')
    .columns(['customer_id', 'month', 'campaign', 'channel', 'sent', 'opened', 'clicked', 'converted', 'revenue_cents'])
    .expression(campaignsQuery(trx, dialect))
    .execute();
  await trx.insertInto('report_campaign_links').columns(['customer_id', 'order_customer_id']).expression(linksQuery(trx)).execute();
  await rebuildActivity(trx);
  await sql`
    insert into report_cohorts (cohort, month, customers)
    select cohort, month, count(*) from (select min(month) over (partition by customer_id) as cohort, month from report_customer_months) m
    group by cohort, month`.execute(trx);
  await sql`
    insert into report_last_days (day, customers)
    select last_day, count(*) from (select max(last_day) as last_day from report_customer_months group by customer_id) m
    group by last_day`.execute(trx);
  await sql`
    insert into report_campaigns (month, campaign, channel, sent, opened, clicked, converted, revenue_cents)
    select month, campaign, channel, sum(sent), sum(opened), sum(clicked), sum(converted), sum(revenue_cents)
    from report_customer_campaigns group by month, campaign, channel`.execute(trx);
  await trx.deleteFrom('report_stages').execute();
  await sql`insert into report_stages (stage, customers) select coalesce(stage, ''), count(*) from customers group by coalesce(stage, '')`.execute(trx);
  await setState(trx, 'segmentation', await latestSegmentation(trx));
}

/**
 * A new segmentation moves customers between segments without touching orders: when the rollups
 * carry an older segmentation, re-key the stored contributions and the activity rollup (set-based).
 * Rollups that were never built (no state row) are built in full.
 */
export async function syncReportSegments(db: Db): Promise<boolean> {
  const latest = await latestSegmentation(db);
  const state = await db.selectFrom('report_rollup_state').select('value').where('name', '=', 'segmentation').executeTakeFirst();
  if (!state) {
    // Never built here (a restore of a backup older than the rollups, or a database that already held
    // rows when migration 0004 made the rollup tables): build them once.
    await rebuildReportRollups(db);
    return true;
  }
  if ((state.value ?? '') === latest) return false;
  await db.transaction().execute((trx) => resegment(trx, latest));
  return true;
}

/** Re-keys the stored contributions and the activity rollup by the customers' segments now (set-based). */
async function resegment(trx: Db, segmentation: string): Promise<void> {
  await sql`update report_customer_months set segment_id = coalesce((select c.segment_id from customers c where c.id = report_customer_months.customer_id), '')`.execute(trx);
  await rebuildActivity(trx);
  await setState(trx, 'segmentation', segmentation);
}

/**
 * A new segmentation re-keys the rollups in its own transaction, from its segment events: readers find
 * them current. (A first segmentation moves nobody from a segment, emits no event, and is picked up
 * by `syncReportSegments` on the next read; rollups never built stay for that read to build.)
 */
export const reportSegmentsSubscription: Subscription = {
  types: ['customer.segment_changed'],
  async handle(trx) {
    const latest = await latestSegmentation(trx);
    const state = await trx.selectFrom('report_rollup_state').select('value').where('name', '=', 'segmentation').executeTakeFirst();
    if (state && (state.value ?? '') !== latest) await resegment(trx, latest);
  },
};
