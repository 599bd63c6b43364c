/**
 * A pool of k-means worker threads, kept across calls. One call at a time uses it: it binds the workers to
 * its shared arrays, then runs passes, each split by blocks over the workers and the calling thread.
 */
import { Worker } from 'node:worker_threads';
import { runSharedBlocks, type KMeansArrays, type KMeansShape, type Op } from './kmeans-kernels.js';
import type { KMeansWorkerMessage } from './kmeans-worker.js';
import { loadWorkerScript, type WorkerScript } from '../core/worker-script.js';

interface Pending {
  resolve: () => void;
  reject: (error: Error) => void;
}

const workers: Worker[] = [];
const pending = new Map<Worker, Pending>();
let scriptLoading: Promise<WorkerScript> | null = null;
let queue: Promise<unknown> = Promise.resolve();

function forget(worker: Worker, error: Error): void {
  const index = workers.indexOf(worker);
  if (index >= 0) workers.splice(index, 1);
  pending.get(worker)?.reject(error);
  pending.delete(worker);
}

async function startWorkers(count: number): Promise<void> {
  if (workers.length >= count) return;
  scriptLoading ??= loadWorkerScript(new URL('./kmeans-worker.js', import.meta.url), new URL('./kmeans-worker.ts', import.meta.url));
  const { script, eval: isSource } = await scriptLoading;
  while (workers.length < count) {
    const worker = new Worker(script, { eval: isSource });
    worker.unref();
    worker.on('message', () => {
      const waiting = pending.get(worker);
      pending.delete(worker);
      waiting?.resolve();
    });
    worker.on('error', (error) => forget(worker, error));
    worker.on('exit', (code) => forget(worker, new Error(`k-means worker exited with code ${code}`)));
    workers.push(worker);
  }
}

export type RunPass = (op: Op) => Promise<void>;

/**
 * Runs `body` with threads - 1 workers bound to `arrays` (on SharedArrayBuffers); the calling thread takes
 * blocks too, which saves waking a thread per pass. Calls are queued, so two k-means calls never share the
 * workers at once. Workers keep the process alive only while a call runs.
 */
export function withKMeansWorkers<T>(threads: number, shape: KMeansShape, arrays: KMeansArrays, body: (run: RunPass) => Promise<T>): Promise<T> {
  const turn = queue.then(async () => {
    await startWorkers(threads - 1);
    const team = workers.slice(0, threads - 1);
    const bind: KMeansWorkerMessage = { type: 'bind', shape, arrays };
    for (const worker of team) {
      worker.ref();
      worker.postMessage(bind);
    }
    const run: RunPass = (op) => {
      Atomics.store(arrays.control, 0, 0);
      const message: KMeansWorkerMessage = { type: 'run', op };
      const done = Promise.all(
        team.map(
          (worker) =>
            new Promise<void>((resolve, reject) => {
              if (!workers.includes(worker)) return reject(new Error('k-means worker stopped'));
              pending.set(worker, { resolve, reject });
              worker.postMessage(message);
            }),
        ),
      );
      try {
        runSharedBlocks(op, shape, arrays);
      } catch (error) {
        done.catch(() => undefined);
        throw error;
      }
      return done.then(() => undefined);
    };
    try {
      return await body(run);
    } finally {
      for (const worker of team) worker.unref();
    }
  });
  queue = turn.catch(() => undefined);
  return turn;
}
