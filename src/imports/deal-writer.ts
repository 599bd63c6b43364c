/**
 * Deals opened by an import: a customer, order, interaction or company row that names a deal or gives
 * its value opens a deal for its customer (or company), in the named (or default) pipeline and stage, through the deal write pipe
 * (events, audit, stage history) and in the transaction of the row's chunk. Each deal carries a key
 * made from the row (the customer's or order's source id, the deal's title and pipeline) as its source
 * id, so running the same file again opens nothing twice; the change log lets undo delete exactly the
 * deals it opened.
 */
import { createHash } from 'node:crypto';
import type { Db } from '../core/database.js';
import { companyKey, emailKey } from '../customers/normalise.js';
import { attachSources } from '../customers/service.js';
import { ensureDefaultPipeline, readPipelines, type Pipeline, type Stage } from '../deals/pipelines.js';
import { createDealsIn } from '../deals/service.js';
import type { ApiRecord } from '../records/codec.js';
import { currencyCode } from '../settings/business.js';
import type { CleanRecord } from './cleaning.js';
import { findBySourceIds, findCustomersByEmail } from './identity.js';
import type { CleanRow, WriteContext } from './write-context.js';
import { customerSourceId, writeCatalogue, writeCustomers, writeInteractions, writeOrders, type OrderGroup } from './writers.js';

/** Whether a row asks for a deal: it names one or gives its value. */
export const opensDeal = (value: CleanRecord): boolean => value.deal_title !== undefined || value.deal_value !== undefined;

const lower = (s: unknown) => String(s).trim().toLowerCase();

/** The deal fields a row gives, besides pipeline and stage, as the deal service takes them. */
const passedFields = ['value', 'currency', 'expected_close_date', 'source', 'lost_reason', 'notes'];

function dealTitle(value: CleanRecord): string {
  if (value.deal_title !== undefined) return String(value.deal_title);
  if (value.customer_source_id !== undefined || value.customer_email !== undefined) return `Deal for order ${value.source_id}`;
  const name = [value.first_name, value.last_name].filter((p) => p !== undefined).join(' ') || (value.name !== undefined ? String(value.name) : '');
  return name ? `Deal with ${name}` : 'Imported deal';
}

interface PlannedDeal {
  input: ApiRecord;
  key: string;
}

/** The pipelines a deal row may name (the default one is seeded on first use). */
export async function dealPipelines(trx: Db): Promise<Pipeline[]> {
  await ensureDefaultPipeline(trx);
  return readPipelines(trx);
}

/** The deal target a row's deal fails on. */
export type DealField = 'deal_pipeline' | 'deal_stage' | 'deal_lost_reason' | 'deal_currency';

/**
 * The pipeline and stage a deal row names, found by name (case-insensitive), or why the row cannot
 * open its deal: an unknown pipeline or stage, a lost stage without the reason its pipeline asks for,
 * a currency that is not ISO 4217.
 */
export function resolveDeal(pipelines: Pipeline[], v: CleanRecord): { pipeline: Pipeline; stage: Stage | undefined } | { reason: string; field: DealField } {
  let pipeline: Pipeline | undefined = pipelines[0];
  if (v.deal_pipeline !== undefined) {
    pipeline = pipelines.find((p) => lower(p.name) === lower(v.deal_pipeline));
    if (!pipeline) return { field: 'deal_pipeline', reason: `no pipeline named "${v.deal_pipeline}" (pipelines: ${pipelines.map((p) => p.name).join(', ')})` };
  }
  let stage: Stage | undefined;
  if (v.deal_stage !== undefined) {
    stage = pipeline.stages.find((s) => lower(s.name) === lower(v.deal_stage));
    if (!stage) return { field: 'deal_stage', reason: `no stage named "${v.deal_stage}" in pipeline ${pipeline.name} (stages: ${pipeline.stages.map((s) => s.name).join(', ')})` };
    if (stage.kind === 'lost' && v.deal_lost_reason === undefined && pipeline.lost_reason_required)
      return { field: 'deal_lost_reason', reason: `a deal on the lost stage ${stage.name} needs a lost reason in pipeline ${pipeline.name}` };
  }
  if (v.deal_currency !== undefined && !currencyCode(String(v.deal_currency))) return { field: 'deal_currency', reason: `"${v.deal_currency}" is not an ISO 4217 currency code (e.g. EUR, USD, GBP)` };
  return { pipeline, stage };
}

