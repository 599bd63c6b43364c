import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import path from 'node:path';
import { collectGarbageAbove } from '../core/memory.js';
import type { Ctx } from '../core/context.js';
import { inTransaction } from '../core/context.js';
import { invalid } from '../core/errors.js';
import { fieldsOf, listCustomFields } from '../fields/custom-fields.js';
import { customerEntity } from '../schema/entities.js';
import type { FieldDef } from '../schema/fields.js';
import { scanDuplicates } from '../duplicates/scan.js';
import { changeLog, type ChangeLog, createBatch, emptyCounts, getBatch, recordRejects, updateBatch, type ImportBatch, type ImportCounts } from './batches.js';
import { bulkInserter } from '../core/bulk-insert.js';
import type { CleanRecord } from './cleaning.js';
import { cleaningThreadMinBytes, type CleaningSetup } from './clean-thread.js';
import { cleanedRows } from './cleaned-rows.js';
import { MappingError, planMapping, type MappingOverrides, type MappingPlan } from './mapping.js';
import { CsvReadError } from './readers/csv.js';
import { BinaryFileError, decodeText } from './readers/decode.js';
import { formatOf, readHeaders, type FileFormat } from './source-file.js';
import type { CustomFieldDefinition, EntityKind, RowError } from './types.js';
import type { DateOrder } from './values/dates.js';
import { dealPipelines, opensDeal, resolveDeal, writeCompaniesWithDeals, writeCustomersWithDeals, writeInteractionsWithDeals, writeOrdersWithDeals } from './deal-writer.js';
import { dealOpeningKinds } from './fields.js';
import { writeCatalogue, type CleanRow, type OrderGroup, type WriteContext } from './writers.js';
import { rowInput } from './customer-input.js';
import { backgroundCheckpoints, type BackgroundCheckpoints } from '../core/checkpointer.js';
import { appendEvents } from '../core/events.js';

/**
 * Rows per transaction: large enough that commits and lookups are few, small enough to keep memory flat.
 * A commit writes every index page its chunk changed, and on a large table the keys that fall anywhere
 * (emails, match keys, source ids) change about a page per row at 5,000 rows a chunk: 1M customers
 * took 183 to 200 s so, 165 to 169 s at 20,000 (peak RSS 330 MB then, about 460 MB now).
 */
export const defaultChunkSize = 20_000;

/**
 * Rows of each chunk: the first ones smaller, since nothing is written until the cleaning thread has
 * cleaned the first chunk (20,000 rows first: the writing thread waited 1.8 s of a 100k-customer import).
 */
export function chunkRows(index: number, chunkSize: number): number {
  return Math.min(chunkSize, 2500 * 2 ** index);
}

export const importKinds = ['customers', 'companies', 'products', 'orders', 'interactions'] as const satisfies readonly EntityKind[];
export type MergeMode = 'auto' | 'review' | 'off';

export interface ImportOptions {
  kind: EntityKind;
  /** Name of the system the file comes from; ids in the file are that system's ids. */
  source?: string;
  preset?: string | false;
  mapping?: MappingOverrides;
  defaultCountry?: string;
  dateOrder?: DateOrder;
  merge?: MergeMode;
  /** Write nothing when any row is bad. */
  strict?: boolean;
  fileName?: string;
  /** Rows written per transaction. */
  chunkSize?: number;
  /**
   * A process that runs the import alone (the CLI) passes a heap size here: past it, garbage is collected
   * between chunks, so the process's memory stays flat (see collectGarbageAbove).
   */
  collectGarbageAboveBytes?: number;
  /**
   * SQLite: from the second chunk on, leave the WAL's checkpoints to a thread of their own (see
   * checkpointer.ts), for a process that runs the import alone (the CLI). Not in the server: the log then
   * grows to 256 MB before it starts over, and requests reading alongside the import slowed down (a
   * 50-row list page during a 200,000-row import: p50 9.7 ms without the thread, 69.7 ms with it).
   */
  checkpointThread?: boolean;
  /**
   * Read and clean the rows on a thread of their own while this one writes (see cleaned-rows.ts), for
   * files from cleaningThreadMinBytes on. For a process that runs the import alone (the CLI): in the
   * server, the import's job thread and the server's own would share the cores with it.
   */
  cleaningThread?: boolean;
  onProgress?: (progress: { rows: number; bytes: number; total_bytes: number }) => void;
}

export interface PreviewRow {
  row: number;
  values: Record<string, string>;
  record: CleanRecord | null;
  errors: RowError[];
  /** Values that will be kept as written and flagged (they could not be cleaned). */
  warnings: RowError[];
}

export interface Preview {
  kind: EntityKind;
  preset: string | null;
  format: FileFormat;
  headers: string[];
  mapping: Record<string, string | null>;
  rows: PreviewRow[];
  rows_read: number;
  rejected: number;
  /** Rows that will be imported with a value kept as written and flagged. */
  flagged: number;
}

