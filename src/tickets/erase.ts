/**
 * Erases a person from customer service: their tickets stay for the service figures (number, channel,
 * kind, status, priority, dates) with the subject replaced and tags emptied; every message of those
 * tickets and its attachments are deleted, with the event data of the tickets; inbound-mail records
 * from one of their addresses or tied to them lose address, subject and reason.
 */
import type { Db } from '../core/database.js';
import { redactEvents } from '../core/events.js';

const chunks = <T>(items: readonly T[], size = 500): T[][] => Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, i * size + size));

async function ticketIdsOf(trx: Db, customerIds: readonly string[]): Promise<string[]> {
  const ids: string[] = [];
  for (const chunk of chunks(customerIds)) ids.push(...(await trx.selectFrom('tickets').select('id').where('customer_id', 'in', chunk).execute()).map((r) => r.id as string));
  return ids;
}

export async function eraseTicketsOf(trx: Db, customerIds: readonly string[]): Promise<void> {
  const ids = await ticketIdsOf(trx, customerIds);
  for (const chunk of chunks(ids)) await trx.updateTable('tickets').set({ subject: '(erased)', tags: '[]', reply_to_address: null }).where('id', 'in', chunk).execute();
  await redactEvents(trx, 'ticket', ids);
}

export async function eraseTicketMessagesOf(trx: Db, customerIds: readonly string[]): Promise<void> {
  for (const chunk of chunks(await ticketIdsOf(trx, customerIds))) await trx.deleteFrom('ticket_messages').where('ticket_id', 'in', chunk).execute();
}

export async function eraseTicketAttachmentsOf(trx: Db, customerIds: readonly string[]): Promise<void> {
  for (const chunk of chunks(await ticketIdsOf(trx, customerIds))) await trx.deleteFrom('ticket_attachments').where('ticket_id', 'in', chunk).execute();
}

export async function eraseInboundMailOf(trx: Db, customerIds: readonly string[], emails: readonly string[]): Promise<void> {
  const clear = { from_address: null, subject: null, reason: null, header_message_id: null };
  for (const chunk of chunks(customerIds)) await trx.updateTable('inbound_mail').set(clear).where('customer_id', 'in', chunk).execute();
  const lower = emails.map((e) => e.toLowerCase());
  for (const chunk of chunks(lower))
    await trx
      .updateTable('inbound_mail')
      .set(clear)
      .where((eb) => eb.fn('lower', ['from_address']), 'in', chunk)
      .execute();
}
