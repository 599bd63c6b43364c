import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../core/ids.js';
import { engines } from '../test/engines.js';
import { testApi, type TestApi } from '../test/api-client.js';
import { taskCounts } from './reminders.js';

describe.each(engines)('the reminders badge counts on %s', (engine) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await testApi(engine, {}, { jobs: false });
    await api.request('PATCH', '/api/settings', { time_zone: 'Europe/Brussels' });
  });
  afterAll(() => api?.close());

  it('counts overdue tasks, those due later today in the business time zone and reminders that came, not done ones', async () => {
    const task = (title: string, due: string | null, extra: Record<string, unknown> = {}) => ({
      id: newId('task'),
      title,
      due_at: due,
      done: 0,
      created_at: '2026-03-01T00:00:00.000Z',
      updated_at: '2026-03-01T00:00:00.000Z',
      ...extra,
    });
    await api.db.database.db
      .insertInto('tasks')
      .values([
        task('Overdue', '2026-03-02T07:00:00.000Z', { remind_at: '2026-03-02T06:30:00.000Z' }),
        task('Later today', '2026-03-02T20:00:00.000Z'),
        // 23:30 UTC is already 3 March in Brussels.
        task('Tomorrow in Brussels', '2026-03-02T23:30:00.000Z'),
        task('Done long ago', '2026-02-01T07:00:00.000Z', { done: 1, remind_at: '2026-02-01T06:00:00.000Z' }),
        task('No due date, reminder come', null, { remind_at: '2026-03-02T07:59:00.000Z' }),
        task('Reminder still to come', '2026-03-05T07:00:00.000Z', { remind_at: '2026-03-04T07:00:00.000Z' }),
      ])
      .execute();
    const now = new Date('2026-03-02T08:00:00.000Z');
    expect(await taskCounts(api.db.database.db, now)).toEqual({ overdue: 1, due_today: 1, reminders: 2 });
    // Ten past midnight in Brussels (23:10 UTC): both earlier tasks are overdue, the 23:30 UTC one is due today.
    expect(await taskCounts(api.db.database.db, new Date('2026-03-02T23:10:00.000Z'))).toEqual({ overdue: 2, due_today: 1, reminders: 2 });
    const res = await api.request('GET', '/api/reminders/counts');
    expect(res.status).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual(['due_today', 'overdue', 'reminders']);
  });
});
