import { describe, expect, it } from 'vitest';
import { addCustomerMonths, RollupDeltas, type CustomerMonth } from './contributions.js';
import { RangeFigures } from './range-figures.js';

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

describe('range figures of one customer', () => {
  const orders = [
    { at: '2025-01-05T10:00:00.000Z', cents: 1000 },
    { at: '2025-01-25T10:00:00.000Z', cents: 500 },
    { at: '2025-02-10T10:00:00.000Z', cents: 200 },
  ];

  it('counts a buyer once per month and once in the range, and as new where the first order falls', () => {
    const f = new RangeFigures();
    f.addCustomer(orders, 's1', { from: '2025-01-01', toExclusive: '2025-03-01' }, 1);
    expect(Object.fromEntries(f.months)).toEqual({
      '2025-01': { cents: 1500, orders: 2, customers: 1, newCustomers: 1 },
      '2025-02': { cents: 200, orders: 1, customers: 1, newCustomers: 0 },
    });
    expect(f.buyers).toBe(1);
    expect(Object.fromEntries(f.segments)).toEqual({ s1: { cents: 1700, orders: 3, customers: 1 } });
    expect(Object.fromEntries(f.cohorts.get('2025-01')!)).toEqual({ '2025-01': 1, '2025-02': 1 });
  });

  it('is not new in a range that starts after the first order, and removal undoes addition', () => {
    const f = new RangeFigures();
    const window = { from: '2025-01-10', toExclusive: '2025-02-01' };
    f.addCustomer(orders, 's1', window, 1);
    expect(f.months.get('2025-01')).toEqual({ cents: 500, orders: 1, customers: 1, newCustomers: 0 });
    expect(f.cohorts.size).toBe(0);
    f.addCustomer(orders, 's1', window, -1);
    expect(f.months.get('2025-01')).toEqual({ cents: 0, orders: 0, customers: 0, newCustomers: 0 });
    expect(f.buyers).toBe(0);
  });
});
