import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCustomers, seedOrders } from '../insights/fixtures.js';
import { refreshOrderFigures } from '../sales/figures.js';
import { todayIn } from '../settings/business.js';
import { testApi, type TestApi } from '../test/api-client.js';
import { engines } from '../test/engines.js';

describe.each(engines)('report amounts and currencies on %s', (engine) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await testApi(engine);
    const database = api.db.database;
    const [eu, us] = await seedCustomers(database, [{ first_name: 'Eu' }, { first_name: 'Us' }]);
    await seedOrders(database, [
      { customer_id: eu, ordered_at: '2025-01-05T10:00:00Z', total: 1003.7, currency: 'EUR' },
      { customer_id: eu, ordered_at: '2025-02-05T10:00:00Z', total: 116.9, currency: 'EUR' },
      { customer_id: us, ordered_at: '2025-02-06T10:00:00Z', total: 83.9, currency: 'USD' },
      { customer_id: us, ordered_at: '2025-02-07T10:00:00Z', total: 16.1, currency: 'USD' },
      // A currency before the business currency in order, and one after it: both are found.
      { customer_id: us, ordered_at: '2025-03-02T10:00:00Z', total: 10, currency: 'GBP' },
    ]);
    await database.db.transaction().execute((trx) => refreshOrderFigures(trx, [eu, us]));
    expect((await api.request('PATCH', '/api/settings', { currency: 'EUR' })).status).toBe(200);
  }, 60_000);
  afterAll(async () => api?.close());

  const range = 'from=2025-01-01&to=2025-03-31&fresh=true';

  it('keeps orders in another currency out of the amounts and says so', async () => {
    const res = await api.request('GET', `/api/reports/dashboard?${range}`);
    expect(res.status).toBe(200);
    expect(res.body.kpis).toMatchObject({ revenue: 1120.6, orders: 2, average_order_value: 560.3 });
    expect(res.body.currency).toBe('EUR');
    expect(res.body.other_currencies).toEqual([
      { currency: 'GBP', orders: 1, revenue: 10 },
      { currency: 'USD', orders: 2, revenue: 100 },
    ]);
    expect(res.body.includes).toContain('2 in USD');
    expect(res.body.includes).toContain('1 in GBP');
    expect(res.body.revenue.map((p: { revenue: number; orders: number }) => [p.revenue, p.orders])).toEqual([
      [1003.7, 1],
      [116.9, 1],
      [0, 0],
    ]);
    const revenue = await api.request('GET', `/api/reports/revenue?${range}`);
    expect(revenue.body.data.map((p: { revenue: number }) => p.revenue)).toEqual([1003.7, 116.9, 0]);
    expect(revenue.body.other_currencies).toEqual(res.body.other_currencies);
    const bySource = await api.request('GET', `/api/reports/revenue-by/source?${range}`);
    expect(bySource.body.data.reduce((s: number, r: { revenue: number }) => s + r.revenue, 0)).toBeCloseTo(1120.6, 6);
  });

  it('gives an order created without a currency the business currency', async () => {
    const [c] = (await api.request('GET', '/api/customers?limit=1&fields=id')).body.data;
    const created = await api.request('POST', '/api/orders', { customer_id: c.id, ordered_at: '2024-06-01T10:00:00Z', total: 5 });
    expect(created.status).toBe(201);
    expect(created.body.currency).toBe('EUR');
    expect((await api.request('DELETE', `/api/orders/${created.body.id}`)).status).toBe(204);
  });

  it('counts them in once the business currency is theirs', async () => {
    await api.request('PATCH', '/api/settings', { currency: 'usd' });
    const res = await api.request('GET', `/api/reports/dashboard?${range}`);
    expect(res.body.kpis).toMatchObject({ revenue: 100, orders: 2 });
    expect(res.body.other_currencies).toEqual([
      { currency: 'EUR', orders: 2, revenue: 1120.6 },
      { currency: 'GBP', orders: 1, revenue: 10 },
    ]);
    await api.request('PATCH', '/api/settings', { currency: 'EUR' });
  });

  it('defaults to the last 12 months as the dashboard counts them, ending today in the business time zone', async () => {
    await api.request('PATCH', '/api/settings', { time_zone: 'Pacific/Kiritimati' });
    const res = await api.request('GET', '/api/reports/revenue?fresh=true');
    const today = todayIn('Pacific/Kiritimati');
    expect(res.body.to).toBe(today);
    expect(res.body.data).toHaveLength(12);
    expect(res.body.data[11].period).toBe(today.slice(0, 7));
    const [y, m] = today.split('-').map(Number);
    const first = new Date(Date.UTC(y, m - 1 - 11, 1)).toISOString().slice(0, 10);
    expect(res.body.from).toBe(first);
    await api.request('PATCH', '/api/settings', { time_zone: 'UTC' });
  });
});
