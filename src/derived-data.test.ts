import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { refreshLastInteraction } from './activities/interactions.js';
import type { Ctx } from './core/context.js';
import type { Db } from './core/database.js';
import { updateMatchKeys } from './duplicates/match-keys.js';
import { runImport } from './imports/importer.js';
import { rollupTables } from './reports/contributions.js';
import { rebuildReportRollupsIn } from './reports/rollups.js';
import { refreshOrderFigures } from './sales/figures.js';
import { testApi, type TestApi } from './test/api-client.js';
import { engines } from './test/engines.js';

const figureColumns = ['id', 'first_order_at', 'last_order_at', 'order_count', 'revenue', 'average_order_value', 'purchase_frequency', 'last_interaction_at'] as const;
const derivedTables = ['report_customer_months', 'report_customer_campaigns', 'report_campaign_links', ...rollupTables];

/** Rows as comparable text: numbers the same whatever type the driver returns, rows in a fixed order. */
function canonical(rows: Record<string, unknown>[]): string[] {
  const value = (v: unknown) => (v instanceof Date ? v.toISOString() : typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : typeof v === 'bigint' ? Number(v) : v);
  return rows.map((r) => JSON.stringify(Object.entries(r).map(([k, v]) => [k, value(v)]))).sort();
}

/** Every customer's figure columns and every report rollup table. */
async function derivedData(db: Db): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {
    customers: canonical(
      await db
        .selectFrom('customers')
        .select([...figureColumns])
        .execute(),
    ),
  };
  for (const table of derivedTables) out[table] = canonical(await db.selectFrom(table).selectAll().execute());
  return out;
}

class Rollback extends Error {}

/** What the subscribers should have left: figures of all customers computed again and the rollups rebuilt, in a transaction rolled back. */
async function rebuiltDerivedData(db: Db): Promise<Record<string, string[]>> {
  let rebuilt: Record<string, string[]> = {};
  await db
    .transaction()
    .execute(async (trx) => {
      const ids = (await trx.selectFrom('customers').select('id').execute()).map((r) => r.id as string);
      await refreshOrderFigures(trx, ids);
      await refreshLastInteraction(trx, ids);
      await rebuildReportRollupsIn(trx);
      rebuilt = await derivedData(trx);
      throw new Rollback();
    })
    .catch((e: unknown) => {
      if (!(e instanceof Rollback)) throw e;
    });
  return rebuilt;
}

/** The stored match keys and profiles of these customers. */
async function matchKeysOf(db: Db, ids: string[]): Promise<string[][]> {
  const keys = await db.selectFrom('customer_match_keys').selectAll().where('customer_id', 'in', ids).execute();
  const profiles = await db.selectFrom('customer_match_profiles').selectAll().where('customer_id', 'in', ids).execute();
  return [canonical(keys), canonical(profiles)];
}

async function recomputedMatchKeys(db: Db, ids: string[]): Promise<string[][]> {
  let out: string[][] = [];
  await db
    .transaction()
    .execute(async (trx) => {
      await updateMatchKeys(trx, ids);
      out = await matchKeysOf(trx, ids);
      throw new Rollback();
    })
    .catch((e: unknown) => {
      if (!(e instanceof Rollback)) throw e;
    });
  return out;
}

// Orders within the last month: purchase frequency counts one month whenever it is computed.
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();

