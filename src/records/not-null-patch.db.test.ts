import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entities, type EntityName } from '../schema/entities.js';
import { isNotNull } from '../schema/fields.js';
import { testApi, type TestApi } from '../test/api-client.js';
import { engines } from '../test/engines.js';
import { writableFields } from './validation.js';

/** A record of each entity, made through the API; its writable NOT NULL fields are then patched to null. */
async function makeRecords(api: TestApi): Promise<Record<EntityName, string>> {
  const post = async (path: string, body: object) => {
    const res = await api.request('POST', path, body);
    expect(res.status, `${path}: ${JSON.stringify(res.body)}`).toBe(201);
    return res.body.id as string;
  };
  const customer = await post('/api/customers', { first_name: 'Ada', email: 'ada@example.com', tags: ['vip'] });
  const product = await post('/api/products', { name: 'Plan', price: 20 });
  return {
    customers: customer,
    companies: await post('/api/companies', { name: 'Acme' }),
    products: product,
    orders: await post('/api/orders', { customer_id: customer, ordered_at: '2026-03-01T10:00:00Z', total: 20, currency: 'EUR', status: 'paid' }),
    interactions: await post('/api/interactions', { customer_id: customer, type: 'call', occurred_at: '2026-03-02T10:00:00Z', subject: 'Called' }),
    tasks: await post('/api/tasks', { title: 'Call back', customer_id: customer }),
    deals: await post('/api/deals', { title: 'Renewal', customer_id: customer, value: 100 }),
    quotes: await post('/api/quotes', { customer_id: customer, lines: [{ product_id: product, name: 'Plan', quantity: 1, unit_price: 20, tax_rate: 0, discount_percent: 0 }] }),
    contracts: await post('/api/contracts', { title: 'Support', customer_id: customer, starts_on: '2026-01-01' }),
  };
}

describe.each(engines)('emptying a field whose column is NOT NULL on %s', (engine) => {
  let api: TestApi;
  let ids: Record<EntityName, string>;
  beforeAll(async () => {
    api = await testApi(engine, {}, { jobs: false });
    ids = await makeRecords(api);
  }, 120_000);
  afterAll(async () => api?.close());

  for (const entity of Object.values(entities)) {
    const fields = writableFields(entity.fields).filter(isNotNull);
    for (const field of fields) {
      const isList = field.type.endsWith('_list');
      if (isList) {
        // A list column stores an empty list: null empties it.
        it(`PATCH /api/${entity.name} {${field.name}: null} empties the list`, async () => {
          const res = await api.request('PATCH', `/api/${entity.name}/${ids[entity.name]}`, { [field.name]: null });
          expect(res.status, JSON.stringify(res.body)).toBe(200);
          expect(res.body[field.name]).toEqual([]);
        });
        continue;
      }
      it(`PATCH /api/${entity.name} {${field.name}: null} is a 400 naming the field and changes nothing`, async () => {
        const path = `/api/${entity.name}/${ids[entity.name]}`;
        const before = await api.request('GET', path);
        expect(before.status).toBe(200);
        const res = await api.request('PATCH', path, { [field.name]: null });
        expect(res.status, JSON.stringify(res.body)).toBe(400);
        expect(Object.keys(res.body.error.fields ?? {})).toContain(field.name);
        const after = await api.request('GET', path);
        expect(after.body[field.name]).toEqual(before.body[field.name]);
        expect(after.body.updated_at).toBe(before.body.updated_at);
      });
    }
  }
});
