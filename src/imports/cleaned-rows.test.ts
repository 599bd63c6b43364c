import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { afterAll, describe, expect, it } from 'vitest';
import { takeNationalForms } from '../customers/phone-search.js';
import { engines, freshDatabase, type TestDatabase } from '../test/engines.js';
import { cleaningThreadMinBytes, warmCleaningThread, type CleaningSetup } from './clean-thread.js';
import { cleanedRows, type CleanedRow } from './cleaned-rows.js';
import { runImport } from './importer.js';
import { planMapping } from './mapping.js';
import { CsvReadError } from './readers/csv.js';
import { BinaryFileError } from './readers/decode.js';
import { readHeaders } from './source-file.js';

// An import may read and clean its rows on a thread of its own (the CLI does). Whatever thread cleans
// them, the rows, their errors and what is stored must be the same, and a bad file fails the same way.

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-cleaning-thread-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const phones = [
  (i: number) => `020 7946 ${String(i % 10_000).padStart(4, '0')}`,
  (i: number) => `+1 703 555 ${String(i % 10_000).padStart(4, '0')}`,
  (i: number) => `+32 470 ${String(100_000 + (i % 900_000)).replace(/(\d{2})(\d{2})(\d{2})/, '$1 $2 $3')}`,
  (i: number) => `+44 20 7946 ${String(i % 10_000).padStart(4, '0')} ext. 12`,
  () => '12345',
  (i: number) => `07700 900${String(i % 1000).padStart(3, '0')}; +33 6 12 34 ${String(i % 100).padStart(2, '0')} 78`,
  () => '',
];

