import { describe, it, expect } from 'vitest';
import { hyp2f1 } from './hypergeometric.js';

function expectRelClose(actual: number, expected: number, tol = 1e-12): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(expected)));
}

describe('hyp2f1', () => {
  it('matches -ln(1-z)/z for 2F1(1,1;2;z)', () => {
    for (const z of [-5, -0.9, -0.3, 0.01, 0.5, 0.9, 0.99, 0.999]) {
      expectRelClose(hyp2f1(1, 1, 2, z), -Math.log(1 - z) / z, 1e-11);
    }
  });

  it('matches (1-z)^-a for 2F1(a,b;b;z)', () => {
    for (const [a, b] of [
      [0.7, 1.9],
      [2.5, 0.4],
      [3, 5],
    ]) {
      for (const z of [-2, -0.5, 0.2, 0.8, 0.95]) {
        expectRelClose(hyp2f1(a, b, b, z), Math.pow(1 - z, -a), 1e-11);
      }
    }
  });

  it('matches arcsin(z)/z = 2F1(1/2,1/2;3/2;z^2)', () => {
    for (const z of [0.1, 0.6, 0.97]) {
      expectRelClose(hyp2f1(0.5, 0.5, 1.5, z * z), Math.asin(z) / z, 1e-11);
    }
  });

  it('terminates as a polynomial for negative integer a', () => {
    // 2F1(-2, b; c; z) = 1 - 2bz/c + b(b+1)z^2/(c(c+1))
    const b = 1.5;
    const c = 2.5;
    const z = -4;
    expectRelClose(hyp2f1(-2, b, c, z), 1 - (2 * b * z) / c + (b * (b + 1) * z * z) / (c * (c + 1)));
  });

  it('matches high-precision reference values on every branch', () => {
    const cases: Array<[number, number, number, number, number]> = [
      [0.5, 1.5, 2.5, 0.3, 1.10806255105693198844744988478],
      [1.5, 2.5, 1.2, -3.0, -0.00172706987143416166444491360165],
      [2.3, 1.7, 3.1, 0.97, 46.6083480053348375238201005133],
      [2.0, 3.0, 4.0, 0.999, 2967.44390066383794936796988327],
      [0.7, 1.3, 2.0, 0.95, 2.89754625531229106927609505275],
      [1.2, 2.4, 0.8, -0.7, 0.0911224510721902655508314259364],
      [3, 2, 1.5, 0.99, 14682000.2600853599834566675712],
      [2.242593, 3.425752, 3.218638, 0.98, 13352.0346413630747919225360768],
    ];
    for (const [a, b, c, z, expected] of cases) expectRelClose(hyp2f1(a, b, c, z), expected, 1e-10);
  });

  it('uses Gauss summation at z = 1', () => {
    // 2F1(a,b;c;1) = Gamma(c)Gamma(c-a-b) / (Gamma(c-a)Gamma(c-b)); here 2F1(1,1;3;1) = 2
    expectRelClose(hyp2f1(1, 1, 3, 1), 2);
    expect(hyp2f1(1, 1, 2, 1)).toBe(Infinity);
  });

  it('rejects arguments outside the domain', () => {
    expect(() => hyp2f1(1, 1, -2, 0.5)).toThrow(RangeError);
    expect(() => hyp2f1(1, 1, 2, 1.5)).toThrow(RangeError);
  });
});
