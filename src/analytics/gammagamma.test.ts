import { describe, it, expect } from 'vitest';
import { conditionalExpectedPurchases } from './bgnbd.js';
import { createRng, gammaDraw } from './random.js';
import { TIME_UNITS_PER_MONTH, conditionalExpectedAverageProfit, customerLifetimeValue, fitGammaGamma, gammaGammaLogLikelihood } from './gammagamma.js';

describe('fitGammaGamma', () => {
  // Simulate: per-customer scale nu ~ Gamma(q, rate gamma); each repeat spend ~ Gamma(p, rate nu).
  const truth = { p: 4, q: 3, gamma: 12 };
  const rng = createRng(5);
  const n = 20_000;
  const frequency = new Float64Array(n);
  const monetary = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    frequency[i] = i % 7 === 0 ? 0 : 1 + (i % 5);
    const nu = gammaDraw(truth.q, rng) / truth.gamma;
    let total = 0;
    for (let k = 0; k < frequency[i]; k++) total += gammaDraw(truth.p, rng) / nu;
    monetary[i] = frequency[i] > 0 ? total / frequency[i] : 0;
  }
  const fit = fitGammaGamma(frequency, monetary);

  it('recovers simulated parameters from repeat buyers only', () => {
    expect(fit.customers).toBe(n - Math.ceil(n / 7));
    expect(fit.converged).toBe(true);
    expect(Math.abs(fit.p / truth.p - 1)).toBeLessThan(0.1);
    expect(Math.abs(fit.q / truth.q - 1)).toBeLessThan(0.15);
    expect(Math.abs(fit.gamma / truth.gamma - 1)).toBeLessThan(0.2);
    expect(gammaGammaLogLikelihood(fit, frequency, monetary)).toBeCloseTo(fit.logLikelihood, 6);
  });

  it('shrinks individual means towards the population mean', () => {
    const populationMean = (fit.gamma * fit.p) / (fit.q - 1);
    expect(conditionalExpectedAverageProfit(fit, 0, 0)).toBeCloseTo(populationMean, 12);
    const few = conditionalExpectedAverageProfit(fit, 1, 100);
    const many = conditionalExpectedAverageProfit(fit, 20, 100);
    expect(few).toBeGreaterThan(populationMean);
    expect(few).toBeLessThan(many);
    expect(many).toBeLessThan(100);
  });

  it('rejects data without repeat buyers or with non-positive spend', () => {
    expect(() => fitGammaGamma([0, 0], [0, 0])).toThrow(RangeError);
    expect(() => fitGammaGamma([1], [0])).toThrow(RangeError);
  });
});

describe('customerLifetimeValue', () => {
  const purchases = { r: 0.242593, alpha: 4.413532, a: 0.792886, b: 2.425752 };
  const spend = { p: 6.25, q: 3.74, gamma: 15.44 };
  const customer = { frequency: 2, recency: 30.43, age: 38.86, monetary: 22.35 };

  it('equals undiscounted expected purchases times expected spend when the rate is 0', () => {
    const clv = customerLifetimeValue(purchases, spend, customer, { months: 9, monthlyDiscountRate: 0, timeUnitsPerMonth: 4.345 });
    const expected = conditionalExpectedPurchases(purchases, 9 * 4.345, 2, 30.43, 38.86) * conditionalExpectedAverageProfit(spend, 2, 22.35);
    expect(clv).toBeCloseTo(expected, 10);
  });

  it('discounts later months', () => {
    const options = { months: 12, timeUnitsPerMonth: TIME_UNITS_PER_MONTH.weeks };
    const undiscounted = customerLifetimeValue(purchases, spend, customer, { ...options, monthlyDiscountRate: 0 });
    const discounted = customerLifetimeValue(purchases, spend, customer, { ...options, monthlyDiscountRate: 0.01 });
    expect(discounted).toBeLessThan(undiscounted);
    expect(discounted).toBeGreaterThan(undiscounted / 1.01 ** 12);
  });
});
