/** Imports and their undo as queued jobs, run by the job worker away from the requests' event loop. */
import fs from 'node:fs';
import type { Ctx } from '../core/context.js';
import type { Database } from '../core/database.js';
import { enqueue, enqueueOnce, reportProgress, type Job, type JobHandler } from '../core/jobs.js';
import { thisProcess } from '../core/liveness.js';
import { getBatch, updateBatch } from './batches.js';
import { runImport, type ImportOptions } from './importer.js';
import { checkUndoable, undoImport, type UndoProgress } from './undo.js';

const importRunKind = 'imports.run';
const importUndoKind = 'imports.undo';

/** Rows per transaction of an import run as a job: short write locks keep the server answering (health and list-page p99 during a 200k-row import: 73 ms at 1,000 rows, 23 ms at 250, in the responsive bench). The CLI imports in larger chunks. */
const jobChunkSize = 250;

interface RunPayload {
  batchId: string;
  /** The uploaded file; the job removes it when done, whatever the outcome. */
  filePath: string;
  options: ImportOptions;
  defaultCountry?: Ctx['defaultCountry'];
}

interface UndoPayload {
  batchId: string;
  actor: string;
}

/**
 * Queues the import of an uploaded file into a batch already created, and records the job on the
 * batch. One attempt only: the upload is removed after it, and an import stopped part-way is
 * completed by importing the file again.
 */
export async function startImportJob(ctx: Ctx, batchId: string, filePath: string, options: ImportOptions): Promise<string> {
  const payload: RunPayload = { batchId, filePath, options, defaultCountry: ctx.defaultCountry };
  const jobId = await enqueue(ctx.database, importRunKind, payload, { maxAttempts: 1 });
  await ctx.database.db.updateTable('import_batches').set({ job_id: jobId }).where('id', '=', batchId).execute();
  return jobId;
}

/** The undo job's id for a batch: one undo per batch, so asking twice returns the same job. */
const undoJobId = (batchId: string) => `job_undo_${batchId}`;

/** Checks that the batch can be undone (404, 409 at once), then queues its undo; a failed undo is queued again. */
export async function startUndoJob(ctx: Ctx, batchId: string): Promise<Job> {
  await checkUndoable(ctx.database.db, batchId);
  const payload: UndoPayload = { batchId, actor: ctx.actor };
  return enqueueOnce(ctx.database, undoJobId(batchId), importUndoKind, payload, { maxAttempts: 3 });
}

export function importJobHandlers(database: Database): Record<string, JobHandler> {
  return {
    [importRunKind]: async (job, tools) => {
      const { batchId, filePath, options, defaultCountry } = job.payload as RunPayload;
      const batch = await getBatch(database.db, batchId);
      if (batch.status !== 'running') {
        // Marked interrupted at a restart before the job began: its upload may be gone, and nothing was written.
        fs.rmSync(filePath, { force: true });
        return { batch_id: batchId, status: batch.status };
      }
      // The process that runs the job is the batch's runner (any server process may claim it).
      await database.db.updateTable('import_batches').set({ runner: thisProcess() }).where('id', '=', batchId).execute();
      let last = 0;
      try {
        const done = await runImport(
          { database, actor: batch.actor, defaultCountry },
          filePath,
          {
            ...options,
            // Smaller transactions than the CLI's: the server's own writes (sessions, events) wait for each commit.
            chunkSize: jobChunkSize,
            onProgress: (progress) => {
              if (Date.now() - last < 500) return;
              last = Date.now();
              tools.progress(progress).catch(() => undefined);
            },
          },
          batchId,
        );
        await tools.progress(done.progress);
        return { batch_id: batchId, status: done.status, counts: done.counts };
      } catch (error) {
        // runImport marks the batch failed itself, unless it failed before it started (an unreadable file).
        const now = await getBatch(database.db, batchId);
        if (now.status === 'running') await updateBatch(database.db, batchId, { status: 'failed', error: error instanceof Error ? error.message : String(error), finished: true });
        throw error;
      } finally {
        fs.rmSync(filePath, { force: true });
      }
    },
    [importUndoKind]: async (job) => {
      const { batchId, actor } = job.payload as UndoPayload;
      const resumed = job.progress as UndoProgress | null;
      const batch = await undoImport({ database, actor }, batchId, {
        belowSeq: resumed?.below_seq ?? null,
        // Deleting a customer touches many tables: smaller chunks than an import's keep each lock short.
        chunkSize: 250,
        // The job's progress commits with each chunk, so a retry resumes exactly where this one stopped.
        onChunk: (trx, progress) => reportProgress(trx, job.id, progress),
      });
      return { batch_id: batchId, status: batch.status };
    },
  };
}
