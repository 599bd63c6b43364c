import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../http/env.js';
import { errorResponses } from '../http/errors.js';
import { idParam, json } from '../http/crud-routes.js';
import { notFound } from '../core/errors.js';
import { getJob } from '../core/jobs.js';
import { jobSchema, jobView } from '../http/jobs.js';

export function registerJobRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/jobs/{id}',
      tags: ['jobs'],
      summary: 'A background job (import, undo, duplicate scan, insight run): status, progress, result and error',
      request: { params: idParam },
      responses: { 200: json(jobSchema, 'The job'), 404: errorResponses[404] },
    }),
    async (c) => {
      const id = c.req.valid('param').id;
      const job = await getJob(c.get('ctx').database.db, id);
      if (!job) throw notFound('job', id);
      return c.json(jobView(job), 200);
    },
  );
}
