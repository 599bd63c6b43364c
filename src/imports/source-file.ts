import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { readCsv } from './readers/csv.js';
import { readJson } from './readers/json.js';
import { readVCards } from './readers/vcard.js';
import type { SourceRow } from './types.js';

export type FileFormat = 'csv' | 'json' | 'vcard';

export function formatOf(fileName: string, head: Buffer): FileFormat {
  const ext = path.extname(fileName).toLowerCase();
  if (ext === '.vcf' || ext === '.vcard') return 'vcard';
  if (ext === '.json' || ext === '.ndjson' || ext === '.jsonl') return 'json';
  const text = head.toString('utf8').replace(/^\uFEFF/, '').trimStart();
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
  yield* format === 'json' ? readJson(filePath) : readCsv(filePath);
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
