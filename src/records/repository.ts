import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import { sql } from 'kysely';
import { readSqliteArrays, sqliteIndexExists, type Db, type DialectName } from '../core/database.js';
import { traitsOf } from '../core/dialect.js';
import { invalid, notFound } from '../core/errors.js';
import type { EntityDef } from '../schema/entities.js';
import { columnOf, type FieldDef } from '../schema/fields.js';
import { decodeValue, rowToRecord, type ApiRecord, type Row } from './codec.js';
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
 * Whether a filter is broad changes only as the data grows, so a probe's answer is reused for a
 * minute, per database. It only picks the plan: a stale answer can make a page slower, never wrong.
 */
const probeAnswers = new WeakMap<Db, Map<string, { broad: boolean; at: number }>>();
const probeAnswerMs = 60_000;
const probeAnswerLimit = 1000;

/**
 * SQLite picks the filter's index and then sorts every match, which is slow when the filter
 * matches many rows (country = 'Germany' ORDER BY revenue). A capped count tells whether the
 * filter is broad; then walking the sort column's index finds the first page after a few rows.
 */
async function sqliteSortIndex(db: Db, table: string, sort: SortSpec, conditions: WhereBuilder[]): Promise<string | null> {
  if (conditions.length === 0 || sort.nullable) return null;
  // The id column's index is the one SQLite made for its UNIQUE or PRIMARY KEY constraint.
  const name = sort.column === 'id' ? `sqlite_autoindex_${table}_1` : `${table}_${sort.column}_ix`;
  if (!(await sqliteIndexExists(db, name))) return null;
  let probe = db.selectFrom(table).select(sql`1`.as('one'));
  for (const where of conditions) probe = probe.where(where);
  const query = db.selectFrom(probe.limit(broadFilterRows).as('matches')).select(sql<number>`count(*)`.as('n'));
  const compiled = query.compile();
  const key = JSON.stringify([compiled.sql, compiled.parameters], (_, v) => (typeof v === 'bigint' ? `${v}n` : v));
  let answers = probeAnswers.get(db);
  if (!answers) probeAnswers.set(db, (answers = new Map()));
  const known = answers.get(key);
  const now = Date.now();
  let broad: boolean;
  if (known && now - known.at < probeAnswerMs) {
    broad = known.broad;
  } else {
    const arrays = readSqliteArrays(db, compiled);
    const n = arrays ? arrays.rows[0][0] : (await query.executeTakeFirstOrThrow()).n;
    broad = Number(n) >= broadFilterRows;
    if (answers.size >= probeAnswerLimit) answers.delete(answers.keys().next().value!);
    answers.set(key, { broad, at: now });
  }
  return broad ? name : null;
}

type RecordRows = Awaited<ReturnType<typeof readRecords>>;

