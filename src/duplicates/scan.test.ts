import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { engines } from '../test/engines.js';
import { testApi, type TestApi } from '../test/api-client.js';
import { fnv1a } from '../dedupe/blocking.js';
import { scanDuplicates } from './scan.js';

describe.each(engines)('duplicate scan from stored match keys on %s', (engine) => {
  let api: TestApi;
  beforeEach(async () => {
    api = await testApi(engine);
  });
  afterEach(async () => api?.close());
  const ctx = () => ({ database: api.db.database, actor: 'test' });
  const create = async (fields: Record<string, unknown>) => {
    const res = await api.request('POST', '/api/customers', fields);
    expect(res.status).toBe(201);
    return res.body.id as string;
  };
  const keysOf = async (id: string) => (await api.db.database.db.selectFrom('customer_match_keys').select('match_key').where('customer_id', '=', id).execute()).map((r) => Number(r.match_key));
  const queue = async () =>
    (await api.request('GET', '/api/duplicates?limit=200')).body.data as { id: string; score: number; a: { id: string; first_name: string }; b: { id: string; first_name: string } }[];

  it('merges a sure duplicate, queues a name-only pair, and never merges on a shared phone and address alone', async () => {
    const bill = await create({ first_name: 'William', last_name: 'Bridge', birthday: '1986-05-01', phone: '+44 20 7946 0101', city: 'Leeds' });
    const billAgain = await create({ first_name: 'Bill', last_name: 'Bridge', birthday: '1986-05-01', phone: '+44 20 7946 0101', email: 'bill@bridge.example' });
    const priya = await create({ first_name: 'Priya', last_name: 'Natarajan', city: 'Leeds' });
    const priyaAgain = await create({ first_name: 'Priya', last_name: 'Natarajan', city: 'York' });
    const office = { phone: '+44 20 7946 0958', address: '1 Canada Square', city: 'London', postcode: 'E14 5AB' };
    const ann = await create({ first_name: 'Ann', last_name: 'Lee', ...office });
    const raj = await create({ first_name: 'Raj', last_name: 'Patel', ...office });

    const result = await scanDuplicates(ctx(), { mode: 'auto' });
    expect(result).toMatchObject({ customers: 6, clusters: 1, merged: 1, queued: 1 });
    expect(result.stats?.rebuiltKeys).toBe(true);
    expect((await api.request('GET', `/api/customers/${billAgain}`)).status).toBe(404);
    expect((await api.request('GET', `/api/customers/${bill}`)).body.customer.emails).toEqual(['bill@bridge.example']);
    const pairs = await queue();
    expect(pairs.map((p) => [p.a.id, p.b.id].sort())).toEqual([[priya, priyaAgain].sort()]);
    // Waiting for review however likely: nothing beyond the name agrees. The score stays the probability.
    expect(pairs[0].score).toBeGreaterThanOrEqual(0.5);
    for (const id of [ann, raj]) expect((await api.request('GET', `/api/customers/${id}`)).status).toBe(200);
    // The merged-away customer's keys went with it.
    expect(await keysOf(billAgain)).toEqual([]);
  });

  it('stores every key on the first scan, then only those of customers written since', async () => {
    const ada = await create({ first_name: 'Ada', last_name: 'Byron', email: 'ada@analytical.example' });
    await create({ first_name: 'Charles', last_name: 'Babbage', email: 'charles@engine.example' });
    const first = await scanDuplicates(ctx(), { mode: 'review' });
    expect(first.stats).toMatchObject({ rebuiltKeys: true, refreshedCustomers: 2 });
    expect(await keysOf(ada)).toContain(fnv1a('e:ada@analytical.example'));

    expect((await api.request('PATCH', `/api/customers/${ada}`, { emails: ['ada@lovelace.example'] })).status).toBe(200);
    const later = await scanDuplicates(ctx(), { mode: 'review' });
    expect(later.stats).toMatchObject({ rebuiltKeys: false, refreshedCustomers: 1 });
    const keys = await keysOf(ada);
    expect(keys).toContain(fnv1a('e:ada@lovelace.example'));
    expect(keys).not.toContain(fnv1a('e:ada@analytical.example'));
  });

  it('skips a name shared by more customers than the block cap and keeps the review queue to the best pairs', async () => {
    for (let i = 0; i < 7; i++) await create({ first_name: 'Jan', last_name: 'Kowalski', email: `jan${i}@kowalski.example` });
    const capped = await scanDuplicates(ctx(), { mode: 'auto', maxBlockSize: 6 });
    expect(capped).toMatchObject({ merged: 0, queued: 0 });
    expect(capped.stats?.oversizedBlocks).toBeGreaterThan(0);

    const limited = await scanDuplicates(ctx(), { mode: 'auto', maxReview: 4 });
    expect(limited).toMatchObject({ merged: 0, queued: 4 });
    expect(limited.stats?.reviewPairs).toBe(21);
    const scores = (await queue()).map((p) => p.score);
    expect(scores).toHaveLength(4);
    expect(scores.every((s) => s >= 0.5 && s < 1)).toBe(true);
  });

  it('compares only pairs with the given customers when limited to them', async () => {
    await create({ first_name: 'Olga', last_name: 'Tokarczuk', city: 'Krakow' });
    await create({ first_name: 'Olga', last_name: 'Tokarczuk', city: 'Wroclaw' });
    const first = await create({ first_name: 'Tove', last_name: 'Jansson', city: 'Helsinki' });
    await scanDuplicates(ctx(), { mode: 'review' });
    for (const pair of await queue()) expect((await api.request('POST', `/api/duplicates/${pair.id}/dismiss`)).status).toBe(204);
    const second = await create({ first_name: 'Tove', last_name: 'Jansson', city: 'Turku' });
    const result = await scanDuplicates(ctx(), { mode: 'auto', touching: new Set([second]) });
    expect(result.queued).toBe(1);
    expect((await queue()).map((p) => [p.a.id, p.b.id].sort())).toEqual([[first, second].sort()]);
  });

  it('never merges or queues a customer deleted since its keys were stored', async () => {
    const gone = await create({ first_name: 'Selma', last_name: 'Lagerlof', birthday: '1858-11-20', phone: '+46 8 123 456 78' });
    expect((await scanDuplicates(ctx(), { mode: 'review' })).stats?.rebuiltKeys).toBe(true);
    expect((await api.request('DELETE', `/api/customers/${gone}`)).status).toBe(204);
    await create({ first_name: 'Selma', last_name: 'Lagerlof', birthday: '1858-11-20', phone: '+46 8 123 456 78' });
    const result = await scanDuplicates(ctx(), { mode: 'auto' });
    expect(result).toMatchObject({ customers: 1, merged: 0, clusters: 0, queued: 0 });
  });
});
