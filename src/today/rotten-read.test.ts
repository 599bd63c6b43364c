import '../derived-data.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTransaction } from '../core/context.js';
import { newId } from '../core/ids.js';
import { createPipelineIn, listPipelines } from '../deals/pipelines.js';
import { createDealsIn } from '../deals/service.js';
import { engines, type TestDatabase } from '../test/engines.js';
import { loadToday } from './load.js';
import { todayBusiness } from './test-business.js';

const dayMs = 86_400_000;

describe.each(engines)('Today reads the rotten deals that can make the list on %s', (engine) => {
  let t: TestDatabase;
  const now = new Date();
  let cheapRotten: string;
  beforeAll(async () => {
    const business = await todayBusiness(engine, 4, 'today-rotten.example');
    t = business.t;
    const { ctx, people } = business;
    const [sales] = await listPipelines(t.database.db);
    // A second pipeline that rots sooner (10 days), with probabilities that tie with the first's.
    const partners = await inTransaction(ctx, (trx) =>
      createPipelineIn(trx, ctx, {
        name: 'Partners',
        rotten_days: 10,
        stages: [
          { name: 'Talking', kind: 'open', probability: 0.2 },
          { name: 'Trial', kind: 'open', probability: 0.5 },
          { name: 'Signed', kind: 'won' },
          { name: 'Gone', kind: 'lost' },
        ],
      }),
    );
    const stages = [...sales.stages, ...partners.stages].filter((s) => s.kind === 'open');
    // Values from a short list, so that expected values tie within and across stages; a few in USD.
    const deals = await inTransaction(ctx, (trx) =>
      createDealsIn(
        trx,
        ctx,
        Array.from({ length: 180 }, (_, n) => ({
          title: `Deal ${n}`,
          value: [1000, 2000, 400, 4000, 800, 500][n % 6],
          currency: n % 11 === 0 ? 'USD' : 'EUR',
          stage_id: stages[n % stages.length].id,
          customer_id: people[n % people.length].id,
        })),
      ),
    );
    // Most idle for 40 days (rotten in both pipelines), some for 20 (rotten in Partners only), some
    // touched yesterday, and some never touched since they were made 50 days ago.
    const ago = (days: number) => new Date(now.getTime() - days * dayMs).toISOString();
    for (const [i, d] of deals.entries()) {
      const kind = i % 5;
      const patch = kind === 4 ? { last_activity_at: null, created_at: ago(50) } : { last_activity_at: ago(kind === 3 ? 1 : kind === 2 ? 20 : 40), created_at: ago(60) };
      await t.database.db
        .updateTable('deals')
        .set(patch)
        .where('id', '=', d.id as string)
        .execute();
    }
    // A due task about a cheap rotten deal: priced by it though the deal is far from the list.
    cheapRotten = deals.find((d, i) => i % 5 === 0 && d.value === 400 && d.currency === 'EUR')!.id as string;
    const due = ago(1);
    await t.database.db
      .insertInto('tasks')
      .values({ id: newId('task'), title: 'Chase the small deal', due_at: due, done: 0, linked_entity: 'deal', linked_id: cheapRotten, created_at: due, updated_at: due })
      .execute();
  });
  afterAll(() => t?.drop());

  it('gives the same list and counts as reading every rotten deal, whatever the limit', async () => {
    const full = await loadToday(t.database.db, now, { limit: 1000, exhaustive: true });
    const rotten = full.items.filter((i) => i.kind === 'deal');
    expect(full.counts.deal).toBe(rotten.length);
    expect(rotten.length).toBeGreaterThan(100);
    expect(rotten.some((i) => !i.comparable)).toBe(true);
    for (const limit of [1, 5, 20, 60, 1000]) {
      const narrow = await loadToday(t.database.db, now, { limit });
      expect(narrow.items, `limit ${limit}`).toEqual(full.items.slice(0, limit));
      expect(narrow.counts).toEqual(full.counts);
    }
    // The task about the cheap deal is priced by it.
    const task = full.items.find((i) => i.kind === 'task')!;
    expect(task.reason).toContain('Deal');
    expect(task.expected_value).toBeGreaterThan(0);
    expect(rotten.map((i) => i.id)).toContain(cheapRotten);
  });
});
