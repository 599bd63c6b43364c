/**
 * Service levels: business hours (per weekday, in the business's time zone) and holidays, and targets
 * in business minutes for the first response and the resolution, per priority, with shorter ones for
 * a kind (complaints by default). Due times are found by walking the open windows from the start time.
 */
import { z } from '@hono/zod-openapi';
import type { Db } from '../core/database.js';
import { invalid } from '../core/errors.js';
import { zoneOffset } from '../core/day-count.js';
import { fromWallClock, wallClock } from '../core/wall-clock.js';
import { issuesToFields } from '../records/validation.js';
import { getBusinessSettings } from '../settings/business.js';
import { readSetting, writeSettingIn } from '../settings/store.js';

export const ticketPriorities = ['low', 'normal', 'high', 'urgent'] as const;
export type TicketPriority = (typeof ticketPriorities)[number];
export const ticketKinds = ['question', 'problem', 'complaint', 'request'] as const;
export type TicketKind = (typeof ticketKinds)[number];

const weekdays = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, { message: 'a time as HH:MM' });
const target = z.object({ first_response_minutes: z.number().int().min(1).max(525_600), resolution_minutes: z.number().int().min(1).max(5_256_000) }).strict();

export const slaSettingsSchema = z
  .object({
    hours: z
      .object(Object.fromEntries(weekdays.map((d) => [d, z.array(z.tuple([hhmm, hhmm])).max(4)])) as Record<(typeof weekdays)[number], z.ZodArray<z.ZodTuple<[typeof hhmm, typeof hhmm]>>>)
      .strict()
      .openapi({ description: 'Open windows per weekday (business time zone), e.g. mon: [["09:00","17:00"]]; an empty list: closed' }),
    holidays: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'a date as YYYY-MM-DD' })).max(400),
    targets: z.object({ low: target, normal: target, high: target, urgent: target }).strict().openapi({ description: 'Targets in business minutes per priority' }),
    kind_targets: z
      .object({ complaint: target.optional(), problem: target.optional(), question: target.optional(), request: target.optional() })
      .strict()
      .openapi({ description: 'Targets for a kind, where shorter than its priority’s' }),
    follow_up_days: z.number().int().min(0).max(3650).openapi({ description: 'Days after closing during which a reply reopens the ticket; later it opens a new ticket linked to the old' }),
    raise_priority: z
      .object({ enabled: z.boolean(), min_clv: z.number().min(0), min_churn_risk: z.number().min(0).max(1), to: z.enum(ticketPriorities) })
      .strict()
      .openapi({ description: 'An at-risk, high-value customer (CLV and churn risk at least these) raises a new ticket to this priority' }),
  })
  .strict()
  .openapi('TicketSlaSettings');
export type SlaSettings = z.infer<typeof slaSettingsSchema>;

const workday: [string, string][] = [['09:00', '17:00']];
export const defaultSla: SlaSettings = {
  hours: { sun: [], mon: workday, tue: workday, wed: workday, thu: workday, fri: workday, sat: [] },
  holidays: [],
  targets: {
    urgent: { first_response_minutes: 60, resolution_minutes: 480 },
    high: { first_response_minutes: 240, resolution_minutes: 960 },
    normal: { first_response_minutes: 480, resolution_minutes: 2400 },
    low: { first_response_minutes: 960, resolution_minutes: 4800 },
  },
  kind_targets: { complaint: { first_response_minutes: 120, resolution_minutes: 960 } },
  follow_up_days: 14,
  raise_priority: { enabled: true, min_clv: 1000, min_churn_risk: 0.5, to: 'high' },
};

const settingsKey = 'tickets.sla';

/** Read once per transaction (a ticket write asks several times); a write in the same transaction drops it. */
const perTransaction = new WeakMap<Db, Promise<SlaSettings>>();

export function getSlaSettings(db: Db): Promise<SlaSettings> {
  const isTransaction = db.isTransaction;
  const cached = isTransaction ? perTransaction.get(db) : undefined;
  if (cached) return cached;
  const read = readSetting<Partial<SlaSettings>>(db, settingsKey).then((stored) => ({ ...defaultSla, ...(stored ?? {}) }));
  if (isTransaction) perTransaction.set(db, read);
  return read;
}

