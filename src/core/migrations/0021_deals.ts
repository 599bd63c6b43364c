import type { Kysely } from 'kysely';
import { columnTypes, type DialectName } from '../database.js';
import { ddl } from './ddl.js';

/**
 * Sales pipelines and deals: pipelines with ordered stages (win probability, kind open/won/lost, a
 * "rotten after N days without activity" rule), deals on a stage with product lines, and one row per
 * stage a deal entered (time in stage, win rate and velocity per stage are read from it).
 */
export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  const t = columnTypes(dialect);
  const { table, index } = ddl(db, dialect);
  await table('pipelines', [
    ['id', t.id, 'PRIMARY KEY'],
    ['name', t.shortText, 'NOT NULL'],
    ['position', t.integer, 'NOT NULL'],
    ['rotten_days', t.integer],
    ['lost_reason_required', t.boolean, 'NOT NULL'],
    ['created_at', t.timestamp, 'NOT NULL'],
    ['updated_at', t.timestamp, 'NOT NULL'],
  ]);
  await table('pipeline_stages', [
    ['id', t.id, 'PRIMARY KEY'],
    ['pipeline_id', t.id, 'NOT NULL'],
    ['name', t.shortText, 'NOT NULL'],
    ['position', t.integer, 'NOT NULL'],
    ['probability', t.real, 'NOT NULL'],
    ['kind', t.shortText, 'NOT NULL'],
    ['created_at', t.timestamp, 'NOT NULL'],
    ['updated_at', t.timestamp, 'NOT NULL'],
  ]);
  await index('pipeline_stages', ['pipeline_id', 'position']);

  await table('deals', [
    ['id', t.id, 'PRIMARY KEY'],
    ['title', t.shortText, 'NOT NULL'],
    ['customer_id', t.id],
    ['company_id', t.id],
    ['pipeline_id', t.id, 'NOT NULL'],
    ['stage_id', t.id, 'NOT NULL'],
    ['status', t.shortText, 'NOT NULL'],
    ['value', t.real],
    ['currency', t.shortText],
    ['expected_close_date', t.date],
    ['source', t.shortText],
    ['lost_reason', t.shortText],
    ['notes', t.longText],
    ['stage_changed_at', t.timestamp],
    ['last_activity_at', t.timestamp],
    ['closed_at', t.timestamp],
    ['created_at', t.timestamp, 'NOT NULL'],
    ['updated_at', t.timestamp, 'NOT NULL'],
  ]);
  await index('deals', ['pipeline_id', 'stage_id']);
  await index('deals', ['status', 'expected_close_date']);
  await index('deals', ['customer_id']);
  await index('deals', ['company_id']);
  await index('deals', ['created_at']);
  await index('deals', ['updated_at']);
  await index('deals', ['value']);
  await index('deals', ['expected_close_date']);
  await index('deals', ['title']);

  await table('deal_lines', [
    ['id', t.id, 'PRIMARY KEY'],
    ['deal_id', t.id, 'NOT NULL'],
    ['position', t.integer, 'NOT NULL'],
    ['product_id', t.id],
    ['sku', t.shortText],
    ['product_name', t.shortText],
    ['quantity', t.real, 'NOT NULL'],
    ['unit_price', t.real, 'NOT NULL'],
  ]);
  await index('deal_lines', ['deal_id', 'position']);

  await table('deal_stage_changes', [
    ['id', t.id, 'PRIMARY KEY'],
    ['deal_id', t.id, 'NOT NULL'],
    ['pipeline_id', t.id, 'NOT NULL'],
    ['from_stage_id', t.id],
    ['to_stage_id', t.id, 'NOT NULL'],
    ['entered_at', t.timestamp, 'NOT NULL'],
    ['left_at', t.timestamp],
    ['actor', t.shortText, 'NOT NULL'],
  ]);
  await index('deal_stage_changes', ['deal_id', 'entered_at']);
  await index('deal_stage_changes', ['to_stage_id']);
}
