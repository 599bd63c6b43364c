import { describe, it, expect } from 'vitest';
import { kmeans, kmeansSync, silhouetteScore, SPATIAL_ORDER_MIN_ROWS, suggestK } from './kmeans.js';
import { standardize, unstandardize } from './standardize.js';
import { createRng, normalDraw, sampleIndices } from './random.js';

function blobs(centres: number[][], perBlob: number, spread: number, seed: number): { data: Float64Array; truth: Int32Array; n: number; d: number } {
  const rng = createRng(seed);
  const d = centres[0].length;
  const n = centres.length * perBlob;
  const data = new Float64Array(n * d);
  const truth = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const c = i % centres.length;
    truth[i] = c;
    for (let j = 0; j < d; j++) data[i * d + j] = centres[c][j] + spread * normalDraw(rng);
  }
  return { data, truth, n, d };
}

function inertiaOf(data: Float64Array, n: number, d: number, centres: Float64Array, k: number): number {
  let total = 0;
  for (let i = 0; i < n; i++) {
    let best = Infinity;
    for (let c = 0; c < k; c++) {
      let s = 0;
      for (let j = 0; j < d; j++) s += (data[i * d + j] - centres[c * d + j]) ** 2;
      best = Math.min(best, s);
    }
    total += best;
  }
  return total;
}

const CENTRES = [
  [0, 0],
  [20, 0],
  [0, 20],
  [20, 20],
];

describe('kmeans', () => {
  it('recovers well-separated blobs', async () => {
    const { data, truth, n, d } = blobs(CENTRES, 250, 1, 1);
    const result = await kmeans(data, n, d, { k: 4, seed: 3 });
    for (let c = 0; c < 4; c++) {
      const found = CENTRES.some(([cx, cy]) => Math.hypot(result.centroids[c * 2] - cx, result.centroids[c * 2 + 1] - cy) < 0.3);
      expect(found).toBe(true);
    }
    // Every true blob maps to exactly one cluster.
    const mapping = new Map<number, number>();
    for (let i = 0; i < n; i++) {
      const seen = mapping.get(truth[i]);
      if (seen === undefined) mapping.set(truth[i], result.labels[i]);
      else expect(result.labels[i]).toBe(seen);
    }
    expect(new Set(mapping.values()).size).toBe(4);
  });

  it('is deterministic for a given seed', async () => {
    const { data, n, d } = blobs(
      [
        [0, 0, 0],
        [3, 3, 3],
        [6, 0, 3],
      ],
      200,
      2,
      5,
    );
    const first = await kmeans(data, n, d, { k: 5, seed: 42, nInit: 3 });
    const second = await kmeans(data, n, d, { k: 5, seed: 42, nInit: 3 });
    expect(Array.from(second.centroids)).toEqual(Array.from(first.centroids));
    expect(Array.from(second.labels)).toEqual(Array.from(first.labels));
    expect(second.inertia).toBe(first.inertia);
  });

  it('reports the inertia of its own labels and beats random centres', async () => {
    const { data, n, d } = blobs(
      [
        [0, 0],
        [5, 5],
        [10, 0],
        [5, -5],
      ],
      150,
      2.5,
      9,
    );
    for (let seed = 0; seed < 10; seed++) {
      const k = 4 + (seed % 3);
      const result = await kmeans(data, n, d, { k, seed });
      expect(result.inertia).toBeCloseTo(inertiaOf(data, n, d, result.centroids, k), 6);
      const picks = sampleIndices(n, k, createRng(seed + 100));
      const random = new Float64Array(k * d);
      picks.forEach((p, c) => random.set(data.subarray(p * d, p * d + d), c * d));
      expect(result.inertia).toBeLessThanOrEqual(inertiaOf(data, n, d, random, k));
    }
  });

  it('more restarts never give a worse inertia', async () => {
    const { data, n, d } = blobs(
      [
        [0, 0],
        [4, 4],
        [8, 0],
      ],
      100,
      2,
      11,
    );
    const single = await kmeans(data, n, d, { k: 6, seed: 1, nInit: 1 });
    const many = await kmeans(data, n, d, { k: 6, seed: 1, nInit: 8 });
    expect(many.inertia).toBeLessThanOrEqual(single.inertia);
  });

  it('handles k = 1 and k = n', async () => {
    const data = Float64Array.from([1, 2, 3, 6, 5, 10, 7, 0]);
    const one = await kmeans(data, 4, 2, { k: 1 });
    expect(Array.from(one.centroids)).toEqual([4, 4.5]);
    expect(one.inertia).toBeCloseTo(9 + 1 + 1 + 9 + 6.25 + 2.25 + 30.25 + 20.25, 10);
    const all = await kmeans(data, 4, 2, { k: 4 });
    expect(all.inertia).toBeCloseTo(0, 10);
    expect(new Set(all.labels).size).toBe(4);
  });

  it('never leaves a cluster empty or NaN when points repeat', async () => {
    const data = Float64Array.from([0, 0, 0, 0, 0, 5, 5, 9]);
    const result = await kmeans(data, 8, 1, { k: 3, seed: 2 });
    expect(result.centroids.every(Number.isFinite)).toBe(true);
    expect(Array.from(result.centroids).sort((p, q) => p - q)).toEqual([0, 5, 9]);
    expect(result.inertia).toBe(0);
  });

  it('gives the same result on worker threads as on the calling thread', async () => {
    // Several blocks of rows, so that the workers share the passes.
    const { data, n, d } = blobs(
      [
        [0, 0, 0],
        [6, 0, 0],
        [0, 6, 0],
        [0, 0, 6],
        [3, 3, 3],
      ],
      5000,
      1.5,
      12,
    );
    const single = await kmeans(data, n, d, { k: 6, nInit: 2, seed: 4, threads: 1 });
    const parallel = await kmeans(data, n, d, { k: 6, nInit: 2, seed: 4, threads: 2 });
    expect(parallel.inertia).toBe(single.inertia);
    expect(Array.from(parallel.centroids)).toEqual(Array.from(single.centroids));
    expect(parallel.labels).toEqual(single.labels);
    expect(parallel.iterations).toBe(single.iterations);
  });

  it('labels every row with its nearest centroid, as plain Lloyd would', async () => {
    const { data, n, d } = blobs(
      [
        [0, 0],
        [3, 0],
        [0, 3],
        [3, 3],
        [1.5, 1.5],
      ],
      4000,
      1,
      13,
    );
    for (const seed of [0, 1, 2]) {
      const k = 5 + seed;
      const result = await kmeans(data, n, d, { k, seed, threads: 1 });
      const sizes = new Array<number>(k).fill(0);
      const squared = (i: number, c: number) => (data[i * d] - result.centroids[c * d]) ** 2 + (data[i * d + 1] - result.centroids[c * d + 1]) ** 2;
      let fartherThanNearest = 0;
      for (let i = 0; i < n; i++) {
        sizes[result.labels[i]]++;
        const own = squared(i, result.labels[i]);
        for (let c = 0; c < k; c++) if (own > squared(i, c) + 1e-9) fartherThanNearest++;
      }
      expect(fartherThanNearest).toBe(0);
      expect(result.inertia).toBeCloseTo(inertiaOf(data, n, d, result.centroids, k), 6);
      expect(sizes.every((size) => size > 0)).toBe(true);
    }
  });

  it("returns labels in the caller's row order when it reorders rows internally", async () => {
    const perBlob = Math.ceil(SPATIAL_ORDER_MIN_ROWS / 4);
    const { data, truth, n, d } = blobs(CENTRES, perBlob, 1, 14);
    expect(n).toBeGreaterThanOrEqual(SPATIAL_ORDER_MIN_ROWS);
    const result = await kmeans(data, n, d, { k: 4, seed: 2, threads: 1 });
    // Rows of one true blob share one label, and each label's centroid is its blob's centre.
    const labelOf = new Map<number, number>();
    let mismatched = 0;
    for (let i = 0; i < n; i++) {
      const seen = labelOf.get(truth[i]);
      if (seen === undefined) labelOf.set(truth[i], result.labels[i]);
      else if (seen !== result.labels[i]) mismatched++;
    }
    expect(mismatched).toBe(0);
    for (const [blob, label] of labelOf) {
      expect(result.centroids[label * 2]).toBeCloseTo(CENTRES[blob][0], 1);
      expect(result.centroids[label * 2 + 1]).toBeCloseTo(CENTRES[blob][1], 1);
    }
    expect(result.inertia).toBeCloseTo(inertiaOf(data, n, d, result.centroids, 4), 4);
  });

  it('rejects invalid shapes and k', async () => {
    await expect(kmeans(new Float64Array(5), 2, 2, { k: 1 })).rejects.toThrow(RangeError);
    await expect(kmeans(new Float64Array(4), 2, 2, { k: 3 })).rejects.toThrow(RangeError);
    expect(() => kmeansSync(new Float64Array(4), 2, 2, { k: 0 })).toThrow(RangeError);
    await expect(kmeans(new Float64Array(4), 2, 2, { k: 1, threads: 0 })).rejects.toThrow(RangeError);
    await expect(kmeans(new Float64Array(4), 2, 2, { k: 1, threads: Number.NaN })).rejects.toThrow(RangeError);
  });
});