export async function putSlaSettings(trx: Db, body: unknown): Promise<SlaSettings> {
  const parsed = slaSettingsSchema.safeParse(body);
  if (!parsed.success) throw invalid('the service-level settings are not valid', issuesToFields(parsed.error.issues));
  for (const [day, windows] of Object.entries(parsed.data.hours))
    for (const [from, to] of windows) if (from >= to) throw invalid(`${day}: a window must end after it starts`, { [`hours.${day}`]: ['a window must end after it starts'] });
  await writeSettingIn(trx, settingsKey, parsed.data);
  perTransaction.delete(trx);
  return parsed.data;
}

/** Targets for a ticket: the kind's where set and shorter, else the priority's. */
function targetsFor(sla: SlaSettings, kind: TicketKind, priority: TicketPriority) {
  const p = sla.targets[priority];
  const k = sla.kind_targets[kind];
  return k ? { first_response_minutes: Math.min(p.first_response_minutes, k.first_response_minutes), resolution_minutes: Math.min(p.resolution_minutes, k.resolution_minutes) } : p;
}

const minutesOf = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
const dayMs = 86_400_000;

/** The calendar day (as a UTC midnight) the clocks of `timeZone` show at an instant. */
function localDay(ms: number, timeZone: string): number {
  const w = wallClock(new Date(ms), timeZone);
  return Date.UTC(w.year, w.month - 1, w.day);
}

/** The instant the clocks show `minute` minutes after the start of `day` (24:00 is the next midnight). */
function instantOn(day: number, minute: number, timeZone: string): number {
  const d = new Date(day + Math.floor(minute / 1440) * dayMs);
  return fromWallClock({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: Math.floor((minute % 1440) / 60), minute: minute % 60, second: 0 }, timeZone).getTime();
}

/** A day's open windows as instants: one offset for the day when the clocks do not change near it (two look-ups), else each bound on its own. */
function windowsOn(day: number, windows: readonly (readonly [string, string, ...unknown[]])[], timeZone: string): (readonly [number, number])[] {
  if (!windows.length) return [];
  const offset = zoneOffset(day - dayMs, timeZone);
  const steady = zoneOffset(day + 2 * dayMs, timeZone) === offset;
  const at = (minute: number) => (steady ? day + minute * 60_000 - offset : instantOn(day, minute, timeZone));
  return windows.map(([a, b]) => [at(minutesOf(a)), at(minutesOf(b))] as const).sort((x, y) => x[0] - y[0]);
}

/**
 * The instant `minutes` business minutes after `start`: time outside the open windows and on holidays
 * does not count. With no open window in the week the target is counted in calendar minutes.
 * Each day's windows become instants from their wall-clock bounds, so on a daylight-saving day a 09:00
 * opening is 09:00 on the clocks and a window spanning the change holds the minutes that really pass.
 */
export function addBusinessMinutes(start: Date, minutes: number, sla: Pick<SlaSettings, 'hours' | 'holidays'>, timeZone: string): Date {
  if (!Object.values(sla.hours).some((w) => w.length > 0)) return new Date(start.getTime() + minutes * 60_000);
  const holidays = new Set(sla.holidays);
  let at = start.getTime();
  let left = minutes * 60_000;
  // Ten years of days at most: every week has an open window, so only holidays can stretch the walk.
  for (let day = localDay(at, timeZone), guard = 0; guard < 3660; day += dayMs, guard++) {
    if (holidays.has(new Date(day).toISOString().slice(0, 10))) continue;
    for (const [open, close] of windowsOn(day, sla.hours[weekdays[new Date(day).getUTCDay()]], timeZone)) {
      const from = Math.max(open, at);
      if (from >= close) continue;
      if (close - from >= left) return new Date(from + left);
      left -= close - from;
      at = close;
    }
  }
  return new Date(at + left);
}

export async function dueTimes(db: Db, kind: TicketKind, priority: TicketPriority, from: Date) {
  const sla = await getSlaSettings(db);
  const { timeZone } = await getBusinessSettings(db);
  const t = targetsFor(sla, kind, priority);
  return {
    first_response_due_at: addBusinessMinutes(from, t.first_response_minutes, sla, timeZone).toISOString(),
    resolution_due_at: addBusinessMinutes(from, t.resolution_minutes, sla, timeZone).toISOString(),
  };
}
