import type { Database } from '../core/database.js';
import { blockPairs, DEFAULT_MAX_BLOCK_SIZE, type BlockMember, type OversizedKeys } from '../imports/dedupe/blocks.js';
import { MatchCollector, type ScoredPair, type Thresholds } from '../imports/dedupe/cluster.js';
import { candidateScore } from '../imports/dedupe/score.js';
import { refreshMatchKeys } from './match-keys.js';
import { allBlocks, blocksTouching, readBlocks, type StoredBlock } from './stored-blocks.js';

export interface DetectOptions {
  thresholds: Thresholds;
  /** Only pairs with at least one of these customers (an import's records). */
  touching?: ReadonlySet<string>;
  maxReview: number;
  maxBlockSize?: number;
}

export interface DetectStats {
  /** Whether every customer's match keys were computed and stored first (first scan, or a new key version). */
  rebuiltKeys: boolean;
  /** Customers whose keys were stored before comparing: all when rebuilt, else those written since the last scan. */
  refreshedCustomers: number;
  refreshSeconds: number;
  /** Blocks of 2..maxBlockSize customers read and compared. */
  blocks: number;
  /** Blocks over the cap, not compared. */
  oversizedBlocks: number;
  /** Pairs within the compared blocks. */
  candidatePairs: number;
  /** Pairs scored: each pair once, in the first compared block it is in. */
  comparisons: number;
  /** Pairs at or above the merge threshold. */
  mergePairs: number;
  /** Pairs between the review and merge thresholds, before the review list's cap. */
  reviewPairs: number;
  seconds: number;
}

export interface Detection {
  clusters: string[][];
  review: ScoredPair[];
  stats: DetectStats;
}

/**
 * Finds duplicate customers from the stored match keys: blocks are read from the database a page
 * at a time in key order, and each compared in turn, so memory holds one page of blocks plus the
 * matches found, however many customers there are.
 */
export async function detectDuplicates(database: Database, options: DetectOptions): Promise<Detection> {
  const db = database.db;
  const started = performance.now();
  const maxBlockSize = options.maxBlockSize ?? DEFAULT_MAX_BLOCK_SIZE;
  const stats: DetectStats = { rebuiltKeys: false, refreshedCustomers: 0, refreshSeconds: 0, blocks: 0, oversizedBlocks: 0, candidatePairs: 0, comparisons: 0, mergePairs: 0, reviewPairs: 0, seconds: 0 };
  const refresh = await refreshMatchKeys(database);
  stats.rebuiltKeys = refresh.rebuilt;
  stats.refreshedCustomers = refresh.refreshed;
  stats.refreshSeconds = (performance.now() - started) / 1000;
  // An import's own customers were written after the last scan, so the refresh has keyed them.
  const plan = options.touching ? await blocksTouching(db, [...options.touching], maxBlockSize) : await allBlocks(db, maxBlockSize);
  stats.oversizedBlocks = plan.oversized.size;
  const collector = new MatchCollector(options.thresholds, options.maxReview);
  for await (const keys of plan.pages()) {
    for (const block of await readBlocks(db, keys)) compareBlock(block, plan.oversized, options, collector, stats);
  }
  const { clusters, review } = collector.result();
  stats.seconds = (performance.now() - started) / 1000;
  return { clusters, review, stats };
}

function compareBlock(block: StoredBlock, oversized: OversizedKeys, options: DetectOptions, collector: MatchCollector, stats: DetectStats): void {
  const members: BlockMember[] = block.members.map(({ person, keys }) => ({ person, keys, wanted: !options.touching || options.touching.has(person.id) }));
  const size = members.length;
  stats.blocks++;
  stats.candidatePairs += (size * (size - 1)) / 2;
  for (const [i, j] of blockPairs(block.key, members, oversized)) {
    stats.comparisons++;
    const score = candidateScore(members[i].person, members[j].person, size, options.thresholds, oversized);
    if (score >= options.thresholds.merge) stats.mergePairs++;
    else if (score >= options.thresholds.review) stats.reviewPairs++;
    collector.add({ a: members[i].person.id, b: members[j].person.id, score });
  }
}
