/**
 * Points follow domain events, in the writing transaction, whatever wrote them (API, import, quote
 * acceptance, CLI): a paid order earns by the order rules, a cancelled, refunded or deleted one gives
 * its points back, a new customer earns the sign-up rules, any event type an event rule names earns
 * that rule, and a referred customer's first paid order rewards both sides. A batch of events (an
 * import chunk) is handled with a few multi-row statements.
 */
import type { Db } from '../core/database.js';
import type { ReadAlong, StoredEvent, Subscription } from '../core/events.js';
import { eventTypes, type EventType } from '../schema/events.js';
import { getBusinessSettings } from '../settings/business.js';
import { creditPoints, debitPoints, getBalances, pointsPerOrder, type Credit } from './ledger.js';
import { looksLikeCode, tryAttributeReferral, type ReferralChannel } from './referrals.js';
import { mergeLoyalty, undoLoyaltyMerges } from './merge.js';
import { rewardReferrals } from './referral-rewards.js';
import { useRewardCodes } from './rewards.js';
import { activeRules, capped, orderPoints, pointsFromRules, ruleApplies, rulesStampRead, type Rule } from './rules.js';
import { getLoyaltySettings } from './settings.js';
import { listTiers, recomputeTiers } from './tiers.js';

const paidStatuses = new Set(['paid', 'fulfilled']);
const voidStatuses = new Set(['cancelled', 'refunded']);

interface OrderFacts {
  id: string;
  customer_id?: string;
  status?: string;
  total?: number;
  currency?: string;
  ordered_at?: string;
  discount_code?: string;
  /** Became paid by an update (it may have earned before, then been cancelled). */
  updated?: boolean;
}

const factsOf = (e: StoredEvent): OrderFacts => ({ id: e.entity_id, ...((e.data?.record as Omit<OrderFacts, 'id'> | undefined) ?? {}) });
const channelOf = (actor: string): ReferralChannel => (actor.startsWith('import') ? 'import' : 'api');

/** What a batch of order events asks for: orders that became paid, orders to give their points back. */
function classifyOrderEvents(events: readonly StoredEvent[]): { paid: OrderFacts[]; voided: OrderFacts[] } {
  const paid: OrderFacts[] = [];
  const voided: OrderFacts[] = [];
  for (const e of events) {
    const facts = factsOf(e);
    if (e.type === 'order.created') {
      if (paidStatuses.has(facts.status ?? '')) paid.push(facts);
    } else if (e.type === 'order.deleted') {
      voided.push(facts);
    } else if (e.type === 'order.updated') {
      const changed = (e.data?.changed as string[] | undefined) ?? [];
      if (!changed.includes('status')) continue;
      const before = ((e.data?.previous as Record<string, unknown> | undefined)?.status as string | undefined) ?? '';
      if (voidStatuses.has(facts.status ?? '')) voided.push(facts);
      else if (paidStatuses.has(facts.status ?? '') && !paidStatuses.has(before)) paid.push({ ...facts, updated: true });
    }
  }
  return { paid, voided };
}

/** The customer an event is about: the customer itself, or the customer of the record it names. */
function customerOfEvent(e: StoredEvent): string | undefined {
  if (e.entity === 'customer') return e.entity_id;
  const data = e.data ?? {};
  const record = data.record as Record<string, unknown> | undefined;
  const id = record?.customer_id ?? data.customer_id;
  return typeof id === 'string' ? id : undefined;
}

/** Whether an event asks for loyalty work when no earn rule is active: an order (codes, reversals, tiers), a merge, a referral code. */
function actsWithoutRules(e: StoredEvent): boolean {
  if (e.entity === 'order' || e.type === 'customer.merged' || e.type === 'customer.merge_undone') return true;
  if (e.type === 'customer.created') return e.data?.referral_code_given === true;
  return e.type === 'customer.updated' && ((e.data?.changed as string[] | undefined) ?? []).includes('referral_code');
}

