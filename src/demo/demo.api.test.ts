import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApi, type TestApi } from '../test/api-client.js';
import { engines } from '../test/engines.js';
import { demoCustomers } from './jobs.js';

describe.each(engines)('loading demo data from the API on %s', (engine) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await testApi(engine);
  }, 60_000);
  afterAll(async () => api?.close());

  it('fills an empty database as a job, then runs insights; a second load is refused', { timeout: 180_000 }, async () => {
    const started = await api.request('POST', '/api/demo');
    expect(started.status).toBe(202);
    expect(started.headers.get('location')).toBe(`/api/jobs/${started.body.id}`);
    const job = await api.waitForJob(started.body.id);
    expect(job.status).toBe('done');
    expect(job.result.customers).toBe(demoCustomers);
    const count = await api.db.database.db
      .selectFrom('customers')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(demoCustomers);
    const run = await api.waitForJob(job.result.insight_run_job);
    expect(run.status).toBe('done');
    const again = await api.request('POST', '/api/demo');
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('conflict');
  });
});
