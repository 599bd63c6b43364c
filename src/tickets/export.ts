/** A person's tickets for the data-subject export: each ticket with its messages (attachments by name, size and hash). */
import type { Db } from '../core/database.js';
import { messagesOf, ticketFromRow } from './service.js';

export async function exportTickets(db: Db, customerIds: readonly string[]) {
  if (!customerIds.length) return [];
  const rows = await db
    .selectFrom('tickets')
    .selectAll()
    .where('customer_id', 'in', [...customerIds])
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const out = [];
  for (const r of rows) {
    const ticket = ticketFromRow(r);
    const messages = (await messagesOf(db, ticket.id)).map(({ body_text, body_html, direction, from_address, to_address, subject, created_at, attachments }) => ({
      direction,
      from_address,
      to_address,
      subject,
      body_text,
      body_html,
      created_at,
      attachments,
    }));
    out.push({ ...ticket, messages });
  }
  return out;
}
