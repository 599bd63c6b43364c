import { z } from '@hono/zod-openapi';
import type { Job } from '../core/jobs.js';

/** A job as the API shows it: what a 202 answer returns, and what GET /api/jobs/{id} polls. */
export const jobSchema = z
  .object({
    id: z.string(),
    kind: z.string().openapi({ description: 'imports.run, imports.undo, duplicates.scan, insights.run' }),
    status: z.enum(['queued', 'running', 'done', 'failed']),
    progress: z.any().openapi({ description: 'How far the job has come; its shape depends on the kind (e.g. rows and bytes read, changes undone of the total)' }),
    result: z.any().openapi({ description: 'What the job produced once done' }),
    error: z.string().nullable(),
    attempts: z.number(),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .openapi('Job');

export type JobView = z.infer<typeof jobSchema>;

/** The job without its payload, which may hold server paths and is nobody's business. */
export function jobView(job: Job): JobView {
  const { id, kind, status, progress, result, error, attempts, created_at, updated_at } = job;
  return { id, kind, status, progress, result, error, attempts, created_at, updated_at };
}

/** The response of a route that started a job: 202, and where to poll it. */
export const jobAccepted = { description: 'Started: poll GET /api/jobs/{id} (also in the Location header) for progress and the result', content: { 'application/json': { schema: jobSchema } } };
