import { Worker } from 'node:worker_threads';
import { loadWorkerScript } from '../core/worker-script.js';
import type { MatchRows } from './match-rows.js';

export type ComputeMatchRows = (rows: unknown[][]) => Promise<MatchRows>;

/**
 * Runs `body` with `threads` worker threads that compute match rows from pages of customer rows;
 * pages go round robin and each worker answers its pages in order. The workers stop afterwards.
 */
export async function withMatchKeyWorkers<T>(threads: number, body: (compute: ComputeMatchRows) => Promise<T>): Promise<T> {
  const { script, eval: isSource } = await loadWorkerScript(new URL('./match-key-worker.js', import.meta.url), new URL('./match-key-worker.ts', import.meta.url));
  const workers = Array.from({ length: threads }, () => {
    const worker = new Worker(script, { eval: isSource });
    const waiting: { resolve: (rows: MatchRows) => void; reject: (error: Error) => void }[] = [];
    const failAll = (error: Error) => {
      for (const w of waiting.splice(0)) w.reject(error);
    };
    worker.on('message', (message: { result?: MatchRows; error?: string }) => {
      const next = waiting.shift();
      if (message.result) next?.resolve(message.result);
      else next?.reject(new Error(`match keys: ${message.error}`));
    });
    worker.on('error', failAll);
    worker.on('exit', (code) => failAll(new Error(`match-key worker exited with code ${code}`)));
    return { worker, waiting };
  });
  let turn = 0;
  const compute: ComputeMatchRows = (rows) =>
    new Promise((resolve, reject) => {
      const { worker, waiting } = workers[turn++ % workers.length];
      waiting.push({ resolve, reject });
      worker.postMessage(rows);
    });
  try {
    return await body(compute);
  } finally {
    await Promise.all(workers.map(({ worker }) => worker.terminate()));
  }
}
