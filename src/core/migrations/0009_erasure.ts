import { sql, type Kysely } from 'kysely';
import { columnTypes, type DialectName } from '../database.js';
import { ddl } from './ddl.js';

/**
 * Erasure that is final: an erased customer carries `erased_at`; a merge whose snapshot held an
 * erased person's data carries `erased_at` too (its snapshot is emptied and it can no longer be
 * undone). On SQLite the full-text index removes a deleted row's words from its pages at once
 * (FTS5 secure-delete) instead of leaving them behind a delete marker, and the index is merged once
 * so that words deleted before this migration are gone as well.
 */
export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  const t = columnTypes(dialect);
  const { addColumn } = ddl(db, dialect);
  await addColumn('customers', 'erased_at', t.timestamp);
  await addColumn('merges', 'erased_at', t.timestamp);
  if (dialect === 'sqlite') {
    await sql.raw(`INSERT INTO customers_fts(customers_fts, rank) VALUES ('secure-delete', 1)`).execute(db);
    await sql.raw(`INSERT INTO customers_fts(customers_fts) VALUES ('optimize')`).execute(db);
  }
}
