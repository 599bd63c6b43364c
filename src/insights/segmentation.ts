/**
 * K-means segmentation of customers on numeric columns, saved-filter segments, and segment membership
 * as extra conditions for the customer list (`GET /api/customers?segment=ID`).
 */
import { z } from '@hono/zod-openapi';
import { sql } from 'kysely';
import { kmeans, restartBudget, standardize, suggestK, unstandardize, type KSuggestion } from '../analytics/index.js';
import type { Ctx } from '../core/context.js';
import { toBool, toNumber, type Db } from '../core/database.js';
import { appendEvents, type DomainEvent } from '../core/events.js';
import { invalid, notFound } from '../core/errors.js';
import { newId } from '../core/ids.js';
import { fieldsOf } from '../fields/custom-fields.js';
import { compileFilter, filterNodeSchema, type FilterNode } from '../records/query.js';
import { fieldMap, type WhereBuilder } from '../records/repository.js';
import { issuesToFields } from '../records/validation.js';
import { customerEntity } from '../schema/entities.js';
import { batchInsert, batchUpdate, parseJson } from './db.js';

interface FeatureSource {
  column: string;
  label: string;
  /** Days since the column's timestamp instead of the value itself. */
  daysSince?: boolean;
}

const builtInFeatures: Record<string, FeatureSource> = {
  age: { column: 'age', label: 'age' },
  income: { column: 'income', label: 'income' },
  purchase_frequency: { column: 'purchase_frequency', label: 'purchase frequency' },
  recency: { column: 'last_order_at', label: 'days since last order', daysSince: true },
  monetary: { column: 'revenue', label: 'revenue' },
  revenue: { column: 'revenue', label: 'revenue' },
  order_count: { column: 'order_count', label: 'orders' },
  average_order_value: { column: 'average_order_value', label: 'average order value' },
  clv: { column: 'clv', label: 'lifetime value' },
  p_alive: { column: 'p_alive', label: 'probability active' },
  churn_risk: { column: 'churn_risk', label: 'churn risk' },
  purchase_probability: { column: 'purchase_probability', label: 'purchase probability' },
};

/** Words for a centroid far below / above the mean on a feature. */
const featureWords: Record<string, [low: string, high: string]> = {
  age: ['younger', 'older'],
  income: ['low income', 'high income'],
  purchase_frequency: ['rare buyers', 'frequent buyers'],
  recency: ['recent buyers', 'lapsed buyers'],
  monetary: ['low spend', 'high spend'],
  revenue: ['low spend', 'high spend'],
  order_count: ['few orders', 'many orders'],
  average_order_value: ['small orders', 'large orders'],
  clv: ['low value', 'high value'],
  p_alive: ['likely lapsed', 'likely active'],
  churn_risk: ['low churn risk', 'high churn risk'],
  purchase_probability: ['unlikely to buy', 'likely to buy'],
};

export const segmentationInput = z
  .object({
    features: z.array(z.string().max(64)).min(1).max(20),
    k: z.union([z.number().int().min(1).max(50), z.literal('auto')]).default('auto'),
    standardize: z.boolean().default(true),
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 31 - 1)
      .default(0),
    /** k-means++ seedings; 'auto' runs as many as the input's size allows until the best inertia recurs. */
    n_init: z.union([z.number().int().min(1).max(20), z.literal('auto')]).default('auto'),
  })
  .strict();
export type SegmentationInput = z.input<typeof segmentationInput>;

/** Feature name -> source, built-in numeric columns plus numeric custom fields. */
async function featureSources(ctx: Ctx): Promise<Map<string, FeatureSource>> {
  const map = new Map(Object.entries(builtInFeatures));
  for (const f of await fieldsOf(ctx.database.db, customerEntity)) {
    if (f.custom && (f.type === 'number' || f.type === 'integer')) map.set(f.name, { column: f.column ?? f.name, label: f.label.toLowerCase() });
  }
  return map;
}

function describe(features: string[], sources: Map<string, FeatureSource>, z: number[]): string {
  const strong = features
    .map((f, j) => ({ f, z: z[j] }))
    .filter((e) => Math.abs(e.z) >= 0.5)
    .sort((p, q) => Math.abs(q.z) - Math.abs(p.z))
    .slice(0, 3);
  if (strong.length === 0) return 'close to average on every feature';
  return strong
    .map(({ f, z: score }) => {
      const words = featureWords[f] ?? [`low ${sources.get(f)!.label}`, `high ${sources.get(f)!.label}`];
      return score > 0 ? words[1] : words[0];
    })
    .join(', ');
}

