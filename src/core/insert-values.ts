import { CompiledQuery } from 'kysely';
import { statementSizes } from './bulk-insert.js';
import { engineOf, type Db, type DialectName } from './database.js';
import { traitsOf } from './dialect.js';

const quote = (engine: DialectName, name: string) => (engine === 'mysql' ? `\`${name.replace(/`/g, '``')}\`` : `"${name.replace(/"/g, '""')}"`);
/** A value as every driver binds it: better-sqlite3 refuses booleans and undefined. */
const bindable = (value: unknown) => (value === undefined ? null : typeof value === 'boolean' ? (value ? 1 : 0) : value);

/** INSERT texts by engine, table, column list and row count: a shape is spelt once. */
const insertTexts = new Map<string, string>();

function insertText(engine: DialectName, table: string, columns: readonly string[], rows: number): string {
  const key = `${engine}\u0000${table}\u0000${rows}\u0000${columns.join('\u0000')}`;
  let text = insertTexts.get(key);
  if (text) return text;
  const name = (n: string) => quote(engine, n);
  let n = 0;
  const slot = engine === 'postgres' ? () => `$${++n}` : () => '?';
  const tuples = Array.from({ length: rows }, () => `(${columns.map(slot).join(', ')})`);
  text = `INSERT INTO ${name(table)} (${columns.map(name).join(', ')}) VALUES ${tuples.join(', ')}`;
  if (insertTexts.size > 500) insertTexts.clear();
  insertTexts.set(key, text);
  return text;
}

/**
 * Inserts rows given as values in `columns` order, on any engine and inside the caller's
 * transaction, in multi-row statements spelt once per shape and run as they are: a query builder
 * would build and walk a node for every value, which costs more than the database's own work for
 * the thousands of rows of an import chunk (ledger entries, events). Statement sizes follow
 * `statementSizes`, so a table needs a handful of statement texts (SQLite prepares each once).
 */
export async function insertValues(db: Db, table: string, columns: readonly string[], values: readonly unknown[][]): Promise<void> {
  const engine = engineOf(db);
  await inStatements(db, engine, columns, values, (rows) => insertText(engine, table, columns, rows));
}

/** Runs rows in statements of `statementSizes`, each spelt by `text` for its row count; returns the rows they return. */
async function inStatements(db: Db, engine: DialectName, columns: readonly string[], values: readonly unknown[][], text: (rows: number) => string): Promise<Record<string, unknown>[]> {
  const out: Record<string, unknown>[] = [];
  const perStatement = Math.max(1, Math.min(250, Math.floor(traitsOf(engine).maxParams / Math.max(1, columns.length))));
  for (const [start, count] of statementSizes(values.length, perStatement)) {
    const parameters: unknown[] = [];
    for (let i = start; i < start + count; i++) for (const v of values[i]) parameters.push(bindable(v));
    out.push(...((await db.executeQuery(CompiledQuery.raw(text(count), parameters))).rows as Record<string, unknown>[]));
  }
  return out;
}

export interface AddingUpsert {
  /** The unique key a row is matched on. */
  key: readonly string[];
  /** Columns whose new value is added to the stored one when the row exists. */
  add: readonly string[];
  /** Columns that take the new value when the row exists; the other columns keep theirs. */
  set?: readonly string[];
  /** Columns of every written row to return, as stored after the statement. */
  returning: readonly string[];
}

function upsertText(engine: DialectName, table: string, columns: readonly string[], rows: number, o: AddingUpsert): string {
  const name = (n: string) => quote(engine, n);
  const insert = insertText(engine, table, columns, rows);
  if (engine === 'mysql') {
    const updates = [...o.add.map((c) => `${name(c)} = ${name(c)} + VALUES(${name(c)})`), ...(o.set ?? []).map((c) => `${name(c)} = VALUES(${name(c)})`)];
    return `${insert} ON DUPLICATE KEY UPDATE ${updates.join(', ')}`;
  }
  const updates = [...o.add.map((c) => `${name(c)} = ${name(table)}.${name(c)} + excluded.${name(c)}`), ...(o.set ?? []).map((c) => `${name(c)} = excluded.${name(c)}`)];
  return `${insert} ON CONFLICT (${o.key.map(name).join(', ')}) DO UPDATE SET ${updates.join(', ')} RETURNING ${o.returning.map(name).join(', ')}`;
}

/**
 * Inserts rows given as values in `columns` order, and where a row with the same key exists adds
 * the `add` columns to the stored ones (balances, counters), in multi-row statements spelt once per
 * shape. Returns the `returning` columns of every row as stored afterwards where the engine says so
 * in the same statement (SQLite, PostgreSQL); on MySQL, which cannot, null: the caller reads them.
 * The rows must have distinct keys (one statement cannot change a row twice on every engine).
 */
export async function upsertAddingValues(db: Db, table: string, columns: readonly string[], values: readonly unknown[][], o: AddingUpsert): Promise<Record<string, unknown>[] | null> {
  const engine = engineOf(db);
  const out = await inStatements(db, engine, columns, values, (rows) => upsertText(engine, table, columns, rows, o));
  return engine === 'mysql' ? null : out;
}
