import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOwner, createToken, revokeToken, tokenPrincipal } from '../auth/service.js';
import type { Db } from '../core/database.js';
import { addCustomField, listCustomFields } from '../fields/custom-fields.js';
import { engines, freshDatabase, type TestDatabase } from '../test/engines.js';
import { listColumns } from '../core/dialect.js';
import { backupDatabase, restoreDatabase } from './backup.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-restore-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const stamp = '2026-01-01T00:00:00.000Z';
const customer = (id: string, first: string, extra: Record<string, unknown> = {}) => ({
  id,
  first_name: first,
  emails: '[]',
  phones: '[]',
  tags: '[]',
  search_text: first.toLowerCase(),
  created_at: stamp,
  updated_at: stamp,
  ...extra,
});

/** Everything a failed restore must leave alone: the custom-field columns, their declarations and values. */
async function state(db: Db) {
  return {
    columns: (await listColumns(db, 'customers')).filter((c) => c.startsWith('cf_')).sort(),
    fields: (await db.selectFrom('custom_fields').select(['name', 'type']).orderBy('name').execute()).map((f) => `${f.name}:${f.type}`),
    customers: (await db.selectFrom('customers').selectAll().orderBy('id').execute()).map((r) => JSON.stringify([r.id, r.first_name, r.cf_loyalty ?? null])),
  };
}

describe.each(engines)('restore on %s', (engine) => {
  let live: TestDatabase;
  let other: TestDatabase;
  beforeAll(async () => {
    live = await freshDatabase(engine);
    other = await freshDatabase(engine);
  }, 120_000);
  afterAll(async () => {
    await live?.drop();
    await other?.drop();
  });

  it('leaves the database exactly as it was when it fails part-way, custom-field columns and values included', async () => {
    // The live database has a custom field with values; the backup declares a different one.
    await addCustomField(live.database, { name: 'loyalty', type: 'number' });
    await live.database.db
      .insertInto('customers')
      .values([customer('cus_live1', 'Ada', { cf_loyalty: 7 }), customer('cus_live2', 'Grace', { cf_loyalty: 3 })])
      .execute();
    await addCustomField(other.database, { name: 'tier', type: 'text' });
    await other.database.db
      .insertInto('customers')
      .values([customer('cus_b1', 'Alan', { cf_tier: 'gold' }), customer('cus_b2', 'Edsger')])
      .execute();
    const file = path.join(tmp, `${engine}-broken.json`);
    await backupDatabase(other.database, file, { format: 'json' });
    // Break the backup so its rows fail to insert after the restore has begun: one customer twice.
    const lines = fs.readFileSync(file, 'utf8').trimEnd().split('\n');
    const header = JSON.parse(lines[0]);
    header.tables.find((t: { name: string }) => t.name === 'customers').rows += 1;
    const duplicate = lines.find((l) => l.startsWith('["customers",'))!;
    fs.writeFileSync(file, [JSON.stringify(header), ...lines.slice(1), duplicate].join('\n') + '\n');

    const before = await state(live.database.db);
    expect(before.columns).toEqual(['cf_loyalty']);
    // What this process keeps of the fields (under the schema's stamp) must follow the restore.
    expect((await listCustomFields(live.database.db)).map((f) => f.name)).toEqual(['loyalty']);
    await expect(restoreDatabase(live.database, file)).rejects.toThrow();
    expect(await state(live.database.db)).toEqual(before);

    // The same backup, whole, restores: the backup's field replaces the live one.
    fs.writeFileSync(
      file,
      [JSON.stringify({ ...header, tables: header.tables.map((t: { name: string; rows: number }) => (t.name === 'customers' ? { ...t, rows: t.rows - 1 } : t)) }), ...lines.slice(1)].join('\n') + '\n',
    );
    await restoreDatabase(live.database, file);
    const after = await state(live.database.db);
    expect(after.columns).toEqual(['cf_tier']);
    expect(after.fields).toEqual(['tier:text']);
    expect((await listCustomFields(live.database.db)).map((f) => f.name)).toEqual(['tier']);
    expect(after.customers.map((c) => JSON.parse(c)[1])).toEqual(['Alan', 'Edsger']);
  }, 120_000);

  it('keeps the current credentials: a restored backup revives no revoked token and no old password', async () => {
    const db = live.database.db;
    await createOwner(db, { email: 'owner@example.com', password: 'first long passphrase' });
    const old = await createToken(db, 'old');
    const file = path.join(tmp, `${engine}-credentials.${engine === 'sqlite' ? 'db' : 'json'}`);
    await backupDatabase(live.database, file);
    const hashThen = (await db.selectFrom('users').select('password_hash').executeTakeFirstOrThrow()).password_hash as string;
    // The file holds neither the password hash nor the token's hash.
    const bytes = fs.readFileSync(file);
    expect(bytes.includes(hashThen)).toBe(false);
    expect(bytes.includes((await db.selectFrom('api_tokens').select('token_hash').where('id', '=', old.id).executeTakeFirstOrThrow()).token_hash as string)).toBe(false);

    await revokeToken(db, old.id);
    const current = await createToken(db, 'current');
    await db.updateTable('users').set({ password_hash: 'changed since the backup' }).execute();
    await restoreDatabase(live.database, file);
    expect(await tokenPrincipal(db, old.token)).toBeNull();
    expect(await tokenPrincipal(db, current.token)).not.toBeNull();
    expect((await db.selectFrom('users').select('password_hash').executeTakeFirstOrThrow()).password_hash).toBe('changed since the backup');
  }, 120_000);
});
