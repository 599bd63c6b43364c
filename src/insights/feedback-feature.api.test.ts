/**
 * Feedback as an input of the purchase (churn) model: the latest CSAT and NPS score known at the
 * cutoff, kept only when it raises the held-out AUC; both AUCs in /api/models. Answers given or changed
 * after the cutoff are not known at it and never count (the same rule as orders).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../core/ids.js';
import { refreshOrderFigures } from '../sales/figures.js';
import { testApi, type TestApi } from '../test/api-client.js';
import { engines } from '../test/engines.js';
import { seedCustomers, seedOrders, type SeedOrder } from './fixtures.js';
import { runInsights } from './run.js';

const asOf = '2026-01-31';
const windowDays = 90;
const customers = 200;
/** An instant this many days before the as-of day (noon UTC). */
const day = (daysBefore: number) => new Date(Date.parse(`${asOf}T12:00:00Z`) - daysBefore * 86_400_000).toISOString();
/** Half the customers are happy: 80% of them buy again after the cutoff, against 20% of the others. */
const happy = (i: number) => i % 2 === 0;
const buysAgain = (i: number) => (i * 13) % 10 < (happy(i) ? 8 : 2);

/**
 * 200 customers with the same kind of order history before the cutoff (two orders, dates spread
 * without regard to what follows), so that orders say little about who buys again. Ids are fixed, so
 * the held-out split is the same on every run.
 */
async function seed(api: TestApi): Promise<string[]> {
  const database = api.db.database;
  const ids = await seedCustomers(
    database,
    Array.from({ length: customers }, (_, i) => ({ id: `cus_feedback_${String(i).padStart(4, '0')}`, first_name: `C${i}`, age: 20 + ((i * 7) % 50) })),
  );
  const orders: SeedOrder[] = [];
  ids.forEach((id, i) => {
    orders.push({ customer_id: id, ordered_at: day(windowDays + 10 + ((i * 37) % 100)), total: 40 + (i % 7) * 5 });
    orders.push({ customer_id: id, ordered_at: day(windowDays + 150 + ((i * 53) % 100)), total: 35 + (i % 5) * 5 });
    if (buysAgain(i)) orders.push({ customer_id: id, ordered_at: day(5 + (i % 60)), total: 45 });
  });
  await seedOrders(database, orders);
  await database.db.transaction().execute((trx) => refreshOrderFigures(trx, ids, new Date(`${asOf}T23:00:00Z`)));
  return ids;
}

/** NPS answers, one per customer: its score, answered (and last changed) so many days before the as-of day. */
async function answers(api: TestApi, ids: string[], of: (i: number) => { score: number; answered: number; changed?: number }) {
  const db = api.db.database.db;
  await db.deleteFrom('survey_responses').execute();
  const rows = ids.map((id, i) => {
    const a = of(i);
    return {
      id: newId('surveyResponse'),
      request_id: newId('surveyRequest'),
      kind: 'nps',
      customer_id: id,
      score: a.score,
      answered_at: day(a.answered),
      updated_at: day(a.changed ?? a.answered),
    };
  });
  for (let i = 0; i < rows.length; i += 100)
    await db
      .insertInto('survey_responses')
      .values(rows.slice(i, i + 100))
      .execute();
}

describe.each(engines)('feedback as a churn feature on %s', (engine) => {
  let api: TestApi;
  let ids: string[];
  const run = () => runInsights({ database: api.db.database, actor: 'test' }, { asOf, timeUnit: 'days', crossSell: false, predictionWindowDays: windowDays });
  const model = async () => (await api.request('GET', '/api/models?kind=purchase_probability&limit=1')).body.data[0];
  beforeAll(async () => {
    api = await testApi(engine);
    ids = await seed(api);
  }, 120_000);
  afterAll(async () => api?.close());

  it('uses feedback when unhappy customers leave: the held-out AUC rises, both AUCs reported', async () => {
    // Promoters (9-10) and detractors (2-6), answered before the cutoff.
    await answers(api, ids, (i) => ({ score: happy(i) ? 9 + (i % 4 === 0 ? 1 : 0) : 2 + (i % 5), answered: windowDays + 5 + (i % 20) }));
    await run();
    const m = await model();
    const fb = m.metrics.feedback;
    expect(fb.used).toBe(true);
    expect(fb.features).toEqual(['last_nps']);
    expect(fb.customers_with_feedback).toBe(customers);
    expect(fb.auc_with).toBeGreaterThan(fb.auc_without + 0.05);
    expect(fb.reason).toMatch(/^raises the held-out AUC from 0\.\d+ to 0\.\d+$/);
    // The model in use is the one with feedback: its AUC is the one reported, and promoters are the likelier buyers.
    expect(m.metrics.auc).toBe(fb.auc_with);
    expect(m.params.features).toContain('last_nps');
    expect(m.params.coefficients.last_nps).toBeGreaterThan(0);
    // No CSAT answers: that input cannot be used, and says why.
    expect(m.params.ignored).toContainEqual({ name: 'last_csat', reason: expect.stringMatching(/^no customer has a CSAT answer/) });
    const scores = await api.db.database.db.selectFrom('customers').select(['id', 'purchase_probability']).where('id', 'in', ids).execute();
    const mean = (keep: (i: number) => boolean) => {
      const xs = scores.filter((s) => keep(ids.indexOf(s.id as string))).map((s) => Number(s.purchase_probability));
      return xs.reduce((p, q) => p + q, 0) / xs.length;
    };
    expect(mean(happy)).toBeGreaterThan(mean((i) => !happy(i)) + 0.2);
  });

  it('leaves feedback out when it does not predict who leaves, and says so', async () => {
    // Scores in pairs of customers, one happy and one not: the same spread of scores on both sides.
    await answers(api, ids, (i) => ({ score: Math.floor(i / 2) % 2 === 0 ? 3 : 10, answered: windowDays + 5 + (i % 20) }));
    await run();
    const m = await model();
    const fb = m.metrics.feedback;
    expect(fb.used).toBe(false);
    expect(fb.customers_with_feedback).toBe(customers);
    expect(fb.auc_with).not.toBeNull();
    expect(fb.auc_with).toBeLessThan(fb.auc_without + 0.01);
    expect(fb.reason).toMatch(/^does not raise the held-out AUC by 0\.01 or more \(0\.\d+ without, 0\.\d+ with\)$/);
    expect(m.metrics.auc).toBe(fb.auc_without);
    expect(m.params.features).not.toContain('last_nps');
    expect(m.params.ignored).toContainEqual({ name: 'last_nps', reason: `left out: feedback ${fb.reason}` });
  });

  it('never learns from feedback given or changed after the cutoff, however telling', async () => {
    // Each score says exactly who bought again, but half were given after the cutoff and the other half
    // given before it and changed after it: none was known at the cutoff.
    await answers(api, ids, (i) => ({ score: buysAgain(i) ? 10 : 0, answered: i % 2 ? windowDays - 10 : windowDays + 20, changed: windowDays - 5 }));
    await run();
    const fb = (await model()).metrics.feedback;
    expect(fb).toMatchObject({ used: false, customers_with_feedback: 0, auc_with: null, features: [] });
    expect(fb.reason).toMatch(/last_nps: no customer has an NPS answer/);
  });
});
