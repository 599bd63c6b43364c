import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApi, type TestApi } from '../test/api-client.js';
import { engines } from '../test/engines.js';

/**
 * Every operation of the OpenAPI document, sent bodies and query values a client should never send:
 * each answer must be a 4xx in the error shape, never a 5xx. Paths with ids are tried with an unknown id
 * and, where a record of that kind exists, with a real one.
 */
type Schema = { $ref?: string; type?: string | string[]; enum?: unknown[]; format?: string; properties?: Record<string, Schema> };
type Operation = { parameters?: { name: string; in: string; schema?: Schema }[]; requestBody?: { content?: Record<string, { schema?: Schema }> }; responses?: unknown };

// Paths that start long jobs, replace the database or stream forever are covered by their own tests.
const skipped = /erase|restore|backup|demo|imports|stream|\/events\/watch/;
const unknownId = 'zz_unknown_0000000000000000';

function bodies(schemaOf: (s: Schema | undefined) => Schema, body: Schema): [string, unknown][] {
  const props = Object.entries(schemaOf(body).properties ?? {});
  const typeOf = (s: Schema) => {
    const t = schemaOf(s).type;
    return Array.isArray(t) ? t[0] : t;
  };
  const each = (value: (s: Schema) => unknown) => Object.fromEntries(props.map(([k, s]) => [k, value(schemaOf(s))]));
  return [
    ['empty', {}],
    ['nulls', each(() => null)],
    ['not an object', [1]],
    ['wrong types', each((s) => ({ string: 12345, number: 'NaN', integer: 'NaN', boolean: 'yes', array: 'not a list', object: 'text' })[typeOf(s) ?? ''] ?? { odd: [1] })],
    ['extremes', each((s) => ({ string: s.enum ? s.enum[0] : 'x'.repeat(70_000), number: 1e300, integer: 2 ** 62, array: Array.from({ length: 3 }, () => 'x'.repeat(300)) })[typeOf(s) ?? ''] ?? null)],
    ['edges', each((s) => ({ string: s.enum ? s.enum.at(-1) : s.format === 'date' ? '2026-02-30' : 'a\u0000b\ud800', number: -1, integer: -1, array: [], boolean: false })[typeOf(s) ?? ''] ?? {})],
  ];
}

