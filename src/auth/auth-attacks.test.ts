import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../api/app.js';
import { loadConfig } from '../core/config.js';
import { openDatabase, type Database } from '../core/database.js';
import { engines, freshDatabase, type TestDatabase } from '../test/engines.js';
import { createOwner, createToken, login, maxLoginAttempts, unlockLogins } from './service.js';

const owner = { email: 'owner@example.com', password: 'correct horse battery' };
const config = loadConfig({ RAPPORT_DATA_DIR: '/nonexistent', RAPPORT_TRUST_PROXY: 'true' });

/** POSTs JSON as a client at `address` (the app trusts X-Forwarded-For, as behind a proxy). */
function client(app: ReturnType<typeof createApp>, address: string) {
  return (path: string, body: unknown, headers: Record<string, string> = {}) =>
    app.request(path, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': address, ...headers }, body: JSON.stringify(body) });
}

const statuses = (responses: Response[]) =>
  responses
    .map((r) => r.status)
    .sort()
    .join(',');
const countOf = (responses: Response[], status: number) => responses.filter((r) => r.status === status).length;

describe.each(engines)('auth under attack on %s', (engine) => {
  let tdb: TestDatabase;
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    tdb = await freshDatabase(engine);
    app = createApp({ database: tdb.database, config });
  }, 120_000);
  afterAll(async () => tdb?.drop());

  it('refuses common passwords at setup', async () => {
    for (const password of ['1234567890', 'Password123', 'qwertyuiop']) {
      const res = await client(app, '192.0.2.50')('/api/auth/setup', { email: owner.email, password });
      expect(res.status, password).toBe(400);
      expect((await res.json()).error.fields.password).toEqual(['is one of the most common passwords; choose another']);
    }
    expect(await tdb.database.db.selectFrom('users').select('id').execute()).toHaveLength(0);
  });

  it('lets exactly one of 20 concurrent first-run setups create the owner', async () => {
    const attempts = await Promise.all(
      Array.from({ length: 20 }, (_, i) => client(app, `10.0.0.${i}`)('/api/auth/setup', { email: i === 0 ? owner.email : `intruder${i}@example.com`, password: owner.password })),
    );
    expect(countOf(attempts, 201)).toBe(1);
    expect(countOf(attempts, 409)).toBe(19);
    const users = await tdb.database.db.selectFrom('users').select('email').execute();
    expect(users).toHaveLength(1);
    // Whoever won, the setup is closed for good.
    expect((await client(app, '10.0.0.99')('/api/auth/setup', { email: 'late@example.com', password: owner.password })).status).toBe(409);
    await tdb.database.db.updateTable('users').set({ email: owner.email }).execute();
  }, 120_000);

  it('checks exactly 5 of 200 concurrent wrong passwords from one client', async () => {
    const post = client(app, '192.0.2.10');
    const attempts = await Promise.all(Array.from({ length: 200 }, (_, i) => post('/api/auth/login', { email: owner.email, password: `wrong password ${i}` })));
    expect(countOf(attempts, 401)).toBe(maxLoginAttempts);
    expect(countOf(attempts, 429)).toBe(200 - maxLoginAttempts);
    expect(statuses(attempts)).not.toContain('500');
    const refused = attempts.find((r) => r.status === 429)!;
    expect((await refused.json()).error).toMatchObject({ code: 'rate_limited', message: expect.stringMatching(/try again in \d+ seconds/) });
    // Even the right password waits for the window to end.
    expect((await post('/api/auth/login', owner)).status).toBe(429);
    await unlockLogins(tdb.database.db);
  }, 120_000);

  it('does not let a stranger lock the owner out of an address they have signed in from', async () => {
    const home = client(app, '198.51.100.1');
    expect((await home('/api/auth/login', owner)).status).toBe(200);
    const strangerLocksTheAccount = async (from: number) => {
      for (let i = 0; i < maxLoginAttempts; i++) expect((await client(app, `203.0.113.${from + i}`)('/api/auth/login', { email: owner.email, password: 'not the password' })).status).toBe(401);
      expect((await client(app, `203.0.113.${from + maxLoginAttempts}`)('/api/auth/login', { email: owner.email, password: 'not the password' })).status).toBe(429);
    };
    await strangerLocksTheAccount(0);
    // The lock holds for every new address, the right password included...
    expect((await client(app, '203.0.113.100')('/api/auth/login', owner)).status).toBe(429);
    // ...until `rapport user unlock` clears it.
    expect(await unlockLogins(tdb.database.db)).toBeGreaterThanOrEqual(1);
    expect((await client(app, '203.0.113.101')('/api/auth/login', owner)).status).toBe(200);
    // Locked again, it never applies to an address the owner has signed in from.
    await strangerLocksTheAccount(10);
    expect((await home('/api/auth/login', owner)).status).toBe(200);
    expect((await client(app, '203.0.113.101')('/api/auth/login', owner)).status).toBe(200);
    // Counters whose window has ended are removed by the next successful login.
    const db = tdb.database.db;
    await db.updateTable('login_attempts').set({ window_start: '2000-01-01T00:00:00.000Z' }).execute();
    const left = await db.selectFrom('login_attempts').select('attempt_key').execute();
    expect(left.length).toBeGreaterThan(0);
    expect((await home('/api/auth/login', owner)).status).toBe(200);
    expect(await db.selectFrom('login_attempts').select('attempt_key').execute()).toEqual([]);
  }, 120_000);

  it('takes as long for an unknown email as for the owner’s email with a wrong password', async () => {
    const db = tdb.database.db;
    const time = async (email: string) => {
      await unlockLogins(db);
      const start = performance.now();
      await expect(login(db, { email, password: 'not the password' }, '192.0.2.77')).rejects.toMatchObject({ code: 'unauthorized' });
      return performance.now() - start;
    };
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 7; i++) {
      known.push(await time(owner.email));
      unknown.push(await time(`nobody${i}@example.com`));
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    // Without the stand-in hash check an unknown email answered some 30 times faster.
    expect(median(unknown)).toBeGreaterThan(median(known) * 0.5);
    expect(median(known)).toBeGreaterThan(median(unknown) * 0.5);
    await unlockLogins(db);
  }, 120_000);

  it('refuses large bodies on the public routes before parsing them', async () => {
    // A 10 MB nested JSON body, on both routes that need no credentials.
    const nested = '['.repeat(5 * 1024 * 1024) + ']'.repeat(5 * 1024 * 1024);
    for (const path of ['/api/auth/login', '/api/auth/setup']) {
      const res = await app.request(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: nested });
      expect(res.status, path).toBe(413);
      expect((await res.json()).error.code).toBe('payload_too_large');
    }
  }, 120_000);

  it('stops expired tokens, and lets only tokens with the right create tokens', async () => {
    const db = tdb.database.db;
    const plain = await createToken(db, 'plain');
    const minter = await createToken(db, 'minter', { canCreateTokens: true });
    const expiring = await createToken(db, 'expiring', { expiresInDays: 1 });
    expect(Date.parse(expiring.expires_at!) - Date.now()).toBeGreaterThan(86_000_000);
    const post = (token: string, body: unknown) =>
      app.request('/api/tokens', { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const refused = await post(plain.token, { name: 'escalation', can_create_tokens: true });
    expect(refused.status).toBe(403);
    expect((await refused.json()).error.code).toBe('forbidden');
    const minted = await post(minter.token, { name: 'child', expires_in_days: 30 });
    expect(minted.status).toBe(201);
    expect(await minted.json()).toMatchObject({ name: 'child', can_create_tokens: false, expires_at: expect.any(String) });
    expect((await post(minter.token, { name: 'bad', expires_in_days: 0 })).status).toBe(400);

    const get = (token: string) => app.request('/api/tokens', { headers: { authorization: `Bearer ${token}` } });
    expect((await get(expiring.token)).status).toBe(200);
    await db
      .updateTable('api_tokens')
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .where('id', '=', expiring.id)
      .execute();
    const expired = await get(expiring.token);
    expect(expired.status).toBe(401);
    const listed = (await (await get(plain.token)).json()).data as { name: string; last_used_at: string | null; expires_at: string | null; can_create_tokens: boolean }[];
    expect(listed.find((t) => t.name === 'plain')).toMatchObject({ last_used_at: expect.any(String), expires_at: null, can_create_tokens: false });
    expect(listed.find((t) => t.name === 'minter')?.can_create_tokens).toBe(true);
  }, 120_000);
});

