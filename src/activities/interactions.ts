import { sql } from 'kysely';
import type { Db } from '../core/database.js';
import { invalid } from '../core/errors.js';
import { setCustomerColumns } from '../customers/service.js';
import { updateReportRollups } from '../reports/rollups.js';
import { entityService } from '../records/entity-service.js';
import { interactionEntity, taskEntity } from '../schema/entities.js';
import type { ApiRecord } from '../records/codec.js';

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

export async function refreshLastInteraction(trx: Db, customerIds: Iterable<string>) {
  const ids = [...new Set(customerIds)];
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const rows = await trx.selectFrom('interactions').select(['customer_id', sql<string>`max(occurred_at)`.as('last')]).where('customer_id', 'in', chunk).groupBy('customer_id').execute();
    const values = new Map<string, { last_interaction_at: string | null }>(chunk.map((id) => [id, { last_interaction_at: null }]));
    for (const r of rows) values.set(r.customer_id as string, { last_interaction_at: r.last });
    await setCustomerColumns(trx, values);
  }
  await updateReportRollups(trx, ids);
}

export const interactions = entityService(interactionEntity, {
  async prepare(trx, _ctx, record) {
    await checkLinks(trx, record);
    if (!record.occurred_at) return { occurred_at: record.created_at ?? new Date().toISOString() };
  },
  async afterWrite(trx, _ctx, changes) {
    const ids = new Set<string>();
    for (const { before, after } of changes) for (const r of [before, after]) if (r?.customer_id) ids.add(r.customer_id as string);
    await refreshLastInteraction(trx, ids);
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
    return extra;
  },
});
