import { describe, it, expect } from 'vitest';
import { conditionalExpectedPurchases } from './bgnbd.js';
import { cdnowWeeklySummary } from './cdnow.fixture.js';
import {
  TIME_UNITS_PER_MONTH,
  conditionalExpectedAverageProfit,
  customerLifetimeValue,
  fitGammaGamma,
  gammaGammaLogLikelihood,
} from './gammagamma.js';

describe('Gamma-Gamma on CDNOW', () => {
  const summary = cdnowWeeklySummary();
  const fit = fitGammaGamma(summary.frequency, summary.monetary);

  it('fits the 946 repeat buyers to the published parameters', () => {
    expect(fit.customers).toBe(946);
    expect(fit.converged).toBe(true);
    expect(Math.abs(fit.p - 6.25)).toBeLessThan(0.01);
    expect(Math.abs(fit.q - 3.74)).toBeLessThan(0.01);
    expect(Math.abs(fit.gamma - 15.44)).toBeLessThan(0.01);
  });

  it('is a maximum of the likelihood', () => {
    const at = gammaGammaLogLikelihood(fit, summary.frequency, summary.monetary);
    expect(at).toBeCloseTo(fit.logLikelihood, 6);
    for (const [dp, dq, dg] of [[0.05, 0, 0], [0, 0.05, 0], [0, 0, 0.1], [-0.05, 0, 0]]) {
      const nearby = { p: fit.p + dp, q: fit.q + dq, gamma: fit.gamma + dg };
      expect(gammaGammaLogLikelihood(nearby, summary.frequency, summary.monetary)).toBeLessThan(at);
    }
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
});

describe('customerLifetimeValue', () => {
  const purchases = { r: 0.242593, alpha: 4.413532, a: 0.792886, b: 2.425752 };
  const spend = { p: 6.25, q: 3.74, gamma: 15.44 };
  const customer = { frequency: 2, recency: 30.43, age: 38.86, monetary: 22.35 };

  it('equals undiscounted expected purchases times expected spend when the rate is 0', () => {
    const clv = customerLifetimeValue(purchases, spend, customer, { months: 9, monthlyDiscountRate: 0, timeUnitsPerMonth: 4.345 });
    const expected =
      conditionalExpectedPurchases(purchases, 9 * 4.345, 2, 30.43, 38.86) * conditionalExpectedAverageProfit(spend, 2, 22.35);
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
