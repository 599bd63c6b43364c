import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { emptyRecord, type SourceRow } from '../types.js';
import { decodeText } from './decode.js';

export class JsonReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JsonReadError';
  }
}

/**
 * Reads a JSON array of objects (read whole) or NDJSON (streamed line by line), flattening each
 * object to text columns: nested objects become `address.city`, lists of objects `orders.1.total`,
 * lists of plain values one cell joined with "; ". Row numbers are array positions or NDJSON lines, from 1.
 */
export async function* readJson(input: Readable | string): AsyncGenerator<SourceRow> {
  const source = typeof input === 'string' ? createReadStream(input) : input;
  let buffer = '';
  let isArray: boolean | null = null;
  let lineNumber = 0;
  for await (const text of decodeText(source)) {
    buffer += text;
    isArray ??= firstCharacter(buffer);
    if (isArray !== false) continue;
    const lines = buffer.split('\n');
    buffer = lines.pop()!;
    for (const line of lines) {
      const row = ndjsonRow(line, ++lineNumber);
      if (row) yield row;
    }
  }
  if (isArray) {
    yield* arrayRows(buffer);
  } else {
    const row = ndjsonRow(buffer, ++lineNumber);
    if (row) yield row;
  }
}

function firstCharacter(buffer: string): boolean | null {
  const first = buffer.trimStart()[0];
  return first === undefined ? null : first === '[';
}

function* arrayRows(text: string): Generator<SourceRow> {
  let items: unknown;
  try {
    items = JSON.parse(text);
  } catch (error) {
    throw new JsonReadError(`The file is not valid JSON: ${(error as Error).message}`);
  }
  const list = items as unknown[];
  for (let i = 0; i < list.length; i++) yield objectRow(list[i], i + 1);
}

function ndjsonRow(line: string, rowNumber: number): SourceRow | null {
  if (line.trim() === '') return null;
  try {
    return objectRow(JSON.parse(line), rowNumber);
  } catch {
    return { rowNumber, values: emptyRecord(), errors: [{ row: rowNumber, column: null, reason: 'line is not valid JSON' }] };
  }
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
        values[name] = inner.filter((item) => item !== null).map(String).join('; ');
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
