import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runImport } from '../imports/importer.js';
import { testApi, type TestApi } from '../test/api-client.js';
import { engines } from '../test/engines.js';
import { drainDueEnrolments, waitUntil } from './runner.js';

// A wait "until 09:00" is 09:00 where the customer lives: their own time zone (an IANA name, validated
// and importable), else the business's. Checked across the daylight-saving changes of March 2026
// (8 March in New York, 29 March in Paris).

describe('a wait until a time of day, across daylight-saving changes', () => {
  const wait = { id: 'w', kind: 'wait' as const, days: 1, until_time: '09:00' };
  it('lands on 09:00 in the zone on the day the clocks change', () => {
    // Saturday 7 March, 12:00 UTC; a day later it is 08:00 in New York, already summer time (UTC-4).
    expect(waitUntil(wait, new Date('2026-03-07T12:00:00Z'), 'America/New_York').toISOString()).toBe('2026-03-08T13:00:00.000Z');
    // The week before, winter time (UTC-5): 09:00 is 14:00 UTC.
    expect(waitUntil(wait, new Date('2026-02-28T12:00:00Z'), 'America/New_York').toISOString()).toBe('2026-03-01T14:00:00.000Z');
    // Past 09:00 after the day: the next day's 09:00.
    expect(waitUntil(wait, new Date('2026-03-07T20:00:00Z'), 'America/New_York').toISOString()).toBe('2026-03-09T13:00:00.000Z');
    // Paris changes three weeks later: 09:00 is 08:00 UTC on Saturday 28 March, 07:00 UTC on Monday 30 March.
    expect(waitUntil(wait, new Date('2026-03-27T06:00:00Z'), 'Europe/Paris').toISOString()).toBe('2026-03-28T08:00:00.000Z');
    expect(waitUntil(wait, new Date('2026-03-29T06:00:00Z'), 'Europe/Paris').toISOString()).toBe('2026-03-30T07:00:00.000Z');
    // A time the spring change skips (02:30 on 29 March in Paris) moves forward by the gap.
    expect(waitUntil({ ...wait, days: 0, until_time: '02:30' }, new Date('2026-03-28T23:00:00Z'), 'Europe/Paris').toISOString()).toBe('2026-03-29T01:30:00.000Z');
  });
});

describe.each(engines)('customer time zones on %s', (engine) => {
  let api: TestApi;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-tz-'));
  beforeAll(async () => {
    api = await testApi(engine, {}, { jobs: false });
    expect((await api.request('PATCH', '/api/settings', { currency: 'EUR', time_zone: 'Europe/Paris' })).status).toBe(200);
  });
  afterAll(async () => {
    await api?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('takes an IANA time zone in its canonical spelling and refuses anything else, next to the field', async () => {
    const ok = await api.request('POST', '/api/customers', { first_name: 'Ny', time_zone: 'america/new_york' });
    expect(ok.status).toBe(201);
    expect(ok.body.time_zone).toBe('America/New_York');
    const bad = await api.request('POST', '/api/customers', { first_name: 'Nowhere', time_zone: 'Mars/Olympus_Mons' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.time_zone).toEqual([expect.stringMatching(/IANA time zone/)]);
    const patched = await api.request('PATCH', `/api/customers/${ok.body.id}`, { time_zone: 'UTC+3' });
    expect(patched.status).toBe(400);
    expect((await api.request('PATCH', `/api/customers/${ok.body.id}`, { time_zone: null })).body.time_zone).toBeNull();
    const filtered = await api.request('GET', `/api/customers?filter=${encodeURIComponent(JSON.stringify({ field: 'time_zone', op: 'eq', value: 'America/New_York' }))}`);
    expect(filtered.status).toBe(200);
  });

  it('imports a time zone column, refusing a row whose zone is unknown', async () => {
    const file = path.join(dir, `tz-${engine}.csv`);
    fs.writeFileSync(file, 'email,first_name,timezone\nkim@example.org,Kim,asia/tokyo\nlou@example.org,Lou,Atlantis/Capital\n');
    const batch = await runImport({ database: api.db.database, actor: 'test' }, file, { kind: 'customers' });
    expect(batch.counts).toMatchObject({ rows: 2, created: 1, rejected: 1 });
    const kim = await api.db.database.db.selectFrom('customers').select('time_zone').where('first_name', '=', 'Kim').executeTakeFirstOrThrow();
    expect(kim.time_zone).toBe('Asia/Tokyo');
  });

  it("waits until 09:00 in the customer's own time zone, else in the business time zone, on the day the clocks change", async () => {
    const ny = (await api.request('POST', '/api/customers', { first_name: 'Nora', time_zone: 'America/New_York' })).body.id as string;
    const paris = (await api.request('POST', '/api/customers', { first_name: 'Pierre' })).body.id as string;
    const flow = await api.request('POST', '/api/flows', {
      name: 'Morning note',
      definition: {
        trigger: { type: 'manual' },
        steps: [
          { id: 'w', kind: 'wait', days: 1, until_time: '09:00' },
          { id: 't', kind: 'add_tag', tag: 'morning' },
        ],
      },
    });
    expect(flow.status, JSON.stringify(flow.body)).toBe(201);
    expect((await api.request('POST', `/api/flows/${flow.body.id}/activate`, {})).status).toBe(200);
    expect((await api.request('POST', `/api/flows/${flow.body.id}/enrolments`, { customer_ids: [ny, paris] })).status).toBeLessThan(300);
    // Saturday 7 March 2026, 12:00 UTC: a day later New York is on summer time (UTC-4) and it is 08:00
    // there, so 09:00 comes that morning; in Paris (UTC+1, the business zone) it is 13:00, so the next day.
    const start = new Date('2026-03-07T12:00:00Z');
    await api.db.database.db.updateTable('flow_enrolments').set({ next_run_at: start.toISOString() }).where('flow_id', '=', flow.body.id).execute();
    await drainDueEnrolments(api.db.database, { now: new Date('2026-03-07T12:00:00Z') });
    const rows = await api.db.database.db.selectFrom('flow_enrolments').select(['customer_id', 'next_run_at']).where('flow_id', '=', flow.body.id).execute();
    const at = new Map(rows.map((r) => [r.customer_id as string, new Date(r.next_run_at as string).toISOString()]));
    expect(at.get(ny)).toBe('2026-03-08T13:00:00.000Z');
    expect(at.get(paris)).toBe('2026-03-09T08:00:00.000Z');
  });
});
