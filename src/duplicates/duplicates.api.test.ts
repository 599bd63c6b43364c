import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../test/engines.js';
import { testApi, type TestApi } from '../test/api-client.js';

async function upload(api: TestApi, path: string, csv: string, fields: Record<string, string>) {
  const form = new FormData();
  form.set('file', new File([csv], 'people.csv', { type: 'text/csv' }));
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  const res = await api.app.request(path, { method: 'POST', body: form, headers: { authorization: `Bearer ${api.token}` } });
  return { status: res.status, body: await res.json() };
}

async function waitFor(api: TestApi, id: string) {
  for (let i = 0; i < 1200; i++) {
    const batch = (await api.request('GET', `/api/imports/${id}`)).body;
    if (batch.status !== 'running') return batch;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('import did not finish');
}

describe.each(engines)('imports and duplicate review over the API on %s', (engine) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await testApi(engine);
    await api.request('POST', '/api/customers', { first_name: 'William', last_name: 'Shakespeare', email: 'will@globe.example', birthday: '1964-04-23', city: 'Stratford' });
    await api.request('POST', '/api/customers', { first_name: 'Jane', last_name: 'Austen', email: 'jane@bath.example', city: 'Bath', postcode: 'BA1 1AA' });
  });
  afterAll(async () => api?.close());

  it('previews, imports with a bad row, merges a sure duplicate, queues an unsure one, and undoes it all', async () => {
    const csv =
      'First Name,Last Name,E-mail Address,Birthday,City,Postal Code\n' +
      'Bill,Shakespeare,bill.shakespeare@globe.example,1964-04-23,Stratford,\n' +
      'Jane,Austen,jane.a@other.example,,London,\n' +
      'Broken,Row,broken@@example,,,\n' +
      'Emily,Bronte,emily@haworth.example,,Haworth,\n';
    const preview = await upload(api, '/api/imports/preview', csv, { kind: 'customers' });
    expect(preview.status).toBe(200);
    expect(preview.body.mapping['E-mail Address']).toBe('emails');
    expect(preview.body.rejected).toBe(1);

    const started = await upload(api, '/api/imports', csv, { kind: 'customers', source: 'outlook' });
    expect(started.status).toBe(202);
    const batch = await waitFor(api, started.body.id);
    expect(batch.status).toBe('done');
    expect(batch.counts).toMatchObject({ rows: 4, created: 3, rejected: 1, merged: 1, duplicates_queued: 1 });
    const report = await api.request('GET', `/api/imports/${batch.id}/errors.csv`);
    expect(report.body).toMatch(/^row,column,reason,values/);
    expect(report.body).toContain('broken@@example');

    const will = (await api.request('GET', '/api/customers?q=shakespeare')).body.data;
    expect(will).toHaveLength(1);
    expect(will[0].emails).toEqual(['will@globe.example', 'bill.shakespeare@globe.example']);

    const queue = await api.request('GET', '/api/duplicates');
    expect(queue.body.data).toHaveLength(1);
    const pair = queue.body.data[0];
    expect([pair.a.city, pair.b.city].sort()).toEqual(['Bath', 'London']);
    expect(pair.reasons).toEqual(expect.arrayContaining(['same last name', 'same first name']));

    const merged = await api.request('POST', `/api/duplicates/${pair.id}/merge`, { winner: pair.a.city === 'Bath' ? 'a' : 'b' });
    expect(merged.status).toBe(200);
    expect(merged.body.winner.emails).toEqual(['jane@bath.example', 'jane.a@other.example']);
    expect(merged.body.conflicts).toEqual([expect.objectContaining({ field: 'email', kept: 'jane@bath.example' }), expect.objectContaining({ field: 'city', kept: 'Bath', discarded: 'London' })]);
    expect((await api.request('GET', '/api/duplicates')).body.data).toHaveLength(0);
    expect((await api.request('POST', `/api/duplicates/${pair.id}/merge`, {})).status).toBe(409);
    expect((await api.request('POST', `/api/merges/${merged.body.merge_id}/undo`)).status).toBe(204);
    const reopened = (await api.request('GET', '/api/duplicates')).body.data;
    expect(reopened).toHaveLength(1);
    expect((await api.request('POST', `/api/duplicates/${reopened[0].id}/dismiss`)).status).toBe(204);
    const scan = await api.request('POST', '/api/duplicates/scan', { mode: 'auto' });
    expect(scan.status).toBe(202);
    expect((await api.waitForJob(scan.body.id)).result.queued).toBe(0);
    expect((await api.request('GET', '/api/customers?q=austen')).body.data).toHaveLength(2);

    const undo = await api.request('POST', `/api/imports/${batch.id}/undo`);
    expect(undo.status).toBe(202);
    expect((await api.waitForJob(undo.body.id)).status).toBe('done');
    expect((await api.request('GET', `/api/imports/${batch.id}`)).body.status).toBe('undone');
    const names = (await api.request('GET', '/api/customers?sort=last_name')).body.data.map((c: { first_name: string; emails: string[] }) => `${c.first_name}:${c.emails.join('|')}`);
    expect(names).toEqual(['Jane:jane@bath.example', 'William:will@globe.example']);
  });

  it('rejects uploads without a file or with a bad kind', async () => {
    const res = await api.app.request('/api/imports', { method: 'POST', body: new FormData(), headers: { authorization: `Bearer ${api.token}` } });
    expect(res.status).toBe(400);
    const bad = await upload(api, '/api/imports', 'a,b\n1,2\n', { kind: 'spaceships' });
    expect(bad.status).toBe(400);
    expect((await api.request('GET', '/api/imports/bat_nope')).status).toBe(404);
  });
});
