/** The owner's survey API: `/api/surveys` (NPS definitions, sending, answers), a customer's feedback, `/api/reports/feedback`. */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { getCustomer } from '../customers/service.js';
import { decodeCursor, encodeCursor } from '../records/query.js';
import { invalid } from '../core/errors.js';
import { body, idParam, json } from '../http/crud-routes.js';
import type { AppEnv } from '../http/env.js';
import { errorResponses } from '../http/errors.js';
import { createSurvey, getSurvey, listSurveys, sendSurvey, surveyInput, surveySchema, updateSurvey } from './nps.js';
import { feedbackReport, feedbackReportSchema } from './report.js';
import { customerFeedback, responseOf, surveyKinds } from './service.js';

const tags = ['surveys'];

export const surveyResponseSchema = z
  .object({
    id: z.string(),
    request_id: z.string(),
    kind: z.enum(surveyKinds),
    survey_id: z.string().nullable(),
    customer_id: z.string().nullable(),
    ticket_id: z.string().nullable(),
    score: z.number().int(),
    comment: z.string().nullable(),
    answered_at: z.string(),
    updated_at: z.string(),
  })
  .openapi('SurveyResponse');

export const customerFeedbackSchema = z
  .object({
    requests: z.number().int().openapi({ description: 'Surveys sent to the customer' }),
    answered: z.number().int(),
    last_nps: z.object({ score: z.number().int(), band: z.enum(['promoter', 'passive', 'detractor']), answered_at: z.string() }).nullable(),
    csat_average: z.number().nullable(),
    responses: z.array(surveyResponseSchema),
  })
  .openapi('CustomerFeedback');

export function registerSurveyRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/surveys',
      tags,
      summary: 'NPS surveys with how many were sent and answered',
      responses: { 200: json(z.object({ data: z.array(surveySchema) }), 'The surveys') },
    }),
    async (c) => c.json({ data: await listSurveys(c.get('ctx').database.db) }, 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/surveys',
      tags,
      summary: 'Create an NPS survey: an audience (segment or stage) to send to by hand, and/or days after becoming a customer to send automatically',
      request: { body: body(surveyInput) },
      responses: { 201: json(surveySchema, 'Created'), 400: errorResponses[400] },
    }),
    async (c) => c.json(await createSurvey(c.get('ctx'), c.req.valid('json')), 201),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/surveys/responses',
      tags,
      summary: 'Survey answers, newest first (cursor paging)',
      request: {
        query: z.object({
          kind: z.enum(surveyKinds).optional(),
          survey_id: z.string().max(40).optional(),
          limit: z.coerce.number().int().min(1).max(200).optional(),
          cursor: z.string().max(500).optional(),
        }),
      },
      responses: { 200: json(z.object({ data: z.array(surveyResponseSchema), next_cursor: z.string().nullable() }), 'A page of answers'), 400: errorResponses[400] },
    }),
    async (c) => {
      const { db } = c.get('ctx').database;
      const q = c.req.valid('query');
      const limit = q.limit ?? 50;
      let query = db
        .selectFrom('survey_responses')
        .selectAll()
        .orderBy('answered_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit + 1);
      if (q.kind) query = query.where('kind', '=', q.kind);
      if (q.survey_id) query = query.where('survey_id', '=', q.survey_id);
      if (q.cursor) {
        const after = decodeCursor(q.cursor, 'string');
        if (!after || typeof after[0] !== 'string' || typeof after[1] !== 'string') throw invalid('cursor is not valid', { cursor: ['invalid cursor'] });
        const [at, id] = after as [string, string];
        query = query.where((eb) => eb.or([eb('answered_at', '<', at), eb.and([eb('answered_at', '=', at), eb('id', '<', id)])]));
      }
      const rows = (await query.execute()).map(responseOf);
      const data = rows.slice(0, limit);
      const last = data[data.length - 1];
      return c.json({ data, next_cursor: rows.length > limit && last ? encodeCursor(last.answered_at, last.id) : null }, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/surveys/{id}',
      tags,
      summary: 'One NPS survey',
      request: { params: idParam },
      responses: { 200: json(surveySchema, 'The survey'), 404: errorResponses[404] },
    }),
    async (c) => c.json(await getSurvey(c.get('ctx').database.db, c.req.valid('param').id), 200),
  );
  app.openapi(
    createRoute({
      method: 'patch',
      path: '/api/surveys/{id}',
      tags,
      summary: 'Change an NPS survey (name, question, audience, days, active)',
      request: { params: idParam, body: body(surveyInput.partial()) },
      responses: { 200: json(surveySchema, 'The survey'), 400: errorResponses[400], 404: errorResponses[404] },
    }),
    async (c) => c.json(await updateSurvey(c.get('ctx'), c.req.valid('param').id, c.req.valid('json')), 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/surveys/{id}/send',
      tags,
      summary: 'Send an NPS survey to its audience now (those asked in the last 90 days or already asked this survey are skipped; consent is checked at send)',
      request: { params: idParam },
      responses: { 200: json(z.object({ sent: z.number().int() }), 'How many were queued'), 400: errorResponses[400], 404: errorResponses[404], 409: errorResponses[409] },
    }),
    async (c) => c.json(await sendSurvey(c.get('ctx'), c.req.valid('param').id), 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/customers/{id}/feedback',
      tags,
      summary: "A customer's surveys and answers: last NPS and its band, average CSAT",
      request: { params: idParam },
      responses: { 200: json(customerFeedbackSchema, 'The feedback'), 404: errorResponses[404] },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const { id } = c.req.valid('param');
      await getCustomer(ctx, id);
      return c.json(await customerFeedback(ctx.database.db, id), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/reports/feedback',
      tags: ['reports', ...tags],
      summary: 'NPS and CSAT per month with 95% intervals, and response rates',
      request: { query: z.object({ months: z.coerce.number().int().min(1).max(36).optional().openapi({ description: 'Months back, this one included (default 12)' }) }) },
      responses: { 200: json(feedbackReportSchema, 'The report'), 400: errorResponses[400] },
    }),
    async (c) => c.json(await feedbackReport(c.get('ctx').database.db, c.req.valid('query').months ?? 12), 200),
  );
}
