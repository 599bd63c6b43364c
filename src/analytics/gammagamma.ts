/**
 * Gamma-Gamma model of spend per transaction (Fader, Hardie & Lee 2005, "RFM and CLV"), fitted on repeat
 * buyers only, and the discounted customer lifetime value that combines it with BG/NBD purchase forecasts.
 */
import { conditionalExpectedPurchases, type BgNbdParams } from './bgnbd.js';
import type { TimeUnit } from './customer-summary.js';
import { nelderMead } from './optimize.js';
import { lgamma } from './special.js';

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
export function gammaGammaLogLikelihood(
  params: GammaGammaParams,
  frequency: ArrayLike<number>,
  monetary: ArrayLike<number>,
): number {
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
  const objective = (theta: Float64Array): number => {
    const value = -gammaGammaLogLikelihood({ p: Math.exp(theta[0]), q: Math.exp(theta[1]), gamma: Math.exp(theta[2]) }, frequency, monetary) / customers;
    return Number.isFinite(value) ? value : Infinity;
  };
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
