/** Reports API: cached aggregates over orders, customers and campaign interactions. */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { json } from '../http/crud-routes.js';
import { getBusinessSettings, todayIn } from '../settings/business.js';
import type { AppEnv } from '../http/env.js';
import { errorResponses } from '../http/errors.js';
import { breakdownReportSchema, campaignReportSchema, cohortReportSchema, customersReportSchema, dashboardReportSchema, revenueReportSchema } from './schemas.js';
import { breakdownDimensions, cached, campaignReport, cohortReport, customersReport, dashboardReport, revenueBreakdown, revenueReport } from './service.js';

const tags = ['reports'];
const range = z.object({
  from: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
    .optional()
    .openapi({ description: 'First day (default: the first of the month 11 months before `to`: the last 12 months, as the dashboard shows by default)' }),
  to: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
    .optional()
    .openapi({ description: 'Last day, inclusive (default today in the business time zone)' }),
  bucket: z.enum(['day', 'week', 'month']).optional().openapi({ description: 'Period length; weeks start on Monday (default month)' }),
  fresh: z.enum(['true', 'false']).optional().openapi({ description: 'Bypass the cache' }),
});
const ok = (schema: z.ZodTypeAny, description: string) => ({ 200: json(schema, description), 400: errorResponses[400] });

export function registerReportRoutes(app: OpenAPIHono<AppEnv>) {
  /** Answers a report from the cache or `compute`; a range without `to` ends today in the business time zone. */
  const run = async <T>(c: Context<AppEnv>, name: string, params: { to?: string; fresh?: string }, compute: () => Promise<T>) => {
    const { fresh, ...rest } = params;
    const ctx = c.get('ctx');
    params.to ??= todayIn((await getBusinessSettings(ctx.database.db)).timeZone);
    return cached(ctx, name, { ...rest, to: params.to }, compute, fresh === 'true' ? { ttlMs: 0 } : {});
  };
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/reports/revenue',
      tags,
      summary: 'Revenue, orders, buyers and average order value per period',
      request: { query: range },
      responses: ok(revenueReportSchema, 'Revenue per period'),
    }),
    async (c) => {
      const q = c.req.valid('query');
      return c.json(await run(c, 'revenue', q, () => revenueReport(c.get('ctx'), q)), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/reports/orders',
      tags,
      summary: 'Orders per period (same figures as the revenue report)',
      request: { query: range },
      responses: ok(revenueReportSchema, 'Orders per period'),
    }),
    async (c) => {
      const q = c.req.valid('query');
      return c.json(await run(c, 'revenue', q, () => revenueReport(c.get('ctx'), q)), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/reports/customers',
      tags,
      summary: 'New, active and churned customers per period',
      request: { query: range },
      responses: ok(customersReportSchema, 'Customers per period'),
    }),
    async (c) => {
      const q = c.req.valid('query');
      return c.json(await run(c, 'customers', q, () => customersReport(c.get('ctx'), q)), 200);
    },
  );
  app.openapi(
    createRoute({ method: 'get', path: '/api/reports/cohorts', tags, summary: 'Retention by first-purchase month', request: { query: range }, responses: ok(cohortReportSchema, 'Cohorts') }),
    async (c) => {
      const q = c.req.valid('query');
      return c.json(await run(c, 'cohorts', q, () => cohortReport(c.get('ctx'), q)), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/reports/revenue-by/{dimension}',
      tags,
      summary: `Revenue by ${breakdownDimensions.join(', ')}`,
      request: { params: z.object({ dimension: z.enum(breakdownDimensions).openapi({ param: { name: 'dimension', in: 'path' } }) }), query: range },
      responses: ok(breakdownReportSchema, 'Revenue by dimension'),
    }),
    async (c) => {
      const q = c.req.valid('query');
      const { dimension } = c.req.valid('param');
      return c.json(await run(c, `revenue-by-${dimension}`, q, () => revenueBreakdown(c.get('ctx'), dimension, q)), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/reports/campaigns',
      tags,
      summary: 'Campaign interactions: sent, opened, clicked, converted and revenue, by campaign or channel',
      request: { query: range.extend({ by: z.enum(['campaign', 'channel']).optional() }) },
      responses: ok(campaignReportSchema, 'Campaigns'),
    }),
    async (c) => {
      const q = c.req.valid('query');
      const by = q.by ?? 'campaign';
      return c.json(await run(c, `campaigns-${by}`, q, () => campaignReport(c.get('ctx'), by, q)), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/reports/dashboard',
      tags,
      summary: 'The dashboard set in one call: KPIs, revenue and customers per period, stages, segments, top campaigns',
      request: { query: range },
      responses: ok(dashboardReportSchema, 'Dashboard'),
    }),
    async (c) => {
      const q = c.req.valid('query');
      return c.json(await run(c, 'dashboard', q, () => dashboardReport(c.get('ctx'), q)), 200);
    },
  );
}
