/** A duplicate scan over all customers (which may merge many) as a queued job. */
import type { Ctx } from '../core/context.js';
import type { Database } from '../core/database.js';
import { enqueue, getJob, type Job, type JobHandler } from '../core/jobs.js';
import { scanDuplicates, type MergeMode } from './scan.js';

const duplicateScanKind = 'duplicates.scan';

interface ScanPayload {
  actor: string;
  mode: MergeMode;
  mergeThreshold?: number;
}

export async function startScanJob(ctx: Ctx, mode: MergeMode, mergeThreshold?: number): Promise<Job> {
  const payload: ScanPayload = { actor: ctx.actor, mode, mergeThreshold };
  const id = await enqueue(ctx.database, duplicateScanKind, payload, { maxAttempts: 1 });
  return (await getJob(ctx.database.db, id))!;
}

export function duplicateJobHandlers(database: Database): Record<string, JobHandler> {
  return {
    [duplicateScanKind]: async (job) => {
      const { actor, mode, mergeThreshold } = job.payload as ScanPayload;
      const { customers, merged, clusters, queued } = await scanDuplicates({ database, actor }, { mode, mergeThreshold });
      return { customers, merged, clusters, queued };
    },
  };
}
