import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueue, getJob, reportProgress, startWorker } from '../core/jobs.js';
import { undoImport } from '../imports/undo.js';
import { engines } from '../test/engines.js';
import { testApi, type TestApi } from '../test/api-client.js';
import { jobHandlers } from './handlers.js';
import { startJobThread } from './thread.js';

const rows = 3_000;

function customersCsv(prefix: string) {
  const lines = ['customer_id,first_name,last_name,email,city'];
  for (let i = 1; i <= rows; i++) lines.push(`${prefix}${i},Ada${i},Lovelace${i},${prefix.toLowerCase()}${i}@example.com,City ${i % 50}`);
  return lines.join('\n') + '\n';
}

async function upload(api: TestApi, csv: string) {
  const form = new FormData();
  form.set('file', new File([csv], 'people.csv', { type: 'text/csv' }));
  form.set('kind', 'customers');
  form.set('source', 'shop');
  form.set('merge', 'off');
  const res = await api.app.request('/api/imports', { method: 'POST', body: form, headers: { authorization: `Bearer ${api.token}` } });
  return { status: res.status, body: await res.json() };
}

const customerCount = async (api: TestApi) =>
  Number(
    (
      await api.db.database.db
        .selectFrom('customers')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

/** Polls until `done` says so, collecting what `read` saw on the way. */
async function watch<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T[]> {
  const seen: T[] = [];
  for (let i = 0; i < 6000; i++) {
    const value = await read();
    seen.push(value);
    if (done(value)) return seen;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error('did not finish');
}

describe.each(engines)('long writes run as jobs on %s', (engine) => {
  let api: TestApi;
  beforeAll(async () => {
    // No in-process worker: nothing runs a job unless the test starts one.
    api = await testApi(engine, {}, { jobs: false });
  });
  afterAll(async () => api?.close());

  it('POST /api/imports answers 202 having written no customer: the import is a job', { timeout: 120_000 }, async () => {
    const started = await upload(api, customersCsv('Q'));
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({ status: 'running', counts: { rows: 0, created: 0 } });
    const job = (await api.request('GET', `/api/jobs/${started.body.job_id}`)).body;
    expect(job).toMatchObject({ id: started.body.job_id, kind: 'imports.run', status: 'queued' });
    expect(job).not.toHaveProperty('payload');
    expect(await customerCount(api)).toBe(0);

    const worker = startWorker(api.db.database, jobHandlers(api.db.database), { pollMs: 20 });
    try {
      const done = await api.waitForJob(started.body.job_id);
      expect(done).toMatchObject({ status: 'done', result: { batch_id: started.body.id, status: 'done', counts: { rows, created: rows } } });
    } finally {
      await worker.stop();
    }
    expect(await customerCount(api)).toBe(rows);
  });

  it('runs an import and its undo on the job thread, with progress that advances, in chunks', { timeout: 180_000 }, async () => {
    const before = await customerCount(api);
    const thread = await startJobThread(api.db.database, engine === 'sqlite' ? { sqlitePath: api.db.database.sqlitePath } : { url: api.db.url });
    try {
      const started = await upload(api, customersCsv('T'));
      expect(started.status).toBe(202);
      const batches = await watch(
        async () => (await api.request('GET', `/api/imports/${started.body.id}`)).body,
        (b) => b.status !== 'running',
      );
      expect(batches.at(-1)).toMatchObject({ status: 'done', counts: { created: rows } });
      // Each chunk commits its rows with the batch's progress, which never goes back.
      const seenRows = batches.map((b) => b.counts.rows);
      expect(seenRows).toEqual([...seenRows].sort((a, b) => a - b));
      expect(await customerCount(api)).toBe(before + rows);

      const undo = await api.request('POST', `/api/imports/${started.body.id}/undo`);
      expect(undo.status).toBe(202);
      expect(undo.headers.get('location')).toBe(`/api/jobs/${undo.body.id}`);
      expect(undo.body).toMatchObject({ kind: 'imports.undo' });
      // Asking again while it is queued or running returns the same job.
      const again = await api.request('POST', `/api/imports/${started.body.id}/undo`);
      expect([202, 409]).toContain(again.status);
      if (again.status === 202) expect(again.body.id).toBe(undo.body.id);
      const jobs = await watch(
        async () => (await api.request('GET', `/api/jobs/${undo.body.id}`)).body,
        (j) => j.status === 'done' || j.status === 'failed',
      );
      expect(jobs.at(-1)).toMatchObject({ status: 'done', progress: { undone: rows, total: rows } });
      const undoneCounts = jobs.map((j) => j.progress?.undone ?? 0);
      expect(undoneCounts).toEqual([...undoneCounts].sort((a, b) => a - b));
      expect(undoneCounts.some((n) => n > 0 && n < rows)).toBe(true);
      expect((await api.request('GET', `/api/imports/${started.body.id}`)).body.status).toBe('undone');
      expect(await customerCount(api)).toBe(before);
      expect((await api.request('POST', `/api/imports/${started.body.id}/undo`)).status).toBe(409);
    } finally {
      await thread.stop();
    }
  });

  it('resumes an undo that stopped part-way from the chunk where it stopped', { timeout: 120_000 }, async () => {
    const started = await upload(api, customersCsv('R'));
    const worker = startWorker(api.db.database, jobHandlers(api.db.database), { pollMs: 20 });
    await api.waitForJob(started.body.job_id).finally(() => worker.stop());
    const before = await customerCount(api);
    const undoId = (await api.request('POST', `/api/imports/${started.body.id}/undo`)).body.id as string;

    // A first attempt, as the job runs it, dies in its second chunk (as if its process were killed).
    let chunks = 0;
    const dying = undoImport({ database: api.db.database, actor: 'test' }, started.body.id, {
      onChunk: async (trx, progress) => {
        await reportProgress(trx, undoId, progress);
        if (++chunks === 2) throw new Error('killed');
      },
    });
    await expect(dying).rejects.toThrow('killed');
    // The second chunk rolled back with its progress: one chunk is undone, and the job says so.
    expect(await customerCount(api)).toBe(before - 1000);
    expect((await getJob(api.db.database.db, undoId))?.progress).toMatchObject({ undone: 1000, total: rows });

    const resumed = startWorker(api.db.database, jobHandlers(api.db.database), { pollMs: 20 });
    try {
      expect(await api.waitForJob(undoId)).toMatchObject({ status: 'done', progress: { undone: rows, total: rows } });
    } finally {
      await resumed.stop();
    }
    expect(await customerCount(api)).toBe(before - rows);
    expect((await api.request('GET', `/api/imports/${started.body.id}`)).body.status).toBe('undone');
  });

  it('answers 202 for a duplicate scan, 404 for an unknown job, and 401 without credentials', async () => {
    const scan = await api.request('POST', '/api/duplicates/scan', { mode: 'review' });
    expect(scan.status).toBe(202);
    expect(scan.body).toMatchObject({ kind: 'duplicates.scan', status: 'queued' });
    expect((await api.request('GET', '/api/jobs/job_doesnotexist')).status).toBe(404);
    expect((await api.app.request(`/api/jobs/${scan.body.id}`)).status).toBe(401);
    const id = await enqueue(api.db.database, 'nothing.to.see', { secret: '/tmp/upload' });
    expect((await api.request('GET', `/api/jobs/${id}`)).body).not.toHaveProperty('payload');
  });
});
