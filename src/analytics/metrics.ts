/** Evaluation metrics for binary predictions. Labels are 0/1. */

/** Area under the ROC curve via the rank-sum (Mann-Whitney) statistic; tied scores get their mid-rank. NaN if a class is missing. */
export function auc(scores: ArrayLike<number>, labels: ArrayLike<number>): number {
  const n = scores.length;
  if (labels.length !== n) throw new RangeError('auc: scores and labels must have equal length');
  const order = Int32Array.from({ length: n }, (_, i) => i).sort((p, q) => scores[p] - scores[q]);
  let positives = 0;
  let positiveRankSum = 0;
  for (let start = 0; start < n;) {
    let end = start + 1;
    while (end < n && scores[order[end]] === scores[order[start]]) end++;
    const midRank = (start + 1 + end) / 2; // ranks start..end-1 (1-based start+1..end)
    for (let i = start; i < end; i++) {
      if (labels[order[i]] === 1) {
        positives++;
        positiveRankSum += midRank;
      }
    }
    start = end;
  }
  const negatives = n - positives;
  if (positives === 0 || negatives === 0) return NaN;
  return (positiveRankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/** Mean binary cross-entropy, with probabilities clipped to [eps, 1 - eps]. */
export function logLoss(probabilities: ArrayLike<number>, labels: ArrayLike<number>, eps = 1e-15): number {
  const n = probabilities.length;
  if (labels.length !== n || n === 0) throw new RangeError('logLoss: need equal, non-zero lengths');
  let total = 0;
  for (let i = 0; i < n; i++) {
    const p = Math.min(1 - eps, Math.max(eps, probabilities[i]));
    total -= labels[i] === 1 ? Math.log(p) : Math.log(1 - p);
  }
  return total / n;
}

export interface CalibrationBin {
  count: number;
  meanPredicted: number;
  observedRate: number;
}

/** Sorts by predicted probability and splits into `bins` groups of near-equal size (deciles by default). */
export function calibrationByQuantile(probabilities: ArrayLike<number>, labels: ArrayLike<number>, bins = 10): CalibrationBin[] {
  const n = probabilities.length;
  if (labels.length !== n) throw new RangeError('calibration: probabilities and labels must have equal length');
  const order = Int32Array.from({ length: n }, (_, i) => i).sort((p, q) => probabilities[p] - probabilities[q]);
  const groups = Math.min(bins, n);
  const out: CalibrationBin[] = [];
  let start = 0;
  for (let g = 0; g < groups; g++) {
    // Like numpy.array_split: the first n % groups bins get one extra element.
    const size = Math.floor(n / groups) + (g < n % groups ? 1 : 0);
    let predicted = 0;
    let observed = 0;
    for (let i = start; i < start + size; i++) {
      predicted += probabilities[order[i]];
      observed += labels[order[i]];
    }
    out.push({ count: size, meanPredicted: predicted / size, observedRate: observed / size });
    start += size;
  }
  return out;
}

/** Brier score: the mean squared difference between predicted probability and outcome (0 is perfect). */
export function brierScore(probabilities: ArrayLike<number>, labels: ArrayLike<number>): number {
  const n = probabilities.length;
  if (labels.length !== n || n === 0) throw new RangeError('brierScore: need equal, non-zero lengths');
  let total = 0;
  for (let i = 0; i < n; i++) total += (probabilities[i] - labels[i]) ** 2;
  return total / n;
}

export interface BinaryEvaluation {
  /** NaN when one outcome is missing. */
  auc: number;
  brier: number;
  logLoss: number;
  /** Deciles of predicted probability (fewer with fewer rows). */
  calibration: CalibrationBin[];
}

/** The figures a held-out set gives for probabilistic 0/1 predictions. */
export function evaluateBinary(probabilities: ArrayLike<number>, labels: ArrayLike<number>): BinaryEvaluation {
  return {
    auc: auc(probabilities, labels),
    brier: brierScore(probabilities, labels),
    logLoss: logLoss(probabilities, labels),
    calibration: calibrationByQuantile(probabilities, labels, 10),
  };
}
