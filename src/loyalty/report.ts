/**
 * The programme's return: points liability, earn and redeem by month, redemption rate, tier mix, and
 * referred customers against the others on lifetime value, churn risk and orders, each with a
 * bootstrap interval, the cost of rewards against the referred customers' revenue, and the reward per
 * referral the data suggests the business can afford. Says so when too few customers were referred.
 */
import { z } from '@hono/zod-openapi';
import { sql } from 'kysely';
import type { Db } from '../core/database.js';
import { toNumber } from '../core/database.js';
import { bootstrapMean, bootstrapMeanDifference } from '../analytics/bootstrap.js';
import { getBusinessSettings } from '../settings/business.js';
import { getLoyaltySettings } from './settings.js';
import { listTiers } from './tiers.js';

/** Fewer referred customers than this and the comparison says it cannot tell. */
const minReferred = 30;

const comparison = z
  .object({
    measure: z.enum(['clv', 'churn_risk', 'order_count', 'revenue']),
    referred_mean: z.number().nullable(),
    others_mean: z.number().nullable(),
    difference: z.number().nullable(),
    low: z.number().nullable().openapi({ description: 'Lower end of the 95% bootstrap interval of the difference' }),
    high: z.number().nullable(),
    referred_n: z.number().int(),
    others_n: z.number().int(),
    note: z.string().nullable(),
  })
  .openapi('LoyaltyComparison');

export const loyaltyReportSchema = z
  .object({
    currency: z.string(),
    point_value: z.number(),
    members: z.number().int().openapi({ description: 'Customers with a points balance row' }),
    outstanding_points: z.number().int(),
    liability: z.number().openapi({ description: 'Outstanding points times the point value, in the business currency' }),
    points_earned: z.number().int(),
    points_redeemed: z.number().int(),
    points_expired: z.number().int(),
    points_reversed: z.number().int(),
    redemption_rate: z.number().nullable().openapi({ description: 'Points redeemed over points earned' }),
    members_who_redeemed: z.number().nullable().openapi({ description: 'Share of members who redeemed at least once' }),
    by_month: z.array(z.object({ month: z.string(), earned: z.number().int(), redeemed: z.number().int(), expired: z.number().int(), reversed: z.number().int() })),
    tier_mix: z.array(z.object({ tier_id: z.string().nullable(), name: z.string(), customers: z.number().int() })),
    referrals: z.object({
      attributed: z.number().int(),
      rewarded: z.number().int(),
      enough_data: z.boolean(),
      message: z.string().nullable(),
      comparisons: z.array(comparison),
      reward_cost: z.number().openapi({ description: 'Points given for referrals (both sides) times the point value' }),
      referred_revenue: z.number().openapi({ description: "Referred customers' revenue in the business currency" }),
      affordable_reward: z.number().nullable().openapi({
        description: "Per referral (both sides together): the low end of the interval of a referred customer's mean revenue, times the gross margin; null when there are too few referred customers",
      }),
      affordable_points: z.number().nullable(),
      margin: z.number().openapi({ description: 'The gross margin assumed (query parameter `margin`, 1 when not given)' }),
    }),
  })
  .openapi('LoyaltyReport');
export type LoyaltyReport = z.infer<typeof loyaltyReportSchema>;

const n = (v: unknown) => toNumber(v) ?? 0;
const round2 = (x: number) => Math.round(x * 100) / 100;

/** Per-customer measures of referred and other customers (those with at least one order). */
async function customerMeasures(db: Db) {
  const referred = new Set((await db.selectFrom('referrals').select('referred_id').where('status', '!=', 'refused').execute()).map((r) => r.referred_id as string));
  const rows = await db.selectFrom('customers').select(['id', 'clv', 'churn_risk', 'order_count', 'revenue']).where('order_count', '>', 0).where('erased_at', 'is', null).execute();
  const groups = { referred: [] as typeof rows, others: [] as typeof rows };
  for (const r of rows) (referred.has(r.id as string) ? groups.referred : groups.others).push(r);
  return groups;
}

