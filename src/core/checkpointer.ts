import { Worker } from 'node:worker_threads';
import type { CheckpointWorkerData } from './checkpoint-worker.js';
import type { Database } from './database.js';
import { loadWorkerScript } from './worker-script.js';

/**
 * Log pages a writing connection lets accumulate before it checkpoints by itself while another thread
 * checkpoints for it (256 MB at 4 KB pages). The thread copies committed pages into the database as
 * the writer goes on, but the log only starts over when a transaction begins with everything copied,
 * which a writer that commits back to back rarely sees: at this size the writer checkpoints the last
 * few pages itself and the log starts over. SQLite's own default is 1,000 pages.
 */
const writerLimitPages = 65_536;

export interface BackgroundCheckpoints {
  /** Starts the checkpoint thread (once; later calls do nothing). */
  start(): Promise<void>;
  /** Stops the thread and gives the writing connection back its own checkpoints. */
  stop(): Promise<void>;
}

/**
 * WAL checkpoints on a thread of their own, for a long run of write transactions on SQLite (an
 * import's chunks). A connection checkpoints by itself when a commit leaves more than 1,000 pages in
 * the log: it copies them into the database file and waits for the disk (fsync) twice, inside the
 * commit. A chunk of 5,000 orders leaves about 6,000, so every commit waited. With the thread, the
 * commits only append to the log, and the copying and the waiting happen beside the writer. Measured on
 * a 200,000-order import with no earn rule: its 43 commits took 6.0 to 7.3 s, and 2.9 to 3.5 s with the
 * thread. On other engines, and on an SQLite database in memory, this does nothing. Meant for a process
 * that writes alone (see ImportOptions.checkpointThread): readers alongside find a longer log.
 */
export function backgroundCheckpoints(database: Database, everyMs = 50): BackgroundCheckpoints {
  const file = database.sqlitePath;
  const raw = database.sqlite;
  let running: { worker: Worker; writerLimit: number } | null = null;
  let starting: Promise<void> | null = null;
  return {
    start() {
      if (!raw || !file || file === ':memory:') return Promise.resolve();
      starting ??= (async () => {
        const { script, eval: isSource } = await loadWorkerScript(new URL('./checkpoint-worker.js', import.meta.url), new URL('./checkpoint-worker.ts', import.meta.url));
        const worker = new Worker(script, { eval: isSource, workerData: { file, everyMs } satisfies CheckpointWorkerData });
        await new Promise<void>((resolve, reject) => {
          worker.once('message', () => resolve());
          worker.once('error', reject);
        });
        // A failure later leaves the writer to checkpoint by itself, at the higher limit.
        worker.on('error', () => undefined);
        running = { worker, writerLimit: raw.pragma('wal_autocheckpoint', { simple: true }) as number };
        raw.pragma(`wal_autocheckpoint = ${writerLimitPages}`);
      })().catch(() => {
        // No thread: the writer goes on checkpointing by itself, as without one.
      });
      return starting;
    },
    async stop() {
      await starting?.catch(() => undefined);
      if (!running || !raw) return;
      const { worker, writerLimit } = running;
      running = null;
      raw.pragma(`wal_autocheckpoint = ${writerLimit}`);
      await new Promise<void>((resolve) => {
        worker.once('exit', () => resolve());
        worker.postMessage('stop');
      });
    },
  };
}
