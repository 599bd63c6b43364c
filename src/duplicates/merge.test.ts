import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../test/engines.js';
import { testApi, type TestApi } from '../test/api-client.js';
import { mergeCustomers, undoMerge } from './merge.js';

describe.each(engines)('merging customers on %s', (engine) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await testApi(engine);
  });
  afterAll(async () => api?.close());
  const ctx = () => ({ database: api.db.database, actor: 'test' });

  it('moves everything to the winner, fills gaps, records conflicts, and undoes exactly', async () => {
    const a = (
      await api.request('POST', '/api/customers', { first_name: 'Robert', last_name: 'Smith', email: 'bob@smith.example', city: 'Leeds', tags: ['vip'], sources: [{ source: 'shop', source_id: '1' }] })
    ).body;
    const b = (
      await api.request('POST', '/api/customers', {
        first_name: 'Bob',
        last_name: 'Smith',
        email: 'robert.smith@work.example',
        phone: '+44 20 7946 0000',
        city: 'York',
        postcode: 'YO1 7HH',
        tags: ['newsletter'],
        sources: [{ source: 'mail', source_id: '9' }],
      })
    ).body;
    await api.request('POST', '/api/orders', { customer_id: a.id, ordered_at: '2026-01-01', total: 10 });
    const ob = (await api.request('POST', '/api/orders', { customer_id: b.id, ordered_at: '2026-02-01', total: 30 })).body;
    const ib = (await api.request('POST', '/api/interactions', { customer_id: b.id, type: 'note', occurred_at: '2026-03-01T00:00:00Z', body: 'met' })).body;

    const result = await mergeCustomers(ctx(), a.id, [b.id]);
    const w = result.winner;
    expect(w.emails).toEqual(['bob@smith.example', 'robert.smith@work.example']);
    expect(w.phone).toBe('+442079460000');
    expect(w.city).toBe('Leeds');
    expect(w.postcode).toBe('YO1 7HH');
    expect(w.tags).toEqual(['vip', 'newsletter']);
    expect(w.order_count).toBe(2);
    expect(w.revenue).toBe(40);
    expect(w.last_interaction_at).toBe('2026-03-01T00:00:00.000Z');
    expect(w.sources).toEqual(
      expect.arrayContaining([
        { source: 'shop', source_id: '1' },
        { source: 'mail', source_id: '9' },
      ]),
    );
    expect(result.conflicts).toEqual(
      expect.arrayContaining([
        { field: 'first_name', kept: 'Robert', discarded: 'Bob', from: b.id },
        { field: 'city', kept: 'Leeds', discarded: 'York', from: b.id },
      ]),
    );
    expect((await api.request('GET', `/api/customers/${b.id}`)).status).toBe(404);
    expect((await api.request('GET', `/api/orders/${ob.id}`)).body.customer_id).toBe(a.id);
    expect((await api.request('GET', '/api/customers?q=work.example')).body.data.map((c: { id: string }) => c.id)).toEqual([a.id]);

    await undoMerge(ctx(), result.merge_id);
    const ra = (await api.request('GET', `/api/customers/${a.id}`)).body.customer;
    const rb = (await api.request('GET', `/api/customers/${b.id}`)).body.customer;
    expect(ra.emails).toEqual(['bob@smith.example']);
    expect(ra.revenue).toBe(10);
    expect(ra.sources).toEqual([{ source: 'shop', source_id: '1' }]);
    expect(rb.first_name).toBe('Bob');
    expect(rb.revenue).toBe(30);
    expect(rb.last_interaction_at).toBe('2026-03-01T00:00:00.000Z');
    expect(rb.sources).toEqual([{ source: 'mail', source_id: '9' }]);
    expect((await api.request('GET', `/api/interactions/${ib.id}`)).body.customer_id).toBe(b.id);
    expect((await api.request('GET', '/api/customers?q=work.example')).body.data.map((c: { id: string }) => c.id)).toEqual([b.id]);
    await expect(undoMerge(ctx(), result.merge_id)).rejects.toThrow(/already undone/);
  });
});
