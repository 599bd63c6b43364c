/**
 * The purchase model is honest: trained only on what was known at its cutoff, evaluated against a
 * recency baseline, and /api/predict says which inputs it used and which it ignored, and why.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshOrderFigures } from '../sales/figures.js';
import { testApi, type TestApi } from '../test/api-client.js';
import { engines } from '../test/engines.js';
import { seedCustomers, seedOrders, type SeedOrder } from './fixtures.js';
import { runInsights } from './run.js';

const asOf = '2026-01-31';
const windowDays = 90;
/** An instant this many days before the as-of day (noon UTC). */
const day = (daysBefore: number) => new Date(Date.parse(`${asOf}T12:00:00Z`) - daysBefore * 86_400_000).toISOString();

/**
 * 70 customers with ages and no income: 30 recent buyers at the cutoff (24 buy again after it), 30 lapsed
 * ones (4 come back), 10 leads. Returns the ids of those who bought after the cutoff.
 */
async function seed(api: TestApi): Promise<{ all: string[]; returned: string[] }> {
  const database = api.db.database;
  const recent = await seedCustomers(
    database,
    Array.from({ length: 30 }, (_, i) => ({ first_name: `Recent${i}`, age: 20 + ((i * 7) % 50) })),
  );
  const lapsed = await seedCustomers(
    database,
    Array.from({ length: 30 }, (_, i) => ({ first_name: `Lapsed${i}`, age: 22 + ((i * 11) % 45) })),
  );
  await seedCustomers(
    database,
    Array.from({ length: 10 }, (_, i) => ({ first_name: `Lead${i}`, age: 30 + i })),
  );
  const orders: SeedOrder[] = [];
  const returned: string[] = [];
  recent.forEach((id, i) => {
    for (let k = 0; k < 2 + (i % 5); k++) orders.push({ customer_id: id, ordered_at: day(windowDays + 10 + (i % 30) + k * (20 + (i % 13))), total: 40 + (i % 7) * 5 });
    if (i < 24) {
      orders.push({ customer_id: id, ordered_at: day(5 + (i % 60)), total: 45 });
      returned.push(id);
    }
  });
  lapsed.forEach((id, i) => {
    for (let k = 0; k < 1 + (i % 3); k++) orders.push({ customer_id: id, ordered_at: day(windowDays + 200 + i * 6 + k * (15 + i)), total: 30 + (i % 5) * 4 });
    if (i < 4) {
      orders.push({ customer_id: id, ordered_at: day(20 + i * 9), total: 35 });
      returned.push(id);
    }
  });
  await seedOrders(database, orders);
  const all = [...recent, ...lapsed];
  await database.db.transaction().execute((trx) => refreshOrderFigures(trx, all, new Date(`${asOf}T23:00:00Z`)));
  return { all, returned };
}

