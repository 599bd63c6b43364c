import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTransaction } from '../core/context.js';
import { appendEvents, listEvents } from '../core/events.js';
import { seedOrders } from '../insights/fixtures.js';
import { runInsights } from '../insights/run.js';
import { scoreEvents, defaultScoreThresholds } from '../insights/score-events.js';
import { engines } from '../test/engines.js';
import { deliverAllQueued, startTestSmtp, useTestSmtp, type TestSmtp } from '../test/smtp.js';
import { testApi, type TestApi } from '../test/api-client.js';
import { verifyWebhook } from '../webhooks/signature.js';
import { drainDueEnrolments, runDueEnrolments } from './runner.js';
import { drainFlowEvents, runDateTriggers } from './triggers.js';

const days = (n: number) => n * 86_400_000;

describe.each(engines)('flows on %s', (engine) => {
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

  const database = () => api.db.database;
  let seq = 0;
  const customer = async (fields: Record<string, unknown> = {}) => {
    const res = await api.request('POST', '/api/customers', { first_name: 'Ada', email: `c${++seq}-${engine}@example.com`, consent_email: true, ...fields });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.id as string;
  };
  const setScores = (id: string, values: Record<string, number | null>) => database().db.updateTable('customers').set(values).where('id', '=', id).execute();
  /** A churn-risk crossing as the insight run emits it (src/insights/score-events.ts builds the event). */
  const churnCrossing = (id: string, from: number, to: number) =>
    inTransaction({ database: database(), actor: 'test' }, (trx) =>
      appendEvents(
        trx,
        'insights:test',
        scoreEvents(id, { stage: 'active', p_alive: 1 - from, churn_risk: from, clv: null }, { stage: 'active', p_alive: 1 - to, churn_risk: to, clv: null }, defaultScoreThresholds, 'run_test'),
      ),
    );
  const createFlow = async (body: unknown) => {
    const res = await api.request('POST', '/api/flows', body);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  };
  const enrolments = async (flowId: string) => (await api.request('GET', `/api/flows/${flowId}/enrolments`)).body.data as any[];
  const messagesTo = async (customerId: string) =>
    (await database()
      .db.selectFrom('messages')
      .select(['id', 'subject', 'status', 'purpose', 'related_entity', 'related_id'])
      .where('customer_id', '=', customerId)
      .orderBy('created_at')
      .execute()) as any[];

  it('refuses a bad definition with field-level messages, and answers 404 for an unknown flow', async () => {
    const bad = await api.request('POST', '/api/flows', {
      name: 'Broken',
      definition: {
        trigger: { type: 'event', event: 'customer.created' },
        steps: [
          { id: 'a', kind: 'send_email', subject: 'Hi {{ customer.first_name', body: 'x' },
          { id: 'b', kind: 'update_field', field: 'no_such_field', value: 1 },
          { id: 'c', kind: 'update_field', field: 'revenue', value: 1 },
        ],
      },
    });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(['definition.steps.0.subject', 'definition.steps.1.field', 'definition.steps.2.field']);
    const unknownEvent = await api.request('POST', '/api/flows', { name: 'Unknown', definition: { trigger: { type: 'event', event: 'no.such_event' }, steps: [{ id: 'e', kind: 'exit' }] } });
    expect(Object.keys(unknownEvent.body.error.fields)).toEqual(['definition.trigger.event']);
    const schema = await api.request('POST', '/api/flows', {
      name: 'Loops',
      definition: {
        trigger: { type: 'event', event: 'order.created' },
        steps: [
          { id: 'w', kind: 'wait' },
          { id: 'x', kind: 'condition', if: { activity: 'opened' }, then: 'w', else: 'nowhere' },
        ],
      },
    });
    expect(schema.status).toBe(400);
    expect(Object.keys(schema.body.error.fields)).toEqual(expect.arrayContaining(['definition.steps.0', 'definition.steps.1.then', 'definition.steps.1.else']));
    expect((await api.request('POST', '/api/flows', { name: 'Date', definition: { trigger: { type: 'date', field: 'first_name' }, steps: [{ id: 'e', kind: 'exit' }] } })).body.error.fields).toEqual({
      'definition.trigger.field': ['first_name is not a date field'],
    });
    expect((await api.request('GET', '/api/flows/flw_nothing')).status).toBe(404);
    expect((await api.request('POST', '/api/flows/flw_nothing/dry-run', {})).status).toBe(404);
    expect((await api.request('GET', '/api/flows')).body.data).toEqual([]);
  });

  it('runs the win-back template on a churn-risk crossing: offer mailed and caught by SMTP, tag added, reminder after the wait, ended by an order (the goal)', async () => {
    const flow = await createFlow({ template: 'win_back' });
    expect(flow).toMatchObject({ name: 'Win-back on churn risk', status: 'draft', version: 1 });
    const drifting = await customer({ first_name: 'Grace' });
    const falling = await customer({ first_name: 'Linus' });
    // Not active yet: the crossing enrols nobody.
    await churnCrossing(drifting, 0.5, 0.8);
    await drainFlowEvents(database());
    expect(await enrolments(flow.id)).toEqual([]);

    expect((await api.request('POST', `/api/flows/${flow.id}/activate`, {})).body.status).toBe('active');
    await churnCrossing(drifting, 0.6, 0.9);
    await churnCrossing(falling, 0.9, 0.2); // down, not up: no match
    await drainFlowEvents(database());
    // The same events handled again enrol nobody twice.
    await drainFlowEvents(database());
    let list = await enrolments(flow.id);
    expect(list.map((e) => [e.customer_id, e.status, e.source])).toEqual([[drifting, 'active', 'event']]);

    const start = new Date();
    expect(await drainDueEnrolments(database(), { now: start })).toBe(1);
    const [offer] = await messagesTo(drifting);
    expect(offer).toMatchObject({ subject: 'We miss you, Grace', purpose: 'marketing', related_entity: 'flow_enrolment', related_id: list[0].id });
    expect((await api.request('GET', `/api/customers/${drifting}`)).body.customer.tags).toContain('win-back');
    await deliverAllQueued(database());
    const caught = smtp.messages.find((m) => m.subject === 'We miss you, Grace')!;
    expect(caught.to).toMatchObject({ text: expect.stringContaining(`-${engine}@example.com`) });
    expect(caught.text).toMatch(/15% off your next order: SAVE-[2-9A-Z]{6}/);
    expect(caught.headerLines.find((h) => h.key === 'list-unsubscribe-post')?.line).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');

    list = await enrolments(flow.id);
    expect(list[0]).toMatchObject({ status: 'active', step: 3 });
    expect(list[0].history.map((h: any) => `${h.step_id}:${h.outcome}`)).toEqual(['offer:sent', 'tag:changed', 'wait-7d:waited']);
    // Nothing runs before the wait is over; after it, the reminder goes and the next wait starts.
    expect(await drainDueEnrolments(database(), { now: new Date(start.getTime() + days(6)) })).toBe(0);
    expect(await drainDueEnrolments(database(), { now: new Date(start.getTime() + days(8)) })).toBe(1);
    expect((await messagesTo(drifting)).map((m) => m.subject)).toEqual(['We miss you, Grace', expect.stringMatching(/^Your code SAVE-\w{6} is still waiting$/)]);

    // An order is the flow's goal: the enrolment ends before the task step.
    const order = await api.request('POST', '/api/orders', { customer_id: drifting, ordered_at: new Date().toISOString(), total: 80, currency: 'EUR', status: 'paid' });
    expect(order.status, JSON.stringify(order.body)).toBe(201);
    await drainFlowEvents(database());
    list = await enrolments(flow.id);
    expect(list[0]).toMatchObject({ status: 'exited', exit_reason: 'goal' });
    expect(await drainDueEnrolments(database(), { now: new Date(start.getTime() + days(30)) })).toBe(0);
    expect((await api.request('GET', `/api/tasks?customer_id=${drifting}`)).body.data).toEqual([]);

    // Per-step counts.
    const counts = (await api.request('GET', `/api/flows/${flow.id}`)).body.counts;
    expect(counts.enrolments).toEqual({ exited: 1 });
    expect(Object.fromEntries(counts.steps.map((s: any) => [s.step_id, s.outcomes]))).toEqual({
      offer: { sent: 1 },
      tag: { changed: 1 },
      'wait-7d': { waited: 1 },
      reminder: { sent: 1 },
      'wait-5d': { waited: 1 },
      call: {},
    });
    // Re-entry after 90 days: a new crossing within them does not enrol again.
    await churnCrossing(drifting, 0.5, 0.75);
    await drainFlowEvents(database());
    expect(await enrolments(flow.id)).toHaveLength(1);
    await api.request('POST', `/api/flows/${flow.id}/pause`);
  });

  it('keeps a running enrolment on the version it started with; branches on a score; updates a field through the customer write pipe', async () => {
    const flow = await createFlow({
      name: 'Branches',
      definition: {
        trigger: { type: 'manual' },
        reentry: { policy: 'always' },
        steps: [
          { id: 'check', kind: 'condition', if: { filter: { field: 'churn_risk', op: 'gt', value: 0.5 } }, then: 'next', else: 'loyal' },
          { id: 'risky', kind: 'update_field', field: 'source', value: 'win-back' },
          { id: 'wait', kind: 'wait', hours: 1 },
          { id: 'loyal', kind: 'add_tag', tag: 'Loyal' },
        ],
      },
    });
    const risky = await customer();
    const loyal = await customer({ tags: ['loyal'] });
    await setScores(risky, { churn_risk: 0.8 });
    await setScores(loyal, { churn_risk: 0.1 });
    expect((await api.request('POST', `/api/flows/${flow.id}/enrolments`, { customer_ids: [risky] })).status).toBe(400); // a draft
    await api.request('POST', `/api/flows/${flow.id}/activate`, {});
    const bad = await api.request('POST', `/api/flows/${flow.id}/enrolments`, { customer_ids: [risky, 'cus_missing'] });
    expect(bad.status).toBe(400);
    expect(await enrolments(flow.id)).toEqual([]); // none of the batch
    expect((await api.request('POST', `/api/flows/${flow.id}/enrolments`, { customer_ids: [risky, loyal] })).body).toMatchObject({ enrolled: 2, skipped: 0 });
    const now = new Date();
    await drainDueEnrolments(database(), { now });

    // Version 2 drops the tag step; the risky customer's enrolment (waiting) still runs version 1.
    const patched = await api.request('PATCH', `/api/flows/${flow.id}`, {
      definition: { trigger: { type: 'manual' }, reentry: { policy: 'always' }, steps: [{ id: 'only', kind: 'add_tag', tag: 'v2' }] },
    });
    expect(patched.body.version).toBe(2);
    expect((await api.request('PATCH', `/api/flows/${flow.id}`, { name: 'Renamed' })).body.version).toBe(2);
    await api.request('POST', `/api/flows/${flow.id}/enrolments`, { customer_ids: [loyal] });
    await drainDueEnrolments(database(), { now: new Date(now.getTime() + 2 * 3_600_000) });

    const byCustomer = Object.fromEntries((await enrolments(flow.id)).map((e) => [`${e.customer_id}@${e.version}`, e]));
    expect(byCustomer[`${risky}@1`].history.map((h: any) => `${h.step_id}:${h.outcome}`)).toEqual(['check:yes', 'risky:changed', 'wait:waited', 'loyal:changed']);
    expect(byCustomer[`${loyal}@1`].history.map((h: any) => `${h.step_id}:${h.outcome}`)).toEqual(['check:no', 'loyal:unchanged']);
    expect(byCustomer[`${loyal}@2`].history.map((h: any) => `${h.step_id}:${h.outcome}`)).toEqual(['only:changed']);
    const r = (await api.request('GET', `/api/customers/${risky}`)).body.customer;
    expect(r).toMatchObject({ source: 'win-back', tags: ['Loyal'] });
    expect((await api.request('GET', `/api/customers/${loyal}`)).body.customer.tags).toEqual(['loyal', 'v2']);
    // The field change went through the write pipe: a customer.updated event by the flow.
    const updated = await listEvents(database(), { types: ['customer.updated'], entityId: risky, limit: 10 });
    expect(updated.some((e) => e.actor === `flow:${flow.id}` && (e.data!.changed as string[]).includes('source'))).toBe(true);
    // The customer's flow history.
    expect((await api.request('GET', `/api/flow-enrolments?customer_id=${risky}`)).body.data).toHaveLength(1);
  });

  it('never runs a step twice when two workers claim at once', async () => {
    const flow = await createFlow({ name: 'Race', definition: { trigger: { type: 'manual' }, steps: [{ id: 'mail', kind: 'send_email', subject: 'Hello {{ customer.first_name }}', body: 'Hi' }] } });
    await api.request('POST', `/api/flows/${flow.id}/activate`, {});
    const ids = [];
    for (let i = 0; i < 12; i++) ids.push(await customer({ first_name: `Racer${i}` }));
    await api.request('POST', `/api/flows/${flow.id}/enrolments`, { customer_ids: ids });
    const run = (worker: string) =>
      (async () => {
        let n = 0;
        for (let k; (k = await runDueEnrolments(database(), { worker, batch: 3 })) > 0;) n += k;
        return n;
      })();
    const [a, b] = await Promise.all([run('worker-a'), run('worker-b')]);
    expect(a + b).toBe(12);
    const sent = await database().db.selectFrom('messages').select('customer_id').where('customer_id', 'in', ids).execute();
    expect(sent.map((m) => m.customer_id).sort()).toEqual([...ids].sort());
    const list = await enrolments(flow.id);
    expect(list.every((e) => e.status === 'completed' && e.history.length === 1)).toBe(true);

    // A process that died holding a claim: nobody runs the enrolment until its lease is over, then another worker does, once.
    const orphan = await customer({ first_name: 'Orphan' });
    const [id] = (await api.request('POST', `/api/flows/${flow.id}/enrolments`, { customer_ids: [orphan] })).body.enrolment_ids;
    const leaseEnd = new Date(Date.now() + 60_000);
    await database().db.updateTable('flow_enrolments').set({ claimed_by: 'gone-host:1:flows', claimed_until: leaseEnd.toISOString() }).where('id', '=', id).execute();
    expect(await runDueEnrolments(database(), { worker: 'worker-c' })).toBe(0);
    expect(await runDueEnrolments(database(), { worker: 'worker-c', now: new Date(leaseEnd.getTime() + 1000) })).toBe(1);
    expect(await runDueEnrolments(database(), { worker: 'worker-d', now: new Date(leaseEnd.getTime() + 120_000) })).toBe(0);
    expect((await messagesTo(orphan)).map((m) => m.subject)).toEqual(['Hello Orphan']);
  });

  it('holds back sends over the daily budget until the next day, and skips a customer without consent', async () => {
    const flow = await createFlow({ name: 'Budget', definition: { trigger: { type: 'manual' }, steps: [{ id: 'mail', kind: 'send_email', subject: 'News', body: 'News' }] } });
    await api.request('POST', `/api/flows/${flow.id}/activate`, {});
    expect((await api.request('PATCH', '/api/flows/settings', { daily_send_budget: -1 })).status).toBe(400);
    // Today's sends so far plus one.
    const used = await database().db.selectFrom('flow_send_days').select(['day', 'used']).execute();
    const today = new Date().toISOString().slice(0, 10);
    const usedToday = Number(used.find((u) => u.day === today)?.used ?? 0);
    await api.request('PATCH', '/api/flows/settings', { daily_send_budget: usedToday + 1 });
    const first = await customer();
    const second = await customer();
    const noConsent = await customer({ consent_email: false });
    await api.request('POST', `/api/flows/${flow.id}/enrolments`, { customer_ids: [first, second, noConsent] });
    const now = new Date();
    await drainDueEnrolments(database(), { now });
    const list = await enrolments(flow.id);
    const by = Object.fromEntries(list.map((e) => [e.customer_id, e]));
    expect(by[noConsent]).toMatchObject({ status: 'completed', history: [{ outcome: 'skipped', detail: 'no email consent' }] });
    const done = [first, second].filter((c) => by[c].status === 'completed');
    const held = [first, second].filter((c) => by[c].status === 'active');
    expect(done).toHaveLength(1);
    expect(held).toHaveLength(1);
    expect(Date.parse(by[held[0]].next_run_at)).toBeGreaterThan(now.getTime());
    expect(await drainDueEnrolments(database(), { now: new Date(now.getTime() + days(1) + 60_000) })).toBe(1);
    expect((await enrolments(flow.id)).every((e) => e.status === 'completed')).toBe(true);
    await api.request('PATCH', '/api/flows/settings', { daily_send_budget: 500 });
  });

  it('enrols on a date once a day (birthdays yearly), and dry-runs without writing', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const born = `1990-${today.slice(5)}`;
    const birthday = await customer({ first_name: 'Birthday', birthday: born === '1990-02-29' ? '1992-02-29' : born });
    const other = await customer({ first_name: 'Other', birthday: '1990-01-01' === born ? '1990-01-02' : '1990-01-01' });
    const flow = await createFlow({ template: 'birthday' });
    await api.request('POST', `/api/flows/${flow.id}/activate`, {});
    const before = await database().db.selectFrom('flow_enrolments').select('id').execute();
    const dry = await api.request('POST', `/api/flows/${flow.id}/dry-run`, {});
    expect(dry.status, JSON.stringify(dry.body)).toBe(200);
    expect(dry.body.customers.map((c: any) => c.customer_id)).toEqual([birthday]);
    expect(dry.body.customers[0].steps.map((s: any) => s.kind)).toEqual(['wait', 'send_email']);
    expect(dry.body.customers[0].steps[1].subject).toBe('Happy birthday, Birthday!');
    expect(await database().db.selectFrom('flow_enrolments').select('id').execute()).toHaveLength(before.length);
    expect(await runDateTriggers(database())).toBe(1);
    expect(await runDateTriggers(database())).toBe(0);
    const list = await enrolments(flow.id);
    expect(list.map((e) => [e.customer_id, e.source])).toEqual([[birthday, 'date']]);
    expect(list.map((e) => e.customer_id)).not.toContain(other);
    await api.request('POST', `/api/flows/${flow.id}/pause`);

    // A custom date field (its column is cf_<name>), a week after the date.
    expect((await api.request('POST', '/api/fields', { entity: 'customers', name: 'trial_ends', label: 'Trial ends', type: 'date' })).status).toBe(201);
    const weekAgo = new Date(Date.parse(`${today}T00:00:00Z`) - days(7)).toISOString().slice(0, 10);
    const trial = await customer({ first_name: 'Trial', trial_ends: weekAgo });
    await customer({ first_name: 'Later', trial_ends: today });
    const custom = await createFlow({
      name: 'After the trial',
      definition: { trigger: { type: 'date', field: 'trial_ends', offset_days: 7 }, steps: [{ id: 'tag', kind: 'add_tag', tag: 'trial-over' }] },
    });
    await api.request('POST', `/api/flows/${custom.id}/activate`, {});
    expect(await runDateTriggers(database())).toBe(1);
    expect((await enrolments(custom.id)).map((e) => e.customer_id)).toEqual([trial]);
    await api.request('POST', `/api/flows/${custom.id}/pause`);
  });

  it('enrols the customers of a second insight run whose churn risk crossed 0.7, matching the run’s own events; the dry run lists those past the threshold', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 24; i++) ids.push(await customer({ first_name: `Buyer${i}` }));
    const day = (iso: string, before: number) => new Date(Date.parse(`${iso}T12:00:00Z`) - days(before)).toISOString();
    await seedOrders(
      database(),
      ids.flatMap((id, i) => Array.from({ length: 2 + (i % 5) }, (_, k) => ({ customer_id: id, ordered_at: day('2026-01-31', 3 + (i % 9) * 4 + k * (20 + (i % 5) * 15)), total: 40 + (i % 7) * 10 }))),
    );
    const ctx = { database: database(), actor: 'test' };
    await runInsights(ctx, { asOf: '2026-01-31', timeUnit: 'days', crossSell: false });
    const flow = await createFlow({ template: 'win_back', name: 'Win-back from insights' });
    await api.request('POST', `/api/flows/${flow.id}/activate`, {});
    const run = await runInsights(ctx, { asOf: '2026-10-31', timeUnit: 'days', crossSell: false });
    const crossed = (await listEvents(database(), { types: ['customer.score_crossed'], limit: 1000 }))
      .filter((e) => e.actor === `insights:${run.id}` && e.data!.score === 'churn_risk' && e.data!.direction === 'up' && e.data!.threshold === 0.7)
      .map((e) => e.entity_id);
    expect(crossed.length).toBeGreaterThan(0);
    await drainFlowEvents(database());
    expect((await enrolments(flow.id)).map((e) => e.customer_id).sort()).toEqual([...crossed].sort());
    const dry = (await api.request('POST', `/api/flows/${flow.id}/dry-run`, { limit: 200 })).body;
    // Those enrolled now are kept out by re-entry; the dry run lists whoever else is above 0.7.
    const above = (await database().db.selectFrom('customers').select('id').where('churn_risk', '>', 0.7).execute()).map((r) => r.id as string);
    expect(dry.total + dry.excluded_by_reentry).toBeGreaterThanOrEqual(above.length);
    // Everyone listed is above 0.7 now or had a matching crossing within 24 hours (the earlier test's), and none of the enrolled.
    expect(dry.customers.length).toBeGreaterThan(0);
    for (const c of dry.customers) {
      expect(crossed).not.toContain(c.customer_id);
      if (c.why.startsWith('customer.score_crossed at')) continue;
      expect(above).toContain(c.customer_id);
      expect(c.why).toMatch(/^churn_risk is 0\.\d\d \(above 0\.7\)$/);
      expect(c.steps[0]).toMatchObject({ step_id: 'offer', kind: 'send_email' });
    }
    await api.request('POST', `/api/flows/${flow.id}/pause`);
  });

  it('creates every built-in flow; a contract end minus 30 days enrols; an SMS step is skipped until SMS is set up, then queues the rendered text', async () => {
    const templates = (await api.request('GET', '/api/flows/templates')).body.data as { key: string }[];
    expect(templates.map((t) => t.key)).toEqual(['welcome', 'win_back', 'cross_sell', 'birthday']);
    for (const t of templates) expect((await api.request('POST', '/api/flows', { template: t.key, name: `Template ${t.key}` })).status).toBe(201);
    expect((await api.request('POST', '/api/flows', { template: 'nope' })).body.error.fields).toHaveProperty('template');
    expect((await api.request('POST', '/api/flows', { definition: { trigger: { type: 'manual' }, steps: [{ id: 'e', kind: 'exit' }] } })).body.error.fields).toHaveProperty('name');

    const renewing = await customer({ first_name: 'Renewing', phone: '+32470123456', consent_sms: true });
    const today = new Date().toISOString().slice(0, 10);
    const in30 = new Date(Date.parse(`${today}T00:00:00Z`) + days(30)).toISOString().slice(0, 10);
    const contract = await api.request('POST', '/api/contracts', { title: 'Support', customer_id: renewing, starts_on: '2026-01-01', ends_on: in30, status: 'active' });
    expect(contract.status, JSON.stringify(contract.body)).toBe(201);
    const flow = await createFlow({
      name: 'Renewal',
      definition: {
        trigger: { type: 'date', field: 'contract.ends_on', offset_days: -30 },
        steps: [
          { id: 'text', kind: 'send_sms', body: 'Hi {{ customer.first_name }}, your contract ends in a month.' },
          { id: 'task', kind: 'create_task', title: 'Renewal call', due_in_days: 2 },
        ],
      },
    });
    await api.request('POST', `/api/flows/${flow.id}/activate`, {});
    const dry = (await api.request('POST', `/api/flows/${flow.id}/dry-run`, {})).body;
    expect(dry.customers.map((c: any) => [c.customer_id, c.steps.map((x: any) => x.summary)])).toEqual([[renewing, ['SMS skipped: SMS not configured', 'task "Renewal call" due in 2 days']]]);
    expect(await runDateTriggers(database())).toBeGreaterThanOrEqual(1);
    await drainDueEnrolments(database());
    let [enrolment] = await enrolments(flow.id);
    expect(enrolment).toMatchObject({ customer_id: renewing, source: 'date', status: 'completed' });
    expect(enrolment.history.map((h: any) => [h.step_id, h.outcome, h.detail])).toEqual([
      ['text', 'skipped', 'SMS not configured'],
      ['task', 'created', null],
    ]);
    const task = (await api.request('GET', `/api/tasks/${enrolment.history[1].related_id}`)).body;
    expect(task).toMatchObject({ title: 'Renewal call', customer_id: renewing });

    // With a provider set up, the same step queues the text (the job queue sends it).
    const sms = await api.request('PUT', '/api/sms/settings', { account_sid: 'AC0123456789abcdef0123456789abcdef', auth_token: 'secret-token', from_number: '+15017122661' });
    expect(sms.status, JSON.stringify(sms.body)).toBe(200);
    const manual = await createFlow({
      name: 'Texts',
      definition: { trigger: { type: 'manual' }, steps: [{ id: 'text', kind: 'send_sms', body: 'Hi {{ customer.first_name }}, code {{ discount_code }}' }] },
    });
    await api.request('POST', `/api/flows/${manual.id}/activate`, {});
    const noConsent = await customer({ phone: '+32470123457' });
    await api.request('POST', `/api/flows/${manual.id}/enrolments`, { customer_ids: [renewing, noConsent] });
    await drainDueEnrolments(database());
    const runs = Object.fromEntries((await enrolments(manual.id)).map((e) => [e.customer_id, e.history[0]]));
    expect(runs[noConsent]).toMatchObject({ outcome: 'skipped', detail: 'no SMS consent' });
    expect(runs[renewing]).toMatchObject({ outcome: 'sent' });
    const row = await database().db.selectFrom('sms_messages').select(['body', 'to_number', 'status', 'purpose']).where('id', '=', runs[renewing].related_id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ to_number: '+32470123456', status: 'queued', purpose: 'marketing' });
    expect(row.body).toMatch(/^Hi Renewing, code SAVE-[2-9A-Z]{6}$/);
    await api.request('PUT', '/api/sms/settings', { account_sid: null, auth_token: null, from_number: null });
  });

  it('ends an enrolment at its goal even when the goal event comes in the same batch as the one that enrolled', async () => {
    const flow = await createFlow({
      name: 'Welcome until the first order',
      definition: {
        trigger: { type: 'event', event: 'customer.created' },
        goal: { events: ['order.created'] },
        steps: [
          { id: 'wait', kind: 'wait', days: 2 },
          { id: 'tag', kind: 'add_tag', tag: 'nudged' },
        ],
      },
    });
    await api.request('POST', `/api/flows/${flow.id}/activate`, {});
    const quick = await customer({ first_name: 'Quick' });
    const slow = await customer({ first_name: 'Slow' });
    expect((await api.request('POST', '/api/orders', { customer_id: quick, ordered_at: new Date().toISOString(), total: 10, currency: 'EUR', status: 'paid' })).status).toBe(201);
    await drainFlowEvents(database());
    const by = Object.fromEntries((await enrolments(flow.id)).map((e) => [e.customer_id, e]));
    expect(by[quick]).toMatchObject({ status: 'exited', exit_reason: 'goal' });
    expect(by[slow]).toMatchObject({ status: 'active' });
    await api.request('POST', `/api/flows/${flow.id}/pause`);
  });

  it('enrols a saved-filter segment by hand, after a dry run of it', async () => {
    const a = await customer({ first_name: 'Segmented' });
    const b = await customer({ first_name: 'Segmented', consent_email: false });
    await customer({ first_name: 'Outside' });
    const segment = await api.request('POST', '/api/segments', { name: 'Segmented people', filter: { field: 'first_name', op: 'eq', value: 'Segmented' } });
    expect(segment.status, JSON.stringify(segment.body)).toBe(201);
    const flow = await createFlow({
      name: 'Segment mail',
      definition: { trigger: { type: 'manual' }, steps: [{ id: 'mail', kind: 'send_email', subject: 'For {{ customer.first_name }}', body: 'Hello' }] },
    });
    expect((await api.request('POST', `/api/flows/${flow.id}/dry-run`, {})).status).toBe(400);
    const dry = (await api.request('POST', `/api/flows/${flow.id}/dry-run`, { segment_id: segment.body.id })).body;
    expect(Object.fromEntries(dry.customers.map((c: any) => [c.customer_id, c.steps.map((x: any) => x.summary)]))).toEqual({
      [a]: [`email to c${seq - 2}-${engine}@example.com: For Segmented`],
      [b]: ['email skipped: no email consent'],
    });
    await api.request('POST', `/api/flows/${flow.id}/activate`, {});
    expect((await api.request('POST', `/api/flows/${flow.id}/enrolments`, { segment_id: 'seg_missing' })).status).toBe(400);
    expect((await api.request('POST', `/api/flows/${flow.id}/enrolments`, { segment_id: segment.body.id })).body).toMatchObject({ enrolled: 2, skipped: 0 });
    expect((await enrolments(flow.id)).map((e) => e.customer_id).sort()).toEqual([a, b].sort());
  });

  it('records the personal discount codes its messages hand out; an order with one redeems it once and counts for the flow', async () => {
    const flow = await createFlow({
      name: 'Welcome code',
      definition: { trigger: { type: 'manual' }, steps: [{ id: 'mail', kind: 'send_email', subject: 'Your code {{ discount_code }}', body: 'Take 10% off with {{ discount_code }}.' }] },
    });
    const [a, b, c] = [await customer({ first_name: 'Coded' }), await customer({ first_name: 'Coded' }), await customer({ consent_email: false })];
    // A dry run renders the code but hands nothing out.
    expect((await api.request('POST', `/api/flows/${flow.id}/dry-run`, { customer_ids: [a] })).status).toBe(200);
    expect(await database().db.selectFrom('discount_codes').select('code').where('flow_id', '=', flow.id).execute()).toEqual([]);
    await api.request('POST', `/api/flows/${flow.id}/activate`, {});
    await api.request('POST', `/api/flows/${flow.id}/enrolments`, { customer_ids: [a, b, c] });
    await drainDueEnrolments(database(), { now: new Date() });
    const issued = await database().db.selectFrom('discount_codes').select(['code', 'customer_id', 'campaign_id']).where('flow_id', '=', flow.id).execute();
    expect(issued.map((r) => r.customer_id).sort()).toEqual([a, b].sort());
    expect(issued.every((r) => r.campaign_id === null)).toBe(true);
    const codeOf = (id: string) => issued.find((r) => r.customer_id === id)!.code as string;
    // The code in the mail is the code recorded.
    expect((await messagesTo(a))[0].subject).toBe(`Your code ${codeOf(a)}`);

    const order = (customerId: string, code: string) =>
      api.request('POST', '/api/orders', { customer_id: customerId, total: 40, status: 'paid', ordered_at: new Date().toISOString(), discount_code: code });
    expect((await order(a, codeOf(a).toLowerCase())).status).toBe(201);
    // A flow's code takes one order: passed on, it is refused.
    expect((await order(b, codeOf(a))).status).toBe(201);
    const counts = (await api.request('GET', `/api/flows/${flow.id}`)).body.counts;
    expect(counts.discount_codes).toEqual({ issued: 2, redeemed: 1, orders: 1, refused: 1 });
    const redemptions = await database().db.selectFrom('discount_redemptions').select(['flow_id', 'campaign_id', 'accepted']).where('code', '=', codeOf(a)).execute();
    expect(redemptions.map((r) => [r.flow_id, r.campaign_id, Number(r.accepted)]).sort()).toEqual([
      [flow.id, null, 0],
      [flow.id, null, 1],
    ]);
  });

  it('holds running enrolments while the flow is paused, and goes on where they were once it is active again', async () => {
    const flow = await createFlow({
      name: 'Pausable',
      definition: {
        trigger: { type: 'manual' },
        steps: [
          { id: 'wait', kind: 'wait', hours: 1 },
          { id: 'tag', kind: 'add_tag', tag: 'after-pause' },
        ],
      },
    });
    await api.request('POST', `/api/flows/${flow.id}/activate`, {});
    const c = await customer();
    await api.request('POST', `/api/flows/${flow.id}/enrolments`, { customer_ids: [c] });
    // Earlier tests leave enrolments of their own flows running: the counts that matter are this flow's.
    const now = new Date();
    await drainDueEnrolments(database(), { now });
    expect((await enrolments(flow.id))[0]).toMatchObject({ status: 'active', step: 1 });
    expect((await api.request('POST', `/api/flows/${flow.id}/pause`)).body.status).toBe('paused');
    expect((await api.request('POST', `/api/flows/${flow.id}/enrolments`, { customer_ids: [c] })).status).toBe(400);
    const later = new Date(now.getTime() + 2 * 3_600_000);
    await drainDueEnrolments(database(), { now: later });
    expect((await enrolments(flow.id))[0]).toMatchObject({ status: 'active', step: 1, history: [{ step_id: 'wait' }] });
    await api.request('POST', `/api/flows/${flow.id}/activate`, {});
    await drainDueEnrolments(database(), { now: later });
    expect((await enrolments(flow.id))[0]).toMatchObject({ status: 'completed', history: [{ step_id: 'wait' }, { step_id: 'tag', outcome: 'changed' }] });
  });

  it('calls a webhook step signed with Standard Webhooks, refuses private addresses unless allowed, and exits a customer who is erased', async () => {
    const received: { headers: http.IncomingHttpHeaders; body: string }[] = [];
    const server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        received.push({ headers: req.headers, body });
        res.end('ok');
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
    try {
      const flow = await createFlow({
        name: 'Hook',
        definition: {
          trigger: { type: 'manual' },
          reentry: { policy: 'always' },
          steps: [
            { id: 'hook', kind: 'webhook', url },
            { id: 'wait', kind: 'wait', days: 1 },
            { id: 'after', kind: 'add_tag', tag: 'x' },
          ],
        },
      });
      await api.request('POST', `/api/flows/${flow.id}/activate`, {});
      const c0 = await customer({ first_name: 'Refused' });
      const c1 = await customer({ first_name: 'Hooked' });
      await api.request('POST', `/api/flows/${flow.id}/enrolments`, { customer_ids: [c0] });
      await drainDueEnrolments(database());
      expect(received).toEqual([]);
      // A failed call is recorded and the flow goes on (to its wait).
      expect((await enrolments(flow.id))[0]).toMatchObject({
        status: 'active',
        history: [
          { step_id: 'hook', outcome: 'failed', detail: expect.stringMatching(/private|refused/i) },
          { step_id: 'wait', outcome: 'waited' },
        ],
      });

      await api.request('POST', `/api/flows/${flow.id}/enrolments`, { customer_ids: [c1] });
      await drainDueEnrolments(database(), { allowPrivate: true });
      expect(received).toHaveLength(1);
      const secret = (await database().db.selectFrom('flows').select('webhook_secret').where('id', '=', flow.id).executeTakeFirstOrThrow()).webhook_secret as string;
      expect(verifyWebhook(secret, received[0].headers as Record<string, string>, received[0].body)).toBe(true);
      expect(JSON.parse(received[0].body).data).toMatchObject({ flow_id: flow.id, step_id: 'hook', customer: { id: c1, first_name: 'Hooked' } });

      // The person's export lists the flow they are in, with the steps run.
      const exported = (await api.request('GET', `/api/customers/${c1}/export`)).body.flows;
      expect(exported).toEqual([
        expect.objectContaining({
          flow_id: flow.id,
          flow_name: 'Hook',
          status: 'active',
          steps: [expect.objectContaining({ step_id: 'hook', outcome: 'delivered' }), expect.objectContaining({ step_id: 'wait', outcome: 'waited' })],
        }),
      ]);
      // Erased while waiting: the enrolment ends and the next step never runs.
      expect((await api.request('DELETE', `/api/customers/${c1}?erase=true`)).status).toBe(204);
      await drainFlowEvents(database());
      const latest = (await enrolments(flow.id))[0];
      expect(latest).toMatchObject({ status: 'exited', exit_reason: 'customer_gone' });
    } finally {
      await new Promise<void>((r) => server.close(() => r()));
    }
  });
});
