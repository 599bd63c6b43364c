/** The response schemas of the reports API: one per report, shared by the routes and the OpenAPI document. */
import { z } from '@hono/zod-openapi';
import { breakdownDimensions } from './base-reports.js';

const day = z.string().openapi({ description: 'YYYY-MM-DD', example: '2026-01-31' });
const bucket = z.enum(['day', 'week', 'month']);
const answered = {
  cached: z.boolean().openapi({ description: 'Answered from the report cache' }),
  generated_at: z.string().openapi({ description: 'When the figures were computed' }),
};
const ranged = { from: day, to: day, ...answered };

/** What the amounts include: the business currency and the orders in other currencies left out. */
const currencies = {
  currency: z.string().openapi({ description: 'The business currency: every amount of the report is in it', example: 'EUR' }),
  other_currencies: z
    .array(z.object({ currency: z.string(), orders: z.number().int(), revenue: z.number() }))
    .openapi({ description: 'Counted orders in the range in each other currency, left out of amounts and order counts (currencies are not converted)' }),
  includes: z.string().openapi({ description: 'What the amounts include, in words' }),
};

const revenuePeriod = z
  .object({
    period: z.string().openapi({ description: 'YYYY-MM for months, YYYY-MM-DD (the day, or the Monday of the week) otherwise' }),
    revenue: z.number(),
    orders: z.number().int(),
    customers: z.number().int().openapi({ description: 'Buyers in the period (in any currency)' }),
    average_order_value: z.number().nullable(),
  })
  .openapi('RevenuePeriod');

const customersPeriod = z.object({ period: z.string(), new_customers: z.number().int(), active_customers: z.number().int(), churned_customers: z.number().int() }).openapi('CustomersPeriod');

const breakdownRow = z
  .object({
    key: z.string().nullable().openapi({ description: 'The value grouped by (a segment id for segments); null: none' }),
    name: z.string(),
    description: z.string().nullable().optional().openapi({ description: 'The model segment in words (segments only)' }),
    revenue: z.number(),
    orders: z.number().int(),
    customers: z.number().int(),
  })
  .openapi('RevenueBreakdownRow');

const campaignRow = z
  .object({
    campaign: z.string().nullable().optional(),
    channel: z.string().nullable().optional(),
    sent: z.number().int(),
    opened: z.number().int(),
    clicked: z.number().int(),
    converted: z.number().int(),
    conversion_rate: z.number().nullable(),
    revenue: z.number(),
  })
  .openapi('CampaignRow');

export const revenueReportSchema = z.object({ ...ranged, bucket, ...currencies, data: z.array(revenuePeriod) }).openapi('RevenueReport');

export const customersReportSchema = z
  .object({ ...ranged, bucket, churn_after_days: z.number().int().openapi({ description: 'Days without an order after which a customer counts as churned' }), data: z.array(customersPeriod) })
  .openapi('CustomersReport');

export const cohortReportSchema = z
  .object({
    ...ranged,
    data: z.array(
      z.object({
        cohort: z.string().openapi({ description: 'First-purchase month, YYYY-MM' }),
        size: z.number().int(),
        retention: z.array(z.object({ month_offset: z.number().int(), customers: z.number().int(), rate: z.number().nullable() })),
      }),
    ),
  })
  .openapi('CohortReport');

export const breakdownReportSchema = z.object({ ...ranged, dimension: z.enum(breakdownDimensions), ...currencies, data: z.array(breakdownRow) }).openapi('RevenueBreakdownReport');

export const campaignReportSchema = z.object({ ...ranged, by: z.enum(['campaign', 'channel']), data: z.array(campaignRow) }).openapi('CampaignReport');

export const dashboardReportSchema = z
  .object({
    ...ranged,
    ...currencies,
    kpis: z.object({
      revenue: z.number(),
      orders: z.number().int(),
      average_order_value: z.number().nullable(),
      active_customers: z.number().int().openapi({ description: 'Buyers in the range' }),
      new_customers: z.number().int(),
      churned_customers: z.number().int(),
      customers: z.number().int(),
    }),
    revenue: z.array(revenuePeriod),
    customers: z.array(customersPeriod),
    customers_by_stage: z.record(z.string(), z.number().int()).openapi({ description: 'Customers per lifecycle stage (lead, active, inactive, churned, unscored)' }),
    revenue_by_segment: z.array(breakdownRow),
    top_campaigns: z.array(campaignRow),
  })
  .openapi('DashboardReport');
