import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listEvents } from '../core/events.js';
import { engines, freshDatabase, type TestDatabase } from '../test/engines.js';
import { seedCustomers, seedOrders, type SeedOrder } from './fixtures.js';
import { runInsights } from './run.js';
import { crossings, defaultScoreThresholds } from './score-events.js';

const day = (iso: string, daysBefore: number) => new Date(Date.parse(`${iso}T12:00:00Z`) - daysBefore * 86_400_000).toISOString();

type Scores = Map<string, { stage: string | null; p_alive: number | null; churn_risk: number | null; clv: number | null }>;

async function scores(t: TestDatabase): Promise<Scores> {
  const rows = await t.database.db.selectFrom('customers').select(['id', 'stage', 'p_alive', 'churn_risk', 'clv']).execute();
  const n = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  return new Map(rows.map((r) => [r.id as string, { stage: (r.stage as string | null) ?? null, p_alive: n(r.p_alive), churn_risk: n(r.churn_risk), clv: n(r.clv) }]));
}

for (const engine of engines) {
  describe(`insight run events on ${engine}`, () => {
    let t: TestDatabase;
    beforeAll(async () => {
      t = await freshDatabase(engine);
      // Regular buyers up to January; nobody buys after that, so by autumn they drift away.
      const ids = await seedCustomers(
        t.database,
        Array.from({ length: 40 }, (_, i) => ({ first_name: `Buyer${i}` })),
      );
      const orders: SeedOrder[] = [];
      ids.forEach((id, i) => {
        const purchases = 2 + (i % 6);
        for (let k = 0; k < purchases; k++) orders.push({ customer_id: id, ordered_at: day('2026-01-31', 3 + (i % 9) * 4 + k * (20 + (i % 5) * 15)), total: 40 + (i % 7) * 10 });
      });
      await seedOrders(t.database, orders);
    });
    afterAll(async () => t?.drop());

    it('emits nothing on a first scoring, then each stage change and threshold crossing of the next run', async () => {
      const ctx = { database: t.database, actor: 'test' };
      await runInsights(ctx, { asOf: '2026-01-31', timeUnit: 'days', crossSell: false });
      expect(await listEvents(t.database, { types: ['customer.stage_changed', 'customer.score_crossed'], limit: 1000 })).toEqual([]);
      const before = await scores(t);
      const run = await runInsights(ctx, { asOf: '2026-10-31', timeUnit: 'days', crossSell: false });
      const after = await scores(t);
      const events = await listEvents(t.database, { types: ['customer.stage_changed', 'customer.score_crossed'], limit: 1000 });

      const expectedStages = [...after].filter(([id, s]) => before.get(id)!.stage !== s.stage).map(([id, s]) => `${id}:${before.get(id)!.stage}->${s.stage}`);
      const stageEvents = events.filter((e) => e.type === 'customer.stage_changed');
      expect(stageEvents.map((e) => `${e.entity_id}:${e.data!.from}->${e.data!.to}`).sort()).toEqual(expectedStages.sort());
      expect(stageEvents.length).toBeGreaterThan(0);

      const expectedCrossings: string[] = [];
      for (const [id, s] of after) {
        for (const score of ['p_alive', 'churn_risk', 'clv'] as const) {
          for (const c of crossings(before.get(id)![score], s[score], defaultScoreThresholds[score])) expectedCrossings.push(`${id}:${score}:${c.threshold}:${c.direction}`);
        }
      }
      const crossingEvents = events.filter((e) => e.type === 'customer.score_crossed');
      expect(crossingEvents.map((e) => `${e.entity_id}:${e.data!.score}:${e.data!.threshold}:${e.data!.direction}`).sort()).toEqual(expectedCrossings.sort());
      expect(crossingEvents.some((e) => e.data!.score === 'p_alive' && e.data!.direction === 'down')).toBe(true);
      expect(events.every((e) => e.actor === `insights:${run.id}` && e.data!.run_id === run.id)).toBe(true);
    });
  });
}
