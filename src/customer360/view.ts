import type { Ctx } from '../core/context.js';
import { inTransaction } from '../core/context.js';
import { invalid } from '../core/errors.js';
import { writeAudit } from '../audit/audit.js';
import { companies } from '../customers/companies.js';
import { getCustomer } from '../customers/service.js';
import { interactions, tasks } from '../activities/interactions.js';
import { orders } from '../sales/orders.js';
import type { ApiRecord } from '../records/codec.js';
import { decodeCursor, encodeCursor } from '../records/query.js';

/** Everything about one customer on one screen: profile, company, recent activity, open tasks. */
export async function customerView(ctx: Ctx, id: string) {
  const customer = await getCustomer(ctx, id);
  const byCustomer = { field: 'customer_id', op: 'eq' as const, value: id };
  const [company, recentOrders, recentInteractions, openTasks] = await Promise.all([
    customer.company_id ? companies.get(ctx, customer.company_id as string) : Promise.resolve(null),
    orders.list(ctx, { filter: byCustomer, sort: '-ordered_at', limit: 10 }),
    interactions.list(ctx, { filter: byCustomer, sort: '-occurred_at', limit: 20 }),
    tasks.list(ctx, { filter: { and: [byCustomer, { field: 'done', op: 'eq', value: false }] }, sort: 'due_at', limit: 50 }),
  ]);
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
    },
    recent_orders: recentOrders.data,
    recent_interactions: recentInteractions.data,
    open_tasks: openTasks.data,
  };
}

export type TimelineKind = 'order' | 'interaction' | 'task';
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
  const after = params.cursor ? decodeCursor(params.cursor) : null;
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
              { or: [{ field: column, op: 'lt' as const, value: after[0] }, { and: [{ field: column, op: 'eq' as const, value: after[0] }, { field: 'id', op: 'lt' as const, value: after[1] }] }] },
            ],
          }
        : { field: 'customer_id', op: 'eq' as const, value: id };
      const page = await service.list(ctx, { filter, sort: `-${column}`, limit: limit + 1 });
      return page.data.map((record): TimelineItem => ({ kind, at: record[column] as string, id: record.id as string, record }));
    }),
  );
  const merged = pages.flat().sort((a, b) => (a.at === b.at ? (a.id < b.id ? 1 : -1) : a.at < b.at ? 1 : -1));
  const data = merged.slice(0, limit);
  const last = data[data.length - 1];
  return { data, next_cursor: merged.length > limit && last ? encodeCursor(last.at, last.id) : null };
}

/** Everything Rapport holds about a person, for a data-subject access request. */
export async function exportCustomer(ctx: Ctx, id: string) {
  const customer = await getCustomer(ctx, id);
  const all = async (service: { list: typeof orders.list }) => {
    const out: ApiRecord[] = [];
    let cursor: string | undefined;
    do {
      const page = await service.list(ctx, { filter: { field: 'customer_id', op: 'eq', value: id }, limit: 500, cursor });
      out.push(...page.data);
      cursor = page.next_cursor ?? undefined;
    } while (cursor);
    return out;
  };
  const history = await ctx.database.db.selectFrom('audit_log').select(['at', 'actor', 'action']).where('entity_id', '=', id).orderBy('at').execute();
  return {
    exported_at: new Date().toISOString(),
    customer,
    company: customer.company_id ? await companies.get(ctx, customer.company_id as string) : null,
    orders: await all(orders),
    interactions: await all(interactions),
    tasks: await all(tasks),
    change_history: history,
  };
}

const personalColumns = [
  'first_name', 'last_name', 'email', 'email_key', 'phone', 'company', 'company_id', 'title', 'address', 'city', 'region', 'postcode',
  'country', 'birthday', 'age', 'income', 'gender', 'source', 'notes', 'consent_email', 'consent_email_at', 'consent_email_method',
  'consent_sms', 'consent_sms_at', 'consent_sms_method',
];

/**
 * Erases a person: personal fields, custom fields, contact keys, source ids, interaction texts
 * and task notes are removed, and earlier audit entries lose their copies of the data. Orders stay
 * (amounts only) so revenue figures remain true; one audit entry records that an erase happened.
 */
export async function eraseCustomer(ctx: Ctx, id: string): Promise<void> {
  await getCustomer(ctx, id);
  const customFields = await ctx.database.db.selectFrom('custom_fields').select('name').where('entity', '=', 'customers').execute();
  await inTransaction(ctx, async (trx) => {
    const cleared: Record<string, unknown> = Object.fromEntries(personalColumns.map((c) => [c, null]));
    for (const f of customFields) cleared[`cf_${f.name}`] = null;
    await trx
      .updateTable('customers')
      .set({ ...cleared, first_name: 'Erased', last_name: 'customer', emails: '[]', phones: '[]', tags: '[]', search_text: '', updated_at: new Date().toISOString() })
      .where('id', '=', id)
      .execute();
    await trx.deleteFrom('customer_keys').where('customer_id', '=', id).execute();
    await trx.deleteFrom('external_ids').where('entity', '=', 'customers').where('entity_id', '=', id).execute();
    await trx.updateTable('interactions').set({ subject: null, body: null }).where('customer_id', '=', id).execute();
    await trx.updateTable('tasks').set({ notes: null, title: 'Erased' }).where('customer_id', '=', id).execute();
    const orderIds = (await trx.selectFrom('orders').select('id').where('customer_id', '=', id).execute()).map((o) => o.id as string);
    await trx.updateTable('orders').set({ notes: null }).where('customer_id', '=', id).execute();
    const touched = [id, ...orderIds];
    const interactionIds = (await trx.selectFrom('interactions').select('id').where('customer_id', '=', id).execute()).map((o) => o.id as string);
    const taskIds = (await trx.selectFrom('tasks').select('id').where('customer_id', '=', id).execute()).map((o) => o.id as string);
    touched.push(...interactionIds, ...taskIds);
    for (let i = 0; i < touched.length; i += 500) {
      await trx.updateTable('audit_log').set({ before_data: null, after_data: null }).where('entity_id', 'in', touched.slice(i, i + 500)).execute();
    }
    await writeAudit(trx, [{ actor: ctx.actor, action: 'erase', entity: 'customers', entityId: id, batchId: ctx.batchId }]);
  });
}
