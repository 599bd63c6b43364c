import { sql } from 'kysely';
import type { Database } from './database.js';
import { fullTextTables } from './fulltext.js';

export interface PurgeResult {
  /** What the engine did to the space the deleted data occupied, in words. */
  done: string;
  /** False when old copies may still sit in files for a while (an engine without a way to force it, or a busy WAL). */
  complete: boolean;
}

const checkpointAttempts = 40;

/**
 * After a transaction that erased someone, makes the old copies of their data leave the database
 * files, as far as each engine allows:
 * - SQLite: deleted content is overwritten as it is deleted (`secure_delete`, set when the database is
 *   opened; FTS5 `secure-delete` for the search index), and a checkpoint(TRUNCATE) copies the WAL into
 *   the file and empties it, so the WAL's older frames holding the data are gone. A reader holding an
 *   old snapshot (a long backup, a worker) makes the checkpoint wait; it is retried for a few seconds.
 * - PostgreSQL: VACUUM of the touched tables removes the dead row versions from the tables and
 *   indexes (their space is reused; only VACUUM FULL would rewrite the files).
 * - MySQL/MariaDB: InnoDB's purge thread removes the delete-marked rows and their undo records in the
 *   background; the FULLTEXT index keeps deleted words until the table is rebuilt, which OPTIMIZE TABLE
 *   does for the tables with one.
 */
export async function purgeDeletedData(database: Database, tables: readonly string[], options: { checkpointAttempts?: number } = {}): Promise<PurgeResult> {
  if (database.dialect === 'sqlite') {
    const raw = database.sqlite;
    if (!raw || database.sqlitePath === ':memory:') return { done: 'in-memory database', complete: true };
    for (let attempt = 0; attempt < (options.checkpointAttempts ?? checkpointAttempts); attempt++) {
      // The checkpoint would otherwise wait for readers inside the busy handler, blocking the event
      // loop; it answers busy at once instead and is retried after a pause. Only this synchronous call
      // runs without the busy timeout, so the connection's other queries keep waiting as usual.
      // Another request's transaction holds the shared connection: wait for it to end.
      if (raw.inTransaction) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        continue;
      }
      const timeout = raw.pragma('busy_timeout', { simple: true }) as number;
      raw.pragma('busy_timeout = 0');
      let busy: number;
      try {
        [{ busy }] = raw.pragma('wal_checkpoint(TRUNCATE)') as { busy: number; log: number; checkpointed: number }[];
      } finally {
        raw.pragma(`busy_timeout = ${timeout}`);
      }
      if (busy === 0) return { done: 'deleted content overwritten; WAL checkpointed and truncated', complete: true };
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    return { done: 'deleted content overwritten; the WAL is busy and will be emptied at the next checkpoint', complete: false };
  }
  if (database.dialect === 'postgres') {
    const existing = (await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = current_schema()`.execute(database.db)).rows.map((r) => r.name);
    const touched = tables.filter((t) => existing.includes(t));
    if (touched.length) await sql`vacuum ${sql.join(touched.map((t) => sql.table(t)))}`.execute(database.db);
    return { done: `dead row versions vacuumed from ${touched.length} tables`, complete: true };
  }
  // InnoDB's FULLTEXT index only marks a deleted row's words; a rebuild removes them (it locks writes to the table meanwhile).
  const touched = fullTextTables.filter((t) => tables.includes(t));
  for (const table of touched) await sql`optimize table ${sql.table(table)}`.execute(database.db);
  return { done: `rows deleted or rewritten; full-text index rebuilt in ${touched.length} tables; InnoDB purges old row versions in the background`, complete: false };
}
