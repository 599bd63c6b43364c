/**
 * What open deals are worth: each stage's learnt win probability (see probability.ts) and each open
 * deal's expected value, rotten flag and days without activity, for the board, the forecast and Today.
 */
import { z } from '@hono/zod-openapi';
import { toNumber, type Db } from '../core/database.js';
import type { Subscription } from '../core/events.js';
import { eventTypes, type EventType } from '../schema/events.js';
import { learnProbability, type LearntProbability } from './probability.js';
import type { StageKind } from './pipelines.js';

export interface StageProbability extends LearntProbability {
  pipeline_id: string;
  stage_id: string;
  name: string;
  kind: StageKind;
  position: number;
}

const dayMs = 86_400_000;

/** Closed deals (won, lost) that passed through each stage, counted once per deal. */
async function stageOutcomes(db: Db, pipelineId?: string): Promise<Map<string, { won: number; lost: number }>> {
  let q = db
    .selectFrom('deal_stage_changes as c')
    .innerJoin('deals as d', 'd.id', 'c.deal_id')
    .select(['c.to_stage_id as stage_id', 'd.status as status', (eb) => eb.fn.count<number>('d.id').distinct().as('n')])
    .where('d.status', 'in', ['won', 'lost'])
    .groupBy(['c.to_stage_id', 'd.status']);
  if (pipelineId) q = q.where('c.pipeline_id', '=', pipelineId);
  const out = new Map<string, { won: number; lost: number }>();
  for (const r of await q.execute()) {
    const entry = out.get(r.stage_id as string) ?? { won: 0, lost: 0 };
    entry[r.status === 'won' ? 'won' : 'lost'] = Number(r.n);
    out.set(r.stage_id as string, entry);
  }
  return out;
}

/**
 * Learnt probabilities change only when a deal closes, moves, is deleted or a pipeline changes, yet
 * reading them means counting every closed deal's stage history: they are kept per database and
 * pipeline. A deal or pipeline event in this process drops them (`probabilityCacheSubscription`);
 * a minute drops them anyway, which bounds what a write by another process, or one committed while a
 * read was under way, can leave behind. Reads inside a transaction are never cached (it may roll back).
 */
const probabilityCache = new WeakMap<object, Map<string, { version: number; at: number; stages: StageProbability[] }>>();
let cacheVersion = 0;
const cacheMaxAgeMs = 60_000;

export const probabilityCacheSubscription: Subscription = {
  types: eventTypes.filter((t) => t.startsWith('deal.') || t.startsWith('pipeline.')) as EventType[],
  handle: async () => {
    cacheVersion++;
  },
};

/**
 * Per stage: the configured prior, the learnt posterior mean and the deals behind it. Won and lost
 * stages keep their configured 1 and 0 (a deal there has closed).
 */
export async function learntProbabilities(db: Db, pipelineId?: string): Promise<StageProbability[]> {
  if (db.isTransaction) return computeProbabilities(db, pipelineId);
  const key = pipelineId ?? '*';
  let cached = probabilityCache.get(db);
  if (!cached) probabilityCache.set(db, (cached = new Map()));
  const hit = cached.get(key);
  if (hit && hit.version === cacheVersion && Date.now() - hit.at < cacheMaxAgeMs) return hit.stages.map((p) => ({ ...p }));
  const version = cacheVersion;
  const at = Date.now();
  const stages = await computeProbabilities(db, pipelineId);
  if (version === cacheVersion) cached.set(key, { version, at, stages });
  return stages.map((p) => ({ ...p }));
}

