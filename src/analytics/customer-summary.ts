/** Per-customer recency/frequency/monetary summary from a transaction log, as the BG/NBD and Gamma-Gamma models expect. */

export type TimeUnit = 'days' | 'weeks';

const MS_PER_DAY = 86_400_000;

/** Day number (days since 1970-01-01, UTC) of a date written as the integer YYYYMMDD. */
export function dayNumberFromYmd(ymd: number): number {
  const year = Math.floor(ymd / 10_000);
  const month = Math.floor(ymd / 100) % 100;
  const day = ymd % 100;
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

export interface TransactionLog {
  /** Customer index of each transaction. */
  customer: Int32Array;
  /** Whole day number of each transaction. */
  day: Float64Array;
  amount: Float64Array;
}

export interface SummaryOptions {
  /** Last day (inclusive) of the observation period; later transactions are ignored. */
  observationEnd: number;
  unit?: TimeUnit;
  /** Round recency and age to this many decimals (published summaries use 2 for weeks). */
  decimals?: number;
}

export interface CustomerSummary {
  /** Customer index of each row, ascending; only customers with a purchase by the observation end. */
  customer: Int32Array;
  /** x: number of repeat purchase days (purchases on the same day count once). */
  frequency: Float64Array;
  /** t_x: time from first to last purchase day. */
  recency: Float64Array;
  /** T: time from first purchase day to the observation end. */
  age: Float64Array;
  /** Mean spend per repeat purchase day; 0 when frequency is 0. */
  monetary: Float64Array;
  firstDay: Float64Array;
  lastDay: Float64Array;
}

export function summarizeCustomers(log: TransactionLog, options: SummaryOptions): CustomerSummary {
  const { observationEnd, unit = 'days', decimals } = options;
  const perUnit = unit === 'weeks' ? 7 : 1;
  const scale = decimals === undefined ? 0 : 10 ** decimals;
  const toUnit = (days: number): number => {
    const v = days / perUnit;
    return scale ? Math.round(v * scale) / scale : v;
  };

  const kept: number[] = [];
  for (let i = 0; i < log.customer.length; i++) if (log.day[i] <= observationEnd) kept.push(i);
  const order = Int32Array.from(kept).sort((p, q) => log.customer[p] - log.customer[q] || log.day[p] - log.day[q]);

  let customers = 0;
  for (let k = 0; k < order.length; k++) if (k === 0 || log.customer[order[k]] !== log.customer[order[k - 1]]) customers++;
  const summary: CustomerSummary = {
    customer: new Int32Array(customers),
    frequency: new Float64Array(customers),
    recency: new Float64Array(customers),
    age: new Float64Array(customers),
    monetary: new Float64Array(customers),
    firstDay: new Float64Array(customers),
    lastDay: new Float64Array(customers),
  };

  let row = -1;
  let repeatSpend = 0;
  const finish = (): void => {
    if (row < 0) return;
    const x = summary.frequency[row];
    summary.monetary[row] = x > 0 ? repeatSpend / x : 0;
    summary.recency[row] = toUnit(summary.lastDay[row] - summary.firstDay[row]);
    summary.age[row] = toUnit(observationEnd - summary.firstDay[row]);
  };
  for (let k = 0; k < order.length; k++) {
    const i = order[k];
    const day = log.day[i];
    if (row < 0 || log.customer[i] !== summary.customer[row]) {
      finish();
      row++;
      summary.customer[row] = log.customer[i];
      summary.firstDay[row] = day;
      summary.lastDay[row] = day;
      repeatSpend = 0;
      continue;
    }
    if (day !== summary.firstDay[row]) repeatSpend += log.amount[i];
    if (day !== summary.lastDay[row]) {
      summary.frequency[row]++;
      summary.lastDay[row] = day;
    }
  }
  finish();
  return summary;
}
