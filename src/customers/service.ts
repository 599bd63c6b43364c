import type { Ctx } from '../core/context.js';
import { inTransaction } from '../core/context.js';
import { readRows, type Db, type DialectName } from '../core/database.js';
import { traitsOf } from '../core/dialect.js';
import { conflict, invalid } from '../core/errors.js';
import { customerSearch, newestCustomerMatches } from '../core/fulltext.js';
import { columnsAsStored, valueAsStored, type StoredColumn } from '../core/rows-as-stored.js';
import { newId } from '../core/ids.js';
import { fieldsOf } from '../fields/custom-fields.js';
import { recordChanges } from '../records/changes.js';
import { decodeValue, recordToRow, rowToRecord, type ApiRecord, type Row } from '../records/codec.js';
import { decodeCursor, type SortSpec } from '../records/query.js';
import { getRows, insertRows, listRows, maxPageSize, pickFields, type ListParams, type Page, type WhereBuilder } from '../records/repository.js';
import { customerEntity } from '../schema/entities.js';
import { columnOf, type FieldDef, type PhoneEntry } from '../schema/fields.js';
import { sql } from 'kysely';
import { companyIdForName } from './companies.js';
import { ParsedCustomer, parseCustomerInput, type SourceRef } from './input.js';
import { phoneQuery } from './phone-search.js';
import { companyKey, emailKey } from './normalise.js';
import { customerSearchText, customerValues, withListsFilled } from './values.js';

/** Derived columns of a customer (see customerValues), and its company link, which needs the database. */
async function normalise(trx: Db, ctx: Ctx, input: ApiRecord, existing: ApiRecord | null, companyIds: Map<string, string>): Promise<ApiRecord> {
  const next = derivedValues(ctx, input, existing);
  return namesCompany(input) ? linkCompany(trx, ctx, input, next, companyIds) : next;
}

/** Whether a write gives a company (by name or id): its link needs the database. */
const namesCompany = (input: ApiRecord) => 'company_id' in input || 'company' in input;

function derivedValues(ctx: Ctx, input: ApiRecord, existing: ApiRecord | null): ApiRecord {
  // An import (ctx.batchId) only knows what its file says: consent given at an unknown time stays
  // without a time (a legal record is never stamped with the import's time).
  return customerValues(input, existing, ctx.defaultCountry, ctx.batchId ? null : new Date().toISOString());
}

async function linkCompany(trx: Db, ctx: Ctx, input: ApiRecord, next: ApiRecord, companyIds: Map<string, string>): Promise<ApiRecord> {
  if ('company_id' in input && input.company_id) {
    const company = await trx
      .selectFrom('companies')
      .select(['id', 'name'])
      .where('id', '=', input.company_id as string)
      .executeTakeFirst();
    if (!company) throw invalid(`company ${input.company_id} does not exist`, { company_id: ['no such company'] });
    next.company = company.name;
  } else if ('company' in input) {
    const name = next.company as string | null;
    if (name && !companyIds.has(companyKey(name))) companyIds.set(companyKey(name), await companyIdForName(trx, ctx, name));
    next.company_id = name ? companyIds.get(companyKey(name))! : null;
  } else if ('company_id' in input) {
    next.company = null;
  }
  return next;
}

/** A customer's row; `searchText`: its search text made already (ParsedCustomer.searchText). */
function toRow(fields: FieldDef[], record: ApiRecord, searchText?: string): Row {
  const row = recordToRow(fields, record);
  row.email_key = record.email ? emailKey(record.email as string) : null;
  row.search_text = searchText ?? customerSearchText(record);
  return row;
}

/** A customer's match keys as customer_keys rows: each email (as emailKey gives it) and each E.164 phone, once. */
function keyRows(id: string, record: ApiRecord, into: Row[] = []): Row[] {
  const emails = (record.emails as string[]) ?? [];
  const phones = (record.phones as PhoneEntry[]) ?? [];
  const start = into.length;
  const has = (kind: string, value: string) => {
    for (let i = start; i < into.length; i++) if (into[i].kind === kind && into[i].value === value) return true;
    return false;
  };
  for (const e of emails) {
    const value = emailKey(e);
    if (!has('email', value)) into.push({ kind: 'email', value, customer_id: id });
  }
  for (const p of phones) if (p.e164 && !has('phone', p.e164)) into.push({ kind: 'phone', value: p.e164, customer_id: id });
  return into;
}

