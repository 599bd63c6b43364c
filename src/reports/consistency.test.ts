/**
 * One story in the numbers: every figure the dashboard and the Segments page show, on a demo dataset,
 * equals the same figure computed here from the base tables (orders and customers) in plain JS, not
 * from the rollups or any code the reports use. The dashboard and the Segments page ask for the same
 * period (the dashboard's default, "Last 12 months"), so their revenue shares must agree.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayIn } from '../settings/business.js';
import { testApi, type TestApi } from '../test/api-client.js';
import { engines } from '../test/engines.js';

interface Order {
  customer_id: string;
  ordered_at: string;
  status: string;
  currency: string;
  total: number;
}
interface Customer {
  id: string;
  stage: string | null;
  segment_id: string | null;
  rfm_segment: string | null;
}

const counted = new Set(['pending', 'paid', 'fulfilled']);
const cents = (n: number) => Math.round(n * 100);
const share = (part: number, whole: number) => (whole ? part / whole : null);

describe.each(engines)('dashboard and Segments figures against the base tables on %s', (engine) => {
  let api: TestApi;
  let orders: Order[];
  let customers: Customer[];
  let from: string;
  let to: string;
  beforeAll(async () => {
    api = await testApi(engine);
    const demo = await api.request('POST', '/api/demo');
    const loaded = await api.waitForJob(demo.body.id);
    expect(loaded.status).toBe('done');
    expect((await api.waitForJob(loaded.result.insight_run_job)).status).toBe('done');
    expect((await api.request('POST', '/api/segmentations', { features: ['recency', 'purchase_frequency', 'monetary'], k: 4 })).status).toBe(201);
    // A few orders in another currency, which the amounts must leave out.
    const some = (await api.request('GET', '/api/customers?limit=3&fields=id')).body.data as { id: string }[];
    for (const c of some)
      expect((await api.request('POST', '/api/orders', { customer_id: c.id, ordered_at: new Date(Date.now() - 5 * 864e5).toISOString(), total: 99.99, currency: 'GBP' })).status).toBe(201);
    const { db } = api.db.database;
    orders = (await db.selectFrom('orders').select(['customer_id', 'ordered_at', 'status', 'currency', 'total']).execute()).map((o) => ({ ...(o as Order), total: Number(o.total) }));
    customers = (await db.selectFrom('customers').select(['id', 'stage', 'segment_id', 'rfm_segment']).execute()) as Customer[];
    // The dashboard's default period, as the web app computes it: the first of the month 11 months ago to today.
    to = todayIn('UTC');
    const d = new Date(`${to.slice(0, 7)}-01T00:00:00Z`);
    d.setUTCMonth(d.getUTCMonth() - 11);
    from = d.toISOString().slice(0, 10);
  }, 300_000);
  afterAll(async () => api?.close());

  const inRange = (o: Order) => o.ordered_at.slice(0, 10) >= from && o.ordered_at.slice(0, 10) <= to && counted.has(o.status);

  it('uses the same default period as the web app and shows the business currency', async () => {
    const dash = (await api.request('GET', '/api/reports/dashboard?fresh=true')).body;
    expect([dash.from, dash.to]).toEqual([from, to]);
    const currencies = new Map<string, number>();
    for (const o of orders) currencies.set(o.currency, (currencies.get(o.currency) ?? 0) + 1);
    const prevailing = [...currencies].sort((a, b) => b[1] - a[1])[0][0];
    expect(dash.currency).toBe(prevailing);
    const other = orders.filter((o) => inRange(o) && o.currency !== prevailing);
    expect(dash.other_currencies).toEqual(other.length ? [{ currency: 'GBP', orders: other.length, revenue: cents(other.reduce((s, o) => s + o.total, 0)) / 100 }] : []);
  });

  it('shows key numbers, revenue per month and customers by stage as the base tables give them', async () => {
    const dash = (await api.request('GET', `/api/reports/dashboard?from=${from}&to=${to}&fresh=true`)).body;
    const inCurrency = orders.filter((o) => inRange(o) && o.currency === dash.currency);
    const revenueCents = inCurrency.reduce((s, o) => s + cents(o.total), 0);
    expect(dash.kpis.revenue).toBe(revenueCents / 100);
    expect(dash.kpis.orders).toBe(inCurrency.length);
    expect(dash.kpis.average_order_value).toBe(Math.round(revenueCents / inCurrency.length) / 100);
    expect(dash.kpis.active_customers).toBe(new Set(orders.filter(inRange).map((o) => o.customer_id)).size);
    const firstOrder = new Map<string, string>();
    for (const o of orders) if (counted.has(o.status) && (!firstOrder.has(o.customer_id) || o.ordered_at < firstOrder.get(o.customer_id)!)) firstOrder.set(o.customer_id, o.ordered_at);
    expect(dash.kpis.new_customers).toBe([...firstOrder.values()].filter((at) => at.slice(0, 10) >= from && at.slice(0, 10) <= to).length);
    expect(dash.kpis.customers).toBe(customers.length);
    const byMonth = new Map<string, { cents: number; orders: number }>();
    for (const o of inCurrency) {
      const m = byMonth.get(o.ordered_at.slice(0, 7)) ?? { cents: 0, orders: 0 };
      m.cents += cents(o.total);
      m.orders++;
      byMonth.set(o.ordered_at.slice(0, 7), m);
    }
    expect(dash.revenue).toHaveLength(12);
    for (const p of dash.revenue) expect([p.period, p.revenue, p.orders]).toEqual([p.period, (byMonth.get(p.period)?.cents ?? 0) / 100, byMonth.get(p.period)?.orders ?? 0]);
    const stages: Record<string, number> = { lead: 0, active: 0, inactive: 0, churned: 0, unscored: 0 };
    for (const c of customers) stages[c.stage ?? 'unscored']++;
    expect(dash.customers_by_stage).toEqual(stages);
  });

  it('gives each segment the same revenue and share on the dashboard and the Segments page, equal to the base tables', async () => {
    const dash = (await api.request('GET', `/api/reports/dashboard?from=${from}&to=${to}&fresh=true`)).body;
    const page = (await api.request('GET', `/api/reports/revenue-by/segment?from=${from}&to=${to}&fresh=true`)).body;
    const segmentOf = new Map(customers.map((c) => [c.id, c.segment_id]));
    const expected = new Map<string | null, number>();
    for (const o of orders.filter((o) => inRange(o) && o.currency === dash.currency))
      expected.set(segmentOf.get(o.customer_id) ?? null, (expected.get(segmentOf.get(o.customer_id) ?? null) ?? 0) + cents(o.total));
    const total = [...expected.values()].reduce((s, n) => s + n, 0);
    for (const rows of [dash.revenue_by_segment, page.data] as { key: string | null; revenue: number }[][]) {
      expect(Object.fromEntries(rows.filter((r) => r.revenue !== 0).map((r) => [r.key ?? 'none', r.revenue]))).toEqual(
        Object.fromEntries([...expected].filter(([, c]) => c !== 0).map(([k, c]) => [k ?? 'none', c / 100])),
      );
      const sum = rows.reduce((s, r) => s + r.revenue, 0);
      for (const r of rows) expect(share(r.revenue, sum)).toBeCloseTo(share(expected.get(r.key) ?? 0, total)!, 9);
    }
    // Segment sizes on the Segments page are the customers in each segment.
    const segments = (await api.request('GET', '/api/segments')).body.data as { id: string; kind: string; size: number }[];
    for (const s of segments.filter((s) => s.kind === 'model')) expect(s.size).toBe(customers.filter((c) => c.segment_id === s.id).length);
  });

  it('gives the RFM table on the Segments page the revenue of each RFM segment in the period', async () => {
    const page = (await api.request('GET', `/api/reports/revenue-by/rfm_segment?from=${from}&to=${to}&fresh=true`)).body;
    const rfmOf = new Map(customers.map((c) => [c.id, c.rfm_segment]));
    const expected = new Map<string, number>();
    for (const o of orders.filter((o) => inRange(o) && o.currency === page.currency))
      expected.set(rfmOf.get(o.customer_id) ?? 'none', (expected.get(rfmOf.get(o.customer_id) ?? 'none') ?? 0) + cents(o.total));
    expect(Object.fromEntries((page.data as { key: string | null; revenue: number }[]).filter((r) => r.revenue !== 0).map((r) => [r.key ?? 'none', r.revenue]))).toEqual(
      Object.fromEntries([...expected].filter(([, c]) => c !== 0).map(([k, c]) => [k, c / 100])),
    );
  });
});
