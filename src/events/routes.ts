/** Events API: the domain-event outbox, for debugging and for clients that poll instead of taking webhooks. */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { json } from '../http/crud-routes.js';
import type { AppEnv } from '../http/env.js';
import { errorResponses } from '../http/errors.js';
import { listEvents } from '../core/events.js';
import { dateTimeInput } from '../schema/fields.js';
import { eventCatalogue, eventTypes, isEventType } from '../schema/events.js';

const tags = ['events'];

const eventSchema = z
  .object({
    id: z.string().openapi({ example: 'evt_01jd...' }),
    position: z.number().int().openapi({ description: 'Place in commit order; pass the last one as `after` to read on' }),
    type: z.enum(eventTypes as [string, ...string[]]),
    entity: z.string(),
    entity_id: z.string(),
    occurred_at: z.string(),
    actor: z.string().openapi({ description: 'Who made the change: user:..., token:..., cli, import:bat_..., system' }),
    data: z.record(z.string(), z.unknown()).nullable(),
  })
  .openapi('Event');

const eventQuery = z.object({
  type: z
    .string()
    .max(2000)
    .optional()
    .refine((v) => !v || v.split(',').every((t) => isEventType(t.trim())), { message: 'unknown event type (see GET /api/events/types)' })
    .openapi({ description: 'Comma-separated event types', example: 'customer.created,order.created' }),
  entity: z.string().max(40).optional().openapi({ description: 'Entity kind, e.g. customer' }),
  entity_id: z.string().max(40).optional(),
  since: dateTimeInput.optional().openapi({ description: 'Events that occurred at or after this time (ISO 8601)' }),
  after: z.coerce.number().int().min(0).optional().openapi({ description: 'Events after this position (`next_after` of the previous page)' }),
  limit: z.coerce.number().int().min(1).max(500).optional().openapi({ description: 'Page size, 1 to 500 (default 100)' }),
});

export function registerEventRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/events',
      operationId: 'listEvents',
      tags,
      summary: 'Domain events in commit order (filter by type, entity, time; page with `after`)',
      request: { query: eventQuery },
      responses: {
        200: json(z.object({ data: z.array(eventSchema), next_after: z.number().int().nullable() }), 'A page of events'),
        400: errorResponses[400],
        401: errorResponses[401],
      },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const limit = q.limit ?? 100;
      const events = await listEvents(c.get('ctx').database, {
        types: q.type?.split(',').map((t) => t.trim()),
        entity: q.entity,
        entityId: q.entity_id,
        since: q.since,
        after: q.after,
        limit,
      });
      const data = events.map((e) => ({ ...e, position: e.position! }));
      return c.json({ data, next_after: data.length ? data[data.length - 1].position : (q.after ?? null) }, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/events/types',
      operationId: 'listEventTypes',
      tags,
      summary: 'Every event type Rapport emits, with what it means',
      responses: { 200: json(z.object({ data: z.array(z.object({ type: z.string(), description: z.string() })) }), 'The event catalogue'), 401: errorResponses[401] },
    }),
    (c) => c.json({ data: Object.entries(eventCatalogue).map(([type, description]) => ({ type, description })) }, 200),
  );
}
