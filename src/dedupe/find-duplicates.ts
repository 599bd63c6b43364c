import { candidatePairs, type CandidateOptions } from './blocks.js';
import { MatchCollector, type ScoredPair, type Thresholds } from './cluster.js';
import { preparePerson, type PersonRecord } from './record.js';
import { candidateScore, DEFAULT_THRESHOLDS } from './score.js';

export interface DuplicateOptions extends CandidateOptions {
  thresholds?: Thresholds;
  /** Keep at most this many review pairs, the best (default: all). */
  maxReview?: number;
}

type IdPair = ScoredPair;

export interface Duplicates {
  /** Record ids to merge into one customer each. */
  clusters: string[][];
  /** Likely duplicates for a person to confirm, best first. */
  review: IdPair[];
}

/** Blocking, pairwise scoring and transitive clustering over records held in memory. */
export function findDuplicates(records: PersonRecord[], options: DuplicateOptions = {}): Duplicates {
  const people = records.map(preparePerson);
  const thresholds = options.thresholds ?? DEFAULT_THRESHOLDS;
  const collector = new MatchCollector(thresholds, options.maxReview);
  const oversized = new Map<number, number>();
  for (const [a, b, blockSize] of candidatePairs(people, options, oversized)) {
    collector.add({ a: people[a].id, b: people[b].id, ...candidateScore(people[a], people[b], blockSize, oversized) });
  }
  const { clusters, review } = collector.result();
  return { clusters, review };
}
