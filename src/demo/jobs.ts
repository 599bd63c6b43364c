/**
 * "Load demo data" from the web app: a small demo dataset written by a job (it takes a few seconds),
 * followed by an insight run so that stages, scores and segments show at once.
 */
import type { Ctx } from '../core/context.js';
import type { Database } from '../core/database.js';
import { conflict } from '../core/errors.js';
import { enqueue, getJob, type Job, type JobHandler } from '../core/jobs.js';
import { enqueueInsightRun } from '../insights/jobs.js';
import { generateDemo } from './generate.js';

const demoKind = 'demo.load';
/** Enough customers for every chart and model to have something to show, small enough to load in seconds. */
export const demoCustomers = 500;

interface DemoPayload {
  customers: number;
  seed: number;
}

/** Queues the demo job; a database that already has customers or products is refused (409) before anything is queued. */
export async function startDemoJob(ctx: Ctx, customers = demoCustomers): Promise<Job> {
  const { db } = ctx.database;
  const [customer, product] = await Promise.all([db.selectFrom('customers').select('id').limit(1).executeTakeFirst(), db.selectFrom('products').select('id').limit(1).executeTakeFirst()]);
  if (customer || product) throw conflict('demo data only goes into an empty database, and this one already has customers or products');
  const id = await enqueue(ctx.database, demoKind, { customers, seed: 1 } satisfies DemoPayload, { maxAttempts: 1 });
  return (await getJob(db, id))!;
}

export function demoJobHandlers(database: Database): Record<string, JobHandler> {
  return {
    [demoKind]: async (job, tools) => {
      const { customers, seed } = job.payload as DemoPayload;
      const stats = await generateDemo(database, { customers, seed, onProgress: (p) => void tools.progress(p) });
      const insightRunJob = await enqueueInsightRun(database, {});
      return { customers: stats.customers, orders: stats.orders, interactions: stats.interactions, tasks: stats.tasks, insight_run_job: insightRunJob };
    },
  };
}
