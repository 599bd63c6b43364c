import { describe, expect, it } from 'vitest';
import { bayesianAbTest, probabilityBBeatsA } from './abtest.js';
import { lgamma } from './special.js';

/** Numerical P(pB > pA) and expected losses by midpoint integration over a grid of both rates. */
function numeric(aA: number, bA: number, aB: number, bB: number, steps = 2000) {
  const pdf = (a: number, b: number, x: number) => Math.exp((a - 1) * Math.log(x) + (b - 1) * Math.log(1 - x) - (lgamma(a) + lgamma(b) - lgamma(a + b)));
  const h = 1 / steps;
  const xs = Array.from({ length: steps }, (_, i) => (i + 0.5) * h);
  const fa = xs.map((x) => pdf(aA, bA, x) * h);
  const fb = xs.map((x) => pdf(aB, bB, x) * h);
  let win = 0;
  let lossB = 0;
  for (let i = 0; i < steps; i++) {
    for (let j = 0; j < steps; j++) {
      const w = fa[i] * fb[j];
      if (xs[j] > xs[i]) win += w;
      else if (xs[j] === xs[i]) win += w / 2;
      lossB += w * Math.max(0, xs[i] - xs[j]);
    }
  }
  return { win, lossB };
}

describe('Bayesian A/B test', () => {
  it('matches numerical integration for the closed form and the expected loss', () => {
    for (const [sA, nA, sB, nB] of [
      [20, 200, 30, 210],
      [5, 40, 4, 50],
      [12, 100, 12, 100],
    ]) {
      const r = bayesianAbTest(sA, nA, sB, nB);
      const check = numeric(sA + 1, nA - sA + 1, sB + 1, nB - sB + 1);
      expect(r.probabilityBBeatsA).toBeCloseTo(check.win, 3);
      expect(r.expectedLossChoosingB).toBeCloseTo(check.lossB, 4);
    }
  });

  it('is symmetric and sums to one', () => {
    const ab = probabilityBBeatsA(11, 91, 21, 181);
    const ba = probabilityBBeatsA(21, 181, 11, 91);
    expect(ab + ba).toBeCloseTo(1, 10);
    expect(probabilityBBeatsA(1, 1, 1, 1)).toBeCloseTo(0.5, 12);
  });
});
