import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { AppError } from '../core/errors.js';
import { createCustomers } from '../customers/service.js';
import { engines, freshDatabase, type TestDatabase } from '../test/engines.js';
import { cleaningThreadMinBytes } from './clean-thread.js';
import { customerInput } from './customer-input.js';
import { previewImport, runImport } from './importer.js';

// A customer import parses each clean row as the customer write pipe parses a create body, on the
// thread that cleans the rows. A row the pipe would refuse, though every value of it cleaned, is then
// one bad row with the pipe's reason, as any other bad row; the rest of the file is imported.

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-parsed-rows-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

// More tags than a customer holds (1,000): each tag cleans, the list is too long for the pipe.
const tooManyTags = Array.from({ length: 1001 }, (_, i) => `t${i}`).join(';');

/** Customers, row 2 and every 250th after it with too many tags; large enough for the cleaning thread. */
function customersFile(name: string, minBytes: number): { file: string; bad: number[]; rows: number } {
  const lines = ['customer_id,first_name,email,tags'];
  const bad: number[] = [];
  for (let i = 1; lines.join('\n').length < minBytes; i++) {
    const tags = i % 250 === 1 ? `"${tooManyTags}"` : 'vip;new';
    if (i % 250 === 1) bad.push(i + 1);
    lines.push(`C${i},Person ${i},person${i}@example.com,${tags}`);
  }
  const file = path.join(dir, name);
  fs.writeFileSync(file, lines.join('\n') + '\n');
  return { file, bad, rows: lines.length - 1 };
}

describe.each(engines)('a clean row the customer write pipe refuses, on %s', (engine) => {
  const databases: TestDatabase[] = [];
  afterAll(async () => {
    for (const d of databases) await d.drop();
  });
  const fresh = async () => {
    const test = await freshDatabase(engine);
    databases.push(test);
    return { database: test.database, actor: 'cli', defaultCountry: 'GB' as const };
  };

  it.each([false, true])('is one rejected row with the pipe reason, and the others are imported (cleaning thread: %s)', async (cleaningThread) => {
    const { file, bad, rows } = customersFile(`customers-${engine}-${cleaningThread}.csv`, cleaningThreadMinBytes * 1.2);
    expect(fs.statSync(file).size).toBeGreaterThan(cleaningThreadMinBytes);
    const ctx = await fresh();
    // The pipe itself refuses such a body: the import says what the API would.
    const refused = await createCustomers(ctx, [{ first_name: 'Direct', tags: tooManyTags.split(';') }]).then(
      () => expect.unreachable('the pipe refuses 1,001 tags'),
      (e: AppError) => e,
    );
    expect(refused).toMatchObject({ status: 400, fields: { tags: [expect.stringMatching(/1000/)] } });

    const batch = await runImport(ctx, file, { kind: 'customers', source: 'crm', merge: 'off', cleaningThread, chunkSize: 500 });
    expect(batch.status).toBe('done');
    expect(batch.counts).toMatchObject({ rows, created: rows - bad.length, rejected: bad.length });
    const { db } = ctx.database;
    const rejects = await db.selectFrom('import_rejects').select(['row_number', 'column_name', 'reason']).where('batch_id', '=', batch.id).orderBy('row_number').execute();
    expect(rejects.map((r) => Number(r.row_number))).toEqual(bad);
    for (const r of rejects) {
      expect(r.column_name).toBe('tags');
      expect(r.reason).toBe(`tags: ${refused.fields!.tags.join('; ')}`);
    }
    const stored = await db.selectFrom('customers').select(['first_name', 'tags']).orderBy('first_name').execute();
    expect(stored).toHaveLength(rows - bad.length);
    expect(stored.every((c) => JSON.parse(c.tags as string).length === 2)).toBe(true);
  });

  it('is shown as bad by the preview, and a strict import writes nothing', async () => {
    const { file, bad } = customersFile(`strict-${engine}.csv`, 20_000);
    const ctx = await fresh();
    const preview = await previewImport(ctx, file, { kind: 'customers' }, 5);
    expect(preview.rejected).toBe(bad.length);
    expect(preview.rows[0].errors).toEqual([{ row: 2, column: 'tags', reason: expect.stringMatching(/^tags: .*1000/) }]);
    expect(preview.rows[1].errors).toEqual([]);

    const batch = await runImport(ctx, file, { kind: 'customers', strict: true });
    expect(batch.status).toBe('rejected');
    expect(batch.counts.rejected).toBe(bad.length);
    expect(await ctx.database.db.selectFrom('customers').select('id').execute()).toEqual([]);
  });

  it('stores, from a row parsed while cleaning, what the pipe stores from the same body', async () => {
    const { file } = customersFile(`same-${engine}.csv`, 40_000);
    const imported = await fresh();
    const direct = await fresh();
    await runImport(imported, file, { kind: 'customers', source: 'crm', merge: 'off' });
    const preview = await previewImport(direct, file, { kind: 'customers' }, 1000);
    const good = preview.rows.filter((r) => r.errors.length === 0);
    expect(good.length).toBeGreaterThan(300);
    expect(good.length).toBe(preview.rows_read - preview.rejected);
    await createCustomers(
      { ...direct, batchId: 'bat_direct' },
      good.map((r) => ({ ...customerInput(r.record!), sources: [{ source: 'crm', source_id: String(r.record!.source_id) }] })),
    );
    const read = (ctx: typeof imported) => ctx.database.db.selectFrom('customers').select(['first_name', 'email', 'email_key', 'emails', 'tags', 'search_text', 'phones']).orderBy('email').execute();
    expect(await read(imported)).toEqual(await read(direct));
  });
});
