/**
 * Wake-ups across server processes: a writer says "something changed on `channel`" inside its
 * transaction, and processes listening on the channel hear it once that transaction commits. PostgreSQL
 * does this itself (NOTIFY, delivered at commit); the other engines have nothing like it, so there
 * `listenForWakeups` answers null and the caller polls.
 */
import { sql } from 'kysely';
import { engineOf, type Database, type Db } from './database.js';

/** Wakes the channel's listeners when the transaction `trx` commits (nothing on engines without NOTIFY). */
export async function wakeOnCommit(trx: Db, channel: string): Promise<void> {
  if (engineOf(trx) !== 'postgres') return;
  await sql`select pg_notify(${channel}, '')`.execute(trx);
}

/**
 * Calls `onWake` on each wake-up of `channel` (and `onLost` if the listening connection drops); answers
 * the function that stops listening, or null where the engine cannot listen.
 */
export async function listenForWakeups(database: Database, channel: string, onWake: () => void, onLost: () => void): Promise<(() => Promise<void>) | null> {
  if (!database.listen) return null;
  return database.listen(channel, onWake, onLost);
}
