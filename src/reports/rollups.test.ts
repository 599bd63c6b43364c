import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../core/context.js';
import { newId } from '../core/ids.js';
import { runImport } from '../imports/importer.js';
import { undoImport } from '../imports/undo.js';
import { refreshOrderFigures } from '../sales/figures.js';
import { engines } from '../test/engines.js';
import { testApi, type TestApi } from '../test/api-client.js';
import { campaignReportFromBase, cohortReportFromBase, customersReportFromBase, revenueBreakdownFromBase, revenueReportFromBase } from './base-reports.js';
import { rollupTables } from './contributions.js';
import { resolveRange } from './range.js';
import { breakdownInBusinessCurrency, periodsInBusinessCurrency } from './currencies.js';
import { rangeFigures } from './rollup-reports.js';
import { rebuildReportRollups } from './rollups.js';
import { campaignReport, cohortReport, customersReport, dashboardReport, revenueBreakdown, revenueReport } from './service.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-rollups-'));
const file = (name: string, text: string) => {
  const p = path.join(dir, name);
  fs.writeFileSync(p, text);
  return p;
};
const customersCsv = file('customers.csv', 'customer_id,name,email\nI1,Imported One,i1@example.com\nI2,Imported Two,i2@example.com\n');
const ordersCsv = file('orders.csv', 'order_id,customer_id,date,amount\nIO1,I1,2025-02-11,40.00\nIO2,I1,2025-04-02,15.50\nIO3,I2,2025-02-28,99.99\n');
const touchesCsv = file('touches.csv', 'customer_id,campaign,channel,date,opened,clicked\nI1,Spring sale,email,2025-03-01,yes,no\nI2,Spring sale,sms,2025-03-02,no,no\n');

/** Ranges that are whole months, start or end inside a month, or reach outside the data. */
const ranges = [
  { from: '2025-01-01', to: '2025-06-30' },
  { from: '2025-01-15', to: '2025-05-10' },
  { from: '2024-12-20', to: '2025-03-03' },
  { from: '2025-03-01', to: '2025-03-31' },
  { from: '2025-02-14', to: '2025-02-14' },
];

const byKey = <T extends Record<string, unknown>>(rows: T[], key: string) => [...rows].sort((a, b) => String(a[key]).localeCompare(String(b[key])));

