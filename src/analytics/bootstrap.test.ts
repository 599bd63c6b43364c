import { describe, expect, it } from 'vitest';
import { bootstrapMeanDifference, quantileSorted } from './bootstrap.js';

// Efron & Tibshirani (1993), An Introduction to the Bootstrap, Table 2.1: survival days of mice after
// surgery, treatment and control groups. The difference of means is 30.63.
const treatment = [94, 197, 16, 38, 99, 141, 23];
const control = [52, 104, 146, 10, 51, 30, 40, 27, 46];

/** The plug-in standard error of a difference of means (variances with n in the denominator), which the bootstrap estimates. */
function plugInStandardError(a: number[], b: number[]): number {
  const v = (xs: number[]) => {
    const m = xs.reduce((s, x) => s + x, 0) / xs.length;
    return xs.reduce((s, x) => s + (x - m) ** 2, 0) / xs.length;
  };
  return Math.sqrt(v(a) / a.length + v(b) / b.length);
}

describe('bootstrapMeanDifference', () => {
  it('gives the mouse data difference and a standard error close to the plug-in one', () => {
    const r = bootstrapMeanDifference(treatment, control, { iterations: 20000, seed: 7 });
    expect(r.difference).toBeCloseTo(30.63, 2);
    expect(r.n_a).toBe(7);
    expect(r.n_b).toBe(9);
    const expected = plugInStandardError(treatment, control);
    expect(Math.abs(r.standard_error! - expected) / expected).toBeLessThan(0.03);
    // The interval holds the estimate and zero (the book's point: the difference is not significant).
    expect(r.low!).toBeLessThan(0);
    expect(r.high!).toBeGreaterThan(r.difference);
  });

  it('repeats with a seed, differs across seeds, and narrows with more data', () => {
    const a = bootstrapMeanDifference(treatment, control, { seed: 3 });
    expect(bootstrapMeanDifference(treatment, control, { seed: 3 })).toEqual(a);
    expect(bootstrapMeanDifference(treatment, control, { seed: 4 }).low).not.toBe(a.low);
    const many = (xs: number[]) => Array.from({ length: 16 }, () => xs).flat();
    const wide = a.high! - a.low!;
    const big = bootstrapMeanDifference(many(treatment), many(control), { seed: 3 });
    expect(big.high! - big.low!).toBeLessThan(wide / 3);
  });

  it('gives no interval for a group of fewer than two', () => {
    const r = bootstrapMeanDifference([5], control);
    expect([r.low, r.high, r.standard_error]).toEqual([null, null, null]);
    expect(r.difference).toBeCloseTo(5 - 56.22, 1);
  });

  it('interpolates quantiles', () => {
    expect(quantileSorted([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantileSorted([1, 2, 3, 4], 0)).toBe(1);
    expect(quantileSorted([1, 2, 3, 4], 1)).toBe(4);
  });
});
