/**
 * When customers are merged, their points, codes and referrals go to the customer they were merged
 * into; when the merge is undone, each restored customer gets its own back.
 */
import type { Db } from '../core/database.js';
import { appendEvents, type DomainEvent, type StoredEvent } from '../core/events.js';
import { addToBalances, getBalance, getBalances } from './ledger.js';

const stringsIn = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
const chunk = <T>(items: readonly T[], size = 500): T[][] => Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, i * size + size));

/** What a merge moved away from one absorbed customer: enough to give it back on undo. */
interface LoyaltyMergeSnapshot {
  entries: string[];
  redemptions: string[];
  tier: { tier_id: string | null; tier_since: string | null } | null;
  codes: { code: string; created_at: string }[];
  pages: { token_hash: string; created_at: string }[];
  /** Referral rows naming the customer, as they were before the merge. */
  referrals: Record<string, unknown>[];
}

async function snapshotOf(trx: Db, loser: string): Promise<LoyaltyMergeSnapshot> {
  const balance = (await getBalances(trx, [loser])).get(loser);
  return {
    entries: (await trx.selectFrom('loyalty_entries').select('id').where('customer_id', '=', loser).execute()).map((r) => r.id as string),
    redemptions: (await trx.selectFrom('loyalty_redemptions').select('id').where('customer_id', '=', loser).execute()).map((r) => r.id as string),
    tier: balance ? { tier_id: balance.tier_id, tier_since: balance.tier_since } : null,
    codes: (await trx.selectFrom('referral_codes').select(['code', 'created_at']).where('customer_id', '=', loser).execute()).map((r) => ({
      code: r.code as string,
      created_at: r.created_at as string,
    })),
    pages: (await trx.selectFrom('loyalty_pages').select(['token_hash', 'created_at']).where('customer_id', '=', loser).execute()).map((r) => ({
      token_hash: r.token_hash as string,
      created_at: r.created_at as string,
    })),
    referrals: await trx
      .selectFrom('referrals')
      .selectAll()
      .where((eb) => eb.or([eb('referrer_id', '=', loser), eb('referred_id', '=', loser)]))
      .execute(),
  };
}

/**
 * Moves the merged-away customers' ledger, balances, redemptions and referrals to the winner; the
 * winner keeps its own referral code (or takes over one of theirs). What moved is kept per absorbed
 * customer (`loyalty_merges`) so that `undoLoyaltyMerges` can give it back.
 */
export async function mergeLoyalty(trx: Db, events: readonly StoredEvent[]): Promise<string[]> {
  const winners: string[] = [];
  for (const e of events) {
    if (e.type !== 'customer.merged') continue;
    const winner = e.entity_id;
    const losers = stringsIn(e.data?.merged_ids).filter((id) => id !== winner);
    if (losers.length === 0) continue;
    winners.push(winner);
    const mergeId = typeof e.data?.merge_id === 'string' ? e.data.merge_id : null;
    if (mergeId)
      for (const loser of losers)
        await trx
          .insertInto('loyalty_merges')
          .values({ merge_id: mergeId, customer_id: loser, winner_id: winner, snapshot: JSON.stringify(await snapshotOf(trx, loser)), created_at: e.occurred_at })
          .execute();
    const balances = await getBalances(trx, losers);
    const moved = { points: 0, earned: 0 };
    for (const b of balances.values()) {
      moved.points += b.points;
      moved.earned += b.earned;
    }
    await trx.updateTable('loyalty_entries').set({ customer_id: winner }).where('customer_id', 'in', losers).execute();
    await trx.updateTable('loyalty_redemptions').set({ customer_id: winner }).where('customer_id', 'in', losers).execute();
    if (balances.size) {
      await trx.deleteFrom('loyalty_balances').where('customer_id', 'in', losers).execute();
      await addToBalances(trx, new Map([[winner, moved]]));
    }
    const winnerCode = await trx.selectFrom('referral_codes').select('code').where('customer_id', '=', winner).executeTakeFirst();
    const loserCodes = await trx.selectFrom('referral_codes').select('code').where('customer_id', 'in', losers).execute();
    for (const [i, c] of loserCodes.entries()) {
      if (!winnerCode && i === 0)
        await trx
          .updateTable('referral_codes')
          .set({ customer_id: winner })
          .where('code', '=', c.code as string)
          .execute();
      else
        await trx
          .deleteFrom('referral_codes')
          .where('code', '=', c.code as string)
          .execute();
    }
    await trx.deleteFrom('loyalty_pages').where('customer_id', 'in', losers).execute();
    // Referrals among the merged records themselves are dropped; the others follow the winner.
    const group = [winner, ...losers];
    await trx.deleteFrom('referrals').where('referrer_id', 'in', group).where('referred_id', 'in', group).execute();
    await trx.updateTable('referrals').set({ referrer_id: winner }).where('referrer_id', 'in', losers).execute();
    const winnerReferred = await trx.selectFrom('referrals').select('id').where('referred_id', '=', winner).executeTakeFirst();
    if (winnerReferred) await trx.deleteFrom('referrals').where('referred_id', 'in', losers).execute();
    else {
      const first = await trx.selectFrom('referrals').select('id').where('referred_id', 'in', losers).orderBy('attributed_at').executeTakeFirst();
      if (first) {
        await trx
          .deleteFrom('referrals')
          .where('referred_id', 'in', losers)
          .where('id', '!=', first.id as string)
          .execute();
        await trx
          .updateTable('referrals')
          .set({ referred_id: winner })
          .where('id', '=', first.id as string)
          .execute();
      }
    }
  }
  return winners;
}

