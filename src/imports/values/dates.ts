/** How to read an ambiguous date such as 03/04/2021: month first (US) or day first. */
export type DateOrder = 'MDY' | 'DMY';

export type DateResult = { date: string } | { empty: true } | { error: string };

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * Reads a calendar date into YYYY-MM-DD. Understands ISO, YYYYMMDD, US MM/DD/YYYY,
 * European DD.MM.YYYY and DD/MM/YYYY (when the day is over 12, or with `order: 'DMY'`),
 * and month names. Outlook writes `0/0/00` for "no date".
 */
export function parseDate(raw: string, order: DateOrder = 'MDY'): DateResult {
  const text = raw.trim();
  if (/^0{1,2}[/.-]0{1,2}[/.-]0{2,4}$/.test(text)) return { empty: true };
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:$|[T\s])/.exec(text))) return ymd(+m[1], +m[2], +m[3], text);
  if ((m = /^(\d{4})(\d{2})(\d{2})$/.exec(text))) return ymd(+m[1], +m[2], +m[3], text);
  if ((m = /^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})(?:$|\s)/.exec(text))) return ymd(year(m[3]), +m[2], +m[1], text);
  if ((m = /^(\d{1,2})[/-](\d{1,2})[/-](\d{2}|\d{4})(?:$|\s)/.exec(text))) {
    const [a, b] = [+m[1], +m[2]];
    const dayFirst = a > 12 || (b <= 12 && order === 'DMY');
    return dayFirst ? ymd(year(m[3]), b, a, text) : ymd(year(m[3]), a, b, text);
  }
  if ((m = /^(\d{1,2})(?:st|nd|rd|th)?[\s-]+([a-z]{3,})\.?,?[\s-]+(\d{4})$/i.exec(text))) {
    return ymd(+m[3], monthNumber(m[2]), +m[1], text);
  }
  if ((m = /^([a-z]{3,})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/i.exec(text))) {
    return ymd(+m[3], monthNumber(m[1]), +m[2], text);
  }
  return { error: `"${text}" is not a date` };
}

/** Reads a date with optional time and zone into an ISO 8601 UTC timestamp; times without a zone are UTC. */
export function parseDateTime(raw: string, order: DateOrder = 'MDY'): { value: string } | { empty: true } | { error: string } {
  const text = raw.trim();
  if (/^\d{10}(\d{3})?$/.test(text)) {
    const ms = text.length === 10 ? Number(text) * 1000 : Number(text);
    return { value: new Date(ms).toISOString() };
  }
  const datePart = parseDate(text, order);
  if (!('date' in datePart)) return datePart;
  const time = /[T\s](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?\s*(am|pm)?\s*(Z|UTC|GMT|[+-]\d{2}:?\d{2})?\s*$/i.exec(text);
  if (!time) {
    if (/\d{1,2}:\d{2}/.test(text)) return { error: `"${text}" has a time that cannot be read` };
    return { value: `${datePart.date}T00:00:00.000Z` };
  }
  let hours = +time[1];
  const meridiem = time[5]?.toLowerCase();
  if (meridiem === 'pm' && hours < 12) hours += 12;
  if (meridiem === 'am' && hours === 12) hours = 0;
  if (hours > 23 || +time[2] > 59 || +(time[3] ?? 0) > 59) return { error: `"${text}" has an invalid time` };
  const [y, mo, d] = datePart.date.split('-').map(Number);
  const ms = Date.UTC(y, mo - 1, d, hours, +time[2], +(time[3] ?? 0), +(time[4] ?? '0').padEnd(3, '0'));
  return { value: new Date(ms - zoneOffsetMinutes(time[6]) * 60_000).toISOString() };
}

function zoneOffsetMinutes(zone: string | undefined): number {
  const m = zone ? /^([+-])(\d{2}):?(\d{2})$/.exec(zone) : null;
  if (!m) return 0;
  return (m[1] === '-' ? -1 : 1) * (+m[2] * 60 + +m[3]);
}

// Two-digit years: the most recent year not more than ten years in the future.
function year(text: string): number {
  if (text.length === 4) return +text;
  const pivot = (new Date().getUTCFullYear() % 100) + 10;
  return +text <= pivot ? 2000 + +text : 1900 + +text;
}

function monthNumber(name: string): number {
  return MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
}

function ymd(y: number, m: number, d: number, text: string): DateResult {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (m < 1 || m > 12 || d < 1 || date.getUTCDate() !== d || y < 1000) return { error: `"${text}" is not a valid date` };
  return { date: `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}` };
}
