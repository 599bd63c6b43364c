import { describe, expect, it } from 'vitest';
import { addDays, addMonths, nextTerm } from './dates.js';

describe('contract dates', () => {
  it('adds days and months on calendar dates', () => {
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-11-15', 3)).toBe('2027-02-15');
  });

  it('renews a term of whole months by months and any other term by days', () => {
    expect(nextTerm('2026-01-01', '2026-12-31')).toEqual({ startsOn: '2027-01-01', endsOn: '2027-12-31' });
    // A year over a leap day stays a year.
    expect(nextTerm('2027-03-01', '2028-02-29')).toEqual({ startsOn: '2028-03-01', endsOn: '2029-02-28' });
    expect(nextTerm('2026-03-15', '2026-06-14')).toEqual({ startsOn: '2026-06-15', endsOn: '2026-09-14' });
    expect(nextTerm('2026-03-01', '2026-03-10')).toEqual({ startsOn: '2026-03-11', endsOn: '2026-03-20' });
  });
});
