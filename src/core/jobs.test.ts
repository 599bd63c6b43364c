import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, freshDatabase, type TestDatabase } from '../test/engines.js';
import { claimJob, enqueue, getJob, startWorker } from './jobs.js';

describe.each(engines)('job queue on %s', (engine) => {
  let tdb: TestDatabase;
  beforeAll(async () => {
    tdb = await freshDatabase(engine);
  });
  afterAll(async () => tdb?.drop());

  it('gives each job to exactly one of several concurrent claimers', async () => {
    const ids = await Promise.all(Array.from({ length: 20 }, (_, i) => enqueue(tdb.database, 'count', { i })));
    const claimed: string[] = [];
    await Promise.all(
      Array.from({ length: 4 }, async (_, w) => {
        let job;
        while ((job = await claimJob(tdb.database, `w${w}`, ['count']))) claimed.push(job.id);
      }),
    );
    expect(claimed.sort()).toEqual([...ids].sort());
  });

  it('runs handlers, retries failures and records results and progress', async () => {
    let attempts = 0;
    const worker = startWorker(
      tdb.database,
      {
        flaky: async (_job, { progress }) => {
          attempts++;
          await progress({ step: attempts });
          if (attempts < 2) throw new Error('first try fails');
          return { ok: true };
        },
      },
      { pollMs: 20, onError: () => {} },
    );
    const id = await enqueue(tdb.database, 'flaky', {}, { maxAttempts: 3 });
    // The retry waits 2 s of backoff; move it forward instead of sleeping.
    for (let i = 0; i < 500; i++) {
      const job = await getJob(tdb.database.db, id);
      if (job?.status === 'queued' && job.attempts === 1)
        await tdb.database.db
          .updateTable('jobs')
          .set({ run_at: new Date(0).toISOString() })
          .where('id', '=', id)
          .execute();
      if (job?.status === 'done') break;
      await new Promise((r) => setTimeout(r, 30));
    }
    await worker.stop();
    const job = await getJob(tdb.database.db, id);
    expect(job?.status).toBe('done');
    expect(job?.attempts).toBe(2);
    expect(job?.result).toEqual({ ok: true });
    expect(job?.progress).toEqual({ step: 2 });
    expect(job?.error).toBe('first try fails');
  });

  it('enqueues a scheduled slot once however many processes try', async () => {
    await enqueue(tdb.database, 'nightly', null, { id: 'job_nightly_2026-01-01T00:00:00.000Z' });
    await enqueue(tdb.database, 'nightly', null, { id: 'job_nightly_2026-01-01T00:00:00.000Z' });
    const rows = await tdb.database.db.selectFrom('jobs').select('id').where('kind', '=', 'nightly').execute();
    expect(rows).toHaveLength(1);
  });
});
