import { sql } from 'kysely';
import type { Db } from '../core/database.js';
import { invalid } from '../core/errors.js';
import type { Subscription } from '../core/events.js';
import { setCustomerColumns } from '../customers/service.js';
import { customersTouched } from '../customers/touched.js';
import { entityService } from '../records/entity-service.js';
import { interactionEntity, taskEntity } from '../schema/entities.js';
import type { ApiRecord } from '../records/codec.js';
import { createNextOccurrences, prepareTask } from './task-rules.js';

/** Links to a customer, company or order must point at existing records. */
async function checkLinks(trx: Db, record: ApiRecord) {
  const links = [
    ['customer_id', 'customers'],
    ['company_id', 'companies'],
    ['order_id', 'orders'],
  ] as const;
  for (const [field, table] of links) {
    const id = record[field] as string | null | undefined;
    if (!id) continue;
    const found = await trx.selectFrom(table).select('id').where('id', '=', id).executeTakeFirst();
    if (!found) throw invalid(`${field} ${id} does not exist`, { [field]: ['no such record'] });
  }
}

/** Recomputes these customers' last interaction time from their interactions. */
export async function refreshLastInteraction(trx: Db, customerIds: Iterable<string>) {
  const ids = [...new Set(customerIds)];
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const rows = await trx
      .selectFrom('interactions')
      .select(['customer_id', sql<string>`max(occurred_at)`.as('last')])
      .where('customer_id', 'in', chunk)
      .groupBy('customer_id')
      .execute();
    const values = new Map<string, { last_interaction_at: string | null }>(chunk.map((id) => [id, { last_interaction_at: null }]));
    for (const r of rows) values.set(r.customer_id as string, { last_interaction_at: r.last });
    await setCustomerColumns(trx, values);
  }
}

/** Keeps each customer's last interaction current on interaction writes, merges and their undo. */
export const lastInteractionSubscription: Subscription = {
  types: ['interaction.created', 'interaction.updated', 'interaction.deleted', 'customer.merged', 'customer.merge_undone'],
  handle: (trx, events) => refreshLastInteraction(trx, customersTouched(events)),
};

export const interactions = entityService(interactionEntity, {
  async prepare(trx, _ctx, record) {
    await checkLinks(trx, record);
    if (!record.occurred_at) return { occurred_at: record.created_at ?? new Date().toISOString() };
  },
});

export const tasks = entityService(taskEntity, {
  async prepare(trx, _ctx, record, existing) {
    await checkLinks(trx, record);
    const extra: Record<string, unknown> = {};
    const done = record.done === true;
    if (done && !existing?.done) Object.assign(extra, { done: 1, done_at: new Date().toISOString() });
    else if (!done) Object.assign(extra, { done: 0, done_at: null });
    // A new due time gets a task.due event of its own.
    if (existing && existing.due_at !== record.due_at) extra.due_event_at = null;
    return { ...extra, ...(await prepareTask(trx, record, existing)) };
  },
  afterWrite: (trx, ctx, changes) => createNextOccurrences(trx, ctx, tasks, changes),
});
