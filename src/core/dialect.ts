/**
 * Every difference between SQLite, PostgreSQL and MySQL/MariaDB that domain code needs, in one
 * adapter: domains call these operations (or read an engine's traits) and never compare engine names.
 * Adding an engine means adding its case here.
 */
import { sql, type InsertQueryBuilder, type RawBuilder, type SelectQueryBuilder } from 'kysely';
import { engineOf, type Database, type Db, type DialectName } from './database.js';

export interface EngineTraits {
  /** Bound parameters one statement may carry, with room to spare (PostgreSQL 65,535, the others 32,766 or more). */
  maxParams: number;
  /** Schema changes roll back with the transaction (SQLite, PostgreSQL); MySQL commits each DDL statement by itself. */
  transactionalDdl: boolean;
  /** The value a boolean column is compared with for false (PostgreSQL has a real boolean type). */
  falseValue: false | 0;
  /**
   * The query planner walks one index per statement and takes `INDEXED BY` hints (SQLite): a sort on a
   * nullable column is read as two index walks, valued rows then missing ones, instead of one sort.
   */
  indexHints: boolean;
  /** A full-text match comes in row-number order, newest last, without sorting (SQLite's FTS5 rowid). */
  searchInRowOrder: boolean;
  /** The full-text index is kept by a trigger per inserted row (SQLite's FTS5 table), which bulk writes set aside. */
  searchIndexByTrigger: boolean;
  /** Text values may hold U+0000 (SQLite does; PostgreSQL refuses it). */
  nulInText: boolean;
  /** A claim of due rows reads them with `FOR UPDATE SKIP LOCKED` (server engines; SQLite has one writer). */
  skipLocked: boolean;
}

const engineTraits: Record<DialectName, EngineTraits> = {
  sqlite: { maxParams: 30_000, transactionalDdl: true, falseValue: 0, indexHints: true, searchInRowOrder: true, searchIndexByTrigger: true, nulInText: true, skipLocked: false },
  postgres: { maxParams: 60_000, transactionalDdl: true, falseValue: false, indexHints: false, searchInRowOrder: false, searchIndexByTrigger: false, nulInText: false, skipLocked: true },
  mysql: { maxParams: 30_000, transactionalDdl: false, falseValue: 0, indexHints: false, searchInRowOrder: false, searchIndexByTrigger: false, nulInText: false, skipLocked: true },
};

/** What sets an engine apart, for a connection, a transaction or an engine name. */
export function traitsOf(engine: Db | DialectName): EngineTraits {
  return engineTraits[typeof engine === 'string' ? engine : engineOf(engine)];
}

/** An identifier quoted for raw SQL text (prefer `sql.ref`/`sql.id` where a builder is at hand). */
function quoteIdent(dialect: DialectName, name: string): string {
  return dialect === 'mysql' ? `\`${name.replace(/`/g, '``')}\`` : `"${name.replace(/"/g, '""')}"`;
}

/** Whole cents of a money expression, summed as an integer; the same expression on every path so that sums agree. */
export function centsSum(dialect: DialectName, expr: RawBuilder<unknown>): RawBuilder<number> {
  return dialect === 'mysql' ? sql<number>`cast(sum(round(${expr} * 100)) as signed)` : sql<number>`cast(sum(round(${expr} * 100)) as bigint)`;
}

/** The Monday of the week of a `YYYY-MM-DD` text expression, as `YYYY-MM-DD`. */
export function mondayOf(dialect: DialectName, day: RawBuilder<string>): RawBuilder<string> {
  if (dialect === 'sqlite') return sql<string>`date(${day}, '-6 days', 'weekday 1')`;
  if (dialect === 'postgres') return sql<string>`to_char(date_trunc('week', cast(${day} as date)), 'YYYY-MM-DD')`;
  return sql<string>`date_format(date_sub(cast(${day} as date), interval weekday(cast(${day} as date)) day), '%Y-%m-%d')`;
}

// The query builder is untyped (rows are shaped by the registry at run time).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyInsert = InsertQueryBuilder<any, any, any>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnySelect = SelectQueryBuilder<any, any, any>;

/** Inserts rows, skipping each one whose unique `key` columns match a stored row (no error, no change). */
export async function insertOrIgnore(db: Db, table: string, rows: Record<string, unknown> | Record<string, unknown>[], key: string[]): Promise<void> {
  if (Array.isArray(rows) && rows.length === 0) return;
  const insert: AnyInsert = db.insertInto(table).values(rows);
  if (engineOf(db) === 'mysql') await insert.ignore().execute();
  else await insert.onConflict((oc) => oc.columns(key).doNothing()).execute();
}

