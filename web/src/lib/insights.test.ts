import { describe, expect, it } from 'vitest';
import type { CustomerScores } from './api';
import { daysAgo, explainScores } from './insights';

const base: CustomerScores = {
  run_id: 'job_1',
  as_of: '2026-03-01',
  time_zone: 'Europe/Brussels',
  days_since_last_order: 2,
  stage: 'active',
  p_alive: 0.3,
  churn_risk: 0.7,
  clv: null,
  value_at_risk: null,
  basis: 'own_rhythm',
  reason: 'no purchase for 2 days, 2x their usual gap of 1 day; judged by their rhythm alone, as the purchase model is unreliable on this data',
  reliability: {
    p_alive: { reliable: false, note: 'rough estimate from their own gap between purchases, because the purchase model is unreliable on this data: too few repeat buyers' },
    clv: { reliable: false, note: 'not estimated: the purchase model is unreliable on this data: too few repeat buyers' },
  },
};
const customer = { stage: 'active', p_alive: 0.3, churn_risk: 0.7, clv: 999, churn_reason: 'stale reason from the run: last purchase 3 days ago', last_order_at: '2026-02-26T23:30:00.000Z' };

describe('the scores panel', () => {
  it('labels figures resting on an unreliable model and tells the view’s story, not the stale record’s', () => {
    const scores = Object.fromEntries(explainScores(customer, undefined, base).map((s) => [s.key, s]));
    expect(scores.p_alive.badge).toBe('Rough estimate');
    expect(scores.churn_risk.badge).toBe('Rough estimate');
    expect(scores.clv.value).toBe('Not estimated');
    expect(scores.clv.badge).toBe('Unreliable model');
    expect(scores.clv.explanation).toMatch(/^Not estimated: the purchase model is unreliable on this data: too few repeat buyers\.$/);
    expect(scores.churn_risk.explanation).toBe(`${base.reason!.charAt(0).toUpperCase()}${base.reason!.slice(1)}.`);
    expect(scores.stage.explanation).toMatch(/^Last bought 2 days ago/);
    // P(alive) and churn risk are one figure: 30% still buying, 70% churn risk.
    expect([scores.p_alive.value, scores.churn_risk.value]).toEqual(['30%', '70%']);
  });

  it('shows no warning when the model is reliable', () => {
    const reliable: CustomerScores = {
      ...base,
      basis: 'model',
      clv: 120,
      value_at_risk: 84,
      reliability: { p_alive: { reliable: true, note: 'estimated by the purchase model (BG/NBD) from their purchase history' }, clv: { reliable: true, note: 'expected spend' } },
    };
    const scores = explainScores(customer, undefined, reliable);
    expect(scores.map((s) => s.badge).filter(Boolean)).toEqual([]);
  });

  it('counts days like the server: calendar days in the business time zone', () => {
    const now = Date.parse('2026-03-01T10:00:00Z');
    // 23:30 UTC on 26 February is 27 February in Brussels: two days before 1 March there, three in UTC.
    expect(daysAgo(customer.last_order_at, 'Europe/Brussels', now)).toBe('2 days ago');
    expect(daysAgo(customer.last_order_at, 'UTC', now)).toBe('3 days ago');
  });
});
