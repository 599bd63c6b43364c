/** Disjoint sets of ids, with path halving and union by size; holds only ids that were joined. */
export class IdUnionFind {
  private readonly parent = new Map<string, string>();
  private readonly size = new Map<string, number>();

  find(x: string): string {
    let parent = this.parent.get(x);
    while (parent !== undefined && parent !== x) {
      const grandparent = this.parent.get(parent)!;
      this.parent.set(x, grandparent);
      x = grandparent;
      parent = this.parent.get(x);
    }
    return x;
  }

  /** Joins the sets of a and b; false when they were one set already. */
  union(a: string, b: string): boolean {
    let rootA = this.find(a);
    let rootB = this.find(b);
    if (rootA === rootB) return false;
    if (!this.parent.has(rootA)) this.parent.set(rootA, rootA);
    if (!this.parent.has(rootB)) this.parent.set(rootB, rootB);
    if ((this.size.get(rootA) ?? 1) < (this.size.get(rootB) ?? 1)) [rootA, rootB] = [rootB, rootA];
    this.parent.set(rootB, rootA);
    this.size.set(rootA, (this.size.get(rootA) ?? 1) + (this.size.get(rootB) ?? 1));
    return true;
  }

  /** Groups of two or more ids, each sorted, ordered by their first id. */
  groups(): string[][] {
    const byRoot = new Map<string, string[]>();
    for (const id of this.parent.keys()) {
      const root = this.find(id);
      const group = byRoot.get(root);
      if (group) group.push(id);
      else byRoot.set(root, [id]);
    }
    return [...byRoot.values()].map((group) => group.sort()).sort((x, y) => (x[0] < y[0] ? -1 : 1));
  }
}

export interface ScoredPair<T = undefined> {
  a: string;
  b: string;
  /** Probability of being the same person. */
  score: number;
  /** False for a pair never merged without asking, whatever its score (a match on the name alone). */
  mergeable?: boolean;
  /** Whatever the caller keeps with a pair for review (the two records, say). */
  detail?: T;
}

export interface Thresholds {
  merge: number;
  review: number;
}

export interface Clustering<T = undefined> {
  /** Groups of two or more ids to merge, linked directly or through other records. */
  clusters: string[][];
  /** The pairs that joined the clusters, with their scores: one fewer per cluster than its records. */
  links: ScoredPair[];
  /** The best pairs between the review and merge thresholds whose records did not end up merged anyway, best first. */
  review: ScoredPair<T>[];
  /** Review pairs left out because the review list was full. */
  reviewDropped: number;
}

export interface CollectorSnapshot<T = undefined> {
  links: ScoredPair[];
  review: ScoredPair<T>[];
  dropped: number;
}

// Better first: higher score, then ids in order, so that equal scores rank the same on every run.
function better(x: ScoredPair<unknown>, y: ScoredPair<unknown>): boolean {
  if (x.score !== y.score) return x.score > y.score;
  return x.a !== y.a ? x.a < y.a : x.b < y.b;
}

/**
 * Collects scored pairs one at a time: sure matches are joined into clusters, pairs for review are
 * kept up to `maxReview`, the best ones, in a heap. Memory grows with the matches, not the records.
 */
export class MatchCollector<T = undefined> {
  private readonly sets = new IdUnionFind();
  private readonly links: ScoredPair[] = [];
  /** A min-heap by `better`: the worst kept review pair is at the top. */
  private readonly heap: ScoredPair<T>[] = [];
  private dropped = 0;

  constructor(
    private readonly thresholds: Thresholds,
    private readonly maxReview = Infinity,
  ) {}

  add(pair: ScoredPair<T>): void {
    if (pair.score >= this.thresholds.merge && pair.mergeable !== false) this.link(pair);
    else if (pair.score >= this.thresholds.review) this.keepForReview(pair.a < pair.b ? pair : { ...pair, a: pair.b, b: pair.a });
  }

  private link({ a, b, score }: ScoredPair<unknown>): void {
    if (this.sets.union(a, b)) this.links.push(a < b ? { a, b, score } : { a: b, b: a, score });
  }

  private keepForReview(pair: ScoredPair<T>): void {
    const heap = this.heap;
    if (heap.length >= this.maxReview) {
      this.dropped++;
      if (heap.length === 0 || !better(pair, heap[0])) return;
      heap[0] = pair;
      this.siftDown(0);
      return;
    }
    heap.push(pair);
    for (let at = heap.length - 1; at > 0;) {
      const parent = (at - 1) >> 1;
      if (!better(heap[parent], heap[at])) break;
      [heap[parent], heap[at]] = [heap[at], heap[parent]];
      at = parent;
    }
  }

  private siftDown(at: number): void {
    const heap = this.heap;
    for (;;) {
      const left = 2 * at + 1;
      const right = left + 1;
      let worst = at;
      if (left < heap.length && better(heap[worst], heap[left])) worst = left;
      if (right < heap.length && better(heap[worst], heap[right])) worst = right;
      if (worst === at) return;
      [heap[worst], heap[at]] = [heap[at], heap[worst]];
      at = worst;
    }
  }

  /** What this collector holds, unfiltered, for another collector to absorb (a worker's share of a scan). */
  snapshot(): CollectorSnapshot<T> {
    return { links: [...this.links], review: [...this.heap], dropped: this.dropped };
  }

  /** Takes in another collector's matches, as if its pairs had been added here. */
  absorb(other: CollectorSnapshot<T>): void {
    for (const link of other.links) this.link(link);
    // Each collector counts the pairs beyond what it keeps; keeping the other's here counts the rest.
    this.dropped += other.dropped;
    for (const pair of other.review) this.keepForReview(pair);
  }

  result(): Clustering<T> {
    const seen = new Set<string>();
    const review = [...this.heap]
      .sort((x, y) => (better(x, y) ? -1 : 1))
      .filter((pair) => {
        const key = `${pair.a}|${pair.b}`;
        if (this.sets.find(pair.a) === this.sets.find(pair.b) || seen.has(key)) return false;
        seen.add(key);
        return true;
      });
    return { clusters: this.sets.groups(), links: [...this.links], review, reviewDropped: this.dropped };
  }
}
