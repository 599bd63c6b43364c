/**
 * Date ranges and buckets of the reports: validated YYYY-MM-DD bounds, day / week (Monday) / month
 * labels in SQL and in JS, and the churn arithmetic on last-order days.
 */
import { sql, type RawBuilder } from 'kysely';
import type { DialectName } from '../core/database.js';
import { toNumber } from '../core/database.js';
import { mondayOf } from '../core/dialect.js';
import { invalid } from '../core/errors.js';

export type Bucket = 'day' | 'week' | 'month';

export interface RangeParams {
  from?: string;
  to?: string;
  bucket?: Bucket;
}

export interface Range {
  from: string;
  to: string;
  /** Exclusive upper bound as an ISO timestamp prefix: the day after `to`. */
  toExclusive: string;
  bucket: Bucket;
}

const dayMs = 86_400_000;
export const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const isDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(s));

/**
 * The range asked for. Without `from`, the last `defaultMonths` months as the dashboard's default
 * ("Last 12 months") counts them: from the first day of the month `defaultMonths - 1` months before
 * `to`, so `defaultMonths` month buckets including the current one. Without `to`, today in UTC: the
 * routes pass today in the business time zone.
 */
export function resolveRange(p: RangeParams, defaultMonths = 12): Range {
  const today = isoDay(Date.now());
  const to = p.to ?? today;
  if (!isDate(to)) throw invalid('to must be a date YYYY-MM-DD', { to: ['must be a date YYYY-MM-DD'] });
  let from = p.from;
  if (from === undefined) {
    const d = new Date(`${to}T00:00:00Z`);
    d.setUTCDate(1);
    d.setUTCMonth(d.getUTCMonth() - (defaultMonths - 1));
    from = isoDay(d.getTime());
  }
  if (!isDate(from)) throw invalid('from must be a date YYYY-MM-DD', { from: ['must be a date YYYY-MM-DD'] });
  if (from > to) throw invalid('from must not be after to', { from: ['must not be after to'] });
  const bucket = p.bucket ?? 'month';
  if (!['day', 'week', 'month'].includes(bucket)) throw invalid('bucket must be day, week or month', { bucket: ['must be day, week or month'] });
  return { from, to, toExclusive: isoDay(Date.parse(`${to}T00:00:00Z`) + dayMs), bucket };
}

/** The bucket label of an ISO timestamp column: YYYY-MM-DD (day, Monday of the week) or YYYY-MM. */
export function bucketExpr(dialect: DialectName, column: string, bucket: Bucket): RawBuilder<string> {
  const ref = sql.ref(column);
  if (bucket === 'month') return sql<string>`substr(${ref}, 1, 7)`;
  if (bucket === 'day') return sql<string>`substr(${ref}, 1, 10)`;
  return mondayOf(dialect, sql<string>`substr(${ref}, 1, 10)`);
}

/** The same bucketing in JS for a YYYY-MM-DD day. */
function bucketOfDay(day: string, bucket: Bucket): string {
  if (bucket === 'month') return day.slice(0, 7);
  if (bucket === 'day') return day;
  const ms = Date.parse(`${day}T00:00:00Z`);
  const weekday = (new Date(ms).getUTCDay() + 6) % 7; // Monday = 0
  return isoDay(ms - weekday * dayMs);
}

/** Every bucket label from `from` to `to`, so that empty periods show as zeros. */
export function bucketsBetween(from: string, to: string, bucket: Bucket): string[] {
  const out: string[] = [];
  let ms = Date.parse(`${from}T00:00:00Z`);
  const end = Date.parse(`${to}T00:00:00Z`);
  let last = '';
  while (ms <= end) {
    const b = bucketOfDay(isoDay(ms), bucket);
    if (b !== last) out.push(b);
    last = b;
    if (bucket === 'month') {
      const d = new Date(ms);
      ms = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
    } else ms += bucket === 'day' ? dayMs : 7 * dayMs;
  }
  // The last partial period.
  const final = bucketOfDay(to, bucket);
  if (out[out.length - 1] !== final) out.push(final);
  return out;
}

export const num = (v: unknown) => toNumber(v) ?? 0;
export const round2 = (v: number) => Math.round(v * 100) / 100;

/** The days of a window [from, toExclusive) of YYYY-MM-DD days (a Range is one). */
export const windowDays = (w: { from: string; toExclusive: string }) => (Date.parse(w.toExclusive) - Date.parse(w.from)) / dayMs;

/** The day after a YYYY-MM-DD day, shifted by `days` (may be negative). */
const shiftDay = (day: string, days: number) => isoDay(Date.parse(`${day}T00:00:00Z`) + days * dayMs);

/** The last-order days whose customers churn inside the range: [from - churnDays, toExclusive - churnDays). */
export const lastDayWindow = (r: Range, churnDays: number) => ({ from: shiftDay(r.from, -churnDays), toExclusive: shiftDay(r.toExclusive, -churnDays) });

/**
 * Churned customers per period from counts of customers per last-order day: a customer churns
 * `churnDays` after the last order (if nothing came since), and never later than today.
 */
export function churnedByPeriod(lastDays: { day: string; n: number }[], r: Range, churnDays: number, today = isoDay(Date.now())): Map<string, number> {
  const churned = new Map<string, number>();
  for (const row of lastDays) {
    const churnDay = shiftDay(row.day, churnDays + 1);
    if (churnDay > today || churnDay > r.to) continue;
    const period = bucketOfDay(churnDay, r.bucket);
    churned.set(period, (churned.get(period) ?? 0) + row.n);
  }
  return churned;
}
