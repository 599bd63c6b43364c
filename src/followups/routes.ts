/** Follow-up cadences: the settings (days between follow-ups) and the cadences of a quote or deal. */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { body, json } from '../http/crud-routes.js';
import { errorResponses } from '../http/errors.js';
import type { AppEnv } from '../http/env.js';
import { followupSettingsSchema, getFollowupSettings, updateFollowupSettings } from './settings.js';

const tags = ['follow-ups'];
const cadenceSchema = z
  .object({
    id: z.string(),
    subject_entity: z.enum(['quote', 'deal']),
    subject_id: z.string(),
    customer_id: z.string().nullable(),
    deal_id: z.string().nullable(),
    intervals: z.array(z.number().int()),
    step: z.number().int().openapi({ description: 'The follow-up in progress, from 1' }),
    status: z.enum(['active', 'stopped']),
    stop_reason: z.string().nullable(),
    current_task_id: z.string().nullable(),
    current_due_at: z.string().nullable(),
    started_at: z.string(),
  })
  .openapi('FollowupCadence');
const listQuery = z.object({
  status: z.enum(['active', 'stopped']).optional(),
  subject_id: z.string().max(40).optional().openapi({ description: 'A quote or deal id' }),
  customer_id: z.string().max(40).optional(),
});

export function registerFollowupRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(
    createRoute({ method: 'get', path: '/api/followups/settings', tags, summary: 'Days between follow-ups', responses: { 200: json(followupSettingsSchema, 'Follow-up settings') } }),
    async (c) => c.json(await getFollowupSettings(c.get('ctx').database.db), 200),
  );
  app.openapi(
    createRoute({
      method: 'patch',
      path: '/api/followups/settings',
      tags,
      summary: 'Change the days between follow-ups (new cadences use them)',
      request: { body: body(followupSettingsSchema.partial()) },
      responses: { 200: json(followupSettingsSchema, 'Follow-up settings'), 400: errorResponses[400] },
    }),
    async (c) => c.json(await updateFollowupSettings(c.get('ctx').database, await c.req.json()), 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/followups',
      tags,
      summary: 'Follow-up cadences, newest first (at most 200)',
      request: { query: listQuery },
      responses: { 200: json(z.object({ data: z.array(cadenceSchema) }), 'Cadences'), 400: errorResponses[400] },
    }),
    async (c) => {
      const { status, subject_id, customer_id } = c.req.valid('query');
      let q = c.get('ctx').database.db.selectFrom('followups').selectAll().orderBy('started_at', 'desc').orderBy('id', 'desc').limit(200);
      if (status) q = q.where('status', '=', status);
      if (subject_id) q = q.where('subject_id', '=', subject_id);
      if (customer_id) q = q.where('customer_id', '=', customer_id);
      const rows = await q.execute();
      return c.json({ data: rows.map((r) => ({ ...(r as unknown as z.infer<typeof cadenceSchema>), intervals: JSON.parse(r.intervals as string) as number[], step: Number(r.step) })) }, 200);
    },
  );
}
