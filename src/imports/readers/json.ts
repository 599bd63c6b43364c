import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { emptyRecord, type SourceRow } from '../types.js';
import { decodeText } from './decode.js';
import { maxRecordChars } from './record-limit.js';

export class JsonReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JsonReadError';
  }
}

/**
 * Reads a JSON array of objects or NDJSON, both streamed: each chunk of text is scanned once, and only
 * the record being read is held (so a 50 MB file without a newline costs one pass, not one re-split per
 * chunk). Each object is flattened to text columns: nested objects become `address.city`, lists of
 * objects `orders.1.total`, lists of plain values one cell joined with "; ". Row numbers are array
 * positions or NDJSON lines, from 1. A record longer than `maxRecordChars` is skipped without being
 * held, and reported as that row's error.
 */
export async function* readJson(input: Readable | string, limit = maxRecordChars): AsyncGenerator<SourceRow> {
  const source = typeof input === 'string' ? createReadStream(input) : input;
  const text = decodeText(source)[Symbol.asyncIterator]();
  // The first character that is not white space tells an array from NDJSON.
  let head = '';
  let next = await text.next();
  while (!next.done && (head += next.value).trimStart() === '') next = await text.next();
  const chunks = (async function* () {
    if (head) yield head;
    if (next.done) return;
    for (let n = await text.next(); !n.done; n = await text.next()) yield n.value;
  })();
  if (head.trimStart().startsWith('[')) yield* arrayRows(chunks, limit);
  else yield* ndjsonRows(chunks, limit);
}

/** The text of one record, gathered across chunks; past the limit it keeps nothing and only notes the overflow. */
class RecordText {
  private parts: string[] = [];
  private length = 0;
  private overflow = false;
  constructor(private readonly limit: number) {}

  add(text: string): void {
    if (this.overflow || text === '') return;
    this.length += text.length;
    if (this.length > this.limit) {
      this.overflow = true;
      this.parts = [];
    } else {
      this.parts.push(text);
    }
  }

  /** The record's text, or null when it was too long; the buffer is empty afterwards. */
  take(): string | null {
    const text = this.overflow ? null : this.parts.length === 1 ? this.parts[0] : this.parts.join('');
    this.parts = [];
    this.length = 0;
    this.overflow = false;
    return text;
  }

  get empty(): boolean {
    return this.length === 0;
  }
}

async function* ndjsonRows(chunks: AsyncIterable<string>, limit: number): AsyncGenerator<SourceRow> {
  const line = new RecordText(limit);
  let lineNumber = 0;
  for await (const chunk of chunks) {
    let from = 0;
    for (let newline = chunk.indexOf('\n'); newline !== -1; newline = chunk.indexOf('\n', from)) {
      line.add(chunk.slice(from, newline));
      from = newline + 1;
      const row = ndjsonRow(line.take(), ++lineNumber, limit);
      if (row) yield row;
    }
    line.add(from === 0 ? chunk : chunk.slice(from));
  }
  if (!line.empty) {
    const row = ndjsonRow(line.take(), ++lineNumber, limit);
    if (row) yield row;
  }
}

function ndjsonRow(line: string | null, rowNumber: number, limit: number): SourceRow | null {
  if (line === null) return tooLong(rowNumber, 'line', limit);
  if (line.trim() === '') return null;
  try {
    return objectRow(JSON.parse(line), rowNumber);
  } catch {
    return { rowNumber, values: emptyRecord(), errors: [{ row: rowNumber, column: null, reason: 'line is not valid JSON' }] };
  }
}

function tooLong(rowNumber: number, what: string, limit: number): SourceRow {
  return { rowNumber, values: emptyRecord(), errors: [{ row: rowNumber, column: null, reason: `${what} is longer than ${limit.toLocaleString('en')} characters; it was skipped` }] };
}

const enum Char {
  Tab = 9,
  Newline = 10,
  Return = 13,
  Space = 32,
  Quote = 34,
  Comma = 44,
  OpenBracket = 91,
  Backslash = 92,
  CloseBracket = 93,
  OpenBrace = 123,
  CloseBrace = 125,
}