/** Median-imputes NaNs column by column; returns medians and how many values each column lacked. */
function imputeMedians(data: Float64Array, n: number, d: number, names: string[]): { medians: number[]; missing: number[] } {
  const medians: number[] = [];
  const missing: number[] = [];
  for (let j = 0; j < d; j++) {
    const present: number[] = [];
    for (let i = 0; i < n; i++) if (!Number.isNaN(data[i * d + j])) present.push(data[i * d + j]);
    if (present.length === 0) throw invalid(`feature ${names[j]} has no values on any customer`, { features: [`${names[j]} has no values`] });
    present.sort((p, q) => p - q);
    const mid = present.length >> 1;
    const m = present.length % 2 ? present[mid] : (present[mid - 1] + present[mid]) / 2;
    medians.push(m);
    missing.push(n - present.length);
    for (let i = 0; i < n; i++) if (Number.isNaN(data[i * d + j])) data[i * d + j] = m;
  }
  return { medians, missing };
}

/** Fewest seedings for n_init 'auto': scikit-learn's 10 where the input is small enough, else 4. */
const autoMinimumSeedings = 10;
/** Runs that must reach the same best inertia before 'auto' stops seeding (5 found the best known on the Mall Customers set). */
const autoConfirmations = 5;

/**
 * k-means seedings for a requested n_init: a number is run as given; 'auto' runs at least 10 (4 on large
 * inputs) and goes on, within the work budget, until the best inertia has been reached 5 times.
 */
export function seedings(nInit: number | 'auto', n: number, d: number, k: number): { nInit: number; untilConfirmed?: { maxInit: number; confirmations: number } } {
  if (nInit !== 'auto') return { nInit };
  const maxInit = restartBudget(n, d, k, 4);
  return { nInit: Math.min(autoMinimumSeedings, maxInit), untilConfirmed: { maxInit, confirmations: autoConfirmations } };
}

