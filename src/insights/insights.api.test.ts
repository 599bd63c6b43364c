import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorker } from '../core/jobs.js';
import { newId } from '../core/ids.js';
import { refreshOrderFigures } from '../sales/figures.js';
import { engines } from '../test/engines.js';
import { testApi, type TestApi } from '../test/api-client.js';
import { batchInsert } from './db.js';
import { seedCustomers, seedOrders, type SeedOrder } from './fixtures.js';
import { insightJobHandlers } from './jobs.js';
import { runInsights } from './run.js';

const asOf = '2026-01-31';
const day = (daysBefore: number) => new Date(Date.parse(`${asOf}T12:00:00Z`) - daysBefore * 86_400_000).toISOString();

/**
 * 60 customers: 20 frequent high-income buyers (active), 20 low-income one- or two-time buyers from long ago
 * (churned), 15 middle-income buyers last seen 120-300 days ago (inactive), 5 leads without orders or income.
 */
async function seed(api: TestApi) {
  const database = api.db.database;
  const groups = { frequent: [] as string[], lapsed: [] as string[], middle: [] as string[], leads: [] as string[] };
  groups.frequent = await seedCustomers(
    database,
    Array.from({ length: 20 }, (_, i) => ({ first_name: `Frequent${i}`, income: 120000, age: 45 + (i % 3) })),
  );
  groups.lapsed = await seedCustomers(
    database,
    Array.from({ length: 20 }, (_, i) => ({ first_name: `Lapsed${i}`, income: 30000, age: 25 + (i % 3) })),
  );
  groups.middle = await seedCustomers(
    database,
    Array.from({ length: 15 }, (_, i) => ({ first_name: `Middle${i}`, income: 60000, age: 35 + (i % 3) })),
  );
  groups.leads = await seedCustomers(
    database,
    Array.from({ length: 5 }, (_, i) => ({ first_name: `Lead${i}` })),
  );
  const orders: SeedOrder[] = [];
  groups.frequent.forEach((id, i) => {
    for (let k = 0; k < 12; k++) orders.push({ customer_id: id, ordered_at: day(5 + i + k * 25), total: 80 + ((i + k) % 5) * 10 });
  });
  groups.lapsed.forEach((id, i) => {
    orders.push({ customer_id: id, ordered_at: day(500 + i * 7), total: 20 + i });
    if (i % 2 === 0) orders.push({ customer_id: id, ordered_at: day(420 + i * 3), total: 25 });
  });
  groups.middle.forEach((id, i) => {
    for (let k = 0; k < 4; k++) orders.push({ customer_id: id, ordered_at: day(120 + i * 12 + k * 40), total: 50 + k * 5 });
  });
  const orderIds = await seedOrders(database, orders);
  // Products and lines: frequent buyers buy P1 with P2, a few also P3; one buys only P1.
  const now = new Date().toISOString();
  const products = ['P1', 'P2', 'P3', 'P4'].map((sku) => ({ id: newId('product'), sku, name: `Product ${sku}`, category: null, price: 10, created_at: now, updated_at: now }));
  await batchInsert(database.db, 'products', products);
  const lines: Record<string, unknown>[] = [];
  orders.forEach((o, n) => {
    const f = groups.frequent.indexOf(o.customer_id);
    let skus: number[];
    if (f === 0) skus = [0];
    else if (f > 0) skus = f % 4 === 0 ? [0, 1, 2] : [0, 1];
    else skus = [3];
    skus.forEach((p, position) =>
      lines.push({ id: newId('orderLine'), order_id: orderIds[n], position, product_id: products[p].id, sku: products[p].sku, product_name: products[p].name, quantity: 1, unit_price: 10 }),
    );
  });
  await batchInsert(database.db, 'order_lines', lines);
  await database.db.transaction().execute((trx) => refreshOrderFigures(trx, [...groups.frequent, ...groups.lapsed, ...groups.middle], new Date(`${asOf}T23:00:00Z`)));
  return { groups, products };
}

