import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApi, type TestApi } from '../test/api-client.js';
import { engines } from '../test/engines.js';
import { addNationalPhoneWords } from '../core/migrations/0014_business_settings.js';
import { phoneQuery, phoneSearchWords } from './phone-search.js';

describe('phone search words', () => {
  it('holds the number as typed, international, national and national significant', () => {
    expect(phoneSearchWords([{ raw: '+32 470 53 67 46', e164: '+32470536746' }]).sort()).toEqual(['0470536746', '32470536746', '470536746'].sort());
    expect(phoneSearchWords([{ raw: '(213) 373-4253', e164: '+12133734253' }])).toEqual(expect.arrayContaining(['2133734253', '12133734253']));
    // A number kept raw (it did not validate) is searchable by its digits only.
    expect(phoneSearchWords([{ raw: '0470 12', e164: null }])).toEqual(['047012']);
  });
  it('reads a search typed like a phone number as its digits', () => {
    expect(phoneQuery('0470 53 67 46')).toBe('0470536746');
    expect(phoneQuery('+32 (0)470-53.67.46')).toBe('32470536746');
    expect(phoneQuery('Anna 0470')).toBe('Anna 0470');
    expect(phoneQuery('12')).toBe('12');
  });
});

describe.each(engines)('finding a customer by phone on %s', (engine) => {
  let api: TestApi;
  let belgian: string;
  beforeAll(async () => {
    api = await testApi(engine);
    const res = await api.request('POST', '/api/customers/bulk', {
      create: [
        { first_name: 'Lotte', phones: ['+32470536746'] },
        { first_name: 'Other', phones: ['+32471000000'] },
      ],
    });
    expect(res.status).toBe(200);
    belgian = res.body.created[0].id;
  }, 60_000);
  afterAll(async () => api?.close());

  it.each(['0470536746', '0470 53 67 46', '470536746', '+32470536746', '32470536746', '+32 470 53 67 46', '+32 (0)470 53 67 46', '04705'])('finds +32470536746 when searching %s', async (q) => {
    const res = await api.request('GET', `/api/customers?q=${encodeURIComponent(q)}`);
    expect(res.status).toBe(200);
    expect(res.body.data.map((c: { id: string }) => c.id)).toEqual([belgian]);
  });

  it('adds the national forms to customers stored before (migration 0014)', async () => {
    const { db } = api.db.database;
    // The search words as they were stored before: digits as typed and international only.
    await db.updateTable('customers').set({ search_text: 'lotte 32470536746' }).where('id', '=', belgian).execute();
    expect((await api.request('GET', '/api/customers?q=0470536746')).body.data).toEqual([]);
    expect(await addNationalPhoneWords(db)).toBeGreaterThanOrEqual(1);
    expect((await api.request('GET', '/api/customers?q=0470536746')).body.data.map((c: { id: string }) => c.id)).toEqual([belgian]);
    expect((await api.request('GET', '/api/customers?q=lotte')).body.data.map((c: { id: string }) => c.id)).toEqual([belgian]);
  });
});
