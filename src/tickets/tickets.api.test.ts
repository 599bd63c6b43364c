import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTransaction } from '../core/context.js';
import { listEvents } from '../core/events.js';
import { testApi, type TestApi } from '../test/api-client.js';
import { engines } from '../test/engines.js';
import { addBusinessMinutes, defaultSla } from './sla.js';
import { createTicket, wakeSnoozedTickets } from './service.js';

describe('business-hours due times', () => {
  const hours = defaultSla.hours;
  it('counts only open hours: Friday 16:00 + 2 h is Monday 10:00, skipping a holiday Monday to Tuesday', () => {
    // 2026-12-04 is a Friday; Europe/Brussels is UTC+1 in December.
    const friday = new Date('2026-12-04T15:00:00Z');
    expect(addBusinessMinutes(friday, 120, { hours, holidays: [] }, 'Europe/Brussels').toISOString()).toBe('2026-12-07T09:00:00.000Z');
    expect(addBusinessMinutes(friday, 120, { hours, holidays: ['2026-12-07'] }, 'Europe/Brussels').toISOString()).toBe('2026-12-08T09:00:00.000Z');
  });
  it('starts at the next opening when created at night, and splits a day into its windows', () => {
    const night = new Date('2026-12-08T22:30:00Z'); // Tuesday 23:30 in Brussels
    expect(addBusinessMinutes(night, 30, { hours, holidays: [] }, 'Europe/Brussels').toISOString()).toBe('2026-12-09T08:30:00.000Z');
    const split = { ...hours, wed: [['09:00', '12:00'] as [string, string], ['13:00', '17:00'] as [string, string]] };
    expect(addBusinessMinutes(new Date('2026-12-09T10:30:00Z'), 60, { hours: split, holidays: [] }, 'Europe/Brussels').toISOString()).toBe('2026-12-09T12:30:00.000Z');
  });
  it('counts calendar time when no hour of the week is open', () => {
    const closed = Object.fromEntries(Object.keys(hours).map((d) => [d, []])) as unknown as typeof hours;
    expect(addBusinessMinutes(new Date('2026-12-05T10:00:00Z'), 90, { hours: closed, holidays: [] }, 'UTC').toISOString()).toBe('2026-12-05T11:30:00.000Z');
  });
});

