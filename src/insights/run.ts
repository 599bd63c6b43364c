/**
 * The insight run: reads customers and orders from the database page by page into typed arrays, fits
 * BG/NBD, Gamma-Gamma and the purchase-probability model, scores every customer (lifecycle stage, RFM,
 * P(alive), expected purchases, CLV, churn risk) and writes the scores back in batches. Each run is stored
 * with its parameters, metrics, counts and timing.
 */
import { sql } from 'kysely';
import { fitBgNbd, fitGammaGamma, rfmScores, type BgNbdFit, type BgNbdReliability, type GammaGammaFit, type TimeUnit } from '../analytics/index.js';
import type { Ctx } from '../core/context.js';
import type { Database } from '../core/database.js';
import { toNumber } from '../core/database.js';
import { invalid } from '../core/errors.js';
import { newId } from '../core/ids.js';
import { countedOrderStatuses, insightFields } from '../schema/entities.js';
import { batchInsert, batchUpdate, dayFromIso, isoOfDay, type BatchColumn } from './db.js';
import { runCrossSell, type CrossSellSummary } from './cross-sell.js';
import { getInsightSettings, type InsightSettings } from './settings.js';
import { appendEvents, type DomainEvent } from '../core/events.js';
import { scoreEvents, thresholdScores } from './score-events.js';
import { trainPurchaseModel } from './purchase-model.js';
import { dayCounter, dayNumber } from '../core/day-count.js';
import { getBusinessSettings } from '../settings/business.js';
import { judgeBgNbdFit, scoreStandings } from './standing.js';
import { allocateCustomerArrays, type CustomerArrays } from './customer-arrays.js';

/** The customer columns an insight run writes: every insight field of the registry but the segment. */
const scoreFields = insightFields.filter((f) => f.name !== 'segment_id');

interface RunProgress {
  phase: 'loading' | 'fitting' | 'scoring' | 'predicting' | 'cross_sell' | 'writing' | 'done';
  done?: number;
  total?: number;
}

export interface RunOptions {
  /** Observation end (a date, inclusive; default today, UTC). */
  asOf?: string;
  timeUnit?: TimeUnit;
  /** Round recency and age in model units to this many decimals (the published CDNOW summary uses 2). */
  decimals?: number;
  horizonDays?: number;
  clvMonths?: number;
  monthlyDiscountRate?: number;
  rfmBins?: number;
  activeDays?: number;
  inactiveDays?: number;
  predictionWindowDays?: number;
  /** Fit the cross-sell model from order lines (default true). */
  crossSell?: boolean;
  /** Id to store the run under (the job id when run from the queue). */
  runId?: string;
  pageSize?: number;
  progress?: (p: RunProgress) => unknown;
}

export interface RunResult {
  id: string;
  as_of: string;
  duration_ms: number;
  options: Record<string, unknown>;
  params: Record<string, unknown>;
  metrics: Record<string, unknown>;
  counts: Record<string, number>;
  created_at: string;
}

/** Parses an as-of date (YYYY-MM-DD or a date-time) to its day number; without one, today in `timeZone`. */
function asOfDay(asOf: string | undefined, timeZone = 'UTC'): number {
  if (asOf === undefined) return dayNumber(Date.now(), timeZone);
  if (!/^\d{4}-\d{2}-\d{2}/.test(asOf) || Number.isNaN(Date.parse(asOf.slice(0, 10)))) throw invalid('as_of must be a date, e.g. 2026-01-31', { as_of: ['must be a date YYYY-MM-DD'] });
  return dayFromIso(asOf);
}

const finite = (v: number): number | null => (Number.isFinite(v) ? v : null);
const round = (v: number, digits: number): number | null => {
  if (!Number.isFinite(v)) return null;
  const s = 10 ** digits;
  return Math.round(v * s) / s;
};

/**
 * Streams customers (keyset pages by id) and, per page, their counted orders up to the as-of day
 * (ordered by customer and date), accumulating per-customer figures without keeping the order log.
 * Counts and dates take every order; amounts only those in `currency` (the business currency), as the
 * customer figures and the reports do.
 */
