import { Worker } from 'node:worker_threads';
import { loadWorkerScript } from '../core/worker-script.js';
import type { CollectorSnapshot } from '../dedupe/cluster.js';
import type { CompareSetup, CompareStats } from './compare.js';
import type { CompareWorkerMessage } from './compare-worker.js';

export interface CompareShare {
  snapshot: CollectorSnapshot;
  stats: CompareStats;
}

/**
 * Compares the blocks of every page of keys on `threads` worker threads, each reading the SQLite
 * file through its own connection; pages go round robin. Blocks are independent (a pair is scored
 * only in the first block it shares), so each worker's share is complete in itself.
 */
export async function compareInWorkers(file: string, setup: CompareSetup, threads: number, pages: AsyncIterable<number[]>): Promise<CompareShare[]> {
  const { script, eval: isSource } = await loadWorkerScript(new URL('./compare-worker.js', import.meta.url), new URL('./compare-worker.ts', import.meta.url));
  const workers = Array.from({ length: threads }, () => new Worker(script, { eval: isSource, workerData: { ...setup, file } }));
  const shares = workers.map(
    (worker) =>
      new Promise<CompareShare>((resolve, reject) => {
        worker.on('message', (message: Partial<CompareShare> & { error?: string }) => (message.error ? reject(new Error(`duplicate scan: ${message.error}`)) : resolve(message as CompareShare)));
        worker.once('error', reject);
        worker.once('exit', (code) => reject(new Error(`duplicate scan worker exited with code ${code}`)));
      }),
  );
  // A worker that fails stops the scan at once, not after the last page is sent.
  let failed: Error | undefined;
  const done = Promise.all(shares);
  done.catch((error: Error) => (failed = error));
  try {
    let turn = 0;
    for await (const keys of pages) {
      if (failed) throw failed;
      workers[turn++ % threads].postMessage({ keys } satisfies CompareWorkerMessage);
    }
    for (const worker of workers) worker.postMessage({ finish: true } satisfies CompareWorkerMessage);
    return await done;
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}
