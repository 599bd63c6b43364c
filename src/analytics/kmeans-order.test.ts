import { describe, expect, it } from 'vitest';
import { mortonRanks } from './kmeans-order.js';

/** Row indices in the order the ranks give. */
function mortonOrder(data: Float64Array, n: number, d: number): number[] | null {
  const ranks = mortonRanks(data, n, d);
  if (!ranks) return null;
  const order = new Array<number>(n);
  ranks.forEach((rank, i) => (order[rank] = i));
  return order;
}

describe('mortonRanks', () => {
  it('is a permutation that visits each quadrant in turn', () => {
    // 2-D points in four corners, interleaved in the input.
    const corners = [
      [0, 0],
      [10, 0],
      [0, 10],
      [10, 10],
    ];
    const n = 40;
    const data = new Float64Array(n * 2);
    for (let i = 0; i < n; i++) {
      const [x, y] = corners[i % 4];
      data[i * 2] = x + (i % 5) * 0.1;
      data[i * 2 + 1] = y + (i % 3) * 0.1;
    }
    const order = mortonOrder(data, n, 2)!;
    expect([...order].sort((p, q) => p - q)).toEqual(Array.from({ length: n }, (_, i) => i));
    const quadrants = Array.from(order, (i) => i % 4);
    // The first column's bit comes first at each level: (0, 0), (0, 10), (10, 0), (10, 10), each as one run.
    expect(quadrants).toEqual([...Array(10).fill(0), ...Array(10).fill(2), ...Array(10).fill(1), ...Array(10).fill(3)]);
  });

  it('handles constant columns and gives up when no key bits are left', () => {
    const data = Float64Array.from([5, 1, 5, 0, 5, 2]);
    expect(mortonOrder(data, 3, 2)).toEqual([1, 0, 2]);
    expect(mortonOrder(new Float64Array(60 * 4), 4, 60)).toBeNull();
  });
});
