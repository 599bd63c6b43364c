import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApi, type TestApi } from '../test/api-client.js';
import { engines } from '../test/engines.js';

/**
 * A created customer is answered from the row just written where the engine allows (SQLite), and read
 * back elsewhere: either way the answer, and so the audit entry and event made from it, is what a
 * later read gives, whichever fields the input set and whichever it left to their defaults.
 */
describe.each(engines)('created customers are answered as a read gives them on %s', (engine) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await testApi(engine, {}, { jobs: false });
    await api.request('POST', '/api/fields', { name: 'tier', type: 'select', options: ['gold', 'silver'] });
    await api.request('POST', '/api/fields', { name: 'points', type: 'number' });
    await api.request('POST', '/api/fields', { name: 'vip', type: 'boolean' });
  }, 120_000);
  afterAll(async () => api?.close());

  const inputs = [
    { first_name: 'Bare' },
    { email: 'only@read.example' },
    {
      first_name: 'Full',
      last_name: 'Record',
      email: 'full@read.example',
      emails: ['other@read.example'],
      phone: '+44 20 7946 0958',
      phones: ['+1 415 555 2671'],
      city: 'Leeds',
      country: 'GB',
      age: 41,
      income: 52000.5,
      birthday: '1985-03-02',
      tags: ['b2b', 'newsletter'],
      notes: 'prefers mornings',
      consent_email: true,
      consent_sms: false,
      stage: 'lead',
      tier: 'gold',
      points: 12.5,
      vip: true,
    },
    { first_name: 'Sourced', sources: [{ source: 'shop', source_id: 'S-1' }], tier: 'silver', vip: false },
    {
      first_name: 'Two sources',
      sources: [
        { source: 'shop', source_id: 'S-2' },
        { source: 'crm', source_id: 'C-2' },
      ],
    },
  ];

  it('answers each create as the customer reads afterwards', async () => {
    for (const input of inputs) {
      const created = await api.request('POST', '/api/customers', input);
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      const read = await api.request('GET', `/api/customers?id=${created.body.id}`);
      expect(read.body.data).toHaveLength(1);
      expect(created.body).toEqual(read.body.data[0]);
    }
  });

  it('answers a bulk create as the customers read afterwards, in the order given', async () => {
    const people = inputs.map((input, i) => ({
      ...input,
      first_name: `Bulk ${i}`,
      ...('email' in input ? { email: `bulk${i}@read.example` } : {}),
      ...('emails' in input ? { emails: [] } : {}),
      sources: [],
    }));
    const bulk = await api.request('POST', '/api/customers/bulk', { create: people });
    expect(bulk.status, JSON.stringify(bulk.body)).toBe(200);
    expect(bulk.body.created.map((c: { first_name: string }) => c.first_name)).toEqual(people.map((p) => p.first_name));
    for (const created of bulk.body.created) {
      const read = await api.request('GET', `/api/customers?id=${created.id}`);
      expect(read.body.data).toHaveLength(1);
      expect(created).toEqual(read.body.data[0]);
    }
  });
});
