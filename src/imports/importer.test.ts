import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../test/engines.js';
import { testApi, type TestApi } from '../test/api-client.js';
import type { Ctx } from '../core/context.js';
import { previewImport, runImport } from './importer.js';
import { undoImport } from './undo.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-import-'));
const file = (name: string, text: string) => {
  const p = path.join(dir, name);
  fs.writeFileSync(p, text);
  return p;
};

// The classic three-file case: customers, their sales and their marketing touches, linked by customer_id.
const customersCsv = file(
  'customers.csv',
  `customer_id,name,email,age,income,city,phone
C1,Ada Lovelace,ada@example.com,36,"$120,000",London,+44 20 7946 0001
C2,GRACE HOPPER,Grace@Example.com,45,98000,Arlington,+1 703 555 0100
C3,Alan Turing,not-an-email,41,87000,Manchester,
C4,Katherine Johnson,katherine@example.com,50,"75,500.50",Hampton,
`,
);
const salesCsv = file(
  'sales.csv',
  `order_id,customer_id,date,amount,product
O1,C1,2026-01-05,120.00,Notebook
O2,C1,2026-02-10,80.00,Pen set
O3,C2,2026-01-20,250.00,Notebook
O4,C9,2026-01-21,10.00,Pen set
O5,C4,05/03/2026,45.50,Pen set
`,
);
const marketingCsv = file(
  'marketing_activities.csv',
  `customer_id,campaign,channel,date,opened,clicked
C1,Spring sale,email,2026-03-01,yes,no
C2,Spring sale,email,2026-03-01,yes,yes
C4,Spring sale,sms,2026-03-02,no,no
`,
);

