/**
 * The suppression list: addresses that get no more mail (unsubscribed, hard bounce, complaint, added by
 * hand). Kept by a hash of the lower-cased address, so an erased person stays suppressed without their
 * address being kept.
 */
import { sha256 } from '../auth/secrets.js';
import type { Db } from '../core/database.js';
import { appendEvents } from '../core/events.js';
import { notFound } from '../core/errors.js';
import { newId } from '../core/ids.js';

export const suppressionReasons = ['unsubscribed', 'hard_bounce', 'complaint', 'manual', 'soft_bounces'] as const;
export type SuppressionReason = (typeof suppressionReasons)[number];

export const addressHash = (address: string) => sha256(address.trim().toLowerCase());

export interface Suppression {
  id: string;
  address: string | null;
  reason: SuppressionReason;
  customer_id: string | null;
  message_id: string | null;
  note: string | null;
  created_at: string;
}

const toSuppression = (r: Record<string, unknown>): Suppression => ({
  id: r.id as string,
  address: (r.address as string | null) ?? null,
  reason: r.reason as SuppressionReason,
  customer_id: (r.customer_id as string | null) ?? null,
  message_id: (r.message_id as string | null) ?? null,
  note: (r.note as string | null) ?? null,
  created_at: r.created_at as string,
});

/** The hashes among these addresses' that are suppressed. */
export async function suppressedHashes(db: Db, addresses: readonly string[]): Promise<Set<string>> {
  const hashes = [...new Set(addresses.map(addressHash))];
  const found = new Set<string>();
  for (let i = 0; i < hashes.length; i += 500) {
    const rows = await db
      .selectFrom('suppressions')
      .select('address_hash')
      .where('address_hash', 'in', hashes.slice(i, i + 500))
      .execute();
    for (const r of rows) found.add(r.address_hash as string);
  }
  return found;
}

/** Suppresses an address (once: an address already listed keeps its first reason). Returns the entry. */
export async function addSuppression(
  trx: Db,
  actor: string,
  input: { address: string; reason: SuppressionReason; customerId?: string | null; messageId?: string | null; note?: string | null },
): Promise<Suppression> {
  const hash = addressHash(input.address);
  const existing = await trx.selectFrom('suppressions').selectAll().where('address_hash', '=', hash).executeTakeFirst();
  if (existing) return toSuppression(existing);
  const row = {
    id: newId('suppression'),
    address_hash: hash,
    address: input.address.trim().toLowerCase(),
    reason: input.reason,
    customer_id: input.customerId ?? null,
    message_id: input.messageId ?? null,
    note: input.note ?? null,
    created_at: new Date().toISOString(),
  };
  await trx.insertInto('suppressions').values(row).execute();
  await appendEvents(trx, actor, [{ type: 'suppression.added', entity: 'suppression', entityId: row.id, data: { reason: row.reason, customer_id: row.customer_id, message_id: row.message_id } }]);
  return toSuppression(row);
}

export async function removeSuppression(trx: Db, actor: string, id: string): Promise<void> {
  const row = await trx.selectFrom('suppressions').select(['id', 'customer_id', 'reason']).where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('suppression', id);
  await trx.deleteFrom('suppressions').where('id', '=', id).execute();
  await appendEvents(trx, actor, [{ type: 'suppression.removed', entity: 'suppression', entityId: id, data: { reason: row.reason, customer_id: row.customer_id } }]);
}

export async function listSuppressions(
  db: Db,
  query: { reason?: SuppressionReason; customerId?: string; before?: string; limit: number },
): Promise<{ data: Suppression[]; next_cursor: string | null }> {
  let q = db
    .selectFrom('suppressions')
    .selectAll()
    .orderBy('id', 'desc')
    .limit(query.limit + 1);
  if (query.reason) q = q.where('reason', '=', query.reason);
  if (query.customerId) q = q.where('customer_id', '=', query.customerId);
  if (query.before) q = q.where('id', '<', query.before);
  const rows = (await q.execute()).map(toSuppression);
  const more = rows.length > query.limit;
  const data = rows.slice(0, query.limit);
  return { data, next_cursor: more ? data[data.length - 1].id : null };
}
