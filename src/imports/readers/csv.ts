import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { CsvError, parse } from 'csv-parse';
import { emptyRecord, type RowError, type SourceRow } from '../types.js';
import { decodeText } from './decode.js';
import { maxRecordChars } from './record-limit.js';

export class CsvReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CsvReadError';
  }
}

export type Delimiter = ',' | ';' | '\t' | '|';
const DELIMITERS: Delimiter[] = [',', ';', '\t', '|'];

export interface CsvReadOptions {
  /** Skip detection and use this delimiter. */
  delimiter?: Delimiter;
}

/**
 * Streams the rows of a CSV/TSV file. Row numbers count like a spreadsheet:
 * the header is row 1, the first data row is row 2.
 */
export async function* readCsv(input: Readable | string, options: CsvReadOptions = {}): AsyncGenerator<SourceRow> {
  const source = typeof input === 'string' ? createReadStream(input) : input;
  const text = decodeText(source)[Symbol.asyncIterator]();
  let head = '';
  let ended = false;
  // Read enough text to see the first lines for delimiter detection.
  while (!ended && head.length < 16 * 1024) {
    const next = await text.next();
    if (next.done) ended = true;
    else head += next.value;
  }
  const sepLine = /^sep=(.)\r?\n/i.exec(head);
  if (sepLine) head = head.slice(sepLine[0].length);
  const delimiter = options.delimiter ?? (sepLine ? sepLine[1] : detectDelimiter(head));
  if (!options.delimiter && !sepLine) refuseSpaceAligned(head);

  async function* remainingText(): AsyncGenerator<string> {
    yield head;
    while (!ended) {
      const next = await text.next();
      if (next.done) break;
      yield next.value;
    }
  }

  // max_record_size: a row longer than a real one can be stops the read there, instead of buffering it whole.
  const parser = parse({ delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, max_record_size: maxRecordChars });
  const piping = pipeline(Readable.from(remainingText()), parser);
  piping.catch(() => undefined); // errors surface through the parser's iterator below

  let headers: string[] | null = null;
  let rowNumber = 1;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      if (!headers) {
        headers = uniqueHeaders(record);
        continue;
      }
      rowNumber++;
      yield toSourceRow(headers, record, rowNumber);
    }
  } catch (error) {
    throw describeParseError(error, rowNumber + 1);
  }
}

function toSourceRow(headers: string[], record: string[], rowNumber: number): SourceRow {
  const values = emptyRecord<string>();
  headers.forEach((name, i) => (values[name] = record[i] ?? ''));
  const errors: RowError[] = [];
  if (record.length !== headers.length) {
    const extra = record.slice(headers.length).some((v) => v !== '');
    // A trailing empty cell (a stray delimiter at the line end) is harmless.
    if (record.length < headers.length || extra) {
      errors.push({
        row: rowNumber,
        column: null,
        reason: `expected ${headers.length} columns, found ${record.length}`,
      });
    }
  }
  return { rowNumber, values, errors };
}

/** Names every column uniquely: blanks become `column_N`, repeats get `_2`, `_3`... */
export function uniqueHeaders(raw: string[]): string[] {
  const seen = new Set<string>();
  return raw.map((header, i) => {
    const base = header.trim() || `column_${i + 1}`;
    let name = base;
    for (let n = 2; seen.has(name); n++) name = `${base}_${n}`;
    seen.add(name);
    return name;
  });
}

/** Picks the delimiter that splits the first lines into the most, and most consistent, columns. */
export function detectDelimiter(sample: string): Delimiter {
  const lines = splitLinesOutsideQuotes(sample).slice(0, 10);
  let best: Delimiter = ',';
  let bestScore = 0;
  for (const delimiter of DELIMITERS) {
    const counts = lines.map((line) => countOutsideQuotes(line, delimiter));
    const first = counts[0] ?? 0;
    if (first === 0) continue;
    const consistent = counts.filter((c) => c === first).length / counts.length;
    const score = consistent * first;
    if (score > bestScore) {
      best = delimiter;
      bestScore = score;
    }
  }
  return best;
}

/**
 * A text file whose columns are lined up with spaces (like CDNOW's raw transaction file) has no
 * delimiter and no header; read as CSV, each line would be one bad one-column row. It is refused
 * with one message instead.
 */
function refuseSpaceAligned(sample: string): void {
  const lines = splitLinesOutsideQuotes(sample).slice(0, 10);
  if (lines.length < 2 || lines.some((line) => DELIMITERS.some((d) => line.includes(d)) || line.includes('"'))) return;
  const widths = lines.map((line) => line.trim().split(/\s+/).length);
  if (widths[0] < 3 || widths.some((w) => w !== widths[0])) return;
  throw new CsvReadError(
    `This looks like a text file with ${widths[0]} columns lined up by spaces and no header row, not a CSV. ` +
      'Save it as CSV (or TSV) with a first row naming the columns, e.g. customer id, order date, total, and import that.',
  );
}

function splitLinesOutsideQuotes(text: string): string[] {
  const lines: string[] = [];
  let inQuotes = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') inQuotes = !inQuotes;
    else if (c === '\n' && !inQuotes) {
      lines.push(text.slice(start, i));
      start = i + 1;
    }
  }
  // The last line may be cut off by the sample size, so it is only used when it is the only one.
  if (lines.length === 0) lines.push(text);
  return lines.filter((line) => line.trim() !== '');
}

function countOutsideQuotes(line: string, delimiter: string): number {
  let count = 0;
  let inQuotes = false;
  for (const c of line) {
    if (c === '"') inQuotes = !inQuotes;
    else if (c === delimiter && !inQuotes) count++;
  }
  return count;
}

function describeParseError(error: unknown, rowNumber: number): Error {
  if (!(error instanceof CsvError)) return error as Error;
  if (error.code === 'CSV_QUOTE_NOT_CLOSED') {
    return new CsvReadError(`A quoted value starting in row ${rowNumber} is never closed; the file may be truncated.`);
  }
  if (error.code === 'CSV_MAX_RECORD_SIZE') {
    return new CsvReadError(
      `Row ${rowNumber} is longer than ${maxRecordChars.toLocaleString('en')} characters, more than any real row; the file may be missing its line breaks or have an unclosed quote.`,
    );
  }
  return new CsvReadError(`Row ${rowNumber}: ${error.message}`);
}
