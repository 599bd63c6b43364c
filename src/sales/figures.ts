import { sql } from 'kysely';
import type { Db } from '../core/database.js';
import { toNumber } from '../core/database.js';
import type { Subscription } from '../core/events.js';
import { customersTouched } from '../customers/touched.js';
import { setCustomerColumns, type CustomerFigures } from '../customers/service.js';
import { updateReportRollups } from '../reports/rollups.js';
import { countedOrderStatuses } from '../schema/entities.js';

const dayMs = 86_400_000;
const monthDays = 365.25 / 12;

/** Orders per month between the first order and `asOf`; a first month counts as one whole month. */
export function purchaseFrequency(orderCount: number, firstOrderAt: string | null, asOf: Date): number | null {
  if (!firstOrderAt || orderCount === 0) return null;
  const months = Math.max(1, (asOf.getTime() - Date.parse(firstOrderAt)) / dayMs / monthDays);
  return Math.round((orderCount / months) * 10000) / 10000;
}

/**
 * Recomputes order figures for these customers from their orders (one aggregate query per chunk), and
 * brings the report rollups up to date for them in the same transaction.
 */
export async function refreshOrderFigures(trx: Db, customerIds: Iterable<string>, asOf = new Date()): Promise<void> {
  const ids = [...new Set(customerIds)];
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const rows = await trx
      .selectFrom('orders')
      .select([
        'customer_id',
        sql<string>`min(ordered_at)`.as('first_order_at'),
        sql<string>`max(ordered_at)`.as('last_order_at'),
        sql<number>`count(*)`.as('order_count'),
        sql<number>`sum(total)`.as('revenue'),
      ])
      .where('customer_id', 'in', chunk)
      .where('status', 'in', [...countedOrderStatuses])
      .groupBy('customer_id')
      .execute();
    const figures = new Map<string, Partial<CustomerFigures>>();
    for (const id of chunk) figures.set(id, { first_order_at: null, last_order_at: null, order_count: 0, revenue: 0, average_order_value: null, purchase_frequency: null });
    for (const r of rows) {
      const count = toNumber(r.order_count) ?? 0;
      const revenue = Math.round((toNumber(r.revenue) ?? 0) * 100) / 100;
      figures.set(r.customer_id as string, {
        first_order_at: r.first_order_at,
        last_order_at: r.last_order_at,
        order_count: count,
        revenue,
        average_order_value: count ? Math.round((revenue / count) * 100) / 100 : null,
        purchase_frequency: purchaseFrequency(count, r.first_order_at, asOf),
      });
    }
    await setCustomerColumns(trx, figures);
  }
  await updateReportRollups(trx, ids);
}

/**
 * Keeps customer order figures (and the report rollups) current: a batch of order events (an import
 * chunk is one) refreshes all its customers at once, the previous customer of a moved or deleted
 * order included; a merge or its undo refreshes both sides.
 */
export const orderFiguresSubscription: Subscription = {
  types: ['order.created', 'order.updated', 'order.deleted', 'customer.merged', 'customer.merge_undone'],
  handle: (trx, events) => refreshOrderFigures(trx, customersTouched(events)),
};
