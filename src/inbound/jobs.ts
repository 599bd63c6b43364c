/** Every minute: fetch new mail from each enabled support mailbox, and wake snoozed tickets whose time has come. */
import type { Database } from '../core/database.js';
import type { JobHandler } from '../core/jobs.js';
import { wakeSnoozedTickets } from '../tickets/service.js';
import { pollAllMailboxes } from './mailboxes.js';

const inboundMinuteKind = 'inbound.every_minute';

export const inboundSchedules = [{ cron: '* * * * *', kind: inboundMinuteKind, payload: {} }];

export function inboundJobHandlers(database: Database): Record<string, JobHandler> {
  return {
    [inboundMinuteKind]: async () => {
      const woken = await wakeSnoozedTickets(database.db, { database, actor: 'system' });
      const results = await pollAllMailboxes(database);
      return { woken, mailboxes: results.map((r) => ({ id: r.mailbox_id, fetched: r.fetched, error: r.error ?? null })) };
    },
  };
}
