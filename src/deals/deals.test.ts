import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../core/context.js';
import type { Db } from '../core/database.js';
import { AppError } from '../core/errors.js';
import { interactions } from '../activities/interactions.js';
import { customers } from '../customers/index.js';
import { mergeCustomersIn, undoMergeIn } from '../duplicates/merge.js';
import { eraseCustomer } from '../customer360/erase.js';
import { exportCustomer } from '../customer360/export.js';
import { engines, freshDatabase, type TestDatabase } from '../test/engines.js';
import { createPipelineIn, listPipelines, updatePipelineIn, type Pipeline } from './pipelines.js';
import { posteriorMean, minClosedDeals } from './probability.js';
import { createDeal, getDeal, moveDeal, moveDealsOfStage, winDeal } from './service.js';
import { learntProbabilities, openDealsAtStake } from './stake.js';

for (const engine of engines) {
  describe(`deals on ${engine}`, () => {
    let t: TestDatabase;
    let ctx: Ctx;
    let db: Db;
    let sales: Pipeline;
    const tx = <T>(fn: (trx: Db) => Promise<T>) => db.transaction().execute(fn);
    const stageId = (p: Pipeline, name: string) => p.stages.find((s) => s.name === name)!.id;
    const eventsOf = async (dealId: string) =>
      (await db.selectFrom('events').select(['type', 'data']).where('entity_id', '=', dealId).orderBy('seq').execute()).map((e) => ({ type: e.type as string, data: JSON.parse(e.data as string) }));
    const stageChanges = (dealId: string) => db.selectFrom('deal_stage_changes').selectAll().where('deal_id', '=', dealId).orderBy('entered_at').orderBy('id').execute();
    const fails = async (p: Promise<unknown>) => {
      try {
        await p;
      } catch (e) {
        expect(e).toBeInstanceOf(AppError);
        return e as AppError;
      }
      throw new Error('expected an error');
    };

    beforeAll(async () => {
      t = await freshDatabase(engine);
      db = t.database.db;
      ctx = { database: t.database, actor: 'test' };
    }, 180_000);
    afterAll(async () => t?.drop());

    it('seeds a default pipeline once, even on two first uses at the same time, with ordered stages of each kind', async () => {
      const [first, second] = await Promise.all([listPipelines(db), listPipelines(db)]);
      expect(first).toEqual(second);
      expect(first).toHaveLength(1);
      [sales] = first;
      expect(
        Number(
          (
            await db
              .selectFrom('pipeline_stages')
              .select((eb) => eb.fn.countAll().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        ),
      ).toBe(6);
      expect(sales.stages.map((s) => [s.name, s.kind])).toEqual([
        ['Lead', 'open'],
        ['Qualified', 'open'],
        ['Proposal', 'open'],
        ['Negotiation', 'open'],
        ['Won', 'won'],
        ['Lost', 'lost'],
      ]);
      expect(sales.rotten_days).toBe(30);
    });

    it('opens a deal on the first stage, in the business currency, valued from its lines', async () => {
      const [customer] = await tx((trx) => customers.createIn(trx, ctx, [{ first_name: 'Ada', email: 'ada@example.com' }]));
      const deal = await tx((trx) =>
        createDeal(trx, ctx, {
          title: 'Website',
          customer_id: customer.id,
          source: 'form',
          lines: [
            { product_name: 'Design', quantity: 2, unit_price: 400 },
            { product_name: 'Hosting', unit_price: 150.5 },
          ],
        }),
      );
      expect(deal).toMatchObject({ pipeline_id: sales.id, stage_id: stageId(sales, 'Lead'), status: 'open', currency: 'EUR', value: 950.5, source: 'form' });
      expect((deal.lines as unknown[]).length).toBe(2);
      const events = await eventsOf(deal.id as string);
      expect(events.map((e) => e.type)).toEqual(['deal.created']);
      expect(events[0].data.record).toMatchObject({ source: 'form', value: 950.5, stage_id: stageId(sales, 'Lead') });
      expect(events[0].data.record.title).toBeUndefined();
      const history = await stageChanges(deal.id as string);
      expect(history).toHaveLength(1);
      expect(history[0]).toMatchObject({ from_stage_id: null, to_stage_id: stageId(sales, 'Lead'), left_at: null });
    });

    it('records every stage change with its time, and the won event', async () => {
      const deal = await tx((trx) => createDeal(trx, ctx, { title: 'Consulting', value: 1000 }));
      const id = deal.id as string;
      await tx((trx) => moveDeal(trx, ctx, id, stageId(sales, 'Qualified')));
      await tx((trx) => moveDeal(trx, ctx, id, stageId(sales, 'Proposal')));
      const won = await tx((trx) => winDeal(trx, ctx, id));
      expect(won).toMatchObject({ status: 'won', stage_id: stageId(sales, 'Won') });
      expect(won.closed_at).toBeTruthy();
      const history = await stageChanges(id);
      expect(history.map((h) => [h.from_stage_id, h.to_stage_id])).toEqual([
        [null, stageId(sales, 'Lead')],
        [stageId(sales, 'Lead'), stageId(sales, 'Qualified')],
        [stageId(sales, 'Qualified'), stageId(sales, 'Proposal')],
        [stageId(sales, 'Proposal'), stageId(sales, 'Won')],
      ]);
      // Each stage was left when the next was entered; the current one is still open.
      for (let i = 0; i < history.length - 1; i++) {
        expect(history[i].left_at).toBe(history[i + 1].entered_at);
        expect(Date.parse(history[i].left_at as string)).toBeGreaterThanOrEqual(Date.parse(history[i].entered_at as string));
      }
      expect(history[3].left_at).toBeNull();
      const types = (await eventsOf(id)).map((e) => e.type);
      expect(types.filter((t) => t === 'deal.stage_changed')).toHaveLength(3);
      expect(types).toContain('deal.won');
      const changed = (await eventsOf(id)).find((e) => e.type === 'deal.stage_changed')!;
      expect(changed.data).toMatchObject({ from: stageId(sales, 'Lead'), to: stageId(sales, 'Qualified'), status: 'open' });
      // Winning again changes nothing.
      await tx((trx) => winDeal(trx, ctx, id));
      expect(await stageChanges(id)).toHaveLength(4);
    });

    it('refuses a stage of another pipeline with a 400 and changes nothing', async () => {
      const other = await tx((trx) =>
        createPipelineIn(trx, ctx, {
          name: 'Partners',
          stages: [
            { name: 'Talk', probability: 0.3 },
            { name: 'Signed', kind: 'won' },
            { name: 'Dropped', kind: 'lost' },
          ],
        }),
      );
      const deal = await tx((trx) => createDeal(trx, ctx, { title: 'Retainer', value: 500 }));
      const id = deal.id as string;
      const before = await getDeal(db, id);
      const eventsBefore = await eventsOf(id);
      const error = await fails(tx((trx) => moveDeal(trx, ctx, id, stageId(other, 'Talk'))));
      expect(error.status).toBe(400);
      expect(error.fields?.stage_id).toBeDefined();
      expect(await getDeal(db, id)).toEqual(before);
      expect(await eventsOf(id)).toEqual(eventsBefore);
      expect(await stageChanges(id)).toHaveLength(1);
      const unknown = await fails(tx((trx) => moveDeal(trx, ctx, id, 'stg_nope')));
      expect(unknown.status).toBe(400);
      expect((await fails(tx((trx) => moveDeal(trx, ctx, 'dea_nope', stageId(sales, 'Won'))))).status).toBe(404);
    });

    it('asks for a lost reason and emits deal.lost', async () => {
      const deal = await tx((trx) => createDeal(trx, ctx, { title: 'Audit', value: 200 }));
      const id = deal.id as string;
      const error = await fails(tx((trx) => moveDeal(trx, ctx, id, stageId(sales, 'Lost'))));
      expect(error.fields?.lost_reason).toBeDefined();
      expect((await getDeal(db, id)).status).toBe('open');
      const lost = await tx((trx) => moveDeal(trx, ctx, id, stageId(sales, 'Lost'), { lostReason: 'Too expensive' }));
      expect(lost).toMatchObject({ status: 'lost', lost_reason: 'Too expensive' });
      const events = await eventsOf(id);
      expect(events.find((e) => e.type === 'deal.lost')?.data).toMatchObject({ value: 200, stage_id: stageId(sales, 'Lost') });
      // Reopened: open again, closing time and reason cleared.
      const reopened = await tx((trx) => moveDeal(trx, ctx, id, stageId(sales, 'Proposal')));
      expect(reopened).toMatchObject({ status: 'open', closed_at: null, lost_reason: null });
    });

    it('learns each stage probability from the deals that passed through it', async () => {
      const p = await tx((trx) =>
        createPipelineIn(trx, ctx, {
          name: 'Learning',
          stages: [
            { name: 'A', probability: 0.5 },
            { name: 'B', probability: 0.8 },
            { name: 'W', kind: 'won' },
            { name: 'L', kind: 'lost' },
          ],
        }),
      );
      // 6 deals pass A then B and win; 2 pass A and are lost there; 3 pass A and B and are lost.
      const run = async (path: string[], end: 'W' | 'L') => {
        const d = await tx((trx) => createDeal(trx, ctx, { title: 'x', value: 100, pipeline_id: p.id }));
        for (const s of path.slice(1)) await tx((trx) => moveDeal(trx, ctx, d.id as string, stageId(p, s)));
        await tx((trx) => moveDeal(trx, ctx, d.id as string, stageId(p, end), end === 'L' ? { lostReason: 'no' } : {}));
      };
      for (let i = 0; i < 6; i++) await run(['A', 'B'], 'W');
      for (let i = 0; i < 2; i++) await run(['A'], 'L');
      for (let i = 0; i < 3; i++) await run(['A', 'B'], 'L');
      const open = await tx((trx) => createDeal(trx, ctx, { title: 'open', value: 1000, pipeline_id: p.id }));
      await tx((trx) => moveDeal(trx, ctx, open.id as string, stageId(p, 'B')));
      const learnt = await learntProbabilities(db, p.id);
      const a = learnt.find((s) => s.name === 'A')!;
      const b = learnt.find((s) => s.name === 'B')!;
      expect(a).toMatchObject({ configured: 0.5, won: 6, lost: 5, deals_seen: 11, basis: 'learnt' });
      expect(a.learnt).toBeCloseTo((0.5 * 10 + 6) / (10 + 11), 12);
      expect(b).toMatchObject({ configured: 0.8, won: 6, lost: 3, deals_seen: 9 });
      expect(b.learnt).toBeCloseTo(posteriorMean(0.8, 6, 3), 12);
      expect(b.learnt).toBeCloseTo((8 + 6) / 19, 12);
      expect(b.deals_seen).toBeGreaterThanOrEqual(minClosedDeals);
      const stake = await openDealsAtStake(db, new Date(), { pipelineId: p.id });
      expect(stake).toHaveLength(1);
      expect(stake[0]).toMatchObject({ deal_id: open.id, value: 1000, probability_basis: 'learnt', rotten: false });
      expect(stake[0].expected_value).toBeCloseTo(1000 * b.learnt, 9);
    });

    it("keeps a deal's last activity from its customer's interactions and flags rotten deals", async () => {
      const [customer] = await tx((trx) => customers.createIn(trx, ctx, [{ first_name: 'Bo' }]));
      const deal = await tx((trx) => createDeal(trx, ctx, { title: 'Old', value: 300, customer_id: customer.id }));
      const id = deal.id as string;
      const old = new Date(Date.now() - 45 * 86_400_000).toISOString();
      await db.updateTable('deals').set({ last_activity_at: old, created_at: old }).where('id', '=', id).execute();
      let [mine] = (await openDealsAtStake(db, new Date())).filter((d) => d.deal_id === id);
      expect(mine).toMatchObject({ rotten: true, days_without_activity: 45 });
      // Today's narrow read (rotten or named deals only) agrees with the full read.
      const fresh = await tx((trx) => createDeal(trx, ctx, { title: 'Fresh', value: 10, customer_id: customer.id }));
      const edge = await tx((trx) => createDeal(trx, ctx, { title: 'Edge', value: 20, customer_id: customer.id }));
      const rottenDays = Number(
        (
          await db
            .selectFrom('pipelines')
            .select('rotten_days')
            .where('id', '=', deal.pipeline_id as string)
            .executeTakeFirstOrThrow()
        ).rotten_days,
      );
      // Exactly rotten_days without activity is not yet rotten; one day more is.
      await db
        .updateTable('deals')
        .set({ last_activity_at: new Date(Date.now() - rottenDays * 86_400_000 - 60_000).toISOString() })
        .where('id', '=', edge.id as string)
        .execute();
      const full = await openDealsAtStake(db, new Date());
      const narrow = await openDealsAtStake(db, new Date(), { rottenOrIds: [fresh.id as string] });
      expect(narrow.map((d) => d.deal_id).sort()).toEqual([...full.filter((d) => d.rotten).map((d) => d.deal_id), fresh.id as string].sort());
      expect(narrow.find((d) => d.deal_id === edge.id)).toBeUndefined();
      expect(narrow.find((d) => d.deal_id === id)).toMatchObject(full.find((d) => d.deal_id === id)!);
      await interactions.create(ctx, [{ type: 'call', customer_id: customer.id, occurred_at: new Date(Date.now() - 2 * 86_400_000).toISOString() }]);
      [mine] = (await openDealsAtStake(db, new Date())).filter((d) => d.deal_id === id);
      expect(mine).toMatchObject({ rotten: false, days_without_activity: 2 });
    });

    it("moves a merged-away customer's deals to the winner, and back on undo", async () => {
      const [winner, loser] = await tx((trx) => customers.createIn(trx, ctx, [{ first_name: 'Win' }, { first_name: 'Lose' }]));
      const deal = await tx((trx) => createDeal(trx, ctx, { title: 'Follows', value: 5, customer_id: loser.id }));
      const merged = await tx((trx) => mergeCustomersIn(trx, ctx, winner.id as string, [loser.id as string]));
      expect((await getDeal(db, deal.id as string)).customer_id).toBe(winner.id);
      await tx((trx) => undoMergeIn(trx, ctx, merged.merge_id));
      expect((await getDeal(db, deal.id as string)).customer_id).toBe(loser.id);
    });

    it("exports a person's deals and erases their personal fields, keeping the figures", async () => {
      const [person] = await tx((trx) => customers.createIn(trx, ctx, [{ first_name: 'Eve', email: 'eve@example.com' }]));
      const deal = await tx((trx) => createDeal(trx, ctx, { title: 'Eve Smith website', value: 700, customer_id: person.id, notes: 'Eve prefers calls', source: 'form' }));
      const exported = await exportCustomer(ctx, person.id as string);
      expect(exported.deals.map((d) => d.title)).toEqual(['Eve Smith website']);
      await eraseCustomer(ctx, person.id as string);
      const after = await getDeal(db, deal.id as string);
      expect(after).toMatchObject({ title: 'Erased', notes: null, lost_reason: null, value: 700, source: 'form', status: 'open' });
      const audit = await db
        .selectFrom('audit_log')
        .select(['before_data', 'after_data'])
        .where('entity', '=', 'deals')
        .where('entity_id', '=', deal.id as string)
        .execute();
      expect(audit.length).toBeGreaterThan(0);
      expect(JSON.stringify(audit)).not.toContain('Eve');
    });

    it('deletes a stage only with a target stage for its deals', async () => {
      const p = await tx((trx) =>
        createPipelineIn(trx, ctx, {
          name: 'Edits',
          stages: [
            { name: 'One', probability: 0.2 },
            { name: 'Two', probability: 0.6 },
            { name: 'Won', kind: 'won' },
            { name: 'Lost', kind: 'lost' },
          ],
        }),
      );
      const deal = await tx((trx) => createDeal(trx, ctx, { title: 'Moves', value: 10, pipeline_id: p.id }));
      const kept = p.stages.filter((s) => s.name !== 'One').map((s) => ({ id: s.id, name: s.name, kind: s.kind, probability: s.probability }));
      const error = await fails(tx((trx) => updatePipelineIn(trx, ctx, p.id, { stages: kept }, moveDealsOfStage)));
      expect(error.status).toBe(400);
      expect((await getDeal(db, deal.id as string)).stage_id).toBe(stageId(p, 'One'));
      const updated = await tx((trx) => updatePipelineIn(trx, ctx, p.id, { stages: kept, move_deals: { [stageId(p, 'One')]: stageId(p, 'Two') } }, moveDealsOfStage));
      expect(updated.stages.map((s) => s.name)).toEqual(['Two', 'Won', 'Lost']);
      expect((await getDeal(db, deal.id as string)).stage_id).toBe(stageId(p, 'Two'));
      expect((await eventsOf(deal.id as string)).map((e) => e.type)).toContain('deal.stage_changed');
    });
  });
}
