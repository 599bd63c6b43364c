/** Conversion-rate A/B tests: two-proportion z-test and sample size planning. */
import { normalCdf, normalQuantile } from './normal.js';
import { lgamma } from './special.js';

export interface TwoProportionResult {
  rateA: number;
  rateB: number;
  /** rateB - rateA. */
  difference: number;
  /** z statistic with the pooled standard error (the null hypothesis assumes one common rate). */
  z: number;
  /** Two-sided p-value. */
  pValue: number;
  /** Wald interval for the difference, with the unpooled standard error. */
  confidenceInterval: [number, number];
}

export function twoProportionZTest(successesA: number, trialsA: number, successesB: number, trialsB: number, confidenceLevel = 0.95): TwoProportionResult {
  if (!(trialsA > 0 && trialsB > 0)) throw new RangeError('abtest: both arms need at least one trial');
  if (successesA < 0 || successesA > trialsA || successesB < 0 || successesB > trialsB) {
    throw new RangeError('abtest: successes must be between 0 and the number of trials');
  }
  if (!(confidenceLevel > 0 && confidenceLevel < 1)) throw new RangeError('abtest: confidence level must be in (0, 1)');
  const rateA = successesA / trialsA;
  const rateB = successesB / trialsB;
  const difference = rateB - rateA;
  const pooled = (successesA + successesB) / (trialsA + trialsB);
  const pooledSe = Math.sqrt(pooled * (1 - pooled) * (1 / trialsA + 1 / trialsB));
  const z = pooledSe > 0 ? difference / pooledSe : 0;
  const pValue = pooledSe > 0 ? 2 * normalCdf(-Math.abs(z)) : 1;
  const se = Math.sqrt((rateA * (1 - rateA)) / trialsA + (rateB * (1 - rateB)) / trialsB);
  const margin = normalQuantile(1 - (1 - confidenceLevel) / 2) * se;
  return { rateA, rateB, difference, z, pValue, confidenceInterval: [difference - margin, difference + margin] };
}

export interface SampleSizeOptions {
  /** Two-sided significance level. */
  alpha?: number;
  power?: number;
}

/**
 * Visitors needed in each arm to detect an absolute lift `minimumDetectableEffect` over `baselineRate`
 * (normal approximation without continuity correction, as in Fleiss' formula).
 */
export function sampleSizePerArm(baselineRate: number, minimumDetectableEffect: number, options: SampleSizeOptions = {}): number {
  const { alpha = 0.05, power = 0.8 } = options;
  const p1 = baselineRate;
  const p2 = baselineRate + minimumDetectableEffect;
  if (!(p1 > 0 && p1 < 1 && p2 > 0 && p2 < 1 && minimumDetectableEffect !== 0)) {
    throw new RangeError('abtest: baseline and baseline + effect must be rates in (0, 1), effect non-zero');
  }
  if (!(alpha > 0 && alpha < 1 && power > 0 && power < 1)) throw new RangeError('abtest: alpha and power must be in (0, 1)');
  const zAlpha = normalQuantile(1 - alpha / 2);
  const zBeta = normalQuantile(power);
  const mean = (p1 + p2) / 2;
  const root = zAlpha * Math.sqrt(2 * mean * (1 - mean)) + zBeta * Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2));
  return Math.ceil((root * root) / (minimumDetectableEffect * minimumDetectableEffect));
}

/** ln B(a, b). */
function lbeta(a: number, b: number): number {
  return lgamma(a) + lgamma(b) - lgamma(a + b);
}

/**
 * P(p_B > p_A) for p_A ~ Beta(alphaA, betaA), p_B ~ Beta(alphaB, betaB) with integer alphaB (Evan Miller's
 * closed form, summed in log space): sum over i = 0 .. alphaB - 1 of
 * B(alphaA + i, betaA + betaB) / ((betaB + i) B(1 + i, betaB) B(alphaA, betaA)).
 */
export function probabilityBBeatsA(alphaA: number, betaA: number, alphaB: number, betaB: number): number {
  if (!Number.isInteger(alphaB) || alphaB < 1) throw new RangeError('abtest: alphaB must be a positive integer');
  if (!(alphaA > 0 && betaA > 0 && betaB > 0)) throw new RangeError('abtest: Beta parameters must be positive');
  let total = 0;
  const base = lbeta(alphaA, betaA);
  for (let i = 0; i < alphaB; i++) {
    total += Math.exp(lbeta(alphaA + i, betaA + betaB) - Math.log(betaB + i) - lbeta(1 + i, betaB) - base);
  }
  return Math.min(1, Math.max(0, total));
}

export interface BayesianAbResult {
  /** P(rate B > rate A) under Beta(1, 1) priors. */
  probabilityBBeatsA: number;
  /** E[max(rate A - rate B, 0)]: conversion rate given up on average by choosing B. */
  expectedLossChoosingB: number;
  /** E[max(rate B - rate A, 0)]. */
  expectedLossChoosingA: number;
}

/**
 * Bayesian comparison of two conversion rates with Beta(1, 1) priors. Expected loss uses
 * E[max(pA - pB, 0)] = E[pA] P(pA' > pB) - E[pB] P(pA > pB'), where pA' ~ Beta(alphaA + 1, betaA) and
 * pB' ~ Beta(alphaB + 1, betaB).
 */
export function bayesianAbTest(successesA: number, trialsA: number, successesB: number, trialsB: number): BayesianAbResult {
  for (const v of [successesA, trialsA, successesB, trialsB]) if (!Number.isInteger(v) || v < 0) throw new RangeError('abtest: counts must be non-negative integers');
  if (successesA > trialsA || successesB > trialsB) throw new RangeError('abtest: successes must not exceed trials');
  const aA = successesA + 1;
  const bA = trialsA - successesA + 1;
  const aB = successesB + 1;
  const bB = trialsB - successesB + 1;
  const pBA = probabilityBBeatsA(aA, bA, aB, bB);
  const meanA = aA / (aA + bA);
  const meanB = aB / (aB + bB);
  // P(pA > pB) = 1 - P(pB > pA) (ties have probability zero).
  const lossB = meanA * (1 - probabilityBBeatsA(aA + 1, bA, aB, bB)) - meanB * (1 - probabilityBBeatsA(aA, bA, aB + 1, bB));
  const lossA = meanB * probabilityBBeatsA(aA, bA, aB + 1, bB) - meanA * probabilityBBeatsA(aA + 1, bA, aB, bB);
  return { probabilityBBeatsA: pBA, expectedLossChoosingB: Math.max(0, lossB), expectedLossChoosingA: Math.max(0, lossA) };
}