describe.each(engines)('every operation with hostile input on %s', (engine) => {
  let api: TestApi;
  let doc: { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, Schema> } };
  const ids: Record<string, string> = {};
  const schemaOf = (s: Schema | undefined): Schema => (s?.$ref ? schemaOf(doc.components.schemas[s.$ref.split('/').pop()!]) : (s ?? {}));

  beforeAll(async () => {
    api = await testApi(engine, {}, { jobs: false });
    doc = (await api.request('GET', '/api/openapi.json')).body;
    const post = async (path: string, body: object) => {
      const res = await api.request('POST', path, body);
      expect(res.status, `${path}: ${JSON.stringify(res.body)}`).toBe(201);
      return res.body.id as string;
    };
    ids.customers = await post('/api/customers', { first_name: 'Ada', email: 'ada@example.com', tags: ['vip'] });
    ids.products = await post('/api/products', { name: 'Plan', price: 20 });
    ids.companies = await post('/api/companies', { name: 'Acme' });
    ids.orders = await post('/api/orders', { customer_id: ids.customers, ordered_at: '2026-03-01T10:00:00Z', total: 20, currency: 'EUR', status: 'paid' });
    ids.interactions = await post('/api/interactions', { customer_id: ids.customers, type: 'call', occurred_at: '2026-03-02T10:00:00Z', subject: 'Called' });
    ids.tasks = await post('/api/tasks', { title: 'Call back', customer_id: ids.customers });
    ids.deals = await post('/api/deals', { title: 'Renewal', customer_id: ids.customers, value: 100 });
    ids.quotes = await post('/api/quotes', { customer_id: ids.customers, lines: [{ product_id: ids.products, name: 'Plan', quantity: 1, unit_price: 20, tax_rate: 0, discount_percent: 0 }] });
    ids.contracts = await post('/api/contracts', { title: 'Support', customer_id: ids.customers, starts_on: '2026-01-01' });
    ids.tickets = await post('/api/tickets', { subject: 'Help', customer_id: ids.customers, message: 'It broke' });
    ids.webhooks = await post('/api/webhooks', { url: 'https://example.com/hook', event_types: ['customer.created'] });
    ids.pipelines = 'pip_default';
  }, 120_000);
  afterAll(async () => api?.close());

  it('answers every body, id and query value with a 4xx, never a 5xx', async () => {
    const failures: string[] = [];
    let sent = 0;
    const send = async (method: string, path: string, body?: unknown) => {
      sent++;
      const res = await api.request(method, path, body as object);
      if (res.status >= 500) failures.push(`${method} ${path} ${body === undefined ? '' : JSON.stringify(body).slice(0, 80)} -> ${res.status}`);
    };
    for (const [path, operations] of Object.entries(doc.paths)) {
      if (skipped.test(path)) continue;
      const root = path.split('/')[2]!;
      const urls = [path.replace(/\{[^}]+\}/g, unknownId)];
      if (path.includes('{') && ids[root]) urls.push(path.replace(/\{[^}]+\}/, ids[root]!).replace(/\{[^}]+\}/g, unknownId));
      for (const [method, op] of Object.entries(operations)) {
        if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
        const body = op.requestBody?.content?.['application/json']?.schema;
        const query = (op.parameters ?? []).filter((p) => p.in === 'query');
        for (const url of urls) {
          if (body) for (const [, value] of bodies(schemaOf, body)) await send(method.toUpperCase(), url, value);
          else if (method !== 'delete') await send(method.toUpperCase(), url);
          for (const p of query) {
            for (const value of ['%00x', 'NaN', '%ED%A0%80', '-1', 'x'.repeat(5000)]) await send(method.toUpperCase(), `${url}?${p.name}=${value}`, body ? {} : undefined);
          }
        }
      }
    }
    for (const filter of ['q=%00a', 'first_name=%00', 'city[contains]=%00', 'sort=%00', 'age[gt]=abc', 'tags[contains]=%00']) await send('GET', `/api/customers?${filter}`);
    expect(sent).toBeGreaterThan(500);
    expect(failures).toEqual([]);
  }, 600_000);

  it('refuses text no database stores as sent, naming the field, and stores an emoji exactly', async () => {
    const nul = await api.request('POST', '/api/companies', { name: 'Ac\u0000me' });
    expect(nul.status).toBe(400);
    expect(Object.keys(nul.body.error.fields)).toEqual(['name']);
    const surrogate = await api.request('PATCH', `/api/customers/${ids.customers}`, { tags: ['ok', 'bad\udc00'] });
    expect(surrogate.status).toBe(400);
    expect(Object.keys(surrogate.body.error.fields)).toEqual(['tags.1']);
    const query = await api.request('GET', '/api/customers?first_name=%00');
    expect(query.status).toBe(400);
    expect(Object.keys(query.body.error.fields)).toEqual(['first_name']);
    const misnamed = await api.request('POST', '/api/tickets', { subject: 'Help', customer_id: ids.customers, body: 'The message under a wrong name' });
    expect(misnamed.status).toBe(400);
    expect(misnamed.body.error.fields.body).toEqual(['unknown field']);
    const emoji = await api.request('POST', '/api/companies', { name: 'Café 🚀 Ltd' });
    expect(emoji.status).toBe(201);
    expect((await api.request('GET', `/api/companies/${emoji.body.id}`)).body.name).toBe('Café 🚀 Ltd');
  });
});

describe('request bodies in the OpenAPI document', () => {
  it('refuse unknown fields everywhere, except where custom fields are checked by the service', async () => {
    const api = await testApi('sqlite', {}, { jobs: false });
    try {
      const doc = (await api.request('GET', '/api/openapi.json')).body as { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, Schema> } };
      type ObjectSchema = Schema & { additionalProperties?: unknown; items?: ObjectSchema; anyOf?: ObjectSchema[]; oneOf?: ObjectSchema[]; allOf?: ObjectSchema[] };
      const schemaOf = (s: ObjectSchema | undefined): ObjectSchema | undefined => (s?.$ref ? schemaOf(doc.components.schemas[s.$ref.split('/').pop()!]) : s);
      const open: string[] = [];
      const walk = (raw: ObjectSchema | undefined, where: string) => {
        const s = schemaOf(raw);
        if (!s) return;
        // `additionalProperties: {}` is a record with custom fields: the entity service checks each key.
        if (s.type === 'object' && s.properties && s.additionalProperties === undefined) open.push(where);
        for (const [k, v] of Object.entries(s.properties ?? {})) walk(v as ObjectSchema, `${where}.${k}`);
        walk(s.items, `${where}[]`);
        for (const list of [s.anyOf, s.oneOf, s.allOf]) for (const [i, v] of (list ?? []).entries()) walk(v, `${where}|${i}`);
      };
      for (const [path, operations] of Object.entries(doc.paths))
        for (const [method, op] of Object.entries(operations)) walk(op.requestBody?.content?.['application/json']?.schema as ObjectSchema, `${method.toUpperCase()} ${path}`);
      expect(open).toEqual([]);
    } finally {
      await api.close();
    }
  });
});
