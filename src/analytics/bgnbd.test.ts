import { describe, it, expect } from 'vitest';
import { bgnbdLogLikelihood, conditionalExpectedPurchases, expectedPurchasesNewCustomer, fitBgNbd, probabilityAlive, probabilityOfPurchase, simulateBgNbd } from './bgnbd.js';

// Published CDNOW fit (weeks); the fit itself is checked in cdnow.test.ts.
const cdnow = { r: 0.242593, alpha: 4.413532, a: 0.792886, b: 2.425752 };

describe('BG/NBD predictions', () => {
  it('treats customers without repeat purchases as alive', () => {
    expect(probabilityAlive(cdnow, 0, 0, 38.86)).toBe(1);
  });

  it('matches the closed form of P(alive)', () => {
    const { r, alpha, a, b } = cdnow;
    const expected = 1 / (1 + (a / (b + 5 - 1)) * ((alpha + 39) / (alpha + 20)) ** (r + 5));
    expect(probabilityAlive(cdnow, 5, 20, 39)).toBeCloseTo(expected, 14);
    expect(probabilityAlive(cdnow, 5, 38, 39)).toBeGreaterThan(probabilityAlive(cdnow, 5, 5, 39));
  });

  it('gives the published conditional expectation for the CDNOW example customer', () => {
    expect(conditionalExpectedPurchases(cdnow, 39, 2, 30.43, 38.86)).toBeCloseTo(1.226, 3);
    expect(conditionalExpectedPurchases(cdnow, 0, 2, 30.43, 38.86)).toBe(0);
  });

  it('stays accurate over long horizons and for heavy buyers (hypergeometric argument near 1)', () => {
    // High-precision references computed from the closed form.
    expect(conditionalExpectedPurchases(cdnow, 5000, 50, 99, 100) / 300.187650039751044).toBeCloseTo(1, 10);
    expect(conditionalExpectedPurchases(cdnow, 3650, 200, 700, 700) / 443.299871552849254).toBeCloseTo(1, 10);
    expect(conditionalExpectedPurchases(cdnow, 5200, 3, 10, 300) / 0.00461815155944615139).toBeCloseTo(1, 10);
  });

  it('grows the new-customer expectation with time and matches its series definition', () => {
    expect(expectedPurchasesNewCustomer(cdnow, 0)).toBe(0);
    expect(expectedPurchasesNewCustomer(cdnow, 39)).toBeGreaterThan(expectedPurchasesNewCustomer(cdnow, 10));
    // For a brand-new customer (x = 0, t_x = 0, T = 0) both expectations describe the same thing.
    expect(conditionalExpectedPurchases(cdnow, 26, 0, 0, 0)).toBeCloseTo(expectedPurchasesNewCustomer(cdnow, 26), 12);
  });

  it('bounds the purchase probability by P(alive)', () => {
    const p = probabilityOfPurchase(cdnow, 39, 2, 30.43, 38.86);
    expect(p).toBeGreaterThan(0);
    expect(p).toBeLessThan(probabilityAlive(cdnow, 2, 30.43, 38.86));
    expect(probabilityOfPurchase(cdnow, 0, 2, 30.43, 38.86)).toBe(0);
  });
});

describe('fitBgNbd', () => {
  const truth = { r: 0.5, alpha: 6, a: 1.2, b: 3 };
  const data = simulateBgNbd(truth, 30_000, 52, 7);
  const fit = fitBgNbd(data.frequency, data.recency, data.age);

  it('recovers the generating parameters of simulated customers', () => {
    expect(fit.converged).toBe(true);
    expect(Math.abs(fit.r / truth.r - 1)).toBeLessThan(0.1);
    expect(Math.abs(fit.alpha / truth.alpha - 1)).toBeLessThan(0.1);
    expect(Math.abs(fit.a / truth.a - 1)).toBeLessThan(0.35);
    expect(Math.abs(fit.b / truth.b - 1)).toBeLessThan(0.35);
  });

  it('reports the log-likelihood of its parameters, which beats the truth', () => {
    const atFit = bgnbdLogLikelihood(fit, data.frequency, data.recency, data.age);
    expect(atFit).toBeCloseTo(fit.logLikelihood, 6);
    expect(atFit).toBeGreaterThanOrEqual(bgnbdLogLikelihood(truth, data.frequency, data.recency, data.age));
  });

  it('scales alpha with the time unit and leaves the other parameters unchanged', () => {
    const days = (v: Float64Array) => v.map((t) => t * 7);
    const inDays = fitBgNbd(data.frequency, days(data.recency), days(data.age));
    expect(inDays.alpha / fit.alpha).toBeCloseTo(7, 3);
    expect(inDays.r).toBeCloseTo(fit.r, 4);
    expect(inDays.a).toBeCloseTo(fit.a, 4);
    expect(inDays.b).toBeCloseTo(fit.b, 4);
  });

  it('rejects mismatched inputs', () => {
    expect(() => fitBgNbd([1, 2], [1], [3, 3])).toThrow(RangeError);
    expect(() => fitBgNbd([], [], [])).toThrow(RangeError);
  });
});

describe('BG/NBD at the pole of its hypergeometric terms', () => {
  it('gives the finite limit where a + b + x - 1 = 0 instead of failing', async () => {
    const { conditionalExpectedPurchases, expectedPurchasesNewCustomer } = await import('./bgnbd.js');
    const at = { r: 0.5, alpha: 10, a: 0.25, b: 0.75 };
    const near = { ...at, b: 0.75 + 1e-6 };
    const onPole = conditionalExpectedPurchases(at, 30, 0, 0, 20);
    expect(Number.isFinite(onPole)).toBe(true);
    expect(onPole).toBeCloseTo(conditionalExpectedPurchases(near, 30, 0, 0, 20), 4);
    expect(expectedPurchasesNewCustomer(at, 30)).toBeCloseTo(expectedPurchasesNewCustomer(near, 30), 4);
  });
});
