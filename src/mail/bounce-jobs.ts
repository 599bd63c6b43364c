/** The daily purge of raw bounce reports older than 30 days and lifting of expired soft-bounce pauses, as a queued job kind with its schedule. */
import type { Database } from '../core/database.js';
import type { JobHandler } from '../core/jobs.js';
import { liftExpiredPauses, purgeBounceRaw } from './bounce-inbound.js';

const bouncePurgeKind = 'mail.bounces.purge_raw';

export const bounceSchedules = [{ cron: '23 3 * * *', kind: bouncePurgeKind, payload: {} }];

export function bounceJobHandlers(database: Database): Record<string, JobHandler> {
  return { [bouncePurgeKind]: async () => ({ purged: await purgeBounceRaw(database), pauses_lifted: await liftExpiredPauses(database) }) };
}
