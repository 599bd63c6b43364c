import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../test/engines.js';
import { testApi, type TestApi } from '../test/api-client.js';
import { rebuildReportRollups } from './rollups.js';

describe.each(engines)('report rollups follow segmentation events on %s', (engine) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await testApi(engine);
    for (let i = 0; i < 8; i++) {
      const c = await api.request('POST', '/api/customers', { first_name: `Seg${i}`, email: `seg${i}@example.com`, income: i < 4 ? 20000 + i * 1000 : 150000 + i * 1000, age: 20 + i * 5 });
      expect(c.status).toBe(201);
      const o = await api.request('POST', '/api/orders', { customer_id: c.body.id, ordered_at: `2025-0${1 + (i % 3)}-10T10:00:00.000Z`, total: 10 + i, status: 'paid', currency: 'EUR' });
      expect(o.status).toBe(201);
    }
  });
  afterAll(async () => api?.close());

  const months = async () =>
    (await api.db.database.db.selectFrom('report_customer_months').select(['customer_id', 'month', 'segment_id']).orderBy('customer_id').orderBy('month').execute()).map(
      (r) => `${r.customer_id} ${r.month} ${r.segment_id}`,
    );
  const state = async () => (await api.db.database.db.selectFrom('report_rollup_state').select('value').where('name', '=', 'segmentation').executeTakeFirst())?.value;

  it('a segmentation that moves customers re-keys the rollups in its own transaction, as a rebuild would', async () => {
    const first = await api.request('POST', '/api/segmentations', { features: ['income'], k: 2, seed: 1 });
    expect(first.status).toBe(201);
    const second = await api.request('POST', '/api/segmentations', { features: ['age'], k: 3, seed: 2 });
    expect(second.status).toBe(201);
    // No report was read: the second segmentation's customer.segment_changed events brought the rollups up to date.
    expect(await state()).toBe(second.body.id);
    const segments = new Set((await api.db.database.db.selectFrom('customers').select('segment_id').execute()).map((r) => r.segment_id as string));
    const keyed = await months();
    expect(keyed).toHaveLength(8);
    expect(keyed.every((row) => segments.has(row.split(' ')[2]))).toBe(true);
    expect(second.body.segments.map((s: { id: string }) => s.id)).toEqual(expect.arrayContaining([...segments]));
    await rebuildReportRollups(api.db.database.db);
    expect(await months()).toEqual(keyed);
  }, 120_000);
});
