/** Disjoint sets over 0..n-1 with path halving and union by size. */
export class UnionFind {
  private readonly parent: Int32Array;
  private readonly size: Int32Array;

  constructor(count: number) {
    this.parent = Int32Array.from({ length: count }, (_, i) => i);
    this.size = new Int32Array(count).fill(1);
  }

  find(x: number): number {
    while (this.parent[x] !== x) {
      this.parent[x] = this.parent[this.parent[x]];
      x = this.parent[x];
    }
    return x;
  }

  union(a: number, b: number): void {
    let rootA = this.find(a);
    let rootB = this.find(b);
    if (rootA === rootB) return;
    if (this.size[rootA] < this.size[rootB]) [rootA, rootB] = [rootB, rootA];
    this.parent[rootB] = rootA;
    this.size[rootA] += this.size[rootB];
  }
}

export interface ScoredPair {
  a: number;
  b: number;
  score: number;
}

export interface Thresholds {
  merge: number;
  review: number;
}

export interface Clustering {
  /** Groups of two or more record indexes to merge, linked directly or through other records. */
  clusters: number[][];
  /** Pairs scored between the review and merge thresholds whose records did not end up merged anyway. */
  review: ScoredPair[];
}

export function clusterPairs(count: number, pairs: Iterable<ScoredPair>, thresholds: Thresholds): Clustering {
  const sets = new UnionFind(count);
  const maybe: ScoredPair[] = [];
  for (const pair of pairs) {
    if (pair.score >= thresholds.merge) sets.union(pair.a, pair.b);
    else if (pair.score >= thresholds.review) maybe.push(pair);
  }
  const groups = new Map<number, number[]>();
  for (let i = 0; i < count; i++) {
    const root = sets.find(i);
    const group = groups.get(root);
    if (group) group.push(i);
    else groups.set(root, [i]);
  }
  const clusters = [...groups.values()].filter((group) => group.length > 1);
  const seen = new Set<string>();
  const review = maybe.filter((pair) => {
    const key = `${pair.a}:${pair.b}`;
    if (sets.find(pair.a) === sets.find(pair.b) || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { clusters, review };
}
