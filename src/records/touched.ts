import type { StoredEvent } from '../core/events.js';

const stringsIn = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

function customerIdIn(facts: unknown): string | undefined {
  if (typeof facts !== 'object' || facts === null) return undefined;
  const id = (facts as Record<string, unknown>).customer_id;
  return typeof id === 'string' ? id : undefined;
}

/**
 * The customers whose derived data these events may change: a customer event's own customer (and
 * both sides of a merge or its undo), and for a record linked to a customer (an order, an
 * interaction) the customer it has now and the one it had before (`data.previous`, `data.record`
 * of a deletion).
 */
export function customersTouched(events: readonly StoredEvent[]): string[] {
  const ids = new Set<string>();
  for (const event of events) {
    const data = event.data ?? {};
    if (event.entity === 'customer') {
      ids.add(event.entity_id);
      for (const id of [...stringsIn(data.merged_ids), ...stringsIn(data.restored_ids)]) ids.add(id);
      continue;
    }
    for (const facts of [data.record, data.previous]) {
      const id = customerIdIn(facts);
      if (id) ids.add(id);
    }
  }
  return [...ids];
}