async function handle(trx: Db, events: StoredEvent[], stamp?: ReadAlong): Promise<void> {
  const rules = await activeRules(trx, stamp);
  // Most writes, with no rule active, have nothing to do here: they return before any other work.
  if (rules.length === 0 && !events.some(actsWithoutRules)) return;
  const actor = events[0].actor;
  const merged = [...(await mergeLoyalty(trx, events)), ...(await undoLoyaltyMerges(trx, events[0].actor, events))];
  const byKind = (kind: Rule['kind']) => rules.filter((r) => r.kind === kind);
  const orderEvents = events.filter((e) => e.entity === 'order');
  const { paid, voided } = classifyOrderEvents(orderEvents);

  // Attribution first, so that the order that brought a referral code can reward it.
  const rewardCodes: string[] = [];
  for (const e of events) {
    if (e.type !== 'order.created') continue;
    const facts = factsOf(e);
    if (!facts.customer_id || !facts.discount_code) continue;
    if (looksLikeCode(facts.discount_code)) await tryAttributeReferral(trx, { actor }, facts.customer_id, facts.discount_code, { channel: channelOf(actor), orderId: facts.id });
    else rewardCodes.push(facts.discount_code);
  }
  if (rewardCodes.length) await useRewardCodes(trx, rewardCodes);
  const withCode = events
    .filter(
      (e) => (e.type === 'customer.created' && e.data?.referral_code_given === true) || (e.type === 'customer.updated' && ((e.data?.changed as string[] | undefined) ?? []).includes('referral_code')),
    )
    .map((e) => e.entity_id);
  if (withCode.length) {
    for (let i = 0; i < withCode.length; i += 500) {
      const rows = await trx
        .selectFrom('customers')
        .select(['id', 'referral_code'])
        .where('id', 'in', withCode.slice(i, i + 500))
        .where('referral_code', 'is not', null)
        .execute();
      for (const r of rows) await tryAttributeReferral(trx, { actor }, r.id as string, r.referral_code as string, { channel: channelOf(actor) });
    }
  }

  const credits: Credit[] = [];
  const involved = [...new Set([...paid.map((o) => o.customer_id), ...events.map(customerOfEvent)].filter((id): id is string => !!id))];
  const used = await pointsFromRules(trx, rules, involved);
  const orderRules = byKind('order');
  if (orderRules.length && paid.length) {
    const { currency } = await getBusinessSettings(trx);
    const updated = paid.filter((o) => o.updated).map((o) => o.id);
    const already = updated.length ? await pointsPerOrder(trx, updated) : new Map<string, { points: number }>();
    for (const o of paid) {
      if (!o.customer_id || typeof o.total !== 'number' || (o.currency ?? currency) !== currency || (already.get(o.id)?.points ?? 0) > 0) continue;
      const at = o.ordered_at ?? new Date().toISOString();
      for (const rule of orderRules) {
        if (!ruleApplies(rule, at)) continue;
        const points = capped(rule, o.customer_id, orderPoints(rule, o.total), used);
        if (points > 0) credits.push({ customerId: o.customer_id, points, reason: `order: ${rule.name}`, ruleId: rule.id, orderId: o.id, at });
      }
    }
  }
  for (const e of events) {
    const at = e.occurred_at;
    if (e.type === 'customer.created') {
      for (const rule of byKind('signup')) {
        if (!ruleApplies(rule, at)) continue;
        const points = capped(rule, e.entity_id, rule.points, used);
        if (points > 0) credits.push({ customerId: e.entity_id, points, reason: `sign-up: ${rule.name}`, ruleId: rule.id, sourceKey: `signup:${e.entity_id}:${rule.id}`, at });
      }
    }
    for (const rule of byKind('event')) {
      if (rule.event_type !== e.type || !ruleApplies(rule, at)) continue;
      const customerId = customerOfEvent(e);
      if (!customerId) continue;
      const points = capped(rule, customerId, rule.points, used);
      if (points > 0) credits.push({ customerId, points, reason: `${e.type}: ${rule.name}`, ruleId: rule.id, sourceKey: `event:${e.id}:${rule.id}`, at });
    }
  }
  // Settings are read only when something is credited: an import with no rule pays nothing for them.
  const expiryDays = credits.length || (paid.length && rules.some((r) => r.kind === 'referrer' || r.kind === 'referred')) ? (await getLoyaltySettings(trx)).expiry_days : null;
  await creditPoints(trx, actor, credits, expiryDays);
  const rewarded = await rewardReferrals(trx, actor, paid, rules, used, expiryDays);

  // Reversals: what an order gave, up to what the balance still holds (it never goes below zero).
  const debited: string[] = [];
  if (voided.length) {
    const given = await pointsPerOrder(
      trx,
      voided.map((o) => o.id),
    );
    const balances = await getBalances(
      trx,
      [...given.values()].map((g) => g.customerId),
    );
    for (const o of voided) {
      const g = given.get(o.id);
      if (!g || g.points <= 0) continue;
      const balance = balances.get(g.customerId)?.points ?? 0;
      const take = Math.min(g.points, Math.max(0, balance));
      if (take <= 0) continue;
      const short = g.points - take;
      await debitPoints(trx, actor, {
        customerId: g.customerId,
        kind: 'reverse',
        points: take,
        orderId: o.id,
        fromOrder: o.id,
        reason: `order ${o.status ?? 'deleted'}${short ? `; ${short} of its points were spent already` : ''}`,
      });
      if (balances.has(g.customerId)) balances.get(g.customerId)!.points -= take;
      debited.push(g.customerId);
    }
  }

  const touched = [...new Set([...orderEvents.map((e) => factsOf(e).customer_id), ...credits.map((c) => c.customerId), ...rewarded, ...debited, ...merged].filter((id): id is string => !!id))];
  if (touched.length) {
    const tiers = await listTiers(trx);
    if (tiers.length) await recomputeTiers(trx, actor, touched, new Date(), tiers);
  }
}

/** Every event type but loyalty's own: an event rule may name any of them. */
const watched = eventTypes.filter((t) => !t.startsWith('loyalty.') && !t.startsWith('referral.')) as EventType[];

export const loyaltySubscription: Subscription = { types: watched, handle, read: rulesStampRead };
