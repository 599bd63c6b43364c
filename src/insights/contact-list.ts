/** Who to contact this week: customers ranked by value at risk (lifetime value x churn risk), with the reason in words. */
import type { Ctx } from '../core/context.js';
import { toNumber } from '../core/database.js';
import { parseJson } from './db.js';

const money = (v: number) => (v >= 100 ? Math.round(v).toLocaleString('en-US') : v.toFixed(2));

export interface ContactEntry {
  customer_id: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  stage: string | null;
  clv: number | null;
  churn_risk: number | null;
  p_alive: number | null;
  value_at_risk: number;
  last_order_at: string | null;
  reason: string;
}

export async function contactList(ctx: Ctx, limit = 20): Promise<{ data: ContactEntry[]; run_id: string | null; as_of: string | null }> {
  const db = ctx.database.db;
  const run = await db.selectFrom('insight_runs').select(['id', 'as_of', 'options']).orderBy('created_at', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst();
  const months = run ? (parseJson(run.options)?.clv_months ?? 12) : 12;
  const rows = await db
    .selectFrom('customers')
    .select(['id', 'first_name', 'last_name', 'email', 'phone', 'stage', 'clv', 'churn_risk', 'p_alive', 'value_at_risk', 'churn_reason', 'last_order_at'])
    .where('value_at_risk', '>', 0)
    .orderBy('value_at_risk', 'desc')
    .orderBy('id')
    .limit(limit)
    .execute();
  const data = rows.map((r) => {
    const clv = toNumber(r.clv);
    const risk = toNumber(r.churn_risk);
    const name = [r.first_name, r.last_name].filter(Boolean).join(' ') || null;
    const reason =
      `worth about ${money(clv ?? 0)} over the next ${months} months, ${Math.round((risk ?? 0) * 100)}% churn risk` +
      (r.churn_reason ? `: ${r.churn_reason}` : '');
    return {
      customer_id: r.id as string,
      name,
      email: (r.email as string | null) ?? null,
      phone: (r.phone as string | null) ?? null,
      stage: (r.stage as string | null) ?? null,
      clv,
      churn_risk: risk,
      p_alive: toNumber(r.p_alive),
      value_at_risk: toNumber(r.value_at_risk) ?? 0,
      last_order_at: (r.last_order_at as string | null) ?? null,
      reason,
    };
  });
  return { data, run_id: (run?.id as string | undefined) ?? null, as_of: (run?.as_of as string | undefined) ?? null };
}

/** Stage changes, newest first, optionally for one customer. */
export async function stageHistory(ctx: Ctx, options: { customerId?: string; limit?: number } = {}) {
  let q = ctx.database.db.selectFrom('stage_history').selectAll().orderBy('changed_at', 'desc').orderBy('id', 'desc').limit(options.limit ?? 100);
  if (options.customerId) q = q.where('customer_id', '=', options.customerId);
  const rows = await q.execute();
  return rows.map((r) => ({ id: r.id as string, customer_id: r.customer_id as string, from_stage: (r.from_stage as string | null) ?? null, to_stage: r.to_stage as string, changed_at: r.changed_at as string, run_id: (r.run_id as string | null) ?? null }));
}
