import type SqliteDatabase from 'better-sqlite3';
import type { Database, Db } from './database.js';

type Row = Record<string, unknown>;

/** Writes rows into a table; the writer an import hands to the services it calls. */
export type RowInserter = (db: Db, table: string, rows: Row[]) => Promise<void>;

/** Bound parameters per statement on the server engines (PostgreSQL and MySQL allow 65,535). */
const serverParameterLimit = 30_000;

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Prepared INSERTs per SQLite handle, by table, column list and row count: an import prepares each shape once. */
const statements = new WeakMap<SqliteDatabase.Database, Map<string, SqliteDatabase.Statement>>();

function sqliteStatement(sqlite: SqliteDatabase.Database, table: string, columns: string[], rows: number): SqliteDatabase.Statement {
  let cache = statements.get(sqlite);
  if (!cache) statements.set(sqlite, (cache = new Map()));
  const key = `${table}\u0000${rows}\u0000${columns.join('\u0000')}`;
  let statement = cache.get(key);
  if (!statement) {
    const tuple = `(${columns.map(() => '?').join(', ')})`;
    statement = sqlite.prepare(`INSERT INTO ${quote(table)} (${columns.map(quote).join(', ')}) VALUES ${Array.from({ length: rows }, () => tuple).join(', ')}`);
    cache.set(key, statement);
  }
  return statement;
}

/**
 * Rows per SQLite INSERT. Statement-level work is paid per statement, not per row: with triggers
 * on a table every statement opens a statement journal, and FTS5 writes out its pending terms at
 * each statement, so rows go a hundred at a time (within SQLite's bound-parameter limit).
 */
const sqliteRowsPerStatement = (columns: number) => Math.max(1, Math.min(100, Math.floor(30_000 / Math.max(1, columns))));

/**
 * How `total` rows go into statements of at most `size` rows: full statements, then the rest in
 * powers of two, so that a table shape needs a handful of prepared statements whatever the counts.
 */
export function statementSizes(total: number, size: number): [start: number, count: number][] {
  const out: [number, number][] = [];
  let start = 0;
  for (; total - start >= size; start += size) out.push([start, size]);
  for (let step = 1 << Math.floor(Math.log2(Math.max(1, size))); step >= 1; step >>= 1) {
    if (total - start >= step) {
      out.push([start, step]);
      start += step;
    }
  }
  return out;
}

/** The columns a row sets (those not undefined), in its key order. */
function presentColumns(row: Row): string[] {
  const columns: string[] = [];
  for (const c in row) if (row[c] !== undefined) columns.push(c);
  return columns;
}

/** Whether a row sets exactly `columns`, in that order (the common case: every row of a batch alike). */
function setsColumns(row: Row, columns: string[]): boolean {
  let i = 0;
  for (const c in row) {
    if (row[c] === undefined) continue;
    if (columns[i++] !== c) return false;
  }
  return i === columns.length;
}

/**
 * Writes rows on SQLite: each run of consecutive rows with the same columns in multi-row statements
 * (prepared once per shape), their values bound straight from the rows, so no per-row copies are made.
 */
function insertSqliteRows(sqlite: SqliteDatabase.Database, table: string, rows: Row[]): void {
  let start = 0;
  while (start < rows.length) {
    const columns = presentColumns(rows[start]);
    let end = start + 1;
    while (end < rows.length && setsColumns(rows[end], columns)) end++;
    for (const [offset, count] of statementSizes(end - start, sqliteRowsPerStatement(columns.length))) {
      const params: unknown[] = new Array(count * columns.length);
      let p = 0;
      for (let r = start + offset; r < start + offset + count; r++) {
        const row = rows[r];
        for (const c of columns) params[p++] = sqliteValue(row[c]);
      }
      sqliteStatement(sqlite, table, columns, count).run(params);
    }
    start = end;
  }
}

/** A value as better-sqlite3 binds it (it refuses booleans and undefined). */
function sqliteValue(value: unknown): unknown {
  if (value === undefined) return null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value;
}

/**
 * Writes rows given as values in `columns` order on SQLite, in multi-row statements prepared once per
 * shape; on the connection that holds any open transaction, so inside it.
 */
export function insertSqliteValues(sqlite: SqliteDatabase.Database, table: string, columns: string[], values: unknown[][]): void {
  for (const [start, count] of statementSizes(values.length, sqliteRowsPerStatement(columns.length))) {
    sqliteStatement(sqlite, table, columns, count).run(values.slice(start, start + count).flat());
  }
}

/**
 * The fastest way to write many rows on this engine, with the same stored result as a Kysely
 * INSERT: on SQLite multi-row statements prepared once per shape, run on the connection that
 * holds the open transaction; on PostgreSQL and MySQL multi-row INSERTs as large as the driver allows.
 */
export function bulkInserter(database: Database): RowInserter {
  const sqlite = database.sqlite;
  if (sqlite) {
    return async (_db, table, rows) => insertSqliteRows(sqlite, table, rows);
  }
  return async (db, table, rows) => {
    if (rows.length === 0) return;
    const chunk = Math.max(1, Math.floor(serverParameterLimit / Math.max(1, Object.keys(rows[0]).length)));
    for (let i = 0; i < rows.length; i += chunk)
      await db
        .insertInto(table)
        .values(rows.slice(i, i + chunk))
        .execute();
  };
}
