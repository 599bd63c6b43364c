/**
 * Rows as the database would read them back right after inserting them, without reading them: on
 * SQLite a value is stored as bound when its column's type affinity keeps it as it is, and a column
 * left out takes its default. Null wherever that cannot be known without a read: on the other engines
 * (their types convert values: decimals, booleans, timestamps), for a default that is an expression,
 * and for a value the column's affinity would convert.
 */
import { sql } from 'kysely';
import { engineOf, type Db } from './database.js';

type Affinity = 'integer' | 'text' | 'blob' | 'real' | 'numeric';

/** SQLite's affinity rules (section 3.1 of its datatype documentation), in their order. */
function affinityOf(declared: string): Affinity {
  const t = declared.toUpperCase();
  if (t.includes('INT')) return 'integer';
  if (t.includes('CHAR') || t.includes('CLOB') || t.includes('TEXT')) return 'text';
  if (t === '' || t.includes('BLOB')) return 'blob';
  if (t.includes('REAL') || t.includes('FLOA') || t.includes('DOUB')) return 'real';
  return 'numeric';
}

/** A column default as SQLite stores it: NULL, a number or a quoted string; anything else (an expression) is undefined. */
function literalOf(text: string | null): unknown {
  if (text === null || /^null$/i.test(text)) return null;
  if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  if (/^'([^']|'')*'$/.test(text)) return text.slice(1, -1).replace(/''/g, "'");
  return undefined;
}

/** Whether SQLite stores `value` in a column of this affinity as the very value bound (no conversion that reads back differently). */
function storedAsBound(affinity: Affinity, value: unknown): boolean {
  if (value === null) return true;
  if (affinity === 'text') return typeof value === 'string';
  if (affinity === 'blob') return typeof value === 'string' || typeof value === 'number';
  return typeof value === 'number' && Number.isFinite(value);
}

/** A column as far as reading it back goes: its affinity and its literal default (undefined: an expression). */
export interface StoredColumn {
  affinity: Affinity;
  default: unknown;
}

/** Columns read from the catalogue, by the caller's token for the set of columns, then by table. */
const columnsByToken = new WeakMap<object, Map<string, ReadonlyMap<string, StoredColumn>>>();

/**
 * How each column of `table` reads back right after an insert (see above), by column name; null where
 * that needs a read (every engine but SQLite, or no columns found). `columnsToken` is an object that
 * stays the same exactly while the table's columns do (an entity's field list as read under the
 * schema's stamp): the columns are then read from the catalogue once per token.
 */
export async function columnsAsStored(db: Db, table: string, columnsToken?: object): Promise<ReadonlyMap<string, StoredColumn> | null> {
  if (engineOf(db) !== 'sqlite') return null;
  const kept = columnsToken ? columnsByToken.get(columnsToken)?.get(table) : undefined;
  if (kept) return kept;
  const columns = (await sql<{ name: string; type: string; dflt_value: string | null }>`SELECT name, type, dflt_value FROM pragma_table_info(${table})`.execute(db)).rows;
  if (columns.length === 0) return null;
  const byName = new Map(columns.map((c) => [c.name, { affinity: affinityOf(c.type), default: literalOf(c.dflt_value) }]));
  if (columnsToken) {
    const byTable = columnsByToken.get(columnsToken) ?? new Map<string, ReadonlyMap<string, StoredColumn>>();
    byTable.set(table, byName);
    columnsByToken.set(columnsToken, byTable);
  }
  return byName;
}

/**
 * The value a column reads back when `bound` was inserted into it (undefined: the column was left
 * out, so its default), or undefined when that cannot be known without a read.
 */
export function valueAsStored(column: StoredColumn | undefined, bound: unknown): unknown {
  if (!column) return undefined;
  const value = bound === undefined ? column.default : bound;
  return value !== undefined && storedAsBound(column.affinity, value) ? value : undefined;
}
