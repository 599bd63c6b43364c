/**
 * Bayesian A/B decisions: each variant's rate (clicks or conversions per delivered message) has a
 * Beta(1 + successes, 1 + failures) posterior (a uniform prior updated by Bayes' rule). From draws of
 * every posterior, P(best) is the share of draws in which a variant has the highest rate, and the
 * expected loss of choosing it is the mean of (best rate in the draw - its rate): what is given up, in
 * rate points, if it is not in fact the best. Pure functions over typed arrays, seeded for repeatability.
 */

export interface VariantCounts {
  successes: number;
  trials: number;
}

export interface Posterior {
  /** Probability that each variant has the highest rate. */
  p_best: number[];
  /** Expected loss (in rate, 0..1) of choosing each variant. */
  expected_loss: number[];
  /** Posterior mean rate of each variant. */
  mean: number[];
  draws: number;
}

/** A small fast PRNG (mulberry32): uniform in [0, 1), deterministic for a seed. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function normal(u: () => number): number {
  // Box-Muller; 1 - u() keeps the logarithm finite.
  return Math.sqrt(-2 * Math.log(1 - u())) * Math.cos(2 * Math.PI * u());
}

/** One Gamma(shape, 1) draw (Marsaglia and Tsang; shape < 1 boosted by U^(1/shape)). */
function gammaDraw(shape: number, u: () => number): number {
  if (shape < 1) return gammaDraw(shape + 1, u) * Math.pow(1 - u(), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = normal(u);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const w = 1 - u();
    if (w < 1 - 0.0331 * x * x * x * x) return d * v;
    if (Math.log(w) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

/** Fills `out` with Beta(a, b) draws. */
export function betaDraws(a: number, b: number, out: Float64Array, u: () => number): Float64Array {
  for (let i = 0; i < out.length; i++) {
    const x = gammaDraw(a, u);
    const y = gammaDraw(b, u);
    out[i] = x / (x + y);
  }
  return out;
}

/** P(best) and expected loss of each variant by Monte Carlo over the Beta posteriors. */
export function posterior(variants: readonly VariantCounts[], options: { draws?: number; seed?: number; prior?: [number, number] } = {}): Posterior {
  const k = variants.length;
  if (k < 1) throw new RangeError('at least one variant');
  const n = options.draws ?? 40_000;
  const [pa, pb] = options.prior ?? [1, 1];
  const u = rng(options.seed ?? 0x5eed);
  const samples: Float64Array[] = [];
  const mean: number[] = [];
  for (const v of variants) {
    if (!(v.trials >= 0 && v.successes >= 0 && v.successes <= v.trials)) throw new RangeError('successes must be between 0 and trials');
    const a = pa + v.successes;
    const b = pb + v.trials - v.successes;
    samples.push(betaDraws(a, b, new Float64Array(n), u));
    mean.push(a / (a + b));
  }
  const wins = new Float64Array(k);
  const loss = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    let best = 0;
    let max = samples[0][i];
    for (let j = 1; j < k; j++) {
      const s = samples[j][i];
      if (s > max) {
        max = s;
        best = j;
      }
    }
    wins[best]++;
    for (let j = 0; j < k; j++) loss[j] += max - samples[j][i];
  }
  return { p_best: Array.from(wins, (w) => w / n), expected_loss: Array.from(loss, (l) => l / n), mean, draws: n };
}

function logGamma(x: number): number {
  // Lanczos approximation (g = 7, n = 9), accurate to ~1e-15 for x > 0.
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  x -= 1;
  let a = c[0];
  const t = x + 7.5;
  for (let i = 1; i < 9; i++) a += c[i] / (x + i);
  return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
}

const logBeta = (a: number, b: number) => logGamma(a) + logGamma(b) - logGamma(a + b);

/**
 * Exact P(rate B > rate A) for Beta(aA, bA) and Beta(aB, bB) posteriors with integer aB (the closed
 * form of the two-variant case): sum over i < aB of B(aA + i, bA + bB) / ((bB + i) B(1 + i, bB) B(aA, bA)).
 */
export function probabilityBBeatsA(aA: number, bA: number, aB: number, bB: number): number {
  let total = 0;
  for (let i = 0; i < aB; i++) total += Math.exp(logBeta(aA + i, bA + bB) - Math.log(bB + i) - logBeta(1 + i, bB) - logBeta(aA, bA));
  return total;
}

/**
 * The smallest difference in rate a test of `perVariant` recipients per variant is likely to show
 * (80 % power, two-sided 5 %) around a `baseline` rate: 2.8 · sqrt(2 p (1 - p) / n).
 */
export function detectableDifference(perVariant: number, baseline: number): number {
  if (perVariant <= 0) return Infinity;
  return 2.8 * Math.sqrt((2 * baseline * (1 - baseline)) / perVariant);
}
