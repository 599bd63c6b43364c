import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../core/database.js';
import { generateDemo } from '../demo/generate.js';
import { testApi, type TestApi } from '../test/api-client.js';
import { freshDatabase, type TestDatabase } from '../test/engines.js';
import { inspectBackup, restoreDatabase } from './backup.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-backup-api-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
const tables = ['customers', 'companies', 'orders', 'order_lines', 'interactions', 'tasks'];

async function counts(db: Db): Promise<Record<string, number>> {
  const result: Record<string, number> = {};
  for (const t of tables)
    result[t] = Number(
      (
        await db
          .selectFrom(t)
          .select(sql<number>`count(*)`.as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return result;
}

/** Customers per lifecycle stage as the reports' rollup holds them (rebuilt by a restore). */
async function stageRollup(db: Db): Promise<string[]> {
  const rows = await db.selectFrom('report_stages').select(['stage', 'customers']).where('customers', '>', 0).orderBy('stage').execute();
  return rows.map((r) => `${r.stage}:${Number(r.customers)}`);
}

async function customerNames(db: Db): Promise<string[]> {
  const rows = await db.selectFrom('customers').select(['id', 'first_name', 'last_name']).orderBy('id').execute();
  return rows.map((r) => `${r.id} ${r.first_name} ${r.last_name}`);
}

/** Temporary download folders the route leaves behind (it should leave none). */
const downloadFolders = () => new Set(fs.readdirSync(os.tmpdir()).filter((n) => n.startsWith('rapport-download-')));

describe.each(['sqlite', 'postgres', 'mysql'] as const)('GET /api/backup on %s', (engine) => {
  let api: TestApi;
  let target: TestDatabase;
  // Creating and migrating a database on a server engine takes a while on a busy machine.
  beforeAll(async () => {
    api = await testApi(engine);
  }, 120_000);
  afterAll(async () => {
    await api?.close();
    await target?.drop();
  });

  it('needs a signed-in owner or a token', async () => {
    const res = await api.app.request('/api/backup');
    expect(res.status).toBe(401);
  });

  it('downloads a backup that passes the restore check and restores the data', async () => {
    await generateDemo(api.db.database, { customers: 60, seed: 3, asOf: new Date('2026-01-15T00:00:00Z') });
    const before = await counts(api.db.database.db);
    expect(before.orders).toBeGreaterThan(0);
    const foldersBefore = downloadFolders();

    const res = await api.app.request('/api/backup', { headers: { authorization: `Bearer ${api.token}` } });
    expect(res.status).toBe(200);
    const extension = 'json';
    const day = new Date().toISOString().slice(0, 10);
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="rapport-backup-${day}.${extension}"`);
    const bytes = Buffer.from(await res.arrayBuffer());
    const header = JSON.parse(bytes.toString('utf8').split('\n')[0]);
    expect(header).toMatchObject({ format: 'rapport-backup', dialect: engine });
    // Streamed as it is read: no temporary copy on disk.
    expect(downloadFolders()).toEqual(foldersBefore);
    // No sign-in secrets: no credential table, and neither the password hash nor a token hash.
    expect(header.tables.map((t: { name: string }) => t.name)).not.toEqual(expect.arrayContaining(['users']));
    for (const table of ['users', 'sessions', 'api_tokens', 'login_attempts', 'login_clients', 'auth_claims'])
      expect(
        header.tables.some((t: { name: string }) => t.name === table),
        table,
      ).toBe(false);
    const secrets = [
      ...(await api.db.database.db.selectFrom('users').select('password_hash').execute()).map((r) => r.password_hash as string),
      ...(await api.db.database.db.selectFrom('api_tokens').select('token_hash').execute()).map((r) => r.token_hash as string),
    ];
    expect(secrets.length).toBeGreaterThanOrEqual(2);
    for (const secret of secrets) expect(bytes.includes(secret)).toBe(false);

    const file = path.join(tmp, `${engine}.${extension}`);
    fs.writeFileSync(file, bytes);
    const info = await inspectBackup(file);
    expect(info.tables.find((t) => t.name === 'customers')?.rows).toBe(before.customers);

    target = await freshDatabase(engine);
    await restoreDatabase(target.database, file);
    expect(await counts(target.database.db)).toEqual(before);
    expect(await customerNames(target.database.db)).toEqual(await customerNames(api.db.database.db));
    expect(await stageRollup(target.database.db)).toEqual(await stageRollup(api.db.database.db));
    expect((await stageRollup(target.database.db)).length).toBeGreaterThan(0);
  }, 120_000);

  it('serves one download at a time, and frees the slot when the client stops reading', async () => {
    const get = () => api.app.request('/api/backup', { headers: { authorization: `Bearer ${api.token}` } });
    // The first download is not read: its stream waits for the client, holding the slot.
    const first = await get();
    expect(first.status).toBe(200);
    const second = await get();
    expect(second.status).toBe(429);
    expect((await second.json()).error.code).toBe('rate_limited');
    await first.body!.cancel();
    let third = await get();
    for (let i = 0; i < 50 && third.status === 429; i++) {
      await new Promise((r) => setTimeout(r, 20));
      third = await get();
    }
    expect(third.status).toBe(200);
    expect((await third.text()).length).toBeGreaterThan(1000);
  }, 120_000);
});