/** One page of an entity's records: filter, extra conditions, keyset pagination on (sort, id). */
export async function listRows(db: Db, entity: EntityDef, fields: FieldDef[], params: ListParams, extra: WhereBuilder[] = [], dialect?: DialectName, only?: ReadonlySet<string>): Promise<Page> {
  const byName = fieldMap(fields);
  const limit = Math.min(Math.max(params.limit ?? 50, 1), maxPageSize);
  const sort = params.order ?? parseSort(params.sort ?? entity.defaultSort, byName);
  const conditions: WhereBuilder[] = [...extra];
  if (params.filter) {
    const filter = params.filter;
    conditions.unshift((eb) => compileFilter(eb, filter, byName));
  }
  const cursor = params.cursor ? decodeCursor(params.cursor) : undefined;
  // A page of a few fields reads only their columns (plus id and the sort column for the cursor).
  const columns = only
    ? [
        ...new Set([
          'id',
          sort.column,
          ...fields
            .filter((f) => only.has(f.name))
            .map(columnOf)
            .filter((c): c is string => c !== null),
        ]),
      ]
    : null;
  const indexHints = !!dialect && traitsOf(dialect).indexHints;
  const read = async (where: WhereBuilder[], order: SortSpec, take: number): Promise<RecordRows> => {
    const index = indexHints ? await sqliteSortIndex(db, entity.table, order, where) : null;
    const from = index ? db.selectFrom(sql.raw(`"${entity.table}" indexed by "${index}"`) as never) : db.selectFrom(entity.table);
    let q = columns ? from.select(columns) : from.selectAll();
    for (const w of where) q = q.where(w);
    return readRecords(db, applySort(q, order).limit(take), fields, only, sort.column);
  };
  let page: RecordRows;
  if (indexHints && sort.nullable) {
    // Rows with a value in the column's order, then the rows missing it in id order: each part can walk
    // an index, where one ORDER BY (value IS NULL), value would have to sort every match.
    const valued: SortSpec = { ...sort, nullable: false };
    const byId: SortSpec = { field: byName.get('id') ?? sort.field, column: 'id', descending: sort.descending, nullable: false };
    page = { records: [], sortValues: [], ids: [] };
    if (!cursor || cursor[0] !== null) {
      const after: WhereBuilder[] = cursor ? [(eb) => afterCursor(eb, valued, cursor)] : [];
      page = await read([...conditions, (eb) => eb(sort.column, 'is not', null), ...after], valued, limit + 1);
    }
    if (page.records.length <= limit) {
      const after: WhereBuilder[] = cursor && cursor[0] === null ? [(eb) => afterCursor(eb, byId, cursor)] : [];
      const missing = await read([...conditions, (eb) => eb(sort.column, 'is', null), ...after], byId, limit + 1 - page.records.length);
      page = { records: [...page.records, ...missing.records], sortValues: [...page.sortValues, ...missing.sortValues], ids: [...page.ids, ...missing.ids] };
    }
  } else {
    page = await read(cursor ? [...conditions, (eb) => afterCursor(eb, sort, cursor)] : conditions, sort, limit + 1);
  }
  const hasMore = page.records.length > limit;
  const data = hasMore ? page.records.slice(0, limit) : page.records;
  const last = data.length - 1;
  return { data, next_cursor: hasMore && last >= 0 ? encodeCursor(page.sortValues[last], page.ids[last]) : null };
}

/** Which fields a page shows, and where each sits in a row read as an array. */
function columnPlan(fields: FieldDef[], only: ReadonlySet<string> | undefined, columns: string[]) {
  const at = new Map(columns.map((c, i) => [c, i]));
  const plan: { field: FieldDef; index: number }[] = [];
  for (const field of fields) {
    if (only && !only.has(field.name)) continue;
    const column = columnOf(field);
    if (column !== null) plan.push({ field, index: at.get(column) ?? -1 });
  }
  return plan;
}

/** Runs a page query and decodes its rows straight into API records. */
async function readRecords(
  db: Db,
  q: { compile(): { sql: string; parameters: readonly unknown[] }; execute(): Promise<Row[]> },
  fields: FieldDef[],
  only: ReadonlySet<string> | undefined,
  sortColumn: string,
) {
  const records: ApiRecord[] = [];
  const sortValues: unknown[] = [];
  const ids: string[] = [];
  const arrays = readSqliteArrays(db, q.compile());
  if (arrays) {
    const plan = columnPlan(fields, only, arrays.columns);
    const sortAt = arrays.columns.indexOf(sortColumn);
    const idAt = arrays.columns.indexOf('id');
    for (const row of arrays.rows) {
      const record: ApiRecord = {};
      for (const { field, index } of plan) record[field.name] = decodeValue(field, index < 0 ? undefined : row[index]);
      records.push(record);
      sortValues.push(row[sortAt]);
      ids.push(row[idAt] as string);
    }
  } else {
    for (const row of await q.execute()) {
      records.push(rowToRecord(fields, row, only));
      sortValues.push(row[sortColumn]);
      ids.push(row.id as string);
    }
  }
  return { records, sortValues, ids };
}

export async function listRecords(db: Db, entity: EntityDef, fields: FieldDef[], params: ListParams, extra: WhereBuilder[] = [], dialect?: DialectName): Promise<Page> {
  return listRows(db, entity, fields, params, extra, dialect, pickFields(fields, params.fields));
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
    const rows = await db
      .selectFrom(entity.table)
      .selectAll()
      .where('id', 'in', ids.slice(i, i + 500))
      .execute();
    for (const r of rows) found.set(r.id as string, r);
  }
  const missing = ids.find((id) => !found.has(id));
  if (missing) throw notFound(entity.label, missing);
  return found;
}

export async function insertRows(db: Db, table: string, rows: readonly object[], chunk = 200): Promise<void> {
  for (let i = 0; i < rows.length; i += chunk)
    await db
      .insertInto(table)
      .values(rows.slice(i, i + chunk))
      .execute();
}

function columnsOf(fields: FieldDef[]): string[] {
  return fields.map(columnOf).filter((c): c is string => c !== null);
}
