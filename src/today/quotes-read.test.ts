import '../derived-data.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTransaction } from '../core/context.js';
import { newId } from '../core/ids.js';
import { listPipelines } from '../deals/pipelines.js';
import { createDealsIn } from '../deals/service.js';
import { engines, type TestDatabase } from '../test/engines.js';
import { loadToday } from './load.js';
import { todayBusiness } from './test-business.js';

const dayMs = 86_400_000;

describe.each(engines)('Today reads the waiting quotes that can make the list on %s', (engine) => {
  let t: TestDatabase;
  const now = new Date();
  beforeAll(async () => {
    const business = await todayBusiness(engine, 5, 'today-quotes.example');
    t = business.t;
    const { ctx, people } = business;
    const [pipeline] = await listPipelines(t.database.db);
    const open = pipeline.stages.filter((s) => s.kind === 'open');
    // Deals at every open stage, so that quotes on them are priced by different probabilities.
    const deals = await inTransaction(ctx, (trx) =>
      createDealsIn(
        trx,
        ctx,
        Array.from({ length: 12 }, (_, i) => ({ title: `Deal ${i}`, value: 1000 + i * 250, stage_id: open[i % open.length].id, customer_id: people[i % people.length].id })),
      ),
    );
    const stamp = new Date(now.getTime() - 3 * dayMs).toISOString();
    const rows = Array.from({ length: 260 }, (_, n) => {
      // Totals with ties, a few in another currency, about half on a deal, a few superseded or expired.
      const total = 100 + ((n * 7919) % 5000) - (n % 13 === 0 ? ((n * 7919) % 5000) % 100 : 0);
      return {
        id: newId('quote'),
        number: `Q-2026-${String(n + 1).padStart(4, '0')}`,
        version: 1,
        customer_id: people[n % people.length].id as string,
        deal_id: n % 2 ? (deals[n % deals.length].id as string) : null,
        status: n % 3 ? 'viewed' : 'sent',
        currency: n % 17 === 0 ? 'USD' : 'EUR',
        valid_until: new Date(now.getTime() + (n % 29 === 0 ? -2 : 20) * dayMs).toISOString().slice(0, 10),
        discount_percent: 0,
        subtotal: total,
        discount_total: 0,
        tax_total: 0,
        total,
        sent_at: stamp,
        viewed_at: n % 3 ? stamp : null,
        created_at: stamp,
        updated_at: stamp,
      };
    });
    for (let i = 0; i < rows.length; i += 50)
      await t.database.db
        .insertInto('quotes')
        .values(rows.slice(i, i + 50))
        .execute();
    // Due tasks about cheap quotes: priced by their quote though it is far from the list.
    const cheapest = [...rows].filter((r) => r.currency === 'EUR').sort((a, b) => a.total - b.total);
    const due = new Date(now.getTime() - dayMs).toISOString();
    await t.database.db
      .insertInto('tasks')
      .values(
        cheapest.slice(0, 3).map((q, i) => ({
          id: newId('task'),
          title: `Chase ${q.number}`,
          due_at: due,
          done: 0,
          linked_entity: 'quote',
          linked_id: q.id,
          customer_id: q.customer_id,
          created_at: due,
          updated_at: due,
          priority: i ? null : 'high',
        })),
      )
      .execute();
  });
  afterAll(() => t?.drop());

  it('gives the same list as reading every waiting quote, whatever the limit, and counts them all', async () => {
    const full = await loadToday(t.database.db, now, { limit: 1000, exhaustive: true });
    expect(full.counts.quote).toBeGreaterThan(200);
    expect(full.items.some((i) => i.kind === 'quote' && !i.comparable)).toBe(true);
    for (const limit of [1, 5, 20, 60, 1000]) {
      const narrow = await loadToday(t.database.db, now, { limit });
      expect(narrow.items, `limit ${limit}`).toEqual(full.items.slice(0, limit));
      expect(narrow.counts).toEqual(full.counts);
    }
    // The tasks about the cheapest quotes are priced by them.
    const tasks = full.items.filter((i) => i.kind === 'task');
    expect(tasks).toHaveLength(3);
    for (const task of tasks) expect(task.reason).toMatch(/quote Q-2026-/);
  });
});
