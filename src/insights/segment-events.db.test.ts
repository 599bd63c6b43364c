import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApi, type TestApi } from '../test/api-client.js';
import { engines } from '../test/engines.js';
import { seedCustomers } from './fixtures.js';

interface SegmentRef {
  id: string;
  label: number | null;
  name: string | null;
  segmentation_id: string | null;
}

describe.each(engines)('customer.segment_changed on %s', (engine) => {
  let api: TestApi;
  let ids: string[];
  beforeAll(async () => {
    api = await testApi(engine);
    // Two clear groups by age and income, and a third by income alone for the second segmentation.
    ids = await seedCustomers(
      api.db.database,
      Array.from({ length: 12 }, (_, i) => ({ first_name: `C${i}`, age: i < 6 ? 20 + i : 60 + i, income: i % 3 === 0 ? 10_000 + i : 90_000 + i })),
    );
  }, 120_000);
  afterAll(async () => api?.close());

  const changes = async () => {
    const rows = await api.db.database.db.selectFrom('events').select(['entity_id', 'data']).where('type', '=', 'customer.segment_changed').orderBy('seq').execute();
    return rows.map((r) => ({ customer: r.entity_id as string, ...(JSON.parse(r.data as string) as { from: SegmentRef; to: SegmentRef; segmentation_id: string }) }));
  };
  const segmentOf = async (id: string) => (await api.db.database.db.selectFrom('customers').select('segment_id').where('id', '=', id).executeTakeFirstOrThrow()).segment_id as string | null;

  it('emits nothing for customers segmented for the first time', async () => {
    const first = await api.request('POST', '/api/segmentations', { features: ['age'], k: 2, seed: 1 });
    expect(first.status).toBe(201);
    expect(await changes()).toEqual([]);
    for (const id of ids) expect(await segmentOf(id)).not.toBeNull();
  });

  it('names the segment before and after for every customer a new segmentation moves', async () => {
    const latecomer = (await seedCustomers(api.db.database, [{ first_name: 'Late', age: 40, income: 50_000 }]))[0];
    const before = new Map<string, string | null>();
    for (const id of ids) before.set(id, await segmentOf(id));
    const firstSegments = (await api.request('GET', '/api/segments')).body.data as { id: string; label: number; name: string; segmentation_id: string }[];
    const second = await api.request('POST', '/api/segmentations', { features: ['income'], k: 2, seed: 1 });
    expect(second.status).toBe(201);
    const events = await changes();
    // Every customer who had a segment has one of the new segmentation now; the latecomer had none.
    expect(events.map((e) => e.customer).sort()).toEqual([...ids].sort());
    for (const e of events) {
      const was = firstSegments.find((s) => s.id === before.get(e.customer))!;
      expect(e.from).toEqual({ id: was.id, label: was.label, name: was.name, segmentation_id: was.segmentation_id });
      expect(e.to.id).toBe(await segmentOf(e.customer));
      expect(e.to.segmentation_id).toBe(second.body.id);
      expect(e.segmentation_id).toBe(second.body.id);
      const now = second.body.segments.find((s: { id: string }) => s.id === e.to.id);
      expect(e.to).toMatchObject({ label: now.label, name: now.name });
    }
    // The income groups are the k-means labels: customers with the same income band share a segment.
    const low = events.filter((e) => ids.indexOf(e.customer) % 3 === 0).map((e) => e.to.id);
    expect(new Set(low).size).toBe(1);
    expect(events.some((e) => e.customer === latecomer)).toBe(false);
  });

  it('emits nothing when a segmentation is refused', async () => {
    const count = (await changes()).length;
    expect((await api.request('POST', '/api/segmentations', { features: ['shoe_size'], k: 2 })).status).toBe(400);
    expect((await changes()).length).toBe(count);
  });
});
