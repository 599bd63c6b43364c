/** The insight run as a queued job, and the nightly schedule that refreshes scores. */
import type { Database } from '../core/database.js';
import type { Subscription } from '../core/events.js';
import { enqueue, enqueueIn, getJob, type JobHandler } from '../core/jobs.js';
import { parseJson } from './db.js';
import { runInsights, type RunOptions } from './run.js';

const insightRunKind = 'insights.run';

/** Nightly at 03:00 UTC. */
export const insightSchedules = [{ cron: '0 3 * * *', kind: insightRunKind, payload: {} }];

export type RunPayload = Omit<RunOptions, 'progress' | 'runId'>;

export function insightJobHandlers(database: Database): Record<string, JobHandler> {
  return {
    [insightRunKind]: async (job, tools) => {
      let last = 0;
      const result = await runInsights(
        { database, actor: 'job' },
        {
          ...((job.payload as RunPayload | null) ?? {}),
          runId: job.id,
          progress: async (p) => {
            const now = Date.now();
            if (now - last < 500 && p.phase !== 'done') return;
            last = now;
            await tools.progress(p);
          },
        },
      );
      return { run_id: result.id, duration_ms: result.duration_ms, counts: result.counts };
    },
  };
}

/**
 * CLV and the RFM monetary scores count the orders in the business currency only: once scores exist,
 * a change of currency queues a new run (in the transaction that changed it) rather than leave them
 * in the old currency until the nightly one.
 */
export const currencyChangeRunSubscription: Subscription = {
  types: ['settings.updated'],
  handle: async (trx, events) => {
    if (!events.some((e) => Array.isArray(e.data?.changed) && e.data.changed.includes('currency'))) return;
    const scored = await trx.selectFrom('insight_runs').select('id').limit(1).executeTakeFirst();
    if (scored) await enqueueIn(trx, insightRunKind, {}, { maxAttempts: 2 });
  },
};

export async function enqueueInsightRun(database: Database, payload: RunPayload): Promise<string> {
  return enqueue(database, insightRunKind, payload, { maxAttempts: 2 });
}

function runRecord(row: Record<string, unknown>) {
  return {
    id: row.id as string,
    as_of: row.as_of as string,
    options: parseJson(row.options),
    params: parseJson(row.params),
    metrics: parseJson(row.metrics),
    counts: parseJson(row.counts),
    duration_ms: Number(row.duration_ms),
    created_at: row.created_at as string,
  };
}

/** A run by id: the job's status and progress, and the stored run once it has finished. */
export async function getInsightRun(database: Database, id: string) {
  const job = await getJob(database.db, id);
  const row = await database.db.selectFrom('insight_runs').selectAll().where('id', '=', id).executeTakeFirst();
  if (!job && !row) return null;
  return {
    id,
    status: job?.status ?? 'done',
    progress: job?.progress ?? null,
    error: job?.error ?? null,
    attempts: job?.attempts ?? null,
    created_at: job?.created_at ?? (row?.created_at as string),
    updated_at: job?.updated_at ?? (row?.created_at as string),
    run: row ? runRecord(row) : null,
  };
}

export async function listInsightRuns(database: Database, limit = 20) {
  const rows = await database.db.selectFrom('insight_runs').selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
  return rows.map(runRecord);
}
