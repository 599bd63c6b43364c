import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../core/config.js';
import { getJob } from '../core/jobs.js';
import { startServer } from '../server.js';
import { bundleCli } from '../test/cli-bundle.js';
import { engines, freshDatabase, type TestDatabase } from '../test/engines.js';
import { getBatch } from './batches.js';
import { chunkRows, defaultChunkSize } from './importer.js';

// A real `rapport import` process is killed part-way; the next server start must show the import as
// interrupted at once (not "running" until ten silent minutes have passed), and settle a job that the
// dead process held.

const root = path.resolve(import.meta.dirname, '../..');
const outdir = path.join(root, 'node_modules/.cache/rapport-interrupted-test', String(process.pid));
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-interrupted-'));
const file = path.join(tmp, 'customers.csv');
/** The rows of an import's first chunk: the process is killed once they are committed. */
const firstChunk = chunkRows(0, defaultChunkSize);
let cli: string;

beforeAll(async () => {
  const lines = ['customer_id,first_name,last_name,email'];
  for (let i = 1; i <= 40_000; i++) lines.push(`K${i},Ada${i},Byron${i},ada${i}@example.com`);
  fs.writeFileSync(file, lines.join('\n') + '\n');
  cli = await bundleCli(outdir);
}, 120_000);
afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
  fs.rmSync(outdir, { recursive: true, force: true });
});

describe.each(engines)('an import whose process was killed, on %s', (engine) => {
  let tdb: TestDatabase;
  beforeAll(async () => {
    tdb = await freshDatabase(engine);
  });
  afterAll(async () => tdb?.drop());

  it('is marked interrupted at the next start, and a job its process held is settled', { timeout: 240_000 }, async () => {
    const env = engine === 'sqlite' ? { RAPPORT_DATA_DIR: path.dirname(tdb.database.sqlitePath!), DATABASE_URL: '' } : { RAPPORT_DATA_DIR: tmp, DATABASE_URL: tdb.url! };
    const child = spawn(process.execPath, [cli, 'import', 'customers', file, '--merge', 'off'], { env: { ...process.env, ...env }, stdio: 'ignore' });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    let batchId: string | undefined;
    for (let i = 0; i < 6000 && !batchId; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      const row = await tdb.database.db.selectFrom('import_batches').select(['id', 'counts']).executeTakeFirst();
      if (row && JSON.parse(row.counts as string).counts.created >= firstChunk) batchId = row.id as string;
    }
    expect(batchId).toBeDefined();
    child.kill('SIGKILL');
    await exited;
    expect((await getBatch(tdb.database.db, batchId!)).status).toBe('running');
    // A job the killed process had claimed (max one attempt) is settled at start-up too.
    const now = new Date().toISOString();
    await tdb.database.db
      .insertInto('jobs')
      .values({
        id: 'job_held',
        kind: 'imports.run',
        payload: 'null',
        status: 'running',
        run_at: now,
        attempts: 1,
        max_attempts: 1,
        locked_by: `${os.hostname()}:${child.pid}:abcdef`,
        locked_until: new Date(Date.now() + 300_000).toISOString(),
        progress: null,
        result: null,
        error: null,
        created_at: now,
        updated_at: now,
      })
      .execute();

    const server = await startServer(loadConfig({ ...env, PORT: '0' }), () => {});
    try {
      const batch = await getBatch(tdb.database.db, batchId!);
      expect(batch.status).toBe('interrupted');
      expect(batch.error).toMatch(/interrupted/);
      expect(batch.counts.created).toBeGreaterThanOrEqual(firstChunk);
      expect(await getJob(tdb.database.db, 'job_held')).toMatchObject({ status: 'failed', error: expect.stringMatching(/interrupted/) });
    } finally {
      await server.stop();
    }
  });
});
