/** GET /api/today: what to do now, ranked by money at stake. */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { json } from '../http/crud-routes.js';
import type { AppEnv } from '../http/env.js';
import { errorResponses } from '../http/errors.js';
import { loadToday } from './load.js';
import { todayKinds } from './rank.js';

const itemSchema = z
  .object({
    kind: z.enum(todayKinds),
    id: z.string(),
    title: z.string(),
    reason: z.string().openapi({ description: 'Why it is on the list and how its value was reckoned' }),
    expected_value: z.number().openapi({ description: 'Money at stake: value x probability (deal value x learnt probability, CLV x churn risk, ...)' }),
    value: z.number().nullable(),
    probability: z.number().nullable(),
    currency: z.string(),
    comparable: z.boolean().openapi({ description: 'False for amounts in another currency than the business currency: listed after the ranked items' }),
    customer_id: z.string().nullable(),
    due: z.string().nullable(),
    link: z.string().openapi({ description: 'Path of the record in the web app' }),
  })
  .openapi('TodayItem');

const todaySchema = z
  .object({
    as_of: z.string(),
    today: z.string().openapi({ description: 'Today in the business time zone' }),
    time_zone: z.string(),
    currency: z.string(),
    default_task_value: z.number().openapi({ description: 'What a due task linked to nothing with a value counts for' }),
    counts: z
      .object({ task: z.number().int(), deal: z.number().int(), quote: z.number().int(), contract: z.number().int(), customer: z.number().int() })
      .openapi({ description: 'Candidates of each kind before the list was cut' }),
    items: z.array(itemSchema),
  })
  .openapi('Today');

export function registerTodayRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/today',
      tags: ['today'],
      summary: 'What to do now, ranked by money at stake: due and overdue tasks, rotten deals, quotes waiting for an answer, contracts to renew, customers worth a call',
      request: { query: z.object({ limit: z.coerce.number().int().min(1).max(200).optional().openapi({ description: 'Items to return (default 50)' }) }) },
      responses: { 200: json(todaySchema, 'The ranked list'), 400: errorResponses[400] },
    }),
    async (c) => c.json(await loadToday(c.get('ctx').database.db, new Date(), { limit: c.req.valid('query').limit }), 200),
  );
}
