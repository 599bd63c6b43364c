import { describe, it, expect } from 'vitest';
import { dayNumberFromYmd, summarizeCustomers } from './customer-summary.js';

describe('summarizeCustomers', () => {
  it('merges same-day purchases and ignores purchases after the observation end', () => {
    const d = dayNumberFromYmd;
    const summary = summarizeCustomers(
      {
        customer: Int32Array.from([5, 5, 5, 5, 2, 5]),
        day: Float64Array.from([d(20240110), d(20240101), d(20240110), d(20240120), d(20240115), d(20240301)]),
        amount: Float64Array.from([10, 99, 5, 30, 7, 1000]),
      },
      { observationEnd: d(20240131) },
    );
    expect(Array.from(summary.customer)).toEqual([2, 5]);
    expect(Array.from(summary.frequency)).toEqual([0, 2]);
    expect(Array.from(summary.recency)).toEqual([0, 19]);
    expect(Array.from(summary.age)).toEqual([16, 30]);
    // Repeat days: Jan 10 (10 + 5) and Jan 20 (30); the first purchase is excluded.
    expect(Array.from(summary.monetary)).toEqual([0, 22.5]);
  });

  it('reports time in weeks and rounds when asked', () => {
    const d = dayNumberFromYmd;
    const summary = summarizeCustomers(
      { customer: Int32Array.from([0, 0]), day: Float64Array.from([d(19970101), d(19970118)]), amount: Float64Array.from([29.33, 29.73]) },
      { observationEnd: d(19970930), unit: 'weeks', decimals: 2 },
    );
    expect(summary.recency[0]).toBe(2.43);
    expect(summary.age[0]).toBe(38.86);
    expect(summary.monetary[0]).toBe(29.73);
  });
});