export async function writeKeys(trx: Db, id: string, record: ApiRecord, replace: boolean) {
  if (replace) await trx.deleteFrom('customer_keys').where('customer_id', '=', id).execute();
  const rows = keyRows(id, record);
  if (rows.length) await trx.insertInto('customer_keys').values(rows).execute();
}

/** Writes rows into a table; imports pass one that is faster on their engine (same stored result). */
export type RowWriter = (db: Db, table: string, rows: Row[]) => Promise<void>;

const writeRows = (db: Db, table: string, rows: Row[], chunk: number, writer?: RowWriter) => (writer ? writer(db, table, rows) : insertRows(db, table, rows, chunk));

async function insertKeys(trx: Db, records: { id: string; record: ApiRecord }[], writer?: RowWriter) {
  const rows: Row[] = [];
  for (const { id, record } of records) keyRows(id, record, rows);
  await writeRows(trx, 'customer_keys', rows, 500, writer);
}

/** 409 when a primary email is already another customer's, or repeated within the batch. */
async function checkEmailConflicts(trx: Db, records: { id: string; record: ApiRecord }[]) {
  const byKey = new Map<string, string>();
  for (const { id, record } of records) {
    if (!record.email) continue;
    const key = emailKey(record.email as string);
    if (byKey.has(key) && byKey.get(key) !== id) throw conflict(`email ${record.email} is used twice in this request`, { email: ['used twice in this request'] });
    byKey.set(key, id);
  }
  const keys = [...byKey.keys()];
  for (let i = 0; i < keys.length; i += 500) {
    const taken = await trx
      .selectFrom('customers')
      .select(['id', 'email', 'email_key'])
      .where('email_key', 'in', keys.slice(i, i + 500))
      .execute();
    for (const t of taken) {
      if (byKey.get(t.email_key as string) !== t.id) throw conflict(`email ${t.email} already belongs to customer ${t.id}`, { email: [`already used by ${t.id}`] });
    }
  }
}

/**
 * Links records to their ids in other systems; 409 when such an id already belongs to another record.
 * `free`: the caller found none of these ids linked, in this transaction (CreateOptions.lookedUp).
 */
export async function attachSources(trx: Db, entity: string, links: { entityId: string; sources: SourceRef[] }[], writer?: RowWriter, free = false) {
  const wanted = links.flatMap(({ entityId, sources }) => sources.map((s) => ({ entityId, ...s })));
  if (wanted.length === 0) return;
  const owners = new Map<string, string>();
  const bySource = new Map<string, typeof wanted>();
  for (const w of wanted) {
    const group = bySource.get(w.source);
    if (group) group.push(w);
    else bySource.set(w.source, [w]);
  }
  for (const [source, group] of free ? [] : bySource) {
    for (let i = 0; i < group.length; i += 500) {
      const rows = await trx
        .selectFrom('external_ids')
        .select(['source_id', 'entity_id'])
        .where('entity', '=', entity)
        .where('source', '=', source)
        .where(
          'source_id',
          'in',
          group.slice(i, i + 500).map((g) => g.source_id),
        )
        .execute();
      for (const r of rows) owners.set(`${source}\u0000${r.source_id}`, r.entity_id as string);
    }
  }
  const now = new Date().toISOString();
  const fresh: Row[] = [];
  for (const w of wanted) {
    const key = `${w.source}\u0000${w.source_id}`;
    const owner = owners.get(key);
    if (owner && owner !== w.entityId) throw conflict(`${w.source} id ${w.source_id} already belongs to ${owner}`, { sources: [`${w.source}:${w.source_id} belongs to ${owner}`] });
    if (owner) continue;
    owners.set(key, w.entityId);
    fresh.push({ entity, entity_id: w.entityId, source: w.source, source_id: w.source_id, created_at: now });
  }
  await writeRows(trx, 'external_ids', fresh, 500, writer);
}

async function sourcesOf(db: Db, entity: string, ids: string[]): Promise<Map<string, SourceRef[]>> {
  const out = new Map<string, SourceRef[]>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await readRows(
      db,
      db
        .selectFrom('external_ids')
        .select(['entity_id', 'source', 'source_id'])
        .where('entity', '=', entity)
        .where('entity_id', 'in', ids.slice(i, i + 500))
        .orderBy('created_at'),
    );
    for (const r of rows) {
      const list = out.get(r.entity_id as string) ?? [];
      list.push({ source: r.source as string, source_id: r.source_id as string });
      out.set(r.entity_id as string, list);
    }
  }
  return out;
}

