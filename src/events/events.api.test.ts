import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../core/context.js';
import { runImport } from '../imports/importer.js';
import { testApi, type TestApi } from '../test/api-client.js';
import { engines } from '../test/engines.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-events-'));

describe.each(engines)('domain events from every write path on %s', (engine) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await testApi(engine, { RAPPORT_DEFAULT_COUNTRY: 'GB' });
  });
  afterAll(async () => api?.close());

  const eventsOf = async (query: string) => {
    const res = await api.request('GET', `/api/events?limit=500&${query}`);
    expect(res.status).toBe(200);
    return res.body.data as { type: string; entity: string; entity_id: string; data: any; position: number; actor: string }[];
  };

  it('emits created, updated and deleted events without personal data, in commit order', async () => {
    const created = await api.request('POST', '/api/customers', { first_name: 'Ada', last_name: 'Lovelace', email: 'ada@example.com', phone: '020 7946 0001', source: 'web' });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    await api.request('PATCH', `/api/customers/${id}`, { city: 'London' });
    await api.request('PATCH', `/api/customers/${id}`, { city: 'London' }); // no change, no event
    const events = await eventsOf(`entity_id=${id}`);
    expect(events.map((e) => e.type)).toEqual(['customer.created', 'customer.updated']);
    expect(events[1].data.changed).toEqual(['city']);
    expect(events[0].actor).toMatch(/^token:/);
    const text = JSON.stringify(events);
    for (const personal of ['Ada', 'Lovelace', 'ada@example.com', '7946']) expect(text).not.toContain(personal);
    expect(events[1].position).toBeGreaterThan(events[0].position);

    const task = await api.request('POST', '/api/tasks', { title: 'Call back', customer_id: id });
    await api.request('PATCH', `/api/tasks/${task.body.id}`, { done: true });
    expect((await eventsOf(`entity_id=${task.body.id}`)).map((e) => e.type)).toEqual(['task.created', 'task.updated', 'task.completed']);

    const order = await api.request('POST', '/api/orders', { customer_id: id, ordered_at: '2026-01-10', total: 40 });
    const interaction = await api.request('POST', '/api/interactions', { customer_id: id, type: 'call', occurred_at: '2026-01-11T10:00:00Z' });
    expect(interaction.status).toBe(201);
    expect((await eventsOf(`entity_id=${order.body.id}`)).map((e) => [e.type, e.data.record.customer_id, e.data.record.total])).toEqual([['order.created', id, 40]]);
    expect((await eventsOf(`entity_id=${interaction.body.id}`)).map((e) => e.type)).toEqual(['interaction.created']);

    await api.request('DELETE', `/api/orders/${order.body.id}`);
    expect((await eventsOf(`type=order.deleted`)).map((e) => e.entity_id)).toEqual([order.body.id]);
  });

  it('emits merge and undo events, and one event per imported row plus import.completed', async () => {
    const a = await api.request('POST', '/api/customers', { first_name: 'Bob', last_name: 'Smith', email: 'bob@example.com' });
    const b = await api.request('POST', '/api/customers', { first_name: 'Robert', last_name: 'Smith', email: 'robert@example.com' });
    const merged = await api.request('POST', '/api/customers/merge', { winner_id: a.body.id, loser_ids: [b.body.id] });
    expect(merged.status).toBe(200);
    const [mergeEvent] = await eventsOf('type=customer.merged');
    expect(mergeEvent).toMatchObject({ entity_id: a.body.id, data: { merged_ids: [b.body.id], merge_id: merged.body.merge_id } });
    expect((await api.request('POST', `/api/merges/${merged.body.merge_id}/undo`)).status).toBe(204);
    expect((await eventsOf('type=customer.merge_undone'))[0].data.restored_ids).toEqual([b.body.id]);

    const file = path.join(dir, `customers-${engine}.csv`);
    fs.writeFileSync(file, 'customer_id,first_name,last_name,email\nS1,Mary,Jackson,mary@example.com\nS2,Dorothy,Vaughan,dorothy@example.com\nS3,Bad,Row,not-an-email\n');
    const ctx: Ctx = { database: api.db.database, actor: 'cli' };
    const batch = await runImport(ctx, file, { kind: 'customers', source: 'shop', merge: 'off' });
    const fromImport = (await eventsOf('type=customer.created')).filter((e) => e.actor === 'cli');
    expect(fromImport).toHaveLength(2);
    const [done] = await eventsOf('type=import.completed');
    expect(done).toMatchObject({ entity: 'import', entity_id: batch.id, data: { kind: 'customers', source: 'shop' } });
    expect(done.data.counts.created).toBe(2);
    expect(done.position).toBeGreaterThan(Math.max(...fromImport.map((e) => e.position)));
  });

  it('rejects an unknown event type and pages with `after`', async () => {
    const bad = await api.request('GET', '/api/events?type=customer.exploded');
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.type).toBeTruthy();
    const first = await api.request('GET', '/api/events?limit=2');
    const next = await api.request('GET', `/api/events?limit=2&after=${first.body.next_after}`);
    expect(next.body.data[0].position).toBe(first.body.data[1].position + 1);
    const types = await api.request('GET', '/api/events/types');
    expect(types.body.data.map((t: { type: string }) => t.type)).toContain('customer.stage_changed');
  });
});
