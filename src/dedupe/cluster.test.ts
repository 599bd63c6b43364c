import { describe, expect, it } from 'vitest';
import { IdUnionFind, MatchCollector } from './cluster.js';

describe('MatchCollector', () => {
  it('merges transitively and sends in-between pairs to review', () => {
    const collector = new MatchCollector({ merge: 0.9, review: 0.3 });
    for (const pair of [
      { a: 'r0', b: 'r1', score: 0.95 },
      { a: 'r1', b: 'r2', score: 0.99 },
      { a: 'r4', b: 'r3', score: 0.5 },
      { a: 'r0', b: 'r2', score: 0.5 }, // already merged through r1
      { a: 'r4', b: 'r5', score: 0.1 },
    ])
      collector.add(pair);
    const result = collector.result();
    expect(result.clusters).toEqual([['r0', 'r1', 'r2']]);
    expect(result.links).toEqual([
      { a: 'r0', b: 'r1', score: 0.95 },
      { a: 'r1', b: 'r2', score: 0.99 },
    ]);
    expect(result.review).toEqual([{ a: 'r3', b: 'r4', score: 0.5 }]);
  });

  it('never merges a pair marked not mergeable, however likely: it waits for review', () => {
    const collector = new MatchCollector({ merge: 0.9, review: 0.3 });
    collector.add({ a: 'x', b: 'y', score: 0.99, mergeable: false });
    expect(collector.result().clusters).toEqual([]);
    expect(collector.result().review.map((p) => [p.a, p.b, p.score])).toEqual([['x', 'y', 0.99]]);
  });

  it('absorbs another collector as if its pairs had been added here, links and scores included', () => {
    const here = new MatchCollector({ merge: 0.9, review: 0.3 });
    const there = new MatchCollector({ merge: 0.9, review: 0.3 });
    here.add({ a: 'a', b: 'b', score: 0.97 });
    there.add({ a: 'c', b: 'b', score: 0.93 });
    there.add({ a: 'a', b: 'c', score: 0.99 });
    here.absorb(there.snapshot());
    expect(here.result().clusters).toEqual([['a', 'b', 'c']]);
    expect(here.result().links).toEqual([
      { a: 'a', b: 'b', score: 0.97 },
      { a: 'b', b: 'c', score: 0.93 },
    ]);
  });

  it('keeps only the best review pairs, ranked, when the list is capped', () => {
    const collector = new MatchCollector({ merge: 0.9, review: 0.5 }, 3);
    const scores = [0.6, 0.8, 0.55, 0.7, 0.85, 0.65, 0.7];
    scores.forEach((score, i) => collector.add({ a: `a${i}`, b: `b${i}`, score }));
    const result = collector.result();
    expect(result.review.map((p) => [p.a, p.score])).toEqual([
      ['a4', 0.85],
      ['a1', 0.8],
      ['a3', 0.7],
    ]);
    expect(result.reviewDropped).toBe(4);
  });
});

describe('IdUnionFind', () => {
  it('joins and finds, and lists groups of two or more', () => {
    const sets = new IdUnionFind();
    sets.union('a', 'b');
    sets.union('c', 'd');
    sets.union('d', 'e');
    expect(sets.find('b')).toBe(sets.find('a'));
    expect(sets.find('c')).not.toBe(sets.find('a'));
    expect(sets.find('z')).toBe('z');
    expect(sets.groups()).toEqual([
      ['a', 'b'],
      ['c', 'd', 'e'],
    ]);
  });
});
