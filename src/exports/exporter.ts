import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { interactions, tasks } from '../activities/interactions.js';
import type { Ctx } from '../core/context.js';
import { invalid } from '../core/errors.js';
import { companies } from '../customers/companies.js';
import { listCustomers } from '../customers/service.js';
import { fieldsOf } from '../fields/custom-fields.js';
import type { ApiRecord } from '../records/codec.js';
import { filtersFromQuery, type FilterNode } from '../records/query.js';
import type { ListParams, Page, WhereBuilder } from '../records/repository.js';
import { orders } from '../sales/orders.js';
import { deals } from '../deals/service.js';
import { products } from '../sales/products.js';
import { entities, type EntityName } from '../schema/entities.js';
import { columnOf, type FieldDef, type PhoneEntry } from '../schema/fields.js';
import { csvRow } from './csv.js';
import { customerVCard } from './vcard.js';

export const exportKinds = ['customers', 'companies', 'products', 'orders', 'interactions', 'tasks', 'deals'] as const satisfies readonly EntityName[];
export type ExportKind = (typeof exportKinds)[number];
export const exportFormats = ['csv', 'json', 'vcard'] as const;
export type ExportFormat = (typeof exportFormats)[number];

export interface ExportOptions {
  format: ExportFormat;
  /** A filter tree, or its JSON text as the API's `filter` parameter takes it. */
  filter?: FilterNode | string;
  /** Full-text search, as the list endpoints' `q`. */
  q?: string;
  /** Extra conditions (e.g. segment membership for customers). */
  where?: WhereBuilder[];
  /** Called after every page with the number of records written so far. */
  onProgress?: (written: number) => void;
}

const pageSize = 500;

type ExportListParams = ListParams & { q?: string; where?: WhereBuilder[] };

const listers: Record<ExportKind, (ctx: Ctx, params: ExportListParams) => Promise<Page>> = {
  customers: listCustomers,
  companies: (ctx, p) => companies.list(ctx, p),
  products: (ctx, p) => products.list(ctx, p),
  orders: (ctx, p) => orders.list(ctx, p),
  interactions: (ctx, p) => interactions.list(ctx, p),
  tasks: (ctx, p) => tasks.list(ctx, p),
  deals: (ctx, p) => deals.list(ctx, p),
};

export function isExportKind(kind: string): kind is ExportKind {
  return (exportKinds as readonly string[]).includes(kind);
}

/** The fields a CSV export has as columns, in registry order (custom fields last). */
export async function exportColumns(ctx: Ctx, kind: ExportKind): Promise<FieldDef[]> {
  const fields = await fieldsOf(ctx.database.db, entities[kind]);
  return fields.filter((f) => f.exportable !== false && columnOf(f) !== null);
}

/** A record's value as one CSV cell: lists joined with `; `, phones as E.164 (or as typed). */
export function cellValue(field: FieldDef, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (field.type === 'string_list') return (value as string[]).join('; ');
  if (field.type === 'phone_list') return (value as PhoneEntry[]).map((p) => p.e164 ?? p.raw).join('; ');
  return value;
}

function parseFilter(filter: ExportOptions['filter']): FilterNode | undefined {
  if (filter === undefined || filter === '') return undefined;
  return filtersFromQuery({ filter: typeof filter === 'string' ? filter : JSON.stringify(filter) });
}

/** Media type and file extension of each export format. */
export const exportMedia: Record<ExportFormat, { contentType: string; extension: string }> = {
  csv: { contentType: 'text/csv; charset=utf-8', extension: 'csv' },
  json: { contentType: 'application/json; charset=utf-8', extension: 'json' },
  vcard: { contentType: 'text/vcard; charset=utf-8', extension: 'vcf' },
};

function checkRequest(kind: string, format: string): asserts kind is ExportKind {
  if (!isExportKind(kind)) throw invalid(`cannot export ${kind}; choose one of ${exportKinds.join(', ')}`, { kind: ['unknown kind'] });
  if (!(exportFormats as readonly string[]).includes(format)) throw invalid(`format must be csv, json or vcard, got ${format}`, { format: ['csv, json or vcard'] });
  if (format === 'vcard' && kind !== 'customers') throw invalid(`vCard export is for customers only, not ${kind}`, { format: ['vcard applies to customers only'] });
}

/**
 * Every record of `kind` that matches the filter, as text chunks of the chosen format, read page
 * by page through the list engine (keyset pagination), so memory stays flat however large the
 * table is. CSV columns come from the field registry; JSON is one array of the API's records;
 * vCard (customers only) is one card per customer. The kind, format and filter are checked, and
 * the first page read, before the first chunk is produced, so a bad request yields nothing.
 */
export async function* exportChunks(ctx: Ctx, kind: string, options: ExportOptions): AsyncGenerator<string, { count: number }> {
  checkRequest(kind, options.format);
  const filter = parseFilter(options.filter);
  const list = listers[kind];
  const columns = options.format === 'json' ? [] : await exportColumns(ctx, kind);
  const customFields = columns.filter((c) => c.custom);
  const params: ExportListParams = { filter, sort: 'id', limit: pageSize, q: options.q, where: options.where };
  let page = await list(ctx, params);
  let count = 0;
  if (options.format === 'csv') yield csvRow(columns.map((c) => c.name));
  else if (options.format === 'json') yield '[';
  for (;;) {
    let chunk = '';
    for (const record of page.data) {
      if (options.format === 'csv') chunk += csvRow(columns.map((f) => cellValue(f, (record as ApiRecord)[f.name])));
      else if (options.format === 'vcard') chunk += customerVCard(record as ApiRecord, customFields);
      else chunk += (count > 0 ? ',\n' : '\n') + JSON.stringify(record);
      count++;
    }
    if (chunk) yield chunk;
    options.onProgress?.(count);
    if (!page.next_cursor) break;
    page = await list(ctx, { ...params, cursor: page.next_cursor });
  }
  if (options.format === 'json') yield count > 0 ? '\n]\n' : ']\n';
  return { count };
}

async function write(out: Writable, chunk: string): Promise<void> {
  if (out.destroyed) throw new Error('the output was closed before the export finished');
  if (!out.write(chunk)) await once(out, 'drain');
}

/** Streams an export (see exportChunks) to `out`; resolves with the number of records written; `out` is left open. */
export async function exportRecords(ctx: Ctx, kind: string, options: ExportOptions, out: Writable): Promise<{ count: number }> {
  const chunks = exportChunks(ctx, kind, options);
  for (;;) {
    const next = await chunks.next();
    if (next.done) return next.value;
    await write(out, next.value);
  }
}