/**
 * The deal of each row (see resolveDeal). A row that cannot open its deal is rejected with the
 * reason, so neither its customer (or order) nor its deal is written.
 */
async function planDeals(w: WriteContext, rows: CleanRow[], rowKey: (value: CleanRecord) => string): Promise<Map<CleanRow, PlannedDeal>> {
  const pipelines = await dealPipelines(w.trx);
  const planned = new Map<CleanRow, PlannedDeal>();
  for (const r of rows) {
    const v = r.value;
    const resolved = resolveDeal(pipelines, v);
    if ('reason' in resolved) {
      w.reject(r, resolved.reason, null);
      continue;
    }
    const { pipeline, stage } = resolved;
    const title = dealTitle(v);
    const input: ApiRecord = { title, pipeline_id: pipeline.id, source: 'import' };
    if (stage) input.stage_id = stage.id;
    for (const field of passedFields) if (v[`deal_${field}`] !== undefined) input[field] = v[`deal_${field}`];
    const key = `deal:${createHash('sha1')
      .update([rowKey(v), lower(title), pipeline.id].join('\u0000'))
      .digest('hex')}`;
    planned.set(r, { input, key });
  }
  return planned;
}

/** Opens the planned deals whose key no earlier import (or earlier row) used, for the customers (or companies) the rows were written to. */
async function openDeals(w: WriteContext, planned: Map<CleanRow, PlannedDeal>, customers: Map<CleanRow, string>, owner: 'customer_id' | 'company_id' = 'customer_id'): Promise<void> {
  const rows = [...planned.keys()];
  const existing = await findBySourceIds(
    w.trx,
    'deals',
    w.source,
    [...planned.values()].map((p) => p.key),
  );
  const seen = new Set<string>();
  const creates: PlannedDeal[] = [];
  for (const r of rows) {
    const plan = planned.get(r)!;
    const customerId = customers.get(r);
    if (!customerId || existing.has(plan.key) || seen.has(plan.key)) continue;
    seen.add(plan.key);
    creates.push({ input: { ...plan.input, [owner]: customerId }, key: plan.key });
  }
  if (!creates.length) return;
  const created = await createDealsIn(
    w.trx,
    w.ctx,
    creates.map((c) => c.input),
  );
  await attachSources(
    w.trx,
    'deals',
    created.map((d, i) => ({ entityId: d.id as string, sources: [{ source: w.source, source_id: creates[i].key }] })),
  );
  for (const d of created) w.changes.record('deals', d.id as string, 'create');
  w.counts.deals_created = (w.counts.deals_created ?? 0) + created.length;
}

/** Customers of a file (see writeCustomers), then the deals their rows open. */
export async function writeCustomersWithDeals(w: WriteContext, rows: CleanRow[]): Promise<void> {
  const wanting = rows.filter((r) => opensDeal(r.value));
  if (!wanting.length) return writeCustomers(w, rows);
  const planned = await planDeals(w, wanting, customerSourceId);
  await writeCustomers(
    w,
    rows.filter((r) => !opensDeal(r.value) || planned.has(r)),
  );
  // Every customer row written is linked to its source id (the file's, or one made from the row).
  const bySource = await findBySourceIds(
    w.trx,
    'customers',
    w.source,
    [...planned.keys()].map((r) => customerSourceId(r.value)),
  );
  const customers = new Map([...planned.keys()].flatMap((r) => (bySource.has(customerSourceId(r.value)) ? [[r, bySource.get(customerSourceId(r.value))!] as const] : [])));
  await openDeals(w, planned, customers);
}

