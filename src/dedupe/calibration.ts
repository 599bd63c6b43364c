/**
 * Turning match weights into probabilities that mean what they say, and checking that they do.
 * Pure maths over labelled pairs: the fit that produced calibration-data.ts, the reliability table
 * and the Brier score that tests and the dedupe benchmark report.
 */

/** A compared pair with the truth: its match weight (or probability) and whether it is one person. */
export interface LabelledScore {
  value: number;
  same: boolean;
}

export interface PlattMap {
  slope: number;
  intercept: number;
}

/**
 * Logistic (Platt) fit of P(same person) = 1 / (1 + e^-(slope * weight + intercept)) by Newton's
 * method on the log-likelihood, with Platt's smoothed targets so that a perfectly separated set
 * still gives finite parameters.
 */
export function fitPlatt(pairs: readonly LabelledScore[]): PlattMap {
  const positives = pairs.filter((p) => p.same).length;
  const negatives = pairs.length - positives;
  const hi = (positives + 1) / (positives + 2);
  const lo = 1 / (negatives + 2);
  let slope = 0;
  let intercept = Math.log((positives + 1) / (negatives + 1));
  for (let iteration = 0; iteration < 100; iteration++) {
    // Gradient and Hessian of the negative log-likelihood in (slope, intercept).
    let gA = 0;
    let gB = 0;
    let hAA = 1e-12;
    let hAB = 0;
    let hBB = 1e-12;
    for (const { value, same } of pairs) {
      const p = 1 / (1 + Math.exp(-(slope * value + intercept)));
      const residual = p - (same ? hi : lo);
      const w = p * (1 - p);
      gA += residual * value;
      gB += residual;
      hAA += w * value * value;
      hAB += w * value;
      hBB += w;
    }
    const det = hAA * hBB - hAB * hAB;
    const stepA = (hBB * gA - hAB * gB) / det;
    const stepB = (hAA * gB - hAB * gA) / det;
    slope -= stepA;
    intercept -= stepB;
    if (Math.abs(stepA) < 1e-10 && Math.abs(stepB) < 1e-10) break;
  }
  return { slope, intercept };
}

export function applyPlatt(map: PlattMap, weight: number): number {
  return 1 / (1 + Math.exp(-(map.slope * weight + map.intercept)));
}

export interface ReliabilityRow {
  /** Predicted probabilities in [from, to) (the last bin includes 1). */
  from: number;
  to: number;
  pairs: number;
  /** Mean predicted probability of the pairs in the bin. */
  predicted: number;
  /** Share of the pairs in the bin that are one person. */
  observed: number;
}

/** Pairs grouped by predicted probability into `bins` equal-width bins, with predicted and observed shares; empty bins are left out. */
export function reliabilityTable(predictions: readonly LabelledScore[], bins = 10): ReliabilityRow[] {
  const rows = Array.from({ length: bins }, (_, i) => ({ from: i / bins, to: (i + 1) / bins, pairs: 0, predicted: 0, observed: 0 }));
  for (const { value, same } of predictions) {
    const row = rows[Math.min(bins - 1, Math.floor(value * bins))];
    row.pairs++;
    row.predicted += value;
    if (same) row.observed++;
  }
  return rows.filter((r) => r.pairs > 0).map((r) => ({ ...r, predicted: r.predicted / r.pairs, observed: r.observed / r.pairs }));
}

/** Mean squared difference between predicted probability and outcome (0 is perfect; always 0.5 scores 0.25). */
export function brierScore(predictions: readonly LabelledScore[]): number {
  let sum = 0;
  for (const { value, same } of predictions) sum += (value - (same ? 1 : 0)) ** 2;
  return predictions.length ? sum / predictions.length : 0;
}

/** Expected calibration error: the pair-weighted mean gap between predicted and observed share over the bins. */
export function calibrationError(rows: readonly ReliabilityRow[]): number {
  const total = rows.reduce((n, r) => n + r.pairs, 0);
  return rows.reduce((sum, r) => sum + (r.pairs / total) * Math.abs(r.predicted - r.observed), 0);
}

/** The reliability table as aligned text lines, for the benchmark and test logs. */
export function formatReliability(rows: readonly ReliabilityRow[]): string[] {
  return [
    'predicted    pairs  mean predicted  observed same person',
    ...rows.map(
      (r) =>
        `${(r.from * 100).toFixed(0).padStart(3)}-${(r.to * 100).toFixed(0).padEnd(3)}%  ${String(r.pairs).padStart(6)}  ${(r.predicted * 100).toFixed(1).padStart(13)}%  ${(r.observed * 100).toFixed(1).padStart(19)}%`,
    ),
  ];
}