async function computeProbabilities(db: Db, pipelineId?: string): Promise<StageProbability[]> {
  let q = db.selectFrom('pipeline_stages').selectAll().orderBy('pipeline_id').orderBy('position');
  if (pipelineId) q = q.where('pipeline_id', '=', pipelineId);
  const stages = await q.execute();
  const outcomes = await stageOutcomes(db, pipelineId);
  return stages.map((s) => {
    const configured = toNumber(s.probability) ?? 0;
    const seen = outcomes.get(s.id as string) ?? { won: 0, lost: 0 };
    const learnt =
      s.kind === 'open'
        ? learnProbability({ configured, ...seen })
        : { configured, learnt: configured, deals_seen: seen.won + seen.lost, won: seen.won, lost: seen.lost, used: configured, basis: 'configured' as const };
    return { pipeline_id: s.pipeline_id as string, stage_id: s.id as string, name: s.name as string, kind: s.kind as StageKind, position: Number(s.position), ...learnt };
  });
}

export interface DealAtStake {
  deal_id: string;
  title: string;
  customer_id: string | null;
  pipeline_id: string;
  stage_id: string;
  stage_name: string;
  value: number;
  currency: string | null;
  /** The probability the forecast uses for the stage (learnt once enough deals closed, else configured). */
  probability: number;
  probability_basis: 'learnt' | 'configured';
  /** value x probability. */
  expected_value: number;
  expected_close_date: string | null;
  last_activity_at: string | null;
  days_without_activity: number;
  rotten: boolean;
  rotten_days: number | null;
}

export const dealAtStakeSchema = z
  .object({
    deal_id: z.string(),
    title: z.string(),
    customer_id: z.string().nullable(),
    pipeline_id: z.string(),
    stage_id: z.string(),
    stage_name: z.string(),
    value: z.number(),
    currency: z.string().nullable(),
    probability: z.number().openapi({ description: "The stage's learnt win probability once enough deals closed through it, else the configured one" }),
    probability_basis: z.enum(['learnt', 'configured']),
    expected_value: z.number().openapi({ description: 'value x probability, in the deal currency' }),
    expected_close_date: z.string().nullable(),
    last_activity_at: z.string().nullable(),
    days_without_activity: z.number().int(),
    rotten: z.boolean(),
    rotten_days: z.number().int().nullable(),
  })
  .openapi('DealAtStake');

/** Whole days between the last activity (or creation) and now. */
export function daysWithoutActivity(lastActivity: string | null, created: string, now: Date): number {
  const since = Date.parse(lastActivity ?? created);
  return Math.max(0, Math.floor((now.getTime() - since) / dayMs));
}

export const isRotten = (days: number, rottenDays: number | null) => rottenDays !== null && days > rottenDays;

/**
 * Every open deal with its value, learnt probability, expected value, rotten flag and days without
 * activity, highest expected value first. Values are in each deal's own currency (`currency`).
 */
export async function openDealsAtStake(
  db: Db,
  now: Date = new Date(),
  options: { pipelineId?: string; customerId?: string; limit?: number; rottenOrIds?: readonly string[]; ids?: readonly string[] } = {},
): Promise<DealAtStake[]> {
  const probabilities = await probabilitiesByStage(db, options.pipelineId);
  const select = () => selectOpenDeals(db, options);
  const rows = options.ids ? await named(select, options.ids) : options.rottenOrIds ? await rottenOrNamed(db, select, now, options.rottenOrIds) : await select().execute();
  const out = dealsAtStake(rows, probabilities, now);
  out.sort((a, b) => b.expected_value - a.expected_value || a.deal_id.localeCompare(b.deal_id));
  return options.limit ? out.slice(0, options.limit) : out;
}

export async function probabilitiesByStage(db: Db, pipelineId?: string): Promise<Map<string, StageProbability>> {
  return new Map((await learntProbabilities(db, pipelineId)).map((p) => [p.stage_id, p]));
}

