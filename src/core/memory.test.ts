import { describe, expect, it } from 'vitest';
import { collectGarbageAbove } from './memory.js';

describe('collectGarbageAbove', () => {
  it('collects garbage once the heap is past the size given', () => {
    let garbage: string[][] | null = Array.from({ length: 200 }, (_, i) => Array.from({ length: 1000 }, (_, j) => `row ${i} cell ${j} ${'x'.repeat(20)}`));
    expect(garbage.length).toBe(200);
    garbage = null;
    const before = process.memoryUsage().heapUsed;
    collectGarbageAbove(1);
    expect(process.memoryUsage().heapUsed).toBeLessThan(before - 10 * 1024 ** 2);
  });
});
