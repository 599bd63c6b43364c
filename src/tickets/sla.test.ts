import { describe, expect, it } from 'vitest';
import { addBusinessMinutes, defaultSla, type SlaSettings } from './sla.js';

// Business minutes are real minutes inside the open windows: on the day clocks change, a window keeps its
// wall-clock opening and closing, and the minutes between them are the ones that really pass.
const closed: SlaSettings['hours'] = { sun: [], mon: [], tue: [], wed: [], thu: [], fri: [], sat: [] };
const weekdays = defaultSla.hours;
const allDay = Object.fromEntries(Object.keys(closed).map((d) => [d, [['00:00', '24:00']]])) as SlaSettings['hours'];
const due = (start: string, minutes: number, hours: SlaSettings['hours'], timeZone: string, holidays: string[] = []) =>
  addBusinessMinutes(new Date(start), minutes, { hours, holidays }, timeZone).toISOString();

describe('business-hours due times on daylight-saving days', () => {
  it('Brussels, spring forward (Sunday 29 March 2026): a Sunday opening at 09:00 is 09:00 summer time', () => {
    const sundays = { ...closed, sun: [['09:00', '17:00']] as [string, string][] };
    // Saturday 18:00 CET + 1 h: Sunday 09:00-10:00 CEST.
    expect(due('2026-03-28T17:00:00Z', 60, sundays, 'Europe/Brussels')).toBe('2026-03-29T08:00:00.000Z');
  });

  it('Brussels, spring forward: a 00:00-06:00 window holds five hours that day, the rest is counted on Monday', () => {
    const nights = { ...weekdays, sun: [['00:00', '06:00']] as [string, string][] };
    // Sunday 00:00 CET + 7 h: 5 h on Sunday, 2 h from Monday 09:00 CEST.
    expect(due('2026-03-28T23:00:00Z', 420, nights, 'Europe/Brussels')).toBe('2026-03-30T09:00:00.000Z');
  });

  it('Brussels, fall back (Sunday 25 October 2026): a 00:00-06:00 window holds seven hours that day', () => {
    const nights = { ...weekdays, sun: [['00:00', '06:00']] as [string, string][] };
    // Sunday 00:00 CEST + 8 h: 7 h on Sunday, 1 h from Monday 09:00 CET.
    expect(due('2026-10-24T22:00:00Z', 480, nights, 'Europe/Brussels')).toBe('2026-10-26T09:00:00.000Z');
    expect(due('2026-10-24T22:00:00Z', 420, nights, 'Europe/Brussels')).toBe('2026-10-25T05:00:00.000Z');
  });

  it('New York, spring forward (Sunday 8 March 2026) as a holiday: Monday counts from its midnight', () => {
    // Always open but the holiday: Saturday 12:00 EST + 24 h is 12 h on Saturday and 12 h of Monday (EDT).
    expect(due('2026-03-07T17:00:00Z', 1440, allDay, 'America/New_York', ['2026-03-08'])).toBe('2026-03-09T16:00:00.000Z');
    expect(due('2026-03-07T17:00:00Z', 1440, allDay, 'America/New_York')).toBe('2026-03-08T17:00:00.000Z');
  });

  it('New York, spring forward: a 01:00-04:00 window that day holds the two hours the clocks show', () => {
    const early = { ...weekdays, sun: [['01:00', '04:00']] as [string, string][] };
    // Sunday 00:00 EST + 150 min: 01:00 EST to 04:00 EDT is 2 h, then 30 min from Monday 09:00 EDT.
    expect(due('2026-03-08T05:00:00Z', 150, early, 'America/New_York')).toBe('2026-03-09T13:30:00.000Z');
  });

  it('New York, fall back (Sunday 1 November 2026) as a holiday: the 25-hour day is skipped whole', () => {
    expect(due('2026-10-31T16:00:00Z', 1440, allDay, 'America/New_York', ['2026-11-01'])).toBe('2026-11-02T17:00:00.000Z');
    // Always open: 24 real hours, whatever the clocks show.
    expect(due('2026-10-31T16:00:00Z', 1440, allDay, 'America/New_York')).toBe('2026-11-01T16:00:00.000Z');
  });

  it('a window ending at 24:00 runs to the next midnight, also when that day is 23 hours long', () => {
    const evenings = { ...closed, sun: [['20:00', '24:00']] as [string, string][], mon: [['00:00', '01:00']] as [string, string][] };
    // Sunday 29 March 20:00 CEST + 5 h: 4 h to Monday 00:00 CEST, then Monday 00:00-01:00.
    expect(due('2026-03-29T18:00:00Z', 300, evenings, 'Europe/Brussels')).toBe('2026-03-29T23:00:00.000Z');
  });
});
