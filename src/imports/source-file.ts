import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { readCsv } from './readers/csv.js';
import { readJson } from './readers/json.js';
import { readVCards } from './readers/vcard.js';
import type { SourceRow } from './types.js';
import { unneutralise } from '../exports/csv.js';

export type FileFormat = 'csv' | 'json' | 'vcard';

export function formatOf(fileName: string, head: Buffer): FileFormat {
  const ext = path.extname(fileName).toLowerCase();
  if (ext === '.vcf' || ext === '.vcard') return 'vcard';
  if (ext === '.json' || ext === '.ndjson' || ext === '.jsonl') return 'json';
  const text = head
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart();
  if (/^BEGIN:VCARD/i.test(text)) return 'vcard';
  if (text.startsWith('[') || text.startsWith('{')) return 'json';
  return 'csv';
}

/** Rows of a file as an async stream, whatever its format; vCards are small and read whole. */
export async function* readRows(filePath: string, format: FileFormat): AsyncGenerator<SourceRow> {
  if (format === 'vcard') {
    yield* readVCards(await readFile(filePath)).rows;
    return;
  }
  if (format === 'json') {
    for await (const row of readJson(filePath)) yield gatherPhoneObjects(row);
    return;
  }
  for await (const row of readCsv(filePath)) {
    // Cells that a Rapport CSV export neutralised ('=1+1) come back as they were.
    for (const key of Object.keys(row.values)) row.values[key] = unneutralise(row.values[key]);
    yield row;
  }
}

/** Phones exported as objects (phones.1.e164, phones.1.raw, ...) become one list column. */
function gatherPhoneObjects(row: SourceRow): SourceRow {
  const phones: string[] = [];
  for (const key of Object.keys(row.values)) {
    const match = /^phones\.(\d+)\.(e164|raw)$/.exec(key);
    if (!match) continue;
    if (match[2] === 'e164' || !row.values[`phones.${match[1]}.e164`]) phones.push(row.values[key]);
    delete row.values[key];
  }
  if (phones.length && !row.values.phones) row.values.phones = phones.filter(Boolean).join('; ');
  return row;
}

/** Header names of a file: the first row's columns (all rows' for vCards and JSON previews). */
export async function readHeaders(filePath: string, format: FileFormat, sample = 200): Promise<string[]> {
  if (format === 'vcard') return readVCards(await readFile(filePath)).headers;
  const headers = new Set<string>();
  let n = 0;
  for await (const row of readRows(filePath, format)) {
    for (const key of Object.keys(row.values)) headers.add(key);
    if (++n >= (format === 'csv' ? 1 : sample)) break;
  }
  return [...headers];
}
