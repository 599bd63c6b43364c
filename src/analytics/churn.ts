/**
 * Churn risk in [0, 1] with a plain-language reason. Two signals are averaged for repeat buyers:
 * 1 - P(alive) from BG/NBD, and how overdue the customer is against their own purchase rhythm.
 * BG/NBD puts P(alive) = 1 for customers without repeat purchases, so for them only the overdue signal
 * counts, measured against the population's typical gap.
 */

export interface ChurnInput {
  /** P(alive) from the BG/NBD model. */
  probabilityAlive: number;
  /** Repeat purchase days (x). */
  repeatPurchases: number;
  /** Days from first to last purchase (t_x in days). */
  purchaseSpanDays: number;
  daysSinceLastPurchase: number;
}

export interface ChurnAssessment {
  risk: number;
  /** Days since last purchase divided by the usual gap. */
  overdueRatio: number;
  /** The gap the customer is measured against, in days. */
  usualGapDays: number;
  reason: string;
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

/**
 * Overdue signal: 0 while within the usual gap, then 1 - exp(-(ratio - 1)), i.e. 0.63 at twice the gap and
 * 0.86 at three times.
 */
function overdueSignal(ratio: number): number {
  return 1 - Math.exp(-Math.max(0, ratio - 1));
}

function formatRatio(ratio: number): string {
  return ratio >= 10 ? ratio.toFixed(0) : ratio.toFixed(1).replace(/\.0$/, '');
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function churnRisk(input: ChurnInput, populationGapDays: number): ChurnAssessment {
  const { probabilityAlive, repeatPurchases, purchaseSpanDays, daysSinceLastPurchase } = input;
  const repeatBuyer = repeatPurchases > 0;
  // At least one day, so same-week bursts do not make every later day look infinitely overdue.
  const usualGapDays = Math.max(1, repeatBuyer ? purchaseSpanDays / repeatPurchases : populationGapDays);
  if (!Number.isFinite(usualGapDays)) throw new RangeError('churn: a population gap is needed for one-time buyers');
  const overdueRatio = Math.max(0, daysSinceLastPurchase) / usualGapDays;
  const overdue = overdueSignal(overdueRatio);
  const risk = repeatBuyer ? 0.5 * (1 - probabilityAlive) + 0.5 * overdue : overdue;

  const days = plural(Math.round(daysSinceLastPurchase), 'day');
  const gap = plural(Math.round(usualGapDays), 'day');
  let reason: string;
  if (repeatBuyer) {
    reason =
      overdueRatio > 1
        ? `no purchase for ${days}, ${formatRatio(overdueRatio)}x their usual gap of ${gap}`
        : `last purchase ${days} ago, within their usual gap of ${gap}`;
    reason += `; ${Math.round(probabilityAlive * 100)}% likely still active`;
  } else {
    reason =
      overdueRatio > 1
        ? `one purchase only, ${days} ago, ${formatRatio(overdueRatio)}x the typical gap of ${gap} between purchases`
        : `one purchase only, ${days} ago, within the typical gap of ${gap} between purchases`;
  }
  return { risk: Math.min(1, Math.max(0, risk)), overdueRatio, usualGapDays, reason };
}
