/**
 * The job worker thread: opens its own connection to the database (on SQLite its own handle on the
 * file, so the server's reads never wait on its writes, WAL letting both run), then claims and runs
 * jobs until told to stop. The server's thread posts `nudge` when it queues a job.
 */
import '../derived-data.js';
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase, type OpenOptions } from '../core/database.js';
import { startWorker } from '../core/jobs.js';
import { jobHandlers, jobSchedules } from './handlers.js';

export type JobThreadMessage = 'nudge' | 'stop';
export interface JobThreadData {
  open: OpenOptions;
  pollMs?: number;
  schedules: boolean;
}

const data = workerData as JobThreadData;

// No top-level await: from the TypeScript sources this script runs as a CommonJS bundle.
// Between two chunks the job leaves the SQLite write lock free for a moment, for the server's own writes.
void openDatabase({ ...data.open, pauseAfterCommitMs: 15 }).then((database) => {
  const worker = startWorker(database, jobHandlers(database), {
    pollMs: data.pollMs,
    schedules: data.schedules ? jobSchedules : [],
    onError: (error, job) => console.error(`job ${job ? `${job.kind} ${job.id}` : 'worker'} error:`, error),
  });
  parentPort!.on('message', async (message: JobThreadMessage) => {
    if (message === 'nudge') return worker.nudge();
    await worker.stop();
    await database.close();
    parentPort!.postMessage('stopped');
  });
  parentPort!.postMessage('ready');
});
