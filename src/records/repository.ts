import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import { sql } from 'kysely';
import type { Db, DialectName } from '../core/database.js';
import { invalid, notFound } from '../core/errors.js';
import type { EntityDef } from '../schema/entities.js';
import { columnOf, type FieldDef } from '../schema/fields.js';
import { rowToRecord, type ApiRecord, type Row } from './codec.js';
import { afterCursor, applySort, compileFilter, decodeCursor, encodeCursor, parseSort, type FilterNode, type SortSpec } from './query.js';

export const maxPageSize = 500;

export interface ListParams {
  filter?: FilterNode;
  sort?: string;
  limit?: number;
  cursor?: string;
  /** Field names to return; all when absent. */
  fields?: string[];
  /** An order chosen by the service rather than the caller (overrides `sort`). */
  order?: SortSpec;
}

export interface Page<T = ApiRecord> {
  data: T[];
  next_cursor: string | null;
}

export type WhereBuilder = (eb: ExpressionBuilder<any, any>) => Expression<SqlBool>;

export function fieldMap(fields: FieldDef[]): Map<string, FieldDef> {
  return new Map(fields.map((f) => [f.name, f]));
}

export function pickFields(fields: FieldDef[], names: string[] | undefined): Set<string> | undefined {
  if (!names || names.length === 0) return undefined;
  const known = fieldMap(fields);
  const unknown = names.filter((n) => !known.has(n));
  if (unknown.length) throw invalid(`unknown fields: ${unknown.join(', ')}`, { fields: unknown.map((n) => `unknown field ${n}`) });
  return new Set(['id', ...names]);
}

/** How many matching rows make a filter "broad" enough to read in sort order instead. */
const broadFilterRows = 2000;

/**
 * SQLite picks the filter's index and then sorts every match, which is slow when the filter
 * matches many rows (country = 'Germany' ORDER BY revenue). A capped count tells whether the
 * filter is broad; then walking the sort column's index finds the first page after a few rows.
 */
async function sqliteSortIndex(db: Db, table: string, sort: SortSpec, conditions: WhereBuilder[]): Promise<string | null> {
  if (conditions.length === 0 || sort.nullable) return null;
  const name = `${table}_${sort.column}_ix`;
  const exists = await db.selectFrom('sqlite_master').select('name').where('type', '=', 'index').where('name', '=', name).executeTakeFirst();
  if (!exists) return null;
  let probe = db.selectFrom(table).select(sql`1`.as('one'));
  for (const where of conditions) probe = probe.where(where);
  const { n } = await db.selectFrom(probe.limit(broadFilterRows).as('matches')).select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
  return Number(n) >= broadFilterRows ? name : null;
}

/** One page of an entity's rows: filter, extra conditions, keyset pagination on (sort, id). */
export async function listRows(db: Db, entity: EntityDef, fields: FieldDef[], params: ListParams, extra: WhereBuilder[] = [], dialect?: DialectName): Promise<Page<Row>> {
  const byName = fieldMap(fields);
  const limit = Math.min(Math.max(params.limit ?? 50, 1), maxPageSize);
  const sort = params.order ?? parseSort(params.sort ?? entity.defaultSort, byName);
  const conditions: WhereBuilder[] = [...extra];
  if (params.filter) {
    const filter = params.filter;
    conditions.unshift((eb) => compileFilter(eb, filter, byName));
  }
  const index = dialect === 'sqlite' ? await sqliteSortIndex(db, entity.table, sort, conditions) : null;
  let q = (index ? db.selectFrom(sql.raw(`"${entity.table}" indexed by "${index}"`) as never) : db.selectFrom(entity.table)).selectAll();
  for (const where of conditions) q = q.where(where);
  if (params.cursor) {
    const cursor = decodeCursor(params.cursor);
    q = q.where((eb) => afterCursor(eb, sort, cursor));
  }
  q = applySort(q, sort).limit(limit + 1);
  const rows = await q.execute();
  const hasMore = rows.length > limit;
  const data = hasMore ? rows.slice(0, limit) : rows;
  const last = data[data.length - 1];
  return { data, next_cursor: hasMore && last ? encodeCursor(last[sort.column], last.id as string) : null };
}

export async function listRecords(db: Db, entity: EntityDef, fields: FieldDef[], params: ListParams, extra: WhereBuilder[] = [], dialect?: DialectName): Promise<Page> {
  const only = pickFields(fields, params.fields);
  const page = await listRows(db, entity, fields, params, extra, dialect);
  return { data: page.data.map((row) => rowToRecord(fields, row, only)), next_cursor: page.next_cursor };
}

export async function findRow(db: Db, entity: EntityDef, id: string): Promise<Row | undefined> {
  return db.selectFrom(entity.table).selectAll().where('id', '=', id).executeTakeFirst();
}

export async function getRow(db: Db, entity: EntityDef, id: string): Promise<Row> {
  const row = await findRow(db, entity, id);
  if (!row) throw notFound(entity.label, id);
  return row;
}

/** Rows for many ids; throws 404 naming the first id that does not exist. */
export async function getRows(db: Db, entity: EntityDef, ids: string[]): Promise<Map<string, Row>> {
  const found = new Map<string, Row>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db.selectFrom(entity.table).selectAll().where('id', 'in', ids.slice(i, i + 500)).execute();
    for (const r of rows) found.set(r.id as string, r);
  }
  const missing = ids.find((id) => !found.has(id));
  if (missing) throw notFound(entity.label, missing);
  return found;
}

export async function insertRows(db: Db, table: string, rows: Row[], chunk = 200): Promise<void> {
  for (let i = 0; i < rows.length; i += chunk) await db.insertInto(table).values(rows.slice(i, i + chunk)).execute();
}

export function columnsOf(fields: FieldDef[]): string[] {
  return fields.map(columnOf).filter((c): c is string => c !== null);
}
