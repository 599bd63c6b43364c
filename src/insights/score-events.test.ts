import { describe, expect, it } from 'vitest';
import { crossings, defaultScoreThresholds, scoreEvents } from './score-events.js';

describe('insight run events', () => {
  it('finds each threshold crossed, in either direction, and none from a first score', () => {
    expect(crossings(0.45, 0.25, [0.3, 0.5])).toEqual([{ threshold: 0.3, direction: 'down' }]);
    expect(crossings(0.6, 0.2, [0.3, 0.5])).toEqual([
      { threshold: 0.3, direction: 'down' },
      { threshold: 0.5, direction: 'down' },
    ]);
    expect(crossings(0.3, 0.31, [0.3])).toEqual([{ threshold: 0.3, direction: 'up' }]);
    expect(crossings(0.31, 0.3, [0.3])).toEqual([{ threshold: 0.3, direction: 'down' }]);
    expect(crossings(null, 0.1, [0.3])).toEqual([]);
    expect(crossings(0.5, 0.4, [0.3])).toEqual([]);
  });

  it('emits a stage change and the crossings of P(alive) and churn risk', () => {
    const events = scoreEvents('cus_1', { stage: 'active', p_alive: 0.8, churn_risk: 0.4, clv: 300 }, { stage: 'inactive', p_alive: 0.2, churn_risk: 0.75, clv: 120 }, defaultScoreThresholds, 'run_1');
    expect(events.map((e) => [e.type, e.data?.score ?? null, e.data?.direction ?? null])).toEqual([
      ['customer.stage_changed', null, null],
      ['customer.score_crossed', 'p_alive', 'down'],
      ['customer.score_crossed', 'churn_risk', 'up'],
    ]);
    expect(events[0].data).toEqual({ from: 'active', to: 'inactive', run_id: 'run_1' });
    expect(scoreEvents('cus_2', { stage: null, p_alive: null, churn_risk: null, clv: null }, { stage: 'churned', p_alive: 0.1, churn_risk: 0.9, clv: 0 }, defaultScoreThresholds, 'run_1')).toEqual([]);
  });
});
