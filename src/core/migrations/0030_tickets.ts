import type { Kysely } from 'kysely';
import { columnTypes, type DialectName } from '../database.js';
import { ddl } from './ddl.js';

/**
 * Customer service: tickets with gap-free numbers (T-1, T-2, ...) from a counter row, their messages
 * (inbound, outbound, internal notes) with the Message-IDs threading keys on, attachments stored apart
 * from the rows, canned replies; the inbound mail pipeline: IMAP mailboxes (password sealed) with the
 * last UID fetched, hashed tokens of the raw-MIME webhook, and one row per inbound mail with what became
 * of it (ticket, reply, auto-reply, bounce, refused as too large or malformed).
 */
export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  const t = columnTypes(dialect);
  const { table, index } = ddl(db, dialect);
  const blob = dialect === 'postgres' ? 'bytea' : dialect === 'mysql' ? 'longblob' : 'blob';

  await table('ticket_counters', [
    ['name', t.shortText, 'PRIMARY KEY'],
    ['last_number', t.integer, 'NOT NULL'],
  ]);
  await db.insertInto('ticket_counters').values({ name: 'tickets', last_number: 0 }).execute();

  await table('tickets', [
    ['id', t.id, 'PRIMARY KEY'],
    ['number', t.integer, 'NOT NULL'],
    ['customer_id', t.id],
    ['subject', t.longText, 'NOT NULL'],
    ['channel', t.shortText, 'NOT NULL'],
    ['kind', t.shortText, 'NOT NULL'],
    ['status', t.shortText, 'NOT NULL'],
    ['priority', t.shortText, 'NOT NULL'],
    ['priority_rank', t.integer, 'NOT NULL'],
    ['tags', t.longText, 'NOT NULL'],
    ['snoozed_until', t.timestamp],
    ['linked_ticket_id', t.id],
    ['mailbox_id', t.id],
    ['reply_to_address', t.shortText],
    ['first_response_at', t.timestamp],
    ['first_response_due_at', t.timestamp],
    ['resolution_due_at', t.timestamp],
    // The inbox order: the pending due time, brought forward for complaints and high-value customers.
    ['attention_at', t.timestamp, 'NOT NULL'],
    ['resolved_at', t.timestamp],
    ['closed_at', t.timestamp],
    ['last_message_at', t.timestamp, 'NOT NULL'],
    ['last_inbound_at', t.timestamp],
    ['message_count', t.integer, 'NOT NULL'],
    ['created_at', t.timestamp, 'NOT NULL'],
    ['updated_at', t.timestamp, 'NOT NULL'],
  ]);
  await index('tickets', ['number'], true);
  await index('tickets', ['customer_id', 'created_at']);
  // No index leads with status: the inbox filters by status while it reads attention_at in order, and an
  // index on status would tempt the planner to sort every open ticket for one page.
  await index('tickets', ['snoozed_until']);
  await index('tickets', ['last_message_at', 'id']);
  await index('tickets', ['attention_at', 'id']);
  await index('tickets', ['created_at', 'id']);

  await table('ticket_messages', [
    ['id', t.id, 'PRIMARY KEY'],
    ['ticket_id', t.id, 'NOT NULL'],
    ['direction', t.shortText, 'NOT NULL'],
    ['author', t.shortText],
    ['from_address', t.shortText],
    ['to_address', t.shortText],
    ['subject', t.longText],
    ['body_text', t.longText, 'NOT NULL'],
    ['body_html', t.longText],
    ['visible_text', t.longText, 'NOT NULL'],
    ['header_message_id', t.shortText],
    ['in_reply_to', t.shortText],
    ['references_ids', t.longText],
    ['mail_message_id', t.id],
    ['auto_reply', t.boolean, 'NOT NULL'],
    ['created_at', t.timestamp, 'NOT NULL'],
  ]);
  await index('ticket_messages', ['ticket_id', 'created_at']);
  // Unique: a mail fetched twice at once (IDLE and the minute's fetch, a provider's retry) is stored once.
  await index('ticket_messages', ['header_message_id'], true);
  await index('ticket_messages', ['mail_message_id']);

  await table('ticket_attachments', [
    ['id', t.id, 'PRIMARY KEY'],
    ['ticket_message_id', t.id, 'NOT NULL'],
    ['ticket_id', t.id, 'NOT NULL'],
    ['filename', t.shortText, 'NOT NULL'],
    ['content_type', t.shortText, 'NOT NULL'],
    ['size', t.integer, 'NOT NULL'],
    ['sha256', t.shortText, 'NOT NULL'],
    ['content', blob, 'NOT NULL'],
    ['created_at', t.timestamp, 'NOT NULL'],
  ]);
  await index('ticket_attachments', ['ticket_message_id']);
  await index('ticket_attachments', ['ticket_id']);

  await table('canned_replies', [
    ['id', t.id, 'PRIMARY KEY'],
    ['name', t.shortText, 'NOT NULL'],
    ['body', t.longText, 'NOT NULL'],
    ['created_at', t.timestamp, 'NOT NULL'],
    ['updated_at', t.timestamp, 'NOT NULL'],
  ]);

  await table('mailboxes', [
    ['id', t.id, 'PRIMARY KEY'],
    ['name', t.shortText, 'NOT NULL'],
    ['address', t.shortText, 'NOT NULL'],
    ['host', t.shortText, 'NOT NULL'],
    ['port', t.integer, 'NOT NULL'],
    ['security', t.shortText, 'NOT NULL'],
    ['username', t.shortText, 'NOT NULL'],
    ['password_sealed', t.longText, 'NOT NULL'],
    ['folder', t.shortText, 'NOT NULL'],
    ['enabled', t.boolean, 'NOT NULL'],
    ['uid_validity', t.shortText],
    ['last_uid', t.integer, 'NOT NULL'],
    ['last_polled_at', t.timestamp],
    ['last_error', t.longText],
    ['created_at', t.timestamp, 'NOT NULL'],
    ['updated_at', t.timestamp, 'NOT NULL'],
  ]);

  await table('inbound_tokens', [
    ['id', t.id, 'PRIMARY KEY'],
    ['name', t.shortText, 'NOT NULL'],
    ['token_hash', 'varchar(64)', 'NOT NULL'],
    ['last_used_at', t.timestamp],
    ['created_at', t.timestamp, 'NOT NULL'],
  ]);
  await index('inbound_tokens', ['token_hash'], true);

  await table('inbound_mail', [
    ['id', t.id, 'PRIMARY KEY'],
    ['source', t.shortText, 'NOT NULL'],
    ['header_message_id', t.shortText],
    ['from_address', t.shortText],
    ['subject', t.longText],
    ['size', t.integer, 'NOT NULL'],
    ['outcome', t.shortText, 'NOT NULL'],
    ['ticket_id', t.id],
    ['customer_id', t.id],
    ['reason', t.longText],
    ['created_at', t.timestamp, 'NOT NULL'],
  ]);
  await index('inbound_mail', ['created_at']);
  await index('inbound_mail', ['header_message_id']);
  await index('inbound_mail', ['customer_id']);
}
