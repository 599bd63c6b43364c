import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import type { Db } from '../core/database.js';
import { generateDemo } from '../demo/generate.js';
import { refreshOrderFigures } from '../sales/figures.js';
import { freshDatabase, type TestDatabase } from '../test/engines.js';
import { backupDatabase, restoreDatabase } from './backup.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-backup-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
const asOf = new Date('2026-01-15T00:00:00Z');
const tables = ['customers', 'companies', 'products', 'orders', 'order_lines', 'interactions', 'tasks', 'customer_keys', 'external_ids'];

async function snapshot(db: Db) {
  const counts: Record<string, number> = {};
  for (const t of tables)
    counts[t] = Number(
      (
        await db
          .selectFrom(t)
          .select(sql<number>`count(*)`.as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const rows = await db
    .selectFrom('customers')
    .select(['id', 'first_name', 'last_name', 'email', 'revenue', 'order_count', 'first_order_at', 'last_order_at', 'average_order_value', 'purchase_frequency', 'consent_email'])
    .orderBy('id')
    .execute();
  const normalised = rows.map((r) => ({ ...r, revenue: Number(r.revenue), consent_email: r.consent_email === null ? null : Number(r.consent_email === true || r.consent_email === 1) }));
  return { counts, sum: createHash('sha256').update(JSON.stringify(normalised)).digest('hex') };
}

describe.each(['sqlite', 'postgres', 'mysql'] as const)('demo, backup and restore on %s', (engine) => {
  let a: TestDatabase;
  let b: TestDatabase;
  afterAll(async () => {
    await a?.drop();
    await b?.drop();
  });

  // Each test creates and migrates a database: slow on a server engine when the machine is busy.
  it('writes demo data whose figures match what the order service computes', async () => {
    a = await freshDatabase(engine);
    const stats = await generateDemo(a.database, { customers: 150, seed: 7, asOf });
    expect(stats.customers).toBe(150);
    expect(stats.orderLines).toBeGreaterThan(stats.orders);
    const before = await snapshot(a.database.db);
    const ids = (await a.database.db.selectFrom('customers').select('id').execute()).map((r) => r.id as string);
    await a.database.db.transaction().execute((trx) => refreshOrderFigures(trx, ids, asOf));
    expect((await snapshot(a.database.db)).sum).toBe(before.sum);
  }, 120_000);

  it('round-trips a JSON backup, also into a fresh database', async () => {
    const before = await snapshot(a.database.db);
    const file = path.join(tmp, `${engine}.json`);
    const result = await backupDatabase(a.database, file, { format: 'json' });
    expect(result.tables.find((t) => t.name === 'customers')?.rows).toBe(150);
    await a.database.db.deleteFrom('order_lines').execute();
    await a.database.db.deleteFrom('interactions').execute();
    await restoreDatabase(a.database, file);
    expect(await snapshot(a.database.db)).toEqual(before);

    b = await freshDatabase(engine);
    await restoreDatabase(b.database, file);
    expect(await snapshot(b.database.db)).toEqual(before);
  }, 120_000);
});
