import { describe, expect, it } from 'vitest';
import { clusterPairs, UnionFind } from './cluster.js';

describe('clusterPairs', () => {
  it('merges transitively and sends in-between pairs to review', () => {
    const result = clusterPairs(
      6,
      [
        { a: 0, b: 1, score: 0.95 },
        { a: 1, b: 2, score: 0.99 },
        { a: 3, b: 4, score: 0.5 },
        { a: 0, b: 2, score: 0.5 }, // already merged through 1
        { a: 4, b: 5, score: 0.1 },
      ],
      { merge: 0.9, review: 0.3 },
    );
    expect(result.clusters).toEqual([[0, 1, 2]]);
    expect(result.review).toEqual([{ a: 3, b: 4, score: 0.5 }]);
  });

  it('union-find joins and finds', () => {
    const sets = new UnionFind(4);
    sets.union(0, 1);
    sets.union(2, 3);
    expect(sets.find(1)).toBe(sets.find(0));
    expect(sets.find(2)).not.toBe(sets.find(0));
  });
});
