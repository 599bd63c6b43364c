import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../api/app.js';
import { loadConfig } from '../core/config.js';
import { freshDatabase, engines, type TestDatabase } from '../test/engines.js';
import { createToken } from './service.js';

function cookieFrom(res: Response): string {
  const header = res.headers.get('set-cookie') ?? '';
  return header.split(';')[0];
}

describe.each(engines)('authentication on %s', (engine) => {
  let tdb: TestDatabase;
  let app: ReturnType<typeof createApp>;
  const send = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    app.request(path, { method, headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers }, body: body === undefined ? undefined : JSON.stringify(body) });

  beforeAll(async () => {
    tdb = await freshDatabase(engine);
    app = createApp({ database: tdb.database, config: loadConfig({ RAPPORT_DATA_DIR: '/nonexistent' }) });
  });
  afterAll(async () => tdb?.drop());

  it('runs first-run setup once, then protects every route but health, login and setup', async () => {
    expect((await (await send('GET', '/api/auth/status')).json()).needs_setup).toBe(true);
    expect((await send('POST', '/api/auth/setup', { email: 'me@example.com', password: 'short' })).status).toBe(400);
    const setup = await send('POST', '/api/auth/setup', { email: 'Me@Example.com', password: 'a long enough password' });
    expect(setup.status).toBe(201);
    expect(setup.headers.get('set-cookie')).toMatch(/HttpOnly/i);
    expect(setup.headers.get('set-cookie')).toMatch(/SameSite=Lax/i);
    expect((await send('POST', '/api/auth/setup', { email: 'other@example.com', password: 'a long enough password' })).status).toBe(409);

    expect((await send('GET', '/api/health')).status).toBe(200);
    for (const [method, path] of [
      ['GET', '/api/customers'],
      ['POST', '/api/customers'],
      ['GET', '/api/customers/cus_x'],
      ['GET', '/api/orders'],
      ['GET', '/api/fields'],
      ['GET', '/api/tokens'],
      ['GET', '/api/audit'],
      ['GET', '/api/openapi.json'],
      ['GET', '/api/docs'],
    ]) {
      const res = await send(method, path);
      expect(res.status, `${method} ${path}`).toBe(401);
      expect((await res.json()).error.code).toBe('unauthorized');
    }
  });

  it('signs in with a session cookie and requires the CSRF token on writes', async () => {
    const login = await send('POST', '/api/auth/login', { email: 'me@example.com', password: 'a long enough password' });
    expect(login.status).toBe(200);
    const { csrf_token } = await login.json();
    const cookie = cookieFrom(login);
    expect((await send('GET', '/api/customers', undefined, { cookie })).status).toBe(200);
    const noCsrf = await send('POST', '/api/customers', { first_name: 'X' }, { cookie });
    expect(noCsrf.status).toBe(403);
    const withCsrf = await send('POST', '/api/customers', { first_name: 'X' }, { cookie, 'x-csrf-token': csrf_token });
    expect(withCsrf.status).toBe(201);
    const created = await withCsrf.json();
    const audit = await (await send('GET', `/api/audit?entity_id=${created.id}`, undefined, { cookie })).json();
    expect(audit.data[0].actor).toMatch(/^user:usr_/);

    expect((await send('POST', '/api/auth/logout', undefined, { cookie, 'x-csrf-token': csrf_token })).status).toBe(204);
    expect((await send('GET', '/api/customers', undefined, { cookie })).status).toBe(401);
  });

  it('accepts API tokens until they are revoked, and stores only their hash', async () => {
    const { token, id } = await createToken(tdb.database.db, 'script');
    expect(token).toMatch(/^rpt_/);
    const stored = await tdb.database.db.selectFrom('api_tokens').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(JSON.stringify(stored)).not.toContain(token);
    const auth = { authorization: `Bearer ${token}` };
    expect((await send('GET', '/api/customers', undefined, auth)).status).toBe(200);
    expect((await send('POST', '/api/customers', { first_name: 'Y' }, auth)).status).toBe(201);
    expect((await send('GET', '/api/customers', undefined, { authorization: 'Bearer rpt_wrong' })).status).toBe(401);
    expect((await send('GET', '/api/customers', undefined, { authorization: 'Basic abc' })).status).toBe(401);
    const list = await (await send('GET', '/api/tokens', undefined, auth)).json();
    expect(list.data.find((t: { id: string }) => t.id === id).last_used_at).toBeTruthy();
    expect(JSON.stringify(list)).not.toContain(token);
    expect((await send('DELETE', `/api/tokens/${id}`, undefined, auth)).status).toBe(200);
    expect((await send('GET', '/api/customers', undefined, auth)).status).toBe(401);
  });

  it('rate-limits failed logins', async () => {
    for (let i = 0; i < 5; i++) expect((await send('POST', '/api/auth/login', { email: 'me@example.com', password: `wrong-${i}` })).status).toBe(401);
    const locked = await send('POST', '/api/auth/login', { email: 'me@example.com', password: 'a long enough password' });
    expect(locked.status).toBe(429);
    expect((await locked.json()).error.code).toBe('rate_limited');
  });
});
