/** Calendar arithmetic on YYYY-MM-DD dates (no time zone: a contract's days are the business's days). */

const dayMs = 86_400_000;
const toDay = (date: string) => Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10)) / dayMs;
const fromDay = (day: number) => new Date(day * dayMs).toISOString().slice(0, 10);

export const addDays = (date: string, days: number): string => fromDay(toDay(date) + days);

export const daysBetween = (from: string, to: string): number => toDay(to) - toDay(from);

/** The date `months` later, clamped to the month's last day (31 Jan + 1 month = 28 or 29 Feb). */
export function addMonths(date: string, months: number): string {
  const y = +date.slice(0, 4);
  const m = +date.slice(5, 7) - 1 + months;
  const year = y + Math.floor(m / 12);
  const month = ((m % 12) + 12) % 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return fromDay(Date.UTC(year, month, Math.min(+date.slice(8, 10), last)) / dayMs);
}

/**
 * The term that follows a contract's: it starts the day after the end and lasts as long. A term of
 * whole months (1 Jan - 31 Dec, 15 Mar - 14 Jun) renews by months, so a year stays a year in a leap
 * year; any other term renews by the same number of days.
 */
export function nextTerm(startsOn: string, endsOn: string): { startsOn: string; endsOn: string } {
  const start = addDays(endsOn, 1);
  const months = (+start.slice(0, 4) - +startsOn.slice(0, 4)) * 12 + (+start.slice(5, 7) - +startsOn.slice(5, 7));
  if (months > 0 && addMonths(startsOn, months) === start) return { startsOn: start, endsOn: addDays(addMonths(start, months), -1) };
  return { startsOn: start, endsOn: addDays(start, daysBetween(startsOn, endsOn)) };
}