/** API records for rows: decoded fields, custom fields and sources. */
export async function toRecords(db: Db, fields: FieldDef[], rows: Row[], only?: ReadonlySet<string>): Promise<ApiRecord[]> {
  return withSources(
    db,
    rows.map((row) => rowToRecord(fields, row, only)),
    only,
  );
}

/** Adds each record's `sources` (unless a field list leaves them out). */
async function withSources(db: Db, records: ApiRecord[], only?: ReadonlySet<string>): Promise<ApiRecord[]> {
  if (only && !only.has('sources')) return records;
  const sources = records.length
    ? await sourcesOf(
        db,
        'customers',
        records.map((r) => r.id as string),
      )
    : new Map<string, SourceRef[]>();
  for (const record of records) record.sources = sources.get(record.id as string) ?? [];
  return records;
}

async function readBack(trx: Db, fields: FieldDef[], prepared: { id: string }[]): Promise<ApiRecord[]> {
  const rows = await getRows(
    trx,
    customerEntity,
    prepared.map((p) => p.id),
  );
  return toRecords(
    trx,
    fields,
    prepared.map((p) => rows.get(p.id)!),
  );
}

interface WrittenField {
  field: FieldDef;
  column: string;
  stored: StoredColumn | undefined;
}

interface WrittenPlan {
  /** The fields by the column they are stored in. */
  byColumn: Map<string, WrittenField>;
  /**
   * A record with every key in place, in field order, each holding what its column reads back when a
   * row leaves it out (its default). Each record starts as a copy and only the columns its row sets are
   * decoded: a created customer sets about fifteen of sixty, and decoding all sixty was most of the time.
   */
  shape: ApiRecord;
  /** Fields whose default decodes to a list: a row that leaves them out gets a list of its own. */
  listDefaults: WrittenField[];
  /** Fields whose default cannot be known without a read: a row that leaves one out is read back. */
  unknownDefaults: WrittenField[];
  /** What the columns were read as, to notice a change of schema. */
  columns: ReadonlyMap<string, StoredColumn>;
}
/** Per field list (one per schema stamp). */
const writtenPlans = new WeakMap<FieldDef[], WrittenPlan>();

function writtenPlan(fields: FieldDef[], columns: ReadonlyMap<string, StoredColumn>): WrittenPlan {
  const byColumn = new Map<string, WrittenField>();
  const shape: [string, unknown][] = [];
  const listDefaults: WrittenField[] = [];
  const unknownDefaults: WrittenField[] = [];
  for (const field of fields) {
    const column = columnOf(field);
    if (column === null) continue;
    const entry = { field, column, stored: columns.get(column) };
    byColumn.set(column, entry);
    const absent = valueAsStored(entry.stored, undefined);
    const decoded = absent === undefined ? null : decodeValue(field, absent);
    shape.push([field.name, Array.isArray(decoded) ? null : decoded]);
    if (absent === undefined) unknownDefaults.push(entry);
    else if (Array.isArray(decoded)) listDefaults.push(entry);
  }
  shape.push(['sources', null]);
  // Made in one go: an object given sixty keys one by one turns into a dictionary, which copies at a fifth of the speed.
  return { byColumn, shape: Object.fromEntries(shape), listDefaults, unknownDefaults, columns };
}

/**
 * The created customers as the API shows them, from the rows just written instead of reading them
 * back, where the engine adapter can tell how they read back (`columnsAsStored`). Null (read them back)
 * otherwise, and when a customer has several sources (their stored order is the database's).
 */
async function recordsAsWritten(trx: Db, fields: FieldDef[], prepared: { id: string; sources: SourceRef[] }[], rows: Row[]): Promise<ApiRecord[] | null> {
  if (prepared.some((p) => p.sources.length > 1)) return null;
  const columns = await columnsAsStored(trx, 'customers', fields);
  if (!columns) return null;
  let plan = writtenPlans.get(fields);
  if (!plan || plan.columns !== columns) writtenPlans.set(fields, (plan = writtenPlan(fields, columns)));
  const { byColumn, shape, listDefaults, unknownDefaults } = plan;
  const records: ApiRecord[] = [];
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    const record: ApiRecord = { ...shape };
    for (const column in row) {
      const entry = byColumn.get(column);
      if (!entry) continue;
      const value = valueAsStored(entry.stored, row[column]);
      if (value === undefined) return null;
      record[entry.field.name] = decodeValue(entry.field, value);
    }
    for (const { column } of unknownDefaults) if (row[column] === undefined) return null;
    for (const { field, column, stored } of listDefaults) if (row[column] === undefined) record[field.name] = decodeValue(field, valueAsStored(stored, undefined));
    const source = prepared[i].sources[0];
    record.sources = source ? [{ source: source.source, source_id: source.source_id }] : [];
    records.push(record);
  }
  return records;
}