export async function createSegmentation(ctx: Ctx, raw: unknown) {
  const parsed = segmentationInput.safeParse(raw);
  if (!parsed.success) throw invalid('invalid segmentation', issuesToFields(parsed.error.issues));
  const input = parsed.data;
  const db = ctx.database.db;
  const sources = await featureSources(ctx);
  const features = [...new Set(input.features)];
  const unknown = features.filter((f) => !sources.has(f));
  if (unknown.length) throw invalid(`unknown features: ${unknown.join(', ')}`, { features: unknown.map((f) => `${f} is not a numeric customer field; use one of ${[...sources.keys()].join(', ')}`) });
  const d = features.length;
  const started = Date.now();

  // Read the feature columns page by page into one row-major matrix (NaN = missing).
  const total =
    toNumber(
      (
        await db
          .selectFrom('customers')
          .select(sql<number>`count(*)`.as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    ) ?? 0;
  const pageSize = 10000;
  let data = new Float64Array((total + pageSize) * d);
  const ids: string[] = [];
  /** Each customer's segment before this segmentation, for customer.segment_changed. */
  const previous: (string | null)[] = [];
  const columns = [...new Set(features.map((f) => sources.get(f)!.column))];
  const nowMs = Date.now();
  let lastId: string | null = null;
  for (;;) {
    let q = db
      .selectFrom('customers')
      .select(['id', 'segment_id as previous_segment_id', ...columns])
      .orderBy('id')
      .limit(pageSize);
    if (lastId !== null) q = q.where('id', '>', lastId);
    const rows = await q.execute();
    for (const r of rows) {
      const i = ids.length;
      if ((i + 1) * d > data.length) {
        const bigger = new Float64Array(data.length * 2);
        bigger.set(data);
        data = bigger;
      }
      ids.push(r.id as string);
      previous.push((r.previous_segment_id as string | null) ?? null);
      features.forEach((f, j) => {
        const s = sources.get(f)!;
        const v = r[s.column];
        let value = NaN;
        if (s.daysSince) value = v ? (nowMs - Date.parse(v as string)) / 86_400_000 : NaN;
        else value = toNumber(v) ?? NaN;
        data[i * d + j] = value;
      });
    }
    if (rows.length < pageSize) break;
    lastId = rows[rows.length - 1].id as string;
  }
  const n = ids.length;
  data = data.subarray(0, n * d);
  if (n < 2) throw invalid('at least two customers are needed to segment', { features: ['fewer than two customers'] });
  const { medians, missing } = imputeMedians(data, n, d, features);
  const z = standardize(data, n, d);
  const space = input.standardize ? z.data : data;

  let suggestion: KSuggestion | null = null;
  let k: number;
  if (input.k === 'auto') {
    suggestion = suggestK(space, n, d, { kMin: 2, kMax: Math.min(10, n - 1), sampleSize: 2000, nInit: 3, seed: input.seed });
    k = suggestion.k;
  } else {
    k = input.k;
    if (k > n) throw invalid(`k must be at most the number of customers (${n})`, { k: [`at most ${n}`] });
  }
  const fit = await kmeans(space, n, d, { k, seed: input.seed, ...seedings(input.n_init, n, d, k) });
  const centroids = input.standardize ? unstandardize(fit.centroids, d, z.means, z.stds) : fit.centroids;
  const sizes = new Array<number>(k).fill(0);
  for (let i = 0; i < n; i++) sizes[fit.labels[i]]++;

  const segmentationId = newId('segmentation');
  const createdAt = new Date().toISOString();
  const segments = Array.from({ length: k }, (_, c) => {
    const centroid = Object.fromEntries(features.map((f, j) => [f, centroids[c * d + j]]));
    const zScores = features.map((_, j) => (centroids[c * d + j] - z.means[j]) / z.stds[j]);
    return {
      id: newId('segment'),
      kind: 'model',
      segmentation_id: segmentationId,
      position: c + 1,
      // Named by the k-means label, the number /api/customers?segment= and /api/predict?segment= take.
      name: `Segment ${c}`,
      description: describe(features, sources, zScores),
      filter: null,
      size: sizes[c],
      centroid: JSON.stringify(centroid),
      created_at: createdAt,
      updated_at: createdAt,
    };
  });
  const imputation = Object.fromEntries(features.map((f, j) => [f, { missing: missing[j], median: medians[j] }]));
  const imputedTotal = missing.reduce((s, m) => s + m, 0);
  const result = {
    customers: n,
    inertia: fit.inertia,
    inertia_space: input.standardize ? 'standardized' : 'original units',
    iterations: fit.iterations,
    n_init: input.n_init,
    restarts: fit.runs,
    best_inertia_runs: fit.bestRuns,
    k_suggested: suggestion !== null,
    suggestion: suggestion
      ? {
          k: suggestion.k,
          candidates: suggestion.candidates.map((c) => ({ k: c.k, inertia: c.inertia, silhouette: Number.isFinite(c.silhouette) ? c.silhouette : null })),
          sample_size: Math.min(2000, n),
        }
      : null,
    imputation,
    imputation_note: imputedTotal
      ? `missing values were replaced by the feature's median: ${features
          .filter((_, j) => missing[j] > 0)
          .map((f, _i) => `${f} (${imputation[f].missing} customers)`)
          .join(', ')}`
      : 'no missing values',
    feature_means: Object.fromEntries(features.map((f, j) => [f, z.means[j]])),
    feature_stds: Object.fromEntries(features.map((f, j) => [f, z.stds[j]])),
    duration_ms: 0,
  };
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('segmentations')
      .values({ id: segmentationId, features: JSON.stringify(features), k, standardize: input.standardize ? 1 : 0, seed: input.seed, result: '{}', created_at: createdAt })
      .execute();
    await batchInsert(trx, 'segments', segments);
    const members: Record<string, unknown>[] = [];
    for (let i = 0; i < n; i++) members.push({ segment_id: segments[fit.labels[i]].id, customer_id: ids[i] });
    await batchInsert(trx, 'segment_members', members, 1000);
    // customers.segment_id follows the newest segmentation.
    function* rows(): Generator<[string, unknown]> {
      for (let i = 0; i < n; i++) yield [ids[i], segments[fit.labels[i]].id];
    }
    await batchUpdate(trx, ctx.database.dialect, 'customers', [{ name: 'segment_id', kind: 'text' }], rows(), 1000, ctx.database.sqlite);
    await appendEvents(
      trx,
      ctx.actor,
      await segmentChangeEvents(
        trx,
        segmentationId,
        ids,
        previous,
        ids.map((_, i) => segments[fit.labels[i]]),
      ),
    );
    result.duration_ms = Date.now() - started;
    await trx
      .updateTable('segmentations')
      .set({ result: JSON.stringify(result) })
      .where('id', '=', segmentationId)
      .execute();
  });
  return getSegmentation(ctx, segmentationId);
}

/** A segment as events name it: id, k-means label, name and segmentation. */
function segmentRef(r: { id: unknown; position: unknown; name: unknown; segmentation_id: unknown }) {
  return { id: r.id as string, label: r.position == null ? null : Number(r.position) - 1, name: r.name as string, segmentation_id: (r.segmentation_id as string | null) ?? null };
}

