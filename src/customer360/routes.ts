/** A customer's own routes: the 360-degree view, the timeline, the data-subject export, delete and erase. */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { inTransaction } from '../core/context.js';
import { mailExportSchema } from '../mail/export.js';
import { smsExportSchema } from '../sms/service.js';
import { idParam, json } from '../http/crud-routes.js';
import type { AppEnv } from '../http/env.js';
import { errorResponses } from '../http/errors.js';
import { interactionRecord, taskRecord } from '../activities/routes.js';
import { storedJson } from '../audit/routes.js';
import { customers } from '../customers/index.js';
import { companyRecord, customerRecord } from '../customers/routes.js';
import { customerScoresSchema } from '../insights/customer-scores.js';
import { submissionSchema } from '../forms/submissions.js';
import { recordSchema } from '../records/validation.js';
import { orderRecord } from '../sales/routes.js';
import { customerEntity } from '../schema/entities.js';
import { eraseCustomer } from './erase.js';
import { exportCustomer } from './export.js';
import { customerTimeline, customerView } from './view.js';
import { loyaltyExportSchema } from '../loyalty/export.js';
import { flowsExportSchema } from '../flows/export.js';
import { dealRecord } from '../deals/routes.js';
import { quoteRecord } from '../quotes/routes.js';
import { contractRecord } from '../contracts/routes.js';
import { dealAtStakeSchema } from '../deals/stake.js';
import { customerFeedbackSchema, surveyResponseSchema } from '../surveys/routes.js';

const customerFigures = z
  .object({
    first_order_at: z.string().nullable(),
    last_order_at: z.string().nullable(),
    order_count: z.number().nullable(),
    revenue: z.number().nullable(),
    average_order_value: z.number().nullable(),
    purchase_frequency: z.number().nullable(),
    last_interaction_at: z.string().nullable(),
    currency: z.string().openapi({ description: 'The business currency: revenue and the average order value count the orders in it only' }),
    other_currencies: z
      .array(z.object({ currency: z.string(), orders: z.number().int(), revenue: z.number() }))
      .openapi({ description: 'Counted orders in each other currency: in the order count and dates, not in the amounts (currencies are not converted)' }),
  })
  .openapi('CustomerFigures');
const customerViewSchema = z
  .object({
    customer: customerRecord,
    company: companyRecord.nullable(),
    figures: customerFigures,
    scores: customerScoresSchema,
    recent_orders: z.array(orderRecord),
    recent_interactions: z.array(interactionRecord),
    open_tasks: z.array(taskRecord),
    open_deals: z.array(dealAtStakeSchema),
    feedback: customerFeedbackSchema,
  })
  .openapi('CustomerView');
const customerExport = z
  .object({
    exported_at: z.string(),
    customer: customerRecord,
    company: companyRecord.nullable(),
    mail: mailExportSchema,
    sms: smsExportSchema,
    orders: z.array(orderRecord),
    interactions: z.array(interactionRecord),
    tasks: z.array(taskRecord),
    deals: z.array(dealRecord),
    quotes: z.array(quoteRecord),
    contracts: z.array(contractRecord),
    loyalty: loyaltyExportSchema,
    flows: flowsExportSchema,
    form_submissions: z.array(submissionSchema),
    feedback: z.object({
      requests: z.array(
        z.object({
          id: z.string(),
          kind: z.string(),
          survey_id: z.string().nullable(),
          ticket_id: z.string().nullable(),
          channel: z.string(),
          sent_at: z.string(),
          answered_at: z.string().nullable(),
        }),
      ),
      responses: z.array(z.object({ request_id: z.string(), kind: z.string(), score: z.number().int(), comment: z.string().nullable(), answered_at: z.string(), updated_at: z.string() })),
    }),
    chats: z.array(
      z.object({
        id: z.string(),
        name: z.string().nullable(),
        email: z.string().nullable(),
        origin: z.string().nullable(),
        ticket_id: z.string().nullable(),
        created_at: z.string(),
        messages: z.array(z.object({ direction: z.string(), body: z.string(), created_at: z.string() })),
      }),
    ),
    merged_records: z.array(recordSchema(customerEntity, { merge_id: z.string(), merged_at: z.string() })),
    change_history: z.array(z.object({ at: z.string(), actor: z.string(), action: z.string(), record_id: z.string(), before: storedJson, after: storedJson })),
  })
  .openapi('CustomerExport');

/** One entry of a timeline: its kind names the shape of its record. */
const timelineItem = <K extends string, R extends z.ZodTypeAny>(kind: K, record: R) => z.object({ kind: z.literal(kind), at: z.string(), id: z.string(), record });
const timelinePage = z.object({
  data: z.array(
    z.discriminatedUnion('kind', [
      timelineItem('order', orderRecord),
      timelineItem('interaction', interactionRecord),
      timelineItem('task', taskRecord),
      timelineItem('feedback', surveyResponseSchema),
    ]),
  ),
  next_cursor: z.string().nullable(),
});

export function registerCustomer360Routes(app: OpenAPIHono<AppEnv>) {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/customers/{id}',
      tags: ['customers'],
      summary: 'The 360-degree view of a customer: profile, company, figures, recent orders and interactions, open tasks',
      request: { params: idParam },
      responses: {
        200: json(customerViewSchema, 'The customer view'),
        404: errorResponses[404],
      },
    }),
    // Records are shaped by the registry at run time; the schema states that shape.
    async (c) => c.json((await customerView(c.get('ctx'), c.req.valid('param').id)) as unknown as z.infer<typeof customerViewSchema>, 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/customers/{id}/timeline',
      tags: ['customers'],
      summary: 'Orders, interactions, tasks and survey answers of a customer, newest first',
      request: { params: idParam, query: z.object({ limit: z.coerce.number().int().min(1).max(200).optional(), cursor: z.string().max(2000).optional() }) },
      responses: {
        200: json(timelinePage, 'A page of the timeline'),
        404: errorResponses[404],
      },
    }),
    // Each item's kind names its record's shape, which the registry gives at run time.
    async (c) => c.json((await customerTimeline(c.get('ctx'), c.req.valid('param').id, c.req.valid('query'))) as unknown as z.infer<typeof timelinePage>, 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/customers/{id}/export',
      tags: ['customers'],
      summary: 'Everything held about this person (data-subject access request)',
      request: { params: idParam },
      responses: { 200: json(customerExport, 'The export'), 404: errorResponses[404] },
    }),
    async (c) => {
      const id = c.req.valid('param').id;
      const data = await exportCustomer(c.get('ctx'), id);
      c.header('content-disposition', `attachment; filename="${id}.json"`);
      return c.json(data as unknown as z.infer<typeof customerExport>, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'delete',
      path: '/api/customers/{id}',
      tags: ['customers'],
      summary: 'Delete a customer, or with erase=true erase their personal data everywhere (orders stay, anonymised)',
      request: { params: idParam, query: z.object({ erase: z.enum(['true', 'false']).optional() }) },
      responses: { 204: { description: 'Deleted or erased' }, 404: errorResponses[404] },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const id = c.req.valid('param').id;
      if (c.req.valid('query').erase === 'true') await eraseCustomer(ctx, id);
      else await inTransaction(ctx, (trx) => customers.deleteIn(trx, ctx, [id]));
      return c.body(null, 204);
    },
  );
}
