import type { Kysely } from 'kysely';
import { columnTypes, type DialectName } from '../database.js';
import { ddl } from './ddl.js';

/**
 * Bounces and SMS. Every bounce, complaint or delivery report that named one of our messages is a row
 * with its classification and the raw report (kept 30 days, then emptied by a purge job). SMS: one row
 * per text message with its status, segments and the provider's id (sent by the job queue, updated by
 * signed status callbacks), the inbound keywords received (STOP, START...), and the numbers that opted
 * out, kept by a hash so an erased person's opt-out still holds.
 */
export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  const t = columnTypes(dialect);
  const { table, index } = ddl(db, dialect);

  await table('mail_bounces', [
    ['id', t.id, 'PRIMARY KEY'],
    ['message_id', t.id],
    ['customer_id', t.id],
    ['kind', t.shortText, 'NOT NULL'],
    ['status', t.shortText],
    ['recipient', t.shortText],
    ['diagnostic', t.longText],
    ['reason', t.longText],
    ['source', t.shortText, 'NOT NULL'],
    ['raw', t.longText],
    ['raw_size', t.integer, 'NOT NULL'],
    ['raw_purged_at', t.timestamp],
    ['received_at', t.timestamp, 'NOT NULL'],
  ]);
  await index('mail_bounces', ['message_id']);
  await index('mail_bounces', ['customer_id']);
  await index('mail_bounces', ['recipient', 'received_at']);
  await index('mail_bounces', ['received_at']);

  await table('sms_messages', [
    ['id', t.id, 'PRIMARY KEY'],
    ['customer_id', t.id],
    ['to_number', t.shortText, 'NOT NULL'],
    ['from_number', t.shortText],
    ['body', t.longText, 'NOT NULL'],
    ['purpose', t.shortText, 'NOT NULL'],
    ['status', t.shortText, 'NOT NULL'],
    ['encoding', t.shortText, 'NOT NULL'],
    ['segments', t.integer, 'NOT NULL'],
    ['provider_sid', t.shortText],
    ['provider_status', t.shortText],
    ['error_code', t.shortText],
    ['error', t.longText],
    ['attempts', t.integer, 'NOT NULL'],
    ['related_entity', t.shortText],
    ['related_id', t.id],
    ['created_at', t.timestamp, 'NOT NULL'],
    ['updated_at', t.timestamp, 'NOT NULL'],
    ['sent_at', t.timestamp],
    ['delivered_at', t.timestamp],
  ]);
  await index('sms_messages', ['provider_sid']);
  await index('sms_messages', ['customer_id', 'created_at']);
  await index('sms_messages', ['status', 'created_at']);

  await table('sms_inbound', [
    ['id', t.id, 'PRIMARY KEY'],
    ['provider_sid', t.shortText],
    ['from_number', t.shortText, 'NOT NULL'],
    ['customer_id', t.id],
    ['body', t.longText, 'NOT NULL'],
    ['keyword', t.shortText],
    ['received_at', t.timestamp, 'NOT NULL'],
  ]);
  await index('sms_inbound', ['provider_sid'], true);
  await index('sms_inbound', ['customer_id']);

  await table('sms_opt_outs', [
    ['number_hash', 'varchar(64)', 'PRIMARY KEY'],
    ['customer_id', t.id],
    ['keyword', t.shortText, 'NOT NULL'],
    ['created_at', t.timestamp, 'NOT NULL'],
  ]);
  await index('sms_opt_outs', ['customer_id']);
}
