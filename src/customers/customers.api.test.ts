import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../test/engines.js';
import { testApi, type TestApi } from '../test/api-client.js';

describe.each(engines)('customers API on %s', (engine) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await testApi(engine, { RAPPORT_DEFAULT_COUNTRY: 'US' });
  });
  afterAll(async () => api?.close());

  it('creates a customer with normalised contact data and reads the 360-degree view', async () => {
    const res = await api.request('POST', '/api/customers', {
      first_name: 'Ada',
      last_name: 'Lovelace',
      email: 'Ada@Example.com',
      emails: ['ada.work@example.org'],
      phone: '(415) 555-2671',
      company: 'Analytical Engines',
      tags: ['vip', 'vip', ' b2b '],
      consent_email: true,
      sources: [{ source: 'shopify', source_id: '1001' }],
    });
    expect(res.status).toBe(201);
    const c = res.body;
    expect(c.id).toMatch(/^cus_[0-9a-z]{26}$/);
    expect(c.emails).toEqual(['Ada@Example.com', 'ada.work@example.org']);
    expect(c.phone).toBe('+14155552671');
    expect(c.phones[0]).toEqual({ raw: '(415) 555-2671', e164: '+14155552671' });
    expect(c.tags).toEqual(['vip', 'b2b']);
    expect(c.company_id).toMatch(/^com_/);
    expect(c.consent_email).toBe(true);
    expect(c.consent_email_at).toBeTruthy();
    expect(c.sources).toEqual([{ source: 'shopify', source_id: '1001' }]);
    expect(c.order_count).toBe(0);

    const view = await api.request('GET', `/api/customers/${c.id}`);
    expect(view.status).toBe(200);
    expect(view.body.customer.first_name).toBe('Ada');
    expect(view.body.company.name).toBe('Analytical Engines');
    expect(view.body.recent_orders).toEqual([]);
  });

  it('keeps figures current through orders and interactions', async () => {
    const { body: c } = await api.request('POST', '/api/customers', { first_name: 'Grace', last_name: 'Hopper', email: 'grace@example.com' });
    const { body: product } = await api.request('POST', '/api/products', { sku: 'COBOL-1', name: 'Compiler', price: 120 });
    const o1 = await api.request('POST', '/api/orders', { customer_id: c.id, ordered_at: '2026-01-10T10:00:00Z', lines: [{ sku: 'COBOL-1', quantity: 2, unit_price: 120 }] });
    expect(o1.status).toBe(201);
    expect(o1.body.total).toBe(240);
    expect(o1.body.lines[0].product_id).toBe(product.id);
    expect(o1.body.lines[0].product_name).toBe('Compiler');
    const o2 = await api.request('POST', '/api/orders', { customer_id: c.id, ordered_at: '2026-03-10', total: 60, currency: 'eur' });
    expect(o2.body.currency).toBe('EUR');
    await api.request('POST', '/api/orders', { customer_id: c.id, ordered_at: '2026-04-01', total: 1000, status: 'cancelled' });
    let after = (await api.request('GET', `/api/customers/${c.id}`)).body.customer;
    expect(after.order_count).toBe(2);
    expect(after.revenue).toBe(300);
    expect(after.average_order_value).toBe(150);
    expect(after.first_order_at).toBe('2026-01-10T10:00:00.000Z');
    expect(after.last_order_at).toBe('2026-03-10T00:00:00.000Z');
    expect(after.purchase_frequency).toBeGreaterThan(0);

    await api.request('PATCH', `/api/orders/${o2.body.id}`, { status: 'refunded' });
    after = (await api.request('GET', `/api/customers/${c.id}`)).body.customer;
    expect(after.order_count).toBe(1);
    expect(after.revenue).toBe(240);

    const i = await api.request('POST', '/api/interactions', { type: 'call', direction: 'out', occurred_at: '2026-05-01T09:00:00Z', subject: 'Check-in', customer_id: c.id });
    expect(i.status).toBe(201);
    after = (await api.request('GET', `/api/customers/${c.id}`)).body.customer;
    expect(after.last_interaction_at).toBe('2026-05-01T09:00:00.000Z');
    await api.request('DELETE', `/api/interactions/${i.body.id}`);
    after = (await api.request('GET', `/api/customers/${c.id}`)).body.customer;
    expect(after.last_interaction_at).toBeNull();

    await api.request('POST', '/api/tasks', { title: 'Send quote', customer_id: c.id, due_at: '2026-06-01T09:00:00Z' });
    const timeline = await api.request('GET', `/api/customers/${c.id}/timeline?limit=2`);
    expect(timeline.status).toBe(200);
    expect(timeline.body.data).toHaveLength(2);
    const rest = await api.request('GET', `/api/customers/${c.id}/timeline?limit=10&cursor=${timeline.body.next_cursor}`);
    const all = [...timeline.body.data, ...rest.body.data];
    expect(all.map((x: { kind: string }) => x.kind).sort()).toEqual(['order', 'order', 'order', 'task']);
    const times = all.map((x: { at: string }) => x.at);
    expect([...times].sort().reverse()).toEqual(times);
  });

  it('filters, sorts, searches and pages the same way on every engine', async () => {
    const people = Array.from({ length: 23 }, (_, i) => ({
      first_name: `Person${String(i).padStart(2, '0')}`,
      last_name: i % 2 ? 'Smith' : 'Jones',
      email: `p${i}@list.example`,
      city: i % 3 === 0 ? 'Paris' : i % 3 === 1 ? 'Lyon' : null,
      age: 20 + i,
      income: i % 4 === 0 ? null : 1000 * i,
      tags: i % 5 === 0 ? ['vip'] : [],
      notes: i === 7 ? 'Met at the Zürich conference' : null,
    }));
    const bulk = await api.request('POST', '/api/customers/bulk', { create: people });
    expect(bulk.status).toBe(200);
    expect(bulk.body.created).toHaveLength(23);

    const paris = await api.request('GET', '/api/customers?city=Paris&email[contains]=list.example&sort=age');
    expect(paris.body.data.map((c: { age: number }) => c.age)).toEqual([20, 23, 26, 29, 32, 35, 38, 41]);
    const older = await api.request('GET', '/api/customers?age[gte]=40&age[lt]=42&sort=-age');
    expect(older.body.data.map((c: { age: number }) => c.age)).toEqual([41, 40]);
    const orTree = encodeURIComponent(
      JSON.stringify({
        or: [
          { field: 'city', op: 'eq', value: 'Lyon' },
          { field: 'tags', op: 'contains', value: 'VIP' },
        ],
      }),
    );
    const either = await api.request(`GET`, `/api/customers?filter=${orTree}&email[contains]=list.example`);
    expect(either.body.data).toHaveLength(8 + 4); // Lyon: i%3==1 (8); vip and not Lyon: 0, 5, 15, 20
    const noCity = await api.request('GET', '/api/customers?city[is_empty]=true&email[contains]=list.example');
    expect(noCity.body.data).toHaveLength(7);
    const inList = await api.request('GET', '/api/customers?city[in]=Paris,Lyon&email[contains]=list.example');
    expect(inList.body.data).toHaveLength(16);
    const notParis = await api.request('GET', '/api/customers?city[ne]=Paris&email[contains]=list.example');
    expect(notParis.body.data).toHaveLength(15);

    // Keyset paging over a nullable sort column: every row once, missing incomes last.
    const seen: string[] = [];
    const incomes: (number | null)[] = [];
    let cursor: string | null = null;
    do {
      const page: any = await api.request('GET', `/api/customers?email[contains]=list.example&sort=-income&limit=5&fields=income,email${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.status).toBe(200);
      for (const c of page.body.data) {
        seen.push(c.id);
        incomes.push(c.income);
        expect(Object.keys(c).sort()).toEqual(['email', 'id', 'income']);
      }
      cursor = page.body.next_cursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(23);
    expect(incomes.slice(0, 17)).toEqual([...incomes.slice(0, 17)].sort((a, b) => (b as number) - (a as number)));
    expect(incomes.slice(17)).toEqual([null, null, null, null, null, null]);

    const search = await api.request('GET', '/api/customers?q=person0 smi');
    expect(search.body.data.map((c: { first_name: string }) => c.first_name).sort()).toEqual(['Person01', 'Person03', 'Person05', 'Person07', 'Person09']);
    expect((await api.request('GET', '/api/customers?q=zurich')).body.data.map((c: { first_name: string }) => c.first_name)).toEqual(['Person07']);
    expect((await api.request('GET', '/api/customers?q=p7@list')).body.data.map((c: { first_name: string }) => c.first_name)).toEqual(['Person07']);
    expect((await api.request('GET', '/api/customers?q=jo&age[lt]=23')).body.data).toHaveLength(2);
    expect((await api.request('GET', '/api/customers?q=4155552671')).body.data.map((c: { last_name: string }) => c.last_name)).toEqual(['Lovelace']);
  });

  it('updates only what is sent and records every change in the audit log', async () => {
    const { body: c } = await api.request('POST', '/api/customers', { first_name: 'Alan', last_name: 'Turing', email: 'alan@example.com', city: 'London' });
    const res = await api.request('PATCH', `/api/customers/${c.id}`, { city: 'Manchester', email: 'alan@bletchley.example' });
    expect(res.status).toBe(200);
    expect(res.body.city).toBe('Manchester');
    expect(res.body.last_name).toBe('Turing');
    expect(res.body.email).toBe('alan@bletchley.example');
    expect(res.body.emails).toEqual(['alan@bletchley.example', 'alan@example.com']);
    expect((await api.request('GET', '/api/customers?q=bletchley')).body.data).toHaveLength(1);
    const audit = await api.request('GET', `/api/audit?entity_id=${c.id}`);
    expect(audit.body.data.map((a: { action: string }) => a.action)).toEqual(['update', 'create']);
    expect(audit.body.data[0].before.city).toBe('London');
    expect(audit.body.data[0].after.city).toBe('Manchester');
    expect(audit.body.data[0].actor).toMatch(/^token:tok_/);
  });

  it('refuses a second customer with the same primary email (409) and leaves a failed bulk unapplied', async () => {
    await api.request('POST', '/api/customers', { first_name: 'Unique', email: 'unique@example.com' });
    const dup = await api.request('POST', '/api/customers', { first_name: 'Other', email: 'UNIQUE@example.com' });
    expect(dup.status).toBe(409);
    expect(dup.body.error.code).toBe('conflict');
    expect(dup.body.error.fields.email).toBeDefined();

    const before = (await api.request('GET', '/api/customers?q=bulkfail')).body.data.length;
    const bulk = await api.request('POST', '/api/customers/bulk', {
      create: [
        { first_name: 'Bulkfail', email: 'bf1@example.com' },
        { first_name: 'Bulkfail', email: 'unique@example.com' },
      ],
    });
    expect(bulk.status).toBe(409);
    expect((await api.request('GET', '/api/customers?q=bulkfail')).body.data.length).toBe(before);
    const bulkMissing = await api.request('POST', '/api/customers/bulk', { create: [{ first_name: 'Bulkfail' }], delete: ['cus_doesnotexist'] });
    expect(bulkMissing.status).toBe(404);
    expect((await api.request('GET', '/api/customers?q=bulkfail')).body.data.length).toBe(before);
  });

  it('answers 400 with the field named and 404 for unknown ids', async () => {
    const bad = await api.request('POST', '/api/customers', { first_name: 42, email: 'not-an-email', age: 'old', birthday: '2026-02-30', shoe_size: 9 });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(['age', 'birthday', 'email', 'first_name', 'shoe_size']);
    expect((await api.request('GET', '/api/customers/cus_nope')).status).toBe(404);
    expect((await api.request('PATCH', '/api/customers/cus_nope', { city: 'x' })).status).toBe(404);
    expect((await api.request('DELETE', '/api/orders/ord_nope')).status).toBe(404);
    const badFilter = await api.request('GET', '/api/customers?nonsense[gt]=3');
    expect(badFilter.status).toBe(400);
    expect(badFilter.body.error.fields.nonsense).toBeDefined();
    expect((await api.request('GET', '/api/customers?age[gt]=abc')).status).toBe(400);
    expect((await api.request('GET', '/api/customers?limit=501')).status).toBe(400);
    expect((await api.request('GET', '/api/customers?cursor=garbage')).status).toBe(400);
    expect((await api.request('POST', '/api/orders', { customer_id: 'cus_nope', total: 5, ordered_at: '2026-01-01' })).status).toBe(400);
  });

  it('declares custom fields that work in create, filter and sort', async () => {
    const f = await api.request('POST', '/api/fields', { name: 'loyalty_tier', type: 'select', options: ['gold', 'silver'] });
    expect(f.status).toBe(201);
    await api.request('POST', '/api/fields', { name: 'lifetime_points', type: 'number' });
    expect((await api.request('POST', '/api/fields', { name: 'email', type: 'text' })).status).toBe(409);
    expect((await api.request('POST', '/api/fields', { name: 'Bad Name', type: 'text' })).status).toBe(400);
    const a = await api.request('POST', '/api/customers', { first_name: 'Gold', email: 'gold@cf.example', loyalty_tier: 'gold', lifetime_points: 900 });
    expect(a.status).toBe(201);
    expect(a.body.loyalty_tier).toBe('gold');
    await api.request('POST', '/api/customers', { first_name: 'Silver', email: 'silver@cf.example', loyalty_tier: 'silver', lifetime_points: 100 });
    const wrong = await api.request('POST', '/api/customers', { first_name: 'X', loyalty_tier: 'platinum' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.fields.loyalty_tier).toBeDefined();
    const gold = await api.request('GET', '/api/customers?loyalty_tier=gold');
    expect(gold.body.data.map((c: { first_name: string }) => c.first_name)).toEqual(['Gold']);
    // A created customer is answered as stored: defaults, decoded lists and custom fields as a read gives them.
    expect(a.body).toEqual(gold.body.data[0]);
    const sorted = await api.request('GET', '/api/customers?email[contains]=cf.example&sort=-lifetime_points');
    expect(sorted.body.data.map((c: { lifetime_points: number }) => c.lifetime_points)).toEqual([900, 100]);
    expect((await api.request('GET', '/api/fields')).body.data.map((x: { name: string }) => x.name)).toEqual(['loyalty_tier', 'lifetime_points']);
  });

  it('exports everything about a person and erases them, keeping an audit entry without personal data', async () => {
    const { body: c } = await api.request('POST', '/api/customers', { first_name: 'Erin', last_name: 'Eraseme', email: 'erin@erase.example', phone: '+44 20 7946 0958', notes: 'likes tea' });
    await api.request('POST', '/api/orders', { customer_id: c.id, ordered_at: '2026-02-01', total: 42 });
    await api.request('POST', '/api/interactions', { type: 'email', customer_id: c.id, subject: 'Hello Erin', body: 'Private words' });
    const exp = await api.request('GET', `/api/customers/${c.id}/export`);
    expect(exp.status).toBe(200);
    expect(exp.body.customer.email).toBe('erin@erase.example');
    expect(exp.body.orders).toHaveLength(1);
    expect(exp.body.interactions[0].body).toBe('Private words');

    expect((await api.request('DELETE', `/api/customers/${c.id}?erase=true`)).status).toBe(204);
    const after = await api.request('GET', `/api/customers/${c.id}/export`);
    const text = JSON.stringify(after.body);
    for (const secret of ['erin@erase.example', 'Eraseme', 'likes tea', 'Private words', 'Hello Erin', '7946']) expect(text).not.toContain(secret);
    expect(after.body.customer.revenue).toBe(42);
    const audit = await api.request('GET', `/api/audit?entity_id=${c.id}`);
    expect(audit.body.data[0].action).toBe('erase');
    expect(JSON.stringify(audit.body)).not.toContain('erin@erase.example');
    expect((await api.request('GET', '/api/customers?q=erin')).body.data).toHaveLength(0);

    expect((await api.request('DELETE', `/api/customers/${c.id}`)).status).toBe(204);
    expect((await api.request('GET', `/api/customers/${c.id}`)).status).toBe(404);
  });
});
