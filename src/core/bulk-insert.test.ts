import { describe, expect, it } from 'vitest';
import { statementSizes } from './bulk-insert.js';

describe('statementSizes', () => {
  it('covers every row once, in order, with full statements first and the rest in powers of two', () => {
    for (const [total, size] of [
      [0, 100],
      [1, 100],
      [99, 100],
      [100, 100],
      [1234, 100],
      [7, 1],
      [5000, 666],
    ] as const) {
      const parts = statementSizes(total, size);
      let next = 0;
      for (const [start, count] of parts) {
        expect(start).toBe(next);
        expect(count).toBeLessThanOrEqual(size);
        next += count;
      }
      expect(next).toBe(total);
      const rest = parts.filter(([, count]) => count !== size).map(([, count]) => count);
      for (const count of rest) expect(Number.isInteger(Math.log2(count))).toBe(true);
      expect(new Set(rest).size).toBe(rest.length);
    }
    expect(statementSizes(1234, 100).map(([, n]) => n)).toEqual([...Array(12).fill(100), 32, 2]);
  });
});
