/**
 * The small-shop symptoms: a degenerate BG/NBD fit nobody flagged, "Churned" next to "Still a customer
 * 100%", a contact list ranked by lifetime values from that fit, and two day counts for one last order.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRng, gammaDraw } from '../analytics/random.js';
import type { Ctx } from '../core/context.js';
import { getCustomer } from '../customers/service.js';
import { refreshOrderFigures } from '../sales/figures.js';
import { updateBusinessSettings } from '../settings/business.js';
import { engines, freshDatabase, type TestDatabase } from '../test/engines.js';
import { contactList } from './contact-list.js';
import { customerScores, latestRunVerdict } from './customer-scores.js';
import { parseJson } from './db.js';
import { seedCustomers, seedOrders, type SeedOrder } from './fixtures.js';
import { runInsights } from './run.js';

const asOf = '2026-03-01';
const end = Date.parse(`${asOf}T12:00:00Z`);
const daysBefore = (days: number) => new Date(end - days * 86_400_000).toISOString();

/**
 * 145 customers who never leave: each joined in the last 400 days and buys at a steady rate of their own
 * (about three orders each), like the Shopify export where the fit ran to a = 2.8e-4, b = 15,900. Plus a
 * one-time buyer from 500 days ago and a customer whose last order was late in the evening in Brussels.
 */
function shop(ids: string[]): SeedOrder[] {
  const rng = createRng(11);
  const orders: SeedOrder[] = [];
  ids.slice(0, 145).forEach((id) => {
    const age = 30 + rng.next() * 370;
    const rate = gammaDraw(1.5, rng) / 180;
    let t = 0;
    orders.push({ customer_id: id, ordered_at: daysBefore(age), total: 20 + Math.round(rng.next() * 100) });
    for (;;) {
      t -= Math.log(1 - rng.next()) / rate;
      if (t > age - 1) break;
      orders.push({ customer_id: id, ordered_at: daysBefore(age - t), total: 20 + Math.round(rng.next() * 100) });
    }
  });
  orders.push({ customer_id: ids[145], ordered_at: daysBefore(500), total: 40 });
  // 23:30 UTC on 26 February is 00:30 on 27 February in Brussels.
  orders.push({ customer_id: ids[146], ordered_at: daysBefore(60), total: 50 }, { customer_id: ids[146], ordered_at: '2026-02-26T23:30:00.000Z', total: 55 });
  return orders;
}

