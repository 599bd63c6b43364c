import { afterEach, describe, expect, it } from 'vitest';
import { migrate, migrateTo } from '../core/migrations/index.js';
import { engines, freshDatabase, type TestDatabase } from '../test/engines.js';
import { rollupTables } from './contributions.js';
import { rebuildReportRollups, syncReportSegments } from './rollups.js';

const stored = ['report_customer_months', 'report_customer_campaigns', 'report_campaign_links', ...rollupTables, 'report_stages'];
const stamp = '2025-01-01T00:00:00.000Z';

async function snapshot(t: TestDatabase): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const table of stored)
    out[table] = (await t.database.db.selectFrom(table).selectAll().execute())
      .map((r) => JSON.stringify(Object.entries(r).map(([k, v]) => [k, Number.isFinite(Number(v)) && v !== '' && v !== null ? Number(v) : v])))
      .sort();
  return out;
}

describe.each(engines)('report rollups after an upgrade on %s', (engine) => {
  let t: TestDatabase | undefined;
  afterEach(async () => {
    await t?.drop();
    t = undefined;
  }, 60_000);

  it('a database that held orders before the rollup tables existed gets the rollups a fresh rebuild gives', async () => {
    t = await freshDatabase(engine, false);
    await migrateTo(t.database, '0003_imports');
    const db = t.database.db;
    const customer = (id: string, first: string) => ({ id, first_name: first, emails: '[]', phones: '[]', tags: '[]', search_text: first.toLowerCase(), created_at: stamp, updated_at: stamp });
    await db
      .insertInto('customers')
      .values([customer('cus_a', 'Ada'), customer('cus_b', 'Bea')])
      .execute();
    const order = (id: string, customer_id: string, ordered_at: string, status: string, total: number) => ({
      id,
      customer_id,
      ordered_at,
      status,
      currency: 'EUR',
      total,
      created_at: stamp,
      updated_at: stamp,
    });
    await db
      .insertInto('orders')
      .values([
        order('ord_1', 'cus_a', '2025-02-11T10:00:00.000Z', 'paid', 40),
        order('ord_2', 'cus_a', '2025-04-02T10:00:00.000Z', 'fulfilled', 15.5),
        order('ord_3', 'cus_b', '2025-02-28T10:00:00.000Z', 'paid', 99.99),
        order('ord_4', 'cus_b', '2025-03-01T10:00:00.000Z', 'cancelled', 500),
      ])
      .execute();
    // Bea's campaign touch led to Ada's first order: a link between two customers.
    const touch = (id: string, customer_id: string, order_id: string | null) => ({
      id,
      type: 'campaign',
      direction: 'out',
      occurred_at: '2025-02-01T09:00:00.000Z',
      customer_id,
      order_id,
      campaign: 'Spring',
      channel: 'email',
      opened: 1,
      clicked: 0,
      converted: order_id ? 1 : 0,
      created_at: stamp,
      updated_at: stamp,
    });
    await db
      .insertInto('interactions')
      .values([touch('int_1', 'cus_b', 'ord_1'), touch('int_2', 'cus_a', null)])
      .execute();

    await migrate(t.database);
    // Migration 0004 built nothing from live code: the rollups are marked as never built...
    expect(await db.selectFrom('report_rollup_state').selectAll().execute()).toEqual([]);
    // ...and the reports domain builds them the first time they are read.
    expect(await syncReportSegments(db)).toBe(true);
    const upgraded = await snapshot(t);
    const months = await db.selectFrom('report_customer_months').select(['customer_id', 'month', 'orders', 'revenue_cents']).orderBy('customer_id').orderBy('month').execute();
    expect(months.map((m) => [m.customer_id, m.month, Number(m.orders), Number(m.revenue_cents)])).toEqual([
      ['cus_a', '2025-02', 1, 4000],
      ['cus_a', '2025-04', 1, 1550],
      ['cus_b', '2025-02', 1, 9999],
    ]);
    const campaigns = await db.selectFrom('report_campaigns').select(['campaign', 'sent', 'converted', 'revenue_cents']).execute();
    expect(campaigns.map((c) => [c.campaign, Number(c.sent), Number(c.converted), Number(c.revenue_cents)])).toEqual([['Spring', 2, 1, 4000]]);

    await rebuildReportRollups(db);
    expect(await snapshot(t)).toEqual(upgraded);
  }, 180_000);

  it('a fresh database starts with empty rollups marked built, as a rebuild leaves them', async () => {
    t = await freshDatabase(engine);
    const db = t.database.db;
    expect((await db.selectFrom('report_rollup_state').select(['name', 'value']).execute()).map((r) => [r.name, r.value])).toEqual([['segmentation', '']]);
    const fresh = await snapshot(t);
    expect(Object.values(fresh).every((rows) => rows.length === 0)).toBe(true);
    expect(await syncReportSegments(db)).toBe(false);
    await rebuildReportRollups(db);
    expect(await snapshot(t)).toEqual(fresh);
  }, 180_000);
});
