/**
 * Erases a person from outgoing mail. Their messages (by customer or by one of their addresses) keep
 * the facts (purpose, status, dates, related record) and lose address, subject, bodies, headers,
 * attachments and the server's answers; mail still queued for them is not sent. Suppression entries
 * lose the address but keep its hash, so the erased person still gets no mail.
 */
import type { Db } from '../core/database.js';

const chunks = <T>(items: readonly T[], size = 500): T[][] => Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, i * size + size));

async function messageIdsOf(trx: Db, customerIds: readonly string[], emails: readonly string[]): Promise<string[]> {
  const ids = new Set<string>();
  for (const chunk of chunks(customerIds)) for (const r of await trx.selectFrom('messages').select('id').where('customer_id', 'in', chunk).execute()) ids.add(r.id as string);
  for (const chunk of chunks(emails))
    for (const r of await trx
      .selectFrom('messages')
      .select('id')
      .where((eb) => eb.fn('lower', ['to_address']), 'in', chunk)
      .execute())
      ids.add(r.id as string);
  return [...ids];
}

export async function eraseMessagesOf(trx: Db, customerIds: readonly string[], emails: readonly string[]): Promise<void> {
  const ids = await messageIdsOf(
    trx,
    customerIds,
    [...emails].map((e) => e.toLowerCase()),
  );
  const now = new Date().toISOString();
  for (const chunk of chunks(ids)) {
    await trx
      .updateTable('messages')
      .set({ status: 'suppressed', error: 'the recipient was erased', claimed_by: null, claimed_until: null })
      .where('id', 'in', chunk)
      .where('status', 'in', ['queued', 'sending'])
      .execute();
    await trx
      .updateTable('messages')
      .set({ to_address: 'erased', subject: '', text_body: '', html_body: null, headers: null, attachments: null, provider_response: null, updated_at: now })
      .where('id', 'in', chunk)
      .execute();
  }
}

export async function eraseSuppressionsOf(trx: Db, customerIds: readonly string[], hashes: readonly string[]): Promise<void> {
  for (const chunk of chunks(customerIds)) await trx.updateTable('suppressions').set({ address: null, note: null }).where('customer_id', 'in', chunk).execute();
  for (const chunk of chunks(hashes)) await trx.updateTable('suppressions').set({ address: null, note: null }).where('address_hash', 'in', chunk).execute();
}
