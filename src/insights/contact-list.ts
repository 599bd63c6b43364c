/**
 * Who to contact this week, with the reason in words. Ranked by value at risk (lifetime value x churn
 * risk) when the latest run's purchase model is reliable. When it is not, lifetime values are not
 * estimated and no unreliable figure ranks anyone: customers still within reach (active or inactive) are
 * ranked by what they have spent so far times their churn risk (from the purchase rhythm), and the list
 * says so.
 */
import { sql } from 'kysely';
import type { Ctx } from '../core/context.js';
import { toNumber } from '../core/database.js';
import { getBusinessSettings } from '../settings/business.js';
import { moneyText } from '../settings/money-text.js';
import { customerScores, scoreContext } from './customer-scores.js';

/** Customer figures count the business currency only: its amounts are written as the web app writes them. */
const money = (v: number, currency: string) => moneyText(v, currency, currency);

type ContactRanking = 'value_at_risk' | 'spend_at_risk';

interface ContactEntry {
  customer_id: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  stage: string | null;
  clv: number | null;
  churn_risk: number | null;
  p_alive: number | null;
  /** Lifetime value x churn risk; null when lifetime values are not estimated. */
  value_at_risk: number | null;
  /** Revenue so far x churn risk: the ranking when lifetime values are not estimated. */
  spend_at_risk: number | null;
  revenue: number | null;
  last_order_at: string | null;
  days_since_last_order: number | null;
  reason: string;
}

export interface ContactList {
  data: ContactEntry[];
  run_id: string | null;
  as_of: string | null;
  ranking: ContactRanking;
  /** Why the list is ranked the way it is, when the purchase model is unreliable. */
  note: string | null;
}

export async function contactList(ctx: Ctx, limit = 20, now: number | Date = Date.now()): Promise<ContactList> {
  const db = ctx.database.db;
  const [{ verdict, timeZone }, { currency }] = await Promise.all([scoreContext(db), getBusinessSettings(db)]);
  const ranking: ContactRanking = verdict.clv_estimated || !verdict.id ? 'value_at_risk' : 'spend_at_risk';
  const columns = [
    'id',
    'first_name',
    'last_name',
    'email',
    'phone',
    'stage',
    'clv',
    'churn_risk',
    'p_alive',
    'value_at_risk',
    'revenue',
    'order_count',
    'last_order_at',
    'score_basis',
    'usual_gap_days',
  ] as const;
  const spendAtRisk = sql<number>`revenue * churn_risk`;
  const rows =
    ranking === 'value_at_risk'
      ? await db
          .selectFrom('customers')
          .select([...columns])
          .where('value_at_risk', '>', 0)
          .orderBy('value_at_risk', 'desc')
          .orderBy('id')
          .limit(limit)
          .execute()
      : await db
          .selectFrom('customers')
          .select([...columns])
          .where('stage', 'in', ['active', 'inactive'])
          .where('churn_risk', '>', 0)
          .where('revenue', '>', 0)
          .orderBy(spendAtRisk, 'desc')
          .orderBy('id')
          .limit(limit)
          .execute();
  const data = rows.map((r): ContactEntry => {
    const scores = customerScores(r, verdict, timeZone, now);
    const revenue = toNumber(r.revenue);
    const risk = scores.churn_risk ?? 0;
    const worth = scores.clv !== null ? `worth about ${money(scores.clv, currency)} over the next ${verdict.clv_months} months` : `spent ${money(revenue ?? 0, currency)} so far`;
    return {
      customer_id: r.id as string,
      name: [r.first_name, r.last_name].filter(Boolean).join(' ') || null,
      email: (r.email as string | null) ?? null,
      phone: (r.phone as string | null) ?? null,
      stage: scores.stage,
      clv: scores.clv,
      churn_risk: scores.churn_risk,
      p_alive: scores.p_alive,
      value_at_risk: scores.value_at_risk,
      spend_at_risk: revenue === null ? null : Math.round(revenue * risk * 100) / 100,
      revenue,
      last_order_at: (r.last_order_at as string | null) ?? null,
      days_since_last_order: scores.days_since_last_order,
      reason: `${worth}, ${Math.round(risk * 100)}% churn risk` + (scores.reason ? `: ${scores.reason}` : ''),
    };
  });
  const note =
    ranking === 'spend_at_risk'
      ? `Lifetime values are not estimated because the purchase model is unreliable on this data (${verdict.bgnbd_reasons.join('; ') || 'see the latest insight run'}); customers still within reach are ranked by what they have spent so far times their churn risk, judged by their purchase rhythm.`
      : null;
  return { data, run_id: verdict.id, as_of: verdict.as_of, ranking, note };
}

/** Stage changes, newest first, optionally for one customer. */
export async function stageHistory(ctx: Ctx, options: { customerId?: string; limit?: number } = {}) {
  let q = ctx.database.db
    .selectFrom('stage_history')
    .selectAll()
    .orderBy('changed_at', 'desc')
    .orderBy('id', 'desc')
    .limit(options.limit ?? 100);
  if (options.customerId) q = q.where('customer_id', '=', options.customerId);
  const rows = await q.execute();
  return rows.map((r) => ({
    id: r.id as string,
    customer_id: r.customer_id as string,
    from_stage: (r.from_stage as string | null) ?? null,
    to_stage: r.to_stage as string,
    changed_at: r.changed_at as string,
    run_id: (r.run_id as string | null) ?? null,
  }));
}