/** How an entry counts towards `earned`: earnings and positive adjustments, less reversals. */
const earnedBy = (kind: string, points: number) => (kind === 'earn' || kind === 'reverse' || (kind === 'adjust' && points > 0) ? points : 0);

/**
 * Lays a customer's balance over its unexpired earnings again, newest first, as spending oldest
 * first leaves it: after entries moved between two customers, what each has left sits in its own
 * earnings, and expiry takes from them what it should.
 */
async function settleLots(trx: Db, customerId: string, now: string): Promise<void> {
  let left = Math.max(0, (await getBalance(trx, customerId)).points);
  const lots = await trx
    .selectFrom('loyalty_entries')
    .select(['id', 'points', 'remaining'])
    .where('customer_id', '=', customerId)
    .where('points', '>', 0)
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  for (const lot of lots) {
    const keep = Math.min(Number(lot.points), left);
    left -= keep;
    if (keep !== Number(lot.remaining))
      await trx
        .updateTable('loyalty_entries')
        .set({ remaining: keep })
        .where('id', '=', lot.id as string)
        .execute();
  }
}

/**
 * Undoes what `mergeLoyalty` did when a merge is undone: each restored customer gets back its own
 * ledger entries (those it had when merged, those its orders earned or gave back while merged, and
 * the spends of its own redemptions), and the balances of both sides move by what those entries
 * add up to, so that every balance is still the sum of its ledger. Its codes, page link, tier and
 * referrals come back too. What the winner spent or lost to expiry meanwhile stays with the winner,
 * whose balance can then fall below zero: it spent points that were not its own. Returns the
 * customers whose points changed.
 */
