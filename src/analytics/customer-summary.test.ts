import { describe, it, expect } from 'vitest';
import { dayNumberFromYmd, summarizeCustomers } from './customer-summary.js';
import { cdnowWeeklySummary, readPublishedCdnowSummary } from './cdnow.fixture.js';

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

  it('reproduces the published CDNOW calibration summary for every customer', () => {
    const { header, rows } = readPublishedCdnowSummary();
    expect(header).toBe('ID,x,t_x,T,zbar');
    expect(rows).toHaveLength(2357);
    const summary = cdnowWeeklySummary();
    expect(summary.customer).toHaveLength(rows.length);
    const mismatches: string[] = [];
    rows.forEach((row, i) => {
      const ok =
        summary.customer[i] === row.id &&
        summary.frequency[i] === row.x &&
        summary.recency[i] === row.tx &&
        summary.age[i] === row.T &&
        Math.abs(summary.monetary[i] - row.zbar) <= 0.005 + 1e-9;
      if (!ok) mismatches.push(`${row.id}`);
    });
    expect(mismatches).toEqual([]);
  });
});
