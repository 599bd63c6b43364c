/** The CDNOW check end to end through the database: import, insight run, stored parameters. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../core/context.js';
import { engines, freshDatabase, type TestDatabase } from '../test/engines.js';
import { importCdnow } from './fixtures.js';
import { parseJson } from './db.js';
import { runInsights } from './run.js';

describe.each(engines)('CDNOW insight run on %s', (engine) => {
  let t: TestDatabase;
  let ctx: Ctx;
  beforeAll(async () => {
    t = await freshDatabase(engine);
    ctx = { database: t.database, actor: 'test' };
    const imported = await importCdnow(t.database);
    expect(imported).toEqual({ customers: 2357, orders: 6919 });
  }, 120_000);
  afterAll(async () => t?.drop());

  it('reproduces the published BG/NBD and Gamma-Gamma parameters from stored orders', async () => {
    const result = await runInsights(ctx, { asOf: '1997-09-30', timeUnit: 'weeks', decimals: 2, crossSell: false });
    const stored = await t.database.db.selectFrom('insight_runs').selectAll().where('id', '=', result.id).executeTakeFirstOrThrow();
    const params = parseJson(stored.params);
    expect(params.bgnbd.time_unit).toBe('weeks');
    expect(params.bgnbd.r).toBeCloseTo(0.243, 3);
    expect(Math.abs(params.bgnbd.r - 0.243)).toBeLessThan(0.001);
    expect(Math.abs(params.bgnbd.alpha - 4.414)).toBeLessThan(0.001);
    expect(Math.abs(params.bgnbd.a - 0.793)).toBeLessThan(0.001);
    expect(Math.abs(params.bgnbd.b - 2.426)).toBeLessThan(0.001);
    expect(Math.abs(params.gamma_gamma.p - 6.25)).toBeLessThan(0.01);
    expect(Math.abs(params.gamma_gamma.q - 3.74)).toBeLessThan(0.01);
    expect(Math.abs(params.gamma_gamma.gamma - 15.44)).toBeLessThan(0.01);
    expect(parseJson(stored.counts)).toMatchObject({ customers: 2357, buyers: 2357, repeat_buyers: 946 });
    const models = await t.database.db.selectFrom('models').select(['kind']).where('run_id', '=', result.id).execute();
    expect(models.map((m) => m.kind).sort()).toEqual(['bgnbd', 'gamma_gamma', 'purchase_probability']);

    // The fit passes every reliability check, so repeat buyers are scored by the model.
    const bgnbd = parseJson(stored.metrics).bgnbd;
    expect(bgnbd.reliable).toBe(true);
    expect(bgnbd.reliability.reasons).toEqual([]);
    expect(bgnbd.reliability.checks.holdout.passed).toBe(true);
    console.log(`CDNOW reliability on ${engine}: ${JSON.stringify(bgnbd.reliability.checks)}`);

    // One standing per customer: churn risk is the complement of P(alive); one-time buyers are judged by
    // the typical rhythm, not the model's built-in 100%; a churned customer is never 100% still a customer.
    const scored = await t.database.db
      .selectFrom('customers')
      .select(['p_alive', 'churn_risk', 'stage', 'clv', 'rfm_score', 'rfm_frequency', 'score_basis', 'revenue'])
      .where('rfm_frequency', 'is not', null)
      .execute();
    expect(scored.length).toBe(2357);
    const bases: Record<string, number> = {};
    for (const c of scored) {
      expect(['active', 'inactive', 'churned']).toContain(c.stage);
      expect(Number(c.clv)).toBeGreaterThanOrEqual(0);
      expect(c.rfm_score).toMatch(/^[1-5]{3}$/);
      expect(Number(c.churn_risk) + Number(c.p_alive)).toBeCloseTo(1, 5);
      bases[c.score_basis as string] = (bases[c.score_basis as string] ?? 0) + 1;
    }
    expect(bases).toEqual({ model: 946, typical_rhythm: 2357 - 946 });
    expect(scored.filter((c) => c.score_basis === 'typical_rhythm' && Number(c.p_alive) === 1).length).toBeLessThan(50);
  }, 120_000);
});
