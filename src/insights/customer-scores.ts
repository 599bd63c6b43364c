/**
 * A customer's scores as one story for the screens: the stored figures of the latest insight run, whether
 * each can be trusted and why, and the churn reason worded afresh with today's day count in the business's
 * time zone (the same count the web shows next to "Last order").
 */
import { z } from '@hono/zod-openapi';
import { churnReason, scoreBases, type LifecycleStage, type ScoreBasis } from '../analytics/index.js';
import type { Db } from '../core/database.js';
import { toNumber } from '../core/database.js';
import { daysSince } from '../core/day-count.js';
import { getBusinessSettings } from '../settings/business.js';
import { parseJson } from './db.js';
import { defaultSettings } from './settings.js';

/** What the latest insight run says about its models. */
export interface RunVerdict {
  id: string | null;
  as_of: string | null;
  active_days: number;
  inactive_days: number;
  clv_months: number;
  /** The BG/NBD fit passed every check (false when there is no fit). */
  bgnbd_reliable: boolean;
  /** Why it did not, in words. */
  bgnbd_reasons: string[];
  /** Whether the run estimated lifetime values at all. */
  clv_estimated: boolean;
}

export async function latestRunVerdict(db: Db): Promise<RunVerdict> {
  const run = await db.selectFrom('insight_runs').select(['id', 'as_of', 'options', 'metrics', 'params']).orderBy('created_at', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst();
  const options = run ? (parseJson(run.options) ?? {}) : {};
  const metrics = run ? (parseJson(run.metrics) ?? {}) : {};
  const params = run ? (parseJson(run.params) ?? {}) : {};
  const bgnbd = metrics.bgnbd as { reliable?: boolean; reliability?: { reasons?: string[] } } | null | undefined;
  const reliable = bgnbd?.reliable === true;
  const reasons = bgnbd ? (bgnbd.reliability?.reasons ?? []) : ((metrics.errors as string[] | undefined) ?? []).filter((e) => e.startsWith('BG/NBD'));
  const gg = params.gamma_gamma as { q?: number } | null | undefined;
  return {
    id: (run?.id as string | undefined) ?? null,
    as_of: (run?.as_of as string | undefined)?.slice(0, 10) ?? null,
    active_days: options.active_days ?? defaultSettings.active_days,
    inactive_days: options.inactive_days ?? defaultSettings.inactive_days,
    clv_months: options.clv_months ?? defaultSettings.clv_months,
    bgnbd_reliable: reliable,
    bgnbd_reasons: reasons,
    clv_estimated: reliable && typeof gg?.q === 'number' && gg.q > 1,
  };
}

const reliabilitySchema = z.object({ reliable: z.boolean(), note: z.string() });

export const customerScoresSchema = z
  .object({
    run_id: z.string().nullable(),
    as_of: z.string().nullable().openapi({ description: 'The date the scores were computed as of' }),
    time_zone: z.string().openapi({ description: 'The business time zone days are counted in' }),
    days_since_last_order: z.number().int().nullable().openapi({ description: 'Calendar days since the last order, today, in the business time zone' }),
    stage: z.string().nullable(),
    p_alive: z.number().nullable(),
    churn_risk: z.number().nullable().openapi({ description: '1 - p_alive: the same estimate, said the other way' }),
    clv: z.number().nullable(),
    value_at_risk: z.number().nullable(),
    basis: z.enum(scoreBases as [ScoreBasis, ...ScoreBasis[]]).nullable(),
    reason: z.string().nullable().openapi({ description: 'The churn risk in words, with today’s day count, and where the stage rule and the estimate disagree' }),
    reliability: z.object({ p_alive: reliabilitySchema, clv: reliabilitySchema }),
  })
  .openapi('CustomerScores');
export type CustomerScores = z.infer<typeof customerScoresSchema>;

function unreliableNote(verdict: RunVerdict): string {
  return verdict.bgnbd_reasons.length ? `the purchase model is unreliable on this data: ${verdict.bgnbd_reasons.join('; ')}` : 'the purchase model is unreliable on this data';
}

/** Where P(alive) came from, in words, and whether it rests on a reliable model. */
function pAliveReliability(basis: ScoreBasis | null, verdict: RunVerdict): { reliable: boolean; note: string } {
  if (basis === 'model') return { reliable: true, note: 'estimated by the purchase model (BG/NBD) from their purchase history' };
  if (basis === 'own_rhythm') return { reliable: false, note: `rough estimate from their own gap between purchases, because ${unreliableNote(verdict)}` };
  if (basis === 'typical_rhythm') return { reliable: true, note: 'one purchase only, so judged by the typical gap between purchases (the purchase model cannot judge one-time buyers)' };
  return { reliable: false, note: 'not scored yet' };
}

function clvReliability(clv: number | null, verdict: RunVerdict, hasOrders: boolean): { reliable: boolean; note: string } {
  if (clv !== null) return { reliable: true, note: `expected spend over the next ${verdict.clv_months} months, discounted, on the same chance of still buying` };
  if (!hasOrders) return { reliable: false, note: 'needs purchase history' };
  if (!verdict.id) return { reliable: false, note: 'not scored yet' };
  if (!verdict.bgnbd_reliable) return { reliable: false, note: `not estimated: ${unreliableNote(verdict)}` };
  return { reliable: false, note: 'not estimated: the spend model could not be fitted on this data' };
}

/** The scores panel of one customer record (API field names), as of `now`. */
export function customerScores(customer: Record<string, unknown>, verdict: RunVerdict, timeZone: string, now: number | Date = Date.now()): CustomerScores {
  const pAlive = toNumber(customer.p_alive);
  const clv = toNumber(customer.clv);
  const basis = scoreBases.includes(customer.score_basis as ScoreBasis) ? (customer.score_basis as ScoreBasis) : null;
  const gap = toNumber(customer.usual_gap_days);
  const stage = (customer.stage as string | null) ?? null;
  const days = daysSince(customer.last_order_at, now, timeZone);
  const reason =
    basis && pAlive !== null && gap !== null && days !== null
      ? churnReason({ basis, pAlive, daysSinceLastPurchase: days, usualGapDays: gap, stage: stage as LifecycleStage | null, activeDays: verdict.active_days, inactiveDays: verdict.inactive_days })
      : null;
  return {
    run_id: verdict.id,
    as_of: verdict.as_of,
    time_zone: timeZone,
    days_since_last_order: days,
    stage,
    p_alive: pAlive,
    churn_risk: toNumber(customer.churn_risk),
    clv,
    value_at_risk: toNumber(customer.value_at_risk),
    basis,
    reason,
    reliability: { p_alive: pAliveReliability(basis, verdict), clv: clvReliability(clv, verdict, (toNumber(customer.order_count) ?? 0) > 0) },
  };
}

/** The latest run's verdict and the business time zone, read once per request. */
export async function scoreContext(db: Db): Promise<{ verdict: RunVerdict; timeZone: string }> {
  const [verdict, business] = await Promise.all([latestRunVerdict(db), getBusinessSettings(db)]);
  return { verdict, timeZone: business.timeZone };
}
