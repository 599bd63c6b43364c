/**
 * Sales reports from deals and their stage history: the weighted forecast by month of expected
 * close, the pipeline by stage, win rate and time per stage, and won revenue by lead source. Amounts
 * are in the business currency; deals in other currencies are listed apart (never converted).
 */
import { toNumber, type Db } from '../core/database.js';
import { getBusinessSettings } from '../settings/business.js';
import { addCurrency, cents, type CurrencyTotal } from './board.js';
import { firstPipeline, getPipeline } from './pipelines.js';
import { learntProbabilities } from './stake.js';

const dayMs = 86_400_000;

export interface ForecastMonth {
  /** YYYY-MM of the expected close date; null for open deals without one. */
  month: string | null;
  deals: number;
  value: number;
  weighted: number;
}

/** Open deals by month of expected close: value and value x the stage's learnt probability. */
export async function weightedForecast(db: Db, options: { pipelineId?: string } = {}) {
  const { currency } = await getBusinessSettings(db);
  const probability = new Map((await learntProbabilities(db, options.pipelineId)).map((p) => [p.stage_id, p.used]));
  let q = db.selectFrom('deals').select(['stage_id', 'value', 'currency', 'expected_close_date']).where('status', '=', 'open');
  if (options.pipelineId) q = q.where('pipeline_id', '=', options.pipelineId);
  const months = new Map<string, ForecastMonth>();
  const other: CurrencyTotal[] = [];
  for (const r of await q.execute()) {
    const value = toNumber(r.value) ?? 0;
    const dealCurrency = (r.currency as string | null) ?? currency;
    if (dealCurrency !== currency) {
      addCurrency(other, dealCurrency, value);
      continue;
    }
    const month = typeof r.expected_close_date === 'string' ? r.expected_close_date.slice(0, 7) : null;
    const key = month ?? '';
    const entry = months.get(key) ?? { month, deals: 0, value: 0, weighted: 0 };
    entry.deals += 1;
    entry.value += value;
    entry.weighted += value * (probability.get(r.stage_id as string) ?? 0);
    months.set(key, entry);
  }
  // Dated months in order, then the deals without a date.
  const data = [...months.values()]
    .sort((a, b) => (a.month === null ? 1 : b.month === null ? -1 : a.month.localeCompare(b.month)))
    .map((m) => ({ ...m, value: cents(m.value), weighted: cents(m.weighted) }));
  return { currency, data, total: cents(data.reduce((s, m) => s + m.value, 0)), weighted: cents(data.reduce((s, m) => s + m.weighted, 0)), other_currencies: other };
}

/** Deals now on each stage of a pipeline: count (every currency), value and weighted value (business currency). */
export async function pipelineByStage(db: Db, pipelineId?: string) {
  const pipeline = pipelineId ? await getPipeline(db, pipelineId) : await firstPipeline(db);
  const { currency } = await getBusinessSettings(db);
  const probability = new Map((await learntProbabilities(db, pipeline.id)).map((p) => [p.stage_id, p]));
  const rows = await db.selectFrom('deals').select(['stage_id', 'value', 'currency']).where('pipeline_id', '=', pipeline.id).execute();
  const stages = pipeline.stages.map((s) => ({
    stage_id: s.id,
    name: s.name,
    kind: s.kind,
    probability: probability.get(s.id)?.used ?? s.probability,
    deals: 0,
    value: 0,
    weighted: 0,
    other_currencies: [] as CurrencyTotal[],
  }));
  const byId = new Map(stages.map((s) => [s.stage_id, s]));
  for (const r of rows) {
    const stage = byId.get(r.stage_id as string);
    if (!stage) continue;
    const value = toNumber(r.value) ?? 0;
    const dealCurrency = (r.currency as string | null) ?? currency;
    stage.deals += 1;
    if (dealCurrency === currency) stage.value += value;
    else addCurrency(stage.other_currencies, dealCurrency, value);
  }
  for (const s of stages) {
    s.value = cents(s.value);
    s.weighted = cents(s.value * s.probability);
  }
  return { pipeline_id: pipeline.id, currency, stages };
}

/**
 * Per stage of a pipeline: deals that entered it, how many of those were won or lost, the win rate
 * (won / closed), and the average days a deal stayed (stays that ended; the current stays are not
 * finished). Velocity: average days from opening to winning.
 */