/**
 * Inserts rows, and where a row with the same `key` exists adds the new row's `add` columns to the
 * stored ones and sets `set` (counters, balances, rollups), in statements of `chunk` rows.
 */
export async function insertOrAdd(db: Db, table: string, rows: Record<string, unknown>[], o: { key: string[]; add: string[]; set?: Record<string, unknown>; chunk?: number }): Promise<void> {
  const mysql = engineOf(db) === 'mysql';
  const chunk = o.chunk ?? 500;
  for (let i = 0; i < rows.length; i += chunk) {
    const insert: AnyInsert = db.insertInto(table).values(rows.slice(i, i + chunk));
    if (mysql) {
      await insert.onDuplicateKeyUpdate({ ...Object.fromEntries(o.add.map((v) => [v, sql`${sql.ref(v)} + values(${sql.ref(v)})`])), ...o.set }).execute();
    } else {
      const update = { ...Object.fromEntries(o.add.map((v) => [v, sql`${sql.ref(`${table}.${v}`)} + ${sql.ref(`excluded.${v}`)}`])), ...o.set };
      await insert.onConflict((oc) => oc.columns(o.key).doUpdateSet(update)).execute();
    }
  }
}

/** A read of rows this transaction is about to change, skipping rows another process holds (where the engine can). */
export function skippingLocked<Q extends AnySelect>(db: Db, query: Q): Q {
  return traitsOf(db).skipLocked ? (query.forUpdate().skipLocked() as Q) : query;
}

/** A read that locks the rows it returns until the transaction ends (SQLite's write transaction already excludes other writers). */
export function lockingRows<Q extends AnySelect>(db: Db, query: Q): Q {
  return engineOf(db) === 'sqlite' ? query : (query.forUpdate() as Q);
}

/**
 * Claims the rows `due` selects (their ids) by setting `set` on them, once across processes: one
 * `UPDATE ... WHERE id IN (SELECT ... SKIP LOCKED) RETURNING` on PostgreSQL and SQLite (one writer);
 * on MySQL, which can neither update a table it selects from nor return rows, the locked ids are
 * read, updated and read back in one transaction of its own (so `db` is a connection, not a transaction).
 */
export async function claimRows(db: Db, table: string, due: (db: Db) => AnySelect, set: Record<string, unknown>): Promise<Record<string, unknown>[]> {
  if (engineOf(db) === 'mysql') {
    return db.transaction().execute(async (trx) => {
      const ids = (await due(trx).forUpdate().skipLocked().execute()).map((r) => r.id as string);
      if (ids.length === 0) return [];
      await trx.updateTable(table).set(set).where('id', 'in', ids).execute();
      return trx.selectFrom(table).selectAll().where('id', 'in', ids).execute();
    });
  }
  return db
    .updateTable(table)
    .set(set)
    .where('id', 'in', skippingLocked(db, due(db)))
    .returningAll()
    .execute();
}

/**
 * Runs schema changes and the rows that go with them in one transaction where the engine's DDL is
 * transactional (SQLite, PostgreSQL), so a failure undoes both. MySQL commits each DDL statement by
 * itself: there `fn` runs statement by statement and must order its steps so a failure part-way
 * leaves nothing that is declared but missing.
 */
export async function inTransactionIfDdlIs<T>(database: Database, fn: (db: Db) => Promise<T>): Promise<T> {
  if (!traitsOf(database.dialect).transactionalDdl) return fn(database.db);
  return database.db.transaction().execute(fn);
}

/** Drops an index if it exists (MySQL names indexes per table). */
export async function dropIndexIfExists(db: Db, table: string, index: string): Promise<void> {
  const drop = db.schema.dropIndex(index).ifExists();
  await (engineOf(db) === 'mysql' ? drop.on(table) : drop).execute();
}

/** A transaction that reads one snapshot throughout (SQLite's transactions always do). */
export function snapshotTransaction(db: Db) {
  const tx = db.transaction();
  return engineOf(db) === 'sqlite' ? tx : tx.setIsolationLevel('repeatable read');
}

/**
 * Runs `fn` in `trx` with foreign keys checked at commit (SQLite) or not at all (MySQL, switched back
 * on afterwards), for replacing whole tables; PostgreSQL checks each statement, so `fn` writes
 * parents before children there as everywhere.
 */
