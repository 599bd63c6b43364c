/** Percentile bootstrap intervals: pure functions over plain arrays, with a seeded generator so results repeat. */
import { createRng } from './random.js';

export interface MeanDifference {
  /** Mean of `a` minus mean of `b`. */
  difference: number;
  mean_a: number;
  mean_b: number;
  n_a: number;
  n_b: number;
  /** Percentile interval of the difference at `level`; null when either group has fewer than 2 values. */
  low: number | null;
  high: number | null;
  /** Standard deviation of the bootstrap replicates (the bootstrap standard error). */
  standard_error: number | null;
  level: number;
  iterations: number;
}

const mean = (xs: ArrayLike<number>) => {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i];
  return xs.length ? s / xs.length : NaN;
};

/** The q-quantile of sorted values, linear between order statistics. */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  if (sorted.length === 0) return NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

/**
 * The difference of two groups' means with a percentile bootstrap interval: each replicate resamples
 * both groups with replacement, at their own sizes (Efron & Tibshirani, An Introduction to the
 * Bootstrap, ch. 8 and 13).
 */
export function bootstrapMeanDifference(a: ArrayLike<number>, b: ArrayLike<number>, options: { iterations?: number; level?: number; seed?: number } = {}): MeanDifference {
  const iterations = options.iterations ?? 2000;
  const level = options.level ?? 0.95;
  const meanA = mean(a);
  const meanB = mean(b);
  const base = { difference: meanA - meanB, mean_a: meanA, mean_b: meanB, n_a: a.length, n_b: b.length, level, iterations };
  if (a.length < 2 || b.length < 2) return { ...base, low: null, high: null, standard_error: null };
  const rng = createRng(options.seed ?? 1);
  const replicates = new Float64Array(iterations);
  for (let r = 0; r < iterations; r++) {
    let sa = 0;
    for (let i = 0; i < a.length; i++) sa += a[rng.int(a.length)];
    let sb = 0;
    for (let i = 0; i < b.length; i++) sb += b[rng.int(b.length)];
    replicates[r] = sa / a.length - sb / b.length;
  }
  const m = mean(replicates);
  let ss = 0;
  for (const x of replicates) ss += (x - m) * (x - m);
  replicates.sort();
  const tail = (1 - level) / 2;
  return { ...base, low: quantileSorted(replicates, tail), high: quantileSorted(replicates, 1 - tail), standard_error: Math.sqrt(ss / (iterations - 1)) };
}

/** One group's mean with its percentile bootstrap interval (the difference against a constant zero). */
export function bootstrapMean(a: ArrayLike<number>, options: { iterations?: number; level?: number; seed?: number } = {}): { mean: number; n: number; low: number | null; high: number | null } {
  const r = bootstrapMeanDifference(a, [0, 0], options);
  return { mean: r.mean_a, n: r.n_a, low: r.low, high: r.high };
}
