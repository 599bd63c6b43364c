import { describe, it, expect } from 'vitest';
import { digamma, gamma, lgamma } from './special.js';
import { normalCdf, normalQuantile } from './normal.js';

describe('special functions', () => {
  it('lgamma matches reference values', () => {
    expect(lgamma(1)).toBeCloseTo(0, 14);
    expect(lgamma(2)).toBeCloseTo(0, 14);
    expect(lgamma(0.1)).toBeCloseTo(2.2527126517342059, 13);
    expect(lgamma(4.5)).toBeCloseTo(2.4537365708424422, 13);
    expect(lgamma(100.3)).toBeCloseTo(360.51470572905812, 10);
    expect(lgamma(-2.5)).toBeCloseTo(-0.056243716497674051, 13);
  });

  it('gamma keeps its sign and matches factorials', () => {
    expect(gamma(5)).toBeCloseTo(24, 10);
    expect(gamma(0.5)).toBeCloseTo(Math.sqrt(Math.PI), 13);
    expect(gamma(-0.5)).toBeCloseTo(-2 * Math.sqrt(Math.PI), 12);
    expect(gamma(-1.5)).toBeGreaterThan(0);
  });

  it('digamma matches reference values', () => {
    expect(digamma(1)).toBeCloseTo(-0.5772156649015329, 13);
    expect(digamma(0.3)).toBeCloseTo(-3.5025242222001331, 12);
    expect(digamma(7.2)).toBeCloseTo(1.9030321442701752, 13);
    expect(digamma(-1.5)).toBeCloseTo(0.70315664064524319, 12);
  });

  it('normal CDF and quantile match reference values and invert each other', () => {
    expect(normalCdf(-3)).toBeCloseTo(0.0013498980316300945, 15);
    expect(normalCdf(-1)).toBeCloseTo(0.15865525393145705, 14);
    expect(normalCdf(2)).toBeCloseTo(0.97724986805182079, 14);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 12);
    expect(normalQuantile(0.8)).toBeCloseTo(0.8416212335729143, 12);
    for (const p of [1e-10, 0.001, 0.02, 0.3, 0.5, 0.77, 0.99, 0.999999]) {
      expect(normalCdf(normalQuantile(p)) / p).toBeCloseTo(1, 10);
    }
  });
});
