import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../test/engines.js';
import { testApi, type TestApi } from '../test/api-client.js';

describe.each(engines)('tasks with reminders, priority, recurrence and links on %s', (engine) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await testApi(engine, {}, { jobs: false });
    expect((await api.request('PATCH', '/api/settings', { time_zone: 'Europe/Brussels' })).status).toBe(200);
  });
  afterAll(async () => api?.close());

  const taskCount = async () => (await api.request('GET', '/api/tasks?limit=500')).body.data.length as number;

  it('refuses a bad recurrence rule, a recurrence without a due time and half a link with a 400 naming the field, and stores nothing', async () => {
    const before = await taskCount();
    const bad = await api.request('POST', '/api/tasks', { title: 'Weekly review', due_at: '2026-03-23T08:00:00Z', recurrence: 'FREQ=WEEKLY;INTERVAL=x' });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields)).toEqual(['recurrence']);
    const unanchored = await api.request('POST', '/api/tasks', { title: 'Weekly review', recurrence: 'FREQ=WEEKLY' });
    expect(unanchored.status).toBe(400);
    expect(Object.keys(unanchored.body.error.fields)).toEqual(['due_at']);
    const half = await api.request('POST', '/api/tasks', { title: 'Call back', linked_entity: 'customer' });
    expect(half.status).toBe(400);
    expect(Object.keys(half.body.error.fields)).toEqual(['linked_id']);
    const nowhere = await api.request('POST', '/api/tasks', { title: 'Call back', linked_entity: 'customer', linked_id: 'cus_nobody' });
    expect(nowhere.status).toBe(400);
    expect(Object.keys(nowhere.body.error.fields)).toEqual(['linked_id']);
    const priority = await api.request('POST', '/api/tasks', { title: 'Call back', priority: 'whenever' });
    expect(priority.status).toBe(400);
    expect(Object.keys(priority.body.error.fields)).toEqual(['priority']);
    expect(await taskCount()).toBe(before);
  });

  it('stores priority (normal by default), a reminder time and a link to a record', async () => {
    const customer = (await api.request('POST', '/api/customers', { first_name: 'Ada', email: 'ada@example.com' })).body;
    const plain = await api.request('POST', '/api/tasks', { title: 'Plain' });
    expect(plain.status).toBe(201);
    expect(plain.body.priority).toBe('normal');
    const linked = await api.request('POST', '/api/tasks', { title: 'Call Ada', priority: 'urgent', remind_at: '2026-03-01T08:00:00Z', linked_entity: 'customer', linked_id: customer.id });
    expect(linked.status).toBe(201);
    expect(linked.body).toMatchObject({ priority: 'urgent', remind_at: '2026-03-01T08:00:00.000Z', reminded_at: null, linked_entity: 'customer', linked_id: customer.id });
    const found = await api.request('GET', `/api/tasks?linked_id=${customer.id}`);
    expect(found.body.data.map((t: { id: string }) => t.id)).toEqual([linked.body.id]);
  });

  it('creates the next occurrence when a recurring task is done, at the same Brussels time across the DST change', async () => {
    // Monday 23 March 2026 09:00 in Brussels (CET); summer time starts on 29 March.
    const task = (
      await api.request('POST', '/api/tasks', { title: 'Weekly review', due_at: '2026-03-23T08:00:00Z', remind_at: '2026-03-23T07:30:00Z', recurrence: 'rrule:freq=weekly;count=3', priority: 'high' })
    ).body;
    expect(task.recurrence).toBe('FREQ=WEEKLY;COUNT=3');
    const done = await api.request('PATCH', `/api/tasks/${task.id}`, { done: true });
    expect(done.status).toBe(200);
    const series = async () => (await api.request('GET', '/api/tasks?filter=' + encodeURIComponent(JSON.stringify({ field: 'title', op: 'eq', value: 'Weekly review' })) + '&sort=due_at')).body.data;
    let all = await series();
    expect(all).toHaveLength(2);
    // 09:00 CEST on 30 March is 07:00 UTC; the reminder stays 30 minutes ahead.
    expect(all[1]).toMatchObject({ due_at: '2026-03-30T07:00:00.000Z', remind_at: '2026-03-30T06:30:00.000Z', recurrence: 'FREQ=WEEKLY;COUNT=2', priority: 'high', done: false });
    await api.request('PATCH', `/api/tasks/${all[1].id}`, { done: true });
    all = await series();
    expect(all).toHaveLength(3);
    expect(all[2]).toMatchObject({ due_at: '2026-04-06T07:00:00.000Z', recurrence: 'FREQ=WEEKLY;COUNT=1' });
    // The last of the series creates no other.
    await api.request('PATCH', `/api/tasks/${all[2].id}`, { done: true });
    expect(await series()).toHaveLength(3);
  });

  it('sends a moved reminder again: a new remind_at clears reminded_at', async () => {
    const task = (await api.request('POST', '/api/tasks', { title: 'Remind me', remind_at: '2026-03-01T08:00:00Z' })).body;
    await api.db.database.db.updateTable('tasks').set({ reminded_at: '2026-03-01T08:00:05.000Z' }).where('id', '=', task.id).execute();
    const same = await api.request('PATCH', `/api/tasks/${task.id}`, { title: 'Remind me!' });
    expect(same.body.reminded_at).toBe('2026-03-01T08:00:05.000Z');
    const moved = await api.request('PATCH', `/api/tasks/${task.id}`, { remind_at: '2026-03-02T08:00:00Z' });
    expect(moved.body.reminded_at).toBeNull();
  });
});
