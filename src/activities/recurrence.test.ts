import { describe, expect, it } from 'vitest';
import { fromWallClock, wallClock } from '../core/wall-clock.js';
import { nextOccurrence, normaliseRecurrence, RecurrenceError } from './recurrence.js';

describe('task recurrence rules', () => {
  it('keeps the wall-clock time across DST changes in the business time zone', () => {
    // Brussels moves to summer time on 29 March 2026 and back on 25 October 2026.
    expect(nextOccurrence('FREQ=WEEKLY', '2026-03-23T08:00:00.000Z', 'Europe/Brussels')?.dueAt).toBe('2026-03-30T07:00:00.000Z');
    expect(nextOccurrence('FREQ=WEEKLY', '2026-10-19T08:00:00.000Z', 'Europe/Brussels')?.dueAt).toBe('2026-10-26T09:00:00.000Z');
    // New York on 8 March 2026.
    expect(nextOccurrence('RRULE:FREQ=DAILY', '2026-03-07T14:00:00.000Z', 'America/New_York')?.dueAt).toBe('2026-03-08T13:00:00.000Z');
    // In UTC nothing moves.
    expect(nextOccurrence('FREQ=WEEKLY', '2026-03-23T08:00:00.000Z', 'UTC')?.dueAt).toBe('2026-03-30T08:00:00.000Z');
  });

  it('moves a time skipped by the spring change forward by the gap', () => {
    // 02:30 does not exist in Brussels on 29 March 2026: 03:30 CEST.
    expect(nextOccurrence('FREQ=DAILY', '2026-03-28T01:30:00.000Z', 'Europe/Brussels')?.dueAt).toBe('2026-03-29T01:30:00.000Z');
  });

  it('follows BYDAY, INTERVAL and month ends', () => {
    // Wednesday 4 March 2026 09:00 UTC; next Monday or Friday.
    expect(nextOccurrence('FREQ=WEEKLY;BYDAY=MO,FR', '2026-03-04T09:00:00.000Z', 'UTC')?.dueAt).toBe('2026-03-06T09:00:00.000Z');
    expect(nextOccurrence('FREQ=DAILY;INTERVAL=3', '2026-03-04T09:00:00.000Z', 'UTC')?.dueAt).toBe('2026-03-07T09:00:00.000Z');
    // The last day of each month.
    expect(nextOccurrence('FREQ=MONTHLY;BYMONTHDAY=-1', '2026-01-31T09:00:00.000Z', 'UTC')?.dueAt).toBe('2026-02-28T09:00:00.000Z');
  });

  it('counts COUNT down and ends the series, and stops after UNTIL', () => {
    const second = nextOccurrence('FREQ=DAILY;COUNT=3', '2026-03-01T09:00:00.000Z', 'UTC');
    expect(second).toEqual({ dueAt: '2026-03-02T09:00:00.000Z', recurrence: 'FREQ=DAILY;COUNT=2' });
    const third = nextOccurrence(second!.recurrence!, second!.dueAt, 'UTC');
    expect(third).toEqual({ dueAt: '2026-03-03T09:00:00.000Z', recurrence: 'FREQ=DAILY;COUNT=1' });
    expect(nextOccurrence(third!.recurrence!, third!.dueAt, 'UTC')).toBeNull();
    expect(nextOccurrence('FREQ=DAILY;UNTIL=20260302T235959Z', '2026-03-02T09:00:00.000Z', 'UTC')).toBeNull();
  });

  it('refuses malformed rules with a reason, without handing them to the parser', () => {
    for (const bad of [
      '',
      'FREQ=SOMETIMES',
      'BYDAY=MO',
      'FREQ=DAILY;INTERVAL=x',
      'FREQ=DAILY;INTERVAL=0',
      'FREQ=DAILY;FOO=1',
      'FREQ=DAILY;BYDAY=XX',
      'FREQ=DAILY;COUNT=2;UNTIL=20260101',
      'FREQ=DAILY;FREQ=WEEKLY',
      'FREQ=MINUTELY',
      'FREQ=DAILY\nDTSTART:20260101T000000Z',
      'garbage',
    ]) {
      expect(() => normaliseRecurrence(bad), bad).toThrow(RecurrenceError);
    }
    expect(normaliseRecurrence(' rrule:freq=weekly;byday=mo ')).toBe('FREQ=WEEKLY;BYDAY=MO');
  });
});

describe('wall clock', () => {
  it('reads and writes wall times, taking the first of a time shown twice', () => {
    expect(wallClock(new Date('2026-07-01T10:00:00Z'), 'Europe/Brussels')).toMatchObject({ hour: 12, day: 1, month: 7 });
    expect(fromWallClock({ year: 2026, month: 7, day: 1, hour: 12, minute: 0, second: 0 }, 'Europe/Brussels').toISOString()).toBe('2026-07-01T10:00:00.000Z');
    // 02:30 on 25 October 2026 happens twice in Brussels: first at 00:30 UTC (CEST).
    expect(fromWallClock({ year: 2026, month: 10, day: 25, hour: 2, minute: 30, second: 0 }, 'Europe/Brussels').toISOString()).toBe('2026-10-25T00:30:00.000Z');
  });
});
