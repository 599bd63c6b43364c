import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../test/engines.js';
import { testApi, type TestApi } from '../test/api-client.js';

describe.each(engines)('hostile input on %s', (engine) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await testApi(engine);
  });
  afterAll(async () => api?.close());

  it('rejects malformed JSON with 400 and the error shape', async () => {
    const res = await api.request('POST', '/api/customers', '{"first_name": "A",');
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_input');
  });

  it('rejects a 50 MB body with 413 without storing anything', async () => {
    const huge = JSON.stringify({ first_name: 'Big', notes: 'x'.repeat(50 * 1024 * 1024) });
    const res = await api.request('POST', '/api/customers', huge);
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('payload_too_large');
    expect((await api.request('GET', '/api/customers?first_name=Big')).body.data).toHaveLength(0);
  });

  it('stores SQL-looking strings as plain data', async () => {
    const nasty = `Robert'); DROP TABLE customers;--`;
    const res = await api.request('POST', '/api/customers', { first_name: nasty, last_name: '" OR 1=1 --', city: "%' OR '1'='1" });
    expect(res.status).toBe(201);
    const found = await api.request('GET', `/api/customers?first_name=${encodeURIComponent(nasty)}`);
    expect(found.body.data.map((c: { last_name: string }) => c.last_name)).toEqual(['" OR 1=1 --']);
    expect((await api.request('GET', `/api/customers?city[contains]=${encodeURIComponent("%'")}`)).body.data).toHaveLength(1);
    expect((await api.request('GET', `/api/customers?q=${encodeURIComponent("drop table')--")}`)).status).toBe(200);
    expect((await api.request('GET', '/api/customers')).body.data.length).toBeGreaterThan(0);
  });

  it('treats __proto__ and constructor keys as data, never as object prototypes', async () => {
    const res = await api.request('POST', '/api/customers', '{"first_name":"Proto","__proto__":{"admin":true},"constructor":{"prototype":{"x":1}}}');
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.error.fields).sort()).toEqual(['__proto__', 'constructor']);
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
    const tags = await api.request('POST', '/api/customers', { first_name: 'Proto', tags: ['__proto__', 'constructor'], notes: '__proto__' });
    expect(tags.status).toBe(201);
    expect(tags.body.tags).toEqual(['__proto__', 'constructor']);
    const filter = await api.request('GET', '/api/customers?__proto__[eq]=1');
    expect(filter.status).toBe(400);
  });

  it('rejects wrong types and unknown fields on every entity', async () => {
    expect((await api.request('POST', '/api/products', { name: 'P', price: 'cheap' })).body.error.fields.price).toBeDefined();
    expect((await api.request('POST', '/api/products', { name: 'P', colour: 'red' })).body.error.fields.colour).toEqual(['unknown field']);
    expect((await api.request('POST', '/api/tasks', { title: 'T', due_at: 'tomorrow' })).body.error.fields.due_at).toBeDefined();
    expect((await api.request('POST', '/api/interactions', { type: 'fax' })).body.error.fields.type).toBeDefined();
    expect((await api.request('POST', '/api/customers', [1, 2])).status).toBe(400);
    expect((await api.request('POST', '/api/customers', 'null')).status).toBe(400);
    expect((await api.request('POST', '/api/customers', { first_name: 'x'.repeat(256) })).body.error.fields.first_name).toBeDefined();
  });

  it('answers unknown routes with 404 in the error shape', async () => {
    const res = await api.request('GET', '/api/nothing-here');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('not_found');
  });
});
