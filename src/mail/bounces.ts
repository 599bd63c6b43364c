/**
 * Recording what happened to a sent message afterwards: a bounce (soft: the mailbox is full or the
 * server is busy; hard: the address does not exist) or a complaint (marked as spam). A hard bounce or a
 * complaint suppresses the address at once; a soft one only marks the message. Used by bounce
 * processing (DSNs from a mailbox or a provider's webhook).
 */
import type { Db } from '../core/database.js';
import { appendEvents } from '../core/events.js';
import { notFound } from '../core/errors.js';
import { addSuppression } from './suppressions.js';

export type BounceKind = 'soft' | 'hard' | 'complaint';

const statusOf: Record<BounceKind, string> = { soft: 'bounced_soft', hard: 'bounced_hard', complaint: 'complained' };

export async function recordBounce(trx: Db, actor: string, messageId: string, kind: BounceKind, detail: string | null = null): Promise<void> {
  const row = await trx.selectFrom('messages').select(['id', 'to_address', 'customer_id', 'purpose', 'status']).where('id', '=', messageId).executeTakeFirst();
  if (!row) throw notFound('message', messageId);
  // A complaint outranks a bounce, a hard bounce a soft one; a later, weaker report changes nothing.
  const rank = (s: string) => ['sent', 'bounced_soft', 'bounced_hard', 'complained'].indexOf(s);
  // Only a message that went out can bounce (a report about one still queued or suppressed is ignored).
  if (rank(row.status as string) < 0 || rank(statusOf[kind]) <= rank(row.status as string)) return;
  await trx
    .updateTable('messages')
    .set({ status: statusOf[kind], error: detail?.slice(0, 2000) ?? null, updated_at: new Date().toISOString() })
    .where('id', '=', messageId)
    .execute();
  await appendEvents(trx, actor, [{ type: 'message.bounced', entity: 'message', entityId: messageId, data: { kind, purpose: row.purpose, customer_id: row.customer_id ?? null } }]);
  if (kind !== 'soft' && row.to_address !== 'erased')
    await addSuppression(trx, actor, { address: row.to_address as string, reason: kind === 'hard' ? 'hard_bounce' : 'complaint', customerId: (row.customer_id as string | null) ?? null, messageId });
}
