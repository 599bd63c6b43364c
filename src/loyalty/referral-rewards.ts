/**
 * Both sides of a referral are rewarded once, after the referred customer's first paid order, unless
 * that customer turns out to pay with the referrer's card or account: then the referral is refused.
 */
import type { Db } from '../core/database.js';
import { appendEvents, type DomainEvent } from '../core/events.js';
import { creditPoints, type Credit } from './ledger.js';
import { sharedPayment } from './referrals.js';
import { capped, ruleApplies, type Rule } from './rules.js';

/**
 * Rewards the referrals whose referred customer has just paid an order: the referrer by the
 * `referrer` rules, the new customer by the `referred` rules (either may be none: the referral is
 * still marked rewarded, so that a rule added later does not pay for old referrals). Returns the
 * customers credited.
 */
export async function rewardReferrals(
  trx: Db,
  actor: string,
  paid: readonly { id: string; customer_id?: string }[],
  rules: readonly Rule[],
  used: Map<string, number>,
  expiryDays: number | null,
): Promise<string[]> {
  const firstOrder = new Map<string, string>();
  for (const o of paid) if (o.customer_id && !firstOrder.has(o.customer_id)) firstOrder.set(o.customer_id, o.id);
  if (firstOrder.size === 0) return [];
  const ids = [...firstOrder.keys()];
  const pending = [];
  for (let i = 0; i < ids.length; i += 500)
    pending.push(
      ...(await trx
        .selectFrom('referrals')
        .selectAll()
        .where('referred_id', 'in', ids.slice(i, i + 500))
        .where('status', '=', 'attributed')
        .execute()),
    );
  if (pending.length === 0) return [];
  const now = new Date().toISOString();
  const credits: Credit[] = [];
  const events: DomainEvent[] = [];
  for (const r of pending) {
    const referralId = r.id as string;
    const referrerId = r.referrer_id as string;
    const referredId = r.referred_id as string;
    const orderId = firstOrder.get(referredId)!;
    const paidLike = await sharedPayment(trx, referredId, referrerId);
    if (paidLike) {
      const reason = `self-referral: the new customer paid with the referrer's ${paidLike === 'card' ? 'card' : 'card or account (same payment fingerprint)'}`;
      await trx.updateTable('referrals').set({ status: 'refused', order_id: orderId, refused_reason: reason }).where('id', '=', referralId).where('status', '=', 'attributed').execute();
      events.push({ type: 'referral.refused', entity: 'customer', entityId: referredId, data: { referral_id: referralId, referrer_id: referrerId, order_id: orderId, reason } });
      continue;
    }
    const points = { referrer: 0, referred: 0 };
    for (const rule of rules) {
      if ((rule.kind !== 'referrer' && rule.kind !== 'referred') || !ruleApplies(rule, now)) continue;
      const customerId = rule.kind === 'referrer' ? referrerId : referredId;
      const given = capped(rule, customerId, rule.points, used);
      if (given <= 0) continue;
      points[rule.kind] += given;
      credits.push({
        customerId,
        points: given,
        reason: `referral (${rule.kind === 'referrer' ? 'brought a new customer' : 'came through a referral'}): ${rule.name}`,
        ruleId: rule.id,
        orderId: null,
        sourceKey: `referral:${referralId}:${rule.id}`,
      });
    }
    await trx.updateTable('referrals').set({ status: 'rewarded', order_id: orderId, rewarded_at: now }).where('id', '=', referralId).where('status', '=', 'attributed').execute();
    events.push({
      type: 'referral.rewarded',
      entity: 'customer',
      entityId: referredId,
      data: { referral_id: referralId, referrer_id: referrerId, order_id: orderId, referrer_points: points.referrer, referred_points: points.referred },
    });
  }
  await creditPoints(trx, actor, credits, expiryDays);
  await appendEvents(trx, actor, events);
  return [...new Set(credits.map((c) => c.customerId))];
}