export async function withForeignKeysDeferred<T>(trx: Db, fn: () => Promise<T>): Promise<T> {
  const engine = engineOf(trx);
  if (engine === 'sqlite') await sql`PRAGMA defer_foreign_keys = ON`.execute(trx);
  if (engine !== 'mysql') return fn();
  await sql`SET FOREIGN_KEY_CHECKS = 0`.execute(trx);
  try {
    return await fn();
  } finally {
    await sql`SET FOREIGN_KEY_CHECKS = 1`.execute(trx);
  }
}

// ---------------------------------------------------------------------------------------------------
// Catalogue: what the database holds, read at run time so that tables and columns added by later
// migrations (and custom fields) are included.

/** Tables Rapport owns (no engine tables, no full-text shadow tables, no Kysely bookkeeping), sorted. */
export async function listTables(db: Db): Promise<string[]> {
  let names: string[];
  const engine = engineOf(db);
  if (engine === 'sqlite') {
    const rows = (await sql<{ name: string; sql: string | null }>`SELECT name, sql FROM sqlite_master WHERE type = 'table'`.execute(db)).rows;
    const virtual = rows.filter((r) => /^CREATE VIRTUAL TABLE/i.test(r.sql ?? '')).map((r) => r.name);
    names = rows.map((r) => r.name).filter((n) => !n.startsWith('sqlite_') && !virtual.some((v) => n === v || n.startsWith(`${v}_`)));
  } else {
    // Only the connection's own schema (PostgreSQL) or database (MySQL); Kysely's introspection would read every schema.
    const schema = engine === 'postgres' ? sql`current_schema()` : sql`database()`;
    names = (await sql<{ name: string }>`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = ${schema} AND table_type = 'BASE TABLE'`.execute(db)).rows.map((r) => r.name);
  }
  return names.filter((n) => !n.startsWith('kysely_')).sort();
}

/** Writable columns of a table in definition order (generated columns left out). */
export async function listColumns(db: Db, table: string): Promise<string[]> {
  const engine = engineOf(db);
  if (engine === 'sqlite') {
    return (await sql<{ name: string; hidden: number }>`SELECT name, hidden FROM pragma_table_xinfo(${table})`.execute(db)).rows.filter((r) => r.hidden === 0).map((r) => r.name);
  }
  if (engine === 'postgres') {
    return (
      await sql<{
        name: string;
      }>`SELECT column_name AS name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ${table} AND is_generated = 'NEVER' ORDER BY ordinal_position`.execute(db)
    ).rows.map((r) => r.name);
  }
  return (
    await sql<{
      name: string;
    }>`SELECT column_name AS name FROM information_schema.columns WHERE table_schema = database() AND table_name = ${table} AND extra NOT LIKE '%GENERATED%' ORDER BY ordinal_position`.execute(db)
  ).rows.map((r) => r.name);
}

/** Primary-key columns of a table, in key order. */
export async function primaryKey(db: Db, table: string): Promise<string[]> {
  const engine = engineOf(db);
  if (engine === 'sqlite') {
    return (await sql<{ name: string; pk: number }>`SELECT name, pk FROM pragma_table_info(${table}) WHERE pk > 0 ORDER BY pk`.execute(db)).rows.map((r) => r.name);
  }
  if (engine === 'postgres') {
    return (
      await sql<{
        name: string;
      }>`SELECT k.column_name AS name FROM information_schema.table_constraints c JOIN information_schema.key_column_usage k ON k.constraint_name = c.constraint_name AND k.table_schema = c.table_schema AND k.table_name = c.table_name
        WHERE c.table_schema = current_schema() AND c.table_name = ${table} AND c.constraint_type = 'PRIMARY KEY' ORDER BY k.ordinal_position`.execute(db)
    ).rows.map((r) => r.name);
  }
  return (
    await sql<{
      name: string;
    }>`SELECT column_name AS name FROM information_schema.key_column_usage WHERE table_schema = database() AND table_name = ${table} AND constraint_name = 'PRIMARY' ORDER BY ordinal_position`.execute(
      db,
    )
  ).rows.map((r) => r.name);
}

/** Every foreign-key reference among `tables`: the child table and the table it references. */
export async function foreignKeyEdges(db: Db, tables: string[]): Promise<{ child: string; parent: string }[]> {
  const engine = engineOf(db);
  if (engine === 'sqlite') {
    const edges: { child: string; parent: string }[] = [];
    for (const t of tables) for (const r of (await sql<{ table: string }>`SELECT "table" FROM pragma_foreign_key_list(${t})`.execute(db)).rows) edges.push({ child: t, parent: r.table });
    return edges;
  }
  if (engine === 'postgres') {
    return (
      await sql<{ child: string; parent: string }>`SELECT tc.table_name AS child, ccu.table_name AS parent FROM information_schema.table_constraints tc
        JOIN information_schema.constraint_column_usage ccu ON ccu.constraint_name = tc.constraint_name AND ccu.table_schema = tc.table_schema
        WHERE tc.constraint_type = 'FOREIGN KEY' AND tc.table_schema = current_schema()`.execute(db)
    ).rows;
  }
  return (
    await sql<{ child: string; parent: string }>`SELECT table_name AS child, referenced_table_name AS parent FROM information_schema.key_column_usage
      WHERE table_schema = database() AND referenced_table_name IS NOT NULL`.execute(db)
  ).rows;
}

