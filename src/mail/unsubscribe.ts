/**
 * Unsubscribing from marketing email through the signed link of a message: the address goes on the
 * suppression list and the customer's email consent is withdrawn through the customers' write pipe,
 * at once and in one transaction, with a `customer.unsubscribed` event. Doing it twice changes nothing.
 */
import { instanceSecret } from '../auth/secrets.js';
import type { Ctx } from '../core/context.js';
import { toBool, type Database } from '../core/database.js';
import { appendEvents } from '../core/events.js';
import { AppError } from '../core/errors.js';
import { customers } from '../customers/index.js';
import { addressHash, addSuppression } from './suppressions.js';
import { readUnsubscribeToken } from './tokens.js';

export interface UnsubscribeTarget {
  messageId: string;
  address: string;
  customerId: string | null;
  /** Whether the address is suppressed already. */
  unsubscribed: boolean;
}

const invalidLink = () => new AppError('not_found', 'This unsubscribe link is not valid. Use the link of a recent email, or reply to it and ask to be removed.');

/** The message and address a token stands for; a changed or foreign token is refused (404) before anything is read. */
export async function unsubscribeTarget(database: Database, token: string): Promise<UnsubscribeTarget> {
  const messageId = readUnsubscribeToken(await instanceSecret(database.db), token);
  if (!messageId) throw invalidLink();
  const row = await database.db.selectFrom('messages').select(['id', 'to_address', 'customer_id']).where('id', '=', messageId).executeTakeFirst();
  if (!row || row.to_address === 'erased') throw invalidLink();
  const suppressed = await database.db
    .selectFrom('suppressions')
    .select('id')
    .where('address_hash', '=', addressHash(row.to_address as string))
    .executeTakeFirst();
  return { messageId, address: row.to_address as string, customerId: (row.customer_id as string | null) ?? null, unsubscribed: !!suppressed };
}

export async function unsubscribe(database: Database, token: string): Promise<UnsubscribeTarget> {
  const target = await unsubscribeTarget(database, token);
  const ctx: Ctx = { database, actor: `unsubscribe:${target.messageId}` };
  await database.db.transaction().execute(async (trx) => {
    await addSuppression(trx, ctx.actor, {
      address: target.address,
      reason: 'unsubscribed',
      customerId: target.customerId,
      messageId: target.messageId,
      note: 'unsubscribed through the link of a message',
    });
    if (!target.customerId) return;
    const customer = await trx.selectFrom('customers').select(['id', 'consent_email', 'erased_at']).where('id', '=', target.customerId).executeTakeFirst();
    if (!customer || customer.erased_at || toBool(customer.consent_email) === false) return;
    await customers.updateIn(trx, ctx, [{ id: target.customerId, patch: { consent_email: false, consent_email_method: 'withdrawn through the unsubscribe link of a message' } }]);
    await appendEvents(trx, ctx.actor, [{ type: 'customer.unsubscribed', entity: 'customer', entityId: target.customerId, data: { message_id: target.messageId } }]);
  });
  return { ...target, unsubscribed: true };
}
