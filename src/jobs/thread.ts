import { Worker } from 'node:worker_threads';
import type { Database, OpenOptions } from '../core/database.js';
import { onJobQueued } from '../core/jobs.js';
import { loadWorkerScript } from '../core/worker-script.js';
import type { JobThreadData, JobThreadMessage } from './job-thread.js';

export interface JobThread {
  stop(): Promise<void>;
}

/**
 * Runs the job worker on a thread of its own, so that an import, an undo, a scan or an insight run never
 * holds the event loop that answers requests. `database` is the server's own connection: a job it queues
 * wakes the thread at once. `open` tells the thread how to open its connection to the same database.
 */
export async function startJobThread(database: Database, open: OpenOptions, options: { pollMs?: number; schedules?: boolean } = {}): Promise<JobThread> {
  const { script, eval: isSource } = await loadWorkerScript(new URL('./job-thread.js', import.meta.url), new URL('./job-thread.ts', import.meta.url));
  const data: JobThreadData = { open, pollMs: options.pollMs, schedules: options.schedules ?? true };
  const worker = new Worker(script, { eval: isSource, workerData: data });
  await new Promise<void>((resolve, reject) => {
    worker.once('message', () => resolve());
    worker.once('error', reject);
  });
  const post = (message: JobThreadMessage) => worker.postMessage(message);
  const unsubscribe = onJobQueued(database, () => post('nudge'));
  // The thread must not keep a stopping server alive, nor die silently.
  worker.on('error', (error) => console.error('job thread error:', error));
  return {
    async stop() {
      unsubscribe();
      const stopped = new Promise<void>((resolve) => {
        worker.once('message', () => resolve());
        worker.once('exit', () => resolve());
      });
      post('stop');
      await stopped;
      await worker.terminate();
    },
  };
}
