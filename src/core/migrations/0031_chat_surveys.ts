import type { Kysely } from 'kysely';
import { columnTypes, type DialectName } from '../database.js';
import { ddl } from './ddl.js';

/**
 * Feedback and live chat. Surveys: NPS survey definitions (sent to a segment or N days after someone
 * became a customer), survey requests (one per person asked, CSAT or NPS, with the hash of its public
 * link) and answers kept apart from the requests, so the response rate is known. Chat: sites (a widget
 * key with its allowed origins), conversations (one visitor each, the hash of the visitor's token, the
 * ticket it became) and their messages.
 */
export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  const t = columnTypes(dialect);
  const { table, index } = ddl(db, dialect);

  await table('surveys', [
    ['id', t.id, 'PRIMARY KEY'],
    ['name', t.shortText, 'NOT NULL'],
    ['question', t.longText],
    ['segment_id', t.id],
    ['stage', t.shortText],
    // Sent automatically to each customer this many days after they became one (null: by hand only).
    ['after_days', t.integer],
    ['active', t.integer, 'NOT NULL'],
    ['created_at', t.timestamp, 'NOT NULL'],
    ['updated_at', t.timestamp, 'NOT NULL'],
  ]);
  await table('survey_requests', [
    ['id', t.id, 'PRIMARY KEY'],
    ['kind', t.shortText, 'NOT NULL'],
    ['survey_id', t.id],
    ['customer_id', t.id],
    ['ticket_id', t.id],
    ['chat_id', t.id],
    ['channel', t.shortText, 'NOT NULL'],
    ['token_hash', t.shortText, 'NOT NULL'],
    ['message_id', t.id],
    ['sent_at', t.timestamp, 'NOT NULL'],
    ['answered_at', t.timestamp],
    ['expires_at', t.timestamp, 'NOT NULL'],
  ]);
  await index('survey_requests', ['token_hash'], true);
  await index('survey_requests', ['customer_id', 'sent_at']);
  await index('survey_requests', ['survey_id', 'customer_id']);
  await index('survey_requests', ['ticket_id']);
  await index('survey_requests', ['kind', 'sent_at']);
  await table('survey_responses', [
    ['id', t.id, 'PRIMARY KEY'],
    ['request_id', t.id, 'NOT NULL'],
    ['kind', t.shortText, 'NOT NULL'],
    ['survey_id', t.id],
    ['customer_id', t.id],
    ['ticket_id', t.id],
    ['score', t.integer, 'NOT NULL'],
    ['comment', t.longText],
    ['answered_at', t.timestamp, 'NOT NULL'],
    ['updated_at', t.timestamp, 'NOT NULL'],
  ]);
  await index('survey_responses', ['request_id'], true);
  await index('survey_responses', ['customer_id', 'answered_at']);
  await index('survey_responses', ['kind', 'answered_at']);

  await table('chat_sites', [
    ['id', t.id, 'PRIMARY KEY'],
    ['name', t.shortText, 'NOT NULL'],
    ['site_key', t.shortText, 'NOT NULL'],
    ['allowed_origins', t.longText, 'NOT NULL'],
    ['greeting', t.longText],
    ['active', t.integer, 'NOT NULL'],
    ['created_at', t.timestamp, 'NOT NULL'],
    ['updated_at', t.timestamp, 'NOT NULL'],
  ]);
  await index('chat_sites', ['site_key'], true);
  await table('chat_conversations', [
    ['id', t.id, 'PRIMARY KEY'],
    ['site_id', t.id, 'NOT NULL'],
    ['visitor_hash', t.shortText, 'NOT NULL'],
    ['name', t.shortText],
    ['email', t.shortText],
    ['customer_id', t.id],
    ['ticket_id', t.id],
    ['status', t.shortText, 'NOT NULL'],
    ['origin', t.shortText],
    ['created_at', t.timestamp, 'NOT NULL'],
    ['last_message_at', t.timestamp, 'NOT NULL'],
  ]);
  await index('chat_conversations', ['visitor_hash'], true);
  await index('chat_conversations', ['last_message_at']);
  await index('chat_conversations', ['customer_id']);
  await index('chat_conversations', ['ticket_id']);
  await table('chat_messages', [
    ['id', t.id, 'PRIMARY KEY'],
    ['conversation_id', t.id, 'NOT NULL'],
    ['direction', t.shortText, 'NOT NULL'],
    ['body', t.longText, 'NOT NULL'],
    ['kind', t.shortText, 'NOT NULL'],
    ['created_at', t.timestamp, 'NOT NULL'],
  ]);
  await index('chat_messages', ['conversation_id', 'created_at']);
}
