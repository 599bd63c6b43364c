import type { Kysely } from 'kysely';
import { columnTypes, type DialectName } from '../database.js';
import { ddl } from './ddl.js';

/**
 * Outbound webhooks: endpoints with their event types and signing secret, and one delivery row per
 * (endpoint, event) with its attempts, so a delivery is retried on its own schedule and logged.
 */
export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  const t = columnTypes(dialect);
  const { table, index } = ddl(db, dialect);
  await table('webhooks', [
    ['id', t.id, 'PRIMARY KEY'],
    ['url', t.longText, 'NOT NULL'],
    ['description', t.shortText],
    ['event_types', t.longText, 'NOT NULL'],
    ['secret', t.shortText, 'NOT NULL'],
    ['active', t.boolean, 'NOT NULL'],
    ['disabled_reason', t.shortText],
    ['failing_since', t.timestamp],
    ['created_at', t.timestamp, 'NOT NULL'],
    ['updated_at', t.timestamp, 'NOT NULL'],
  ]);
  await table('webhook_deliveries', [
    ['id', t.id, 'PRIMARY KEY'],
    ['webhook_id', t.id, 'NOT NULL'],
    ['event_id', t.id, 'NOT NULL'],
    ['status', t.shortText, 'NOT NULL'],
    ['attempts', t.integer, 'NOT NULL'],
    ['next_attempt_at', t.timestamp],
    ['locked_by', t.shortText],
    ['locked_until', t.timestamp],
    ['last_status_code', t.integer],
    ['last_error', t.shortText],
    ['last_response', t.longText],
    ['last_duration_ms', t.integer],
    ['created_at', t.timestamp, 'NOT NULL'],
    ['delivered_at', t.timestamp],
  ]);
  await index('webhook_deliveries', ['webhook_id', 'event_id'], true);
  await index('webhook_deliveries', ['status', 'next_attempt_at']);
  await index('webhook_deliveries', ['webhook_id', 'created_at']);
}