describe('HTTPS and proxies', () => {
  let tdb: TestDatabase;
  beforeAll(async () => {
    tdb = await freshDatabase('sqlite');
    await createOwner(tdb.database.db, owner);
  });
  afterAll(async () => tdb?.drop());
  const signIn = (trustProxy: boolean, url: string, headers: Record<string, string> = {}) =>
    createApp({ database: tdb.database, config: loadConfig({ RAPPORT_DATA_DIR: '/nonexistent', RAPPORT_TRUST_PROXY: String(trustProxy) }) }).request(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(owner),
    });

  it('marks the cookie Secure and sends HSTS only when the request came over HTTPS', async () => {
    const plain = await signIn(false, 'http://localhost/api/auth/login');
    expect(plain.status).toBe(200);
    expect(plain.headers.get('set-cookie')).not.toMatch(/;\s*Secure/i);
    expect(plain.headers.get('strict-transport-security')).toBeNull();
    const tls = await signIn(false, 'https://localhost/api/auth/login');
    expect(tls.headers.get('set-cookie')).toMatch(/;\s*Secure/i);
    expect(tls.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
  });

  it('believes X-Forwarded-Proto only from a trusted proxy', async () => {
    const spoofed = await signIn(false, 'http://localhost/api/auth/login', { 'x-forwarded-proto': 'https' });
    expect(spoofed.headers.get('set-cookie')).not.toMatch(/;\s*Secure/i);
    expect(spoofed.headers.get('strict-transport-security')).toBeNull();
    const proxied = await signIn(true, 'http://localhost/api/auth/login', { 'x-forwarded-proto': 'https', 'x-forwarded-for': '192.0.2.1' });
    expect(proxied.headers.get('set-cookie')).toMatch(/;\s*Secure/i);
    expect(proxied.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
  });

  it('sends a Content-Security-Policy without inline or eval scripts', async () => {
    const app = createApp({ database: tdb.database, config });
    for (const path of ['/', '/api/health', '/api/docs']) {
      const csp = (await app.request(path)).headers.get('content-security-policy') ?? '';
      expect(csp, path).toMatch(/script-src 'self'(;|$)/);
      expect(csp, path).toMatch(/default-src 'self'/);
      expect(csp, path).toMatch(/frame-ancestors 'none'/);
    }
  });
});

describe('two server processes on one PostgreSQL database', () => {
  let tdb: TestDatabase;
  let second: Database;
  beforeAll(async () => {
    tdb = await freshDatabase('postgres');
    second = await openDatabase({ url: tdb.url });
    await createOwner(tdb.database.db, owner);
  }, 120_000);
  afterAll(async () => {
    await second?.close();
    await tdb?.drop();
  });

  it('share one login limit', async () => {
    const apps = [createApp({ database: tdb.database, config }), createApp({ database: second, config })];
    const attempts = await Promise.all(Array.from({ length: 100 }, (_, i) => client(apps[i % 2], '192.0.2.33')('/api/auth/login', { email: owner.email, password: `wrong password ${i}` })));
    expect(countOf(attempts, 401)).toBe(maxLoginAttempts);
    expect(countOf(attempts, 429)).toBe(100 - maxLoginAttempts);
  }, 120_000);
});
