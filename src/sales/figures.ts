import { sql } from 'kysely';
import type { Db } from '../core/database.js';
import { toNumber } from '../core/database.js';
import type { Subscription } from '../core/events.js';
import { customersTouched } from '../customers/touched.js';
import { setCustomerColumns, type CustomerFigures } from '../customers/service.js';
import { updateReportRollups } from '../reports/rollups.js';
import { countedOrderStatuses } from '../schema/entities.js';
import { getBusinessSettings } from '../settings/business.js';

const dayMs = 86_400_000;
const monthDays = 365.25 / 12;

/** Orders per month between the first order and `asOf`; a first month counts as one whole month. */
export function purchaseFrequency(orderCount: number, firstOrderAt: string | null, asOf: Date): number | null {
  if (!firstOrderAt || orderCount === 0) return null;
  const months = Math.max(1, (asOf.getTime() - Date.parse(firstOrderAt)) / dayMs / monthDays);
  return Math.round((orderCount / months) * 10000) / 10000;
}

/**
 * The figures of these customers from their counted orders (one aggregate query per chunk). Amounts are
 * never converted: revenue and the average order value count the orders in the business currency only,
 * while the order count, the first and last order and the purchase frequency count every order.
 */
export async function customerOrderFigures(trx: Db, customerIds: readonly string[], asOf = new Date()): Promise<Map<string, CustomerFigures>> {
  const { currency } = await getBusinessSettings(trx);
  const inCurrency = sql<boolean>`currency = ${currency}`;
  const figures = new Map<string, CustomerFigures>();
  for (let i = 0; i < customerIds.length; i += 500) {
    const chunk = customerIds.slice(i, i + 500);
    const rows = await trx
      .selectFrom('orders')
      .select([
        'customer_id',
        sql<string>`min(ordered_at)`.as('first_order_at'),
        sql<string>`max(ordered_at)`.as('last_order_at'),
        sql<number>`count(*)`.as('order_count'),
        sql<number>`sum(case when ${inCurrency} then 1 else 0 end)`.as('money_orders'),
        sql<number>`sum(case when ${inCurrency} then total else 0 end)`.as('revenue'),
      ])
      .where('customer_id', 'in', chunk)
      .where('status', 'in', [...countedOrderStatuses])
      .groupBy('customer_id')
      .execute();
    for (const id of chunk) figures.set(id, { first_order_at: null, last_order_at: null, order_count: 0, revenue: 0, average_order_value: null, purchase_frequency: null });
    for (const r of rows) {
      const count = toNumber(r.order_count) ?? 0;
      const moneyOrders = toNumber(r.money_orders) ?? 0;
      const revenue = Math.round((toNumber(r.revenue) ?? 0) * 100) / 100;
      figures.set(r.customer_id as string, {
        first_order_at: r.first_order_at,
        last_order_at: r.last_order_at,
        order_count: count,
        revenue,
        average_order_value: moneyOrders ? Math.round((revenue / moneyOrders) * 100) / 100 : null,
        purchase_frequency: purchaseFrequency(count, r.first_order_at, asOf),
      });
    }
  }
  return figures;
}

/**
 * Recomputes order figures for these customers from their orders, and brings the report rollups up
 * to date for them in the same transaction.
 */
export async function refreshOrderFigures(trx: Db, customerIds: Iterable<string>, asOf = new Date()): Promise<void> {
  const ids = [...new Set(customerIds)];
  await setCustomerColumns(trx, await customerOrderFigures(trx, ids, asOf));
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

export interface CustomerCurrencies {
  /** The business currency: the customer's revenue and average order value are in it. */
  currency: string;
  /** The customer's counted orders in each other currency: in the order count, not in the amounts. */
  other_currencies: { currency: string; orders: number; revenue: number }[];
}

/** What a customer's amounts leave out: their counted orders in currencies other than the business's. */
export async function customerCurrencies(db: Db, customerId: string): Promise<CustomerCurrencies> {
  const { currency } = await getBusinessSettings(db);
  const rows = await db
    .selectFrom('orders')
    .select(['currency', sql<number>`count(*)`.as('orders'), sql<number>`sum(total)`.as('revenue')])
    .where('customer_id', '=', customerId)
    .where('status', 'in', [...countedOrderStatuses])
    .where('currency', '<>', currency)
    .groupBy('currency')
    .orderBy('currency')
    .execute();
  return { currency, other_currencies: rows.map((r) => ({ currency: String(r.currency), orders: toNumber(r.orders) ?? 0, revenue: Math.round((toNumber(r.revenue) ?? 0) * 100) / 100 })) };
}
