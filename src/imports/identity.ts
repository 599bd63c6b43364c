import type { Db } from '../core/database.js';
import { emailKey } from '../customers/normalise.js';

/** Which records already carry these ids of `source`: source_id -> Rapport id. */
export async function findBySourceIds(db: Db, entity: string, source: string, sourceIds: Iterable<string>): Promise<Map<string, string>> {
  const ids = [...new Set(sourceIds)];
  const found = new Map<string, string>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom('external_ids')
      .select(['source_id', 'entity_id'])
      .where('entity', '=', entity)
      .where('source', '=', source)
      .where('source_id', 'in', ids.slice(i, i + 500))
      .execute();
    for (const r of rows) found.set(r.source_id as string, r.entity_id as string);
  }
  return found;
}

/** Customers known by these email addresses: emailKey(address) -> customer id (the match keys' form). */
export async function findCustomersByEmail(db: Db, emails: Iterable<string>): Promise<Map<string, string>> {
  const keys = [...new Set(Array.from(emails, emailKey))];
  const found = new Map<string, string>();
  for (let i = 0; i < keys.length; i += 500) {
    const rows = await db
      .selectFrom('customer_keys')
      .select(['value', 'customer_id'])
      .where('kind', '=', 'email')
      .where('value', 'in', keys.slice(i, i + 500))
      .orderBy('customer_id')
      .execute();
    for (const r of rows) if (!found.has(r.value as string)) found.set(r.value as string, r.customer_id as string);
  }
  return found;
}
