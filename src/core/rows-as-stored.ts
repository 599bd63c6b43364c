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

interface Column {
  name: string;
  affinity: Affinity;
  default: unknown;
}

/** Columns read from the catalogue, by the caller's token for the set of columns, then by table. */
const columnsByToken = new WeakMap<object, Map<string, Column[]>>();

async function columnsOf(db: Db, table: string, token: object | undefined): Promise<Column[]> {
  const kept = token ? columnsByToken.get(token)?.get(table) : undefined;
  if (kept) return kept;
  const columns = (await sql<{ name: string; type: string; dflt_value: string | null }>`SELECT name, type, dflt_value FROM pragma_table_info(${table})`.execute(db)).rows.map((c) => ({
    name: c.name,
    affinity: affinityOf(c.type),
    default: literalOf(c.dflt_value),
  }));
  if (token && columns.length) {
    const byTable = columnsByToken.get(token) ?? new Map<string, Column[]>();
    byTable.set(table, columns);
    columnsByToken.set(token, byTable);
  }
  return columns;
}

/**
 * Every column of each row as it reads back (see above), or null when that needs a read. `columnsToken`
 * is an object that stays the same exactly while the table's columns do (an entity's field list as
 * read under the schema's stamp): the columns are then read from the catalogue once per token.
 */
export async function rowsAsStored(db: Db, table: string, rows: readonly Record<string, unknown>[], columnsToken?: object): Promise<Record<string, unknown>[] | null> {
  if (engineOf(db) !== 'sqlite') return null;
  const columns = await columnsOf(db, table, columnsToken);
  if (columns.length === 0) return null;
  const out: Record<string, unknown>[] = [];
  for (const row of rows) {
    const stored: Record<string, unknown> = {};
    for (const c of columns) {
      const value = row[c.name] === undefined ? c.default : row[c.name];
      if (value === undefined || !storedAsBound(c.affinity, value)) return null;
      stored[c.name] = value;
    }
    out.push(stored);
  }
  return out;
}