/** Orders of a file (see writeOrders), then the deals their rows open (an order's deal columns are read from its first row). */
export async function writeOrdersWithDeals(w: WriteContext, groups: OrderGroup[]): Promise<void> {
  const wanting = groups.map((g) => g.rows[0]).filter((r) => opensDeal(r.value));
  if (!wanting.length) return writeOrders(w, groups);
  const planned = await planDeals(w, wanting, (v) => `order\u0000${v.source_id}`);
  const kept: OrderGroup[] = [];
  for (const g of groups) {
    if (!opensDeal(g.rows[0].value) || planned.has(g.rows[0])) kept.push(g);
    else for (const r of g.rows.slice(1)) w.reject(r, 'the order this line belongs to was rejected', null);
  }
  await writeOrders(w, kept);
  // The order's customer, found as writeOrders found (or created) it: by the source's customer id, then by email.
  const heads = [...planned.keys()];
  const bySource = await findBySourceIds(
    w.trx,
    'customers',
    w.source,
    heads.flatMap((r) => (r.value.customer_source_id !== undefined ? [String(r.value.customer_source_id)] : [])),
  );
  const byEmail = await findCustomersByEmail(
    w.trx,
    heads.flatMap((r) => (r.value.customer_email !== undefined ? [String(r.value.customer_email)] : [])),
  );
  const orders = await findBySourceIds(
    w.trx,
    'orders',
    w.source,
    heads.map((r) => String(r.value.source_id)),
  );
  const customers = new Map<CleanRow, string>();
  for (const r of heads) {
    // An order writeOrders rejected (no date, no total) opens no deal.
    if (!orders.has(String(r.value.source_id))) continue;
    const id =
      (r.value.customer_source_id !== undefined && bySource.get(String(r.value.customer_source_id))) || (r.value.customer_email !== undefined && byEmail.get(emailKey(String(r.value.customer_email))));
    if (id) customers.set(r, id);
  }
  await openDeals(w, planned, customers);
}

/**
 * Interactions of a file (see writeInteractions), then the deals their rows open for the customer they
 * name: rows about one customer naming the same deal open it once.
 */
export async function writeInteractionsWithDeals(w: WriteContext, rows: CleanRow[]): Promise<void> {
  const wanting = rows.filter((r) => opensDeal(r.value));
  if (!wanting.length) {
    await writeInteractions(w, rows);
    return;
  }
  const customerKey = (v: CleanRecord) =>
    `customer\u0000${v.customer_source_id !== undefined ? String(v.customer_source_id) : ''}\u0000${v.customer_email !== undefined ? lower(v.customer_email) : ''}`;
  const planned = await planDeals(w, wanting, customerKey);
  const customers = await writeInteractions(
    w,
    rows.filter((r) => !opensDeal(r.value) || planned.has(r)),
  );
  await openDeals(w, planned, customers);
}

/**
 * Companies of a file (see writeCatalogue), then the deals their rows open for the company, found as
 * writeCatalogue found (or made) it: by the file's id, then by name.
 */
export async function writeCompaniesWithDeals(w: WriteContext, rows: CleanRow[]): Promise<void> {
  const wanting = rows.filter((r) => opensDeal(r.value));
  if (!wanting.length) return writeCatalogue(w, 'companies', rows);
  const nameKey = (v: CleanRecord) => ((v.name ?? v.domain) !== undefined ? companyKey(String(v.name ?? v.domain)) : '');
  const planned = await planDeals(w, wanting, (v) => `company\u0000${v.source_id !== undefined ? String(v.source_id) : ''}\u0000${nameKey(v)}`);
  await writeCatalogue(
    w,
    'companies',
    rows.filter((r) => !opensDeal(r.value) || planned.has(r)),
  );
  const heads = [...planned.keys()];
  const bySource = await findBySourceIds(
    w.trx,
    'companies',
    w.source,
    heads.flatMap((r) => (r.value.source_id !== undefined ? [String(r.value.source_id)] : [])),
  );
  const keys = [...new Set(heads.map((r) => nameKey(r.value)).filter(Boolean))];
  const byName = new Map<string, string>();
  for (let i = 0; i < keys.length; i += 500)
    for (const c of await w.trx
      .selectFrom('companies')
      .select(['id', 'name_key'])
      .where('name_key', 'in', keys.slice(i, i + 500))
      .execute())
      byName.set(c.name_key as string, c.id as string);
  const companies = new Map<CleanRow, string>();
  for (const r of heads) {
    const id = (r.value.source_id !== undefined && bySource.get(String(r.value.source_id))) || byName.get(nameKey(r.value));
    if (id) companies.set(r, id);
  }
  await openDeals(w, planned, companies, 'company_id');
}
