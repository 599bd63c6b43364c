/**
 * Worker thread of a parallel duplicate scan: opens its own connection to the SQLite file, then reads
 * and compares the blocks of each page of keys it is sent; on `finish` it answers with what it found.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../core/database.js';
import { MatchCollector } from '../dedupe/cluster.js';
import { compareBlock, emptyCompareStats, type CompareSetup } from './compare.js';
import { readBlocks } from './stored-blocks.js';

export type CompareWorkerMessage = { keys: number[] } | { finish: true };

const setup = workerData as CompareSetup & { file: string };
const oversized = new Map(setup.oversized);
const options = { thresholds: setup.thresholds, touching: setup.touching ? new Set(setup.touching) : undefined };
const collector = new MatchCollector(setup.thresholds, setup.maxReview);
const stats = emptyCompareStats();
const opened = openDatabase({ sqlitePath: setup.file });
let work: Promise<unknown> = opened;
let failed: Error | null = null;

parentPort!.on('message', (message: CompareWorkerMessage) => {
  work = work.then(async () => {
    if (failed) return;
    const { db } = await opened;
    try {
      if ('keys' in message) {
        for (const block of await readBlocks(db, message.keys)) compareBlock(block, oversized, options, collector, stats);
      } else {
        await (await opened).close();
        parentPort!.postMessage({ snapshot: collector.snapshot(), stats });
      }
    } catch (error) {
      failed = error as Error;
      parentPort!.postMessage({ error: failed.message });
    }
  });
});
