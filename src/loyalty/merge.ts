/** When customers are merged, their points, codes and referrals go to the customer they were merged into. */
import type { Db } from '../core/database.js';
import type { StoredEvent } from '../core/events.js';
import { addToBalances, getBalances } from './ledger.js';

const stringsIn = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

/**
 * Moves the merged-away customers' ledger, balances, redemptions and referrals to the winner; the
 * winner keeps its own referral code (or takes over one of theirs). A merge undone later leaves the
 * points with the winner: the ledger says which entries came from whom only by their orders.
 */
export async function mergeLoyalty(trx: Db, events: readonly StoredEvent[]): Promise<string[]> {
  const winners: string[] = [];
  for (const e of events) {
    if (e.type !== 'customer.merged') continue;
    const winner = e.entity_id;
    const losers = stringsIn(e.data?.merged_ids).filter((id) => id !== winner);
    if (losers.length === 0) continue;
    winners.push(winner);
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
