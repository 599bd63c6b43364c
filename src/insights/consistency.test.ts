/**
 * One story per customer. A demo dataset is scored, then every figure the customer page and the
 * "Contact this week" list show is checked against the same figure computed here, independently, from
 * the orders table: counts, revenue, the last order and its day count in the business time zone, the
 * lifecycle stage, and the scores' agreement with each other (churn risk is 1 - P(alive), value at risk
 * is CLV x churn risk, the reason's day count is the page's day count, a disagreement is explained).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../core/context.js';
import { customerView } from '../customer360/view.js';
import { generateDemo } from '../demo/generate.js';
import { countedOrderStatuses } from '../schema/entities.js';
import { updateBusinessSettings } from '../settings/business.js';
import { engines, freshDatabase, type TestDatabase } from '../test/engines.js';
import { contactList } from './contact-list.js';
import { parseJson } from './db.js';
import { runInsights } from './run.js';

const timeZone = 'America/New_York';
const asOf = '2026-02-28';

/** Calendar date of an instant in the time zone, by Intl alone (not Rapport's day count). */
const localDate = (iso: string | number) => new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));
const dayOfDate = (ymd: string) => Date.parse(`${ymd}T00:00:00Z`) / 86_400_000;

interface OrderFacts {
  count: number;
  revenue: number;
  last: string;
  lastLocalDay: number;
}

describe.each(engines)('one story per customer on %s', (engine) => {
  let t: TestDatabase;
  let ctx: Ctx;
  const facts = new Map<string, OrderFacts>();
  let run: Awaited<ReturnType<typeof runInsights>>;
  beforeAll(async () => {
    t = await freshDatabase(engine);
    ctx = { database: t.database, actor: 'test' };
    await generateDemo(t.database, { customers: 200, seed: 21, asOf: new Date(`${asOf}T23:59:00Z`) });
    await updateBusinessSettings(t.database, { time_zone: timeZone });
    run = await runInsights(ctx, { asOf, crossSell: false });
    const orders = await t.database.db
      .selectFrom('orders')
      .select(['customer_id', 'ordered_at', 'total'])
      .where('status', 'in', [...countedOrderStatuses])
      .orderBy('ordered_at')
      .execute();
    for (const o of orders) {
      const f = facts.get(o.customer_id as string) ?? { count: 0, revenue: 0, last: '', lastLocalDay: NaN };
      f.count++;
      f.revenue += Number(o.total);
      f.last = o.ordered_at as string;
      f.lastLocalDay = dayOfDate(localDate(f.last));
      facts.set(o.customer_id as string, f);
    }
  }, 180_000);
  afterAll(async () => t?.drop());

  it('shows on every customer page the figures the orders give, and scores that agree with each other', async () => {
    expect(parseJson((await t.database.db.selectFrom('insight_runs').select('metrics').where('id', '=', run.id).executeTakeFirstOrThrow()).metrics).bgnbd.reliable).toBe(true);
    const ids = (await t.database.db.selectFrom('customers').select('id').orderBy('id').execute()).map((r) => r.id as string);
    const asOfDay = dayOfDate(asOf);
    let checked = 0;
    let disagreements = 0;
    for (const id of ids) {
      const view = await customerView(ctx, id);
      const today = dayOfDate(localDate(Date.now()));
      const f = facts.get(id);
      const s = view.scores;
      if (!f) {
        expect(view.figures.order_count ?? 0).toBe(0);
        expect(s.stage).toBe('lead');
        expect([s.p_alive, s.churn_risk, s.clv, s.reason]).toEqual([null, null, null, null]);
        continue;
      }
      checked++;
      // Figures: as the orders table gives them.
      expect(view.figures.order_count).toBe(f.count);
      expect(view.figures.revenue as number).toBeCloseTo(f.revenue, 2);
      expect(view.figures.last_order_at).toBe(f.last);
      // The day count: calendar days in the business time zone, today.
      expect(s.time_zone).toBe(timeZone);
      expect(s.days_since_last_order).toBe(today - f.lastLocalDay);
      // The stage: the fixed rule on days since the last order, as of the run.
      const since = asOfDay - f.lastLocalDay;
      expect(s.stage).toBe(since <= 90 ? 'active' : since <= 365 ? 'inactive' : 'churned');
      // One estimate said two ways; forecasts resting on it.
      expect(s.p_alive).not.toBeNull();
      expect((s.p_alive as number) + (s.churn_risk as number)).toBeCloseTo(1, 5);
      if (s.clv !== null) {
        expect(s.value_at_risk as number).toBeCloseTo(s.clv * (s.churn_risk as number), 1);
        if (s.stage === 'churned') expect(s.clv).toBeLessThanOrEqual(f.revenue);
      }
      expect(s.reliability.p_alive.reliable).toBe(true);
      // A churned customer is never "100% still a customer".
      if (s.stage === 'churned') expect(s.p_alive as number).toBeLessThan(0.995);
      // The reason counts the same days the page shows next to "Last order".
      const d = s.days_since_last_order as number;
      const words = d === 0 ? 'today' : d === 1 ? 'yesterday' : `${d} days ago`;
      expect(s.reason).toMatch(new RegExp(`(${words}|for ${d} days?),`));
      // Where the stage rule and the estimate disagree, the reason says so.
      const disagree = (s.stage === 'churned' && (s.p_alive as number) >= 0.5) || (s.stage === 'active' && (s.p_alive as number) < 0.5);
      if (disagree) {
        disagreements++;
        expect(s.reason).toMatch(/-day rule/);
      } else expect(s.reason).not.toMatch(/-day rule/);
    }
    expect(checked).toBeGreaterThan(150);
    console.log(`${engine}: ${checked} customers checked, ${disagreements} with the stage rule and the estimate disagreeing (explained)`);
  }, 180_000);

  it('lists the customers to contact in value-at-risk order, each with the figures their page shows', async () => {
    const list = await contactList(ctx, 10);
    expect(list.ranking).toBe('value_at_risk');
    expect(list.note).toBeNull();
    // Independently: the largest CLV x churn risk among scored customers.
    const scored = await t.database.db.selectFrom('customers').select(['id', 'clv', 'churn_risk']).where('clv', 'is not', null).execute();
    const expected = scored
      .map((r) => ({ id: r.id as string, v: Math.round(Number(r.clv) * Number(r.churn_risk) * 100) / 100 }))
      .filter((r) => r.v > 0)
      .sort((p, q) => q.v - p.v || (p.id < q.id ? -1 : 1))
      .slice(0, 10);
    expect(list.data.map((e) => e.customer_id)).toEqual(expected.map((r) => r.id));
    for (const entry of list.data) {
      const view = await customerView(ctx, entry.customer_id);
      const page = view.scores;
      expect([entry.stage, entry.p_alive, entry.churn_risk, entry.clv, entry.value_at_risk, entry.days_since_last_order]).toEqual([
        page.stage,
        page.p_alive,
        page.churn_risk,
        page.clv,
        page.value_at_risk,
        page.days_since_last_order,
      ]);
      expect(entry.reason).toBe(
        `worth about ${new Intl.NumberFormat('en-US', { style: 'currency', currency: view.figures.currency, minimumFractionDigits: 2 }).format(entry.clv!)} over the next 12 months, ${Math.round(entry.churn_risk! * 100)}% churn risk: ${page.reason}`,
      );
      // "43% churn risk ... 100% likely still active" cannot happen: the reason's percentage is 1 - churn risk.
      const still = entry.reason.match(/still buy at (\d+)%/);
      if (still) expect(Number(still[1])).toBe(Math.round(entry.p_alive! * 100));
    }
  });
});
