import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../test/engines.js';
import { testApi, type TestApi } from '../test/api-client.js';
import { renderedFeed } from './feed-cache.js';

/** The feed as a calendar client reads it: ical.js parses it, with its VTIMEZONE registered. */
function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  return calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
}

describe.each(engines)('calendar feed on %s', (engine) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await testApi(engine, {}, { jobs: false });
    await api.request('PATCH', '/api/settings', { time_zone: 'Europe/Brussels' });
  });
  afterAll(async () => api?.close());

  const feed = (path: string) => api.app.request(path);

  it('is off until a secret is made, then serves tasks, deal close dates and contract ends that a real parser reads', async () => {
    expect((await api.request('GET', '/api/calendar/feed')).body).toEqual({ active: false, created_at: null });
    const customer = (await api.request('POST', '/api/customers', { first_name: 'Ada', email: 'ada@example.com' })).body;
    // Monday 23 March 2026 09:00 in Brussels, weekly: the second occurrence is after the DST change.
    const weekly = (await api.request('POST', '/api/tasks', { title: 'Weekly review; pipeline, quotes', due_at: '2026-03-23T08:00:00Z', recurrence: 'FREQ=WEEKLY;COUNT=4', priority: 'high' })).body;
    const once = (await api.request('POST', '/api/tasks', { title: 'Call Ada', due_at: '2026-03-24T15:30:00Z', linked_entity: 'customer', linked_id: customer.id })).body;
    await api.request('POST', '/api/tasks', { title: 'No due time' });
    await api.request('POST', '/api/tasks', { title: 'Done already', due_at: '2026-03-20T08:00:00Z', done: true });
    const deal = (await api.request('POST', '/api/deals', { title: 'Website redesign', customer_id: customer.id, value: 5000, expected_close_date: '2026-04-15' })).body;
    expect(deal.id).toBeTruthy();
    const contract = (await api.request('POST', '/api/contracts', { title: 'Hosting', customer_id: customer.id, starts_on: '2026-01-01', ends_on: '2026-12-31', status: 'active', value: 240 })).body;
    await api.request('POST', '/api/contracts', { title: 'Draft only', starts_on: '2026-01-01', ends_on: '2026-06-30' });

    const made = await api.request('POST', '/api/calendar/feed');
    expect(made.status).toBe(201);
    expect(made.body.path).toMatch(/^\/calendar\/[\w-]{65}\.ics$/);
    expect((await api.request('GET', '/api/calendar/feed')).body.active).toBe(true);

    const res = await feed(made.body.path);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/calendar');
    const text = await res.text();
    expect(text.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
    const events = parse(text);
    const byUid = new Map(events.map((e) => [e.uid, e]));
    expect([...byUid.keys()].sort()).toEqual([`${weekly.id}@rapport`, `${once.id}@rapport`, `${deal.id}-close@rapport`, `${contract.id}-end@rapport`].sort());

    const review = byUid.get(`${weekly.id}@rapport`)!;
    expect(review.summary).toBe('Weekly review; pipeline, quotes');
    expect(review.startDate.zone?.tzid).toBe('Europe/Brussels');
    expect(review.startDate.toJSDate().toISOString()).toBe('2026-03-23T08:00:00.000Z');
    expect(review.isRecurring()).toBe(true);
    const it = review.iterator();
    const occurrences: string[] = [];
    for (let next = it.next(); next; next = it.next()) occurrences.push(next.toJSDate().toISOString());
    // 09:00 in Brussels each time: 08:00 UTC in winter, 07:00 UTC from 29 March.
    expect(occurrences).toEqual(['2026-03-23T08:00:00.000Z', '2026-03-30T07:00:00.000Z', '2026-04-06T07:00:00.000Z', '2026-04-13T07:00:00.000Z']);

    const call = byUid.get(`${once.id}@rapport`)!;
    expect(call.startDate.toJSDate().toISOString()).toBe('2026-03-24T15:30:00.000Z');
    expect(call.endDate.toJSDate().toISOString()).toBe('2026-03-24T16:00:00.000Z');
    expect(call.description).toContain(customer.id);

    const close = byUid.get(`${deal.id}-close@rapport`)!;
    expect(close.startDate.isDate).toBe(true);
    expect(close.startDate.toString()).toBe('2026-04-15');
    expect(close.summary).toBe('Expected close: Website redesign (5000 EUR)');
    const end = byUid.get(`${contract.id}-end@rapport`)!;
    expect(end.startDate.toString()).toBe('2026-12-31');
    expect(end.summary).toBe('Contract ends: Hosting');
  });

  it('answers a wrong, malformed or rotated secret with 404 and serves the new one', async () => {
    const first = (await api.request('POST', '/api/calendar/feed')).body.path as string;
    expect((await feed(first)).status).toBe(200);
    const token = first.slice('/calendar/'.length, -'.ics'.length);
    const flipped = token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A');
    for (const path of [`/calendar/${flipped}.ics`, `/calendar/${token}`, '/calendar/short.ics', `/calendar/${'A'.repeat(65)}.ics`, `/calendar/${token}.ics.ics`]) {
      const res = await feed(path);
      expect(res.status, path).toBe(404);
      expect(await res.text()).not.toContain('BEGIN:VCALENDAR');
    }
    const second = (await api.request('POST', '/api/calendar/feed')).body.path as string;
    expect(second).not.toBe(first);
    expect((await feed(first)).status).toBe(404);
    expect((await feed(second)).status).toBe(200);
    expect((await api.request('DELETE', '/api/calendar/feed')).status).toBe(204);
    expect((await feed(second)).status).toBe(404);
    // The management routes need sign-in.
    expect((await api.app.request('/api/calendar/feed', { method: 'POST' })).status).toBe(401);
  });

  it('keeps the feed between reads with a weak ETag, answers If-None-Match with 304, and shows every change at once', async () => {
    const path = (await api.request('POST', '/api/calendar/feed')).body.path as string;
    const get = (etag?: string) => api.app.request(path, etag ? { headers: { 'if-none-match': etag } } : {});
    const uids = async (res: Response) => parse(await res.text()).map((e) => e.uid);
    const first = await get();
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^W\/"[\w-]+"$/);
    const before = await uids(first);

    // Unchanged: the same tag, and 304 without a body for a client that has it (in a list, strong or weak).
    expect((await get()).headers.get('etag')).toBe(etag);
    for (const header of [etag, `"other", ${etag}`, etag.slice(2), '*']) {
      const res = await get(header);
      expect(res.status, header).toBe(304);
      expect(await res.text()).toBe('');
      expect(res.headers.get('etag')).toBe(etag);
    }
    expect((await get('W/"other"')).status).toBe(200);

    // Each write the feed shows changes it on the next read: a new task, then that task done.
    const task = (await api.request('POST', '/api/tasks', { title: 'Send the invoice', due_at: '2026-05-04T09:00:00Z' })).body;
    const added = await get(etag);
    expect(added.status).toBe(200);
    const afterTask = added.headers.get('etag')!;
    expect(afterTask).not.toBe(etag);
    expect(await uids(added)).toEqual(expect.arrayContaining([...before, `${task.id}@rapport`]));
    expect((await api.request('PATCH', `/api/tasks/${task.id}`, { done: true })).status).toBe(200);
    const done = await get(afterTask);
    expect(done.status).toBe(200);
    expect((await uids(done)).sort()).toEqual([...before].sort());

    // A deal's close date, a contract's end, and the time zone of the times.
    const deal = (await api.request('POST', '/api/deals', { title: 'Support plan', value: 700, expected_close_date: '2026-06-01' })).body;
    expect(await uids(await get())).toContain(`${deal.id}-close@rapport`);
    expect((await api.request('PATCH', `/api/deals/${deal.id}`, { expected_close_date: '2026-06-15' })).status).toBe(200);
    expect(await (await get()).text()).toContain('DTSTART;VALUE=DATE:20260615');
    const contract = (await api.request('POST', '/api/contracts', { title: 'Retainer', starts_on: '2026-01-01', ends_on: '2026-09-30', status: 'active' })).body;
    expect(await uids(await get())).toContain(`${contract.id}-end@rapport`);
    expect((await api.request('DELETE', `/api/contracts/${contract.id}`)).status).toBe(204);
    expect(await uids(await get())).not.toContain(`${contract.id}-end@rapport`);
    expect(await (await get()).text()).toContain('TZID=Europe/Brussels');
    expect((await api.request('PATCH', '/api/settings', { time_zone: 'America/New_York' })).status).toBe(200);
    expect(await (await get()).text()).toContain('TZID=America/New_York');
    await api.request('PATCH', '/api/settings', { time_zone: 'Europe/Brussels' });

    // A change that appends no event (as one committing behind a later-numbered event on PostgreSQL or
    // MariaDB may look) is shown once the kept feed is a minute old.
    const db = api.db.database.db;
    await renderedFeed(db);
    await db.updateTable('tasks').set({ title: 'Renamed behind the feed' }).where('title', '=', 'Call Ada').execute();
    expect((await renderedFeed(db)).text).not.toContain('Renamed behind the feed');
    expect((await renderedFeed(db, new Date(Date.now() + 61_000))).text).toContain('Renamed behind the feed');
  });
});
