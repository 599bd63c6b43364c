import type { Kysely } from 'kysely';
import { columnTypes, type DialectName } from '../database.js';
import { ddl } from './ddl.js';

/** Import batches with their rejected rows and change log (for undo), duplicate review and merges. */
export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  const t = columnTypes(dialect);
  const { table, index } = ddl(db, dialect);

  await table('import_batches', [
    ['id', t.id, 'PRIMARY KEY'],
    ['kind', 'varchar(32)', 'NOT NULL'],
    ['source', 'varchar(64)', 'NOT NULL'],
    ['file_name', t.shortText],
    ['status', 'varchar(16)', 'NOT NULL'],
    ['options', t.longText, 'NOT NULL'],
    ['mapping', t.longText],
    ['counts', t.longText, 'NOT NULL'],
    ['error', t.longText],
    ['actor', t.shortText, 'NOT NULL'],
    ['job_id', t.id],
    ['created_at', t.timestamp, 'NOT NULL'],
    ['finished_at', t.timestamp],
    ['undone_at', t.timestamp],
  ]);
  await index('import_batches', ['created_at']);

  await table('import_rejects', [
    ['batch_id', t.id, 'NOT NULL REFERENCES import_batches(id) ON DELETE CASCADE'],
    ['row_number', t.integer, 'NOT NULL'],
    ['column_name', t.shortText],
    ['reason', t.shortText, 'NOT NULL'],
    ['raw', t.longText],
  ]);
  await index('import_rejects', ['batch_id', 'row_number']);

  // What a batch did, in order, so that undo can reverse exactly that.
  await table(
    'import_changes',
    [
      ['batch_id', t.id, 'NOT NULL REFERENCES import_batches(id) ON DELETE CASCADE'],
      ['seq', t.integer, 'NOT NULL'],
      ['entity', 'varchar(32)', 'NOT NULL'],
      ['entity_id', t.id, 'NOT NULL'],
      ['action', 'varchar(16)', 'NOT NULL'],
      ['before_data', t.longText],
    ],
    ['PRIMARY KEY (batch_id, seq)'],
  );

  await table('duplicate_candidates', [
    ['id', t.id, 'PRIMARY KEY'],
    ['customer_a', t.id, 'NOT NULL'],
    ['customer_b', t.id, 'NOT NULL'],
    ['score', t.real, 'NOT NULL'],
    ['reasons', t.longText, 'NOT NULL'],
    ['status', 'varchar(16)', 'NOT NULL'],
    ['batch_id', t.id],
    ['created_at', t.timestamp, 'NOT NULL'],
    ['resolved_at', t.timestamp],
  ]);
  await index('duplicate_candidates', ['customer_a', 'customer_b'], true);
  await index('duplicate_candidates', ['status', 'score']);
  await index('duplicate_candidates', ['customer_b']);

  await table('merges', [
    ['id', t.id, 'PRIMARY KEY'],
    ['winner_id', t.id, 'NOT NULL'],
    ['loser_ids', t.longText, 'NOT NULL'],
    ['snapshot', t.longText, 'NOT NULL'],
    ['conflicts', t.longText, 'NOT NULL'],
    ['actor', t.shortText, 'NOT NULL'],
    ['batch_id', t.id],
    ['created_at', t.timestamp, 'NOT NULL'],
    ['undone_at', t.timestamp],
  ]);
  await index('merges', ['winner_id']);
  await index('merges', ['batch_id']);
}
