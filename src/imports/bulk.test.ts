import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../core/context.js';
import { inTransaction } from '../core/context.js';
import { listAudit } from '../audit/audit.js';
import { createCustomers, getCustomer, listCustomers } from '../customers/service.js';
import type { ApiRecord } from '../records/codec.js';
import { createOrdersIn, orders } from '../sales/orders.js';
import { products } from '../sales/products.js';
import { engines, freshDatabase, type TestDatabase } from '../test/engines.js';
import { changeLog, emptyCounts } from './batches.js';
import { bulkInserter } from '../core/bulk-insert.js';
import { previewImport, runImport } from './importer.js';
import { createOrdersBulk } from './order-writer.js';
import { customerInput } from './customer-input.js';

// The import writes in bulk (prepared statements, one search-index pass per chunk, phones parsed
// once, orders and lines in multi-row writes). What it stores must be exactly what the services
// store when the same records are written through them one at a time.

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-bulk-'));
const customersCsv = path.join(dir, 'customers.csv');
fs.writeFileSync(
  customersCsv,
  `customer_id,first_name,last_name,email,phone,city,company,tags
C1,Ada,Lovelace,ada@example.com,020 7946 0001,London,Analytical Engines,vip
C2,Grace,Hopper,grace@example.com,+1 703 555 0100,Arlington,,
C3,Alan,Turing,alan@example.com,12345,Manchester,Analytical Engines,
C4,Katherine,Johnson,katherine@example.com,"+44 20 7946 0002; 07700 900123",Hampton,,"space, maths"
C5,Dennis,Ritchie,,+44 7700 900456,Bell,,
`,
);

const withoutIdentity = (r: ApiRecord) => {
  const { id: _id, created_at: _c, updated_at: _u, company_id: _k, ...rest } = r;
  return rest;
};

/** A record as the audit log keeps it: without its empty (null) fields. */
const withoutEmptyFields = (record: Record<string, unknown>) => Object.fromEntries(Object.entries(record).filter(([, v]) => v !== null));

