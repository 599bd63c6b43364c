import { describe, it, expect } from 'vitest';
import { churnRisk, populationPurchaseGap } from './churn.js';

describe('populationPurchaseGap', () => {
  it('is the median gap over repeat buyers', () => {
    expect(populationPurchaseGap([0, 2, 1, 4], [0, 60, 10, 400])).toBe(30);
    expect(populationPurchaseGap([0, 0], [0, 0])).toBeNaN();
  });
});

describe('churnRisk', () => {
  it('explains an overdue repeat buyer against their own rhythm', () => {
    const result = churnRisk({ probabilityAlive: 0.4, repeatPurchases: 4, purchaseSpanDays: 180, daysSinceLastPurchase: 135 }, 30);
    expect(result.usualGapDays).toBe(45);
    expect(result.overdueRatio).toBe(3);
    expect(result.risk).toBeCloseTo(0.5 * 0.6 + 0.5 * (1 - Math.exp(-2)), 12);
    expect(result.reason).toBe('no purchase for 135 days, 3x their usual gap of 45 days; 40% likely still active');
  });

  it('gives low risk to a recent regular customer', () => {
    const result = churnRisk({ probabilityAlive: 0.97, repeatPurchases: 10, purchaseSpanDays: 300, daysSinceLastPurchase: 12 }, 30);
    expect(result.risk).toBeCloseTo(0.015, 12);
    expect(result.reason).toBe('last purchase 12 days ago, within their usual gap of 30 days; 97% likely still active');
  });

  it('measures one-time buyers against the population gap, ignoring P(alive) = 1', () => {
    const result = churnRisk({ probabilityAlive: 1, repeatPurchases: 0, purchaseSpanDays: 0, daysSinceLastPurchase: 140 }, 40);
    expect(result.overdueRatio).toBe(3.5);
    expect(result.risk).toBeCloseTo(1 - Math.exp(-2.5), 12);
    expect(result.reason).toBe('one purchase only, 140 days ago, 3.5x the typical gap of 40 days between purchases');
    const fresh = churnRisk({ probabilityAlive: 1, repeatPurchases: 0, purchaseSpanDays: 0, daysSinceLastPurchase: 1 }, 40);
    expect(fresh.risk).toBe(0);
    expect(fresh.reason).toBe('one purchase only, 1 day ago, within the typical gap of 40 days between purchases');
  });

  it('increases with time since the last purchase', () => {
    let previous = -1;
    for (const days of [10, 50, 100, 200, 400]) {
      const { risk } = churnRisk({ probabilityAlive: 0.8, repeatPurchases: 3, purchaseSpanDays: 90, daysSinceLastPurchase: days }, 30);
      expect(risk).toBeGreaterThanOrEqual(previous);
      expect(risk).toBeLessThanOrEqual(1);
      previous = risk;
    }
  });

  it('needs a population gap for one-time buyers', () => {
    expect(() => churnRisk({ probabilityAlive: 1, repeatPurchases: 0, purchaseSpanDays: 0, daysSinceLastPurchase: 5 }, NaN)).toThrow(RangeError);
  });
});
