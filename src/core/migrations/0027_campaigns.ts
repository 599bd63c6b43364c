import type { Kysely } from 'kysely';
import { columnTypes, type DialectName } from '../database.js';
import { ddl } from './ddl.js';

/**
 * Email templates (MJML with Liquid merge fields) and campaigns: a campaign's audience, variants and
 * A/B settings, and one row per recipient keyed (campaign, customer), so enqueueing a campaign again
 * after a crash adds nobody twice. The recipient row names the variant sent and the message row.
 */
export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  const t = columnTypes(dialect);
  const { table, index, q } = ddl(db, dialect);
  await table('templates', [
    ['id', t.id, 'PRIMARY KEY'],
    ['name', t.shortText, 'NOT NULL'],
    ['subject', t.longText, 'NOT NULL'],
    ['mjml', t.longText, 'NOT NULL'],
    ['text_body', t.longText],
    ['created_at', t.timestamp, 'NOT NULL'],
    ['updated_at', t.timestamp, 'NOT NULL'],
  ]);
  await table('campaigns', [
    ['id', t.id, 'PRIMARY KEY'],
    ['name', t.shortText, 'NOT NULL'],
    ['status', t.shortText, 'NOT NULL'],
    ['audience', t.longText, 'NOT NULL'],
    ['variants', t.longText, 'NOT NULL'],
    ['ab', t.longText],
    ['ab_result', t.longText],
    ['sender_id', t.id],
    ['attribution_days', t.integer, 'NOT NULL'],
    ['discount_prefix', t.shortText],
    ['scheduled_at', t.timestamp],
    ['started_at', t.timestamp],
    ['test_sent_at', t.timestamp],
    ['decided_at', t.timestamp],
    ['finished_at', t.timestamp],
    ['created_at', t.timestamp, 'NOT NULL'],
    ['updated_at', t.timestamp, 'NOT NULL'],
  ]);
  await index('campaigns', ['status']);
  await table(
    'campaign_recipients',
    [
      ['campaign_id', t.id, 'NOT NULL'],
      ['customer_id', t.id, 'NOT NULL'],
      ['variant', 'varchar(8)', 'NOT NULL'],
      ['phase', 'varchar(8)', 'NOT NULL'],
      ['message_id', t.id],
      ['created_at', t.timestamp, 'NOT NULL'],
    ],
    [`PRIMARY KEY (${q('campaign_id')}, ${q('customer_id')})`],
  );
  await index('campaign_recipients', ['message_id']);
  await index('campaign_recipients', ['customer_id']);
}
