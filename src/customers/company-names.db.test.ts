import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApi, type TestApi } from '../test/api-client.js';
import { engines } from '../test/engines.js';

describe.each(engines)('a company rename reaches its customers on %s', (engine) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await testApi(engine, {}, { jobs: false });
  }, 120_000);
  afterAll(async () => api?.close());

  const search = async (q: string) => (await api.request('GET', `/api/customers?q=${encodeURIComponent(q)}&fields=id,company`)).body.data as { id: string; company: string }[];

  it('renames the copy on every customer of the company and finds them by the new name only', async () => {
    const company = (await api.request('POST', '/api/companies', { name: 'Acme Anvils' })).body;
    const a = (await api.request('POST', '/api/customers', { first_name: 'Wile', company_id: company.id, notes: 'wants rockets' })).body;
    const b = (await api.request('POST', '/api/customers', { first_name: 'Road', company: 'Acme Anvils' })).body;
    const other = (await api.request('POST', '/api/customers', { first_name: 'Elmer', company: 'Looney Supplies' })).body;
    expect(b.company_id).toBe(company.id);
    expect((await search('acme')).map((r) => r.id).sort()).toEqual([a.id, b.id].sort());

    expect((await api.request('PATCH', `/api/companies/${company.id}`, { name: 'Globex Rockets' })).status).toBe(200);
    const found = await search('globex');
    expect(found.map((r) => r.id).sort()).toEqual([a.id, b.id].sort());
    expect(found.every((r) => r.company === 'Globex Rockets')).toBe(true);
    expect(await search('acme')).toEqual([]);
    // The rest of the search words are kept, and other companies' customers are untouched.
    expect((await search('rockets wile')).map((r) => r.id)).toEqual([a.id]);
    expect((await search('looney')).map((r) => r.id)).toEqual([other.id]);
  });

  it('leaves customers alone when a company changes something else', async () => {
    const company = (await api.request('POST', '/api/companies', { name: 'Initech' })).body;
    const c = (await api.request('POST', '/api/customers', { first_name: 'Peter', company_id: company.id })).body;
    const before = (await api.request('GET', `/api/customers/${c.id}`)).body.customer.updated_at;
    expect((await api.request('PATCH', `/api/companies/${company.id}`, { industry: 'Software' })).status).toBe(200);
    const after = (await api.request('GET', `/api/customers/${c.id}`)).body.customer;
    expect([after.company, after.updated_at]).toEqual(['Initech', before]);
  });
});
