import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listColumns } from '../core/dialect.js';
import { renewSchemaStamp } from '../core/schema-stamp.js';
import { engines } from '../test/engines.js';
import { testApi, type TestApi } from '../test/api-client.js';

const cursorOf = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe.each(engines)('custom fields and hostile names on %s', (engine) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await testApi(engine);
  }, 120_000);
  afterAll(async () => api?.close());
  const customerColumns = async () => (await listColumns(api.db.database.db, 'customers')).filter((c) => c.startsWith('cf_'));

  it('refuses names that are properties of every JavaScript object', async () => {
    for (const name of ['constructor', 'tostring', 'then', 'prototype']) {
      const res = await api.request('POST', '/api/fields', { name, type: 'text' });
      expect(res.status, name).toBe(400);
      expect(res.body.error.fields.name[0]).toMatch(/reserved/);
    }
    expect((await api.request('POST', '/api/fields', { name: '__proto__', type: 'text' })).status).toBe(400);
    expect(await customerColumns()).toEqual([]);
  });

  it('creates customers even where a field named constructor was declared before names were checked', async () => {
    // As a database from before the check may hold it: the declaration and its column.
    const db = api.db.database.db;
    await sql`ALTER TABLE ${sql.table('customers')} ADD COLUMN ${sql.ref('cf_constructor')} ${sql.raw(engine === 'postgres' ? 'varchar(255) COLLATE "C"' : 'varchar(255)')}`.execute(db);
    await db
      .insertInto('custom_fields')
      .values({ id: 'fld_constructor', entity: 'customers', name: 'constructor', label: 'Constructor', type: 'text', options: null, created_at: new Date().toISOString() })
      .execute();
    // Starting on such a database applies migrations, which give the schema a new stamp.
    await renewSchemaStamp(db);
    const plain = await api.request('POST', '/api/customers', { first_name: 'Plain' });
    expect(plain.status).toBe(201);
    expect(plain.body.constructor).toBeNull();
    const valued = await api.request('POST', '/api/customers', { first_name: 'Valued', constructor: 'Ada' });
    expect(valued.status).toBe(201);
    expect(valued.body.constructor).toBe('Ada');
    // And it can be removed again.
    expect((await api.request('DELETE', '/api/fields/constructor')).status).toBe(200);
    expect(await customerColumns()).toEqual([]);
  });

  it('removes a custom field with its values, and answers 404 for an unknown one', async () => {
    expect((await api.request('POST', '/api/fields', { name: 'loyalty', type: 'number' })).status).toBe(201);
    const created = await api.request('POST', '/api/customers', { first_name: 'Loyal', loyalty: 9 });
    expect(created.body.loyalty).toBe(9);
    const removed = await api.request('DELETE', '/api/fields/loyalty');
    expect(removed.status).toBe(200);
    expect(removed.body).toMatchObject({ name: 'loyalty', type: 'number' });
    expect(await customerColumns()).toEqual([]);
    expect((await api.request('GET', '/api/fields')).body.data).toEqual([]);
    const after = await api.request('GET', `/api/customers/${created.body.id}`);
    expect(after.status).toBe(200);
    expect(after.body).not.toHaveProperty('loyalty');
    expect((await api.request('GET', '/api/customers?loyalty=9')).status).toBe(400);
    const again = await api.request('DELETE', '/api/fields/loyalty');
    expect(again.status).toBe(404);
    expect(again.body.error.code).toBe('not_found');
    // The name is free again, with a new, empty column.
    expect((await api.request('POST', '/api/fields', { name: 'loyalty', type: 'text' })).status).toBe(201);
    expect((await api.request('GET', `/api/customers/${created.body.id}`)).body.loyalty ?? null).toBeNull();
  });

  it('answers 400 for cursors whose value has the wrong type', async () => {
    for (let i = 0; i < 3; i++) await api.request('POST', '/api/customers', { first_name: `Page ${i}`, age: 30 + i });
    const good = await api.request('GET', '/api/customers?sort=age&limit=1');
    expect(good.body.next_cursor).toBeTruthy();
    expect((await api.request('GET', `/api/customers?sort=age&limit=1&cursor=${good.body.next_cursor}`)).status).toBe(200);
    const bad = [
      ['/api/customers?sort=age', ['thirty', 'cus_x']],
      ['/api/customers?sort=last_name', [42, 'cus_x']],
      ['/api/customers?sort=age', [{ nested: true }, 'cus_x']],
      ['/api/customers', [[1, 2], 'cus_x']],
      ['/api/duplicates', ['high', 'dup_x']],
      ['/api/orders?sort=-total', ['lots', 'ord_x']],
    ] as const;
    for (const [path, cursor] of bad) {
      const res = await api.request('GET', `${path}${path.includes('?') ? '&' : '?'}cursor=${cursorOf(cursor)}`);
      expect(res.status, `${path} ${JSON.stringify(cursor)}`).toBe(400);
      expect(res.body.error.fields.cursor).toEqual(['invalid cursor']);
    }
    // SQLite pages a search by row number: the cursor's value is that number.
    if (engine === 'sqlite') expect((await api.request('GET', `/api/customers?q=page&cursor=${cursorOf(['not a number', 'cus_x'])}`)).status).toBe(400);
    const timeline = await api.request('GET', `/api/customers/${good.body.data[0].id}/timeline?cursor=${cursorOf([7, 'x'])}`);
    expect(timeline.status).toBe(400);
  });

  it('answers 400 for a malformed percent-encoding in a path', async () => {
    for (const path of ['/%E0%A4%A', '/customers/%ZZ', '/api/customers/%E0%A4%A', '/api/fields/%C0']) {
      const res = await api.request('GET', path);
      expect(res.status, path).toBe(400);
      expect(res.body.error.fields.path, path).toEqual(['malformed percent-encoding']);
    }
    // A well-formed encoding still reaches its route.
    expect((await api.request('GET', '/api/customers/cus_%41')).status).toBe(404);
  });
});
