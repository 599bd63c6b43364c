import { describe, it, expect } from 'vitest';
import {
  bgnbdLogLikelihood,
  conditionalExpectedPurchases,
  expectedPurchasesNewCustomer,
  fitBgNbd,
  probabilityAlive,
  probabilityOfPurchase,
  simulateBgNbd,
} from './bgnbd.js';
import { cdnowWeeklySummary } from './cdnow.fixture.js';

const published = { r: 0.242593, alpha: 4.413532, a: 0.792886, b: 2.425752 };

describe('BG/NBD on CDNOW (weeks)', () => {
  const summary = cdnowWeeklySummary();
  const fit = fitBgNbd(summary.frequency, summary.recency, summary.age);

  it('recovers the published maximum-likelihood parameters', () => {
    expect(fit.converged).toBe(true);
    expect(Math.abs(fit.r - published.r)).toBeLessThan(1e-3);
    expect(Math.abs(fit.alpha - published.alpha)).toBeLessThan(1e-3);
    expect(Math.abs(fit.a - published.a)).toBeLessThan(1e-3);
    expect(Math.abs(fit.b - published.b)).toBeLessThan(1e-3);
    expect(fit.logLikelihood).toBeCloseTo(-9582.43, 1);
  });

  it('evaluates the log-likelihood at the published parameters', () => {
    expect(bgnbdLogLikelihood(published, summary.frequency, summary.recency, summary.age)).toBeCloseTo(-9582.43, 1);
  });

  it('gives the published conditional expectation for x=2, t_x=30.43, T=38.86 over 39 weeks', () => {
    expect(Math.abs(conditionalExpectedPurchases(fit, 39, 2, 30.43, 38.86) - 1.226)).toBeLessThan(1e-3);
  });

  it('has the expected shape for the other predictions', () => {
    expect(probabilityAlive(fit, 0, 0, 38.86)).toBe(1);
    const recent = probabilityAlive(fit, 5, 38, 39);
    const lapsed = probabilityAlive(fit, 5, 5, 39);
    expect(recent).toBeGreaterThan(0.85);
    expect(lapsed).toBeLessThan(recent);
    // New customer expectation grows with t and is 0 at t = 0.
    expect(expectedPurchasesNewCustomer(fit, 0)).toBe(0);
    expect(expectedPurchasesNewCustomer(fit, 39)).toBeGreaterThan(expectedPurchasesNewCustomer(fit, 10));
    const p = probabilityOfPurchase(fit, 39, 2, 30.43, 38.86);
    expect(p).toBeGreaterThan(0);
    expect(p).toBeLessThan(probabilityAlive(fit, 2, 30.43, 38.86));
  });

  it('agrees with the total of expected purchases across the base', () => {
    // Model-implied repeat purchases in the calibration period: sum of E[X(T_i)] close to observed sum of x.
    let expected = 0;
    let observed = 0;
    for (let i = 0; i < summary.age.length; i++) {
      expected += expectedPurchasesNewCustomer(fit, summary.age[i]);
      observed += summary.frequency[i];
    }
    expect(Math.abs(expected - observed) / observed).toBeLessThan(0.05);
  });
});

describe('BG/NBD on simulated data', () => {
  it('recovers the generating parameters', () => {
    const truth = { r: 0.5, alpha: 6, a: 1.2, b: 3 };
    const data = simulateBgNbd(truth, 30_000, 52, 7);
    const fit = fitBgNbd(data.frequency, data.recency, data.age);
    expect(fit.r / truth.r).toBeCloseTo(1, 0);
    expect(fit.alpha / truth.alpha).toBeCloseTo(1, 0);
    expect(Math.abs(fit.a / truth.a - 1)).toBeLessThan(0.35);
    expect(Math.abs(fit.b / truth.b - 1)).toBeLessThan(0.35);
  });
});
