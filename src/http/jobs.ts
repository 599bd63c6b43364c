import { z } from '@hono/zod-openapi';
import type { Job } from '../core/jobs.js';

const counts = z.record(z.string(), z.number());
/** Any other kind's shape: an object of its own (kinds added later name theirs here). */
const otherKind = z.record(z.string(), z.unknown()).openapi({ description: "Another kind's own object" });

/** How far a job has come, by kind; null until it reports. */
const jobProgress = z
  .union([
    z.object({ rows: z.number(), bytes: z.number(), total_bytes: z.number() }).openapi({ title: 'imports.run', description: 'Rows and bytes read of the file' }),
    z.object({ undone: z.number(), total: z.number(), below_seq: z.number().nullable() }).openapi({ title: 'imports.undo', description: 'Changes undone of the total' }),
    z
      .object({ phase: z.enum(['loading', 'fitting', 'scoring', 'predicting', 'cross_sell', 'writing', 'done']), done: z.number().optional(), total: z.number().optional() })
      .openapi({ title: 'insights.run' }),
    z.object({ customers: z.number(), total: z.number(), rows: z.number() }).openapi({ title: 'demo.load', description: 'Customers written of the total, rows of every table' }),
    z.object({ customers: z.number() }).openapi({ title: 'figures.refresh', description: 'Customers whose figures were recomputed' }),
    otherKind,
  ])
  .nullable()
  .openapi({ description: 'How far the job has come; its shape depends on the kind' });

/** What a job produced once done, by kind; null before. */
const jobResult = z
  .union([
    z.object({ batch_id: z.string(), status: z.string(), counts: counts.optional() }).openapi({ title: 'imports.run / imports.undo', description: 'The import batch and its row counts' }),
    z.object({ customers: z.number(), merged: z.number(), clusters: z.number(), queued: z.number() }).openapi({ title: 'duplicates.scan' }),
    z.object({ run_id: z.string(), duration_ms: z.number(), counts }).openapi({ title: 'insights.run' }),
    z.object({ customers: z.number(), orders: z.number(), interactions: z.number(), tasks: z.number(), insight_run_job: z.string() }).openapi({ title: 'demo.load' }),
    z.object({ customers: z.number() }).openapi({ title: 'figures.refresh' }),
    z.object({ expired_points: z.number(), customers_expired: z.number(), tiers_changed: z.number() }).openapi({ title: 'loyalty.nightly' }),
    otherKind,
  ])
  .nullable()
  .openapi({ description: 'What the job produced once done; its shape depends on the kind' });

/** A job as the API shows it: what a 202 answer returns, and what GET /api/jobs/{id} polls. */
export const jobSchema = z
  .object({
    id: z.string(),
    kind: z.string().openapi({ description: 'imports.run, imports.undo, duplicates.scan, insights.run, demo.load, figures.refresh, loyalty.nightly, ...' }),
    status: z.enum(['queued', 'running', 'done', 'failed']),
    progress: jobProgress,
    result: jobResult,
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
  // Progress and result are what the kind's handler stored: objects of the shapes listed above.
  return { id, kind, status, progress: progress as JobView['progress'], result: result as JobView['result'], error, attempts, created_at, updated_at };
}

/** The response of a route that started a job: 202, and where to poll it. */
export const jobAccepted = { description: 'Started: poll GET /api/jobs/{id} (also in the Location header) for progress and the result', content: { 'application/json': { schema: jobSchema } } };
