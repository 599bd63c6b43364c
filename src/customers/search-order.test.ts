import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../test/engines.js';
import { testApi, type TestApi } from '../test/api-client.js';

// A search with no sort lists the newest customers first; on SQLite straight from the full-text index.
describe.each(engines)('search results in newest-first order on %s', (engine) => {
  let api: TestApi;
  let created: { id: string; first_name: string; city: string }[] = [];
  beforeAll(async () => {
    api = await testApi(engine);
    const create = Array.from({ length: 23 }, (_, i) => ({ first_name: `Marlowe${i}`, last_name: i % 3 === 0 ? 'Quill' : 'Stone', city: i % 2 ? 'Leeds' : 'York' }));
    const first = await api.request('POST', '/api/customers/bulk', { create: create.slice(0, 10) });
    const second = await api.request('POST', '/api/customers/bulk', { create: create.slice(10) });
    expect([first.status, second.status]).toEqual([200, 200]);
    created = [...first.body.created, ...second.body.created];
    expect(created).toHaveLength(23);
    // Others that share no word with the search.
    expect((await api.request('POST', '/api/customers/bulk', { create: [{ first_name: 'Nobody' }, { first_name: 'Else' }] })).status).toBe(200);
  }, 60_000);
  afterAll(async () => api?.close());

  async function pages(query: string, limit: number): Promise<string[]> {
    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const page: any = await api.request('GET', `/api/customers?${query}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.status).toBe(200);
      expect(page.body.data.length).toBeLessThanOrEqual(limit);
      ids.push(...page.body.data.map((c: { id: string }) => c.id));
      cursor = page.body.next_cursor;
    } while (cursor);
    return ids;
  }

  it('pages through every match once, newest first', async () => {
    const newestFirst = created.map((c) => c.id).reverse();
    expect(await pages('q=marl', 5)).toEqual(newestFirst);
    expect(await pages('q=marlowe1', 50)).toEqual(newestFirst.filter((id) => created.find((c) => c.id === id)!.first_name.startsWith('Marlowe1')));
  });

  it('keeps that order when a filter narrows the search', async () => {
    const expected = created
      .filter((c) => c.city === 'Leeds')
      .map((c) => c.id)
      .reverse();
    expect(await pages('q=marl&city=Leeds', 4)).toEqual(expected);
    const quills = created
      .filter((_, i) => i % 3 === 0)
      .map((c) => c.id)
      .reverse();
    expect(await pages('q=marl quill', 3)).toEqual(quills);
  });

  it('still sorts by the field the caller names', async () => {
    const byName = await pages('q=marl&sort=first_name', 7);
    const expected = [...created].sort((a, b) => (a.first_name < b.first_name ? -1 : a.first_name > b.first_name ? 1 : 0)).map((c) => c.id);
    expect(byName).toEqual(expected);
  });

  it('rejects a cursor that is not one of ours', async () => {
    // SQLite's cursor carries a row number; elsewhere the id alone places the page.
    const wrongValue = Buffer.from(JSON.stringify(['x', 'cus_1'])).toString('base64url');
    for (const bad of engine === 'sqlite' ? [wrongValue, 'garbage'] : ['garbage']) {
      const res = await api.request('GET', `/api/customers?q=marl&cursor=${bad}`);
      expect(res.status).toBe(400);
      expect(res.body.error.fields.cursor).toBeDefined();
    }
  });
});