describe.each(engines)('tickets on %s', (engine) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await testApi(engine, {}, { jobs: false });
    // Always open, so due times are plain arithmetic in these tests.
    const settings = (await api.request('GET', '/api/tickets/settings')).body;
    const allDay = Object.fromEntries(Object.keys(settings.hours).map((d) => [d, [['00:00', '24:00']]]));
    expect((await api.request('PUT', '/api/tickets/settings', { ...settings, hours: allDay })).status).toBe(200);
  });
  afterAll(async () => api?.close());

  it('numbers tickets without gaps, matches the customer by email, and gives a complaint a shorter SLA', async () => {
    const customer = (await api.request('POST', '/api/customers', { first_name: 'Grace', email: 'grace@example.com' })).body;
    const a = await api.request('POST', '/api/tickets', { email: 'GRACE@example.com', subject: 'Question about my invoice', channel: 'phone', message: 'Why is it so high?' });
    expect(a.status).toBe(201);
    expect(a.body).toMatchObject({ number: 1, reference: 'T-1', customer_id: customer.id, kind: 'question', priority: 'normal', status: 'new', channel: 'phone' });
    const bad = await api.request('POST', '/api/tickets', { subject: 'x', channel: 'pigeon' });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields)).toEqual(['channel']);
    const injected = await api.request('POST', '/api/tickets', { subject: 'a\r\nBcc: x@y.z' });
    expect(injected.status).toBe(400);
    const b = await api.request('POST', '/api/tickets', { email: 'new.person@example.com', name: 'New Person', subject: 'Terrible service', kind: 'complaint' });
    expect(b.body.number).toBe(2);
    expect(b.body.customer_id).not.toBe(customer.id);
    const span = (t: { created_at: string; first_response_due_at: string; resolution_due_at: string }) => [
      (Date.parse(t.first_response_due_at) - Date.parse(t.created_at)) / 60_000,
      (Date.parse(t.resolution_due_at) - Date.parse(t.created_at)) / 60_000,
    ];
    const [qFirst, qResolve] = span(a.body);
    const [cFirst, cResolve] = span(b.body);
    expect(Math.round(qFirst)).toBe(defaultSla.targets.normal.first_response_minutes);
    expect(Math.round(cFirst)).toBe(defaultSla.kind_targets.complaint!.first_response_minutes);
    expect(cFirst).toBeLessThan(qFirst);
    expect(cResolve).toBeLessThan(qResolve);
    // A failed create takes no number: the next one is 3.
    const c = await api.request('POST', '/api/tickets', { subject: 'Third', customer_id: 'cus_nobody' });
    expect(c.status).toBe(400);
    expect((await api.request('POST', '/api/tickets', { subject: 'Third' })).body.number).toBe(3);
  });

  it('raises an at-risk, high-value customer’s new ticket to high priority, by a rule the owner can turn off', async () => {
    const vip = (await api.request('POST', '/api/customers', { first_name: 'Vip', email: 'vip@example.com' })).body;
    await api.db.database.db.updateTable('customers').set({ clv: 5000, churn_risk: 0.8 }).where('id', '=', vip.id).execute();
    const raised = await api.request('POST', '/api/tickets', { customer_id: vip.id, subject: 'Login fails' });
    expect(raised.body.priority).toBe('high');
    const created = (await listEvents(api.db.database, { limit: 1000 })).find((e) => e.type === 'ticket.created' && e.entity_id === raised.body.id);
    expect(created?.data).toMatchObject({ priority_raised: true });
    const settings = (await api.request('GET', '/api/tickets/settings')).body;
    await api.request('PUT', '/api/tickets/settings', { ...settings, raise_priority: { ...settings.raise_priority, enabled: false } });
    expect((await api.request('POST', '/api/tickets', { customer_id: vip.id, subject: 'Login fails again' })).body.priority).toBe('normal');
    await api.request('PUT', '/api/tickets/settings', settings);
    const detail = (await api.request('GET', `/api/tickets/${raised.body.id}`)).body;
    expect(detail.customer_context.customer).toMatchObject({ clv: 5000, churn_risk: 0.8, high_value: true, at_risk: true });
    expect(detail.customer_context.previous_tickets.map((t: { subject: string }) => t.subject)).toEqual(['Login fails again']);
  });

  it('moves through statuses with events: snooze needs a future time and wakes up, resolve emits ticket.resolved, new cannot come back', async () => {
    const t = (await api.request('POST', '/api/tickets', { email: 'snooze@example.com', subject: 'Call me next week', kind: 'complaint' })).body;
    const past = await api.request('POST', `/api/tickets/${t.id}/status`, { status: 'snoozed', snoozed_until: '2020-01-01T00:00:00Z' });
    expect(past.status).toBe(400);
    expect(Object.keys(past.body.error.fields)).toEqual(['snoozed_until']);
    const soon = new Date(Date.now() + 300).toISOString();
    expect((await api.request('POST', `/api/tickets/${t.id}/status`, { status: 'snoozed', snoozed_until: soon })).body).toMatchObject({ status: 'snoozed', snoozed_until: soon });
    await new Promise((r) => setTimeout(r, 400));
    expect(await wakeSnoozedTickets(api.db.database.db, { database: api.db.database, actor: 'test' })).toBe(1);
    expect((await api.request('GET', `/api/tickets/${t.id}`)).body.ticket.status).toBe('open');
    expect((await api.request('POST', `/api/tickets/${t.id}/status`, { status: 'new' })).status).toBe(409);
    const resolved = (await api.request('POST', `/api/tickets/${t.id}/status`, { status: 'resolved' })).body;
    expect(resolved.resolved_at).toBeTruthy();
    const events = (await listEvents(api.db.database, { limit: 1000 })).filter((e) => e.entity_id === t.id);
    expect(events.map((e) => e.type)).toEqual(['ticket.created', 'ticket.status_changed', 'ticket.status_changed', 'ticket.status_changed', 'ticket.resolved']);
    expect(events[4].data).toMatchObject({ kind: 'complaint', ask_feedback: true, complaint: true });
    expect((await api.request('POST', '/api/tickets/tkt_nothing/status', { status: 'open' })).status).toBe(404);
    expect((await api.request('GET', '/api/tickets/tkt_nothing')).status).toBe(404);
  });

  it('lists the inbox breaching-soonest first with complaints ahead, filters, and pages with a cursor that never repeats or skips', async () => {
    const all: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { data: { id: string }[]; next_cursor: string | null } } = await api.request('GET', `/api/tickets?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      all.push(...page.body.data.map((t) => t.id));
      cursor = page.body.next_cursor;
    } while (cursor);
    const total = Number(
      (
        await api.db.database.db
          .selectFrom('tickets')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    expect(all).toHaveLength(total);
    expect(new Set(all).size).toBe(total);
    const list = (await api.request('GET', '/api/tickets?status=new,open&limit=200')).body.data as { attention_at: string; kind: string; due_at: string; status: string }[];
    const order = list.map((t) => t.attention_at);
    expect(order).toEqual([...order].sort());
    expect(list.every((t) => ['new', 'open'].includes(t.status))).toBe(true);
    // The complaint (T-2) has a shorter first-response target and is brought forward: it comes first.
    expect(list[0].kind).toBe('complaint');
    expect((await api.request('GET', '/api/tickets?status=bogus')).status).toBe(400);
    expect((await api.request('GET', '/api/tickets?cursor=not-a-cursor')).status).toBe(400);
    expect((await api.request('GET', '/api/tickets?q=T-1')).body.data.map((t: { number: number }) => t.number)).toEqual([1]);
    expect((await api.request('GET', '/api/tickets?q=invoice')).body.data).toHaveLength(1);
  });

  it('fills a canned reply’s merge fields, refuses an unknown field or bad Liquid with a 400, and notes stay internal', async () => {
    const bad = await api.request('POST', '/api/canned-replies', { name: 'Broken', body: 'Hi {{ customer.first_name ' });
    expect(bad.status).toBe(400);
    const canned = (await api.request('POST', '/api/canned-replies', { name: 'Thanks', body: 'Hi {{ customer.first_name }}, about {{ ticket.reference }}:' })).body;
    const unknown = (await api.request('POST', '/api/canned-replies', { name: 'Unknown', body: 'Hi {{ customer.shoe_size }}' })).body;
    const ticket = (await api.request('GET', '/api/tickets?q=T-1')).body.data[0];
    const reply = await api.request('POST', `/api/tickets/${ticket.id}/reply`, { canned_reply_id: canned.id, body_text: 'it is the annual plan.' });
    expect(reply.status).toBe(201);
    expect(reply.body.message.body_text).toBe('Hi Grace, about T-1:\n\nit is the annual plan.');
    const queued = await api.db.database.db.selectFrom('messages').select(['subject', 'headers', 'to_address']).where('id', '=', reply.body.message.mail_message_id).executeTakeFirstOrThrow();
    expect(queued).toMatchObject({ subject: 'Re: Question about my invoice [#T-1]', to_address: 'grace@example.com' });
    const failed = await api.request('POST', `/api/tickets/${ticket.id}/reply`, { canned_reply_id: unknown.id, body_text: '' });
    expect(failed.status).toBe(400);
    expect(Object.keys(failed.body.error.fields)).toEqual(['canned_reply_id']);
    const note = await api.request('POST', `/api/tickets/${ticket.id}/note`, { body_text: 'Customer is on the annual plan.' });
    expect(note.body.direction).toBe('note');
    expect(await api.db.database.db.selectFrom('messages').select('id').where('related_id', '=', ticket.id).execute()).toHaveLength(1);
  });

  it('reports first-response and resolution times and SLA attainment', async () => {
    const report = (await api.request('GET', '/api/reports/service')).body;
    expect(report.tickets).toBeGreaterThanOrEqual(6);
    expect(report.by_kind.complaint).toBe(2);
    expect(report.median_first_response_minutes).toBeGreaterThanOrEqual(0);
    expect(report.first_response_within_sla).toBe(1);
    expect(report.median_resolution_minutes).not.toBeNull();
    expect((await api.request('GET', '/api/reports/service?from=yesterday')).status).toBe(400);
    expect(report.csat_bands).toEqual([]);
  });

  it('relates CSAT to churn risk and CLV: customers by their mean CSAT band', async () => {
    const db = api.db.database.db;
    const now = new Date().toISOString();
    const people = [
      { email: 'unhappy@example.com', churn: 0.9, clv: 100, scores: [1, 2] },
      { email: 'meh@example.com', churn: 0.5, clv: 300, scores: [3] },
      { email: 'happy1@example.com', churn: 0.1, clv: 900, scores: [5] },
      { email: 'happy2@example.com', churn: 0.3, clv: 500, scores: [4, 5] },
    ];
    let n = 0;
    for (const p of people) {
      const id = (await api.request('POST', '/api/customers', { email: p.email })).body.id as string;
      await db.updateTable('customers').set({ churn_risk: p.churn, clv: p.clv }).where('id', '=', id).execute();
      for (const score of p.scores)
        await db
          .insertInto('survey_responses')
          .values({ id: `sva_t${n}`, request_id: `svr_t${n++}`, kind: 'csat', survey_id: null, customer_id: id, ticket_id: null, score, comment: null, answered_at: now, updated_at: now })
          .execute();
    }
    const bands = (await api.request('GET', '/api/reports/service')).body.csat_bands as { band: string; customers: number; mean_churn_risk: number; mean_clv: number }[];
    expect(bands.map((b) => [b.band, b.customers])).toEqual([
      ['low (1-2)', 1],
      ['neutral (3)', 1],
      ['high (4-5)', 2],
    ]);
    expect(bands[0].mean_churn_risk).toBeCloseTo(0.9);
    expect(bands[2].mean_churn_risk).toBeCloseTo(0.2);
    expect(bands[2].mean_clv).toBeCloseTo(700);
  });

  it('stores attachments up to the limit and refuses a larger one without writing the message', async () => {
    const ctx = { database: api.db.database, actor: 'test' };
    const ticket = await inTransaction(ctx, (trx) =>
      createTicket(trx, ctx, {
        email: 'files@example.com',
        subject: 'Screenshot',
        channel: 'email',
        first_message: { body_text: 'See attached', attachments: [{ filename: 'a.png', content_type: 'image/png', content: Buffer.from([137, 80, 78, 71]) }] },
      }),
    );
    const detail = (await api.request('GET', `/api/tickets/${ticket.id}`)).body;
    const file = detail.messages[0].attachments[0];
    expect(file).toMatchObject({ filename: 'a.png', content_type: 'image/png', size: 4 });
    const download = await api.app.request(`/api/tickets/${ticket.id}/attachments/${file.id}`, { headers: { authorization: `Bearer ${api.token}` } });
    expect(Buffer.from(await download.arrayBuffer()).equals(Buffer.from([137, 80, 78, 71]))).toBe(true);
    await expect(
      inTransaction(ctx, (trx) =>
        createTicket(trx, ctx, {
          email: 'files@example.com',
          subject: 'Video',
          channel: 'email',
          first_message: { body_text: 'x', attachments: [{ filename: 'v.mp4', content_type: 'video/mp4', content: Buffer.alloc(11 * 1024 * 1024) }] },
        }),
      ),
    ).rejects.toThrow(/too large/);
    expect((await api.request('GET', '/api/tickets?q=Video')).body.data).toEqual([]);
  });
});