export async function stagePerformance(db: Db, pipelineId?: string) {
  const pipeline = pipelineId ? await getPipeline(db, pipelineId) : await firstPipeline(db);
  const rows = await db
    .selectFrom('deal_stage_changes as c')
    .innerJoin('deals as d', 'd.id', 'c.deal_id')
    .select(['c.deal_id', 'c.to_stage_id', 'c.entered_at', 'c.left_at', 'd.status'])
    .where('c.pipeline_id', '=', pipeline.id)
    .execute();
  const stats = new Map(pipeline.stages.map((s) => [s.id, { deals: new Set<string>(), won: new Set<string>(), lost: new Set<string>(), staySum: 0, stays: 0 }]));
  for (const r of rows) {
    const s = stats.get(r.to_stage_id as string);
    if (!s) continue;
    const deal = r.deal_id as string;
    s.deals.add(deal);
    if (r.status === 'won') s.won.add(deal);
    if (r.status === 'lost') s.lost.add(deal);
    if (r.left_at) {
      s.staySum += (Date.parse(r.left_at as string) - Date.parse(r.entered_at as string)) / dayMs;
      s.stays += 1;
    }
  }
  const won = await db.selectFrom('deals').select(['created_at', 'closed_at']).where('pipeline_id', '=', pipeline.id).where('status', '=', 'won').execute();
  const daysToWin = won.filter((w) => w.closed_at).map((w) => (Date.parse(w.closed_at as string) - Date.parse(w.created_at as string)) / dayMs);
  return {
    pipeline_id: pipeline.id,
    stages: pipeline.stages.map((stage) => {
      const s = stats.get(stage.id)!;
      const closed = s.won.size + s.lost.size;
      return {
        stage_id: stage.id,
        name: stage.name,
        kind: stage.kind,
        entered: s.deals.size,
        won: s.won.size,
        lost: s.lost.size,
        win_rate: closed ? s.won.size / closed : null,
        average_days_in_stage: s.stays ? s.staySum / s.stays : null,
        stays_measured: s.stays,
      };
    }),
    won_deals: daysToWin.length,
    average_days_to_win: daysToWin.length ? daysToWin.reduce((a, b) => a + b, 0) / daysToWin.length : null,
  };
}

/** Won deals by lead source (closed in [from, to) when given): count and value. */
export async function wonBySource(db: Db, options: { from?: string; to?: string } = {}) {
  const { currency } = await getBusinessSettings(db);
  let q = db.selectFrom('deals').select(['source', 'value', 'currency']).where('status', '=', 'won');
  if (options.from) q = q.where('closed_at', '>=', options.from);
  if (options.to) q = q.where('closed_at', '<', options.to);
  const sources = new Map<string, { source: string | null; deals: number; value: number }>();
  const other: CurrencyTotal[] = [];
  for (const r of await q.execute()) {
    const value = toNumber(r.value) ?? 0;
    const dealCurrency = (r.currency as string | null) ?? currency;
    if (dealCurrency !== currency) {
      addCurrency(other, dealCurrency, value);
      continue;
    }
    const source = typeof r.source === 'string' && r.source ? r.source : null;
    const entry = sources.get(source ?? '') ?? { source, deals: 0, value: 0 };
    entry.deals += 1;
    entry.value += value;
    sources.set(source ?? '', entry);
  }
  const data = [...sources.values()].map((s) => ({ ...s, value: cents(s.value) })).sort((a, b) => b.value - a.value || String(a.source).localeCompare(String(b.source)));
  return { currency, data, total: cents(data.reduce((s, d) => s + d.value, 0)), other_currencies: other };
}

/** A deal's stages with the time spent in each (the current one until now). */
export async function dealStageHistory(db: Db, dealId: string, now = new Date()) {
  const rows = await db
    .selectFrom('deal_stage_changes as c')
    .leftJoin('pipeline_stages as s', 's.id', 'c.to_stage_id')
    .select(['c.id', 'c.from_stage_id', 'c.to_stage_id', 's.name as stage_name', 'c.entered_at', 'c.left_at', 'c.actor'])
    .where('c.deal_id', '=', dealId)
    .orderBy('c.entered_at')
    .orderBy('c.id')
    .execute();
  return rows.map((r) => ({
    id: r.id as string,
    from_stage_id: (r.from_stage_id as string | null) ?? null,
    stage_id: r.to_stage_id as string,
    stage_name: (r.stage_name as string | null) ?? null,
    entered_at: r.entered_at as string,
    left_at: (r.left_at as string | null) ?? null,
    days_in_stage: (Date.parse((r.left_at as string | null) ?? now.toISOString()) - Date.parse(r.entered_at as string)) / dayMs,
    actor: r.actor as string,
  }));
}
