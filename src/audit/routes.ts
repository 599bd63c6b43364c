/** The audit log route. */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { json } from '../http/crud-routes.js';
import type { AppEnv } from '../http/env.js';
import { errorResponses } from '../http/errors.js';
import { listAudit } from './audit.js';

/** A JSON value as stored (audit before/after, a change's values): any shape. */
export const storedJson = z.union([z.record(z.string(), z.unknown()), z.array(z.unknown()), z.string(), z.number(), z.boolean(), z.null()]).openapi({ description: 'A stored JSON value' });
const auditEntry = z
  .object({
    id: z.string(),
    at: z.string(),
    actor: z.string(),
    action: z.string(),
    entity: z.string(),
    entity_id: z.string(),
    before: storedJson.openapi({ description: 'The record before the change, without its empty (null) fields' }),
    after: storedJson.openapi({ description: 'The record after the change, without its empty (null) fields' }),
    batch_id: z.string().nullable(),
  })
  .openapi('AuditEntry');

export function registerAuditRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/audit',
      tags: ['audit'],
      summary: 'The audit log, newest first',
      request: {
        query: z.object({
          entity_id: z.string().max(40).optional(),
          entity: z.string().max(32).optional(),
          before: z.string().max(32).optional(),
          limit: z.coerce.number().int().min(1).max(500).default(100),
        }),
      },
      responses: { 200: json(z.object({ data: z.array(auditEntry) }), 'Audit entries'), 400: errorResponses[400] },
    }),
    async (c) => {
      const q = c.req.valid('query');
      return c.json({ data: await listAudit(c.get('ctx').database.db, { entityId: q.entity_id, entity: q.entity, before: q.before, limit: q.limit }) }, 200);
    },
  );
}
