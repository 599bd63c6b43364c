/**
 * Task recurrence: RFC 5545 RRULE text, checked strictly before the rrule package sees it (it loops
 * forever on some malformed values, e.g. INTERVAL=x), and the next occurrence of a task counted in
 * wall-clock time of the business time zone, so "every Monday 09:00" stays 09:00 across DST changes.
 */
import * as rrulePackage from 'rrule';
import { wallClock, fromWallClock } from '../core/wall-clock.js';

// The package is CommonJS for Node (its classes under `default`) and ES modules for bundlers.
const { RRule } = ((rrulePackage as unknown as { default?: typeof rrulePackage }).default ?? rrulePackage) as typeof rrulePackage;

const weekday = '(?:MO|TU|WE|TH|FR|SA|SU)';
const intList =
  (min: number, max: number, zero = false) =>
  (value: string) =>
    value.split(',').every((v) => /^[+-]?\d{1,3}$/.test(v) && Number(v) >= min && Number(v) <= max && (zero || Number(v) !== 0));

/** Each part the rule may carry and how its value is checked. DTSTART comes from the task's due time. */
const parts: Record<string, (value: string) => boolean> = {
  FREQ: (v) => ['YEARLY', 'MONTHLY', 'WEEKLY', 'DAILY', 'HOURLY'].includes(v),
  INTERVAL: (v) => /^\d{1,4}$/.test(v) && Number(v) >= 1,
  COUNT: (v) => /^\d{1,4}$/.test(v) && Number(v) >= 1,
  UNTIL: (v) => /^\d{8}(T\d{6}Z?)?$/.test(v) && !Number.isNaN(Date.parse(`${v.slice(0, 4)}-${v.slice(4, 6)}-${v.slice(6, 8)}T00:00:00Z`)),
  BYDAY: (v) => v.split(',').every((d) => new RegExp(`^[+-]?(?:[1-9]|[1-4]\\d|5[0-3])?${weekday}$`).test(d)),
  BYMONTHDAY: intList(-31, 31),
  BYMONTH: intList(1, 12),
  BYYEARDAY: intList(-366, 366),
  BYWEEKNO: intList(-53, 53),
  BYSETPOS: intList(-366, 366),
  BYHOUR: intList(0, 23, true),
  BYMINUTE: intList(0, 59, true),
  WKST: (v) => new RegExp(`^${weekday}$`).test(v),
};

export class RecurrenceError extends Error {}

/**
 * The rule in canonical form (upper case, no "RRULE:" prefix, parts in the order given), or a
 * RecurrenceError saying what is wrong.
 */
export function normaliseRecurrence(text: string): string {
  const body = text
    .trim()
    .replace(/^RRULE:/i, '')
    .toUpperCase();
  if (!body) throw new RecurrenceError('is empty');
  if (/[\r\n]/.test(body)) throw new RecurrenceError('must be one RRULE line (no DTSTART or EXDATE)');
  const seen = new Set<string>();
  for (const part of body.split(';')) {
    const [key, value, ...rest] = part.split('=');
    if (!key || value === undefined || rest.length) throw new RecurrenceError(`"${part}" is not KEY=VALUE`);
    const check = parts[key];
    if (!check) throw new RecurrenceError(`${key} is not an RRULE part Rapport accepts (${Object.keys(parts).join(', ')})`);
    if (seen.has(key)) throw new RecurrenceError(`${key} is given twice`);
    seen.add(key);
    if (!check(value)) throw new RecurrenceError(`${key}=${value} is not a valid value`);
  }
  if (!seen.has('FREQ')) throw new RecurrenceError('needs FREQ (YEARLY, MONTHLY, WEEKLY, DAILY or HOURLY)');
  if (seen.has('COUNT') && seen.has('UNTIL')) throw new RecurrenceError('may have COUNT or UNTIL, not both');
  try {
    RRule.parseString(body);
  } catch (e) {
    throw new RecurrenceError((e as Error).message);
  }
  return body;
}

/** A wall-clock time as a Date whose UTC fields hold it (how rrule works without time zones). */
const floating = (w: ReturnType<typeof wallClock>) => new Date(Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second));

export interface NextOccurrence {
  /** The next due time (UTC ISO). */
  dueAt: string;
  /** The rule the next task carries: COUNT goes down by one, so the series ends where it should. */
  recurrence: string | null;
}

/**
 * The occurrence after `dueAt` (an ISO instant) of a rule anchored at it, in the time zone's wall
 * clock; null when the rule has no more occurrences (COUNT used up, UNTIL passed).
 */
export function nextOccurrence(rule: string, dueAt: string, timeZone: string): NextOccurrence | null {
  const body = normaliseRecurrence(rule);
  const options = RRule.parseString(body);
  if (options.count !== undefined && options.count !== null && options.count <= 1) return null;
  const start = floating(wallClock(new Date(dueAt), timeZone));
  const next = new RRule({ ...options, dtstart: start, count: null }).after(start, false);
  if (!next) return null;
  if (options.until && next.getTime() > options.until.getTime()) return null;
  const instant = fromWallClock(
    { year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate(), hour: next.getUTCHours(), minute: next.getUTCMinutes(), second: next.getUTCSeconds() },
    timeZone,
  );
  const recurrence = options.count ? body.replace(/COUNT=\d+/, `COUNT=${options.count - 1}`) : body;
  return { dueAt: instant.toISOString(), recurrence };
}