describe.each(engines)('honest purchase prediction on %s', (engine) => {
  let api: TestApi;
  let data: Awaited<ReturnType<typeof seed>>;
  const run = () => runInsights({ database: api.db.database, actor: 'test' }, { asOf, timeUnit: 'days', crossSell: false, predictionWindowDays: windowDays });
  const model = async () => (await api.request('GET', '/api/models?kind=purchase_probability&limit=1')).body.data[0];
  beforeAll(async () => {
    api = await testApi(engine);
    data = await seed(api);
  }, 120_000);
  afterAll(async () => api?.close());

  it('trains on what was known at the cutoff: orders after it and a segmentation of today change nothing but the labels', async () => {
    // Segments of today's figures, which include the purchases the model predicts.
    expect((await api.request('POST', '/api/segmentations', { features: ['order_count', 'revenue', 'recency'], k: 3, seed: 1 })).status).toBe(201);
    await run();
    const first = await model();
    // Those who came back buy much more after the cutoff (their labels stay 1), and are segmented again.
    await seedOrders(
      api.db.database,
      data.returned.map((id, i) => ({ customer_id: id, ordered_at: day(2 + (i % 3)), total: 900 })),
    );
    await api.db.database.db.transaction().execute((trx) => refreshOrderFigures(trx, data.returned, new Date(`${asOf}T23:00:00Z`)));
    expect((await api.request('POST', '/api/segmentations', { features: ['order_count', 'revenue', 'recency'], k: 3, seed: 1 })).status).toBe(201);
    await run();
    const second = await model();
    expect(second.id).not.toBe(first.id);
    expect(second.params.features).toEqual(first.params.features);
    for (const f of first.params.features) expect(second.params.coefficients[f]).toBeCloseTo(first.params.coefficients[f], 9);
    expect(second.params.intercept).toBeCloseTo(first.params.intercept, 9);
    expect(second.metrics.auc).toBe(first.metrics.auc);
    // Recency at the cutoff predicts a purchase, and the sign says so.
    expect(first.params.coefficients.days_since_last_order).toBeLessThan(0);
  });

  it('reports AUC, Brier score and a calibration table on the held-out split, next to the recency-only baseline', async () => {
    const m = (await model()).metrics;
    expect(m.test).toBeGreaterThan(0);
    expect(m.train + m.test).toBe(m.population);
    expect(m.population).toBe(60);
    for (const figures of [m, m.baseline]) {
      expect(figures.auc).toBeGreaterThanOrEqual(0);
      expect(figures.auc).toBeLessThanOrEqual(1);
      expect(figures.brier).toBeGreaterThanOrEqual(0);
      expect(figures.brier).toBeLessThanOrEqual(1);
      expect(figures.calibration.reduce((s: number, b: { count: number }) => s + b.count, 0)).toBe(m.test);
    }
    expect(m.baseline.features).toEqual(['days_since_last_order']);
    expect(['strong', 'useful', 'weak', 'no better than guessing', 'no better than recency alone']).toContain(m.quality);
  });

  it('names the inputs it used and those it ignored, with the reason', async () => {
    const young = await api.request('GET', '/api/predict?age=30&income=50000&segment=1');
    expect(young.status).toBe(200);
    expect(young.body.ignored).toContainEqual({ name: 'income', reason: expect.stringMatching(/^no customer has an income/) });
    expect(young.body.inputs.map((i: { name: string }) => i.name)).not.toContain('income');
    expect(young.body.inputs).toContainEqual({ name: 'age', value: 30, source: 'given', coefficient: expect.any(Number) });
    // The segment's centre stands in for the inputs not given.
    expect(young.body.segment).toMatchObject({ number: 1, supplied: ['order_count', 'revenue', 'days_since_last_order'] });
    expect(young.body.inputs.find((i: { name: string }) => i.name === 'order_count').source).toBe('segment');
    expect(young.body.inputs.find((i: { name: string }) => i.name === 'purchase_frequency').source).toBe('training_median');
    const old = await api.request('GET', '/api/predict?age=80&income=0&segment=1');
    expect(old.body.predicted_purchase_probability).not.toBe(young.body.predicted_purchase_probability);
    expect(old.body.warnings.some((w: string) => w.startsWith('age 80 is outside what the model was trained on'))).toBe(true);

    const lapsed = await api.request('GET', '/api/predict?order_count=1&days_since_last_order=900');
    const recent = await api.request('GET', '/api/predict?order_count=1&days_since_last_order=5');
    expect(lapsed.body.predicted_purchase_probability).toBeLessThan(recent.body.predicted_purchase_probability);
    expect(lapsed.body.model.quality).toBe((await model()).metrics.quality);

    const unknown = await api.request('GET', '/api/predict?age=30&shoe_size=42');
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.fields.shoe_size).toBeTruthy();
    const noSegment = await api.request('GET', '/api/predict?segment=7');
    expect(noSegment.status).toBe(400);
    expect(noSegment.body.error.fields.segment[0]).toMatch(/0 to 2/);
  });

  it('follows the seed article: segment first, then list ?segment=0 and predict with the new segments at once', async () => {
    const seg = await api.request('POST', '/api/segmentations', { features: ['age', 'purchase_frequency'], k: 2, seed: 3 });
    expect(seg.status).toBe(201);
    expect(seg.body.segments.map((s: { label: number; name: string }) => [s.label, s.name])).toEqual([
      [0, 'Segment 0'],
      [1, 'Segment 1'],
    ]);
    const members = await api.request('GET', '/api/customers?segment=0&limit=100');
    expect(members.status).toBe(200);
    expect(members.body.data).toHaveLength(seg.body.segments[0].size);
    expect(members.body.data.every((c: { segment_id: string }) => c.segment_id === seg.body.segments[0].id)).toBe(true);
    const missing = await api.request('GET', '/api/customers?segment=2');
    expect(missing.status).toBe(400);
    expect(missing.body.error.fields.segment[0]).toMatch(/0 to 1/);
    // No new insight run: the model answers from the new segmentation's centres.
    const predicted = await api.request('GET', '/api/predict?age=30&segment=1');
    expect(predicted.status).toBe(200);
    expect(predicted.body.segment).toMatchObject({ number: 1, id: seg.body.segments[1].id, segmentation_id: seg.body.id, supplied: ['purchase_frequency'] });
    const byId = await api.request('GET', `/api/predict?age=30&segment=${seg.body.segments[1].id}`);
    expect(byId.body.predicted_purchase_probability).toBe(predicted.body.predicted_purchase_probability);
  });
});
