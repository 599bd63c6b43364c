/**
 * Gamma-Gamma model of spend per transaction (Fader, Hardie & Lee 2005, "RFM and CLV"), fitted on repeat
 * buyers only, and the discounted customer lifetime value that combines it with BG/NBD purchase forecasts.
 */
import { conditionalExpectedPurchases, type BgNbdParams } from './bgnbd.js';
import type { TimeUnit } from './customer-summary.js';
import { lbfgs, nelderMead } from './optimize.js';
import { digamma, lgamma } from './special.js';

export interface GammaGammaParams {
  p: number;
  q: number;
  gamma: number;
}

export interface GammaGammaFit extends GammaGammaParams {
  logLikelihood: number;
  /** Number of customers used (those with frequency > 0). */
  customers: number;
  converged: boolean;
}

/** Total Gamma-Gamma log-likelihood over customers with frequency > 0. */
export function gammaGammaLogLikelihood(params: GammaGammaParams, frequency: ArrayLike<number>, monetary: ArrayLike<number>): number {
  const { p, q, gamma } = params;
  const base = -lgamma(q) + q * Math.log(gamma);
  let ll = 0;
  for (let i = 0; i < frequency.length; i++) {
    const x = frequency[i];
    if (!(x > 0)) continue;
    const m = monetary[i];
    const px = p * x;
    ll += lgamma(px + q) - lgamma(px) + base + (px - 1) * Math.log(m) + px * Math.log(x) - (px + q) * Math.log(x * m + gamma);
  }
  return ll;
}

/** Maximum-likelihood fit over log-parameters; customers with frequency 0 (no repeat spend observed) are skipped. */
export function fitGammaGamma(frequency: ArrayLike<number>, monetary: ArrayLike<number>): GammaGammaFit {
  if (frequency.length !== monetary.length) throw new RangeError('Gamma-Gamma: frequency and monetary must have equal length');
  let customers = 0;
  for (let i = 0; i < frequency.length; i++) {
    if (!(frequency[i] > 0)) continue;
    if (!(monetary[i] > 0)) throw new RangeError('Gamma-Gamma: repeat buyers need a positive monetary value');
    customers++;
  }
  if (customers === 0) throw new RangeError('Gamma-Gamma: no repeat buyers to fit');
  // The log-likelihood regrouped so that each evaluation costs one log per customer: the lgamma terms
  // depend on x only (evaluated once per distinct x), the ln m and ln x terms are fixed sums, and only
  // ln(x m + gamma) needs every customer.
  const xs = new Float64Array(customers);
  const xm = new Float64Array(customers);
  const perX = new Map<number, number>();
  let sumLnM = 0;
  let sumXLnM = 0;
  let sumXLnX = 0;
  for (let i = 0, c = 0; i < frequency.length; i++) {
    const x = frequency[i];
    if (!(x > 0)) continue;
    const m = monetary[i];
    xs[c] = x;
    xm[c] = x * m;
    c++;
    perX.set(x, (perX.get(x) ?? 0) + 1);
    const lnM = Math.log(m);
    sumLnM += lnM;
    sumXLnM += x * lnM;
    sumXLnX += x * Math.log(x);
  }
  const distinctX = Float64Array.from(perX.keys());
  const countX = Float64Array.from(perX.values());
  const logLikelihood = (p: number, q: number, gamma: number): number => {
    let ll = customers * (q * Math.log(gamma) - lgamma(q)) + p * (sumXLnM + sumXLnX) - sumLnM;
    for (let j = 0; j < distinctX.length; j++) ll += countX[j] * (lgamma(p * distinctX[j] + q) - lgamma(p * distinctX[j]));
    let a = 0;
    let b = 0;
    for (let i = 0; i < customers; i++) {
      const l = Math.log(xm[i] + gamma);
      a += xs[i] * l;
      b += l;
    }
    return ll - p * a - q * b;
  };
  const objective = (theta: Float64Array): number => {
    const value = -logLikelihood(Math.exp(theta[0]), Math.exp(theta[1]), Math.exp(theta[2])) / customers;
    return Number.isFinite(value) ? value : Infinity;
  };
  // Value and gradient over log-parameters for L-BFGS, which needs far fewer evaluations than the simplex.
  const withGradient = (theta: Float64Array, grad: Float64Array): number => {
    const p = Math.exp(theta[0]);
    const q = Math.exp(theta[1]);
    const gamma = Math.exp(theta[2]);
    let ll = customers * (q * Math.log(gamma) - lgamma(q)) + p * (sumXLnM + sumXLnX) - sumLnM;
    let dp = sumXLnM + sumXLnX;
    let dq = customers * (Math.log(gamma) - digamma(q));
    for (let j = 0; j < distinctX.length; j++) {
      const x = distinctX[j];
      ll += countX[j] * (lgamma(p * x + q) - lgamma(p * x));
      const psi = digamma(p * x + q);
      dp += countX[j] * x * (psi - digamma(p * x));
      dq += countX[j] * psi;
    }
    let a = 0;
    let b = 0;
    let c = 0;
    let d = 0;
    for (let i = 0; i < customers; i++) {
      const v = xm[i] + gamma;
      const l = Math.log(v);
      a += xs[i] * l;
      b += l;
      c += xs[i] / v;
      d += 1 / v;
    }
    ll -= p * a + q * b;
    dp -= a;
    dq -= b;
    const dg = (customers * q) / gamma - p * c - q * d;
    grad[0] = (-p * dp) / customers;
    grad[1] = (-q * dq) / customers;
    grad[2] = (-gamma * dg) / customers;
    const value = -ll / customers;
    return Number.isFinite(value) ? value : Infinity;
  };
  const quick = lbfgs(withGradient, [0, 0, 0], { gradientTolerance: 1e-9 });
  // The line search may stop at the limit of floating-point progress; a vanishing gradient still marks the optimum.
  const gradient = new Float64Array(3);
  const atOptimum = Number.isFinite(withGradient(quick.x, gradient)) && Math.max(...Array.from(gradient, Math.abs)) < 1e-5;
  if ((quick.converged || atOptimum) && Number.isFinite(quick.value)) {
    const best = quick;
    const [p, q, gamma] = Array.from(best.x, Math.exp);
    return { p, q, gamma, logLikelihood: -best.value * customers, customers, converged: true };
  }
  const result = nelderMead(objective, [0, 0, 0], { xTolerance: 1e-9, fTolerance: 1e-13, restarts: 5 });
  const [p, q, gamma] = Array.from(result.x, Math.exp);
  return { p, q, gamma, logLikelihood: -result.value * customers, customers, converged: result.converged };
}

