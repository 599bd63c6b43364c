/**
 * In the server process: one IDLE connection per enabled mailbox, so new mail becomes a ticket at once
 * rather than at the next minute's fetch. The set follows the mailbox settings (checked every minute):
 * a mailbox added, disabled or removed gains or loses its watcher.
 */
import type { Database } from '../core/database.js';
import { watchMailbox, type MailboxWatcher } from './mailboxes.js';

export function startMailboxWatchers(database: Database, options: { syncMs?: number } = {}) {
  const watchers = new Map<string, MailboxWatcher>();
  let stopped = false;
  const sync = async () => {
    if (stopped) return;
    try {
      const enabled = new Set((await database.db.selectFrom('mailboxes').select('id').where('enabled', '=', 1).execute()).map((r) => r.id as string));
      for (const [id, w] of watchers) if (!enabled.has(id)) (watchers.delete(id), await w.stop());
      for (const id of enabled) if (!watchers.has(id)) watchers.set(id, watchMailbox(database, id));
    } catch {
      // the every-minute fetch still runs; try again at the next sync
    }
  };
  void sync();
  const timer = setInterval(() => void sync(), options.syncMs ?? 60_000);
  timer.unref();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await Promise.all([...watchers.values()].map((w) => w.stop()));
      watchers.clear();
    },
  };
}
