import { describe, expect, it } from 'vitest';
import { betaPrior, learnProbability, minClosedDeals, posteriorMean, priorStrength } from './probability.js';

describe('learnt win probability (Beta prior, Bayes update)', () => {
  it('centres the prior on the configured probability with the documented strength', () => {
    const { a, b } = betaPrior(0.3);
    expect(a + b).toBeCloseTo(priorStrength);
    expect(a / (a + b)).toBeCloseTo(0.3);
  });

  it('worked example: a stage set at 0.5 that saw 8 wins and 2 losses learns 13/20 = 0.65', () => {
    // a = 0.5 x 10 = 5, b = 5; posterior Beta(5 + 8, 5 + 2) has mean 13 / 20.
    expect(posteriorMean(0.5, 8, 2)).toBeCloseTo(0.65, 12);
  });

  it('worked example: a stage set at 0.2 that saw 1 win in 15 closed deals learns 3/25 = 0.12', () => {
    // a = 2, b = 8; posterior Beta(3, 22), mean 3 / 25.
    expect(posteriorMean(0.2, 1, 14)).toBeCloseTo(0.12, 12);
  });

  it('moves towards the observed win rate as outcomes accumulate', () => {
    const few = posteriorMean(0.5, 9, 1);
    const many = posteriorMean(0.5, 900, 100);
    expect(few).toBeLessThan(many);
    expect(many).toBeCloseTo((5 + 900) / 1010, 12);
    expect(Math.abs(many - 0.9)).toBeLessThan(0.01);
  });

  it('keeps the configured value without outcomes and stays within 0..1', () => {
    expect(posteriorMean(0.4, 0, 0)).toBeCloseTo(0.4, 12);
    expect(posteriorMean(0, 0, 3)).toBe(0);
    expect(posteriorMean(1, 2, 0)).toBe(1);
    expect(posteriorMean(0, 3, 0)).toBeCloseTo(3 / 13, 12);
  });

  it('uses the learnt value only once enough closed deals passed the stage', () => {
    const below = learnProbability({ configured: 0.5, won: minClosedDeals - 1, lost: 0 });
    expect(below.basis).toBe('configured');
    expect(below.used).toBe(0.5);
    expect(below.learnt).toBeGreaterThan(0.5);
    const at = learnProbability({ configured: 0.5, won: minClosedDeals, lost: 0 });
    expect(at.basis).toBe('learnt');
    expect(at.used).toBeCloseTo((5 + minClosedDeals) / (10 + minClosedDeals), 12);
    expect(at.deals_seen).toBe(minClosedDeals);
  });
});
