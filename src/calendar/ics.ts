/**
 * An RFC 5545 calendar as text: events with a time (in the business time zone, with its VTIMEZONE so
 * recurring events keep their wall-clock time across DST) or all-day events, escaped and folded.
 * Pure: the feed route hands it plain items.
 */
import { tzlib_get_ical_block } from 'timezones-ical-library';
import { zoneOffset } from '../core/day-count.js';

export interface TimedItem {
  uid: string;
  summary: string;
  description?: string;
  /** UTC instant (ISO). */
  start: string;
  durationMinutes: number;
  /** RRULE text without the "RRULE:" prefix. */
  rrule?: string | null;
  priority?: 'low' | 'normal' | 'high' | 'urgent' | null;
}

export interface AllDayItem {
  uid: string;
  summary: string;
  description?: string;
  /** YYYY-MM-DD */
  date: string;
}

export interface CalendarInput {
  name: string;
  timeZone: string;
  timed: TimedItem[];
  allDay: AllDayItem[];
  now?: Date;
}

/** TEXT value escaping (RFC 5545 3.3.11). */
export function escapeText(value: string): string {
  return value.replace(/\\|;|,|\r\n|\r|\n/g, (m) => (m.length === 1 && m !== '\r' && m !== '\n' ? `\\${m}` : '\\n'));
}

const utf8Bytes = (codePoint: number) => (codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4);

/** Lines longer than 75 octets are folded (RFC 5545 3.1), never inside a UTF-8 sequence. */
export function foldLine(line: string): string {
  // A UTF-16 unit is at most 3 UTF-8 bytes (a pair of them 4), so 25 units always fit.
  if (line.length <= 25 || (line.length <= 75 && Buffer.byteLength(line) <= 75)) return line;
  const parts: string[] = [];
  let start = 0;
  let bytes = 0;
  let limit = 75;
  for (let i = 0; i < line.length;) {
    const codePoint = line.codePointAt(i)!;
    const size = utf8Bytes(codePoint);
    if (bytes + size > limit) {
      parts.push(line.slice(start, i));
      start = i;
      bytes = 0;
      limit = 74; // continuation lines start with a space
    }
    bytes += size;
    i += codePoint > 0xffff ? 2 : 1;
  }
  parts.push(line.slice(start));
  return parts.join('\r\n ');
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const utcStamp = (d: Date) => `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}Z`;
const dateValue = (date: string) => date.replaceAll('-', '');
const nextDate = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** The VTIMEZONE block of an IANA zone, or null for UTC and zones the library does not know. */
function vtimezone(timeZone: string): string | null {
  if (timeZone === 'UTC' || timeZone === 'Etc/UTC') return null;
  try {
    const block = tzlib_get_ical_block(timeZone);
    return Array.isArray(block) && block[0]?.startsWith('BEGIN:VTIMEZONE') ? block[0] : null;
  } catch {
    return null;
  }
}

const icalPriority = { urgent: 1, high: 3, normal: 5, low: 9 } as const;

export function renderCalendar(input: CalendarInput): string {
  const stamp = utcStamp(input.now ?? new Date());
  const zoneBlock = vtimezone(input.timeZone);
  const lines: string[] = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Rapport//Rapport CRM//EN', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH', `X-WR-CALNAME:${escapeText(input.name)}`];
  if (zoneBlock) lines.push(`X-WR-TIMEZONE:${input.timeZone}`, ...zoneBlock.split(/\r?\n/));
  // The zone's offset looked up once per UTC day when it is the same at both ends of the day, else once
  // per UTC hour (zones change on the hour, at most once a day): thousands of events stay fast.
  const offsets = new Map<number, number>();
  const lookup = (ms: number) => {
    let offset = offsets.get(ms);
    if (offset === undefined) offsets.set(ms, (offset = zoneOffset(ms, input.timeZone)));
    return offset;
  };
  const offsetAt = (ms: number) => {
    const day = Math.floor(ms / 86_400_000) * 86_400_000;
    const start = lookup(day);
    return start === lookup(day + 86_400_000) ? start : lookup(Math.floor(ms / 3_600_000) * 3_600_000);
  };
  // Without a VTIMEZONE, times are written in UTC (and a recurrence counts in UTC).
  const timed = (ms: number, name: string) => {
    if (!zoneBlock) return `${name}:${utcStamp(new Date(ms))}`;
    const local = utcStamp(new Date(ms + offsetAt(ms)));
    return `${name};TZID=${input.timeZone}:${local.slice(0, -1)}`;
  };
  for (const item of input.timed) {
    lines.push('BEGIN:VEVENT', `UID:${item.uid}`, `DTSTAMP:${stamp}`, timed(Date.parse(item.start), 'DTSTART'), timed(Date.parse(item.start) + item.durationMinutes * 60_000, 'DTEND'));
    if (item.rrule) lines.push(`RRULE:${item.rrule}`);
    lines.push(`SUMMARY:${escapeText(item.summary)}`);
    if (item.description) lines.push(`DESCRIPTION:${escapeText(item.description)}`);
    if (item.priority) lines.push(`PRIORITY:${icalPriority[item.priority]}`);
    lines.push('TRANSP:TRANSPARENT', 'END:VEVENT');
  }
  for (const item of input.allDay) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${item.uid}`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${dateValue(item.date)}`,
      `DTEND;VALUE=DATE:${dateValue(nextDate(item.date))}`,
      `SUMMARY:${escapeText(item.summary)}`,
    );
    if (item.description) lines.push(`DESCRIPTION:${escapeText(item.description)}`);
    lines.push('TRANSP:TRANSPARENT', 'END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
