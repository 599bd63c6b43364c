/**
 * One standing per customer: how likely they are still a customer (P(alive)) and its complement, the churn
 * risk, with the reason in words. The two are one figure said two ways, so they can never disagree.
 *
 * P(alive) comes from BG/NBD for repeat buyers when the fit is reliable. Otherwise it comes from the
 * purchase rhythm: the customer's own gap between purchases (model unreliable), or the population's typical
 * gap (one purchase only: BG/NBD assumes nobody leaves before a second purchase, so it says 100% for every
 * one-time buyer, which is an artefact, not an estimate). The reason also says where the standing and the
 * lifecycle stage (a fixed rule on days since the last purchase) disagree.
 */
import { dayCountText, daysAgoText } from '../core/day-count.js';
import type { LifecycleStage } from './lifecycle.js';

/** How P(alive) was estimated. */
export type ScoreBasis = 'model' | 'own_rhythm' | 'typical_rhythm';
export const scoreBases: readonly ScoreBasis[] = ['model', 'own_rhythm', 'typical_rhythm'];

export interface StandingInput {
  /** P(alive) from a reliable BG/NBD fit, for a repeat buyer; null when there is none. */
  modelPAlive: number | null;
  /** Repeat purchase days (x). */
  repeatPurchases: number;
  /** Days from first to last purchase (t_x in days). */
  purchaseSpanDays: number;
  daysSinceLastPurchase: number;
}

export interface Standing {
  pAlive: number;
  /** 1 - pAlive. */
  risk: number;
  basis: ScoreBasis;
  /** The gap the customer is measured against, in days. */
  usualGapDays: number;
  /** Days since the last purchase divided by the usual gap. */
  overdueRatio: number;
}

/** Median days between purchases over repeat buyers (span / repeat purchases); the yardstick for one-time buyers. */
export function populationPurchaseGap(repeatPurchases: ArrayLike<number>, purchaseSpanDays: ArrayLike<number>): number {
  const gaps: number[] = [];
  for (let i = 0; i < repeatPurchases.length; i++) {
    if (repeatPurchases[i] > 0) gaps.push(purchaseSpanDays[i] / repeatPurchases[i]);
  }
  if (gaps.length === 0) return NaN;
  gaps.sort((p, q) => p - q);
  const mid = gaps.length >> 1;
  return gaps.length % 2 ? gaps[mid] : (gaps[mid - 1] + gaps[mid]) / 2;
}

/** The usual gap of a customer: their own (span / repeats) or, for one purchase only, the population's; at least one day. */
function usualGap(repeatPurchases: number, purchaseSpanDays: number, populationGapDays: number): number {
  const gap = Math.max(1, repeatPurchases > 0 ? purchaseSpanDays / repeatPurchases : populationGapDays);
  if (!Number.isFinite(gap)) throw new RangeError('churn: a population gap is needed for one-time buyers');
  return gap;
}

/**
 * P(still a customer) from the rhythm alone: 1 while within the usual gap, then exp(-(ratio - 1)), i.e.
 * 37% at twice the usual gap and 14% at three times.
 */
export function rhythmPAlive(overdueRatio: number): number {
  return Math.exp(-Math.max(0, overdueRatio - 1));
}

export function assessStanding(input: StandingInput, populationGapDays: number): Standing {
  const { modelPAlive, repeatPurchases, purchaseSpanDays, daysSinceLastPurchase } = input;
  const usualGapDays = usualGap(repeatPurchases, purchaseSpanDays, populationGapDays);
  const overdueRatio = Math.max(0, daysSinceLastPurchase) / usualGapDays;
  const useModel = modelPAlive !== null && repeatPurchases > 0 && Number.isFinite(modelPAlive);
  const basis: ScoreBasis = useModel ? 'model' : repeatPurchases > 0 ? 'own_rhythm' : 'typical_rhythm';
  const pAlive = Math.min(1, Math.max(0, useModel ? (modelPAlive as number) : rhythmPAlive(overdueRatio)));
  return { pAlive, risk: 1 - pAlive, basis, usualGapDays, overdueRatio };
}

export interface ReasonInput {
  basis: ScoreBasis;
  pAlive: number;
  daysSinceLastPurchase: number;
  usualGapDays: number;
  stage: LifecycleStage | null;
  activeDays: number;
  inactiveDays: number;
}

function formatRatio(ratio: number): string {
  return ratio >= 10 ? ratio.toFixed(0) : ratio.toFixed(1).replace(/\.0$/, '');
}

const percent = (p: number) => `${Math.round(p * 100)}%`;

/**
 * The churn risk in words, counted from `daysSinceLastPurchase` (the caller counts it with the shared day
 * count, so it matches every other "N days ago" on the screen). Says what the estimate rests on, and where
 * the lifecycle stage's fixed rule and the estimate disagree.
 */
export function churnReason(input: ReasonInput): string {
  const { basis, pAlive, stage, activeDays, inactiveDays } = input;
  const days = Math.max(0, Math.round(input.daysSinceLastPurchase));
  const gapDays = Math.round(input.usualGapDays);
  const ratio = days / Math.max(1, input.usualGapDays);
  const overdue = ratio > 1;
  const gap = dayCountText(gapDays);
  const parts: string[] = [];
  if (basis === 'typical_rhythm') {
    parts.push(
      overdue
        ? `one purchase only, ${daysAgoText(days)}, ${formatRatio(ratio)}x the typical gap of ${gap} between purchases`
        : `one purchase only, ${daysAgoText(days)}, within the typical gap of ${gap} between purchases`,
    );
  } else {
    parts.push(overdue ? `no purchase for ${dayCountText(days)}, ${formatRatio(ratio)}x their usual gap of ${gap}` : `last purchase ${daysAgoText(days)}, within their usual gap of ${gap}`);
    parts.push(basis === 'model' ? `the purchase model puts the chance they still buy at ${percent(pAlive)}` : 'judged by their rhythm alone, as the purchase model is unreliable on this data');
  }
  if (stage === 'churned' && pAlive >= 0.5) parts.push(`counted as churned by the ${inactiveDays}-day rule, though with a usual gap of ${gap} that silence is not yet unusual`);
  else if (stage === 'active' && pAlive < 0.5) parts.push(`still active by the ${activeDays}-day rule, but overdue against their own rhythm`);
  return parts.join('; ');
}
