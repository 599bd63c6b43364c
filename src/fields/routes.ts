/** Custom field routes: list, declare, remove. */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { body, json } from '../http/crud-routes.js';
import type { AppEnv } from '../http/env.js';
import { errorResponses } from '../http/errors.js';
import { addCustomField, customFieldInput, customFieldTypes, listCustomFields, removeCustomField } from './custom-fields.js';

const customFieldRecord = z
  .object({ id: z.string(), entity: z.string(), name: z.string(), label: z.string(), type: z.enum(customFieldTypes), options: z.array(z.string()).nullable(), created_at: z.string() })
  .openapi('CustomField');

export function registerFieldRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(
    createRoute({ method: 'get', path: '/api/fields', tags: ['fields'], summary: 'Custom fields', responses: { 200: json(z.object({ data: z.array(customFieldRecord) }), 'Declared custom fields') } }),
    async (c) => c.json({ data: await listCustomFields(c.get('ctx').database.db) }, 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/fields',
      tags: ['fields'],
      summary: 'Declare a custom field',
      request: { body: body(customFieldInput.openapi('CustomFieldCreate')) },
      responses: { 201: json(customFieldRecord, 'Declared'), 400: errorResponses[400], 409: errorResponses[409] },
    }),
    async (c) => c.json(await addCustomField(c.get('ctx').database, c.req.valid('json')), 201),
  );
  app.openapi(
    createRoute({
      method: 'delete',
      path: '/api/fields/{name}',
      tags: ['fields'],
      summary: 'Remove a custom field with every value it holds',
      request: { params: z.object({ name: z.string().max(64) }) },
      responses: { 200: json(customFieldRecord, 'Removed'), 404: errorResponses[404] },
    }),
    async (c) => c.json(await removeCustomField(c.get('ctx').database, c.req.valid('param').name), 200),
  );
}
