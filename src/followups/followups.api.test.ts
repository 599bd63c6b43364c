import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTransaction } from '../core/context.js';
import { listEvents } from '../core/events.js';
import { addDays } from '../contracts/dates.js';
import { winDeal } from '../deals/service.js';
import { engines } from '../test/engines.js';
import { startTestSmtp, useTestSmtp, type TestSmtp } from '../test/smtp.js';
import { testApi, type TestApi } from '../test/api-client.js';
import { advancePastDueFollowups, drainFollowupEvents } from './consumer.js';

describe.each(engines)('follow-up cadence on %s', (engine) => {
  let api: TestApi;
  let smtp: TestSmtp;
  beforeAll(async () => {
    api = await testApi(engine, {}, { jobs: false });
    smtp = await startTestSmtp();
    await useTestSmtp(api.db.database, smtp.port);
  });
  afterAll(async () => {
    await smtp?.close();
    await api?.close();
  });

  const customer = async (email: string) => (await api.request('POST', '/api/customers', { first_name: 'Lead', email })).body.id as string;
  const formLead = async (customerId: string) => (await api.request('POST', '/api/deals', { title: 'Website', customer_id: customerId, value: 3000, source: 'form' })).body;
  const cadenceOf = async (subjectId: string) => (await api.request('GET', `/api/followups?subject_id=${subjectId}`)).body.data[0];
  const followupTasks = async (subjectId: string) =>
    (await api.request('GET', `/api/tasks?linked_id=${subjectId}&sort=due_at&limit=50`)).body.data as { id: string; title: string; due_at: string; done: boolean }[];
  const day = (iso: string) => iso.slice(0, 10);

  it('schedules follow-ups 1, 2, 3, 5, 8 and 13 days apart, the next when one is done or its day has passed, then finishes', async () => {
    const deal = await formLead(await customer('lead1@example.com'));
    const plain = (await api.request('POST', '/api/deals', { title: 'Walk-in', customer_id: await customer('walkin@example.com'), value: 100 })).body;
    await drainFollowupEvents(api.db.database);
    // Only a lead from a form starts a cadence.
    expect(await cadenceOf(plain.id)).toBeUndefined();
    const created = (await listEvents(api.db.database, { types: ['deal.created'], entityId: deal.id, limit: 1 }))[0];
    const start = day(created.occurred_at);

    let tasks = await followupTasks(deal.id);
    expect(tasks).toHaveLength(1);
    expect(tasks[0].due_at).toBe(`${addDays(start, 1)}T09:00:00.000Z`);
    expect(tasks[0].title).toBe('Follow up on the lead (1 of 6)');
    // The same events handled again (a consumer may repeat a batch) change nothing.
    await drainFollowupEvents(api.db.database);
    expect(await followupTasks(deal.id)).toHaveLength(1);

    // Done on time: the next one is 2 days after the first.
    await api.request('PATCH', `/api/tasks/${tasks[0].id}`, { done: true });
    await drainFollowupEvents(api.db.database);
    tasks = await followupTasks(deal.id);
    expect(tasks.map((t) => day(t.due_at))).toEqual([addDays(start, 1), addDays(start, 3)]);

    // Not done, its day passes: the next comes anyway, 3 days later; the missed one stays open.
    expect(await advancePastDueFollowups(api.db.database, new Date(`${addDays(start, 3)}T23:00:00Z`))).toBe(0);
    expect(await advancePastDueFollowups(api.db.database, new Date(`${addDays(start, 4)}T08:00:00Z`))).toBe(1);
    expect(await advancePastDueFollowups(api.db.database, new Date(`${addDays(start, 4)}T08:00:00Z`))).toBe(0);
    let offsets = [1, 3, 6];
    expect((await followupTasks(deal.id)).map((t) => day(t.due_at))).toEqual(offsets.map((d) => addDays(start, d)));
    for (const next of [11, 19, 32]) {
      const last = offsets[offsets.length - 1];
      expect(await advancePastDueFollowups(api.db.database, new Date(`${addDays(start, last + 1)}T10:00:00Z`))).toBe(1);
      offsets = [...offsets, next];
      expect((await followupTasks(deal.id)).map((t) => day(t.due_at))).toEqual(offsets.map((d) => addDays(start, d)));
    }
    // Gaps between follow-ups: 1, 2, 3, 5, 8, 13 days.
    expect(offsets.map((d, i) => d - (i ? offsets[i - 1] : 0))).toEqual([1, 2, 3, 5, 8, 13]);
    expect((await followupTasks(deal.id)).at(-1)!.title).toBe('Follow up on the lead (6 of 6)');
    expect(await advancePastDueFollowups(api.db.database, new Date(`${addDays(start, 33)}T10:00:00Z`))).toBe(1);
    expect(await cadenceOf(deal.id)).toMatchObject({ status: 'stopped', stop_reason: 'finished', step: 6 });
    expect(await followupTasks(deal.id)).toHaveLength(6);
  });

  it('stops when the customer writes back, and when the deal is won; the open follow-up task goes', async () => {
    const ada = await customer('ada@example.com');
    const replied = await formLead(ada);
    const grace = await customer('grace@example.com');
    const won = await formLead(grace);
    await drainFollowupEvents(api.db.database);
    expect(await followupTasks(replied.id)).toHaveLength(1);

    // An outbound email is no answer; an inbound one is.
    await api.request('POST', '/api/interactions', { type: 'email', direction: 'out', customer_id: ada, subject: 'Following up' });
    await drainFollowupEvents(api.db.database);
    expect((await cadenceOf(replied.id)).status).toBe('active');
    await api.request('POST', '/api/interactions', { type: 'email', direction: 'in', customer_id: ada, subject: 'Re: Following up' });
    await drainFollowupEvents(api.db.database);
    expect(await cadenceOf(replied.id)).toMatchObject({ status: 'stopped', stop_reason: 'replied', current_task_id: null });
    expect(await followupTasks(replied.id)).toHaveLength(0);

    const ctx = { database: api.db.database, actor: 'test' };
    await inTransaction(ctx, (trx) => winDeal(trx, ctx, won.id));
    await drainFollowupEvents(api.db.database);
    expect(await cadenceOf(won.id)).toMatchObject({ status: 'stopped', stop_reason: 'deal_won' });
    expect(await followupTasks(won.id)).toHaveLength(0);
    // A stopped cadence never moves again.
    expect(await advancePastDueFollowups(api.db.database, new Date('2099-01-01T00:00:00Z'))).toBe(0);
    const stopped = (await listEvents(api.db.database, { types: ['followup.stopped'], limit: 50 })).map((e) => e.data?.reason);
    expect(stopped).toEqual(expect.arrayContaining(['replied', 'deal_won']));
  });

  it('starts when a quote is sent and stops when the quote is revised', async () => {
    const client = await customer('quote@example.com');
    const quote = (await api.request('POST', '/api/quotes', { customer_id: client, title: 'Website', lines: [{ name: 'Design', quantity: 1, unit_price: 900, tax_rate: 21 }] })).body;
    expect((await api.request('POST', `/api/quotes/${quote.id}/send`)).status).toBe(200);
    await drainFollowupEvents(api.db.database);
    const sent = (await listEvents(api.db.database, { types: ['quote.sent'], entityId: quote.id, limit: 1 }))[0];
    const tasks = await followupTasks(quote.id);
    expect(tasks.map((t) => t.due_at)).toEqual([`${addDays(day(sent.occurred_at), 1)}T09:00:00.000Z`]);
    expect(tasks[0].title).toBe(`Follow up on quote ${quote.number} (1 of 6)`);
    expect(await cadenceOf(quote.id)).toMatchObject({ subject_entity: 'quote', customer_id: client, status: 'active', step: 1 });
    expect((await api.request('POST', `/api/quotes/${quote.id}/revise`)).status).toBeLessThan(300);
    await drainFollowupEvents(api.db.database);
    expect(await cadenceOf(quote.id)).toMatchObject({ status: 'stopped', stop_reason: 'quote_revised' });
    expect(await followupTasks(quote.id)).toHaveLength(0);
  });

  it('takes other intervals from the settings and refuses bad ones', async () => {
    expect((await api.request('PATCH', '/api/followups/settings', { intervals: [0, 2] })).status).toBe(400);
    expect((await api.request('PATCH', '/api/followups/settings', { intervals: [] })).status).toBe(400);
    expect((await api.request('GET', '/api/followups/settings')).body).toEqual({ enabled: true, intervals: [1, 2, 3, 5, 8, 13] });
    expect((await api.request('PATCH', '/api/followups/settings', { intervals: [2, 4] })).body.intervals).toEqual([2, 4]);
    const deal = await formLead(await customer('lead3@example.com'));
    await drainFollowupEvents(api.db.database);
    const start = day((await listEvents(api.db.database, { types: ['deal.created'], entityId: deal.id, limit: 1 }))[0].occurred_at);
    expect((await followupTasks(deal.id)).map((t) => day(t.due_at))).toEqual([addDays(start, 2)]);
    expect((await followupTasks(deal.id))[0].title).toBe('Follow up on the lead (1 of 2)');
  });
});
