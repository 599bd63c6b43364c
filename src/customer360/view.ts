import type { Ctx } from '../core/context.js';
import { invalid } from '../core/errors.js';
import { companies } from '../customers/companies.js';
import { getCustomer } from '../customers/service.js';
import { interactions, tasks } from '../activities/interactions.js';
import { orders } from '../sales/orders.js';
import type { ApiRecord } from '../records/codec.js';
import { decodeCursor, encodeCursor } from '../records/query.js';
import { customerScores, scoreContext } from '../insights/customer-scores.js';
import { customerCurrencies } from '../sales/figures.js';
import { openDealsAtStake } from '../deals/stake.js';
import { customerFeedback, feedbackTimeline } from '../surveys/service.js';

/** Everything about one customer on one screen: profile, company, figures, scores, recent activity, open tasks. */
export async function customerView(ctx: Ctx, id: string) {
  const customer = await getCustomer(ctx, id);
  const byCustomer = { field: 'customer_id', op: 'eq' as const, value: id };
  const [scoring, currencies, company, recentOrders, recentInteractions, openTasks] = await Promise.all([
    scoreContext(ctx.database.db),
    customerCurrencies(ctx.database.db, id),
    customer.company_id ? companies.get(ctx, customer.company_id as string) : Promise.resolve(null),
    orders.list(ctx, { filter: byCustomer, sort: '-ordered_at', limit: 10 }),
    interactions.list(ctx, { filter: byCustomer, sort: '-occurred_at', limit: 20 }),
    tasks.list(ctx, { filter: { and: [byCustomer, { field: 'done', op: 'eq', value: false }] }, sort: 'due_at', limit: 50 }),
  ]);
  const openDeals = await openDealsAtStake(ctx.database.db, new Date(), { customerId: id });
  const feedback = await customerFeedback(ctx.database.db, id);
  return {
    customer,
    company,
    figures: {
      first_order_at: customer.first_order_at,
      last_order_at: customer.last_order_at,
      order_count: customer.order_count,
      revenue: customer.revenue,
      average_order_value: customer.average_order_value,
      purchase_frequency: customer.purchase_frequency,
      last_interaction_at: customer.last_interaction_at,
      ...currencies,
    },
    scores: customerScores(customer, scoring.verdict, scoring.timeZone),
    recent_orders: recentOrders.data,
    recent_interactions: recentInteractions.data,
    open_tasks: openTasks.data,
    open_deals: openDeals,
    feedback: { ...feedback, responses: feedback.responses.slice(0, 5) },
  };
}

type TimelineKind = 'order' | 'interaction' | 'task' | 'feedback';
export interface TimelineItem {
  kind: TimelineKind;
  at: string;
  id: string;
  record: ApiRecord;
}

/**
 * Orders, interactions and tasks of a customer, newest first, paged by a cursor on (time, id).
 * Each source is read with the same keyset and the pages are merged.
 */
export async function customerTimeline(ctx: Ctx, id: string, params: { limit?: number; cursor?: string }) {
  await getCustomer(ctx, id);
  const limit = Math.min(Math.max(params.limit ?? 50, 1), 200);
  const after = params.cursor ? decodeCursor(params.cursor, 'string') : null;
  if (after && typeof after[0] !== 'string') throw invalid('cursor is not valid', { cursor: ['invalid cursor'] });
  const sources = [
    { kind: 'order' as const, service: orders, column: 'ordered_at' },
    { kind: 'interaction' as const, service: interactions, column: 'occurred_at' },
    { kind: 'task' as const, service: tasks, column: 'created_at' },
  ];
  const pages = await Promise.all(
    sources.map(async ({ kind, service, column }) => {
      const filter = after
        ? {
            and: [
              { field: 'customer_id', op: 'eq' as const, value: id },
              {
                or: [
                  { field: column, op: 'lt' as const, value: after[0] },
                  {
                    and: [
                      { field: column, op: 'eq' as const, value: after[0] },
                      { field: 'id', op: 'lt' as const, value: after[1] },
                    ],
                  },
                ],
              },
            ],
          }
        : { field: 'customer_id', op: 'eq' as const, value: id };
      const page = await service.list(ctx, { filter, sort: `-${column}`, limit: limit + 1 });
      return page.data.map((record): TimelineItem => ({ kind, at: record[column] as string, id: record.id as string, record }));
    }),
  );
  pages.push(
    (await feedbackTimeline(ctx.database.db, id, after as [string, string] | null, limit + 1)).map((record): TimelineItem => ({
      kind: 'feedback',
      at: record.answered_at,
      id: record.id,
      record: record as unknown as ApiRecord,
    })),
  );
  const merged = pages.flat().sort((a, b) => (a.at === b.at ? (a.id < b.id ? 1 : -1) : a.at < b.at ? 1 : -1));
  const data = merged.slice(0, limit);
  const last = data[data.length - 1];
  return { data, next_cursor: merged.length > limit && last ? encodeCursor(last.at, last.id) : null };
}
