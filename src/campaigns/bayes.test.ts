import { describe, expect, it } from 'vitest';
import { betaDraws, detectableDifference, posterior, probabilityBBeatsA, rng } from './bayes.js';

describe('Bayesian A/B posterior', () => {
  it('draws Beta variates with the right mean and variance', () => {
    const draws = betaDraws(3, 7, new Float64Array(200_000), rng(42));
    const mean = draws.reduce((s, x) => s + x, 0) / draws.length;
    const variance = draws.reduce((s, x) => s + (x - mean) ** 2, 0) / draws.length;
    expect(mean).toBeCloseTo(0.3, 2); // a / (a + b)
    expect(variance).toBeCloseTo((3 * 7) / (10 * 10 * 11), 3); // ab / ((a+b)^2 (a+b+1)) = 0.01909
    const small = betaDraws(0.5, 0.5, new Float64Array(100_000), rng(7)); // arcsine: shape < 1 path
    expect(small.reduce((s, x) => s + x, 0) / small.length).toBeCloseTo(0.5, 2);
  });

  it('gives equal variants equal chances, and two flat posteriors an expected loss of 1/6', () => {
    const flat = posterior(
      [
        { successes: 0, trials: 0 },
        { successes: 0, trials: 0 },
      ],
      { draws: 200_000 },
    );
    expect(flat.p_best[0]).toBeCloseTo(0.5, 2);
    // E[max(X, Y)] - E[X] for two uniforms = 2/3 - 1/2.
    expect(flat.expected_loss[0]).toBeCloseTo(1 / 6, 2);
    const three = posterior(
      [
        { successes: 10, trials: 100 },
        { successes: 10, trials: 100 },
        { successes: 10, trials: 100 },
      ],
      { draws: 150_000 },
    );
    for (const p of three.p_best) expect(p).toBeCloseTo(1 / 3, 2);
    expect(three.p_best.reduce((s, p) => s + p, 0)).toBeCloseTo(1, 10);
  });

  it('matches the exact two-variant probability (closed form) and values worked by hand', () => {
    // Exact form against simple cases: Beta(2,1) vs Beta(1,1): P(U > X) with X ~ Beta(2,1) is 1/3.
    expect(probabilityBBeatsA(2, 1, 1, 1)).toBeCloseTo(1 / 3, 10);
    expect(probabilityBBeatsA(1, 1, 1, 1)).toBeCloseTo(0.5, 10);
    // A: 30 clicks of 1000, B: 45 of 1000, flat priors.
    const exact = probabilityBBeatsA(1 + 30, 1 + 970, 1 + 45, 1 + 955);
    expect(exact).toBeGreaterThan(0.95);
    expect(exact).toBeLessThan(0.97);
    const mc = posterior(
      [
        { successes: 30, trials: 1000 },
        { successes: 45, trials: 1000 },
      ],
      { draws: 200_000, seed: 3 },
    );
    expect(mc.p_best[1]).toBeCloseTo(exact, 2);
    expect(mc.p_best[0] + mc.p_best[1]).toBeCloseTo(1, 10);
    // Choosing the worse variant gives up about the difference of the means; the better one almost nothing.
    expect(mc.expected_loss[0]).toBeGreaterThan(0.014);
    expect(mc.expected_loss[1]).toBeLessThan(0.0005);
    expect(mc.mean[1]).toBeCloseTo(46 / 1002, 10);
  });

  it('is repeatable for a seed and refuses impossible counts', () => {
    const v = [
      { successes: 3, trials: 50 },
      { successes: 5, trials: 50 },
    ];
    expect(posterior(v, { seed: 9 })).toEqual(posterior(v, { seed: 9 }));
    expect(() => posterior([{ successes: 5, trials: 3 }])).toThrow(RangeError);
  });

  it('says how small a difference a test size can show', () => {
    expect(detectableDifference(1000, 0.03)).toBeCloseTo(0.0214, 3);
    expect(detectableDifference(0, 0.03)).toBe(Infinity);
  });
});
