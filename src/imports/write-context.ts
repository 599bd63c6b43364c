/** What the import writers share: a row as cleaned, and the transaction, counts and change log of the batch being written. */
import type { Ctx } from '../core/context.js';
import type { RowInserter } from '../core/bulk-insert.js';
import type { Db } from '../core/database.js';
import type { ChangeLog, ImportCounts } from './batches.js';
import type { ApiRecord } from '../records/codec.js';
import type { CleanRecord } from './cleaning.js';

export interface CleanRow {
  row: number;
  value: CleanRecord;
  /** The row's values as written, as JSON (CleanedRow.raw). */
  raw: string;
  /** A customer row's create body, parsed already (CleanedRow.input); unset: the write pipe parses it. */
  input?: ApiRecord;
  /** With `input`, the search text the pipe stores for it, made where it was parsed (CleanedRow.searchText). */
  searchText?: string;
}

export interface WriteContext {
  trx: Db;
  ctx: Ctx;
  source: string;
  changes: ChangeLog;
  counts: ImportCounts;
  /** Writes rows the fastest way the engine allows. */
  insert: RowInserter;
  /**
   * Whether a row may be merged into a customer (or an earlier row) that has its email: merge mode
   * auto. With review or off, nothing is merged: only the same source id updates a customer.
   */
  mergeByEmail: boolean;
  reject(row: CleanRow, reason: string, column?: string | null): void;
}
