import { describe, expect, it } from 'vitest';
import { heldOutSplit } from './split.js';

describe('heldOutSplit', () => {
  it('holds out the share of each outcome with the lowest hashes, every row on exactly one side', () => {
    const hashes = Array.from({ length: 100 }, (_, r) => ((r * 37) % 100) / 100);
    const labels = Array.from({ length: 100 }, (_, r) => (r % 10 === 0 ? 1 : 0));
    const { trainRows, testRows } = heldOutSplit(hashes, labels, 0.2);
    expect([...trainRows, ...testRows].sort((p, q) => p - q)).toEqual(hashes.map((_, r) => r));
    expect(testRows.filter((r) => labels[r] === 1)).toHaveLength(2);
    expect(testRows.filter((r) => labels[r] === 0)).toHaveLength(18);
    const maxHeldNegative = Math.max(...testRows.filter((r) => labels[r] === 0).map((r) => hashes[r]));
    expect(trainRows.filter((r) => labels[r] === 0).every((r) => hashes[r] > maxHeldNegative)).toBe(true);
    expect(testRows).toEqual([...testRows].sort((p, q) => p - q));
  });

  it('keeps a rare outcome on both sides when it has two members, and never holds out a lone one', () => {
    const hashes = [0.9, 0.1, 0.5, 0.7, 0.3];
    expect(heldOutSplit(hashes, [1, 0, 0, 0, 1], 0.2).testRows).toEqual([1, 4]);
    expect(heldOutSplit(hashes, [1, 0, 0, 0, 0], 0.2).testRows).toEqual([1]);
  });
});