describe.each(engines)('derived data kept by event subscribers on %s', (engine) => {
  let api: TestApi;
  let ctx: Ctx;
  let db: Db;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-derived-'));

  beforeAll(async () => {
    api = await testApi(engine);
    ctx = { database: api.db.database, actor: 'test' };
    db = api.db.database.db;
  });
  afterAll(async () => {
    await api?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const ok = async (method: string, url: string, body?: unknown) => {
    const res = await api.request(method, url, body);
    expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
    return res.body;
  };
  const expectCurrent = async () => expect(await derivedData(db)).toEqual(await rebuiltDerivedData(db));
  const figuresOf = async (id: string) =>
    db
      .selectFrom('customers')
      .select([...figureColumns])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();

  it('equal a fresh rebuild after each kind of write', async () => {
    const created = await ok('POST', '/api/customers/bulk', {
      create: ['Ann', 'Bob', 'Cat', 'Dan', 'Eve'].map((first_name) => ({ first_name, last_name: 'Derived', email: `${first_name.toLowerCase()}@derived.example` })),
    });
    const [ann, bob, cat, dan, eve] = (created.created as { id: string }[]).map((c) => c.id);
    await expectCurrent();

    // Order create, update that moves the order to another customer, delete.
    const a1 = (await ok('POST', '/api/orders', { customer_id: ann, ordered_at: daysAgo(20), total: 100, currency: 'EUR' })).id as string;
    const a2 = (await ok('POST', '/api/orders', { customer_id: ann, ordered_at: daysAgo(10), total: 40.5, currency: 'EUR' })).id as string;
    const b1 = (await ok('POST', '/api/orders', { customer_id: bob, ordered_at: daysAgo(15), total: 70, currency: 'EUR' })).id as string;
    await expectCurrent();
    expect(Number((await figuresOf(ann)).order_count)).toBe(2);
    await ok('PATCH', `/api/orders/${a1}`, { customer_id: cat, total: 101 });
    await expectCurrent();
    // The customer the order left has its figures recomputed too (the event's previous customer).
    expect(Number((await figuresOf(ann)).order_count)).toBe(1);
    expect(Number((await figuresOf(cat)).revenue)).toBe(101);
    await ok('PATCH', `/api/orders/${b1}`, { status: 'cancelled' });
    await expectCurrent();
    await ok('DELETE', `/api/orders/${a2}`);
    await expectCurrent();
    expect((await figuresOf(ann)).last_order_at).toBeNull();

    // Interactions: a campaign touch that led to an order, moved to another customer, then deleted.
    const touch = (
      await ok('POST', '/api/interactions', {
        type: 'campaign',
        direction: 'out',
        customer_id: dan,
        occurred_at: daysAgo(12),
        campaign: 'Spring',
        channel: 'email',
        opened: true,
        clicked: true,
        converted: true,
        order_id: a1,
      })
    ).id as string;
    await ok('POST', '/api/interactions', { type: 'call', direction: 'in', customer_id: eve, occurred_at: daysAgo(3) });
    await expectCurrent();
    expect((await figuresOf(dan)).last_interaction_at).not.toBeNull();
    await ok('PATCH', `/api/interactions/${touch}`, { customer_id: bob });
    await expectCurrent();
    expect((await figuresOf(dan)).last_interaction_at).toBeNull();
    await ok('DELETE', `/api/interactions/${touch}`);
    await expectCurrent();

    // A bulk request: creates, a move between customers and a delete in one transaction.
    const bulk = await ok('POST', '/api/orders/bulk', {
      create: [
        { customer_id: dan, ordered_at: daysAgo(5), total: 12, currency: 'EUR' },
        { customer_id: eve, ordered_at: daysAgo(4), total: 30, currency: 'EUR' },
      ],
      update: [{ id: a1, customer_id: eve }],
      delete: [b1],
    });
    expect(bulk.created).toHaveLength(2);
    await expectCurrent();

    // Merge, and its undo: orders and interactions move, and the match keys of both sides are stored again.
    await ok('POST', '/api/orders', { customer_id: bob, ordered_at: daysAgo(2), total: 9.99, currency: 'EUR' });
    await ok('POST', '/api/interactions', { type: 'campaign', direction: 'out', customer_id: bob, occurred_at: daysAgo(2), campaign: 'Summer', channel: 'sms' });
    const merged = await ok('POST', '/api/customers/merge', { winner_id: eve, loser_ids: [bob] });
    await expectCurrent();
    expect(Number((await figuresOf(eve)).order_count)).toBe(3);
    expect(await matchKeysOf(db, [eve, bob])).toEqual(await recomputedMatchKeys(db, [eve, bob]));
    expect((await matchKeysOf(db, [eve]))[1]).toHaveLength(1);
    await ok('POST', `/api/merges/${merged.merge_id}/undo`);
    await expectCurrent();
    expect(Number((await figuresOf(bob)).order_count)).toBe(1);
    expect(await matchKeysOf(db, [eve, bob])).toEqual(await recomputedMatchKeys(db, [eve, bob]));
    expect((await matchKeysOf(db, [bob]))[1]).toHaveLength(1);

    // An import of customers and their orders, in chunks.
    const customersCsv = path.join(dir, 'customers.csv');
    const ordersCsv = path.join(dir, 'orders.csv');
    fs.writeFileSync(customersCsv, 'customer_id,name,email\nI1,Imported One,i1@derived.example\nI2,Imported Two,i2@derived.example\n');
    fs.writeFileSync(ordersCsv, `order_id,customer_id,date,amount\nIO1,I1,${daysAgo(9).slice(0, 10)},40.00\nIO2,I1,${daysAgo(8).slice(0, 10)},15.50\nIO3,I2,${daysAgo(7).slice(0, 10)},99.99\n`);
    await runImport(ctx, customersCsv, { kind: 'customers', source: 'shop' });
    const sales = await runImport(ctx, ordersCsv, { kind: 'orders', source: 'shop', chunkSize: 2 });
    expect(sales.counts).toMatchObject({ created: 3 });
    await expectCurrent();
    const imported = await db.selectFrom('customers').select(['order_count', 'revenue']).where('email', '=', 'i1@derived.example').executeTakeFirstOrThrow();
    expect([Number(imported.order_count), Number(imported.revenue)]).toEqual([2, 55.5]);

    // Deleting a customer removes its orders, touches and their place in the rollups.
    await ok('POST', '/api/interactions', { type: 'campaign', direction: 'out', customer_id: cat, occurred_at: daysAgo(1), campaign: 'Autumn', channel: 'email' });
    await ok('DELETE', `/api/customers/${cat}`);
    await expectCurrent();
    expect(await db.selectFrom('report_customer_months').select('customer_id').where('customer_id', '=', cat).execute()).toEqual([]);
  }, 120_000);

  it('refuses to append events in a process that did not load the subscribers', async () => {
    vi.resetModules();
    const fresh = await import('./core/events.js');
    const before = await db
      .selectFrom('events')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    await expect(fresh.appendEvents(db, 'test', [{ type: 'webhook.test', entity: 'webhook', entityId: 'wh_x' }])).rejects.toThrow(/before the event subscribers were loaded/);
    const after = await db
      .selectFrom('events')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });
});
