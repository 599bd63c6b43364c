/**
 * The order figures of a date range, as sums over customers: per month revenue, orders, buying and new
 * customers; distinct buyers; per segment revenue, orders and buyers; cohort activity. Being sums, the
 * rollups' figures for whole months can be corrected for ranges that start or end inside a month.
 */

export interface MonthFigures {
  cents: number;
  orders: number;
  customers: number;
  newCustomers: number;
}

export interface SegmentFigures {
  cents: number;
  orders: number;
  customers: number;
}

/** Days [from, toExclusive) as YYYY-MM-DD prefixes of ISO timestamps. */
export interface DayWindow {
  from: string;
  toExclusive: string;
}

export class RangeFigures {
  readonly months = new Map<string, MonthFigures>();
  readonly segments = new Map<string, SegmentFigures>();
  /** cohort month -> activity month -> customers */
  readonly cohorts = new Map<string, Map<string, number>>();
  buyers = 0;

  addMonth(month: string, f: Partial<MonthFigures>, sign: 1 | -1 = 1): void {
    const m = this.months.get(month) ?? { cents: 0, orders: 0, customers: 0, newCustomers: 0 };
    m.cents += sign * (f.cents ?? 0);
    m.orders += sign * (f.orders ?? 0);
    m.customers += sign * (f.customers ?? 0);
    m.newCustomers += sign * (f.newCustomers ?? 0);
    this.months.set(month, m);
  }

  addSegment(segment: string, f: SegmentFigures, sign: 1 | -1 = 1): void {
    const s = this.segments.get(segment) ?? { cents: 0, orders: 0, customers: 0 };
    s.cents += sign * f.cents;
    s.orders += sign * f.orders;
    s.customers += sign * f.customers;
    this.segments.set(segment, s);
  }

  addCohort(cohort: string, month: string, customers: number, sign: 1 | -1 = 1): void {
    const c = this.cohorts.get(cohort) ?? new Map<string, number>();
    c.set(month, (c.get(month) ?? 0) + sign * customers);
    this.cohorts.set(cohort, c);
  }
}
