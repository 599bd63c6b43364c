import type { Db } from '../core/database.js';
import { notFound } from '../core/errors.js';
import { newId } from '../core/ids.js';
import { thisProcess } from '../core/liveness.js';
import { csvRow } from '../exports/csv.js';
import type { RowInserter } from '../core/bulk-insert.js';
import type { RowError } from './types.js';

export type BatchStatus = 'running' | 'interrupted' | 'done' | 'failed' | 'rejected' | 'undone';

const staleAfterMs = 10 * 60_000;

export interface ImportCounts {
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  merged: number;
  rejected: number;
  /** Likely duplicates left for review. */
  duplicates_queued: number;
  /** Rows imported with a value kept as written because it could not be cleaned (a phone, a country); errors.csv lists them. */
  flagged?: number;
  /** Customers an order import created because no customer had the order's customer id or email. */
  customers_created?: number;
  /** Deals opened by rows with deal columns (see deal-writer.ts). */
  deals_created?: number;
}

export const emptyCounts = (): ImportCounts => ({ rows: 0, created: 0, updated: 0, unchanged: 0, merged: 0, rejected: 0, duplicates_queued: 0 });

export interface ImportBatch {
  id: string;
  kind: string;
  source: string;
  file_name: string | null;
  status: BatchStatus;
  options: Record<string, unknown>;
  mapping: Record<string, string | null> | null;
  counts: ImportCounts;
  progress: { rows: number; bytes: number; total_bytes: number } | null;
  error: string | null;
  /** The job that runs the import (GET /api/jobs/{id}); null for an import from the CLI. */
  job_id: string | null;
  actor: string;
  created_at: string;
  finished_at: string | null;
  undone_at: string | null;
}

function toBatch(row: Record<string, unknown>): ImportBatch {
  const counts = JSON.parse(row.counts as string);
  // A batch that has written nothing for this long was interrupted (its process was killed).
  const lastSeen = Date.parse(counts.seen_at ?? (row.created_at as string));
  const interrupted = row.status === 'running' && Date.now() - lastSeen > staleAfterMs;
  return {
    id: row.id as string,
    kind: row.kind as string,
    source: row.source as string,
    file_name: (row.file_name as string | null) ?? null,
    status: interrupted ? 'interrupted' : (row.status as BatchStatus),
    options: JSON.parse(row.options as string),
    mapping: row.mapping ? JSON.parse(row.mapping as string) : null,
    counts: counts.counts ?? counts,
    progress: counts.progress ?? null,
    error: (row.error as string | null) ?? null,
    job_id: (row.job_id as string | null) ?? null,
    actor: row.actor as string,
    created_at: row.created_at as string,
    finished_at: (row.finished_at as string | null) ?? null,
    undone_at: (row.undone_at as string | null) ?? null,
  };
}

export async function createBatch(db: Db, values: { kind: string; source: string; fileName: string | null; options: Record<string, unknown>; actor: string }): Promise<string> {
  const id = newId('batch');
  await db
    .insertInto('import_batches')
    .values({
      id,
      kind: values.kind,
      source: values.source,
      file_name: values.fileName,
      status: 'running',
      options: JSON.stringify(values.options),
      mapping: null,
      counts: JSON.stringify({ counts: emptyCounts(), progress: null }),
      error: null,
      actor: values.actor,
      job_id: null,
      runner: thisProcess(),
      created_at: new Date().toISOString(),
      finished_at: null,
      undone_at: null,
    })
    .execute();
  return id;
}

export async function updateBatch(
  db: Db,
  id: string,
  values: { source?: string; status?: BatchStatus; counts?: ImportCounts; progress?: ImportBatch['progress']; mapping?: Record<string, string | null>; error?: string | null; finished?: boolean },
) {
  const set: Record<string, unknown> = {};
  if (values.status) set.status = values.status;
  if (values.source) set.source = values.source;
  if (values.counts || values.progress !== undefined) set.counts = JSON.stringify({ counts: values.counts, progress: values.progress ?? null, seen_at: new Date().toISOString() });
  if (values.mapping) set.mapping = JSON.stringify(values.mapping);
  if (values.error !== undefined) set.error = values.error;
  if (values.finished) set.finished_at = new Date().toISOString();
  await db.updateTable('import_batches').set(set).where('id', '=', id).execute();
}

export async function getBatch(db: Db, id: string): Promise<ImportBatch> {
  const row = await db.selectFrom('import_batches').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('import', id);
  return toBatch(row);
}

export async function listBatches(db: Db, limit = 50): Promise<ImportBatch[]> {
  return (await db.selectFrom('import_batches').selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute()).map(toBatch);
}

/** Rejected rows with their reasons; `raw`: the row's values as written, as JSON (CleanedRow.raw). */
export async function recordRejects(db: Db, batchId: string, rejects: { errors: RowError[]; raw: string }[], insert?: RowInserter) {
  const rows = rejects.flatMap(({ errors, raw }) => errors.map((e) => ({ batch_id: batchId, row_number: e.row, column_name: e.column, reason: e.reason.slice(0, 255), raw })));
  if (insert) return insert(db, 'import_rejects', rows);
  for (let i = 0; i < rows.length; i += 200)
    await db
      .insertInto('import_rejects')
      .values(rows.slice(i, i + 200))
      .execute();
}

/** The rejected rows as CSV: row number, column, reason and the row's original values. */
export async function* errorReport(db: Db, batchId: string): AsyncGenerator<string> {
  await getBatch(db, batchId);
  yield csvRow(['row', 'column', 'reason', 'values']);
  let after = -1;
  for (;;) {
    const rows = await db.selectFrom('import_rejects').selectAll().where('batch_id', '=', batchId).where('row_number', '>', after).orderBy('row_number').limit(1000).execute();
    if (rows.length === 0) return;
    // A row may have several errors: the last row number of a full page is read again whole.
    const last = Number(rows[rows.length - 1].row_number);
    const complete = rows.length < 1000 ? rows : rows.filter((r) => Number(r.row_number) < last);
    for (const r of complete) yield csvRow([r.row_number, r.column_name ?? '', r.reason, r.raw ?? '']);
    if (rows.length === 1000) {
      const tail = await db.selectFrom('import_rejects').selectAll().where('batch_id', '=', batchId).where('row_number', '=', last).execute();
      for (const r of tail) yield csvRow([r.row_number, r.column_name ?? '', r.reason, r.raw ?? '']);
    }
    after = last;
  }
}

export type ChangeAction = 'create' | 'update' | 'link' | 'merge';

export interface ChangeLog {
  record(entity: string, entityId: string, action: ChangeAction, before?: unknown): void;
  flush(db: Db, insert?: RowInserter): Promise<void>;
}

/** Collects what a batch did, in order, and writes it with the chunk it belongs to. */
export function changeLog(batchId: string): ChangeLog {
  let seq = 0;
  let pending: Record<string, unknown>[] = [];
  return {
    record(entity, entityId, action, before) {
      pending.push({ batch_id: batchId, seq: seq++, entity, entity_id: entityId, action, before_data: before === undefined ? null : JSON.stringify(before) });
    },
    async flush(db, insert) {
      const rows = pending;
      pending = [];
      if (insert) return insert(db, 'import_changes', rows);
      for (let i = 0; i < rows.length; i += 200)
        await db
          .insertInto('import_changes')
          .values(rows.slice(i, i + 200))
          .execute();
    },
  };
}
