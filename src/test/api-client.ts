import { createApp } from '../api/app.js';
import { createOwner, createToken } from '../auth/service.js';
import { loadConfig } from '../core/config.js';
import { onJobQueued, startWorker } from '../core/jobs.js';
import { jobHandlers } from '../jobs/handlers.js';
import type { DialectName } from '../core/database.js';
import { freshDatabase, type TestDatabase } from './engines.js';

export interface TestResponse {
  status: number;
  body: any;
  headers: Headers;
}

export interface TestApi {
  db: TestDatabase;
  token: string;
  app: ReturnType<typeof createApp>;
  request(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<TestResponse>;
  /** Polls GET /api/jobs/{id} until the job is done or failed, and returns it. */
  waitForJob(id: string): Promise<any>;
  close(): Promise<void>;
}

/**
 * The real API app on a fresh database of the given engine, with an owner and an API token. Queued
 * jobs (imports, undo, scans, insight runs) run on an in-process job worker, woken when a job is
 * queued, unless `jobs: false` (then nothing runs them: a test can see that a request only queued work).
 */
export async function testApi(engine: DialectName, env: Record<string, string> = {}, options: { jobs?: boolean } = {}): Promise<TestApi> {
  const db = await freshDatabase(engine);
  const config = { ...loadConfig({ RAPPORT_DATA_DIR: '/nonexistent', ...env }) };
  const app = createApp({ database: db.database, config });
  await createOwner(db.database.db, { email: 'owner@example.com', password: 'correct horse battery' });
  const { token } = await createToken(db.database.db, 'tests');
  const worker = options.jobs === false ? null : startWorker(db.database, jobHandlers(db.database), { pollMs: 50 });
  const unsubscribe = worker ? onJobQueued(db.database, () => worker.nudge()) : () => {};
  const api: TestApi = {
    db,
    token,
    app,
    async request(method, path, body, headers = {}) {
      const init: RequestInit = { method, headers: { authorization: `Bearer ${token}`, ...headers } };
      if (body !== undefined) {
        init.body = typeof body === 'string' ? body : JSON.stringify(body);
        (init.headers as Record<string, string>)['content-type'] ??= 'application/json';
      }
      const res = await app.request(path, init);
      const text = await res.text();
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : null;
      } catch {
        // not JSON: keep the text
      }
      return { status: res.status, body: parsed, headers: res.headers };
    },
    async waitForJob(id) {
      for (let i = 0; i < 2400; i++) {
        const job = (await api.request('GET', `/api/jobs/${id}`)).body;
        if (job?.status === 'done' || job?.status === 'failed') return job;
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      throw new Error(`job ${id} did not finish`);
    },
    async close() {
      unsubscribe();
      await worker?.stop();
      await db.drop();
    },
  };
  return api;
}