async function customFieldDefs(ctx: Ctx): Promise<CustomFieldDefinition[]> {
  return (await listCustomFields(ctx.database.db, 'customers')).map((f) => ({ name: f.name, type: f.type, options: f.options ?? undefined }));
}

async function planFor(ctx: Ctx, filePath: string, options: ImportOptions) {
  const head = Buffer.alloc(4096);
  const handle = await open(filePath, 'r');
  const { bytesRead } = await handle.read(head, 0, head.length, 0);
  await handle.close();
  const format = formatOf(options.fileName ?? filePath, head.subarray(0, bytesRead));
  const headers = await readHeaders(filePath, format).catch(asInvalidFile);
  if (headers.length === 0) throw invalid('the file has no columns', { file: ['empty or unreadable'] });
  try {
    const plan = planMapping(headers, { kind: options.kind, preset: options.preset, overrides: options.mapping, customFields: options.kind === 'customers' ? await customFieldDefs(ctx) : [] });
    if (plan.kind !== options.kind) throw invalid(`this file looks like ${plan.kind}, not ${options.kind}`, { kind: [`the ${plan.preset} preset imports ${plan.kind}`] });
    return { format, headers, plan };
  } catch (error) {
    if (error instanceof MappingError) throw invalid(error.message, { mapping: [error.message] });
    throw error;
  }
}

/** A file that cannot be read as the format it claims is bad input (400), with the reader's message. */
function asInvalidFile(error: unknown): never {
  if (error instanceof CsvReadError || error instanceof BinaryFileError) throw invalid(error.message, { file: [error.message] });
  throw error;
}

/**
 * Everything an import can know is wrong before it starts: an unreadable file, a NUL byte anywhere in
 * a text file (only the start is sniffed while reading), a mapping that does not fit. Throws a 400.
 */
export async function checkImportFile(ctx: Ctx, filePath: string, options: ImportOptions): Promise<void> {
  const { format } = await planFor(ctx, filePath, options);
  if (format !== 'csv') return;
  try {
    // Decoding checks every chunk for NUL bytes (a binary or mislabelled file).
    for await (const _text of decodeText(createReadStream(filePath)));
  } catch (error) {
    asInvalidFile(error);
  }
}

function useCleaningThread(options: ImportOptions, totalBytes: number): boolean {
  return options.cleaningThread === true && totalBytes >= cleaningThreadMinBytes;
}

function mappingOf(plan: MappingPlan): Record<string, string | null> {
  const out: Record<string, string | null> = Object.create(null);
  for (const a of plan.assignments) out[a.column] = a.field;
  for (const c of plan.unmapped) out[c] = null;
  return out;
}

/** What cleaning the rows needs; a customer import's rows are parsed as the write pipe parses them too (see ParsedCustomer). */
async function cleaningSetup(ctx: Ctx, format: FileFormat, plan: MappingPlan, options: ImportOptions): Promise<CleaningSetup> {
  const customerFields = options.kind === 'customers' ? await fieldsOf(ctx.database.db, customerEntity) : undefined;
  return { format, plan, defaultCountry: options.defaultCountry, dateOrder: options.dateOrder, customerFields, pipeCountry: importCountry(ctx, options) };
}

/** The default country an import's writes read phone numbers in: the import's, else the server's. */
const importCountry = (ctx: Ctx, options: ImportOptions): Ctx['defaultCountry'] => (options.defaultCountry as Ctx['defaultCountry']) ?? ctx.defaultCountry;

/** Tells whether rows were parsed with the fields a transaction now reads (a custom field may change during an import). */
const fieldsSignature = (fields: FieldDef[]) => JSON.stringify(fields);

/**
 * Why the run would reject a clean row's deal (an unknown pipeline or stage, a lost stage without its
 * reason), found before anything is written: the preview shows it and strict mode refuses the file on
 * it. The error names the column of the deal field it fails on. Kinds that open no deal pass every row.
 */
async function dealCheck(ctx: Ctx, plan: MappingPlan, kind: EntityKind): Promise<(row: number, value: CleanRecord) => RowError | null> {
  if (!dealOpeningKinds.includes(kind)) return () => null;
  // The default pipeline is seeded on first use, as a read of the pipelines does.
  const pipelines = await ctx.database.db.transaction().execute((trx) => dealPipelines(trx));
  return (row, value) => {
    if (!opensDeal(value)) return null;
    const deal = resolveDeal(pipelines, value);
    return 'reason' in deal ? { row, column: plan.assignments.find((a) => a.field === deal.field)?.column ?? null, reason: deal.reason } : null;
  };
}