/** How a caller that writes many customers at once has the pipe write them. */
export interface CreateOptions {
  /** Writes the rows the fastest way the engine allows (see RowWriter). */
  writer?: RowWriter;
  /**
   * The caller has looked up, in this transaction, every primary email and source id of these records
   * and left out or cleared those already taken (an import's chunk does, to match its rows): the pipe
   * does not look them up again. The unique indexes still refuse a taken one.
   */
  lookedUp?: boolean;
}

/** Creates customers from request bodies (parsed here) or from bodies parsed already (ParsedCustomer). */
export async function createCustomersIn(trx: Db, ctx: Ctx, inputs: unknown[], { writer, lookedUp = false }: CreateOptions = {}): Promise<ApiRecord[]> {
  const fields = await fieldsOf(trx, customerEntity);
  const now = new Date().toISOString();
  const prepared: { id: string; record: ApiRecord; sources: SourceRef[]; searchText: string | undefined }[] = [];
  const companyIds = new Map<string, string>();
  for (const raw of inputs) {
    const { input, sources = [], searchText } = raw instanceof ParsedCustomer ? raw : { ...parseCustomerInput(fields, raw, 'create'), searchText: undefined };
    const values = derivedValues(ctx, withListsFilled(fields, input), null);
    // Most creates name no company: their values need no database, and no wait.
    const record = namesCompany(input) ? await linkCompany(trx, ctx, input, values, companyIds) : values;
    const id = newId('customer');
    // Created here, a customer became one now; an imported one's is the file's date, or none (their first order tells).
    if (!('customer_since' in input || ctx.batchId)) record.customer_since = now;
    // The record is this create's own (customerValues makes a new one): completed in place.
    record.id = id;
    record.created_at = now;
    record.updated_at = now;
    prepared.push({ id, record, sources, searchText });
  }
  if (!lookedUp) await checkEmailConflicts(trx, prepared);
  const written = prepared.map((p) => toRow(fields, p.record, p.searchText));
  await writeRows(trx, 'customers', written, 100, writer);
  await insertKeys(trx, prepared, writer);
  await attachSources(
    trx,
    'customers',
    prepared.map((p) => ({ entityId: p.id, sources: p.sources })),
    writer,
    lookedUp,
  );
  const records = (await recordsAsWritten(trx, fields, prepared, written)) ?? (await readBack(trx, fields, prepared));
  await recordChanges(
    trx,
    ctx,
    customerEntity,
    'create',
    records.map((r) => ({ id: r.id as string, after: r })),
    writer,
  );
  return records;
}

export async function updateCustomersIn(trx: Db, ctx: Ctx, patches: { id: string; patch: unknown }[]): Promise<ApiRecord[]> {
  const fields = await fieldsOf(trx, customerEntity);
  const existingRows = await getRows(
    trx,
    customerEntity,
    patches.map((p) => p.id),
  );
  const befores = new Map((await toRecords(trx, fields, [...existingRows.values()])).map((r) => [r.id as string, r]));
  const prepared: { id: string; record: ApiRecord; input: ApiRecord; sources?: SourceRef[] }[] = [];
  const companyIds = new Map<string, string>();
  for (const { id, patch } of patches) {
    const { input, sources } = parseCustomerInput(fields, patch, 'update');
    const record = await normalise(trx, ctx, input, befores.get(id)!, companyIds);
    prepared.push({ id, record: { ...record, updated_at: new Date().toISOString() }, input, sources });
  }
  await checkEmailConflicts(trx, prepared);
  for (const p of prepared) {
    const row = toRow(fields, p.record);
    delete row.id;
    delete row.created_at;
    for (const f of fields) if (f.readOnly && f.name !== 'updated_at') delete row[f.name];
    await trx.updateTable('customers').set(row).where('id', '=', p.id).execute();
    await writeKeys(trx, p.id, p.record, true);
  }
  await attachSources(
    trx,
    'customers',
    prepared.map((p) => ({ entityId: p.id, sources: p.sources ?? [] })),
  );
  const rows = await getRows(
    trx,
    customerEntity,
    prepared.map((p) => p.id),
  );
  const records = await toRecords(
    trx,
    fields,
    prepared.map((p) => rows.get(p.id)!),
  );
  await recordChanges(
    trx,
    ctx,
    customerEntity,
    'update',
    records.map((r) => ({ id: r.id as string, before: befores.get(r.id as string), after: r })),
  );
  return records;
}