/**
 * customer.segment_changed for every customer whose segment this segmentation changed. A customer
 * without a segment before (the first segmentation, or a customer added since) emits nothing, as a
 * first scoring emits no stage change: there is no "before", and webhooks are not flooded.
 */
async function segmentChangeEvents(
  trx: Db,
  segmentationId: string,
  ids: string[],
  before: (string | null)[],
  after: { id: string; position: number; name: string; segmentation_id: string }[],
): Promise<DomainEvent[]> {
  const oldIds = [...new Set(before.filter((v): v is string => v !== null))];
  const old = new Map<string, ReturnType<typeof segmentRef>>();
  for (let i = 0; i < oldIds.length; i += 500) {
    const rows = await trx
      .selectFrom('segments')
      .select(['id', 'position', 'name', 'segmentation_id'])
      .where('id', 'in', oldIds.slice(i, i + 500))
      .execute();
    for (const r of rows) old.set(r.id as string, segmentRef(r));
  }
  const events: DomainEvent[] = [];
  ids.forEach((id, i) => {
    const from = before[i];
    if (from === null || from === after[i].id) return;
    events.push({
      type: 'customer.segment_changed',
      entity: 'customer',
      entityId: id,
      data: { from: old.get(from) ?? { id: from, label: null, name: null, segmentation_id: null }, to: segmentRef(after[i]), segmentation_id: segmentationId },
    });
  });
  return events;
}

function segmentRecord(r: Record<string, unknown>) {
  return {
    id: r.id as string,
    kind: r.kind as 'model' | 'filter',
    name: r.name as string,
    description: (r.description as string | null) ?? null,
    segmentation_id: (r.segmentation_id as string | null) ?? null,
    position: toNumber(r.position),
    /** The k-means label (position - 1): the segment's number in ?segment=. */
    label: r.kind === 'model' && r.position != null ? Number(r.position) - 1 : null,
    size: toNumber(r.size),
    centroid: r.centroid ? parseJson(r.centroid) : null,
    filter: r.filter ? parseJson(r.filter) : null,
    created_at: r.created_at as string,
  };
}
export type SegmentRecord = ReturnType<typeof segmentRecord>;

export async function getSegmentation(ctx: Ctx, id: string) {
  const db = ctx.database.db;
  const row = await db.selectFrom('segmentations').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('segmentation', id);
  const segments = await db.selectFrom('segments').selectAll().where('segmentation_id', '=', id).orderBy('position').execute();
  return {
    id: row.id as string,
    features: parseJson(row.features) as string[],
    k: Number(row.k),
    standardize: toBool(row.standardize) ?? false,
    seed: Number(row.seed),
    created_at: row.created_at as string,
    ...(parseJson(row.result) as Record<string, unknown>),
    segments: segments.map(segmentRecord),
  };
}

export async function listSegmentations(ctx: Ctx, limit = 50) {
  const rows = await ctx.database.db
    .selectFrom('segmentations')
    .select(['id', 'features', 'k', 'standardize', 'created_at'])
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ id: r.id as string, features: parseJson(r.features) as string[], k: Number(r.k), standardize: toBool(r.standardize) ?? false, created_at: r.created_at as string }));
}

export const filterSegmentInput = z
  .object({
    name: z.string().trim().min(1).max(255),
    description: z.string().max(2000).optional(),
    filter: z.union([filterNodeSchema, z.string().max(20000)]),
  })
  .strict();

async function filterWhere(ctx: Ctx, filter: FilterNode): Promise<WhereBuilder> {
  const byName = fieldMap(await fieldsOf(ctx.database.db, customerEntity));
  return (eb) => compileFilter(eb, filter, byName);
}

async function countWhere(ctx: Ctx, where: WhereBuilder): Promise<number> {
  const row = await ctx.database.db
    .selectFrom('customers')
    .select(sql<number>`count(*)`.as('n'))
    .where(where)
    .executeTakeFirstOrThrow();
  return toNumber(row.n) ?? 0;
}