describe.each(engines)('importing files on %s', (engine) => {
  let api: TestApi;
  let ctx: Ctx;
  beforeAll(async () => {
    api = await testApi(engine);
    ctx = { database: api.db.database, actor: 'cli' };
  });
  afterAll(async () => api?.close());

  it('previews the mapping and the first rows without writing', async () => {
    const preview = await previewImport(ctx, customersCsv, { kind: 'customers' });
    expect(preview.mapping).toMatchObject({ customer_id: 'source_id', name: 'full_name', email: 'emails', age: 'age', income: 'income', city: 'city', phone: 'phones' });
    expect(preview.rows_read).toBe(4);
    expect(preview.rejected).toBe(1);
    expect(preview.rows[1].record).toMatchObject({ first_name: 'Grace', last_name: 'Hopper', email: 'grace@example.com' });
    expect(preview.rows[2].errors[0]).toMatchObject({ row: 4, column: 'email' });
    expect((await api.request('GET', '/api/customers')).body.data).toHaveLength(0);
  });

  it('links three files into one customer view, rejects bad rows with reasons, and changes nothing on a second run', async () => {
    const first = await runImport(ctx, customersCsv, { kind: 'customers', source: 'shop' });
    expect(first.status).toBe('done');
    expect(first.counts).toMatchObject({ rows: 4, created: 3, rejected: 1 });
    const sales = await runImport(ctx, salesCsv, { kind: 'orders', source: 'shop', dateOrder: 'DMY' });
    // O4's customer C9 is in no customer file: the order creates that customer from its id.
    expect(sales.counts).toMatchObject({ rows: 5, created: 5, rejected: 0, customers_created: 1 });
    const touches = await runImport(ctx, marketingCsv, { kind: 'interactions', source: 'shop' });
    expect(touches.counts).toMatchObject({ rows: 3, created: 3, rejected: 0 });

    const ada = (await api.request('GET', '/api/customers?email=ada@example.com')).body.data[0];
    expect(ada).toMatchObject({ first_name: 'Ada', last_name: 'Lovelace', age: 36, income: 120000, order_count: 2, revenue: 200, last_order_at: '2026-02-10T00:00:00.000Z', phone: '+442079460001' });
    expect(ada.sources).toEqual([{ source: 'shop', source_id: 'C1' }]);
    expect(ada.purchase_frequency).toBeGreaterThan(0);
    const katherine = (await api.request('GET', '/api/customers?email=katherine@example.com')).body.data[0];
    expect(katherine.last_order_at).toBe('2026-03-05T00:00:00.000Z');
    expect(katherine.income).toBe(75500.5);
    const timeline = (await api.request('GET', `/api/customers/${ada.id}/timeline`)).body.data;
    expect(timeline.map((t: { kind: string }) => t.kind).sort()).toEqual(['interaction', 'order', 'order']);
    const touch = timeline.find((t: { kind: string }) => t.kind === 'interaction').record;
    expect(touch).toMatchObject({ type: 'campaign', campaign: 'Spring sale', channel: 'email', opened: true, clicked: false });
    const products = (await api.request('GET', '/api/products?sort=name')).body.data.map((p: { name: string }) => p.name);
    expect(products).toEqual(['Notebook', 'Pen set']);

    const report = await api.request('GET', `/api/imports/${first.id}/errors.csv`);
    expect(report.status).toBe(200);
    expect(report.body).toContain('"not-an-email"" is not a valid email address');

    const again = [
      await runImport(ctx, customersCsv, { kind: 'customers', source: 'shop' }),
      await runImport(ctx, salesCsv, { kind: 'orders', source: 'shop', dateOrder: 'DMY' }),
      await runImport(ctx, marketingCsv, { kind: 'interactions', source: 'shop' }),
    ];
    for (const b of again) expect(b.counts).toMatchObject({ created: 0, updated: 0, merged: 0 });
    expect((await api.request('GET', '/api/customers')).body.data).toHaveLength(4);
    expect((await api.request('GET', '/api/orders')).body.data).toHaveLength(5);
    expect((await api.request('GET', '/api/interactions')).body.data).toHaveLength(3);
  });

  it('updates changed rows in place and undoes a batch exactly', async () => {
    const changed = file(`customers-changed-${engine}.csv`, `customer_id,name,email,city\nC1,Ada Lovelace,ada@example.com,Cambridge\nC5,Mary Somerville,mary@example.com,Oxford\n`);
    const batch = await runImport(ctx, changed, { kind: 'customers', source: 'shop' });
    expect(batch.counts).toMatchObject({ created: 1, updated: 1 });
    expect((await api.request('GET', '/api/customers?email=ada@example.com')).body.data[0].city).toBe('Cambridge');
    const undone = await undoImport(ctx, batch.id);
    expect(undone.status).toBe('undone');
    expect((await api.request('GET', '/api/customers?email=ada@example.com')).body.data[0].city).toBe('London');
    expect((await api.request('GET', '/api/customers?email=mary@example.com')).body.data).toHaveLength(0);
    await expect(undoImport(ctx, batch.id)).rejects.toThrow(/already undone/);
  });

  it('without merging, gives an address one primary holder when a known record and a new one of the file both bring it', async () => {
    // A known customer (by its id in the file) gains an address that a new row of the same chunk also
    // has, in either order: one of them makes it primary, the other keeps it in its list for review.
    const first = await runImport(ctx, file(`known-${engine}.csv`, `customer_id,name,email\nK1,Known One,\nK2,Known Two,\n`), { kind: 'customers', source: 'crm', merge: 'off' });
    expect(first.counts).toMatchObject({ created: 2 });
    for (const [known, rows] of [
      ['K1', `customer_id,name,email\nK1,Known One,shared1@example.com\nN1,New One,shared1@example.com\n`],
      ['K2', `customer_id,name,email\nN2,New Two,shared2@example.com\nK2,Known Two,shared2@example.com\n`],
    ] as const) {
      const batch = await runImport(ctx, file(`shared-${known}-${engine}.csv`, rows), { kind: 'customers', source: 'crm', merge: 'off' });
      expect(batch.status, batch.error ?? '').toBe('done');
      expect(batch.counts).toMatchObject({ created: 1, updated: 1, rejected: 0 });
      const address = `shared${known.slice(1)}@example.com`;
      const holders = await api.db.database.db.selectFrom('customers').select(['first_name', 'email', 'emails']).where('emails', 'like', `%${address}%`).orderBy('first_name').execute();
      expect(holders).toHaveLength(2);
      // The known customer keeps being the one its id names, and holds the address as primary.
      expect(holders.map((h) => [h.first_name, h.email])).toEqual([
        ['Known', address],
        ['New', null],
      ]);
      for (const h of holders) expect(JSON.parse(h.emails as string)).toEqual([address]);
    }
  });

  it('without merging, leaves a known primary address to its holder when a new record gets it from a later row of its own', async () => {
    // One new record given twice under its id: first without an address, then with one that a known
    // customer holds as primary. The record keeps it in its list, not as primary, and the import goes through.
    await runImport(ctx, file(`holder-${engine}.csv`, `customer_id,name,email\nH1,Holder One,held@example.com\n`), { kind: 'customers', source: 'crm', merge: 'off' });
    const batch = await runImport(ctx, file(`twice-${engine}.csv`, `customer_id,name,email\nT1,Twice Given,\nT1,Twice Given,held@example.com\n`), { kind: 'customers', source: 'crm', merge: 'off' });
    expect(batch.status, batch.error ?? '').toBe('done');
    expect(batch.counts).toMatchObject({ created: 1, rejected: 0 });
    const holders = await api.db.database.db.selectFrom('customers').select(['first_name', 'email', 'emails']).where('emails', 'like', '%held@example.com%').orderBy('first_name').execute();
    expect(holders.map((h) => [h.first_name, h.email, JSON.parse(h.emails as string)])).toEqual([
      ['Holder', 'held@example.com', ['held@example.com']],
      ['Twice', null, ['held@example.com']],
    ]);
  });

  it('writes nothing in strict mode when a row is bad', async () => {
    const strict = file(`strict-${engine}.csv`, `name,email\nNew Person,new@example.com\nBad Person,bad@\n`);
    const batch = await runImport(ctx, strict, { kind: 'customers', strict: true });
    expect(batch.status).toBe('rejected');
    expect(batch.counts.rejected).toBe(1);
    expect((await api.request('GET', '/api/customers?email=new@example.com')).body.data).toHaveLength(0);
  });
});
