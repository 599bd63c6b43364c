import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listEvents } from '../core/events.js';
import { deliverAllQueued, startTestSmtp, useTestSmtp, type TestSmtp } from '../test/smtp.js';
import { engines } from '../test/engines.js';
import { testApi, type TestApi } from '../test/api-client.js';
import { sendDueReminders } from './reminders.js';

describe.each(engines)('task reminders on %s', (engine) => {
  let api: TestApi;
  let smtp: TestSmtp;
  beforeAll(async () => {
    api = await testApi(engine, {}, { jobs: false });
    smtp = await startTestSmtp();
    await useTestSmtp(api.db.database, smtp.port);
    await api.request('PATCH', '/api/settings', { time_zone: 'Europe/Brussels' });
  });
  afterAll(async () => {
    await smtp?.close();
    await api?.close();
  });

  it('emails the owner once per reminder time, even with two processes looking, and shows it in the app', async () => {
    const due = (
      await api.request('POST', '/api/tasks', {
        title: 'Call Ada about the renewal',
        due_at: '2026-03-02T09:00:00Z',
        remind_at: '2026-03-02T08:30:00Z',
        priority: 'high',
        notes: 'She asked for a discount.',
      })
    ).body;
    const later = (await api.request('POST', '/api/tasks', { title: 'Later', remind_at: '2099-03-09T08:30:00Z' })).body;
    const done = (await api.request('POST', '/api/tasks', { title: 'Already done', remind_at: '2026-03-01T08:30:00Z', done: true })).body;

    expect(await sendDueReminders(api.db.database, new Date('2026-03-02T08:00:00Z'))).toBe(0);
    const both = await Promise.all([sendDueReminders(api.db.database, new Date('2026-03-02T08:31:00Z')), sendDueReminders(api.db.database, new Date('2026-03-02T08:31:00Z'))]);
    expect(both[0] + both[1]).toBe(1);
    expect(await sendDueReminders(api.db.database, new Date('2026-03-02T09:00:00Z'))).toBe(0);

    expect(await deliverAllQueued(api.db.database)).toBe(1);
    const [mail] = await smtp.waitFor(1);
    expect(mail.to && !Array.isArray(mail.to) ? mail.to.value[0].address : null).toBe('owner@example.com');
    expect(mail.subject).toBe('Reminder: Call Ada about the renewal');
    // Due time in the business time zone: 10:00 in Brussels.
    expect(mail.text).toContain('10:00');
    expect(mail.text).toContain('Priority: high');
    expect(mail.text).toContain('She asked for a discount.');

    const reminded = await listEvents(api.db.database, { types: ['task.reminded'], limit: 10 });
    expect(reminded.map((e) => e.entity_id)).toEqual([due.id]);
    expect(reminded[0].data).toMatchObject({ remind_at: '2026-03-02T08:30:00.000Z' });
    expect((await api.request('GET', `/api/tasks/${due.id}`)).body.reminded_at).toBe('2026-03-02T08:31:00.000Z');

    const shown = await api.request('GET', '/api/reminders');
    expect(shown.status).toBe(200);
    expect(shown.body.data.map((r: { id: string }) => r.id)).toEqual([due.id]);
    expect(shown.body.data.map((r: { id: string }) => r.id)).not.toContain(done.id);
    expect(shown.body.data.map((r: { id: string }) => r.id)).not.toContain(later.id);

    // Moving the reminder sends it again at the new time; done tasks leave the list.
    await api.request('PATCH', `/api/tasks/${due.id}`, { remind_at: '2026-03-03T08:30:00Z' });
    expect(await sendDueReminders(api.db.database, new Date('2026-03-03T08:30:00Z'))).toBe(1);
    await deliverAllQueued(api.db.database);
    expect(await smtp.waitFor(2)).toHaveLength(2);
    await api.request('PATCH', `/api/tasks/${due.id}`, { done: true });
    expect((await api.request('GET', '/api/reminders')).body.data).toEqual([]);
  });
});