export async function undoLoyaltyMerges(trx: Db, actor: string, events: readonly StoredEvent[]): Promise<string[]> {
  const touched: string[] = [];
  const now = new Date().toISOString();
  for (const e of events) {
    if (e.type !== 'customer.merge_undone') continue;
    const winner = e.entity_id;
    const mergeId = typeof e.data?.merge_id === 'string' ? e.data.merge_id : null;
    const restored = stringsIn(e.data?.restored_ids).filter((id) => id !== winner);
    if (!mergeId || restored.length === 0) continue;
    const kept = new Map(
      (await trx.selectFrom('loyalty_merges').select(['customer_id', 'snapshot']).where('merge_id', '=', mergeId).execute()).map((r) => [
        r.customer_id as string,
        JSON.parse(r.snapshot as string) as LoyaltyMergeSnapshot,
      ]),
    );
    const adjusted: DomainEvent[] = [];
    let winnerDelta = 0;
    for (const loser of restored) {
      const snap = kept.get(loser);
      const ids = new Set(snap?.entries ?? []);
      // Its orders are back with it already (the merge's undo moved them before announcing it).
      const orders = (await trx.selectFrom('orders').select('id').where('customer_id', '=', loser).execute()).map((r) => r.id as string);
      for (const part of chunk(orders))
        for (const r of await trx.selectFrom('loyalty_entries').select('id').where('customer_id', '=', winner).where('order_id', 'in', part).execute()) ids.add(r.id as string);
      for (const part of chunk(snap?.redemptions ?? []))
        for (const r of await trx.selectFrom('loyalty_entries').select('id').where('customer_id', '=', winner).where('redemption_id', 'in', part).execute()) ids.add(r.id as string);
      const delta = { points: 0, earned: 0 };
      for (const part of chunk([...ids])) {
        const rows = await trx.selectFrom('loyalty_entries').select(['kind', 'points']).where('customer_id', '=', winner).where('id', 'in', part).execute();
        for (const r of rows) {
          delta.points += Number(r.points);
          delta.earned += earnedBy(r.kind as string, Number(r.points));
        }
        await trx.updateTable('loyalty_entries').set({ customer_id: loser }).where('customer_id', '=', winner).where('id', 'in', part).execute();
      }
      for (const part of chunk(snap?.redemptions ?? [])) await trx.updateTable('loyalty_redemptions').set({ customer_id: loser }).where('customer_id', '=', winner).where('id', 'in', part).execute();
      if (ids.size) {
        await addToBalances(
          trx,
          new Map([
            [loser, delta],
            [winner, { points: -delta.points, earned: -delta.earned }],
          ]),
        );
        if (snap?.tier?.tier_id) await trx.updateTable('loyalty_balances').set({ tier_id: snap.tier.tier_id, tier_since: snap.tier.tier_since }).where('customer_id', '=', loser).execute();
        await settleLots(trx, loser, now);
        winnerDelta -= delta.points;
        if (delta.points !== 0)
          adjusted.push({
            type: 'loyalty.points_adjusted',
            entity: 'customer',
            entityId: loser,
            data: { points: delta.points, balance: (await getBalance(trx, loser)).points, entries: ids.size, reason: 'merge undone: its points came back', merge_id: mergeId, from: winner },
          });
        touched.push(loser);
      }
      for (const c of snap?.codes ?? []) {
        const holder = await trx.selectFrom('referral_codes').select('customer_id').where('code', '=', c.code).executeTakeFirst();
        if (holder && holder.customer_id === winner) await trx.updateTable('referral_codes').set({ customer_id: loser }).where('code', '=', c.code).execute();
        else if (!holder && !(await trx.selectFrom('referral_codes').select('code').where('customer_id', '=', loser).executeTakeFirst()))
          await trx.insertInto('referral_codes').values({ code: c.code, customer_id: loser, created_at: c.created_at }).execute();
      }
      for (const p of snap?.pages ?? []) {
        const taken = await trx
          .selectFrom('loyalty_pages')
          .select('customer_id')
          .where((eb) => eb.or([eb('customer_id', '=', loser), eb('token_hash', '=', p.token_hash)]))
          .executeTakeFirst();
        if (!taken) await trx.insertInto('loyalty_pages').values({ customer_id: loser, token_hash: p.token_hash, created_at: p.created_at }).execute();
      }
      for (const r of snap?.referrals ?? []) {
        const current = await trx
          .selectFrom('referrals')
          .select('id')
          .where('id', '=', r.id as string)
          .executeTakeFirst();
        if (current)
          await trx
            .updateTable('referrals')
            .set({ referrer_id: r.referrer_id as string, referred_id: r.referred_id as string })
            .where('id', '=', r.id as string)
            .execute();
        else if (
          !(await trx
            .selectFrom('referrals')
            .select('id')
            .where('referred_id', '=', r.referred_id as string)
            .executeTakeFirst())
        )
          await trx.insertInto('referrals').values(r).execute();
      }
    }
    if (winnerDelta !== 0) {
      await settleLots(trx, winner, now);
      adjusted.push({
        type: 'loyalty.points_adjusted',
        entity: 'customer',
        entityId: winner,
        data: { points: winnerDelta, balance: (await getBalance(trx, winner)).points, reason: 'merge undone: the restored customers took their points back', merge_id: mergeId, to: restored },
      });
      touched.push(winner);
    }
    await trx.deleteFrom('loyalty_merges').where('merge_id', '=', mergeId).execute();
    if (adjusted.length) await appendEvents(trx, actor, adjusted);
  }
  return touched;
}