const isSpace = (c: number) => c === Char.Space || c === Char.Newline || c === Char.Return || c === Char.Tab;

/**
 * The elements of a top-level JSON array, one at a time: a scan that tracks strings and nesting finds
 * where each element ends (a comma or the closing bracket at depth 0), and JSON.parse validates it.
 */
async function* arrayRows(chunks: AsyncIterable<string>, limit: number): AsyncGenerator<SourceRow> {
  const element = new RecordText(limit);
  let state = 'before' as 'before' | 'items' | 'after';
  let depth = 0;
  let inString = false;
  let escaped = false;
  let index = 0;
  const finish = (text: string | null): SourceRow => {
    index++;
    if (text === null) return tooLong(index, 'entry', limit);
    if (text.trim() === '') throw new JsonReadError(`The file is not valid JSON: entry ${index} is empty`);
    let item: unknown;
    try {
      item = JSON.parse(text);
    } catch (error) {
      throw new JsonReadError(`The file is not valid JSON: entry ${index}: ${(error as Error).message}`);
    }
    return objectRow(item, index);
  };
  for await (const chunk of chunks) {
    let start = 0;
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk.charCodeAt(i);
      if (inString) {
        if (escaped) escaped = false;
        else if (c === Char.Backslash) escaped = true;
        else if (c === Char.Quote) inString = false;
        continue;
      }
      if (state !== 'items') {
        if (isSpace(c)) continue;
        if (state === 'before' && c === Char.OpenBracket) {
          state = 'items';
          start = i + 1;
          continue;
        }
        throw new JsonReadError(`The file is not valid JSON: unexpected text ${state === 'after' ? 'after the array' : 'before the array'}`);
      }
      if (c === Char.Quote) inString = true;
      else if (c === Char.OpenBrace || c === Char.OpenBracket) depth++;
      else if ((c === Char.CloseBrace || c === Char.CloseBracket) && depth > 0) depth--;
      else if (depth === 0 && (c === Char.Comma || c === Char.CloseBracket)) {
        element.add(chunk.slice(start, i));
        start = i + 1;
        const text = element.take();
        // "[]" has no element; "[1,]" has an empty one, which finish() refuses.
        if (c === Char.CloseBracket) {
          state = 'after';
          if (index === 0 && text !== null && text.trim() === '') continue;
        }
        yield finish(text);
      }
    }
    if (state === 'items') element.add(start === 0 ? chunk : chunk.slice(start));
  }
  if (state !== 'after') throw new JsonReadError('The file is not valid JSON: it ends before the array is closed');
}

function objectRow(item: unknown, rowNumber: number): SourceRow {
  const values = emptyRecord<string>();
  if (item === null || typeof item !== 'object' || Array.isArray(item)) {
    return { rowNumber, values, errors: [{ row: rowNumber, column: null, reason: 'entry is not an object' }] };
  }
  flatten(item as Record<string, unknown>, '', values);
  return { rowNumber, values, errors: [] };
}

/** Flattens nested values into `values`, one text cell per leaf. */
function flatten(value: Record<string, unknown>, prefix: string, values: Record<string, string>): void {
  for (const [key, inner] of Object.entries(value)) {
    const name = prefix + key;
    if (Array.isArray(inner)) {
      if (inner.every((item) => item === null || typeof item !== 'object')) {
        values[name] = inner
          .filter((item) => item !== null)
          .map(String)
          .join('; ');
      } else {
        inner.forEach((item, i) => {
          if (item !== null && typeof item === 'object') flatten(item as Record<string, unknown>, `${name}.${i + 1}.`, values);
          else values[`${name}.${i + 1}`] = item === null ? '' : String(item);
        });
      }
    } else if (inner !== null && typeof inner === 'object') {
      flatten(inner as Record<string, unknown>, `${name}.`, values);
    } else {
      values[name] = inner === null || inner === undefined ? '' : String(inner);
    }
  }
}
