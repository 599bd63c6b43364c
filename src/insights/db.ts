/** Database helpers for the insight engine: batched writes that work the same on all three engines. */
import { sql, type RawBuilder } from 'kysely';
import type { Database, Db, DialectName } from '../core/database.js';

/** The raw better-sqlite3 handle (Database.sqlite). */
export type SqliteHandle = NonNullable<Database['sqlite']>;

export type ColumnKind = 'text' | 'real' | 'integer';

export interface BatchColumn {
  name: string;
  kind: ColumnKind;
}

const pgCast: Record<ColumnKind, string> = { text: 'varchar', real: 'double precision', integer: 'integer' };

function quote(dialect: DialectName, name: string): string {
  return dialect === 'mysql' ? `\`${name}\`` : `"${name}"`;
}

/**
 * Updates many rows of `table` by id in statements of `batch` rows each:
 * `WITH v(...) AS (VALUES ...) UPDATE ... FROM v` on SQLite and PostgreSQL, a join against a
 * UNION ALL derived table on MySQL/MariaDB (which have no UPDATE ... FROM).
 */
export async function batchUpdate(
  db: Db,
  dialect: DialectName,
  table: string,
  columns: BatchColumn[],
  rows: Iterable<[id: string, ...values: unknown[]]>,
  batch = 500,
  sqlite?: SqliteHandle,
): Promise<number> {
  let written = 0;
  if (dialect === 'sqlite' && sqlite) {
    // SQLite: one prepared UPDATE per row on the same connection (inside the caller's transaction) uses
    // the id index directly; UPDATE ... FROM a VALUES list would scan the table once per batch.
    const set = columns.map((c) => `${quote(dialect, c.name)} = ?`).join(', ');
    const statement = sqlite.prepare(`UPDATE ${quote(dialect, table)} SET ${set} WHERE id = ?`);
    for (const [id, ...values] of rows) {
      statement.run(...values, id);
      written++;
    }
    return written;
  }
  let pending: unknown[][] = [];
  const flush = async () => {
    if (pending.length === 0) return;
    await sql`${buildUpdate(dialect, table, columns, pending)}`.execute(db);
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

function buildUpdate(dialect: DialectName, table: string, columns: BatchColumn[], rows: unknown[][]): RawBuilder<unknown> {
  const names = ['id', ...columns.map((c) => c.name)];
  const kinds: ColumnKind[] = ['text', ...columns.map((c) => c.kind)];
  const set = columns.map((c) => `${quote(dialect, c.name)} = v.${quote(dialect, c.name)}`).join(', ');
  const t = quote(dialect, table);
  if (dialect === 'mysql') {
    const selects = rows.map((row, r) => sql`select ${sql.join(row.map((v, j) => (r === 0 ? sql`${v} as ${sql.raw(quote(dialect, names[j]))}` : sql`${v}`)))}`);
    const setMysql = columns.map((c) => `${t}.${quote(dialect, c.name)} = v.${quote(dialect, c.name)}`).join(', ');
    return sql`update ${sql.raw(t)} join (${sql.join(selects, sql` union all `)}) v on ${sql.raw(t)}.id = v.id set ${sql.raw(setMysql)}`;
  }
  const values = rows.map(
    (row) => sql`(${sql.join(row.map((v, j) => (dialect === 'postgres' ? sql`cast(${v} as ${sql.raw(pgCast[kinds[j]])})` : sql`${v}`)))})`,
  );
  const columnList = names.map((n) => quote(dialect, n)).join(', ');
  return sql`with v(${sql.raw(columnList)}) as (values ${sql.join(values)}) update ${sql.raw(t)} set ${sql.raw(set)} from v where ${sql.raw(t)}.id = v.id`;
}

/** Inserts rows in multi-row statements small enough for every engine's parameter limit. */
export async function batchInsert(db: Db, table: string, rows: Record<string, unknown>[], batch = 500): Promise<void> {
  if (rows.length === 0) return;
  const perRow = Object.keys(rows[0]).length;
  const size = Math.max(1, Math.min(batch, Math.floor(30000 / perRow)));
  for (let i = 0; i < rows.length; i += size) await db.insertInto(table).values(rows.slice(i, i + size)).execute();
}

/** The settings table's helpers live with the settings; re-exported for the insight code that reads them here. */
export { readSetting, writeSetting } from '../settings/store.js';

export const parseJson = (v: unknown): any => (typeof v === 'string' && v !== '' ? JSON.parse(v) : (v ?? null));

/** Day number (days since 1970-01-01 UTC) of an ISO timestamp. */
export const dayOf = (iso: string): number => Math.floor(Date.parse(iso) / 86_400_000);
export const isoOfDay = (day: number): string => new Date(day * 86_400_000).toISOString();

/** Day number of an ISO timestamp 'YYYY-MM-DD...' (UTC), without building a Date per row. */
export function dayFromIso(iso: string): number {
  return Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / 86_400_000;
}