describe.each(engines)('report rollups on %s', (engine) => {
  let api: TestApi;
  let ctx: Ctx;
  const customer = async (first_name: string) =>
    (await api.request('POST', '/api/customers', { first_name, last_name: 'Rollup', email: `${first_name.toLowerCase()}@rollup.example` })).body.id as string;
  const order = async (customer_id: string, ordered_at: string, total: number, status = 'paid') => {
    const res = await api.request('POST', '/api/orders', { customer_id, ordered_at, total, status, currency: 'EUR' });
    expect(res.status).toBe(201);
    return res.body.id as string;
  };
  const touch = async (customer_id: string | null, occurred_at: string, campaign: string, channel: string, order_id: string | null, converted = false) => {
    const res = await api.request('POST', '/api/interactions', {
      type: 'campaign',
      direction: 'out',
      customer_id,
      occurred_at,
      campaign,
      channel,
      opened: true,
      clicked: converted,
      converted,
      order_id,
    });
    expect(res.status).toBe(201);
  };

  /** Rollup-based reports equal the base-table reports, and the rollups equal a full rebuild. */
  async function expectExact() {
    for (const range of ranges) {
      const p = { ...range, bucket: 'month' as const };
      expect(await rangeFigures(api.db.database.db, resolveRange(p))).not.toBeNull();
      // Both sides leave orders in other currencies out the same way (currencies.ts).
      const inCurrency = async <T extends { period: string; revenue: number; orders: number }>(data: T[]) => (await periodsInBusinessCurrency(ctx, resolveRange(p), data)).data;
      expect((await revenueReport(ctx, p)).data).toEqual(await inCurrency((await revenueReportFromBase(ctx, p)).data));
      expect((await customersReport(ctx, p)).data).toEqual((await customersReportFromBase(ctx, p)).data);
      expect((await cohortReport(ctx, p)).data).toEqual((await cohortReportFromBase(ctx, p)).data);
      const segmentsFromBase = (await revenueBreakdownFromBase(ctx, 'segment', p)).data;
      expect(byKey((await revenueBreakdown(ctx, 'segment', p)).data, 'key')).toEqual(byKey((await breakdownInBusinessCurrency(ctx, resolveRange(p), 'segment_id', segmentsFromBase)).data, 'key'));
      for (const by of ['campaign', 'channel'] as const) {
        expect(byKey((await campaignReport(ctx, by, p)).data, by)).toEqual(byKey((await campaignReportFromBase(ctx, by, p)).data, by));
      }
      const buyers = await api.db.database.db
        .selectFrom('orders')
        .select((eb) => eb.fn.count('customer_id').distinct().as('n'))
        .where('status', 'in', ['pending', 'paid', 'fulfilled'])
        .where('ordered_at', '>=', range.from)
        .where('ordered_at', '<', resolveRange(range).toExclusive)
        .executeTakeFirstOrThrow();
      expect((await dashboardReport(ctx, p)).kpis.active_customers).toBe(Number(buyers.n));
      // Day and week buckets take buyers and segments from the month figures too.
      const segmentsInCurrency = (await breakdownInBusinessCurrency(ctx, resolveRange(p), 'segment_id', segmentsFromBase)).data;
      for (const bucket of ['day', 'week'] as const) {
        const dash = await dashboardReport(ctx, { ...range, bucket });
        expect(dash.kpis.active_customers).toBe(Number(buyers.n));
        expect(byKey(dash.revenue_by_segment, 'key')).toEqual(byKey(segmentsInCurrency, 'key'));
      }
    }
    const stages = await api.db.database.db
      .selectFrom('customers')
      .select(['stage', (eb) => eb.fn.countAll().as('n')])
      .groupBy('stage')
      .execute();
    const expected: Record<string, number> = { lead: 0, active: 0, inactive: 0, churned: 0, unscored: 0 };
    for (const s of stages) expected[(s.stage as string | null) ?? 'unscored'] = Number(s.n);
    expect((await dashboardReport(ctx, ranges[0])).customers_by_stage).toEqual(expected);
    const snapshot = async () => {
      const out: Record<string, unknown[]> = {};
      for (const table of ['report_customer_months', 'report_customer_campaigns', 'report_campaign_links', 'report_stages', ...rollupTables]) {
        const rows = await api.db.database.db.selectFrom(table).selectAll().execute();
        // Stage counts that came back to zero stay as rows; a rebuild leaves them out.
        out[table] = rows
          .filter((r) => table !== 'report_stages' || Number(r.customers) !== 0)
          .map((r) => JSON.stringify(Object.entries(r).map(([k, v]) => [k, typeof v === 'string' && /^-?\d+$/.test(v) ? Number(v) : v])))
          .sort();
      }
      return out;
    };
    const maintained = await snapshot();
    await rebuildReportRollups(api.db.database.db);
    expect(await snapshot()).toEqual(maintained);
  }

  beforeAll(async () => {
    api = await testApi(engine);
    ctx = { database: api.db.database, actor: 'test' };
  });
  afterAll(async () => api?.close());

  it('stays exact through order, interaction, merge, import, erase and delete writes', async () => {
    const [ann, bob, cat, dan] = [await customer('Ann'), await customer('Bob'), await customer('Cat'), await customer('Dan')];
    const a1 = await order(ann, '2025-01-05T10:00:00.000Z', 100);
    await order(ann, '2025-01-20T10:00:00.000Z', 50.25);
    const a3 = await order(ann, '2025-03-10T10:00:00.000Z', 30);
    const b1 = await order(bob, '2025-01-14T23:59:59.000Z', 200);
    const b2 = await order(bob, '2025-02-14T10:00:00.000Z', 70);
    await order(bob, '2025-02-03T10:00:00.000Z', 20, 'cancelled');
    const c1 = await order(cat, '2025-02-01T00:00:00.000Z', 10.1);
    await order(cat, '2025-05-11T08:00:00.000Z', 12);
    await order(dan, '2024-12-31T12:00:00.000Z', 5);
    await order(dan, '2025-03-03T12:00:00.000Z', 7.77, 'pending');
    await touch(ann, '2025-03-01T09:00:00.000Z', 'Spring', 'email', a3, true);
    await touch(bob, '2025-03-01T09:00:00.000Z', 'Spring', 'email', null);
    await touch(cat, '2025-01-30T09:00:00.000Z', 'Winter', 'sms', c1, true);
    await touch(dan, '2025-01-16T09:00:00.000Z', 'Winter', 'sms', b1, true);
    await touch(null, '2025-02-20T09:00:00.000Z', 'Winter', 'post', null);
    await expectExact();

    // Status, date, amount and owner changes, and a deleted order.
    expect((await api.request('PATCH', `/api/orders/${b2}`, { status: 'cancelled' })).status).toBe(200);
    expect((await api.request('PATCH', `/api/orders/${a1}`, { ordered_at: '2025-04-01T00:00:00.000Z', total: 101 })).status).toBe(200);
    expect((await api.request('PATCH', `/api/orders/${c1}`, { customer_id: dan })).status).toBe(200);
    expect((await api.request('DELETE', `/api/orders/${a3}`)).status).toBe(204);
    await expectExact();

    // A new segmentation moves customers between segments without touching orders.
    const db = api.db.database.db;
    const now = new Date().toISOString();
    const segmentation = newId('job').replace(/^job_/, 'sgm_');
    await db
      .insertInto('segmentations')
      .values({ id: segmentation, features: '[]', k: 2, standardize: engine === 'postgres' ? true : 1, seed: 1, result: '{}', created_at: now })
      .execute();
    const segs = ['seg_rollup_a', 'seg_rollup_b'];
    await db
      .insertInto('segments')
      .values(segs.map((id, i) => ({ id, kind: 'kmeans', segmentation_id: segmentation, position: i + 1, name: `Group ${i + 1}`, created_at: now, updated_at: now })))
      .execute();
    await db.updateTable('customers').set({ segment_id: segs[0] }).where('id', 'in', [ann, bob]).execute();
    await db.updateTable('customers').set({ segment_id: segs[1] }).where('id', '=', dan).execute();
    await db.updateTable('customers').set({ stage: 'active' }).where('id', 'in', [ann, bob, dan]).execute();
    await db.updateTable('customers').set({ stage: 'churned' }).where('id', '=', bob).execute();
    await expectExact();

    // Merge and undo the merge.
    const merged = await api.request('POST', '/api/customers/merge', { winner_id: ann, loser_ids: [cat] });
    expect(merged.status).toBe(200);
    await expectExact();
    expect((await api.request('POST', `/api/merges/${merged.body.merge_id}/undo`)).status).toBe(204);
    await expectExact();
    expect((await api.request('POST', '/api/customers/merge', { winner_id: dan, loser_ids: [bob] })).status).toBe(200);
    await expectExact();

    // An import of customers, orders and campaign touches, then its undo.
    await runImport(ctx, customersCsv, { kind: 'customers', source: 'shop' });
    const sales = await runImport(ctx, ordersCsv, { kind: 'orders', source: 'shop' });
    const touches = await runImport(ctx, touchesCsv, { kind: 'interactions', source: 'shop' });
    expect(sales.counts).toMatchObject({ created: 3 });
    await expectExact();
    await undoImport(ctx, touches.id);
    await undoImport(ctx, sales.id);
    await expectExact();

    // Erase keeps the orders; delete removes the customer with its orders and touches.
    expect((await api.request('DELETE', `/api/customers/${ann}?erase=true`)).status).toBe(204);
    await expectExact();
    expect((await api.request('DELETE', `/api/customers/${dan}`)).status).toBe(204);
    await expectExact();

    // A write that rolls back leaves no trace in the rollups.
    const before = await revenueReport(ctx, ranges[0]);
    await expect(
      db.transaction().execute(async (trx) => {
        await trx
          .insertInto('orders')
          .values({ id: newId('order'), customer_id: cat, ordered_at: '2025-02-02T00:00:00.000Z', status: 'paid', currency: 'EUR', total: 999, created_at: now, updated_at: now })
          .execute();
        await refreshOrderFigures(trx, [cat]);
        throw new Error('abandoned');
      }),
    ).rejects.toThrow('abandoned');
    expect(await revenueReport(ctx, ranges[0])).toEqual(before);
    await expectExact();

    // Reports asked for at once share a range's figures while they are made, and only that range's.
    const alone = [];
    for (const range of ranges) alone.push([await dashboardReport(ctx, range), await cohortReport(ctx, range)]);
    const atOnce = await Promise.all(ranges.map((range) => Promise.all([dashboardReport(ctx, range), cohortReport(ctx, range)])));
    expect(atOnce).toEqual(alone);
    expect(new Set(alone.map((r) => JSON.stringify(r))).size).toBe(ranges.length);
  }, 120_000);
});
