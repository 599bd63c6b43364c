import type { Kysely } from 'kysely';
import { columnTypes, type DialectName } from '../database.js';
import { ddl } from './ddl.js';

/**
 * Outgoing mail: one row per message with its status and delivery claim (the outbox the mail worker
 * sends from), sender identities with their DKIM keys, persisted rate-limit windows per sender, and
 * the suppression list checked at send time.
 */
export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  const t = columnTypes(dialect);
  const { table, index } = ddl(db, dialect);
  await table('messages', [
    ['id', t.id, 'PRIMARY KEY'],
    ['purpose', t.shortText, 'NOT NULL'],
    ['status', t.shortText, 'NOT NULL'],
    ['sender_id', t.id],
    ['to_address', t.shortText, 'NOT NULL'],
    ['customer_id', t.id],
    ['subject', t.longText, 'NOT NULL'],
    ['text_body', t.longText, 'NOT NULL'],
    ['html_body', t.longText],
    ['headers', t.longText],
    ['attachments', t.longText],
    ['related_entity', t.shortText],
    ['related_id', t.id],
    ['attempts', t.integer, 'NOT NULL'],
    ['next_attempt_at', t.timestamp, 'NOT NULL'],
    ['claimed_by', t.shortText],
    ['claimed_until', t.timestamp],
    ['message_id', t.shortText],
    ['provider_response', t.longText],
    ['error', t.longText],
    ['opened_at', t.timestamp],
    ['clicked_at', t.timestamp],
    ['created_at', t.timestamp, 'NOT NULL'],
    ['updated_at', t.timestamp, 'NOT NULL'],
    ['sent_at', t.timestamp],
  ]);
  await index('messages', ['status', 'next_attempt_at']);
  await index('messages', ['customer_id', 'created_at']);
  await index('messages', ['related_entity', 'related_id']);
  await index('messages', ['created_at']);

  await table('mail_senders', [
    ['id', t.id, 'PRIMARY KEY'],
    ['name', t.shortText, 'NOT NULL'],
    ['address', t.shortText, 'NOT NULL'],
    ['reply_to', t.shortText],
    ['domain', t.shortText, 'NOT NULL'],
    ['is_default', t.boolean, 'NOT NULL'],
    ['dkim_selector', t.shortText, 'NOT NULL'],
    ['dkim_public_key', t.longText, 'NOT NULL'],
    ['dkim_private_key', t.longText, 'NOT NULL'],
    ['per_second', t.integer],
    ['per_hour', t.integer],
    ['per_day', t.integer],
    ['created_at', t.timestamp, 'NOT NULL'],
    ['updated_at', t.timestamp, 'NOT NULL'],
  ]);
  await index('mail_senders', ['address'], true);

  // One row per (sender, period): the current window's start and how many messages it has used.
  await table(
    'mail_rate_windows',
    [
      ['sender_key', t.id, 'NOT NULL'],
      ['period', 'varchar(8)', 'NOT NULL'],
      ['window_start', t.timestamp, 'NOT NULL'],
      ['used', t.integer, 'NOT NULL'],
      ['updated_at', t.timestamp, 'NOT NULL'],
    ],
    ['PRIMARY KEY (' + (dialect === 'mysql' ? '`sender_key`, `period`' : '"sender_key", "period"') + ')'],
  );

  await table('suppressions', [
    ['id', t.id, 'PRIMARY KEY'],
    ['address_hash', 'varchar(64)', 'NOT NULL'],
    ['address', t.shortText],
    ['reason', t.shortText, 'NOT NULL'],
    ['customer_id', t.id],
    ['message_id', t.id],
    ['note', t.longText],
    ['created_at', t.timestamp, 'NOT NULL'],
  ]);
  await index('suppressions', ['address_hash'], true);
  await index('suppressions', ['customer_id']);
}