describe.each(engines)('bulk import writes what the services write, on %s', (engine) => {
  let imported: TestDatabase;
  let direct: TestDatabase;
  let ctxA: Ctx;
  let ctxB: Ctx;
  beforeAll(async () => {
    imported = await freshDatabase(engine);
    direct = await freshDatabase(engine);
    ctxA = { database: imported.database, actor: 'cli', defaultCountry: 'GB' };
    ctxB = { database: direct.database, actor: 'cli', defaultCountry: 'GB' };
  });
  afterAll(async () => {
    await imported?.drop();
    await direct?.drop();
  });

  it('stores customers, keys, search text and audit entries as the customer service does', async () => {
    const batch = await runImport(ctxA, customersCsv, { kind: 'customers', source: 'crm', merge: 'off', defaultCountry: 'GB', chunkSize: 2 });
    expect(batch.counts).toMatchObject({ rows: 5, created: 5, rejected: 0 });

    const preview = await previewImport(ctxB, customersCsv, { kind: 'customers', defaultCountry: 'GB' });
    for (const row of preview.rows) {
      const input = customerInput(row.record!);
      // As an import writes them (ctx.batchId): no "customer since" or consent time the file did not give.
      await createCustomers({ ...ctxB, batchId: 'bat_direct' }, [{ ...input, sources: [{ source: 'crm', source_id: String(row.record!.source_id) }] }]);
    }

    const bySource = async (db: TestDatabase) => {
      const links = await db.database.db.selectFrom('external_ids').select(['source_id', 'entity_id']).where('entity', '=', 'customers').execute();
      return new Map(links.map((l) => [l.source_id as string, l.entity_id as string]));
    };
    const a = await bySource(imported);
    const b = await bySource(direct);
    expect([...a.keys()].sort()).toEqual(['C1', 'C2', 'C3', 'C4', 'C5']);
    const keysOf = async (db: TestDatabase, id: string) =>
      (await db.database.db.selectFrom('customer_keys').select(['kind', 'value']).where('customer_id', '=', id).orderBy('kind').orderBy('value').execute()).map((k) => `${k.kind}:${k.value}`);
    const searchText = async (db: TestDatabase, id: string) => (await db.database.db.selectFrom('customers').select('search_text').where('id', '=', id).executeTakeFirstOrThrow()).search_text;

    for (const [sourceId, id] of a) {
      const mine = await getCustomer(ctxA, id);
      const theirs = await getCustomer(ctxB, b.get(sourceId)!);
      expect(withoutIdentity(mine), sourceId).toEqual(withoutIdentity(theirs));
      expect(await keysOf(imported, id)).toEqual(await keysOf(direct, b.get(sourceId)!));
      expect(await searchText(imported, id)).toBe(await searchText(direct, b.get(sourceId)!));
      const [created] = await listAudit(imported.database.db, { entityId: id, limit: 5 });
      expect(created).toMatchObject({ action: 'create', batch_id: batch.id });
      expect(created.after).toEqual(withoutEmptyFields(mine));
    }
    // The phone is stored as typed, with the E.164 form cleaning found for it.
    expect((await getCustomer(ctxA, a.get('C1')!)).phones).toEqual([{ raw: '020 7946 0001', e164: '+442079460001' }]);
  });

  it('finds imported customers by full-text search', async () => {
    for (const q of ['lovelace', 'katherine', 'ritchie', '442079460001']) {
      const page = await listCustomers(ctxA, { q });
      expect(
        page.data.map((c) => c.last_name),
        q,
      ).toEqual((await listCustomers(ctxB, { q })).data.map((c) => c.last_name));
      expect(page.data.length, q).toBeGreaterThan(0);
    }
    if (engine === 'sqlite') await sql`INSERT INTO customers_fts (customers_fts, rank) VALUES ('integrity-check', 1)`.execute(imported.database.db);
  });

  it('stores orders, lines, audit entries and customer figures as the order service does', async () => {
    const customerIds = async (ctx: Ctx) => (await listCustomers(ctx, { sort: 'last_name', limit: 10 })).data.map((c) => c.id as string);
    const [pen] = await products.create(ctxA, [{ sku: 'PEN', name: 'Pen', price: 3 }]);
    const [penB] = await products.create(ctxB, [{ sku: 'PEN', name: 'Pen', price: 3 }]);
    const inputs = (customers: string[], pen: string) => [
      {
        customer_id: customers[0],
        ordered_at: '2026-01-05',
        status: 'paid',
        lines: [
          { product_id: pen, sku: 'PEN', quantity: 2, unit_price: 3 },
          { product_name: 'Gift wrap', quantity: 1, unit_price: 1.5 },
        ],
      },
      { customer_id: customers[1], ordered_at: '2026-02-10T10:00:00Z', status: 'refunded', currency: 'eur', total: 20 },
      { customer_id: customers[0], ordered_at: '2026-03-01', status: 'paid', lines: [{ product_id: pen, quantity: 1, unit_price: 2.5 }] },
    ];
    const a = await customerIds(ctxA);
    const b = await customerIds(ctxB);
    const ids = await inTransaction({ ...ctxA, batchId: 'bat_test' }, (trx) =>
      createOrdersBulk(
        { trx, ctx: { ...ctxA, batchId: 'bat_test' }, source: 'shop', changes: changeLog('bat_test'), counts: emptyCounts(), insert: bulkInserter(imported.database), mergeByEmail: true, reject() {} },
        inputs(a, pen.id as string).map((input, i) => ({ input, sourceId: `O${i}` })),
        new Map([[pen.id as string, { id: pen.id as string, sku: 'PEN', name: 'Pen' }]]),
      ),
    );
    const theirs = await inTransaction({ ...ctxB, batchId: 'bat_test' }, (trx) => createOrdersIn(trx, { ...ctxB, batchId: 'bat_test' }, inputs(b, penB.id as string)));
    expect(ids).toHaveLength(3);
    const lineFields = (o: ApiRecord) => (o.lines as ApiRecord[]).map(({ id: _id, product_id, ...l }) => ({ ...l, product: product_id ? 'PEN' : null }));
    for (const [i, id] of ids.entries()) {
      const mine = await orders.get(ctxA, id);
      const other = theirs[i];
      const { id: _a, customer_id: _c, created_at: _ca, updated_at: _ua, lines: _l, ...order } = mine;
      const { id: _b, customer_id: _d, created_at: _cb, updated_at: _ub, lines: _m, ...otherOrder } = other;
      expect(order).toEqual(otherOrder);
      expect(lineFields(mine)).toEqual(lineFields(other));
      const [audit] = await listAudit(imported.database.db, { entityId: id, limit: 5 });
      const { lines: _n, ...stored } = mine;
      expect(audit).toMatchObject({ action: 'create', batch_id: 'bat_test', after: withoutEmptyFields(stored) });
    }
    const links = await imported.database.db.selectFrom('external_ids').select(['source_id']).where('entity', '=', 'orders').orderBy('source_id').execute();
    expect(links.map((l) => l.source_id)).toEqual(['O0', 'O1', 'O2']);
    const figures = (c: ApiRecord) => ({
      order_count: c.order_count,
      revenue: c.revenue,
      first_order_at: c.first_order_at,
      last_order_at: c.last_order_at,
      average_order_value: c.average_order_value,
      purchase_frequency: c.purchase_frequency,
    });
    for (const i of [0, 1]) expect(figures(await getCustomer(ctxA, a[i]))).toEqual(figures(await getCustomer(ctxB, b[i])));
    expect(figures(await getCustomer(ctxA, a[0]))).toMatchObject({ order_count: 2, revenue: 10 });
  });
});
