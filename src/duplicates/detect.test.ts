import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemo } from '../demo/generate.js';
import { DEFAULT_THRESHOLDS } from '../dedupe/score.js';
import { freshDatabase, type TestDatabase } from '../test/engines.js';
import { detectDuplicates } from './detect.js';

describe('duplicate detection on worker threads', () => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await freshDatabase('sqlite');
    await generateDemo(test.database, { customers: 4000, seed: 7 });
  }, 60_000);
  afterAll(async () => test?.drop());

  it('finds the same clusters, review pairs and counts as comparing on one thread', async () => {
    const options = { thresholds: DEFAULT_THRESHOLDS, maxReview: 50 };
    const inline = await detectDuplicates(test.database, { ...options, threads: 0 });
    const parallel = await detectDuplicates(test.database, { ...options, threads: 3 });
    expect(inline.stats.threads).toBe(0);
    expect(parallel.stats.threads).toBe(3);
    expect(inline.stats.comparisons).toBeGreaterThan(1000);
    expect(inline.clusters.length).toBeGreaterThan(0);
    expect(inline.review.length).toBe(50);
    expect(parallel.clusters).toEqual(inline.clusters);
    expect(parallel.review).toEqual(inline.review);
    const { threads: _a, seconds: _b, refreshSeconds: _c, rebuiltKeys: _d, refreshedCustomers: _e, ...counts } = inline.stats;
    expect(parallel.stats).toMatchObject(counts);
  }, 60_000);
});
