import { describe, expect, it } from 'vitest';
import { hasPrefix, newId } from './ids.js';

describe('newId', () => {
  it('has the type prefix, a fixed length and only Crockford base32 after it', () => {
    const id = newId('customer');
    expect(hasPrefix(id, 'customer')).toBe(true);
    expect(id).toMatch(/^cus_[0-9a-hjkmnp-tv-z]{26}$/);
  });

  it('never goes backwards within a process, even many ids in one millisecond or a clock step back', () => {
    const now = Date.now();
    const ids = [newId('order', now), ...Array.from({ length: 5000 }, () => newId('order', now)), newId('order', now - 10_000), newId('order', now + 1)];
    const sorted = [...ids].sort();
    expect(ids).toEqual(sorted);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('carries the count-up across random bytes', () => {
    const now = Date.now() + 60_000;
    const seen = new Set<string>();
    let previous = '';
    for (let i = 0; i < 70_000; i++) {
      const id = newId('task', now);
      expect(id > previous).toBe(true);
      previous = id;
      seen.add(id);
    }
    expect(seen.size).toBe(70_000);
  });
});
