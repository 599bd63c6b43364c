/**
 * Wall-clock times in a time zone and back: what a clock on the wall in Brussels shows at an instant,
 * and the instant at which it shows a given time. Pure, over the zone offsets of src/core/day-count.ts.
 */
import { zoneOffset } from './day-count.js';

export interface WallClock {
  year: number;
  /** 1-12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

export function wallClock(instant: Date, timeZone: string): WallClock {
  const d = new Date(instant.getTime() + zoneOffset(instant.getTime(), timeZone));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds() };
}

/**
 * The instant at which the zone's clocks show this wall time. A time skipped by a spring-forward
 * change (02:30 on the last Sunday of March in Brussels) moves forward by the gap, as calendars do;
 * a time shown twice in autumn is the first of the two.
 */
export function fromWallClock(w: WallClock, timeZone: string): Date {
  const local = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  // The offset before and after the change near this time; try the earlier one first.
  const before = zoneOffset(local - 86_400_000, timeZone);
  const after = zoneOffset(local + 86_400_000, timeZone);
  for (const offset of [Math.max(before, after), Math.min(before, after)]) {
    const candidate = local - offset;
    if (zoneOffset(candidate, timeZone) === offset) return new Date(candidate);
  }
  // Skipped wall time: read it with the offset from before the change, which lands after the gap.
  return new Date(local - before);
}
