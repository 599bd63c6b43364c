import type { Database, Db } from '../core/database.js';

/**
 * Runs schema changes and the rows that go with them in one transaction where the engine's DDL is
 * transactional (SQLite, PostgreSQL), so a failure undoes both. MySQL commits each DDL statement by
 * itself: there `fn` runs statement by statement and must order its steps so a failure part-way
 * leaves nothing that is declared but missing.
 */
export async function inTransactionIfDdlIs<T>(database: Database, fn: (db: Db) => Promise<T>): Promise<T> {
  if (database.dialect === 'mysql') return fn(database.db);
  return database.db.transaction().execute(fn);
}
