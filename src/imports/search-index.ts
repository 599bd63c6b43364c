import { sql } from 'kysely';
import type { Database, Db } from '../core/database.js';

const insertTrigger = 'customers_fts_ai';

/**
 * Runs `write` (which inserts customers) with the customers' full-text index filled once for
 * all the rows it inserted. On SQLite a trigger indexes each inserted row, and FTS5 writes out
 * its pending terms at every statement, so row-at-a-time inserts cost a segment each; here the
 * trigger is set aside, the new rows are indexed with one INSERT ... SELECT and the trigger is
 * put back, all in the caller's transaction: other connections never see it missing, and a
 * rollback restores it. The stored index is the same as the trigger's. Other engines index
 * the search text themselves, so `write` just runs.
 */
export async function withBulkSearchIndex<T>(trx: Db, database: Database, write: () => Promise<T>): Promise<T> {
  if (database.dialect !== 'sqlite') return write();
  const trigger = (await sql<{ sql: string }>`SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ${insertTrigger}`.execute(trx)).rows[0];
  if (!trigger) return write();
  const { last } = (await sql<{ last: number }>`SELECT coalesce(max(seq), 0) AS last FROM customers`.execute(trx)).rows[0];
  await sql`DROP TRIGGER ${sql.id(insertTrigger)}`.execute(trx);
  const result = await write();
  await sql`INSERT INTO customers_fts (rowid, search_text) SELECT seq, search_text FROM customers WHERE seq > ${last}`.execute(trx);
  await sql.raw(trigger.sql).execute(trx);
  return result;
}
