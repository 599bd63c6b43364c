import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from '@hono/zod-openapi';
import { seedCustomers, seedOrders } from '../insights/fixtures.js';
import { refreshOrderFigures } from '../sales/figures.js';
import { testApi, type TestApi } from '../test/api-client.js';
import { engines } from '../test/engines.js';
import { breakdownReportSchema, campaignReportSchema, cohortReportSchema, customersReportSchema, dashboardReportSchema, revenueReportSchema } from './schemas.js';

/** Every key of a response is in its schema, at the top level and in each row (zod would drop unknown ones silently). */
function expectExactly(schema: z.ZodTypeAny, body: Record<string, unknown>) {
  const parsed = schema.safeParse(body);
  expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
  const shape = (schema as unknown as { shape: Record<string, unknown> }).shape;
  expect(Object.keys(body).filter((k) => !(k in shape))).toEqual([]);
}

describe.each(engines)('report response schemas on %s', (engine) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await testApi(engine);
    const database = api.db.database;
    const [a, b] = await seedCustomers(database, [{ first_name: 'A', source: 'web' }, { first_name: 'B' }]);
    await seedOrders(database, [
      { customer_id: a, ordered_at: '2025-01-05T10:00:00Z', total: 10, currency: 'EUR' },
      { customer_id: a, ordered_at: '2025-02-05T10:00:00Z', total: 20, currency: 'EUR' },
      { customer_id: b, ordered_at: '2025-02-06T10:00:00Z', total: 5, currency: 'USD' },
    ]);
    await database.db.transaction().execute((trx) => refreshOrderFigures(trx, [a, b]));
    expect((await api.request('PATCH', '/api/settings', { currency: 'EUR' })).status).toBe(200);
    expect((await api.request('POST', '/api/interactions', { type: 'campaign', customer_id: a, occurred_at: '2025-01-04T10:00:00Z', campaign: 'winter', channel: 'email', opened: true })).status).toBe(
      201,
    );
  }, 120_000);
  afterAll(async () => api?.close());

  const range = 'from=2025-01-01&to=2025-03-31&fresh=true';
  const cases: [string, z.ZodTypeAny][] = [
    [`/api/reports/revenue?${range}`, revenueReportSchema],
    [`/api/reports/revenue?${range}&bucket=week`, revenueReportSchema],
    [`/api/reports/orders?${range}`, revenueReportSchema],
    [`/api/reports/customers?${range}`, customersReportSchema],
    [`/api/reports/customers?${range}&bucket=day`, customersReportSchema],
    [`/api/reports/cohorts?${range}`, cohortReportSchema],
    [`/api/reports/revenue-by/segment?${range}`, breakdownReportSchema],
    [`/api/reports/revenue-by/source?${range}`, breakdownReportSchema],
    [`/api/reports/campaigns?${range}`, campaignReportSchema],
    [`/api/reports/campaigns?${range}&by=channel`, campaignReportSchema],
    [`/api/reports/dashboard?${range}`, dashboardReportSchema],
    [`/api/reports/dashboard?${range}&bucket=week`, dashboardReportSchema],
  ];

  it('answers every report in the shape its schema states', async () => {
    for (const [path, schema] of cases) {
      const res = await api.request('GET', path);
      expect(res.status, path).toBe(200);
      expectExactly(schema, res.body);
      expect(res.body.data ?? res.body.revenue, path).not.toHaveLength(0);
    }
  });

  it('states the figures that were computed, not a placeholder', async () => {
    const dash = (await api.request('GET', `/api/reports/dashboard?${range}`)).body;
    expect(dash.kpis).toMatchObject({ revenue: 30, orders: 2 });
    expect(dash.other_currencies).toEqual([{ currency: 'USD', orders: 1, revenue: 5 }]);
    const campaigns = (await api.request('GET', `/api/reports/campaigns?${range}`)).body;
    expect(campaigns.data[0]).toMatchObject({ campaign: 'winter', sent: 1, opened: 1 });
  });
});
