import { blockPairs, type BlockMember, type OversizedKeys } from '../dedupe/blocks.js';
import type { MatchCollector, Thresholds } from '../dedupe/cluster.js';
import { candidateScore } from '../dedupe/score.js';
import type { StoredBlock } from './stored-blocks.js';

/** What comparing blocks needs to know, in a form a worker thread can be sent. */
export interface CompareSetup {
  thresholds: Thresholds;
  maxReview: number;
  /** The keys over the block cap with their sizes. */
  oversized: [key: number, customers: number][];
  /** Only pairs with at least one of these customers. */
  touching?: string[];
}

export interface CompareStats {
  /** Blocks of 2..maxBlockSize customers read and compared. */
  blocks: number;
  /** Pairs within the compared blocks. */
  candidatePairs: number;
  /** Pairs scored: each pair once, in the first compared block it is in. */
  comparisons: number;
  /** Pairs at or above the merge threshold that may be merged without asking. */
  mergePairs: number;
  /** Pairs for review (at or above the review threshold, and not merged), before the review list's cap. */
  reviewPairs: number;
}

export const emptyCompareStats = (): CompareStats => ({ blocks: 0, candidatePairs: 0, comparisons: 0, mergePairs: 0, reviewPairs: 0 });

export function addCompareStats(into: CompareStats, more: CompareStats): void {
  into.blocks += more.blocks;
  into.candidatePairs += more.candidatePairs;
  into.comparisons += more.comparisons;
  into.mergePairs += more.mergePairs;
  into.reviewPairs += more.reviewPairs;
}

/** Scores the pairs of one block that are compared in it and hands them to the collector. */
export function compareBlock(block: StoredBlock, oversized: OversizedKeys, options: { thresholds: Thresholds; touching?: ReadonlySet<string> }, collector: MatchCollector, stats: CompareStats): void {
  const members: BlockMember[] = block.members.map(({ person, keys }) => ({ person, keys, wanted: !options.touching || options.touching.has(person.id) }));
  const size = members.length;
  stats.blocks++;
  stats.candidatePairs += (size * (size - 1)) / 2;
  for (const [i, j] of blockPairs(block.key, members, oversized)) {
    stats.comparisons++;
    const { score, mergeable } = candidateScore(members[i].person, members[j].person, size, oversized);
    if (score >= options.thresholds.merge && mergeable) stats.mergePairs++;
    else if (score >= options.thresholds.review) stats.reviewPairs++;
    collector.add({ a: members[i].person.id, b: members[j].person.id, score, mergeable });
  }
}
