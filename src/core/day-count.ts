/**
 * The one way Rapport counts days: calendar days in the business's time zone. A purchase at 23:30 in
 * Brussels on 4 March is on 4 March, whatever UTC says, and "2 days ago" means two midnights have passed
 * there. Pure and dependency-free: the server (insight runs, the customer view, the contact list) and the
 * web app import this same file, so a day count shown twice is the same number.
 */

const dayMs = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric', hourCycle: 'h23' });
    formatters.set(timeZone, f);
  }
  return f;
}

/** How far the wall clock in `timeZone` is ahead of UTC at instant `ms`, in milliseconds. */
export function zoneOffset(ms: number, timeZone: string): number {
  const p: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(ms)) if (part.type !== 'literal') p[part.type] = Number(part.value);
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return wall - (ms - (((ms % 1000) + 1000) % 1000));
}

function toMillis(instant: string | number | Date): number {
  if (typeof instant === 'number') return instant;
  if (instant instanceof Date) return instant.getTime();
  return Date.parse(instant);
}

const bareDate = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Calendar day number (days since 1970-01-01) of an instant, as seen in `timeZone`; NaN when the instant
 * cannot be read. A bare date YYYY-MM-DD is that calendar day wherever the business is.
 */
export function dayNumber(instant: string | number | Date, timeZone = 'UTC'): number {
  const ms = toMillis(instant);
  if (!Number.isFinite(ms)) return NaN;
  if (timeZone === 'UTC' || (typeof instant === 'string' && bareDate.test(instant))) return Math.floor(ms / dayMs);
  return Math.floor((ms + zoneOffset(ms, timeZone)) / dayMs);
}

/** The calendar date YYYY-MM-DD of a day number. */
export function dateOfDay(day: number): string {
  return new Date(day * dayMs).toISOString().slice(0, 10);
}

/** Whole calendar days from `then` to `now` in `timeZone` (0 = the same day); null when `then` is missing or unreadable. */
export function daysSince(then: unknown, now: string | number | Date = Date.now(), timeZone = 'UTC'): number | null {
  if ((typeof then !== 'string' || then === '') && typeof then !== 'number' && !(then instanceof Date)) return null;
  const from = dayNumber(then, timeZone);
  const to = dayNumber(now, timeZone);
  if (!Number.isFinite(from) || !Number.isFinite(to)) return null;
  return Math.max(0, to - from);
}

/** "today", "yesterday", "3 days ago". */
export function daysAgoText(days: number): string {
  return days <= 0 ? 'today' : days === 1 ? 'yesterday' : `${days} days ago`;
}

/** "1 day", "3 days". */
export function dayCountText(days: number): string {
  return `${days} day${days === 1 ? '' : 's'}`;
}

/**
 * A fast day-number reader for many timestamps in one zone (an insight run reads every order): the zone's
 * offset is looked up once per distinct UTC hour, and ISO strings are parsed without a Date per row.
 */
export function dayCounter(timeZone = 'UTC'): (iso: string) => number {
  const utcMs = (iso: string) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10), +iso.slice(11, 13) || 0, +iso.slice(14, 16) || 0, +iso.slice(17, 19) || 0);
  const utcIso = (iso: string) => iso.length === 10 || iso.endsWith('Z');
  if (timeZone === 'UTC') return (iso) => (utcIso(iso) ? Math.floor(utcMs(iso) / dayMs) : dayNumber(iso));
  const offsetByHour = new Map<string, number>();
  return (iso) => {
    if (iso.length === 10) return dayNumber(iso);
    if (!utcIso(iso)) return dayNumber(iso, timeZone);
    const ms = utcMs(iso);
    const hour = iso.slice(0, 13);
    let offset = offsetByHour.get(hour);
    if (offset === undefined) {
      offset = zoneOffset(Math.floor(ms / 3_600_000) * 3_600_000, timeZone);
      offsetByHour.set(hour, offset);
    }
    return Math.floor((ms + offset) / dayMs);
  };
}