/** Open deals with what their stake needs (their pipeline's rotten days), of one pipeline or customer when named. */
export function selectOpenDeals(db: Db, options: { pipelineId?: string; customerId?: string } = {}) {
  let q = db
    .selectFrom('deals as d')
    .innerJoin('pipelines as p', 'p.id', 'd.pipeline_id')
    .select(['d.id', 'd.title', 'd.customer_id', 'd.pipeline_id', 'd.stage_id', 'd.value', 'd.currency', 'd.expected_close_date', 'd.last_activity_at', 'd.created_at', 'p.rotten_days'])
    .where('d.status', '=', 'open');
  if (options.pipelineId) q = q.where('d.pipeline_id', '=', options.pipelineId);
  if (options.customerId) q = q.where('d.customer_id', '=', options.customerId);
  return q;
}

/** Rows of selectOpenDeals as deals at stake (unsorted). */
export function dealsAtStake(rows: readonly Record<string, unknown>[], probabilities: Map<string, StageProbability>, now: Date): DealAtStake[] {
  return rows.map((r) => {
    const p = probabilities.get(r.stage_id as string);
    const value = toNumber(r.value) ?? 0;
    const probability = p?.used ?? 0;
    const rottenDays = r.rotten_days === null ? null : Number(r.rotten_days);
    const days = daysWithoutActivity(r.last_activity_at as string | null, r.created_at as string, now);
    return {
      deal_id: r.id as string,
      title: r.title as string,
      customer_id: (r.customer_id as string | null) ?? null,
      pipeline_id: r.pipeline_id as string,
      stage_id: r.stage_id as string,
      stage_name: p?.name ?? '',
      value,
      currency: (r.currency as string | null) ?? null,
      probability,
      probability_basis: p?.basis ?? 'configured',
      expected_value: value * probability,
      expected_close_date: (r.expected_close_date as string | null) ?? null,
      last_activity_at: (r.last_activity_at as string | null) ?? null,
      days_without_activity: days,
      rotten: isRotten(days, rottenDays),
      rotten_days: rottenDays,
    };
  });
}

/** The activity cut-off of a pipeline's rotten deals: more than `rotten_days` whole days without activity. */
export const rottenCutoff = (now: Date, rottenDays: number) => new Date(now.getTime() - (rottenDays + 1) * dayMs).toISOString();

/** Only the open deals named. */
async function named<Q extends { where: (...args: any[]) => Q; execute: () => Promise<any[]> }>(select: () => Q, ids: readonly string[]) {
  const wanted = [...new Set(ids)];
  const rows: Record<string, unknown>[] = [];
  for (let i = 0; i < wanted.length; i += 500)
    rows.push(
      ...(await select()
        .where('d.id', 'in', wanted.slice(i, i + 500))
        .execute()),
    );
  return rows;
}

/**
 * Only the open deals that are rotten or named: what Today needs, read without scanning every open
 * deal. Rotten means more than `rotten_days` whole days without activity, so the cut-off per pipeline
 * is now minus (rotten_days + 1) days (timestamps are ISO text, compared as text).
 */
async function rottenOrNamed<Q extends { where: (...args: any[]) => Q; execute: () => Promise<any[]> }>(db: Db, select: () => Q, now: Date, ids: readonly string[]) {
  const pipelines = await db.selectFrom('pipelines').select(['id', 'rotten_days']).where('rotten_days', 'is not', null).execute();
  const seen = new Map<string, Record<string, unknown>>();
  for (const p of pipelines) {
    const cutoff = rottenCutoff(now, Number(p.rotten_days));
    // Two reads, each a range of the (pipeline_id, status, last_activity_at) index.
    const stale = await select().where('d.pipeline_id', '=', p.id).where('d.last_activity_at', '<=', cutoff).execute();
    const untouched = await select().where('d.pipeline_id', '=', p.id).where('d.last_activity_at', 'is', null).where('d.created_at', '<=', cutoff).execute();
    for (const r of [...stale, ...untouched]) seen.set(r.id as string, r);
  }
  const named = [...new Set(ids)].filter((id) => !seen.has(id));
  for (let i = 0; i < named.length; i += 500)
    for (const r of await select()
      .where('d.id', 'in', named.slice(i, i + 500))
      .execute())
      seen.set(r.id as string, r);
  return [...seen.values()];
}