export async function loadCustomerArrays(
  database: Database,
  endDay: number,
  cutoffDay: number,
  options: { pageSize?: number; progress?: (done: number, total: number) => unknown; timeZone?: string; currency?: string } = {},
): Promise<CustomerArrays> {
  const db = database.db;
  const pageSize = options.pageSize ?? 5000;
  const total =
    toNumber(
      (
        await db
          .selectFrom('customers')
          .select(sql<number>`count(*)`.as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    ) ?? 0;
  const a = allocateCustomerArrays(total + pageSize);
  // Days are calendar days in the business's time zone; a day of margin on the UTC bound, then by day.
  const dayOfOrder = dayCounter(options.timeZone ?? 'UTC');
  const endIso = isoOfDay(endDay + 2);
  const currency = options.currency ?? (await getBusinessSettings(db)).currency;
  // The last repeat day counted in moneyRepeatDays, per slot.
  const lastMoneyDay = new Float64Array(a.age.length).fill(NaN);
  let lastId: string | null = null;
  for (;;) {
    let q = db.selectFrom('customers').select(['id', 'age', 'income', 'stage', 'stage_changed_at', 'p_alive', 'churn_risk', 'clv']).orderBy('id').limit(pageSize);
    if (lastId !== null) q = q.where('id', '>', lastId);
    const customers = await q.execute();
    if (customers.length === 0) break;
    const slot = new Map<string, number>();
    for (const c of customers) {
      const i = a.n++;
      if (i >= a.age.length) throw new Error('customers were added while the run was reading them; run again');
      a.ids.push(c.id as string);
      a.oldStage.push((c.stage as string | null) ?? null);
      a.oldStageChangedAt.push((c.stage_changed_at as string | null) ?? null);
      for (const score of thresholdScores) a.oldScores[score][i] = toNumber(c[score]) ?? NaN;
      const age = toNumber(c.age);
      const income = toNumber(c.income);
      if (age !== null) a.age[i] = age;
      if (income !== null) a.income[i] = income;
      slot.set(c.id as string, i);
    }
    const first = customers[0].id as string;
    lastId = customers[customers.length - 1].id as string;
    const orders = await db
      .selectFrom('orders')
      .select(['customer_id', 'ordered_at', 'total', 'currency'])
      .where('customer_id', '>=', first)
      .where('customer_id', '<=', lastId)
      .where('status', 'in', [...countedOrderStatuses])
      .where('ordered_at', '<', endIso)
      .orderBy('customer_id')
      .orderBy('ordered_at')
      .execute();
    for (const o of orders) {
      const i = slot.get(o.customer_id as string);
      if (i === undefined) continue;
      const day = dayOfOrder(o.ordered_at as string);
      if (day > endDay) continue;
      const money = o.currency === currency;
      const amount = money ? (toNumber(o.total) ?? 0) : 0;
      a.orderCount[i]++;
      if (money) a.moneyOrderCount[i]++;
      a.revenue[i] += amount;
      if (a.distinctDays[i] === 0) {
        a.firstDay[i] = day;
        a.lastDay[i] = day;
        a.distinctDays[i] = 1;
      } else {
        if (day !== a.firstDay[i]) a.repeatSpend[i] += amount;
        if (money && day !== a.firstDay[i] && day !== lastMoneyDay[i]) {
          a.moneyRepeatDays[i]++;
          lastMoneyDay[i] = day;
        }
        if (day !== a.lastDay[i]) {
          a.distinctDays[i]++;
          a.lastDay[i] = day;
        }
      }
      if (day <= cutoffDay) {
        a.cutOrderCount[i]++;
        a.cutRevenue[i] += amount;
        if (Number.isNaN(a.cutFirstDay[i])) a.cutFirstDay[i] = day;
        if (a.cutLastDay[i] !== day) a.cutDistinctDays[i]++;
        a.cutLastDay[i] = day;
      } else {
        a.label[i] = 1;
      }
    }
    // Feedback scores, the latest of each kind as of the as-of day and as known at the cutoff: an answer
    // changed after the cutoff was not known then in the form it has now, so it does not count there.
    const answers = await db
      .selectFrom('survey_responses')
      .select(['customer_id', 'kind', 'score', 'answered_at', 'updated_at'])
      .where('customer_id', '>=', first)
      .where('customer_id', '<=', lastId)
      .where('answered_at', '<', endIso)
      .orderBy('answered_at')
      .execute();
    for (const r of answers) {
      const i = slot.get(r.customer_id as string);
      const score = toNumber(r.score);
      if (i === undefined || score === null || dayOfOrder(r.answered_at as string) > endDay) continue;
      const [now, atCutoff] = r.kind === 'nps' ? [a.nps, a.cutNps] : r.kind === 'csat' ? [a.csat, a.cutCsat] : [null, null];
      if (!now || !atCutoff) continue;
      now[i] = score;
      if (dayOfOrder(r.answered_at as string) <= cutoffDay && dayOfOrder((r.updated_at as string | null) ?? (r.answered_at as string)) <= cutoffDay) atCutoff[i] = score;
    }
    await options.progress?.(a.n, total);
    if (customers.length < pageSize) break;
  }
  return a;
}

interface ResolvedOptions {
  timeUnit: TimeUnit;
  decimals: number | undefined;
  horizonDays: number;
  clvMonths: number;
  monthlyDiscountRate: number;
  rfmBins: number;
  activeDays: number;
  inactiveDays: number;
  predictionWindowDays: number;
  crossSell: boolean;
}

function resolve(options: RunOptions, s: InsightSettings): ResolvedOptions {
  const r: ResolvedOptions = {
    timeUnit: options.timeUnit ?? s.time_unit,
    decimals: options.decimals,
    horizonDays: options.horizonDays ?? s.horizon_days,
    clvMonths: options.clvMonths ?? s.clv_months,
    monthlyDiscountRate: options.monthlyDiscountRate ?? s.monthly_discount_rate,
    rfmBins: options.rfmBins ?? s.rfm_bins,
    activeDays: options.activeDays ?? s.active_days,
    inactiveDays: options.inactiveDays ?? s.inactive_days,
    predictionWindowDays: options.predictionWindowDays ?? s.prediction_window_days,
    crossSell: options.crossSell ?? true,
  };
  if (r.inactiveDays < r.activeDays) throw invalid('inactive_days must be at least active_days', { inactive_days: ['must be at least active_days'] });
  return r;
}

/** Runs the whole insight pipeline as of a date and stores the run. */
export async function runInsights(ctx: Ctx, options: RunOptions = {}): Promise<RunResult> {
  const database = ctx.database;
  const db = database.db;
  const started = Date.now();
  const timings: Record<string, number> = {};
  let mark = Date.now();
  const lap = (name: string) => {
    const t = Date.now();
    timings[name] = t - mark;
    mark = t;
  };
  const report = async (p: RunProgress) => {
    await options.progress?.(p);
  };
  const settings = await getInsightSettings(db);
  const o = resolve(options, settings);
  const { timeZone, currency } = await getBusinessSettings(db);
  const endDay = asOfDay(options.asOf, timeZone);
  const asOfIso = isoOfDay(endDay).slice(0, 10);
  const cutoffDay = endDay - o.predictionWindowDays;
  const id = options.runId ?? newId('job');
  const nowIso = new Date().toISOString();

  await report({ phase: 'loading', done: 0 });
  const a = await loadCustomerArrays(database, endDay, cutoffDay, { pageSize: options.pageSize, timeZone, currency, progress: (done, total) => report({ phase: 'loading', done, total }) });
  lap('load_ms');

  // Per-buyer summary in model time units.
  const perUnit = o.timeUnit === 'weeks' ? 7 : 1;
  const scale = o.decimals === undefined ? 0 : 10 ** o.decimals;
  const toUnit = (days: number) => (scale ? Math.round((days / perUnit) * scale) / scale : days / perUnit);
  const buyers: number[] = [];
  for (let i = 0; i < a.n; i++) if (a.distinctDays[i] > 0) buyers.push(i);
  const nb = buyers.length;
  const fx = new Float64Array(nb);
  const ftx = new Float64Array(nb);
  const fT = new Float64Array(nb);
  const fm = new Float64Array(nb);
  const fmx = new Float64Array(nb);
  const ggFrequency = new Float64Array(nb);
  let repeatBuyers = 0;
  buyers.forEach((i, b) => {
    const xi = a.distinctDays[i] - 1;
    fx[b] = xi;
    ftx[b] = toUnit(a.lastDay[i] - a.firstDay[i]);
    fT[b] = toUnit(endDay - a.firstDay[i]);
    // Spend per repeat day in the business currency, over the repeat days that had such spend.
    fmx[b] = a.moneyRepeatDays[i];
    fm[b] = fmx[b] > 0 ? a.repeatSpend[i] / fmx[b] : 0;
    // The monetary model needs positive spend; repeat buyers whose repeat days cost nothing are left out of its fit.
    ggFrequency[b] = fmx[b] > 0 && fm[b] > 0 ? fmx[b] : 0;
    if (xi > 0) repeatBuyers++;
  });

  await report({ phase: 'fitting' });
  const errors: string[] = [];
  let bg: BgNbdFit | null = null;
  let gg: GammaGammaFit | null = null;
  if (nb > 0 && repeatBuyers > 0) {
    try {
      bg = fitBgNbd(fx, ftx, fT);
    } catch (e) {
      errors.push(`BG/NBD: ${(e as Error).message}`);
    }
  } else errors.push('BG/NBD: needs customers with repeat purchases');
  const histories = { buyers, x: fx, tx: ftx, T: fT, m: fm, mx: fmx };
  // A fit that fails a check is kept on record but not used: scores fall back to the purchase rhythm.
  const reliability: BgNbdReliability | null = bg ? judgeBgNbdFit(bg, a, histories, endDay, cutoffDay, perUnit) : null;
  if (reliability && !reliability.reliable)
    errors.push(`BG/NBD: unreliable on this data (${reliability.reasons.join('; ')}); P(alive) and churn risk come from the purchase rhythm, expected purchases and CLV are not estimated`);
  lap('bgnbd_ms');
  if (repeatBuyers > 0) {
    try {
      gg = fitGammaGamma(ggFrequency, fm);
      if (!(gg.q > 1)) errors.push('Gamma-Gamma: q <= 1, expected spend is undefined; CLV not computed');
    } catch (e) {
      errors.push(`Gamma-Gamma: ${(e as Error).message}`);
    }
  }
  lap('gamma_gamma_ms');

  // Scores per customer: one standing (stage, P(alive), churn risk, forecasts, reason).
  await report({ phase: 'scoring' });
  const scored = scoreStandings(a, histories, reliability?.reliable ? bg : null, gg, { endDay, ...o });
  const { stages, pAlive, expected, pPurchase, clv, risk, reasons } = scored;

  // RFM on buyers.
  const rfm =
    nb > 0
      ? rfmScores(
          {
            recency: Float64Array.from(buyers, (i) => endDay - a.lastDay[i]),
            frequency: Float64Array.from(buyers, (i) => a.orderCount[i]),
            monetary: Float64Array.from(buyers, (i) => a.revenue[i]),
          },
          o.rfmBins,
        )
      : null;
  lap('scoring_ms');

  await report({ phase: 'predicting' });
  const purchase = trainPurchaseModel(a, endDay, cutoffDay);
  lap('purchase_model_ms');

  let crossSell: CrossSellSummary | null = null;
  if (o.crossSell) {
    await report({ phase: 'cross_sell' });
    crossSell = await runCrossSell(database, { endDay, cutoffDay });
    lap('cross_sell_ms');
  }

  // Write scores back in batches, in one transaction, with stage history for every change.
  await report({ phase: 'writing', done: 0, total: a.n });
  // The score columns are the registry's insight fields (segment_id is the segmentation's to write).
  const columns: BatchColumn[] = scoreFields.map((f) => ({ name: f.name, kind: f.type === 'integer' ? 'integer' : f.type === 'number' ? 'real' : 'text' }));
  const buyerIndex = new Int32Array(a.n).fill(-1);
  buyers.forEach((i, b) => (buyerIndex[i] = b));
  const history: Record<string, unknown>[] = [];
  const events: DomainEvent[] = [];
  const thresholds = settings.score_thresholds;
  const known = (v: number) => (Number.isNaN(v) ? null : v);
  const stageCounts: Record<string, number> = { lead: 0, active: 0, inactive: 0, churned: 0 };
  const segmentCounts: Record<string, number> = {};
  /** One customer's scores by name, in the order of `columns`; a score field without a value here is a bug, not a NULL. */
  const inColumnOrder = (id: string, scores: Record<string, unknown>): [string, ...unknown[]] => [
    id,
    ...columns.map((c) => {
      if (!Object.hasOwn(scores, c.name)) throw new Error(`the insight run computes no value for the registry's score field ${c.name}`);
      return scores[c.name];
    }),
  ];
  function* rows(): Generator<[string, ...unknown[]]> {
    for (let i = 0; i < a.n; i++) {
      const b = buyerIndex[i];
      const stage = stages[i];
      stageCounts[stage]++;
      let changedAt = a.oldStageChangedAt[i];
      if (a.oldStage[i] !== stage) {
        changedAt = nowIso;
        history.push({ id: newId('job').replace(/^job_/, 'stg_'), customer_id: a.ids[i], from_stage: a.oldStage[i], to_stage: stage, changed_at: nowIso, run_id: id });
      }
      const segment = rfm && b >= 0 ? rfm.segments[b] : null;
      if (segment) segmentCounts[segment] = (segmentCounts[segment] ?? 0) + 1;
      const value = clv[i];
      events.push(
        ...scoreEvents(
          a.ids[i],
          { stage: a.oldStage[i], p_alive: known(a.oldScores.p_alive[i]), churn_risk: known(a.oldScores.churn_risk[i]), clv: known(a.oldScores.clv[i]) },
          { stage, p_alive: round(pAlive[i], 6), churn_risk: round(risk[i], 6), clv: round(value, 2) },
          thresholds,
          id,
        ),
      );
      yield inColumnOrder(a.ids[i], {
        stage,
        stage_changed_at: changedAt,
        rfm_recency: rfm && b >= 0 ? rfm.recency[b] : null,
        rfm_frequency: rfm && b >= 0 ? rfm.frequency[b] : null,
        rfm_monetary: rfm && b >= 0 ? rfm.monetary[b] : null,
        rfm_score: rfm && b >= 0 ? rfm.codes[b] : null,
        rfm_segment: segment,
        p_alive: round(pAlive[i], 6),
        expected_purchases_90d: round(expected[i], 6),
        p_purchase_90d: round(pPurchase[i], 6),
        purchase_probability: purchase.scores ? round(purchase.scores[i], 6) : null,
        clv: round(value, 2),
        churn_risk: round(risk[i], 6),
        churn_reason: reasons[i],
        value_at_risk: round(value * risk[i], 2),
        score_basis: scored.basis[i],
        usual_gap_days: round(scored.usualGapDays[i], 2),
        scored_at: nowIso,
      });
    }
  }
  await db.transaction().execute(async (trx) => {
    await batchUpdate(trx, database.dialect, 'customers', columns, rows(), 500, database.sqlite);
    await batchInsert(trx, 'stage_history', history);
    // Stage changes and threshold crossings, for webhooks and flows; in the same transaction as the scores.
    await appendEvents(trx, `insights:${id}`, events);
  });
  lap('write_ms');
  // The report rollups need no rebuild: stage counts follow the score writes by trigger, and the
  // rollups take a new segmentation from its events (src/reports/rollups.ts).

  const params: Record<string, unknown> = {
    bgnbd: bg ? { r: bg.r, alpha: bg.alpha, a: bg.a, b: bg.b, time_unit: o.timeUnit } : null,
    gamma_gamma: gg ? { p: gg.p, q: gg.q, gamma: gg.gamma } : null,
    purchase_probability: purchase.params,
    churn: { population_gap_days: scored.populationGapDays },
  };
  const duration = Date.now() - started;
  const metrics: Record<string, unknown> = {
    bgnbd: bg ? { log_likelihood: bg.logLikelihood, converged: bg.converged, customers: nb, reliable: reliability?.reliable ?? false, reliability } : null,
    gamma_gamma: gg ? { log_likelihood: gg.logLikelihood, converged: gg.converged, customers: gg.customers } : null,
    purchase_probability: purchase.metrics,
    cross_sell: crossSell?.metrics ?? null,
    stages: stageCounts,
    rfm_segments: segmentCounts,
    timings_ms: { ...timings, total_ms: duration },
    errors,
  };
  const counts = { customers: a.n, buyers: nb, repeat_buyers: repeatBuyers, leads: a.n - nb, stage_changes: history.length, distinct_histories: scored.distinctHistories };
  const runOptions = {
    as_of: asOfIso,
    time_unit: o.timeUnit,
    decimals: o.decimals ?? null,
    horizon_days: o.horizonDays,
    clv_months: o.clvMonths,
    monthly_discount_rate: o.monthlyDiscountRate,
    rfm_bins: o.rfmBins,
    active_days: o.activeDays,
    inactive_days: o.inactiveDays,
    prediction_window_days: o.predictionWindowDays,
  };
  const createdAt = new Date().toISOString();
  await db
    .insertInto('insight_runs')
    .values({
      id,
      as_of: asOfIso,
      options: JSON.stringify(runOptions),
      params: JSON.stringify(params),
      metrics: JSON.stringify(metrics),
      counts: JSON.stringify(counts),
      duration_ms: duration,
      created_at: createdAt,
    })
    .execute();
  const models: Record<string, unknown>[] = [];
  const model = (kind: string, p: unknown, m: unknown) => models.push({ id: newId('model'), kind, run_id: id, params: JSON.stringify(p), metrics: JSON.stringify(m), created_at: createdAt });
  if (bg) model('bgnbd', params.bgnbd, metrics.bgnbd);
  if (gg) model('gamma_gamma', params.gamma_gamma, metrics.gamma_gamma);
  if (purchase.params) model('purchase_probability', purchase.params, purchase.metrics);
  if (crossSell?.params) model('cross_sell', crossSell.params, crossSell.metrics);
  await batchInsert(db, 'models', models);
  await report({ phase: 'done', done: a.n, total: a.n });
  return { id, as_of: asOfIso, duration_ms: duration, options: runOptions, params, metrics, counts, created_at: createdAt };
}
