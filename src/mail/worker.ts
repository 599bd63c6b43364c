/**
 * Runs in every server process: delivers queued mail (a pass, a pause, again). Processes share the queue
 * through the database (claims with SKIP LOCKED); at start-up, and every few seconds after, mail claimed by
 * a process of this host that died goes back to the queue, so a process that outlives a killed neighbour
 * finishes its mail without waiting for the claim's lease (5 minutes).
 */
import type { Database } from '../core/database.js';
import { startPoller } from '../core/poller.js';
import { deliverQueuedMail, releaseMailOfGoneProcesses } from './deliver.js';
import { closeMailTransport } from './transport.js';

export async function startMailWorker(database: Database, options: { pollMs?: number; releaseEveryMs?: number; onError?: (error: unknown) => void } = {}) {
  const onError = options.onError ?? ((e: unknown) => console.error('mail:', e));
  await releaseMailOfGoneProcesses(database);
  const releaseEveryMs = options.releaseEveryMs ?? 5000;
  let releasedAt = Date.now();
  const poller = startPoller(async () => {
    if (Date.now() - releasedAt >= releaseEveryMs) {
      releasedAt = Date.now();
      await releaseMailOfGoneProcesses(database).catch(onError);
    }
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