// ---------------------------------------------------------------------------------------------------
// Bulk writes.

type ColumnKind = 'text' | 'real' | 'integer';

export interface BatchColumn {
  name: string;
  kind: ColumnKind;
}

const pgCast: Record<ColumnKind, string> = { text: 'varchar', real: 'double precision', integer: 'integer' };

/**
 * Updates many rows of `table` by id in statements of `batch` rows each:
 * `WITH v(...) AS (VALUES ...) UPDATE ... FROM v` on SQLite and PostgreSQL, a join against a
 * UNION ALL derived table on MySQL/MariaDB (which have no UPDATE ... FROM). With SQLite's raw handle
 * (`Database.sqlite`), one prepared UPDATE per row on the same connection (inside the caller's
 * transaction) uses the id index directly; UPDATE ... FROM a VALUES list would scan the table once per batch.
 */
export async function batchUpdate(
  db: Db,
  dialect: DialectName,
  table: string,
  columns: BatchColumn[],
  rows: Iterable<[id: string, ...values: unknown[]]>,
  batch = 500,
  sqlite?: Database['sqlite'],
): Promise<number> {
  let written = 0;
  if (sqlite) {
    const set = columns.map((c) => `${quoteIdent(dialect, c.name)} = ?`).join(', ');
    const statement = sqlite.prepare(`UPDATE ${quoteIdent(dialect, table)} SET ${set} WHERE id = ?`);
    for (const [id, ...values] of rows) {
      statement.run(...values, id);
      written++;
    }
    return written;
  }
  let pending: unknown[][] = [];
  const flush = async () => {
    if (pending.length === 0) return;
    await sql`${buildBatchUpdate(dialect, table, columns, pending)}`.execute(db);
    written += pending.length;
    pending = [];
  };
  for (const row of rows) {
    pending.push(row);
    if (pending.length >= batch) await flush();
  }
  await flush();
  return written;
}

function buildBatchUpdate(dialect: DialectName, table: string, columns: BatchColumn[], rows: unknown[][]): RawBuilder<unknown> {
  const q = (name: string) => quoteIdent(dialect, name);
  const names = ['id', ...columns.map((c) => c.name)];
  const kinds: ColumnKind[] = ['text', ...columns.map((c) => c.kind)];
  const t = q(table);
  if (dialect === 'mysql') {
    const selects = rows.map((row, r) => sql`select ${sql.join(row.map((v, j) => (r === 0 ? sql`${v} as ${sql.raw(q(names[j]))}` : sql`${v}`)))}`);
    const set = columns.map((c) => `${t}.${q(c.name)} = v.${q(c.name)}`).join(', ');
    return sql`update ${sql.raw(t)} join (${sql.join(selects, sql` union all `)}) v on ${sql.raw(t)}.id = v.id set ${sql.raw(set)}`;
  }
  const cast = dialect === 'postgres';
  const values = rows.map((row) => sql`(${sql.join(row.map((v, j) => (cast ? sql`cast(${v} as ${sql.raw(pgCast[kinds[j]])})` : sql`${v}`)))})`);
  const set = columns.map((c) => `${q(c.name)} = v.${q(c.name)}`).join(', ');
  const columnList = names.map(q).join(', ');
  return sql`with v(${sql.raw(columnList)}) as (values ${sql.join(values)}) update ${sql.raw(t)} set ${sql.raw(set)} from v where ${sql.raw(t)}.id = v.id`;
}

/** Inserts rows in multi-row statements small enough for every engine's parameter limit. */
export async function batchInsert(db: Db, table: string, rows: Record<string, unknown>[], batch = 500): Promise<void> {
  if (rows.length === 0) return;
  const perRow = Object.keys(rows[0]).length;
  const size = Math.max(1, Math.min(batch, Math.floor(traitsOf(db).maxParams / perRow)));
  for (let i = 0; i < rows.length; i += size)
    await db
      .insertInto(table)
      .values(rows.slice(i, i + size))
      .execute();
}