/** A customers file above the thread's threshold, with rows that clean, rows flagged and rows rejected. */
function customersFile(): string {
  const file = path.join(dir, 'customers.csv');
  const lines = ['customer_id,first_name,last_name,email,phone,city,__proto__,padding'];
  const padding = 'x'.repeat(160);
  for (let i = 1; lines.join('\n').length < cleaningThreadMinBytes * 1.5; i++) {
    const email = i % 11 === 0 ? 'not-an-email' : `Person.${i}@Example.com`;
    const name = i % 7 === 0 ? ['', ''] : i % 5 === 0 ? ['ADA', 'LOVELACE'] : [`First${i}`, `Last${i}`];
    const identity = i % 97 === 0 ? ['', '', '', ''] : [`C${i}`, ...name];
    lines.push(`${identity[0]},${identity[1]},${identity[2]},${i % 97 === 0 ? '' : email},"${i % 97 === 0 ? '' : phones[i % phones.length](i)}",City ${i % 13},proto ${i},${padding}`);
  }
  fs.writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

const file = customersFile();

async function setupFor(csv: string): Promise<CleaningSetup> {
  return { format: 'csv', plan: planMapping(await readHeaders(csv, 'csv'), { kind: 'customers', customFields: [] }), defaultCountry: 'GB' };
}

async function collect(csv: string, thread: boolean): Promise<CleanedRow[]> {
  const rows: CleanedRow[] = [];
  for await (const row of cleanedRows(csv, await setupFor(csv), thread)) rows.push(row);
  return rows;
}

describe('cleaning an import on a thread of its own', () => {
  it('gives the same rows, errors and warnings as cleaning in place, in order', async () => {
    expect(fs.statSync(file).size).toBeGreaterThan(cleaningThreadMinBytes);
    const inPlace = await collect(file, false);
    const threaded = await collect(file, true);
    expect(threaded.length).toBe(inPlace.length);
    expect(threaded.map((r) => r.rowNumber)).toEqual(inPlace.map((r) => r.rowNumber));
    expect(threaded).toEqual(inPlace);
    expect(JSON.stringify(threaded)).toBe(JSON.stringify(inPlace));
    // The file has every kind of row.
    expect(inPlace.some((r) => r.result.errors.length > 0)).toBe(true);
    expect(inPlace.some((r) => r.result.warnings.length > 0)).toBe(true);
    expect(inPlace.some((r) => (JSON.parse(r.raw) as Record<string, string>).__proto__ === `proto ${r.rowNumber - 1}`)).toBe(true);
  });

  it('gives the same rows from a thread started before the file was known (as the CLI starts it)', async () => {
    const inPlace = await collect(file, false);
    warmCleaningThread();
    // The thread waits for its file until cleanedRows hands it over; the next import starts a thread of its own.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const threaded = await collect(file, true);
    expect(JSON.stringify(threaded)).toBe(JSON.stringify(inPlace));
    expect(JSON.stringify(await collect(file, true))).toBe(JSON.stringify(inPlace));
  });

  it("hands the phone numbers' national forms to the importing thread, as a parse here would make them", async () => {
    takeNationalForms(); // forget what other tests' cleaning left on this thread
    const rows = await collect(file, true);
    const handed = takeNationalForms();
    const expected = new Set(rows.flatMap((r) => ((r.result.value?.phones ?? []) as { raw: string; e164?: string }[]).filter((p) => p.e164 && !/ext/i.test(p.raw)).map((p) => p.e164!)));
    expect(expected.size).toBeGreaterThan(500);
    expect(new Set(handed.map(([e164]) => e164))).toEqual(expected);
    for (const [e164, national, nationalNumber] of handed) {
      const parsed = parsePhoneNumberFromString(e164)!;
      expect([national, nationalNumber]).toEqual([parsed.formatNational().replace(/\D/g, ''), String(parsed.nationalNumber)]);
    }
  });

  it('fails a bad file with the same error as cleaning in place', async () => {
    const good = fs.readFileSync(file);
    const binary = path.join(dir, 'binary.csv');
    fs.writeFileSync(binary, Buffer.concat([good.subarray(0, 200_000), Buffer.from([0]), good.subarray(200_000)]));
    const unclosed = path.join(dir, 'unclosed.csv');
    fs.writeFileSync(unclosed, Buffer.concat([good, Buffer.from('C999999,"Never closed,x\n')]));
    for (const [bad, kind] of [
      [binary, BinaryFileError],
      [unclosed, CsvReadError],
    ] as const) {
      const inPlace = await collect(bad, false).catch((e: unknown) => e);
      const threaded = await collect(bad, true).catch((e: unknown) => e);
      expect(inPlace).toBeInstanceOf(kind);
      expect(threaded).toBeInstanceOf(kind);
      expect((threaded as Error).message).toBe((inPlace as Error).message);
    }
  });

  it('stops the thread when the reader stops early', async () => {
    let n = 0;
    for await (const _row of cleanedRows(file, await setupFor(file), true)) if (++n === 10) break;
    expect(n).toBe(10);
  });
});

describe.each(engines)('an import cleaned on its own thread stores what one cleaned in place stores, on %s', (engine) => {
  const databases: TestDatabase[] = [];
  afterAll(async () => {
    for (const d of databases) await d.drop();
  });

  it('writes the same customers, search text, rejects and counts', async () => {
    const stored = async (cleaningThread: boolean) => {
      const test = await freshDatabase(engine);
      databases.push(test);
      const { db } = test.database;
      const batch = await runImport({ database: test.database, actor: 'cli', defaultCountry: 'GB' }, file, { kind: 'customers', source: 'crm', merge: 'off', defaultCountry: 'GB', cleaningThread });
      const customers = await db
        .selectFrom('customers')
        .innerJoin('external_ids', (j) => j.onRef('external_ids.entity_id', '=', 'customers.id').on('external_ids.entity', '=', 'customers'))
        .select(['external_ids.source_id', 'customers.first_name', 'customers.last_name', 'customers.email', 'customers.phone', 'customers.phones', 'customers.city', 'customers.search_text'])
        .orderBy('external_ids.source_id')
        .execute();
      const rejects = await db
        .selectFrom('import_rejects')
        .select(['row_number', 'column_name', 'reason', 'raw'])
        .where('batch_id', '=', batch.id)
        .orderBy('row_number')
        .orderBy('column_name')
        .execute();
      return { counts: batch.counts, customers, rejects };
    };
    const inPlace = await stored(false);
    const threaded = await stored(true);
    expect(inPlace.customers.length).toBeGreaterThan(1000);
    expect(inPlace.rejects.length).toBeGreaterThan(100);
    expect(threaded).toEqual(inPlace);
  });
});
