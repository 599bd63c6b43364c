/**
 * The board of one pipeline: a column per stage with its cards, count, total and weighted total
 * (value x the stage's learnt probability), and the rotten deals marked. Totals are in the business
 * currency; deals in another currency are counted apart per currency, like the other reports.
 */
import { toNumber, type Db } from '../core/database.js';
import { getBusinessSettings } from '../settings/business.js';
import { getPipeline, type Pipeline, type Stage } from './pipelines.js';
import { daysWithoutActivity, isRotten, learntProbabilities, type StageProbability } from './stake.js';

interface BoardCard {
  id: string;
  title: string;
  value: number | null;
  currency: string | null;
  customer_id: string | null;
  customer_name: string | null;
  expected_close_date: string | null;
  stage_changed_at: string | null;
  last_activity_at: string | null;
  days_without_activity: number;
  rotten: boolean;
}

export interface CurrencyTotal {
  currency: string;
  deals: number;
  value: number;
}

interface BoardColumn {
  stage: Stage;
  probability: Omit<StageProbability, 'pipeline_id' | 'stage_id' | 'name' | 'kind' | 'position'>;
  deals: BoardCard[];
  count: number;
  /** Sum of the values in the business currency. */
  total: number;
  /** total x the probability the forecast uses. */
  weighted: number;
  rotten: number;
  other_currencies: CurrencyTotal[];
}

export interface Board {
  pipeline: Pipeline;
  currency: string;
  /** Won and lost columns show deals closed in the last this many days. */
  closed_days: number;
  columns: BoardColumn[];
  /** Cards sent per column at most; `count` says how many there are. */
  per_stage: number;
  total: number;
  weighted: number;
}

export const cents = (n: number) => Math.round(n * 100) / 100;

/** Adds a value to the per-currency list (those outside the business currency). */
export function addCurrency(list: CurrencyTotal[], currency: string, value: number) {
  let entry = list.find((c) => c.currency === currency);
  if (!entry) list.push((entry = { currency, deals: 0, value: 0 }));
  entry.deals += 1;
  entry.value = cents(entry.value + value);
}

const personName = (r: Record<string, unknown>): string | null => {
  const name = [r.first_name, r.last_name].filter((v) => typeof v === 'string' && v).join(' ');
  return name || (typeof r.company === 'string' && r.company ? r.company : null);
};

/** `perStage` caps the cards sent per column (most recently moved first); counts and totals cover every deal. */
export async function pipelineBoard(db: Db, pipelineId: string, now = new Date(), closedDays = 30, perStage = 5000): Promise<Board> {
  const pipeline = await getPipeline(db, pipelineId);
  const { currency } = await getBusinessSettings(db);
  const probabilities = new Map((await learntProbabilities(db, pipelineId)).map((p) => [p.stage_id, p]));
  const closedSince = new Date(now.getTime() - closedDays * 86_400_000).toISOString();
  const rows = await db
    .selectFrom('deals as d')
    .leftJoin('customers as c', 'c.id', 'd.customer_id')
    .select([
      'd.id',
      'd.title',
      'd.value',
      'd.currency',
      'd.customer_id',
      'd.stage_id',
      'd.status',
      'd.expected_close_date',
      'd.stage_changed_at',
      'd.last_activity_at',
      'd.created_at',
      'c.first_name',
      'c.last_name',
      'c.company',
    ])
    .where('d.pipeline_id', '=', pipelineId)
    .where((eb) => eb.or([eb('d.status', '=', 'open'), eb('d.closed_at', '>=', closedSince)]))
    .orderBy('d.stage_changed_at', 'desc')
    .orderBy('d.id')
    .execute();
  const columns = new Map<string, BoardColumn>(
    pipeline.stages.map((stage) => {
      const { pipeline_id: _p, stage_id: _s, name: _n, kind: _k, position: _o, ...probability } = probabilities.get(stage.id)!;
      return [stage.id, { stage, probability, deals: [], count: 0, total: 0, weighted: 0, rotten: 0, other_currencies: [] }];
    }),
  );
  for (const r of rows) {
    const column = columns.get(r.stage_id as string);
    if (!column) continue;
    const value = toNumber(r.value);
    const days = daysWithoutActivity(r.last_activity_at as string | null, r.created_at as string, now);
    const rotten = r.status === 'open' && isRotten(days, pipeline.rotten_days);
    if (column.deals.length < perStage)
      column.deals.push({
        id: r.id as string,
        title: r.title as string,
        value,
        currency: (r.currency as string | null) ?? null,
        customer_id: (r.customer_id as string | null) ?? null,
        customer_name: personName(r),
        expected_close_date: (r.expected_close_date as string | null) ?? null,
        stage_changed_at: (r.stage_changed_at as string | null) ?? null,
        last_activity_at: (r.last_activity_at as string | null) ?? null,
        days_without_activity: days,
        rotten,
      });
    column.count += 1;
    if (rotten) column.rotten += 1;
    const dealCurrency = (r.currency as string | null) ?? currency;
    if (dealCurrency === currency) column.total += value ?? 0;
    else addCurrency(column.other_currencies, dealCurrency, value ?? 0);
  }
  let total = 0;
  let weighted = 0;
  for (const column of columns.values()) {
    column.total = cents(column.total);
    column.weighted = cents(column.total * column.probability.used);
    if (column.stage.kind === 'open') {
      total += column.total;
      weighted += column.weighted;
    }
  }
  return { pipeline, currency, closed_days: closedDays, columns: [...columns.values()], per_stage: perStage, total: cents(total), weighted: cents(weighted) };
}
