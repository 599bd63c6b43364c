import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../test/engines.js';
import { testApi, type TestApi } from '../test/api-client.js';

// More matches than the planner's probe cap, so SQLite reads the sort index instead of sorting all matches.
describe.each(engines)('sorted pages of a broad filter on %s', (engine) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await testApi(engine);
    for (let batch = 0; batch < 3; batch++) {
      const create = Array.from({ length: 800 }, (_, i) => ({ first_name: `P${batch}-${i}`, city: i % 10 === 0 ? 'Lyon' : 'Paris', age: i % 50 === 7 ? null : (i * 7919 + batch * 13) % 97 }));
      expect((await api.request('POST', '/api/customers/bulk', { create })).status).toBe(200);
    }
  }, 120_000);
  afterAll(async () => api?.close());

  it('pages through every match once, in order, whichever plan the engine takes', async () => {
    const seen: { id: string; created_at: string }[] = [];
    let cursor: string | null = null;
    do {
      const page: any = await api.request('GET', `/api/customers?city=Paris&sort=-created_at&limit=500&fields=created_at,city${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.status).toBe(200);
      for (const c of page.body.data) {
        expect(c.city).toBe('Paris');
        seen.push(c);
      }
      cursor = page.body.next_cursor;
    } while (cursor);
    expect(seen).toHaveLength(2160);
    expect(new Set(seen.map((c) => c.id)).size).toBe(2160);
    const expected = [...seen].sort((a, b) => (a.created_at === b.created_at ? (a.id < b.id ? 1 : -1) : a.created_at < b.created_at ? 1 : -1));
    expect(seen.map((c) => c.id)).toEqual(expected.map((c) => c.id));
  });

  it('pages a descending order of a column with missing values: highest first, missing last, every match once', async () => {
    const seen: { id: string; age: number | null }[] = [];
    let cursor: string | null = null;
    do {
      const page: any = await api.request('GET', `/api/customers?city=Paris&sort=-age&limit=300&fields=age,city${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.status).toBe(200);
      seen.push(...page.body.data);
      cursor = page.body.next_cursor;
    } while (cursor);
    expect(seen).toHaveLength(2160);
    expect(new Set(seen.map((c) => c.id)).size).toBe(2160);
    const rank = (c: { age: number | null }) => (c.age === null ? -1 : c.age);
    const expected = [...seen].sort((a, b) => (rank(a) === rank(b) ? (a.id < b.id ? 1 : -1) : rank(b) - rank(a)));
    expect(seen.map((c) => c.id)).toEqual(expected.map((c) => c.id));
    expect(seen.filter((c) => c.age === null).length).toBeGreaterThan(0);
  });
});
