import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../core/ids.js';
import { refreshOrderFigures } from '../sales/figures.js';
import { engines } from '../test/engines.js';
import { testApi, type TestApi } from '../test/api-client.js';
import { batchInsert } from '../insights/db.js';
import { seedCustomers, seedOrders } from '../insights/fixtures.js';

describe.each(engines)('reports API on %s', (engine) => {
  let api: TestApi;
  let ids: string[];
  beforeAll(async () => {
    api = await testApi(engine);
    const database = api.db.database;
    ids = await seedCustomers(database, [
      { first_name: 'One', source: 'referral' },
      { first_name: 'Two', source: 'website' },
      { first_name: 'Three', source: 'website' },
    ]);
    const [c1, c2, c3] = ids;
    const orders = await seedOrders(database, [
      { customer_id: c1, ordered_at: '2025-01-05T10:00:00Z', total: 100 },
      { customer_id: c1, ordered_at: '2025-01-06T10:00:00Z', total: 50 },
      { customer_id: c1, ordered_at: '2025-03-10T10:00:00Z', total: 30 },
      { customer_id: c2, ordered_at: '2025-01-20T10:00:00Z', total: 200 },
      { customer_id: c2, ordered_at: '2025-02-03T10:00:00Z', total: 20, status: 'cancelled' },
      { customer_id: c2, ordered_at: '2025-02-14T10:00:00Z', total: 70 },
      { customer_id: c3, ordered_at: '2025-02-01T10:00:00Z', total: 10 },
    ]);
    const yes = engine === 'postgres' ? true : 1;
    const no = engine === 'postgres' ? false : 0;
    const now = new Date().toISOString();
    const interaction = (customer: string, at: string, campaign: string, channel: string, opened: unknown, clicked: unknown, converted: unknown, order: string | null) => ({
      id: newId('interaction'),
      type: 'campaign',
      direction: 'out',
      occurred_at: at,
      subject: campaign,
      body: null,
      customer_id: customer,
      company_id: null,
      order_id: order,
      campaign,
      channel,
      opened,
      clicked,
      converted,
      created_at: now,
      updated_at: now,
    });
    await batchInsert(database.db, 'interactions', [
      interaction(c1, '2025-03-01T09:00:00.000Z', 'Spring', 'email', yes, yes, yes, orders[2]),
      interaction(c2, '2025-03-01T09:00:00.000Z', 'Spring', 'email', yes, no, no, null),
      interaction(c3, '2025-01-30T09:00:00.000Z', 'Winter', 'sms', no, no, yes, orders[6]),
    ]);
    await database.db.transaction().execute((trx) => refreshOrderFigures(trx, ids));
  }, 60_000);
  afterAll(async () => api?.close());

  const range = 'from=2025-01-01&to=2025-03-31';

  it('sums revenue and orders per month and per week (weeks start on Monday)', async () => {
    const res = await api.request('GET', `/api/reports/revenue?${range}`);
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual([
      { period: '2025-01', revenue: 350, orders: 3, customers: 2, average_order_value: 116.67 },
      { period: '2025-02', revenue: 80, orders: 2, customers: 2, average_order_value: 40 },
      { period: '2025-03', revenue: 30, orders: 1, customers: 1, average_order_value: 30 },
    ]);
    const weeks = await api.request('GET', '/api/reports/revenue?from=2025-01-01&to=2025-01-31&bucket=week');
    expect(weeks.body.data.map((w: any) => [w.period, w.revenue])).toEqual([
      ['2024-12-30', 100],
      ['2025-01-06', 50],
      ['2025-01-13', 0],
      ['2025-01-20', 200],
      ['2025-01-27', 0],
    ]);
    const days = await api.request('GET', '/api/reports/orders?from=2025-01-05&to=2025-01-06&bucket=day');
    expect(days.body.data.map((d: any) => [d.period, d.orders])).toEqual([
      ['2025-01-05', 1],
      ['2025-01-06', 1],
    ]);
    expect((await api.request('GET', '/api/reports/revenue?from=2025-13-01')).status).toBe(400);
    expect((await api.request('GET', '/api/reports/revenue?bucket=year')).status).toBe(400);
  });

  it('counts new, active and churned customers and retention cohorts', async () => {
    expect((await api.request('PATCH', '/api/insights/settings', { active_days: 10, inactive_days: 30 })).status).toBe(200);
    const res = await api.request('GET', `/api/reports/customers?${range}`);
    expect(res.body.churn_after_days).toBe(30);
    expect(res.body.data).toEqual([
      { period: '2025-01', new_customers: 2, active_customers: 2, churned_customers: 0 },
      { period: '2025-02', new_customers: 1, active_customers: 2, churned_customers: 0 },
      { period: '2025-03', new_customers: 0, active_customers: 1, churned_customers: 2 },
    ]);
    const cohorts = await api.request('GET', `/api/reports/cohorts?${range}`);
    expect(cohorts.body.data).toEqual([
      {
        cohort: '2025-01',
        size: 2,
        retention: [
          { month_offset: 0, customers: 2, rate: 1 },
          { month_offset: 1, customers: 1, rate: 0.5 },
          { month_offset: 2, customers: 1, rate: 0.5 },
        ],
      },
      { cohort: '2025-02', size: 1, retention: [{ month_offset: 0, customers: 1, rate: 1 }] },
    ]);
  });

  it('breaks revenue down by customer dimension and by campaign and channel', async () => {
    const bySource = await api.request('GET', `/api/reports/revenue-by/source?${range}`);
    expect(bySource.body.data).toEqual([
      { key: 'website', name: 'website', revenue: 280, orders: 3, customers: 2 },
      { key: 'referral', name: 'referral', revenue: 180, orders: 3, customers: 1 },
    ]);
    const bySegment = await api.request('GET', `/api/reports/revenue-by/segment?${range}`);
    expect(bySegment.body.data).toEqual([{ key: null, name: 'none', description: null, revenue: 460, orders: 6, customers: 3 }]);
    const campaigns = await api.request('GET', `/api/reports/campaigns?${range}`);
    expect(campaigns.body.data).toEqual([
      { campaign: 'Spring', sent: 2, opened: 2, clicked: 1, converted: 1, conversion_rate: 0.5, revenue: 30 },
      { campaign: 'Winter', sent: 1, opened: 0, clicked: 0, converted: 1, conversion_rate: 1, revenue: 10 },
    ]);
    const channels = await api.request('GET', `/api/reports/campaigns?${range}&by=channel`);
    expect(channels.body.data.map((c: any) => [c.channel, c.sent, c.revenue])).toEqual([
      ['email', 2, 30],
      ['sms', 1, 10],
    ]);
  });

  it('answers the dashboard in one call, from the cache until the data changes', async () => {
    const first = await api.request('GET', `/api/reports/dashboard?${range}`);
    expect(first.status).toBe(200);
    expect(first.body.kpis).toEqual({ revenue: 460, orders: 6, average_order_value: 76.67, active_customers: 3, new_customers: 3, churned_customers: 2, customers: 3 });
    expect(first.body.revenue).toHaveLength(3);
    expect(first.body.top_campaigns[0].campaign).toBe('Spring');
    expect(first.body.customers_by_stage.unscored).toBe(3);
    const second = await api.request('GET', `/api/reports/dashboard?${range}`);
    expect(second.body.cached).toBe(true);
    expect(second.body.kpis).toEqual(first.body.kpis);
    await api.request('POST', '/api/orders', { customer_id: ids[2], ordered_at: '2025-03-20T10:00:00Z', total: 40 });
    const third = await api.request('GET', `/api/reports/dashboard?${range}`);
    expect(third.body.cached).toBe(false);
    expect(third.body.kpis.revenue).toBe(500);
  });
});
