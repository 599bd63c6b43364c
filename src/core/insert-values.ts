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
  if (values.length === 0) return;
  const engine = engineOf(db);
  const perStatement = Math.max(1, Math.min(250, Math.floor(traitsOf(engine).maxParams / Math.max(1, columns.length))));
  for (const [start, count] of statementSizes(values.length, perStatement)) {
    const parameters: unknown[] = [];
    for (let i = start; i < start + count; i++) for (const v of values[i]) parameters.push(bindable(v));
    await db.executeQuery(CompiledQuery.raw(insertText(engine, table, columns, count), parameters));
  }
}
