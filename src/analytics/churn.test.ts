import { describe, it, expect } from 'vitest';
import { assessStanding, churnReason, populationPurchaseGap, rhythmPAlive } from './churn.js';

const rules = { activeDays: 90, inactiveDays: 365 };

describe('populationPurchaseGap', () => {
  it('is the median gap over repeat buyers', () => {
    expect(populationPurchaseGap([0, 2, 1, 4], [0, 60, 10, 400])).toBe(30);
    expect(populationPurchaseGap([0, 0], [0, 0])).toBeNaN();
  });
});

describe('assessStanding', () => {
  it('takes a reliable model’s P(alive) for a repeat buyer, and churn risk is its complement', () => {
    const s = assessStanding({ modelPAlive: 0.4, repeatPurchases: 4, purchaseSpanDays: 180, daysSinceLastPurchase: 135 }, 30);
    expect(s).toEqual({ pAlive: 0.4, risk: 0.6, basis: 'model', usualGapDays: 45, overdueRatio: 3 });
  });

  it('falls back to the customer’s own rhythm when there is no reliable model', () => {
    const s = assessStanding({ modelPAlive: null, repeatPurchases: 4, purchaseSpanDays: 180, daysSinceLastPurchase: 135 }, 30);
    expect(s.basis).toBe('own_rhythm');
    expect(s.pAlive).toBeCloseTo(Math.exp(-2), 12);
    expect(s.risk + s.pAlive).toBe(1);
  });

  it('never takes the model’s 100% for a one-time buyer: the typical rhythm decides', () => {
    // The symptom: "Churned", "Churn risk 100%" and "Still a customer 100%" side by side.
    const s = assessStanding({ modelPAlive: 1, repeatPurchases: 0, purchaseSpanDays: 0, daysSinceLastPurchase: 400 }, 40);
    expect(s.basis).toBe('typical_rhythm');
    expect(s.overdueRatio).toBe(10);
    expect(s.pAlive).toBeCloseTo(Math.exp(-9), 12);
    expect(s.risk).toBeCloseTo(1 - Math.exp(-9), 12);
    expect(assessStanding({ modelPAlive: 1, repeatPurchases: 0, purchaseSpanDays: 0, daysSinceLastPurchase: 1 }, 40).pAlive).toBe(1);
  });

  it('lowers P(alive) as the silence grows, and needs a population gap for one-time buyers', () => {
    let previous = 2;
    for (const days of [10, 50, 100, 200, 400]) {
      const { pAlive } = assessStanding({ modelPAlive: null, repeatPurchases: 3, purchaseSpanDays: 90, daysSinceLastPurchase: days }, 30);
      expect(pAlive).toBeLessThanOrEqual(previous);
      previous = pAlive;
    }
    expect(rhythmPAlive(0.5)).toBe(1);
    expect(() => assessStanding({ modelPAlive: null, repeatPurchases: 0, purchaseSpanDays: 0, daysSinceLastPurchase: 5 }, NaN)).toThrow(RangeError);
  });
});

describe('churnReason', () => {
  it('says what the estimate rests on, with the same P(alive) the screen shows', () => {
    expect(churnReason({ basis: 'model', pAlive: 0.4, daysSinceLastPurchase: 135, usualGapDays: 45, stage: 'inactive', ...rules })).toBe(
      'no purchase for 135 days, 3x their usual gap of 45 days; the purchase model puts the chance they still buy at 40%',
    );
    expect(churnReason({ basis: 'own_rhythm', pAlive: 0.97, daysSinceLastPurchase: 12, usualGapDays: 30, stage: 'active', ...rules })).toBe(
      'last purchase 12 days ago, within their usual gap of 30 days; judged by their rhythm alone, as the purchase model is unreliable on this data',
    );
    expect(churnReason({ basis: 'typical_rhythm', pAlive: 0.1, daysSinceLastPurchase: 1, usualGapDays: 40, stage: 'active', ...rules })).toMatch(
      /^one purchase only, yesterday, within the typical gap of 40 days/,
    );
  });

  it('explains where the lifecycle rule and the estimate disagree', () => {
    expect(churnReason({ basis: 'model', pAlive: 0.7, daysSinceLastPurchase: 400, usualGapDays: 300, stage: 'churned', ...rules })).toMatch(
      /; counted as churned by the 365-day rule, though with a usual gap of 300 days that silence is not yet unusual$/,
    );
    expect(churnReason({ basis: 'model', pAlive: 0.2, daysSinceLastPurchase: 60, usualGapDays: 7, stage: 'active', ...rules })).toMatch(
      /^no purchase for 60 days, 8\.6x their usual gap of 7 days; .*; still active by the 90-day rule, but overdue against their own rhythm$/,
    );
    expect(churnReason({ basis: 'model', pAlive: 0.2, daysSinceLastPurchase: 400, usualGapDays: 30, stage: 'churned', ...rules })).not.toMatch(/rule/);
  });
});