export async function deleteCustomersIn(trx: Db, ctx: Ctx, ids: string[]): Promise<void> {
  const fields = await fieldsOf(trx, customerEntity);
  const existing = await getRows(trx, customerEntity, ids);
  const befores = await toRecords(trx, fields, [...existing.values()]);
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    await trx.deleteFrom('external_ids').where('entity', '=', 'customers').where('entity_id', 'in', chunk).execute();
    await trx.deleteFrom('customers').where('id', 'in', chunk).execute();
  }
  await recordChanges(
    trx,
    ctx,
    customerEntity,
    'delete',
    befores.map((b) => ({ id: b.id as string, before: b })),
  );
}

export const createCustomers = (ctx: Ctx, inputs: unknown[]) => inTransaction(ctx, (trx) => createCustomersIn(trx, ctx, inputs));
export const updateCustomers = (ctx: Ctx, patches: { id: string; patch: unknown }[]) => inTransaction(ctx, (trx) => updateCustomersIn(trx, ctx, patches));
export const deleteCustomers = (ctx: Ctx, ids: string[]) => inTransaction(ctx, (trx) => deleteCustomersIn(trx, ctx, ids));

export interface CustomerListParams extends ListParams {
  q?: string;
  /** Extra conditions from other capabilities (e.g. segment membership). */
  where?: WhereBuilder[];
}

export async function listCustomers(ctx: Ctx, params: CustomerListParams): Promise<Page> {
  const db = ctx.database.db;
  const fields = await fieldsOf(db, customerEntity);
  const only = pickFields([...fields, { name: 'sources', label: 'Sources', type: 'string_list', column: null }], params.fields);
  const extra = [...(params.where ?? [])];
  let listParams: ListParams = params;
  if (params.q) {
    const search = searchPlan(ctx.database.dialect, params);
    if (search.where) extra.push(search.where);
    listParams = { ...params, ...search.params };
  }
  const page = await listRows(db, customerEntity, fields, listParams, extra, ctx.database.dialect, only);
  return { data: await withSources(db, page.data, only), next_cursor: page.next_cursor };
}

/** SQLite's row number, newest last: the order a search comes in when the caller names none. */
const bySeqNewestFirst: SortSpec = { field: { name: 'seq', label: 'Added', type: 'integer', column: 'seq' }, column: 'seq', descending: true, nullable: false, unique: true };

/**
 * A search with no `sort` lists the newest customers first: on SQLite in row-number order, which
 * the full-text index gives without sorting every match, elsewhere by id (ids sort by creation time).
 */
function searchPlan(dialect: DialectName, params: CustomerListParams): { where: WhereBuilder | null; params: Partial<ListParams> } {
  const q = phoneQuery(params.q!);
  if (params.sort) return { where: customerSearch(dialect, q), params: {} };
  if (!traitsOf(dialect).searchInRowOrder) return { where: customerSearch(dialect, q), params: { sort: '-id' } };
  const order = { order: bySeqNewestFirst };
  if (params.filter || params.where?.length) return { where: customerSearch(dialect, q), params: order };
  const limit = Math.min(Math.max(params.limit ?? 50, 1), maxPageSize);
  let before: number | undefined;
  if (params.cursor) {
    const [seq] = decodeCursor(params.cursor, 'number');
    if (!Number.isSafeInteger(seq)) throw invalid('cursor is not valid; use next_cursor from the previous page', { cursor: ['invalid cursor'] });
    before = seq as number;
  }
  return { where: newestCustomerMatches(q, limit + 1, before), params: order };
}

export async function getCustomer(ctx: Ctx, id: string): Promise<ApiRecord> {
  const db = ctx.database.db;
  const fields = await fieldsOf(db, customerEntity);
  const rows = await getRows(db, customerEntity, [id]);
  return (await toRecords(db, fields, [rows.get(id)!]))[0];
}

export interface CustomerFigures {
  first_order_at: string | null;
  last_order_at: string | null;
  order_count: number;
  revenue: number;
  average_order_value: number | null;
  purchase_frequency: number | null;
}

/** Writes figures derived by other capabilities (orders, interactions) onto customer rows. */
export async function setCustomerColumns(trx: Db, values: Map<string, Partial<CustomerFigures> | { last_interaction_at: string | null }>): Promise<void> {
  for (const [id, set] of values) await trx.updateTable('customers').set(set).where('id', '=', id).execute();
}
