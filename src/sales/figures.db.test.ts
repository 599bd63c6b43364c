import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dayFromIso } from '../insights/db.js';
import { loadCustomerArrays } from '../insights/run.js';
import { testApi, type TestApi } from '../test/api-client.js';
import { engines } from '../test/engines.js';

interface Figures {
  order_count: number;
  revenue: number;
  average_order_value: number | null;
  first_order_at: string | null;
  last_order_at: string | null;
  currency: string;
  other_currencies: { currency: string; orders: number; revenue: number }[];
}

describe.each(engines)('customer figures and currencies on %s', (engine) => {
  let api: TestApi;
  let mixed: string;
  let euro: string;
  beforeAll(async () => {
    api = await testApi(engine);
    expect((await api.request('PATCH', '/api/settings', { currency: 'EUR' })).status).toBe(200);
    mixed = (await api.request('POST', '/api/customers', { first_name: 'Mixed', email: 'mixed@example.com' })).body.id;
    euro = (await api.request('POST', '/api/customers', { first_name: 'Euro', email: 'euro@example.com' })).body.id;
    const orders = [
      { customer_id: mixed, ordered_at: '2025-01-10T10:00:00Z', total: 100, currency: 'EUR' },
      { customer_id: mixed, ordered_at: '2025-02-10T10:00:00Z', total: 50.5, currency: 'EUR' },
      { customer_id: mixed, ordered_at: '2025-03-10T10:00:00Z', total: 30, currency: 'USD' },
      { customer_id: mixed, ordered_at: '2025-03-20T10:00:00Z', total: 20, currency: 'USD' },
      { customer_id: mixed, ordered_at: '2025-03-25T10:00:00Z', total: 999, currency: 'EUR', status: 'cancelled' },
      { customer_id: euro, ordered_at: '2025-02-01T10:00:00Z', total: 40, currency: 'EUR' },
    ];
    for (const o of orders) expect((await api.request('POST', '/api/orders', o)).status).toBe(201);
  }, 120_000);
  afterAll(async () => api?.close());

  const figuresOf = async (id: string): Promise<Figures> => {
    const res = await api.request('GET', `/api/customers/${id}`);
    expect(res.status).toBe(200);
    return res.body.figures;
  };

  /** Waits for the figures refresh queued by the last currency change. */
  const refreshed = async () => {
    const job = await api.db.database.db.selectFrom('jobs').select('id').where('kind', '=', 'figures.refresh').orderBy('created_at', 'desc').limit(1).executeTakeFirstOrThrow();
    const done = await api.waitForJob(job.id as string);
    expect(done.status).toBe('done');
    // Every customer was recomputed, and the job says so in its result and last progress.
    expect([done.result, done.progress]).toEqual([{ customers: 2 }, { customers: 2 }]);
  };

  it('sums amounts of business-currency orders only and says what it leaves out', async () => {
    const f = await figuresOf(mixed);
    expect(f).toMatchObject({ order_count: 4, revenue: 150.5, average_order_value: 75.25, first_order_at: '2025-01-10T10:00:00.000Z', last_order_at: '2025-03-20T10:00:00.000Z', currency: 'EUR' });
    expect(f.other_currencies).toEqual([{ currency: 'USD', orders: 2, revenue: 50 }]);
    expect((await figuresOf(euro)).other_currencies).toEqual([]);
    // The customer list carries the same stored figures.
    const listed = await api.request('GET', `/api/customers?filter=${encodeURIComponent(JSON.stringify({ field: 'id', op: 'eq', value: mixed }))}&fields=id,revenue,order_count`);
    expect(listed.body.data[0]).toMatchObject({ revenue: 150.5, order_count: 4 });
  });

  it('agrees with the reports: customers’ revenue adds up to the revenue report’s total', async () => {
    const report = await api.request('GET', '/api/reports/dashboard?from=2025-01-01&to=2025-03-31&fresh=true');
    expect(report.status).toBe(200);
    const total = (await figuresOf(mixed)).revenue + (await figuresOf(euro)).revenue;
    expect(report.body.kpis.revenue).toBeCloseTo(total, 6);
    expect(report.body.other_currencies).toEqual((await figuresOf(mixed)).other_currencies);
  });

  it('feeds the insight run amounts in the business currency and counts every order', async () => {
    const a = await loadCustomerArrays(api.db.database, dayFromIso('2025-04-01'), dayFromIso('2025-02-15'), { currency: 'EUR' });
    const i = a.ids.indexOf(mixed);
    expect([a.orderCount[i], a.moneyOrderCount[i], a.revenue[i], a.repeatSpend[i], a.moneyRepeatDays[i], a.distinctDays[i]]).toEqual([4, 2, 150.5, 50.5, 1, 4]);
    expect(a.cutRevenue[i]).toBe(150.5);
    const usd = await loadCustomerArrays(api.db.database, dayFromIso('2025-04-01'), dayFromIso('2025-02-15'), { currency: 'USD' });
    const j = usd.ids.indexOf(mixed);
    expect([usd.revenue[j], usd.repeatSpend[j], usd.moneyRepeatDays[j], usd.orderCount[j]]).toEqual([50, 50, 2, 4]);
  });

  it('follows a change of the business currency: the event queues a refresh of every customer', async () => {
    expect((await api.request('PATCH', '/api/settings', { currency: 'USD' })).status).toBe(200);
    const events = await api.request('GET', '/api/events?type=settings.updated');
    expect(events.status).toBe(200);
    expect(events.body.data.map((e: { data: unknown }) => e.data)).toEqual([{ changed: ['currency'], previous: { currency: 'EUR' }, currency: 'USD', time_zone: 'UTC' }]);
    await refreshed();
    const f = await figuresOf(mixed);
    expect(f).toMatchObject({ order_count: 4, revenue: 50, average_order_value: 25, currency: 'USD' });
    expect(f.other_currencies).toEqual([{ currency: 'EUR', orders: 2, revenue: 150.5 }]);
    expect(await figuresOf(euro)).toMatchObject({ order_count: 1, revenue: 0, average_order_value: null });
    const report = await api.request('GET', '/api/reports/dashboard?from=2025-01-01&to=2025-03-31&fresh=true');
    expect(report.body.kpis.revenue).toBeCloseTo(50, 6);

    expect((await api.request('PATCH', '/api/settings', { currency: 'EUR' })).status).toBe(200);
    await refreshed();
    expect(await figuresOf(mixed)).toMatchObject({ revenue: 150.5, average_order_value: 75.25 });
  });

  it('queues nothing when only the time zone changes', async () => {
    const count = async () =>
      Number(
        (
          await api.db.database.db
            .selectFrom('jobs')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('kind', '=', 'figures.refresh')
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    expect((await api.request('PATCH', '/api/settings', { time_zone: 'Europe/Brussels' })).status).toBe(200);
    expect((await api.request('PATCH', '/api/settings', { currency: 'eur' })).status).toBe(200);
    expect(await count()).toBe(before);
  });
});
