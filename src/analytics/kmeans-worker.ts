/**
 * Worker thread of the k-means pool: binds to one call's shared arrays, then runs passes on the blocks it
 * takes from the shared counter and reports when there are none left.
 */
import { parentPort } from 'node:worker_threads';
import { runSharedBlocks, type KMeansArrays, type KMeansShape, type Op } from './kmeans-kernels.js';

export type KMeansWorkerMessage = { type: 'bind'; shape: KMeansShape; arrays: KMeansArrays } | { type: 'run'; op: Op };

let bound: { shape: KMeansShape; arrays: KMeansArrays } | null = null;

parentPort?.on('message', (message: KMeansWorkerMessage) => {
  if (message.type === 'bind') {
    bound = { shape: message.shape, arrays: message.arrays };
    return;
  }
  if (!bound) throw new Error('k-means worker: run before bind');
  runSharedBlocks(message.op, bound.shape, bound.arrays);
  parentPort!.postMessage('done');
});
