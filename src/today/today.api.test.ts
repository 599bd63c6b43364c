import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runContractRenewals } from '../contracts/renewals.js';
import { closeMailTransport } from '../mail/transport.js';
import { testApi, type TestApi } from '../test/api-client.js';
import { engines } from '../test/engines.js';
import { startTestSmtp, useTestSmtp, type TestSmtp } from '../test/smtp.js';
import type { TodayItem } from './rank.js';

const dayMs = 86_400_000;
const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Items in the business currency come first, highest expected value first. */
function expectRanked(items: TodayItem[]) {
  const comparable = items.filter((i) => i.comparable);
  expect(items.slice(0, comparable.length)).toEqual(comparable);
  for (let i = 1; i < comparable.length; i++) expect(comparable[i - 1].expected_value).toBeGreaterThanOrEqual(comparable[i].expected_value);
}

describe.each(engines)('Today on %s', (engine) => {
  let api: TestApi;
  let smtp: TestSmtp;
  const ids: Record<string, string> = {};
  const db = () => api.db.database.db;
  const ok = async (method: string, path: string, body?: unknown, status = 201) => {
    const res = await api.request(method, path, body);
    expect(res.status, JSON.stringify(res.body)).toBe(status);
    return res.body;
  };

  beforeAll(async () => {
    api = await testApi(engine);
    smtp = await startTestSmtp();
    await useTestSmtp(api.db.database, smtp.port);
    await ok('PATCH', '/api/settings', { currency: 'EUR', time_zone: 'UTC' }, 200);
    await ok('PATCH', '/api/settings/quotes', { business_name: 'Atelier Lumen' }, 200);
    const now = Date.now();
    ids.ada = (await ok('POST', '/api/customers', { first_name: 'Ada', email: 'ada@example.org' })).id;
    ids.grace = (await ok('POST', '/api/customers', { first_name: 'Grace', last_name: 'Hopper', email: 'grace@example.org' })).id;
    ids.linus = (await ok('POST', '/api/customers', { first_name: 'Linus', email: 'linus@example.org' })).id;
    // A deal left alone for 60 days (the default pipeline rots after 30), and a fresh one a task is about.
    ids.alan = (await ok('POST', '/api/customers', { first_name: 'Alan', email: 'alan@example.org' })).id;
    ids.rotten = (await ok('POST', '/api/deals', { title: 'Shop rebuild', customer_id: ids.alan, value: 8000 })).id;
    ids.fresh = (await ok('POST', '/api/deals', { title: 'Logo', customer_id: ids.ada, value: 1000 })).id;
    ids.dealTask = (
      await ok('POST', '/api/tasks', { title: 'Send the logo sketches', due_at: new Date(now - 2 * dayMs).toISOString(), linked_entity: 'deal', linked_id: ids.fresh, customer_id: ids.ada })
    ).id;
    ids.plainTask = (await ok('POST', '/api/tasks', { title: 'Water the plants', due_at: new Date(now - 60_000).toISOString() })).id;
    ids.laterTask = (await ok('POST', '/api/tasks', { title: 'Next week', due_at: new Date(now + 3 * dayMs).toISOString() })).id;
    ids.doneTask = (await ok('POST', '/api/tasks', { title: 'Already done', due_at: new Date(now - 3 * dayMs).toISOString(), done: true })).id;
    // A quote sent and waiting, without a deal of its own.
    const quote = await ok('POST', '/api/quotes', { customer_id: ids.linus, title: 'Hosting', lines: [{ name: 'Hosting (months)', quantity: 12, unit_price: 100, tax_rate: 0 }] });
    ids.quote = quote.id;
    await ok('POST', `/api/quotes/${ids.quote}/send`, undefined, 200);
    // A contract ending in 10 days, marked expiring by the renewal job.
    ids.contract = (
      await ok('POST', '/api/contracts', {
        title: 'Maintenance',
        customer_id: ids.linus,
        starts_on: isoDate(now - 355 * dayMs),
        ends_on: isoDate(now + 10 * dayMs),
        value: 2400,
        billing_period: 'yearly',
        status: 'active',
      })
    ).id;
    await runContractRenewals(api.db.database, new Date(now));
    const old = new Date(now - 60 * dayMs).toISOString();
    await db().updateTable('deals').set({ last_activity_at: old, created_at: old, stage_changed_at: old }).where('id', '=', ids.rotten).execute();
    // Scores as an insight run writes them: a reliable model's CLV and churn risk.
    await db().updateTable('customers').set({ clv: 3000, churn_risk: 0.7, p_alive: 0.3, value_at_risk: 2100, score_basis: 'model' }).where('id', '=', ids.grace).execute();
  }, 180_000);
  afterAll(async () => {
    closeMailTransport();
    await smtp?.close();
    await api?.close();
  });

  it('ranks due tasks, rotten deals, waiting quotes, contracts to renew and customers worth a call by money at stake', async () => {
    const today = await ok('GET', '/api/today', undefined, 200);
    const items = today.items as TodayItem[];
    const byId = new Map(items.map((i) => [i.id, i]));
    expectRanked(items);
    expect(today.currency).toBe('EUR');

    const rotten = byId.get(ids.rotten)!;
    expect(rotten.kind).toBe('deal');
    expect(rotten.reason).toMatch(/^Rotten: no activity for 60 days \(rotten after 30\)/);
    expect(rotten.value).toBe(8000);
    expect(rotten.expected_value).toBeCloseTo(8000 * rotten.probability!, 6);
    expect(byId.has(ids.fresh)).toBe(false);

    const fresh = (await ok('GET', `/api/deals/${ids.fresh}`, undefined, 200)) as { value: number };
    const dealTask = byId.get(ids.dealTask)!;
    expect(dealTask.reason).toMatch(/^Overdue since .*deal "Logo" at €1,000.00/);
    expect(dealTask.expected_value).toBeCloseTo(fresh.value * dealTask.probability!, 6);

    const plain = byId.get(ids.plainTask)!;
    expect(plain.expected_value).toBe(today.default_task_value);
    expect(plain.reason).toContain('counted at the default');
    expect(byId.has(ids.laterTask)).toBe(false);
    expect(byId.has(ids.doneTask)).toBe(false);

    const quote = byId.get(ids.quote)!;
    expect(quote.kind).toBe('quote');
    expect(quote.value).toBe(1200);
    expect(quote.probability).toBe(0.5);
    expect(quote.expected_value).toBe(600);
    expect(quote.reason).toContain('sent but not opened yet');

    const contract = byId.get(ids.contract)!;
    expect(contract.expected_value).toBe(2400);
    expect(contract.reason).toMatch(/^Ends on .* \(in 10 days\); needs renewing; worth €2,400.00 yearly$/);

    const call = byId.get(ids.grace)!;
    expect(call.kind).toBe('customer');
    const page = await ok('GET', `/api/customers/${ids.grace}`, undefined, 200);
    expect(call.expected_value).toBe(page.scores.value_at_risk);
    expect(call.value).toBe(page.scores.clv);
    expect(call.probability).toBe(page.scores.churn_risk);
    expect(call.title).toBe('Call Grace Hopper');
    // Ada has no scores and Linus none either: not worth a call on figures that do not exist.
    expect(items.filter((i) => i.kind === 'customer').map((i) => i.id)).toEqual([ids.grace]);

    const order = items.map((i) => i.id);
    expect(order.indexOf(ids.contract)).toBeLessThan(order.indexOf(ids.grace));
    expect(order.indexOf(ids.grace)).toBeLessThan(order.indexOf(ids.quote));
    expect(order.indexOf(ids.quote)).toBeLessThan(order.indexOf(ids.plainTask));
  });

  it('a customer whose churn risk rests on an unreliable estimate is not worth a call', async () => {
    await db().updateTable('customers').set({ score_basis: 'own_rhythm' }).where('id', '=', ids.grace).execute();
    const today = await ok('GET', '/api/today', undefined, 200);
    expect((today.items as TodayItem[]).some((i) => i.id === ids.grace)).toBe(false);
    await db().updateTable('customers').set({ score_basis: 'model' }).where('id', '=', ids.grace).execute();
  });

  it('cuts the list to the limit and refuses a bad one', async () => {
    const two = await ok('GET', '/api/today?limit=2', undefined, 200);
    expect(two.items).toHaveLength(2);
    expect(two.counts.task).toBeGreaterThanOrEqual(2);
    const bad = await api.request('GET', '/api/today?limit=0');
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.limit).toBeTruthy();
  });
});

describe.each(engines)('Today on demo data on %s', (engine) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await testApi(engine);
    const started = await api.request('POST', '/api/demo');
    expect(started.status).toBe(202);
    const job = await api.waitForJob(started.body.id);
    expect(job.status).toBe('done');
  }, 300_000);
  afterAll(async () => api?.close());

  it('is ranked, and each customer worth a call shows the figures of their customer page', { timeout: 120_000 }, async () => {
    const res = await api.request('GET', '/api/today?limit=200');
    expect(res.status).toBe(200);
    const items = res.body.items as TodayItem[];
    expect(items.length).toBeGreaterThan(0);
    expectRanked(items);
    for (const item of items) {
      expect(item.reason.length).toBeGreaterThan(10);
      expect(Number.isFinite(item.expected_value)).toBe(true);
      if (item.kind === 'task') expect(item.due! < new Date(Date.now() + dayMs).toISOString()).toBe(true);
      if (item.kind !== 'customer') continue;
      const page = (await api.request('GET', `/api/customers/${item.id}`)).body;
      expect(item.expected_value).toBe(page.scores.value_at_risk);
      expect(page.scores.reliability.clv.reliable).toBe(true);
    }
  });
});
