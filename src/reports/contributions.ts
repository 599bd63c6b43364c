/**
 * Pure arithmetic of the report rollups: what one customer's months and campaign touches add to each
 * rollup table, and the signed sums of those contributions (a write subtracts the old, adds the new).
 */

/** One customer's counted orders in one month. */
export interface CustomerMonth {
  customer_id: string;
  month: string;
  /** Segment of the latest segmentation, '' for none. */
  segment_id: string;
  orders: number;
  revenue_cents: number;
  /** The last order day in the month (YYYY-MM-DD). */
  last_day: string;
}

/** One customer's campaign interactions in one month for one campaign and channel ('' for none). */
export interface CustomerCampaign {
  customer_id: string;
  month: string;
  campaign: string;
  channel: string;
  sent: number;
  opened: number;
  clicked: number;
  converted: number;
  revenue_cents: number;
}

export const rollupShapes = {
  report_activity: { keys: ['segment_id', 'month', 'prev_month'], values: ['customers', 'orders', 'revenue_cents'] },
  report_cohorts: { keys: ['cohort', 'month'], values: ['customers'] },
  report_last_days: { keys: ['day'], values: ['customers'] },
  report_campaigns: { keys: ['month', 'campaign', 'channel'], values: ['sent', 'opened', 'clicked', 'converted', 'revenue_cents'] },
} as const;
export type RollupTable = keyof typeof rollupShapes;
export const rollupTables = Object.keys(rollupShapes) as RollupTable[];

export interface RollupDelta {
  keys: string[];
  values: number[];
}

/** Signed sums per rollup table and key. */
export class RollupDeltas {
  readonly tables = new Map<RollupTable, Map<string, RollupDelta>>();

  add(table: RollupTable, keys: string[], values: number[], sign: 1 | -1): void {
    const rows = this.tables.get(table) ?? new Map<string, RollupDelta>();
    this.tables.set(table, rows);
    const id = JSON.stringify(keys);
    const row = rows.get(id) ?? { keys, values: values.map(() => 0) };
    values.forEach((v, i) => (row.values[i] += sign * v));
    rows.set(id, row);
  }

  /**
   * The rows whose sums did not cancel out, per table, tables and rows in a fixed order so that
   * concurrent writers lock rollup rows in the same order (no deadlock on PostgreSQL and MySQL).
   */
  changed(): [RollupTable, RollupDelta[]][] {
    return rollupTables
      .map((table) => {
        const rows = [...(this.tables.get(table) ?? new Map<string, RollupDelta>())].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
        return [table, rows.map(([, r]) => r).filter((r) => r.values.some((v) => v !== 0))] as [RollupTable, RollupDelta[]];
      })
      .filter(([, rows]) => rows.length > 0);
  }
}

/** Adds (sign 1) or removes (sign -1) one customer's months; `months` must be sorted by month. */
export function addCustomerMonths(deltas: RollupDeltas, months: CustomerMonth[], sign: 1 | -1): void {
  if (months.length === 0) return;
  const cohort = months[0].month;
  months.forEach((m, i) => {
    deltas.add('report_activity', [m.segment_id, m.month, i ? months[i - 1].month : ''], [1, m.orders, m.revenue_cents], sign);
    deltas.add('report_cohorts', [cohort, m.month], [1], sign);
  });
  deltas.add('report_last_days', [months[months.length - 1].last_day], [1], sign);
}

export function addCustomerCampaigns(deltas: RollupDeltas, campaigns: CustomerCampaign[], sign: 1 | -1): void {
  for (const c of campaigns) deltas.add('report_campaigns', [c.month, c.campaign, c.channel], [c.sent, c.opened, c.clicked, c.converted, c.revenue_cents], sign);
}

/** Groups rows by customer, keeping each customer's rows sorted by month. */
export function byCustomer<T extends { customer_id: string; month: string }>(rows: T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const list = out.get(row.customer_id) ?? [];
    list.push(row);
    out.set(row.customer_id, list);
  }
  for (const list of out.values()) list.sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : 0));
  return out;
}
