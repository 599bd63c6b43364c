/**
 * Runs in every server process: delivers queued mail (a pass, a pause, again). Processes share the queue
 * through the database (claims with SKIP LOCKED); at start-up, mail claimed by a process of this host
 * that died goes back to the queue.
 */
import type { Database } from '../core/database.js';
import { startPoller } from '../core/poller.js';
import { deliverQueuedMail, releaseMailOfGoneProcesses } from './deliver.js';
import { closeMailTransport } from './transport.js';

export async function startMailWorker(database: Database, options: { pollMs?: number; onError?: (error: unknown) => void } = {}) {
  const onError = options.onError ?? ((e: unknown) => console.error('mail:', e));
  await releaseMailOfGoneProcesses(database);
  const poller = startPoller(async () => {
    await deliverQueuedMail(database).catch(onError);
  }, options.pollMs ?? 1000);
  return {
    nudge: () => poller.nudge(),
    async stop() {
      await poller.stop();
      closeMailTransport();
    },
  };
}
