import { describe, expect, it } from 'vitest';
import { readCdnowTransactions } from '../test/cdnow.js';
import { fitBgNbd } from './bgnbd.js';
import { assessBgNbdFit, compareOnHoldout, type PurchaseHistories } from './bgnbd-reliability.js';
import { dayNumberFromYmd, summarizeCustomers, type TransactionLog } from './customer-summary.js';
import { createRng, gammaDraw } from './random.js';

/** Distinct purchase days of each calibration customer in (from, to]. */
function holdoutPurchases(log: TransactionLog, customers: Int32Array, from: number, to: number): Float64Array {
  const slot = new Map(Array.from(customers, (c, k) => [c, k]));
  const days = customers.length ? Array.from(customers, () => new Set<number>()) : [];
  for (let i = 0; i < log.customer.length; i++) {
    const k = slot.get(log.customer[i]);
    if (k !== undefined && log.day[i] > from && log.day[i] <= to) days[k].add(log.day[i]);
  }
  return Float64Array.from(days, (s) => s.size);
}

const meanOf = (v: ArrayLike<number>) => Array.from(v).reduce((s, x) => s + x, 0) / v.length;
const repeatBuyersOf = (h: PurchaseHistories) => Array.from(h.frequency).filter((x) => x > 0).length;

/**
 * A small shop where nobody leaves: 145 customers joined over a year, each buying at their own steady
 * rate (about 3 orders each). BG/NBD has no drop-out to find and runs a towards 0, b towards infinity.
 */
function shopWithoutDropout(seed: number): PurchaseHistories & { orders: number } {
  const rng = createRng(seed);
  const n = 145;
  const h = { frequency: new Float64Array(n), recency: new Float64Array(n), age: new Float64Array(n), orders: 0 };
  for (let i = 0; i < n; i++) {
    const ageDays = 30 + rng.next() * 370;
    const rate = gammaDraw(1.5, rng) / 180;
    let t = 0;
    let x = 0;
    for (;;) {
      const next = t - Math.log(1 - rng.next()) / rate;
      if (next > ageDays) break;
      t = next;
      x++;
    }
    h.frequency[i] = x;
    h.recency[i] = t / 7;
    h.age[i] = ageDays / 7;
    h.orders += x + 1;
  }
  return h;
}

describe('BG/NBD reliability', () => {
  it('finds the CDNOW fit reliable: published parameters, enough repeat buyers, better than the own-rate model on a 90-day hold-out', () => {
    const log = readCdnowTransactions();
    const end = dayNumberFromYmd(19970930);
    const full = summarizeCustomers(log, { observationEnd: end, unit: 'weeks', decimals: 2 });
    const fit = fitBgNbd(full.frequency, full.recency, full.age);
    expect(fit.r).toBeCloseTo(0.243, 3);
    expect(fit.a).toBeCloseTo(0.793, 3);
    const calibration = summarizeCustomers(log, { observationEnd: end - 90, unit: 'weeks' });
    const holdout = compareOnHoldout(calibration, holdoutPurchases(log, calibration.customer, end - 90, end), 90 / 7);
    expect(holdout).not.toBeNull();
    const verdict = assessBgNbdFit(fit, { customers: full.frequency.length, repeatBuyers: repeatBuyersOf(full), meanAge: meanOf(full.age) }, holdout);
    expect(verdict.reasons).toEqual([]);
    expect(verdict.reliable).toBe(true);
    expect(verdict.checks.holdout.passed).toBe(true);
    expect(holdout!.bgnbd_mse).toBeLessThan(holdout!.baseline_mse);
    // The model's total forecast is within 15% of what happened.
    expect(Math.abs(holdout!.bgnbd_predicted / holdout!.actual_purchases - 1)).toBeLessThan(0.15);
  });

  it('calls a small shop without drop-out degenerate, and says why in words', () => {
    const shop = shopWithoutDropout(7);
    expect(shop.orders).toBeGreaterThan(300);
    expect(shop.orders).toBeLessThan(600);
    const fit = fitBgNbd(shop.frequency, shop.recency, shop.age);
    const verdict = assessBgNbdFit(fit, { customers: 145, repeatBuyers: repeatBuyersOf(shop), meanAge: meanOf(shop.age) }, null);
    expect(fit.a).toBeLessThan(1e-3);
    expect(verdict.reliable).toBe(false);
    expect(verdict.checks.parameters.passed).toBe(false);
    expect(verdict.reasons.join(' ')).toMatch(/degenerate fit, parameters at the bounds \(.*a = .*\): the model sees almost no customer ever leaving/);
    expect(verdict.checks.holdout.passed).toBeNull();
  });

  it('calls a fit unreliable with too few repeat buyers, or when it loses to the simpler model on the hold-out', () => {
    const fit = { r: 0.5, alpha: 5, a: 0.8, b: 2.5, logLikelihood: -100, converged: true };
    const few = assessBgNbdFit(fit, { customers: 40, repeatBuyers: 12, meanAge: 30 }, null);
    expect(few.reliable).toBe(false);
    expect(few.reasons).toEqual(['too few repeat buyers: 12 of 40 customers bought more than once (at least 30 are needed)']);
    const lost = assessBgNbdFit(
      fit,
      { customers: 400, repeatBuyers: 200, meanAge: 30 },
      {
        customers: 400,
        length: 13,
        actual_purchases: 90,
        bgnbd_predicted: 150,
        baseline_predicted: 95,
        bgnbd_mse: 0.9,
        baseline_mse: 0.6,
        baseline: 'own rate',
        params: fit,
      },
    );
    expect(lost.reliable).toBe(false);
    expect(lost.checks.holdout.passed).toBe(false);
    expect(lost.reasons[0]).toMatch(/^no better than a simpler model on the hold-out period \(mean squared error 0\.9 vs 0\.6/);
    const good = assessBgNbdFit(fit, { customers: 400, repeatBuyers: 200, meanAge: 30 }, null);
    expect(good.reliable).toBe(true);
  });
});
