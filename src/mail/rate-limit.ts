/**
 * Per-sender sending limits per second, hour and day, kept in fixed windows in the database
 * (`mail_rate_windows`): a claim of messages uses up budget in the same transaction, so a restarted
 * server, or a second one, sees what was already sent and does not burst.
 */
import { sql } from 'kysely';
import type { Db } from '../core/database.js';
import { insertOrIgnore, lockingRows } from '../core/dialect.js';

/** 0 means no limit for that period. */
export interface RateLimits {
  per_second: number;
  per_hour: number;
  per_day: number;
}

/** Sized for one person sending from an ordinary mailbox provider: well under Gmail's 5,000 a day. */
export const defaultRateLimits: RateLimits = { per_second: 5, per_hour: 400, per_day: 2000 };

/** Gmail treats a sender of 5,000 or more messages a day to its users as a bulk sender. */
export const bulkSenderThreshold = 5000;

const periods = { second: 1000, hour: 3_600_000, day: 86_400_000 } as const;
type Period = keyof typeof periods;
const limitOf = (limits: RateLimits, p: Period) => (p === 'second' ? limits.per_second : p === 'hour' ? limits.per_hour : limits.per_day);

export const windowStart = (period: Period, now: Date) => new Date(Math.floor(now.getTime() / periods[period]) * periods[period]).toISOString();

async function readWindows(db: Db, senderKey: string, lock: boolean) {
  const q = db.selectFrom('mail_rate_windows').select(['period', 'window_start', 'used']).where('sender_key', '=', senderKey);
  return (lock ? lockingRows(db, q) : q).execute();
}

/** How many messages the sender may still send now (Infinity without limits). */
export async function remainingBudget(db: Db, senderKey: string, limits: RateLimits, now = new Date(), lock = false): Promise<number> {
  const rows = await readWindows(db, senderKey, lock);
  let budget = Infinity;
  for (const period of Object.keys(periods) as Period[]) {
    const limit = limitOf(limits, period);
    if (!limit) continue;
    const row = rows.find((r) => r.period === period);
    const used = row && row.window_start === windowStart(period, now) ? Number(row.used) : 0;
    budget = Math.min(budget, Math.max(0, limit - used));
  }
  return budget;
}

/** Creates the sender's window rows if missing, outside the claim, so that two claiming processes lock rows instead of racing to insert them. */
export async function ensureWindows(db: Db, senderKey: string, now = new Date()): Promise<void> {
  const rows = await readWindows(db, senderKey, false);
  for (const period of Object.keys(periods) as Period[]) {
    if (rows.some((r) => r.period === period)) continue;
    await insertOrIgnore(db, 'mail_rate_windows', { sender_key: senderKey, period, window_start: windowStart(period, now), used: 0, updated_at: now.toISOString() }, ['sender_key', 'period']);
  }
}

/** Counts `count` messages against the sender's current windows (inside the claiming transaction). */
export async function useBudget(trx: Db, senderKey: string, count: number, now = new Date()): Promise<void> {
  if (count <= 0) return;
  const rows = await readWindows(trx, senderKey, true);
  const at = now.toISOString();
  for (const period of Object.keys(periods) as Period[]) {
    const start = windowStart(period, now);
    const row = rows.find((r) => r.period === period);
    if (!row) await trx.insertInto('mail_rate_windows').values({ sender_key: senderKey, period, window_start: start, used: count, updated_at: at }).execute();
    else if (row.window_start !== start)
      await trx.updateTable('mail_rate_windows').set({ window_start: start, used: count, updated_at: at }).where('sender_key', '=', senderKey).where('period', '=', period).execute();
    else
      await trx
        .updateTable('mail_rate_windows')
        .set({ used: sql`used + ${count}`, updated_at: at })
        .where('sender_key', '=', senderKey)
        .where('period', '=', period)
        .execute();
  }
}

/** Messages counted in the sender's current day window. */
export async function sentToday(db: Db, senderKey: string, now = new Date()): Promise<number> {
  const row = await db.selectFrom('mail_rate_windows').select(['window_start', 'used']).where('sender_key', '=', senderKey).where('period', '=', 'day').executeTakeFirst();
  return row && row.window_start === windowStart('day', now) ? Number(row.used) : 0;
}
