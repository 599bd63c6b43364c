/**
 * A deal's last activity follows its customer's interactions and tasks, and tasks linked to the
 * deal itself: an in-transaction subscriber, so the board's rotten flags never lag behind.
 */
import type { Db } from '../core/database.js';
import type { StoredEvent, Subscription } from '../core/events.js';

const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);

/** The time an event counts as activity: an interaction's own time when it is not in the future, else when it was recorded. */
function activityTime(event: StoredEvent, record: Record<string, unknown>): string {
  const occurred = str(record.occurred_at);
  return occurred && occurred < event.occurred_at ? occurred : event.occurred_at;
}

async function touchDeals(trx: Db, events: readonly StoredEvent[]): Promise<void> {
  const byCustomer = new Map<string, string>();
  const byDeal = new Map<string, string>();
  const later = (map: Map<string, string>, key: string, at: string) => {
    const known = map.get(key);
    if (!known || known < at) map.set(key, at);
  };
  for (const event of events) {
    const record = (event.data?.record ?? {}) as Record<string, unknown>;
    const at = activityTime(event, record);
    const customer = str(record.customer_id);
    if (customer) later(byCustomer, customer, at);
    const linkedEntity = str(record.linked_entity);
    const linkedId = str(record.linked_id);
    if (linkedId && (linkedEntity === 'deal' || linkedEntity === 'deals')) later(byDeal, linkedId, at);
  }
  const update = (column: 'customer_id' | 'id', key: string, at: string) =>
    trx
      .updateTable('deals')
      .set({ last_activity_at: at })
      .where(column, '=', key)
      .where('status', '=', 'open')
      .where((eb) => eb.or([eb('last_activity_at', 'is', null), eb('last_activity_at', '<', at)]))
      .execute();
  for (const [customer, at] of byCustomer) await update('customer_id', customer, at);
  for (const [deal, at] of byDeal) await update('id', deal, at);
}

export const dealActivitySubscription: Subscription = {
  types: ['interaction.created', 'interaction.updated', 'task.created', 'task.updated', 'task.completed'],
  handle: (trx, events) => touchDeals(trx, events),
};
