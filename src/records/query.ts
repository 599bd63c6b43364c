import { sql, type Expression, type ExpressionBuilder, type SqlBool, type SelectQueryBuilder } from 'kysely';
import { z } from '@hono/zod-openapi';
import { invalid } from '../core/errors.js';
import { columnOf, dateTimeInput, isNotNull, isNumeric, type FieldDef } from '../schema/fields.js';

export const filterOperators = ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'in', 'contains', 'is_empty'] as const;
type FilterOperator = (typeof filterOperators)[number];

export type FilterNode = { and: FilterNode[] } | { or: FilterNode[] } | { field: string; op: FilterOperator; value?: unknown };

export const filterNodeSchema: z.ZodType<FilterNode> = z.lazy(() =>
  z.union([
    z.object({ and: z.array(filterNodeSchema).max(50) }).strict(),
    z.object({ or: z.array(filterNodeSchema).max(50) }).strict(),
    z.object({ field: z.string().max(64), op: z.enum(filterOperators), value: z.unknown().optional() }).strict(),
  ]),
) as z.ZodType<FilterNode>;

const reservedParams = new Set(['q', 'sort', 'limit', 'cursor', 'fields', 'filter', 'segment', 'erase']);

/**
 * Reads filters from a query string: `filter=<JSON tree>` for and/or, plus the shorthand
 * `city=Paris`, `age[gte]=30`, `tags[contains]=vip`, all combined with and.
 */
export function filtersFromQuery(query: Record<string, string | string[] | undefined>): FilterNode | undefined {
  const nodes: FilterNode[] = [];
  for (const [key, raw] of Object.entries(query)) {
    if (raw === undefined) continue;
    const values = Array.isArray(raw) ? raw : [raw];
    if (key === 'filter') {
      for (const v of values) {
        let parsed: unknown;
        try {
          parsed = JSON.parse(v);
        } catch {
          throw invalid('filter must be JSON, e.g. {"and":[{"field":"city","op":"eq","value":"Paris"}]}', { filter: ['is not valid JSON'] });
        }
        const result = filterNodeSchema.safeParse(parsed);
        if (!result.success) throw invalid('filter is not a valid filter tree', { filter: result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) });
        nodes.push(result.data);
      }
      continue;
    }
    if (reservedParams.has(key)) continue;
    const match = /^([a-z][a-z0-9_]*)(?:\[([a-z_]+)\])?$/.exec(key);
    if (!match) throw invalid(`unknown query parameter ${key}`, { [key]: ['unknown parameter'] });
    const op = (match[2] ?? 'eq') as FilterOperator;
    if (!filterOperators.includes(op)) throw invalid(`unknown operator ${op}`, { [key]: [`operator must be one of ${filterOperators.join(', ')}`] });
    for (const v of values) nodes.push({ field: match[1], op, value: op === 'in' ? v.split(',') : v });
  }
  if (nodes.length === 0) return undefined;
  return nodes.length === 1 ? nodes[0] : { and: nodes };
}

type Eb = ExpressionBuilder<any, any>;

function likeEscape(s: string): string {
  return s.replace(/[!%_]/g, (c) => `!${c}`);
}

function coerce(field: FieldDef, value: unknown, path: string): unknown {
  const fail = (msg: string) => invalid(`${path}: ${msg}`, { [path]: [msg] });
  if (isNumeric(field)) {
    const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
    if (!Number.isFinite(n)) throw fail('must be a number');
    return n;
  }
  if (field.type === 'boolean') {
    if (value === true || value === 'true' || value === '1' || value === 1) return 1;
    if (value === false || value === 'false' || value === '0' || value === 0) return 0;
    throw fail('must be true or false');
  }
  if (typeof value !== 'string' && typeof value !== 'number') throw fail('must be a string');
  const s = String(value);
  if (field.type === 'datetime') {
    const parsed = dateTimeInput.safeParse(s);
    if (!parsed.success) throw fail('must be an ISO date or date-time');
    return parsed.data;
  }
  return s;
}

function truthy(value: unknown): boolean {
  return value === undefined || value === true || value === 'true' || value === '1' || value === 1;
}

function compileCondition(eb: Eb, field: FieldDef, op: FilterOperator, value: unknown): Expression<SqlBool> {
  const column = columnOf(field)!;
  const ref = sql.ref(column);
  const path = field.name;
  const isList = field.type === 'string_list' || field.type === 'phone_list';
  if (op === 'is_empty') {
    const empty = isList
      ? eb.or([eb(column, 'is', null), eb(column, '=', '[]')])
      : isNumeric(field) || field.type === 'boolean'
        ? eb(column, 'is', null)
        : eb.or([eb(column, 'is', null), eb(column, '=', '')]);
    return truthy(value) ? empty : eb.not(empty);
  }
  if (isList) {
    if (op !== 'contains') throw invalid(`${path} supports contains and is_empty`, { [path]: ['use contains or is_empty on a list'] });
    const needle = JSON.stringify(String(value).trim().toLowerCase());
    return sql<SqlBool>`lower(${ref}) like ${'%' + likeEscape(needle) + '%'} escape '!'`;
  }
  if (op === 'contains') {
    if (isNumeric(field) || field.type === 'boolean') throw invalid(`${path} does not support contains`, { [path]: ['contains works on text fields'] });
    return sql<SqlBool>`lower(${ref}) like ${'%' + likeEscape(String(value).toLowerCase()) + '%'} escape '!'`;
  }
  if (op === 'in') {
    const list = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : [value];
    if (list.length === 0 || list.length > 500) throw invalid(`${path}: in takes 1 to 500 values`, { [path]: ['in takes 1 to 500 values'] });
    return eb(
      column,
      'in',
      list.map((v) => coerce(field, v, path)),
    );
  }
  const sqlOp = { eq: '=', ne: '<>', gt: '>', gte: '>=', lt: '<', lte: '<=' }[op] as '=' | '<>' | '>' | '>=' | '<' | '<=';
  if (value === null && (op === 'eq' || op === 'ne')) return op === 'eq' ? eb(column, 'is', null) : eb(column, 'is not', null);
  const coerced = coerce(field, value, path);
  // ne keeps rows whose value is missing, as a person reading "city is not Paris" expects.
  if (op === 'ne') return eb.or([eb(column, '<>', coerced), eb(column, 'is', null)]);
  return eb(column, sqlOp, coerced);
}

