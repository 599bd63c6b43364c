/** End-to-end checks against the public CDNOW sample: transactions -> summary -> BG/NBD and Gamma-Gamma fits. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it, expect } from 'vitest';
import { bgnbdLogLikelihood, conditionalExpectedPurchases, expectedPurchasesNewCustomer, fitBgNbd } from './bgnbd.js';
import { dayNumberFromYmd, summarizeCustomers } from './customer-summary.js';
import { fitGammaGamma, gammaGammaLogLikelihood } from './gammagamma.js';
import { fixturePath } from '../test/fixtures.js';
import { readCdnowTransactions } from '../test/cdnow.js';

const CDNOW_DIR = fixturePath('cdnow');

const readTransactions = readCdnowTransactions;

function readPublishedSummary(): { header: string; rows: number[][] } {
  const [header, ...lines] = readFileSync(path.join(CDNOW_DIR, 'cdnow_customers_summary_with_transactions.csv'), 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '');
  return { header, rows: lines.map((line) => line.split(',').map(Number)) };
}

// Calibration period ends 1997-09-30; time in weeks rounded to 2 decimals, as in the published summary.
const summary = summarizeCustomers(readTransactions(), { observationEnd: dayNumberFromYmd(19970930), unit: 'weeks', decimals: 2 });
const published = { r: 0.242593, alpha: 4.413532, a: 0.792886, b: 2.425752 };

describe('CDNOW customer summary', () => {
  it('reproduces the published calibration summary for every customer', () => {
    const { header, rows } = readPublishedSummary();
    expect(header).toBe('ID,x,t_x,T,zbar');
    expect(rows).toHaveLength(2357);
    expect(summary.customer).toHaveLength(rows.length);
    const mismatches: number[] = [];
    rows.forEach(([id, x, tx, T, zbar], i) => {
      const ok = summary.customer[i] === id && summary.frequency[i] === x && summary.recency[i] === tx && summary.age[i] === T && Math.abs(summary.monetary[i] - zbar) <= 0.005 + 1e-9; // zbar is published rounded to cents
      if (!ok) mismatches.push(id);
    });
    expect(mismatches).toEqual([]);
  });
});

describe('BG/NBD on CDNOW (weeks)', () => {
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

  it('implies about as many calibration-period repeat purchases as observed', () => {
    let expected = 0;
    let observed = 0;
    for (let i = 0; i < summary.age.length; i++) {
      expected += expectedPurchasesNewCustomer(fit, summary.age[i]);
      observed += summary.frequency[i];
    }
    expect(Math.abs(expected - observed) / observed).toBeLessThan(0.05);
  });
});

describe('Gamma-Gamma on CDNOW', () => {
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
    for (const [dp, dq, dg] of [
      [0.05, 0, 0],
      [0, 0.05, 0],
      [0, 0, 0.1],
      [-0.05, 0, 0],
    ]) {
      const nearby = { p: fit.p + dp, q: fit.q + dq, gamma: fit.gamma + dg };
      expect(gammaGammaLogLikelihood(nearby, summary.frequency, summary.monetary)).toBeLessThan(at);
    }
  });
});
