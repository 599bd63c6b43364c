import { parse } from 'csv-parse/sync';
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../test/engines.js';
import { testApi, type TestApi } from '../test/api-client.js';

describe.each(engines)('GET /api/export/{kind} on %s', (engine) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await testApi(engine);
    const create = [
      { first_name: '=cmd', last_name: 'Smith, Jr.', email: 'a@example.com', emails: ['a@example.com', 'b@example.com'], phone: '+1 415 237 1234', city: 'Paris', tags: ['vip'] },
      { first_name: 'Zoë', last_name: 'Ünïcode', email: 'z@example.com', city: 'Paris', notes: 'two\nlines' },
      { first_name: 'Lyon', last_name: 'Person', email: 'l@example.com', city: 'Lyon' },
    ];
    const res = await api.request('POST', '/api/customers/bulk', { create });
    expect(res.status).toBe(200);
    await api.request('POST', '/api/tasks', { title: 'Call back', customer_id: res.body.created[0].id });
  });
  afterAll(async () => api?.close());

  const get = async (path: string) => {
    const res = await api.app.request(path, { headers: { authorization: `Bearer ${api.token}` } });
    return { status: res.status, type: res.headers.get('content-type') ?? '', disposition: res.headers.get('content-disposition') ?? '', text: await res.text() };
  };

  it('streams CSV with the list filters and neutralised formulas', async () => {
    const res = await get('/api/export/customers?format=csv&city=Paris');
    expect(res.status).toBe(200);
    expect(res.type).toMatch(/^text\/csv/);
    expect(res.disposition).toContain('customers.csv');
    const [head, ...rows] = parse(res.text) as string[][];
    expect(rows).toHaveLength(2);
    const named = rows.map((r) => Object.fromEntries(head.map((h, i) => [h, r[i]])));
    expect(named.map((r) => r.first_name).sort()).toEqual(["'=cmd", 'Zoë']);
    // The phone is written in E.164 as it is: another CRM's import reads the number it was.
    const phone = named.find((r) => r.email === 'a@example.com')!.phones;
    expect(phone).toBe('+14152371234');
    expect(parsePhoneNumberFromString(phone)?.isValid()).toBe(true);
    expect(named.find((r) => r.first_name === 'Zoë')!.notes).toBe('two\nlines');
    const filtered = await get(`/api/export/customers?filter=${encodeURIComponent(JSON.stringify({ field: 'city', op: 'eq', value: 'Lyon' }))}`);
    expect(parse(filtered.text)).toHaveLength(2);
    const searched = await get('/api/export/customers?format=json&q=Zo%C3%AB');
    expect(JSON.parse(searched.text).map((r: { email: string }) => r.email)).toEqual(['z@example.com']);
  });

  it('streams JSON and vCard', async () => {
    const json = await get('/api/export/customers?format=json');
    expect(json.type).toMatch(/^application\/json/);
    const records = JSON.parse(json.text);
    expect(records).toHaveLength(3);
    expect(records.find((r: { email: string }) => r.email === 'a@example.com').first_name).toBe('=cmd');
    const vcard = await get('/api/export/customers?format=vcard&city=Paris');
    expect(vcard.status).toBe(200);
    expect(vcard.type).toMatch(/^text\/vcard/);
    expect(vcard.disposition).toContain('customers.vcf');
    expect(vcard.text.match(/BEGIN:VCARD\r\n/g)).toHaveLength(2);
    expect(vcard.text).toContain('N:Smith\\, Jr.;=cmd;;;\r\n');
    expect(vcard.text).toContain('TEL;VALUE=uri;PREF=1:tel:+14152371234\r\n');
    expect(vcard.text).toContain('EMAIL:b@example.com\r\n');
    const tasks = await get('/api/export/tasks?format=json');
    expect(JSON.parse(tasks.text).map((t: { title: string }) => t.title)).toEqual(['Call back']);
    expect(JSON.parse((await get('/api/export/orders?format=json')).text)).toEqual([]);
  });

  it('answers a bad request with a JSON error before any data', async () => {
    for (const path of [
      '/api/export/orders?format=vcard',
      '/api/export/customers?format=xml',
      '/api/export/customers?filter=%7Bbad',
      '/api/export/customers?nope=1',
      '/api/export/widgets',
      '/api/export/orders?segment=x',
    ]) {
      const res = await get(path);
      expect(res.status, path).toBe(400);
      expect(JSON.parse(res.text).error, path).toBeDefined();
    }
  });
});
