/** Webhooks API: endpoints that receive Rapport's events, signed as Standard Webhooks, with a delivery log. */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { body, idParam, json } from '../http/crud-routes.js';
import type { AppEnv } from '../http/env.js';
import { errorResponses } from '../http/errors.js';
import { eventTypes } from '../schema/events.js';
import { createWebhook, deleteWebhook, deliveryCounts, getWebhook, listDeliveries, listWebhooks, replayDelivery, rotateWebhookSecret, sendTestEvent, updateWebhook } from './service.js';

const tags = ['webhooks'];
const eventType = z.enum(['*', ...eventTypes] as [string, ...string[]]);

const webhookSchema = z
  .object({
    id: z.string(),
    url: z.string(),
    description: z.string().nullable(),
    event_types: z.array(z.string()).openapi({ description: 'Event types sent to this endpoint; `*` for all' }),
    active: z.boolean(),
    disabled_reason: z.string().nullable().openapi({ description: 'Why Rapport switched the endpoint off, if it did' }),
    failing_since: z.string().nullable().openapi({ description: 'Since when every attempt has failed (null while healthy)' }),
    deliveries: z.record(z.string(), z.number()).openapi({ description: 'Deliveries by status' }),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .openapi('Webhook');

const deliverySchema = z
  .object({
    id: z.string(),
    webhook_id: z.string(),
    event_id: z.string(),
    event_type: z.string().nullable(),
    status: z.enum(['pending', 'sending', 'delivered', 'failed']),
    attempts: z.number().int(),
    next_attempt_at: z.string().nullable(),
    last_status_code: z.number().int().nullable(),
    last_error: z.string().nullable(),
    last_response: z.string().nullable().openapi({ description: "The start of the receiver's last answer (4 KB at most)" }),
    last_duration_ms: z.number().int().nullable(),
    created_at: z.string(),
    delivered_at: z.string().nullable(),
  })
  .openapi('WebhookDelivery');

const createBody = z
  .object({
    url: z.string().max(2000).openapi({ example: 'https://example.com/rapport-hook' }),
    description: z.string().max(255).nullable().optional(),
    event_types: z.array(eventType).min(1).max(100),
    active: z.boolean().optional(),
  })
  .strict()
  .openapi('WebhookCreate');
const updateBody = createBody.partial().strict().openapi('WebhookUpdate');
const secretSchema = z.object({ secret: z.string().openapi({ description: 'The signing secret (`whsec_...`); shown only now' }) });
const deliveryParams = z.object({
  id: z
    .string()
    .max(40)
    .openapi({ param: { name: 'id', in: 'path' } }),
  delivery_id: z
    .string()
    .max(40)
    .openapi({ param: { name: 'delivery_id', in: 'path' } }),
});

export function registerWebhookRoutes(app: OpenAPIHono<AppEnv>, allowPrivate: boolean) {
  const withCounts = async (c: { get(k: 'ctx'): { database: { db: any } } }, hooks: Awaited<ReturnType<typeof listWebhooks>>) => {
    const counts = await deliveryCounts(c.get('ctx').database.db);
    return hooks.map((h) => ({ ...h, deliveries: counts.get(h.id) ?? {} }));
  };
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/webhooks',
      operationId: 'listWebhooks',
      tags,
      summary: 'Webhook endpoints',
      responses: { 200: json(z.object({ data: z.array(webhookSchema) }), 'Endpoints'), 401: errorResponses[401] },
    }),
    async (c) => c.json({ data: await withCounts(c, await listWebhooks(c.get('ctx').database.db)) }, 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/webhooks',
      operationId: 'createWebhook',
      tags,
      summary: 'Add an endpoint; the answer holds its signing secret, shown only once',
      request: { body: body(createBody) },
      responses: { 201: json(webhookSchema.extend(secretSchema.shape), 'Created'), 400: errorResponses[400], 401: errorResponses[401] },
    }),
    async (c) => {
      const { webhook, secret } = await createWebhook(c.get('ctx').database.db, c.req.valid('json'), allowPrivate);
      return c.json({ ...webhook, deliveries: {}, secret }, 201);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/webhooks/{id}',
      operationId: 'getWebhook',
      tags,
      summary: 'One endpoint',
      request: { params: idParam },
      responses: { 200: json(webhookSchema, 'The endpoint'), 401: errorResponses[401], 404: errorResponses[404] },
    }),
    async (c) => {
      const [hook] = await withCounts(c, [await getWebhook(c.get('ctx').database.db, c.req.valid('param').id)]);
      return c.json(hook, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'patch',
      path: '/api/webhooks/{id}',
      operationId: 'updateWebhook',
      tags,
      summary: 'Change an endpoint; `active: true` turns a disabled one back on',
      request: { params: idParam, body: body(updateBody) },
      responses: { 200: json(webhookSchema, 'Updated'), 400: errorResponses[400], 401: errorResponses[401], 404: errorResponses[404] },
    }),
    async (c) => {
      const [hook] = await withCounts(c, [await updateWebhook(c.get('ctx').database.db, c.req.valid('param').id, c.req.valid('json'), allowPrivate)]);
      return c.json(hook, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'delete',
      path: '/api/webhooks/{id}',
      operationId: 'deleteWebhook',
      tags,
      summary: 'Remove an endpoint and its delivery log',
      request: { params: idParam },
      responses: { 204: { description: 'Removed' }, 401: errorResponses[401], 404: errorResponses[404] },
    }),
    async (c) => {
      await deleteWebhook(c.get('ctx').database.db, c.req.valid('param').id);
      return c.body(null, 204);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/webhooks/{id}/secret',
      operationId: 'rotateWebhookSecret',
      tags,
      summary: 'Replace the signing secret (the old one stops at once)',
      request: { params: idParam },
      responses: { 200: json(secretSchema, 'The new secret'), 401: errorResponses[401], 404: errorResponses[404] },
    }),
    async (c) => c.json({ secret: await rotateWebhookSecret(c.get('ctx').database.db, c.req.valid('param').id) }, 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/webhooks/{id}/test',
      operationId: 'sendWebhookTest',
      tags,
      summary: 'Send a `webhook.test` event to this endpoint',
      request: { params: idParam },
      responses: { 202: json(z.object({ event_id: z.string() }), 'Queued'), 401: errorResponses[401], 404: errorResponses[404] },
    }),
    async (c) => c.json({ event_id: await sendTestEvent(c.get('ctx').database, c.req.valid('param').id, c.get('ctx').actor) }, 202),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/webhooks/{id}/deliveries',
      operationId: 'listWebhookDeliveries',
      tags,
      summary: 'The delivery log, newest first',
      request: {
        params: idParam,
        query: z.object({ limit: z.coerce.number().int().min(1).max(500).optional(), before: z.string().max(40).optional().openapi({ description: 'Deliveries older than this delivery id' }) }),
      },
      responses: { 200: json(z.object({ data: z.array(deliverySchema) }), 'Deliveries'), 400: errorResponses[400], 401: errorResponses[401], 404: errorResponses[404] },
    }),
    async (c) => {
      const q = c.req.valid('query');
      return c.json({ data: await listDeliveries(c.get('ctx').database.db, c.req.valid('param').id, q.limit ?? 50, q.before) }, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/webhooks/{id}/deliveries/{delivery_id}/replay',
      operationId: 'replayWebhookDelivery',
      tags,
      summary: 'Send a delivery again now',
      request: { params: deliveryParams },
      responses: { 202: json(deliverySchema, 'Queued again'), 401: errorResponses[401], 404: errorResponses[404] },
    }),
    async (c) => {
      const { id, delivery_id } = c.req.valid('param');
      return c.json({ ...(await replayDelivery(c.get('ctx').database.db, id, delivery_id)), event_type: null }, 202);
    },
  );
}
