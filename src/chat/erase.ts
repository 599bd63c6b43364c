import { randomToken, sha256 } from '../auth/secrets.js';
import type { Db } from '../core/database.js';

const chunks = <T>(items: readonly T[], size = 500): T[][] => Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, i * size + size));

/** The chat conversations of a person: theirs by customer id, or by an address they typed. */
async function conversationIdsOf(trx: Db, customerIds: readonly string[], emails: readonly string[]): Promise<string[]> {
  const ids = new Set<string>();
  for (const chunk of chunks(customerIds)) for (const r of await trx.selectFrom('chat_conversations').select('id').where('customer_id', 'in', chunk).execute()) ids.add(r.id as string);
  const lower = [...new Set(emails.map((e) => e.toLowerCase()))];
  for (const chunk of chunks(lower)) for (const r of await trx.selectFrom('chat_conversations').select('id').where('email', 'in', chunk).execute()) ids.add(r.id as string);
  return [...ids];
}

/** Empties the name and address of the person's conversations and forgets the visitor's token. */
export async function eraseChatConversationsOf(trx: Db, customerIds: readonly string[], emails: readonly string[]): Promise<void> {
  for (const id of await conversationIdsOf(trx, customerIds, emails))
    await trx
      .updateTable('chat_conversations')
      .set({ name: null, email: null, visitor_hash: sha256(`erased ${randomToken(16)}`), status: 'closed' })
      .where('id', '=', id)
      .execute();
}

/** Deletes the messages of the person's conversations. */
export async function eraseChatMessagesOf(trx: Db, customerIds: readonly string[], emails: readonly string[]): Promise<void> {
  for (const chunk of chunks(await conversationIdsOf(trx, customerIds, emails))) await trx.deleteFrom('chat_messages').where('conversation_id', 'in', chunk).execute();
}

/** The person's chats with their messages, for their data-subject export. */
export async function exportChats(db: Db, customerIds: readonly string[], emails: readonly string[]) {
  const out = [];
  for (const id of await conversationIdsOf(db, customerIds, emails)) {
    const c = await db.selectFrom('chat_conversations').select(['id', 'name', 'email', 'origin', 'ticket_id', 'created_at']).where('id', '=', id).executeTakeFirstOrThrow();
    const messages = await db.selectFrom('chat_messages').select(['direction', 'body', 'created_at']).where('conversation_id', '=', id).orderBy('created_at').orderBy('id').execute();
    out.push({ ...c, messages });
  }
  return out;
}