/**
 * E[mean spend | x, observed mean m]: a credibility-weighted blend of the population mean gamma*p/(q-1)
 * and the customer's own mean, trusting the latter more as x grows. Requires q > 1.
 */
export function conditionalExpectedAverageProfit(params: GammaGammaParams, frequency: number, monetary: number): number {
  const { p, q, gamma } = params;
  const populationMean = (gamma * p) / (q - 1);
  if (!(frequency > 0)) return populationMean;
  const weight = (p * frequency) / (p * frequency + q - 1);
  return (1 - weight) * populationMean + weight * monetary;
}

/** Model time units in one month, for stepping a CLV horizon expressed in months. */
export const TIME_UNITS_PER_MONTH: Record<TimeUnit, number> = { days: 30, weeks: 4.345 };

export interface ClvOptions {
  /** Horizon in months. */
  months?: number;
  /** Discount rate per month. */
  monthlyDiscountRate?: number;
  /** How many of the BG/NBD model's time units make a month. */
  timeUnitsPerMonth?: number;
}

/**
 * Discounted customer lifetime value: for each month, the BG/NBD expected purchases in that month times the
 * Gamma-Gamma expected spend, discounted by (1 + rate)^month.
 */
export function customerLifetimeValue(
  purchases: BgNbdParams,
  spend: GammaGammaParams,
  customer: { frequency: number; recency: number; age: number; monetary: number },
  options: ClvOptions = {},
): number {
  const { months = 12, monthlyDiscountRate = 0.01, timeUnitsPerMonth = TIME_UNITS_PER_MONTH.days } = options;
  const { frequency, recency, age, monetary } = customer;
  const value = conditionalExpectedAverageProfit(spend, frequency, monetary);
  let clv = 0;
  let previous = 0;
  for (let month = 1; month <= months; month++) {
    const cumulative = conditionalExpectedPurchases(purchases, month * timeUnitsPerMonth, frequency, recency, age);
    clv += (value * (cumulative - previous)) / Math.pow(1 + monthlyDiscountRate, month);
    previous = cumulative;
  }
  return clv;
}
