import { rememberNationalForms, type HandedForms } from '../customers/phone-search.js';
import { createdSearchText } from '../customers/values.js';
import type { ApiRecord } from '../records/codec.js';
import { cleanThread, type CleaningSetup } from './clean-thread.js';
import { cleanRow, type CleanResult } from './cleaning.js';
import { parseCustomerRow, type asCleaned } from './customer-input.js';
import { mapRow } from './mapping.js';
import { CsvReadError } from './readers/csv.js';
import { BinaryFileError } from './readers/decode.js';
import { readRows } from './source-file.js';
import type { SourceRow } from './types.js';

/** A row of the file with its values as written, the cleaned record and its errors, and its size. */
export interface CleanedRow {
  rowNumber: number;
  /**
   * The row's values as written, as JSON, the form errors.csv keeps a rejected row in: one string that
   * crosses from the cleaning thread and waits in a chunk for much less than an object of strings.
   */
  raw: string;
  result: CleanResult;
  /** About how many bytes of the file the row took (for progress). */
  bytes: number;
  /**
   * A customer row's create body as parsed with CleaningSetup.customerFields (asCleaned: the row's own
   * values, see rowInput); unset when not parsed.
   */
  input: ApiRecord | typeof asCleaned | undefined;
  /** With `input`, the search text the pipe stores for it (createdSearchText), unless that needs the database. */
  searchText: string | undefined;
}

export type CleanWorkerMessage =
  /** `forms`: the national forms of the rows' phone numbers, which the importing thread would otherwise parse again for the search text. */
  { rows: CleanedRow[]; forms: HandedForms[] } | { done: true } | { error: { name: string; message: string } };

export function cleanSourceRow(setup: CleaningSetup, row: SourceRow): CleanedRow {
  const result = cleanRow(setup.plan.kind, mapRow(setup.plan, row), { defaultCountry: setup.defaultCountry, dateOrder: setup.dateOrder, customFields: setup.plan.customFields });
  let bytes = 0;
  for (const key in row.values) bytes += row.values[key].length + 1;
  let input: CleanedRow['input'];
  let searchText: string | undefined;
  if (setup.customerFields && result.value && !result.errors.length) {
    const parsed = parseCustomerRow(setup.customerFields, setup.plan, row.rowNumber, result.value);
    if ('input' in parsed) {
      input = parsed.input;
      searchText = createdSearchText(setup.customerFields, parsed.parsed, setup.pipeCountry);
    } else result.errors.push(...parsed.errors);
  }
  return { rowNumber: row.rowNumber, raw: JSON.stringify(row.values), result, bytes, input, searchText };
}

/** Rows per message from the cleaning thread. */
const batchRows = 500;

/**
 * The file's rows, cleaned, in order. With `thread`, a worker reads and cleans them while the caller
 * writes the ones before: reading, mapping and cleaning (phone numbers above all) take about a third of
 * an import's time on the importing thread, and on two cores they then overlap with the writes. The
 * worker cleans up to `aheadRows` rows before the caller takes them.
 * A file the worker cannot read fails as it would here (CsvReadError, BinaryFileError).
 */
export async function* cleanedRows(filePath: string, setup: CleaningSetup, thread: boolean, aheadRows = 4000): AsyncGenerator<CleanedRow> {
  if (!thread) {
    for await (const row of readRows(filePath, setup.format)) yield cleanSourceRow(setup, row);
    return;
  }
  const worker = await cleanThread({ filePath, setup, batchRows, ahead: Math.max(1, Math.ceil(aheadRows / batchRows)) });
  const queue: CleanWorkerMessage[] = [];
  let failure: Error | null = null;
  let wake: (() => void) | null = null;
  const arrived = () => {
    wake?.();
    wake = null;
  };
  worker.on('message', (message: CleanWorkerMessage) => {
    queue.push(message);
    arrived();
  });
  worker.on('error', (error) => {
    failure ??= error;
    arrived();
  });
  worker.on('exit', (code) => {
    failure ??= new Error(`the cleaning thread stopped (exit code ${code})`);
    arrived();
  });
  try {
    for (;;) {
      const message = queue.shift();
      if (!message) {
        if (failure) throw failure;
        await new Promise<void>((resolve) => (wake = resolve));
        continue;
      }
      if ('done' in message) return;
      if ('error' in message) throw readerError(message.error);
      worker.postMessage('more');
      rememberNationalForms(message.forms);
      yield* message.rows;
    }
  } finally {
    worker.removeAllListeners();
    await worker.terminate();
  }
}

/** The worker's error as the reader's own class, so that callers tell a bad file from a failure alike. */
function readerError({ name, message }: { name: string; message: string }): Error {
  if (name === 'CsvReadError') return new CsvReadError(message);
  if (name === 'BinaryFileError') return new BinaryFileError();
  const error = new Error(message);
  error.name = name;
  return error;
}