/** The first rows as they would be stored, with their errors, and the error count over the file. Writes nothing. */
export async function previewImport(ctx: Ctx, filePath: string, options: ImportOptions, limit = 20): Promise<Preview> {
  const { format, headers, plan } = await planFor(ctx, filePath, options);
  const checkDeal = await dealCheck(ctx, plan, options.kind);
  const rows: PreviewRow[] = [];
  let read = 0;
  let rejected = 0;
  let flagged = 0;
  try {
    for await (const row of cleanedRows(filePath, await cleaningSetup(ctx, format, plan, options), false)) {
      read++;
      const result = row.result;
      const dealError = result.value && !result.errors.length ? checkDeal(row.rowNumber, result.value) : null;
      if (dealError) result.errors.push(dealError);
      const bad = !result.value || result.errors.length > 0;
      if (bad) rejected++;
      else if (result.warnings.length) flagged++;
      if (rows.length < limit) rows.push({ row: row.rowNumber, values: JSON.parse(row.raw) as Record<string, string>, record: result.value, errors: result.errors, warnings: result.warnings });
    }
  } catch (error) {
    asInvalidFile(error);
  }
  return { kind: options.kind, preset: plan.preset, format, headers, mapping: mappingOf(plan), rows, rows_read: read, rejected, flagged };
}

export function defaultSource(plan: { preset: string | null }): string {
  return plan.preset ? plan.preset.split('_')[0] : 'file';
}

/**
 * Imports a file as one batch: rows are read as a stream, mapped, cleaned and written in chunks,
 * each chunk in its own transaction with its change log (so a killed import leaves whole chunks
 * and running it again completes it without duplicates). Bad rows are rejected with reasons.
 */
export async function runImport(ctx: Ctx, filePath: string, options: ImportOptions, existingBatchId?: string): Promise<ImportBatch> {
  const { format, plan } = await planFor(ctx, filePath, options);
  const source = options.source ?? defaultSource(plan);
  const db = ctx.database.db;
  const batchId =
    existingBatchId ??
    (await createBatch(db, { kind: options.kind, source, fileName: options.fileName ?? path.basename(filePath), options: { ...options, onProgress: undefined, source }, actor: ctx.actor }));
  await updateBatch(db, batchId, { mapping: mappingOf(plan), source });
  const counts = emptyCounts();
  const totalBytes = (await stat(filePath)).size;
  const checkpoints = options.checkpointThread ? backgroundCheckpoints(ctx.database) : null;

  try {
    if (options.strict) {
      const bad: { errors: RowError[]; raw: string }[] = [];
      const checkDeal = await dealCheck(ctx, plan, options.kind);
      for await (const row of cleanedRows(filePath, await cleaningSetup(ctx, format, plan, options), useCleaningThread(options, totalBytes))) {
        const result = row.result;
        if (!result.value || result.errors.length) bad.push({ errors: result.errors.length ? result.errors : [{ row: row.rowNumber, column: null, reason: 'row cannot be imported' }], raw: row.raw });
        else {
          // A deal naming an unknown pipeline or stage is a bad row too.
          const dealError = checkDeal(row.rowNumber, result.value);
          if (dealError) bad.push({ errors: [dealError], raw: row.raw });
        }
      }
      if (bad.length) {
        await recordRejects(db, batchId, bad);
        counts.rejected = bad.length;
        await updateBatch(db, batchId, { status: 'rejected', counts, error: `${bad.length} bad rows; nothing was written (strict)`, finished: true });
        return getBatch(db, batchId);
      }
    }
    const changes = changeLog(batchId);
    await writeAll(ctx, filePath, format, plan, options, source, batchId, counts, totalBytes, changes, checkpoints);
    if (options.kind === 'customers' && (options.merge ?? 'auto') !== 'off') {
      const touched = await db.selectFrom('import_changes').select('entity_id').where('batch_id', '=', batchId).where('entity', '=', 'customers').execute();
      const scan = await scanDuplicates({ ...ctx, batchId }, { mode: options.merge ?? 'auto', touching: new Set(touched.map((t) => t.entity_id as string)), changes });
      counts.merged += scan.merged;
      counts.duplicates_queued = scan.queued;
    }
    await db.transaction().execute(async (trx) => {
      await updateBatch(trx, batchId, { status: 'done', counts, progress: { rows: counts.rows, bytes: totalBytes, total_bytes: totalBytes }, finished: true });
      await appendEvents(trx, ctx.actor, [{ type: 'import.completed', entity: 'import', entityId: batchId, data: { kind: options.kind, source, counts: { ...counts } } }]);
    });
  } catch (error) {
    await updateBatch(db, batchId, { status: 'failed', counts, error: error instanceof Error ? error.message : String(error), finished: true });
    throw error;
  } finally {
    await checkpoints?.stop();
  }
  return getBatch(db, batchId);
}

