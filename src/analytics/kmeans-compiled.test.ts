import { describe, expect, it } from 'vitest';
import { addCentreFor, candidatePotentialsFor, nearestCentresFor, squaredDistanceFor } from './kmeans-compiled.js';
import { createRng, normalDraw } from './random.js';

function randomRows(rows: number, d: number, seed: number): Float64Array {
  const rng = createRng(seed);
  return Float64Array.from({ length: rows * d }, () => normalDraw(rng) * 3);
}

/** The plain loop the compiled code stands for, with the same operations in the same order. */
function plainSquaredDistance(x: Float64Array, xo: number, c: Float64Array, co: number, d: number): number {
  let s = (x[xo] - c[co]) * (x[xo] - c[co]);
  for (let j = 1; j < d; j++) s += (x[xo + j] - c[co + j]) * (x[xo + j] - c[co + j]);
  return s;
}

describe('k-means code compiled for the row width', () => {
  for (const d of [1, 2, 5, 9]) {
    it(`matches the plain loops exactly for width ${d}`, () => {
      const rows = 300;
      const x = randomRows(rows, d, d);
      const centres = randomRows(6, d, 100 + d);
      const distance = squaredDistanceFor(d);
      for (let i = 0; i < rows; i++) expect(distance(x, i * d, centres, 2 * d)).toBe(plainSquaredDistance(x, i * d, centres, 2 * d, d));

      const closest = Float64Array.from({ length: rows }, (_, i) => plainSquaredDistance(x, i * d, centres, 0, d));
      const sums = new Float64Array(4);
      candidatePotentialsFor(d)(x, centres, closest, 10, 250, d, 2 * d, 3 * d, 3 * d, sums);
      for (const [t, row] of [1, 2, 3, 3].entries()) {
        let expected = 0;
        for (let i = 10; i < 250; i++) expected += Math.min(closest[i], plainSquaredDistance(x, i * d, centres, row * d, d));
        expect(sums[t]).toBe(expected);
      }

      const out = new Float64Array(2);
      for (let i = 0; i < rows; i++) {
        const all = Array.from({ length: 6 }, (_, c) => plainSquaredDistance(x, i * d, centres, c * d, d));
        const label = nearestCentresFor(d)(x, i * d, centres, 6, 4, all[4], out);
        const sorted = [...all].sort((p, q) => p - q);
        expect(label).toBe(all.indexOf(sorted[0]));
        expect(out[0]).toBe(Math.sqrt(sorted[0]));
        expect(out[1]).toBe(Math.sqrt(sorted[1]));
      }
    });
  }

  it('takes the lowest index on ties and tracks the second-nearest when adding a centre', () => {
    const x = Float64Array.from([0, 0, 2, 0, 5, 0]);
    const centres = Float64Array.from([1, 0, 1, 0, 4, 0]);
    const out = new Float64Array(2);
    expect(nearestCentresFor(2)(x, 0, centres, 3, 1, 1, out)).toBe(0);
    expect(Array.from(out)).toEqual([1, 1]);

    const labels = Int32Array.from([0, 0, 0]);
    const closest = Float64Array.from([1, 1, 16]);
    const second = Float64Array.from([Infinity, Infinity, Infinity]);
    addCentreFor(2)(x, centres, 4, 2, labels, closest, second, 0, 3);
    expect(Array.from(labels)).toEqual([0, 0, 2]);
    expect(Array.from(closest)).toEqual([1, 1, 1]);
    expect(Array.from(second)).toEqual([16, 4, 16]);
  });

  it('rejects widths that are not positive integers', () => {
    expect(() => squaredDistanceFor(0)).toThrow(RangeError);
    expect(() => candidatePotentialsFor(2.5)).toThrow(RangeError);
  });
});
