import { candidatePairs, type CandidateOptions } from './blocking.js';
import { clusterPairs, type ScoredPair, type Thresholds } from './cluster.js';
import { preparePerson, type PersonRecord } from './record.js';
import { DEFAULT_THRESHOLDS, scorePair } from './score.js';

export interface DuplicateOptions extends CandidateOptions {
  thresholds?: Thresholds;
}

export interface IdPair {
  a: string;
  b: string;
  score: number;
}

export interface Duplicates {
  /** Record ids to merge into one customer each. */
  clusters: string[][];
  /** Likely duplicates for a person to confirm. */
  review: IdPair[];
}

/** Blocking, pairwise scoring and transitive clustering over records held in memory. */
export function findDuplicates(records: PersonRecord[], options: DuplicateOptions = {}): Duplicates {
  const people = records.map(preparePerson);
  const thresholds = options.thresholds ?? DEFAULT_THRESHOLDS;
  function* scored(): Generator<ScoredPair> {
    for (const [a, b] of candidatePairs(people, options)) {
      const { score, corroborated } = scorePair(people[a], people[b]);
      // A name-only match waits for review however high it scores.
      if (score >= thresholds.review) yield { a, b, score: corroborated ? score : Math.min(score, thresholds.merge - 0.001) };
    }
  }
  const { clusters, review } = clusterPairs(people.length, scored(), thresholds);
  return {
    clusters: clusters.map((group) => group.map((i) => people[i].id)),
    review: review.map(({ a, b, score }) => ({ a: people[a].id, b: people[b].id, score })),
  };
}
