import { availableParallelism } from 'node:os';
import type { Database } from '../core/database.js';
import { DEFAULT_MAX_BLOCK_SIZE } from '../dedupe/blocks.js';
import { MatchCollector, type ScoredPair, type Thresholds } from '../dedupe/cluster.js';
import { compareInWorkers } from './compare-pool.js';
import { addCompareStats, compareBlock, emptyCompareStats, type CompareStats } from './compare.js';
import { refreshMatchKeys } from './match-keys.js';
import { allBlocks, blocksTouching, readBlocks } from './stored-blocks.js';

export interface DetectOptions {
  thresholds: Thresholds;
  /** Only pairs with at least one of these customers (an import's records). */
  touching?: ReadonlySet<string>;
  maxReview: number;
  maxBlockSize?: number;
  /** Worker threads to compare blocks on; by default up to 4 for a scan of more than a few pages, 0 or 1 for none. */
  threads?: number;
}

export interface DetectStats extends CompareStats {
  /** Whether every customer's match keys were computed and stored first (first scan, or a new key version). */
  rebuiltKeys: boolean;
  /** Customers whose keys were stored before comparing: all when rebuilt, else those written since the last scan. */
  refreshedCustomers: number;
  refreshSeconds: number;
  /** Blocks over the cap, not compared. */
  oversizedBlocks: number;
  /** Worker threads that compared blocks (0: this thread did). */
  threads: number;
  seconds: number;
}

export interface Detection {
  clusters: string[][];
  /** The scored pairs that joined the clusters (see Clustering.links). */
  links: ScoredPair[];
  review: ScoredPair[];
  stats: DetectStats;
}

/** Scans of more pages of keys than this are compared on worker threads. */
const parallelFromPages = 3;

/**
 * Finds duplicate customers from the stored match keys: blocks are read from the database a page
 * at a time in key order, and each compared in turn, so memory holds one page of blocks plus the
 * matches found, however many customers there are.
 */
export async function detectDuplicates(database: Database, options: DetectOptions): Promise<Detection> {
  const db = database.db;
  const started = performance.now();
  const maxBlockSize = options.maxBlockSize ?? DEFAULT_MAX_BLOCK_SIZE;
  const stats: DetectStats = { ...emptyCompareStats(), rebuiltKeys: false, refreshedCustomers: 0, refreshSeconds: 0, oversizedBlocks: 0, threads: 0, seconds: 0 };
  const refresh = await refreshMatchKeys(database);
  stats.rebuiltKeys = refresh.rebuilt;
  stats.refreshedCustomers = refresh.refreshed;
  stats.refreshSeconds = (performance.now() - started) / 1000;
  // An import's own customers were written after the last scan, so the refresh has keyed them.
  const plan = options.touching ? await blocksTouching(db, [...options.touching], maxBlockSize) : await allBlocks(db, maxBlockSize);
  stats.oversizedBlocks = plan.oversized.size;
  const collector = new MatchCollector(options.thresholds, options.maxReview);
  const pages = plan.pages()[Symbol.asyncIterator]();
  // A scan of a few pages (a small import's customers) is compared here; a larger one on worker threads,
  // each with its own connection to the SQLite file.
  const firstPages: number[][] = [];
  let more = true;
  while (firstPages.length < parallelFromPages && more) {
    const next = await pages.next();
    if (next.done) more = false;
    else firstPages.push(next.value);
  }
  const all = (async function* () {
    yield* firstPages;
    for (let next = await pages.next(); !next.done; next = await pages.next()) yield next.value;
  })();
  const file = database.sqlitePath !== ':memory:' ? database.sqlitePath : undefined;
  const threads = options.threads ?? (more ? Math.min(4, availableParallelism()) : 0);
  if (file && threads > 1) {
    const setup = { thresholds: options.thresholds, maxReview: options.maxReview, oversized: [...plan.oversized], touching: options.touching ? [...options.touching] : undefined };
    for (const share of await compareInWorkers(file, setup, threads, all)) {
      collector.absorb(share.snapshot);
      addCompareStats(stats, share.stats);
    }
    stats.threads = threads;
  } else {
    const compareOptions = { thresholds: options.thresholds, touching: options.touching };
    for await (const keys of all) for (const block of await readBlocks(db, keys)) compareBlock(block, plan.oversized, compareOptions, collector, stats);
  }
  const { clusters, links, review } = collector.result();
  stats.seconds = (performance.now() - started) / 1000;
  return { clusters, links, review, stats };
}
