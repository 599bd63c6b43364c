/** POST /api/demo: fill an empty database with a small demo dataset, as a job. */
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../http/env.js';
import { errorResponses } from '../http/errors.js';
import { jobAccepted, jobView } from '../http/jobs.js';
import { demoCustomers, startDemoJob } from './jobs.js';

export function registerDemoRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/demo',
      tags: ['demo'],
      summary: `Load demo data into an empty database as a job: ${demoCustomers} customers with three years of orders, interactions and tasks, then an insight run (the same data as \`rapport demo --customers ${demoCustomers}\`)`,
      responses: { 202: jobAccepted, 409: errorResponses[409] },
    }),
    async (c) => {
      const job = await startDemoJob(c.get('ctx'));
      c.header('location', `/api/jobs/${job.id}`);
      return c.json(jobView(job), 202);
    },
  );
}
