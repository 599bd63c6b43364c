import type { Kysely } from 'kysely';
import { columnTypes, type DialectName } from '../database.js';
import { ddl } from './ddl.js';

/**
 * Tasks get a reminder time (and when it was sent), a priority, a recurrence rule and a link to any
 * record; contracts with their signed file; follow-up sequences (one per lead or sent quote).
 */
export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  const t = columnTypes(dialect);
  const { table, index, addColumn } = ddl(db, dialect);
  const blob = dialect === 'postgres' ? 'bytea' : dialect === 'mysql' ? 'mediumblob' : 'blob';

  await addColumn('tasks', 'remind_at', t.timestamp);
  await addColumn('tasks', 'reminded_at', t.timestamp);
  await addColumn('tasks', 'priority', t.shortText);
  await addColumn('tasks', 'recurrence', t.shortText);
  await addColumn('tasks', 'linked_entity', t.shortText);
  await addColumn('tasks', 'linked_id', t.id);
  await index('tasks', ['reminded_at', 'remind_at']);
  await index('tasks', ['linked_id']);

  await table('contracts', [
    ['id', t.id, 'PRIMARY KEY'],
    ['title', t.shortText, 'NOT NULL'],
    ['customer_id', t.id],
    ['deal_id', t.id],
    ['quote_id', t.id],
    ['starts_on', t.date, 'NOT NULL'],
    ['ends_on', t.date],
    ['value', t.real],
    ['currency', t.shortText],
    ['billing_period', t.shortText],
    ['renewal_notice_days', t.integer],
    ['auto_renew', t.boolean],
    ['status', t.shortText, 'NOT NULL'],
    ['notes', t.longText],
    ['file_name', t.shortText],
    ['file_type', t.shortText],
    ['file_size', t.integer],
    ['file_sha256', t.shortText],
    ['expiring_at', t.timestamp],
    ['renewal_task_id', t.id],
    ['renewal_deal_id', t.id],
    ['renewed_from_id', t.id],
    ['renewed_to_id', t.id],
    ['created_at', t.timestamp, 'NOT NULL'],
    ['updated_at', t.timestamp, 'NOT NULL'],
  ]);
  await index('contracts', ['customer_id']);
  await index('contracts', ['status', 'ends_on']);
  await index('contracts', ['created_at']);

  // The signed file apart from the row, so lists never read it.
  await table('contract_files', [
    ['contract_id', t.id, 'PRIMARY KEY'],
    ['content', blob, 'NOT NULL'],
    ['created_at', t.timestamp, 'NOT NULL'],
  ]);

  await table('followups', [
    ['id', t.id, 'PRIMARY KEY'],
    ['subject_entity', t.shortText, 'NOT NULL'],
    ['subject_id', t.id, 'NOT NULL'],
    ['customer_id', t.id],
    ['deal_id', t.id],
    ['intervals', t.shortText, 'NOT NULL'],
    ['step', t.integer, 'NOT NULL'],
    ['status', t.shortText, 'NOT NULL'],
    ['stop_reason', t.shortText],
    ['current_task_id', t.id],
    ['current_due_at', t.timestamp],
    ['started_at', t.timestamp, 'NOT NULL'],
    ['updated_at', t.timestamp, 'NOT NULL'],
  ]);
  await index('followups', ['subject_entity', 'subject_id'], true);
  await index('followups', ['status', 'current_due_at']);
  await index('followups', ['customer_id']);
  await index('followups', ['current_task_id']);
}