export async function loyaltyReport(db: Db, options: { margin?: number; seed?: number } = {}): Promise<LoyaltyReport> {
  const settings = await getLoyaltySettings(db);
  const { currency } = await getBusinessSettings(db);
  const margin = options.margin ?? 1;
  const balances = await db
    .selectFrom('loyalty_balances')
    .select([sql<number>`count(*)`.as('members'), sql<number>`sum(case when points > 0 then points else 0 end)`.as('outstanding')])
    .executeTakeFirst();
  const kinds = await db
    .selectFrom('loyalty_entries')
    .select(['kind', sql<number>`sum(points)`.as('points')])
    .groupBy('kind')
    .execute();
  const byKind = new Map(kinds.map((k) => [k.kind as string, n(k.points)]));
  const earned = (byKind.get('earn') ?? 0) + Math.max(0, byKind.get('adjust') ?? 0);
  const redeemed = -(byKind.get('spend') ?? 0);
  const monthExpr = sql<string>`substr(created_at, 1, 7)`;
  const months = await db
    .selectFrom('loyalty_entries')
    .select([monthExpr.as('month'), 'kind', sql<number>`sum(points)`.as('points')])
    .where('kind', 'in', ['earn', 'spend', 'expire', 'reverse'])
    .groupBy([monthExpr, 'kind'])
    .execute();
  const monthMap = new Map<string, { month: string; earned: number; redeemed: number; expired: number; reversed: number }>();
  for (const m of months) {
    const key = m.month as string;
    const row = monthMap.get(key) ?? { month: key, earned: 0, redeemed: 0, expired: 0, reversed: 0 };
    const p = n(m.points);
    if (m.kind === 'earn') row.earned += p;
    else if (m.kind === 'spend') row.redeemed -= p;
    else if (m.kind === 'expire') row.expired -= p;
    else row.reversed -= p;
    monthMap.set(key, row);
  }
  const redeemers = await db
    .selectFrom('loyalty_redemptions')
    .select(sql<number>`count(distinct customer_id)`.as('n'))
    .executeTakeFirst();
  const tiers = await listTiers(db);
  const mix = await db
    .selectFrom('loyalty_balances')
    .select(['tier_id', sql<number>`count(*)`.as('n')])
    .groupBy('tier_id')
    .execute();
  const members = n(balances?.members);

  const status = await db
    .selectFrom('referrals')
    .select(['status', sql<number>`count(*)`.as('n')])
    .groupBy('status')
    .execute();
  const count = (s: string) => n(status.find((r) => r.status === s)?.n);
  const groups = await customerMeasures(db);
  const enough = groups.referred.length >= minReferred;
  const compare = (measure: 'clv' | 'churn_risk' | 'order_count' | 'revenue', note: string | null = null) => {
    const values = (rows: typeof groups.referred) => rows.map((r) => toNumber(r[measure])).filter((v): v is number => v !== null);
    const a = values(groups.referred);
    const b = values(groups.others);
    const r = bootstrapMeanDifference(a, b, { seed: options.seed ?? 17 });
    const finite = (x: number | null) => (x === null || !Number.isFinite(x) ? null : round2(x));
    const missing =
      a.length === 0 || b.length === 0
        ? measure === 'clv' || measure === 'churn_risk'
          ? 'not scored yet, or the model is unreliable on this data: run the insights'
          : 'no customers in one of the groups'
        : null;
    return {
      measure,
      referred_mean: finite(r.mean_a),
      others_mean: finite(r.mean_b),
      difference: finite(r.difference),
      low: enough ? finite(r.low) : null,
      high: enough ? finite(r.high) : null,
      referred_n: a.length,
      others_n: b.length,
      note: missing ?? note,
    };
  };
  const comparisons = [compare('clv'), compare('churn_risk'), compare('order_count'), compare('revenue')];
  // The referral rules first (a few), then their entries through the rule index, which holds the
  // entries with a source key (every referral reward has one): joined, the engine would read the
  // whole ledger.
  const referralRules = (await db.selectFrom('loyalty_rules').select('id').where('kind', 'in', ['referrer', 'referred']).execute()).map((r) => r.id as string);
  const referralPoints = referralRules.length
    ? await db
        .selectFrom('loyalty_entries')
        .select(sql<number>`sum(points)`.as('points'))
        .where('source_key', 'is not', null)
        .where('rule_id', 'in', referralRules)
        .executeTakeFirst()
    : undefined;
  const referredRevenue = groups.referred.reduce((s, r) => s + n(r.revenue), 0);
  // What a referral can cost and still pay: the cautious end of what a referred customer brings in.
  const revenueLow = bootstrapMean(
    groups.referred.map((r) => n(r.revenue)),
    { seed: options.seed ?? 17 },
  ).low;
  const affordable = enough && revenueLow !== null ? round2(Math.max(0, revenueLow * margin)) : null;
  return {
    currency,
    point_value: settings.point_value,
    members,
    outstanding_points: n(balances?.outstanding),
    liability: round2(n(balances?.outstanding) * settings.point_value),
    points_earned: earned,
    points_redeemed: redeemed,
    points_expired: -(byKind.get('expire') ?? 0),
    points_reversed: -(byKind.get('reverse') ?? 0),
    redemption_rate: earned > 0 ? round2(redeemed / earned) : null,
    members_who_redeemed: members > 0 ? round2(n(redeemers?.n) / members) : null,
    by_month: [...monthMap.values()].sort((x, y) => x.month.localeCompare(y.month)),
    tier_mix: mix
      .map((m) => ({ tier_id: (m.tier_id as string | null) ?? null, name: tiers.find((t) => t.id === m.tier_id)?.name ?? 'No tier', customers: n(m.n) }))
      .sort((x, y) => y.customers - x.customers),
    referrals: {
      attributed: count('attributed') + count('rewarded'),
      rewarded: count('rewarded'),
      enough_data: enough,
      message: enough ? null : `Too few referred customers to tell: ${groups.referred.length} with an order, at least ${minReferred} needed for intervals.`,
      comparisons,
      reward_cost: round2(n(referralPoints?.points) * settings.point_value),
      referred_revenue: round2(referredRevenue),
      affordable_reward: affordable,
      affordable_points: affordable !== null && settings.point_value > 0 ? Math.floor(affordable / settings.point_value) : null,
      margin,
    },
  };
}