export async function createFilterSegment(ctx: Ctx, raw: unknown): Promise<SegmentRecord> {
  const parsed = filterSegmentInput.safeParse(raw);
  if (!parsed.success) throw invalid('invalid segment', issuesToFields(parsed.error.issues));
  let filter: FilterNode;
  if (typeof parsed.data.filter === 'string') {
    let json: unknown;
    try {
      json = JSON.parse(parsed.data.filter);
    } catch {
      throw invalid('filter must be JSON', { filter: ['is not valid JSON'] });
    }
    const node = filterNodeSchema.safeParse(json);
    if (!node.success) throw invalid('filter is not a valid filter tree', { filter: node.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) });
    filter = node.data;
  } else filter = parsed.data.filter;
  // Compiling and counting once checks every field and value now rather than on first use.
  const size = await countWhere(ctx, await filterWhere(ctx, filter));
  const now = new Date().toISOString();
  const row = {
    id: newId('segment'),
    kind: 'filter',
    segmentation_id: null,
    position: null,
    name: parsed.data.name,
    description: parsed.data.description ?? null,
    filter: JSON.stringify(filter),
    size,
    centroid: null,
    created_at: now,
    updated_at: now,
  };
  await ctx.database.db.insertInto('segments').values(row).execute();
  return segmentRecord(row);
}

/** Model segments of the newest segmentation (or the one named) and saved-filter segments, side by side. */
export async function listSegments(ctx: Ctx, options: { segmentationId?: string } = {}): Promise<SegmentRecord[]> {
  const db = ctx.database.db;
  let segmentationId = options.segmentationId;
  if (!segmentationId) {
    const latest = await db.selectFrom('segmentations').select('id').orderBy('created_at', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst();
    segmentationId = latest?.id as string | undefined;
  }
  const model = segmentationId ? await db.selectFrom('segments').selectAll().where('segmentation_id', '=', segmentationId).orderBy('position').execute() : [];
  const filters = await db.selectFrom('segments').selectAll().where('kind', '=', 'filter').orderBy('name').orderBy('id').execute();
  const out = model.map(segmentRecord);
  for (const f of filters) {
    const record = segmentRecord(f);
    try {
      record.size = await countWhere(ctx, await filterWhere(ctx, record.filter as FilterNode));
    } catch {
      record.size = null; // a field used by the filter was removed
    }
    out.push(record);
  }
  return out;
}

/**
 * A segment by id, or by number: a number is a k-means label (0, 1, ... k - 1) of the newest
 * segmentation, as scikit-learn numbers clusters, so ?segment=0 is its first segment.
 */
export async function findSegment(ctx: Ctx, ref: string): Promise<Record<string, unknown> | undefined> {
  const db = ctx.database.db;
  if (/^\d+$/.test(ref)) {
    const latest = await db.selectFrom('segmentations').select('id').orderBy('created_at', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst();
    if (!latest) return undefined;
    return db
      .selectFrom('segments')
      .selectAll()
      .where('segmentation_id', '=', latest.id)
      .where('position', '=', Number(ref) + 1)
      .executeTakeFirst();
  }
  return db.selectFrom('segments').selectAll().where('id', '=', ref).executeTakeFirst();
}

/** Why a segment reference matched nothing, in words. */
export async function missingSegmentMessage(ctx: Ctx, ref: string): Promise<string> {
  if (!/^\d+$/.test(ref)) return `no segment ${ref}`;
  const latest = await ctx.database.db.selectFrom('segmentations').select('k').orderBy('created_at', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst();
  if (!latest) return 'there is no segmentation yet (POST /api/segmentations)';
  return `no segment ${ref}: the newest segmentation numbers its segments 0 to ${Number(latest.k) - 1}`;
}

export async function getSegment(ctx: Ctx, id: string): Promise<SegmentRecord> {
  const row = await findSegment(ctx, id);
  if (!row) throw notFound('segment', id);
  return segmentRecord(row);
}

export async function deleteSegment(ctx: Ctx, id: string): Promise<void> {
  const row = await ctx.database.db.selectFrom('segments').select(['id', 'kind']).where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('segment', id);
  if (row.kind !== 'filter') throw invalid('model segments belong to their segmentation and cannot be deleted one by one', { id: ['is a model segment'] });
  await ctx.database.db.deleteFrom('segments').where('id', '=', id).execute();
}

/** Conditions that restrict the customer list to a segment's members (model or saved filter). */
export async function segmentWhere(ctx: Ctx, segment: string | undefined): Promise<WhereBuilder[]> {
  if (segment === undefined || segment === '') return [];
  if (segment.length > 40) throw invalid('segment is not a segment id', { segment: ['no such segment'] });
  const row = await findSegment(ctx, segment);
  if (!row) {
    const message = await missingSegmentMessage(ctx, segment);
    throw invalid(message, { segment: [message] });
  }
  if (row.kind === 'model') {
    const id = row.id as string;
    return [(eb) => eb('id', 'in', eb.selectFrom('segment_members').select('customer_id').where('segment_id', '=', id))];
  }
  return [await filterWhere(ctx, parseJson(row.filter) as FilterNode)];
}

export const segmentationFeatureNames = Object.keys(builtInFeatures);
