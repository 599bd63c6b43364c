import type { Kysely } from 'kysely';
import { columnTypes, type DialectName } from '../database.js';
import { ddl } from './ddl.js';

/**
 * Web-to-lead forms: each form's settings (fields chosen from the customer registry, consent wording,
 * target stage, lead source, where to send the visitor afterwards, origins allowed to embed it), one row
 * per accepted submission (which customer and deal it made, the consent wording the visitor saw), and
 * the counters that rate-limit public submissions, shared by every process on the database.
 */
export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  const t = columnTypes(dialect);
  const { table, index } = ddl(db, dialect);
  await table('forms', [
    ['id', t.id, 'PRIMARY KEY'],
    ['name', t.shortText, 'NOT NULL'],
    ['fields', t.longText, 'NOT NULL'],
    ['consent_wording', t.longText],
    ['pipeline_id', t.id],
    ['stage_id', t.id],
    ['lead_source', t.shortText, 'NOT NULL'],
    ['success_message', t.longText],
    ['redirect_url', t.longText],
    ['allowed_origins', t.longText, 'NOT NULL'],
    ['active', t.boolean, 'NOT NULL'],
    ['signing_key', t.shortText, 'NOT NULL'],
    ['created_at', t.timestamp, 'NOT NULL'],
    ['updated_at', t.timestamp, 'NOT NULL'],
  ]);
  await table('form_submissions', [
    ['id', t.id, 'PRIMARY KEY'],
    ['form_id', t.id, 'NOT NULL'],
    ['customer_id', t.id, 'NOT NULL'],
    ['deal_id', t.id],
    ['matched', t.boolean, 'NOT NULL'],
    ['consent_given', t.boolean, 'NOT NULL'],
    ['consent_wording', t.longText],
    ['referral_code', t.shortText],
    ['referral_attributed', t.boolean, 'NOT NULL'],
    ['origin', t.shortText],
    ['submitted_at', t.timestamp, 'NOT NULL'],
  ]);
  await index('form_submissions', ['form_id', 'submitted_at']);
  await index('form_submissions', ['customer_id']);
  await table('form_rate_limits', [
    ['limit_key', t.shortText, 'PRIMARY KEY'],
    ['hits', t.integer, 'NOT NULL'],
    ['window_start', t.timestamp, 'NOT NULL'],
  ]);
  await index('form_rate_limits', ['window_start']);
}