describe.each(engines)('an unreliable purchase model on %s', (engine) => {
  let t: TestDatabase;
  let ctx: Ctx;
  let ids: string[];
  let orderCount = 0;
  beforeAll(async () => {
    t = await freshDatabase(engine);
    ctx = { database: t.database, actor: 'test' };
    ids = await seedCustomers(
      t.database,
      Array.from({ length: 147 }, (_, i) => ({ first_name: `Shopper${i}`, email: `shopper${i}@example.com` })),
    );
    const orders = shop(ids);
    orderCount = orders.length;
    await seedOrders(t.database, orders);
    await t.database.db.transaction().execute((trx) => refreshOrderFigures(trx, ids, new Date(`${asOf}T23:00:00Z`)));
    await updateBusinessSettings(t.database, { time_zone: 'Europe/Brussels' });
    await runInsights(ctx, { asOf, crossSell: false });
  }, 120_000);
  afterAll(async () => t?.drop());

  it('detects the degenerate fit, says why, and keeps its figures off the customers', async () => {
    expect(orderCount).toBeGreaterThan(350);
    expect(orderCount).toBeLessThan(550);
    const run = await t.database.db.selectFrom('insight_runs').select(['params', 'metrics']).executeTakeFirstOrThrow();
    const params = parseJson(run.params).bgnbd;
    const metrics = parseJson(run.metrics);
    console.log(`degenerate shop on ${engine}: ${orderCount} orders, r=${params.r} alpha=${params.alpha} a=${params.a} b=${params.b}; ${JSON.stringify(metrics.bgnbd.reliability.reasons)}`);
    expect(metrics.bgnbd.reliable).toBe(false);
    expect(metrics.bgnbd.reliability.checks.parameters.passed).toBe(false);
    expect(metrics.bgnbd.reliability.reasons.join('; ')).toMatch(/degenerate fit, parameters at the bounds \(.*\)/);
    expect(metrics.errors.join(' ')).toMatch(/BG\/NBD: unreliable on this data/);
    const model = await t.database.db.selectFrom('models').select('metrics').where('kind', '=', 'bgnbd').executeTakeFirstOrThrow();
    expect(parseJson(model.metrics).reliable).toBe(false);

    const customers = await t.database.db
      .selectFrom('customers')
      .select(['id', 'p_alive', 'churn_risk', 'clv', 'value_at_risk', 'expected_purchases_90d', 'p_purchase_90d', 'score_basis', 'order_count'])
      .execute();
    for (const c of customers) {
      expect([c.clv, c.value_at_risk, c.expected_purchases_90d, c.p_purchase_90d]).toEqual([null, null, null, null]);
      expect(Number(c.p_alive) + Number(c.churn_risk)).toBeCloseTo(1, 5);
    }
    const bases = new Set(customers.filter((c) => Number(c.order_count) > 1).map((c) => c.score_basis));
    expect([...bases]).toEqual(['own_rhythm']);

    const verdict = await latestRunVerdict(t.database.db);
    const repeatBuyer = customers.find((c) => Number(c.order_count) > 1 && c.id !== ids[146])!;
    const scores = customerScores(await getCustomer(ctx, repeatBuyer.id as string), verdict, 'Europe/Brussels');
    expect(scores.reliability.clv).toEqual({ reliable: false, note: expect.stringMatching(/^not estimated: the purchase model is unreliable on this data: .*degenerate fit/) });
    expect(scores.reliability.p_alive.reliable).toBe(false);
    expect(scores.reason).toMatch(/judged by their rhythm alone, as the purchase model is unreliable on this data/);
  });

  it('ranks the contact list without the unreliable figures, and says so', async () => {
    const list = await contactList(ctx, 10);
    expect(list.ranking).toBe('spend_at_risk');
    expect(list.note).toMatch(/^Lifetime values are not estimated because the purchase model is unreliable on this data \(.*degenerate fit, parameters at the bounds/);
    expect(list.data.length).toBe(10);
    const ranked = await t.database.db.selectFrom('customers').select(['id', 'revenue', 'churn_risk', 'stage']).where('stage', 'in', ['active', 'inactive']).execute();
    const expected = ranked
      .map((r) => ({ id: r.id as string, v: Number(r.revenue) * Number(r.churn_risk) }))
      .filter((r) => r.v > 0)
      .sort((p, q) => q.v - p.v || (p.id < q.id ? -1 : 1))
      .slice(0, 10)
      .map((r) => r.id);
    expect(list.data.map((e) => e.customer_id)).toEqual(expected);
    for (const e of list.data) {
      expect(e.value_at_risk).toBeNull();
      expect(e.clv).toBeNull();
      expect(e.reason).toMatch(/^spent (€|\$|£|[A-Z]{3}\u00a0)[\d,]+\.\d\d so far, \d+% churn risk: /);
    }
  });

  it('never calls a churned one-time buyer 100% still a customer', async () => {
    const c = await getCustomer(ctx, ids[145]);
    expect(c.stage).toBe('churned');
    expect(c.score_basis).toBe('typical_rhythm');
    expect(c.p_alive as number).toBeLessThan(0.01);
    expect(c.churn_risk as number).toBeGreaterThan(0.99);
  });

  it('counts the days since the last order once, in the business time zone', async () => {
    const customer = await getCustomer(ctx, ids[146]);
    const verdict = await latestRunVerdict(t.database.db);
    // 10:00 UTC on 1 March: two calendar days after 27 February in Brussels (UTC counts three).
    const scores = customerScores(customer, verdict, 'Europe/Brussels', Date.parse('2026-03-01T10:00:00Z'));
    expect(scores.days_since_last_order).toBe(2);
    expect(scores.reason).toMatch(/^(last purchase 2 days ago|no purchase for 2 days),/);
    // The run counted in the same zone: the stored reason (as of 1 March) says the same.
    expect(customer.churn_reason).toMatch(/^(last purchase 2 days ago|no purchase for 2 days),/);
  });
});
