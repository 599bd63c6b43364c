import { createApp } from '../api/app.js';
import { createOwner, createToken } from '../auth/service.js';
import { loadConfig } from '../core/config.js';
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
  close(): Promise<void>;
}

/** The real API app on a fresh database of the given engine, with an owner and an API token. */
export async function testApi(engine: DialectName, env: Record<string, string> = {}): Promise<TestApi> {
  const db = await freshDatabase(engine);
  const config = { ...loadConfig({ RAPPORT_DATA_DIR: '/nonexistent', ...env }) };
  const app = createApp({ database: db.database, config });
  await createOwner(db.database.db, { email: 'owner@example.com', password: 'correct horse battery' });
  const { token } = await createToken(db.database.db, 'tests');
  return {
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
    close: () => db.drop(),
  };
}