describe.each(engines)('insights API on %s', (engine) => {
  let api: TestApi;
  let data: Awaited<ReturnType<typeof seed>>;
  beforeAll(async () => {
    api = await testApi(engine);
    data = await seed(api);
  }, 60_000);
  afterAll(async () => api?.close());

  it('answers 409 on predict before any model exists, and 400 on bad input', async () => {
    expect((await api.request('GET', '/api/predict?age=30&income=50000&segment=1')).status).toBe(409);
    const unknown = await api.request('GET', '/api/predict?age=30&shoe_size=42');
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.fields.shoe_size).toBeTruthy();
    const notNumber = await api.request('GET', '/api/predict?age=thirty');
    expect(notNumber.status).toBe(400);
    expect(notNumber.body.error.fields.age).toEqual(['must be a number']);
  });

  it('runs the insights as a queued job and stores the run with its models', async () => {
    const queued = await api.request('POST', '/api/insights/runs', { as_of: asOf, time_unit: 'days' });
    expect(queued.status).toBe(202);
    expect(queued.body.status).toBe('queued');
    const worker = startWorker(api.db.database, insightJobHandlers(api.db.database), { pollMs: 20 });
    let run: any;
    try {
      for (let i = 0; i < 300; i++) {
        run = (await api.request('GET', `/api/insights/runs/${queued.body.id}`)).body;
        if (run.status === 'done' || run.status === 'failed') break;
        await new Promise((r) => setTimeout(r, 50));
      }
    } finally {
      await worker.stop();
    }
    expect(run.error).toBeNull();
    expect(run.status).toBe('done');
    expect(run.run.params.bgnbd.time_unit).toBe('days');
    expect(run.run.counts).toMatchObject({ customers: 60, buyers: 55, leads: 5 });
    expect(run.run.metrics.stages).toEqual({ lead: 5, active: 20, inactive: 15, churned: 20 });
    expect(run.run.metrics.purchase_probability.auc).toBeGreaterThan(0.5);
    expect(run.run.metrics.purchase_probability.calibration.length).toBeGreaterThan(0);
    expect(run.run.metrics.cross_sell.hit_rate_at_5).not.toBeUndefined();
    expect((await api.request('GET', '/api/insights/runs/job_doesnotexist')).status).toBe(404);

    const models = await api.request('GET', '/api/models');
    expect(models.status).toBe(200);
    expect(models.body.data.map((m: any) => m.kind).sort()).toEqual(['bgnbd', 'cross_sell', 'gamma_gamma', 'purchase_probability']);
    expect(models.body.data[0]).toHaveProperty('params');
    expect(models.body.data[0]).toHaveProperty('created_at');
  });

  it('filters customers by lifecycle stage and shows the scores', async () => {
    const churned = await api.request('GET', '/api/customers?stage=churned&limit=100');
    expect(churned.status).toBe(200);
    expect(churned.body.data).toHaveLength(20);
    expect(churned.body.data.every((c: any) => c.first_name.startsWith('Lapsed'))).toBe(true);
    const leads = await api.request('GET', '/api/customers?stage=lead&limit=100');
    expect(leads.body.data).toHaveLength(5);
    expect(leads.body.data[0].rfm_score).toBeNull();
    const active = await api.request('GET', '/api/customers?stage=active&sort=-clv&limit=1');
    const top = active.body.data[0];
    expect(top.first_name).toMatch(/^Frequent/);
    expect(top.rfm_score).toMatch(/^[1-5]{3}$/);
    expect(top.p_alive).toBeGreaterThan(0.5);
    // On these 60 clockwork buyers BG/NBD does no better than each customer's own past rate on the
    // hold-out period: it is unreliable, so P(alive) comes from the rhythm and no CLV is estimated.
    expect(top.score_basis).toBe('own_rhythm');
    expect(top.clv).toBeNull();
    expect(top.value_at_risk).toBeNull();
    expect(top.purchase_probability).toBeGreaterThan(0);
    // One-time buyers: not the model's built-in P(alive) = 1; the typical rhythm says they are gone.
    const oneTime = churned.body.data.find((c: any) => c.order_count === 1);
    expect(oneTime.score_basis).toBe('typical_rhythm');
    expect(oneTime.p_alive).toBeLessThan(0.1);
    expect(oneTime.churn_risk).toBeCloseTo(1 - oneTime.p_alive, 5);
    expect(oneTime.churn_reason).toMatch(/^one purchase only/);
  });

  it('records stage history when a customer changes stage', async () => {
    const id = data.groups.lapsed[3];
    let history = await api.request('GET', `/api/insights/stage-history?customer_id=${id}`);
    expect(history.body.data).toEqual([expect.objectContaining({ customer_id: id, from_stage: null, to_stage: 'churned' })]);
    const order = await api.request('POST', '/api/orders', { customer_id: id, ordered_at: day(2), total: 99 });
    expect(order.status).toBe(201);
    await runInsights({ database: api.db.database, actor: 'test' }, { asOf, timeUnit: 'days', crossSell: false });
    history = await api.request('GET', `/api/insights/stage-history?customer_id=${id}`);
    expect(history.body.data[0]).toMatchObject({ customer_id: id, from_stage: 'churned', to_stage: 'active' });
    expect(history.body.data).toHaveLength(2);
    const customer = (await api.request('GET', `/api/customers/${id}`)).body.customer;
    expect(customer.stage).toBe('active');
    expect(customer.stage_changed_at).toBe(history.body.data[0].changed_at);
  });

  it('ranks customers to contact without the unreliable model, with a reason in words', async () => {
    const list = await api.request('GET', '/api/insights/contact-list?limit=5');
    expect(list.status).toBe(200);
    expect(list.body.ranking).toBe('spend_at_risk');
    expect(list.body.note).toMatch(/purchase model is unreliable on this data \(no better than a simpler model on the hold-out period/);
    expect(list.body.data.length).toBeGreaterThan(0);
    expect(list.body.data.length).toBeLessThanOrEqual(5);
    const values = list.body.data.map((e: any) => e.spend_at_risk);
    expect(values).toEqual([...values].sort((p, q) => q - p));
    for (const e of list.body.data) {
      expect(['active', 'inactive']).toContain(e.stage);
      expect(e.reason).toMatch(/^spent (€|\$|£|[A-Z]{3}\u00a0)[\d,]+\.\d\d so far, \d+% churn risk: /);
      expect(e.value_at_risk).toBeNull();
      expect(e.spend_at_risk).toBeCloseTo(e.revenue * e.churn_risk, 1);
    }
  });

  it('segments customers with k-means and lists members with ?segment=', async () => {
    const res = await api.request('POST', '/api/segmentations', { features: ['income', 'age'], k: 3, standardize: true, seed: 1 });
    expect(res.status).toBe(201);
    const seg = res.body;
    expect(seg.segments).toHaveLength(3);
    expect(seg.segments.reduce((s: number, x: any) => s + x.size, 0)).toBe(60);
    expect(seg.imputation.income).toEqual({ missing: 5, median: 60000 });
    expect(seg.imputation_note).toMatch(/median/);
    const rich = seg.segments.find((s: any) => s.centroid.income > 100000);
    expect(rich.size).toBe(20);
    expect(rich.description).toMatch(/high income/);
    expect(rich.description).toMatch(/older/);
    const poor = seg.segments.find((s: any) => s.centroid.income < 40000);
    expect(poor.description).toMatch(/low income/);

    const members = await api.request('GET', `/api/customers?segment=${rich.id}&limit=100`);
    expect(members.status).toBe(200);
    expect(members.body.data).toHaveLength(20);
    expect(members.body.data.every((c: any) => c.income === 120000 && c.segment_id === rich.id)).toBe(true);
    const combined = await api.request('GET', `/api/customers?segment=${rich.id}&age=45&limit=100`);
    expect(combined.body.data.length).toBe(7);
    // A number is the segment's k-means label in the newest segmentation (0 to k - 1).
    expect(rich.label).toBe(rich.position - 1);
    const byLabel = await api.request('GET', `/api/customers?segment=${rich.label}&limit=100`);
    expect(byLabel.body.data).toHaveLength(20);
    const missing = await api.request('GET', '/api/customers?segment=seg_nope');
    expect(missing.status).toBe(400);
    expect(missing.body.error.fields.segment).toBeTruthy();

    const again = await api.request('GET', `/api/segmentations/${seg.id}`);
    expect(again.body.inertia).toBeCloseTo(seg.inertia, 9);
    expect(again.body.suggestion).toBeNull();

    const auto = await api.request('POST', '/api/segmentations', { features: ['income', 'order_count', 'recency'], k: 'auto', seed: 2 });
    expect(auto.status).toBe(201);
    expect(auto.body.k_suggested).toBe(true);
    expect(auto.body.suggestion.candidates.length).toBeGreaterThan(3);
    expect(auto.body.suggestion.candidates[0]).toEqual({ k: 2, inertia: expect.any(Number), silhouette: expect.any(Number) });
    expect(auto.body.k).toBe(auto.body.suggestion.k);

    const bad = await api.request('POST', '/api/segmentations', { features: ['shoe_size'], k: 2 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.features).toBeTruthy();
  });

  it('keeps saved-filter segments next to model segments', async () => {
    const created = await api.request('POST', '/api/segments', { name: 'Big earners', filter: { field: 'income', op: 'gte', value: 100000 } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ kind: 'filter', size: 20 });
    const list = await api.request('GET', '/api/segments');
    expect(list.status).toBe(200);
    const kinds = list.body.data.map((s: any) => s.kind);
    expect(kinds).toContain('model');
    expect(kinds).toContain('filter');
    const members = await api.request('GET', `/api/customers?segment=${created.body.id}&limit=100`);
    expect(members.body.data).toHaveLength(20);
    const badFilter = await api.request('POST', '/api/segments', { name: 'x', filter: { field: 'nope', op: 'eq', value: 1 } });
    expect(badFilter.status).toBe(400);
    expect((await api.request('DELETE', `/api/segments/${created.body.id}`)).status).toBe(204);
  });

  it('predicts a purchase probability in the seed shape', async () => {
    await runInsights({ database: api.db.database, actor: 'test' }, { asOf, timeUnit: 'days' });
    const res = await api.request('GET', '/api/predict?age=30&income=50000&segment=1');
    expect(res.status).toBe(200);
    expect(Object.keys(res.body)).toContain('predicted_purchase_probability');
    expect(res.body.inputs.find((i: any) => i.name === 'age')).toMatchObject({ value: 30, source: 'given' });
    expect(res.body.predicted_purchase_probability).toBeGreaterThan(0);
    expect(res.body.predicted_purchase_probability).toBeLessThan(1);
    const frequent = await api.request('GET', '/api/predict?order_count=12&days_since_last_order=5&income=120000');
    const lapsed = await api.request('GET', '/api/predict?order_count=1&days_since_last_order=500&income=30000');
    expect(frequent.body.predicted_purchase_probability).toBeGreaterThan(lapsed.body.predicted_purchase_probability);
    expect((await api.request('GET', '/api/predict')).status).toBe(200);
    expect((await api.request('GET', '/api/predict?segment=99')).status).toBe(400);
  });

  it('suggests products bought together', async () => {
    const id = data.groups.frequent[0];
    const res = await api.request('GET', `/api/customers/${id}/suggestions`);
    expect(res.status).toBe(200);
    expect(res.body.data[0]).toMatchObject({ sku: 'P2', because: [data.products[0].id] });
    expect(res.body.data[0].reason).toBe('often bought together with Product P1');
    expect(res.body.data.map((s: any) => s.sku)).not.toContain('P1');
    expect((await api.request('GET', '/api/customers/cus_nope/suggestions')).status).toBe(404);
  });

  it('compares two conversion rates', async () => {
    const res = await api.request('GET', '/api/insights/ab-test?visitors_a=1000&conversions_a=100&visitors_b=1000&conversions_b=130');
    expect(res.status).toBe(200);
    expect(res.body.probability_b_beats_a).toBeGreaterThan(0.95);
    expect(res.body.expected_loss_choosing_b).toBeLessThan(res.body.expected_loss_choosing_a);
    const post = await api.request('POST', '/api/abtest', { visitors_a: 1000, conversions_a: 100, visitors_b: 1000, conversions_b: 130 });
    expect(post.body.probability_b_beats_a).toBeCloseTo(res.body.probability_b_beats_a, 12);
    expect((await api.request('GET', '/api/insights/ab-test?visitors_a=10&conversions_a=20&visitors_b=10&conversions_b=1')).status).toBe(400);
  });
});