async function writeAll(
  ctx: Ctx,
  filePath: string,
  format: FileFormat,
  plan: MappingPlan,
  options: ImportOptions,
  source: string,
  batchId: string,
  counts: ImportCounts,
  totalBytes: number,
  changes: ChangeLog,
  checkpoints: BackgroundCheckpoints | null,
) {
  const chunkSize = options.chunkSize ?? defaultChunkSize;
  const insert = bulkInserter(ctx.database);
  const importCtx: Ctx = { ...ctx, batchId, defaultCountry: importCountry(ctx, options) };
  let chunk: CleanRow[] = [];
  let rejects: { errors: RowError[]; raw: string }[] = [];
  let lastProgress = 0;
  // Rows of one order arrive together in line-item exports; an order is never split across chunks.
  let openOrder: CleanRow[] = [];
  let orders: OrderGroup[] = [];
  let pendingRows = 0;
  let bytesEstimate = 0;
  const setup = await cleaningSetup(ctx, format, plan, options);
  const parsedWith = setup.customerFields ? fieldsSignature(setup.customerFields) : null;

  let chunks = 0;
  const flush = async (last = false) => {
    if (chunk.length === 0 && orders.length === 0 && rejects.length === 0) return;
    chunks++;
    const rows = chunk;
    const groups = orders;
    chunk = [];
    orders = [];
    pendingRows = 0;
    await inTransaction(importCtx, async (trx) => {
      const writeRejects: typeof rejects = [];
      const w: WriteContext = {
        trx,
        ctx: importCtx,
        source,
        changes,
        counts,
        insert,
        mergeByEmail: (options.merge ?? 'auto') === 'auto',
        reject(row, reason, column = null) {
          writeRejects.push({ errors: [{ row: row.row, column, reason }], raw: row.raw });
          counts.rejected++;
        },
      };
      if (parsedWith !== null && fieldsSignature(await fieldsOf(trx, customerEntity)) !== parsedWith) for (const r of rows) r.input = r.searchText = undefined;
      if (options.kind === 'customers') await writeCustomersWithDeals(w, rows);
      else if (options.kind === 'orders') await writeOrdersWithDeals(w, groups);
      else if (options.kind === 'interactions') await writeInteractionsWithDeals(w, rows);
      else if (options.kind === 'companies') await writeCompaniesWithDeals(w, rows);
      else await writeCatalogue(w, options.kind, rows);
      await changes.flush(trx, insert);
      await recordRejects(trx, batchId, [...rejects, ...writeRejects], insert);
      rejects = [];
      await updateBatch(trx, batchId, { counts, progress: { rows: counts.rows, bytes: Math.min(bytesEstimate, totalBytes), total_bytes: totalBytes } });
    });
    if (options.collectGarbageAboveBytes) collectGarbageAbove(options.collectGarbageAboveBytes);
    // More chunks may follow: from here on, their commits leave the checkpoints to another thread.
    if (!last) await checkpoints?.start();
  };

  // The cleaning thread may clean a whole chunk ahead, so it goes on while the chunk before is written.
  for await (const row of cleanedRows(filePath, setup, useCleaningThread(options, totalBytes), chunkSize)) {
    counts.rows++;
    bytesEstimate += row.bytes;
    const result = row.result;
    if (result.value && !result.errors.length && result.warnings.length) {
      // Imported, with the values that could not be cleaned kept as written; errors.csv lists them too.
      rejects.push({ errors: result.warnings, raw: row.raw });
      counts.flagged = (counts.flagged ?? 0) + 1;
    }
    if (!result.value || result.errors.length) {
      rejects.push({ errors: result.errors.length ? result.errors : [{ row: row.rowNumber, column: null, reason: 'row cannot be imported' }], raw: row.raw });
      counts.rejected++;
    } else if (options.kind === 'orders') {
      const clean = { row: row.rowNumber, value: result.value, raw: row.raw };
      if (openOrder.length && openOrder[0].value.source_id !== clean.value.source_id) {
        orders.push({ rows: openOrder });
        openOrder = [];
      }
      openOrder.push(clean);
      pendingRows++;
    } else {
      chunk.push({ row: row.rowNumber, value: result.value, raw: row.raw, input: rowInput(row.input, result.value), searchText: row.searchText });
      pendingRows++;
    }
    if (pendingRows >= chunkRows(chunks, chunkSize) || rejects.length >= chunkSize) await flush();
    if (options.onProgress && Date.now() - lastProgress > 250) {
      lastProgress = Date.now();
      options.onProgress({ rows: counts.rows, bytes: Math.min(bytesEstimate, totalBytes), total_bytes: totalBytes });
    }
  }
  if (openOrder.length) orders.push({ rows: openOrder });
  await flush(true);
  options.onProgress?.({ rows: counts.rows, bytes: totalBytes, total_bytes: totalBytes });
}