export function compileFilter(eb: Eb, node: FilterNode, fieldsByName: Map<string, FieldDef>, depth = 0): Expression<SqlBool> {
  if (depth > 8) throw invalid('filter is nested too deeply', { filter: ['at most 8 levels'] });
  if ('and' in node) return eb.and(node.and.map((n) => compileFilter(eb, n, fieldsByName, depth + 1)));
  if ('or' in node) return eb.or(node.or.map((n) => compileFilter(eb, n, fieldsByName, depth + 1)));
  const field = fieldsByName.get(node.field);
  if (!field || columnOf(field) === null) throw invalid(`unknown field ${node.field}`, { [node.field]: ['unknown field'] });
  if (field.filterable === false) throw invalid(`${node.field} cannot be filtered`, { [node.field]: ['not filterable'] });
  return compileCondition(eb, field, node.op, node.value);
}

export interface SortSpec {
  field: FieldDef;
  column: string;
  descending: boolean;
  nullable: boolean;
  /** A column with no two rows alike (id, SQLite's row number): it needs no id tie-breaker. */
  unique?: boolean;
}

export function parseSort(sort: string, fieldsByName: Map<string, FieldDef>): SortSpec {
  const descending = sort.startsWith('-');
  const name = descending ? sort.slice(1) : sort;
  const field = fieldsByName.get(name);
  if (!field || columnOf(field) === null || !field.sortable) throw invalid(`cannot sort by ${name}`, { sort: [`unknown or unsortable field ${name}`] });
  const column = columnOf(field)!;
  // The registry says which columns are NOT NULL (checked against the migrated schema by a test).
  return { field, column, descending, nullable: !isNotNull(field) };
}

export function applySort<QB extends SelectQueryBuilder<any, any, any>>(qb: QB, spec: SortSpec): QB {
  const dir = spec.descending ? 'desc' : 'asc';
  let q = qb;
  // Missing values sort last in both directions, the same on every engine.
  if (spec.nullable) q = q.orderBy(sql`(${sql.ref(spec.column)} is null)`, 'asc') as QB;
  if (spec.column !== 'id') q = q.orderBy(spec.column, dir) as QB;
  return spec.unique ? q : (q.orderBy('id', dir) as QB);
}

type Cursor = [value: unknown, id: string];

const badCursor = () => invalid('cursor is not valid; use next_cursor from the previous page', { cursor: ['invalid cursor'] });

export function encodeCursor(value: unknown, id: string): string {
  return Buffer.from(JSON.stringify([value ?? null, id])).toString('base64url');
}

/**
 * Reads a cursor: `[value, id]` with a plain value (string, number, boolean or null) and an id. With
 * `valueKind`, the value must also be of that kind (or null), so a hand-made cursor can never reach
 * the database as a value of the wrong type.
 */
export function decodeCursor(cursor: string, valueKind?: 'number' | 'string'): Cursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw badCursor();
  }
  if (!Array.isArray(parsed) || parsed.length !== 2 || typeof parsed[1] !== 'string' || parsed[1].length > 64) throw badCursor();
  const value: unknown = parsed[0];
  const plain = value === null || typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));
  if (!plain || (valueKind && value !== null && typeof value !== valueKind)) throw badCursor();
  return parsed as Cursor;
}

/** Whether a cursor's value fits the sort column: a number for numbers, a string for text and dates. */
function fitsSort(spec: SortSpec, value: unknown): boolean {
  if (value === null) return true;
  if (isNumeric(spec.field)) return typeof value === 'number';
  if (spec.field.type === 'boolean') return typeof value === 'boolean' || value === 0 || value === 1;
  return typeof value === 'string';
}

/** Rows strictly after the cursor in the order applySort produces (keyset pagination). */
export function afterCursor(eb: Eb, spec: SortSpec, [value, id]: Cursor): Expression<SqlBool> {
  const after = spec.descending ? '<' : '>';
  if (spec.column === 'id') return eb('id', after, id);
  if (!fitsSort(spec, value)) throw badCursor();
  if (spec.unique) return eb(spec.column, after, value);
  if (value === null) return eb.and([eb(spec.column, 'is', null), eb('id', after, id)]);
  const parts = [eb(spec.column, after, value), eb.and([eb(spec.column, '=', value), eb('id', after, id)])];
  if (spec.nullable) parts.push(eb(spec.column, 'is', null));
  return eb.or(parts);
}
