import { describe, expect, it } from 'vitest';
import { addCustomerMonths, RollupDeltas, type CustomerMonth } from './contributions.js';

const month = (m: string, orders: number, cents: number, last_day: string): CustomerMonth => ({ customer_id: 'c1', month: m, segment_id: 's1', orders, revenue_cents: cents, last_day });

describe('rollup contributions', () => {
  it('keys each active month by the previous one, the cohort by the first, and the last order day', () => {
    const deltas = new RollupDeltas();
    addCustomerMonths(deltas, [month('2025-01', 2, 15000, '2025-01-20'), month('2025-03', 1, 3000, '2025-03-10')], 1);
    const changed = Object.fromEntries(deltas.changed());
    expect(changed.report_activity).toEqual([
      { keys: ['s1', '2025-01', ''], values: [1, 2, 15000] },
      { keys: ['s1', '2025-03', '2025-01'], values: [1, 1, 3000] },
    ]);
    expect(changed.report_cohorts).toEqual([
      { keys: ['2025-01', '2025-01'], values: [1] },
      { keys: ['2025-01', '2025-03'], values: [1] },
    ]);
    expect(changed.report_last_days).toEqual([{ keys: ['2025-03-10'], values: [1] }]);
  });

  it('cancels what a write did not change and keeps only the difference', () => {
    const deltas = new RollupDeltas();
    addCustomerMonths(deltas, [month('2025-01', 2, 15000, '2025-01-20')], -1);
    addCustomerMonths(deltas, [month('2025-01', 3, 15500, '2025-01-20')], 1);
    expect(deltas.changed()).toEqual([['report_activity', [{ keys: ['s1', '2025-01', ''], values: [0, 1, 500] }]]]);
  });
});
