import { describe, expect, it } from 'vitest';
import { dayCounter, dayNumber, daysAgoText, daysSince } from './day-count.js';

describe('day count', () => {
  it('counts calendar days in the business time zone, not elapsed 24-hour blocks', () => {
    // 25 hours apart across two midnights: 2 days (flooring elapsed time says 1).
    expect(daysSince('2026-03-02T23:30:00.000Z', '2026-03-04T00:30:00.000Z', 'UTC')).toBe(2);
    // 47 hours apart across two midnights: 2 days (rounding elapsed time says 2 as well, flooring 1).
    expect(daysSince('2026-03-02T23:00:00.000Z', '2026-03-04T22:00:00.000Z', 'UTC')).toBe(2);
    // 36 hours apart across one midnight: 1 day (rounding elapsed time says 2).
    expect(daysSince('2026-03-03T00:00:00.000Z', '2026-03-04T12:00:00.000Z', 'UTC')).toBe(1);
  });

  it('puts an evening order in Brussels on its Brussels date', () => {
    // 23:30 UTC on 4 March is 00:30 on 5 March in Brussels (UTC+1 in winter).
    expect(dayNumber('2026-03-04T23:30:00.000Z', 'Europe/Brussels') - dayNumber('2026-03-04T23:30:00.000Z', 'UTC')).toBe(1);
    // 03:00 UTC on 5 March is still 4 March in New York (UTC-5).
    expect(dayNumber('2026-03-05T03:00:00.000Z', 'America/New_York')).toBe(dayNumber('2026-03-04', 'UTC'));
    // Half-hour zones: midnight in Kolkata is 18:30 UTC.
    expect(dayNumber('2026-03-04T18:29:00.000Z', 'Asia/Kolkata')).toBe(dayNumber('2026-03-04'));
    expect(dayNumber('2026-03-04T18:31:00.000Z', 'Asia/Kolkata')).toBe(dayNumber('2026-03-05'));
  });

  it('reads many timestamps the same way as one at a time, across a DST change', () => {
    const zones = ['UTC', 'Europe/Brussels', 'America/New_York', 'Asia/Kolkata', 'Australia/Sydney'];
    const start = Date.parse('2026-03-27T00:00:00Z');
    for (const zone of zones) {
      const count = dayCounter(zone);
      for (let k = 0; k < 24 * 4 * 4; k++) {
        const iso = new Date(start + k * 15 * 60_000 + 7_000).toISOString();
        expect(count(iso), `${zone} ${iso}`).toBe(dayNumber(iso, zone));
      }
    }
  });

  it('takes a bare date as that day everywhere, says days in words, and returns null for what it cannot read', () => {
    expect(dayNumber('2026-03-04', 'Pacific/Auckland')).toBe(dayNumber('2026-03-04', 'America/Los_Angeles'));
    expect([0, 1, 5].map(daysAgoText)).toEqual(['today', 'yesterday', '5 days ago']);
    expect(daysSince(null)).toBeNull();
    expect(daysSince('not a date')).toBeNull();
    expect(daysSince('2026-03-05T10:00:00Z', '2026-03-04T10:00:00Z')).toBe(0);
  });
});