describe('standardize', () => {
  it('z-scores columns and maps centroids back', () => {
    const data = Float64Array.from([1, 100, 3, 100, 5, 100]);
    const z = standardize(data, 3, 2);
    expect(Array.from(z.means)).toEqual([3, 100]);
    expect(z.stds[0]).toBeCloseTo(Math.sqrt(8 / 3), 12);
    expect(z.stds[1]).toBe(1);
    expect(z.data[0]).toBeCloseTo(-2 / Math.sqrt(8 / 3), 12);
    expect(z.data[1]).toBe(0);
    const back = unstandardize(z.data, 2, z.means, z.stds);
    Array.from(back).forEach((v, i) => expect(v).toBeCloseTo(data[i], 12));
  });
});

describe('silhouetteScore', () => {
  it('matches a hand-computed value', () => {
    const data = Float64Array.from([0, 1, 10, 11]);
    const score = silhouetteScore(data, 4, 1, Int32Array.from([0, 0, 1, 1]));
    expect(score).toBeCloseTo((9.5 / 10.5 + 8.5 / 9.5) / 2, 12);
  });

  it('is NaN for a single cluster and near 1 for separated blobs on a sample', async () => {
    const { data, n, d } = blobs(CENTRES, 300, 0.5, 4);
    expect(silhouetteScore(data, n, d, new Int32Array(n))).toBeNaN();
    const fit = await kmeans(data, n, d, { k: 4 });
    expect(silhouetteScore(data, n, d, fit.labels, { sampleSize: 300, seed: 1 })).toBeGreaterThan(0.9);
  });
});

describe('suggestK', () => {
  it('suggests the number of well-separated blobs', () => {
    const { data, n, d } = blobs(CENTRES, 200, 1, 8);
    const suggestion = suggestK(data, n, d, { kMin: 2, kMax: 7, sampleSize: 400 });
    expect(suggestion.k).toBe(4);
    expect(suggestion.candidates.map((c) => c.k)).toEqual([2, 3, 4, 5, 6, 7]);
    for (let i = 1; i < suggestion.candidates.length; i++) {
      expect(suggestion.candidates[i].inertia).toBeLessThan(suggestion.candidates[i - 1].inertia);
    }
  });
});
