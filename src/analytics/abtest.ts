/** Conversion-rate A/B tests: two-proportion z-test and sample size planning. */
import { normalCdf, normalQuantile } from './normal.js';

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

export function twoProportionZTest(
  successesA: number,
  trialsA: number,
  successesB: number,
  trialsB: number,
  confidenceLevel = 0.95,
): TwoProportionResult {
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
