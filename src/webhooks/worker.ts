import { hostname } from 'node:os';
import type { Database } from '../core/database.js';
import { startEventConsumers } from '../core/events.js';
import { startPoller, type Poller } from '../core/poller.js';
import { newId } from '../core/ids.js';
import { attemptDelivery, claimDeliveries, defaultDeliverySettings, fanOutEvents, loadDeliveryContext, type DeliverySettings } from './service.js';

export interface WebhookWorkerOptions extends Partial<DeliverySettings> {
  pollMs?: number;
  /** Deliveries sent at once by this process. */
  concurrency?: number;
  onError?: (error: unknown) => void;
}

/**
 * Runs in every server process: turns new events into deliveries (the `webhooks` outbox consumer)
 * and sends due deliveries. Processes share the work through the database: the consumer's lease
 * and each delivery's claim make sure one process sends a given attempt.
 */
export function startWebhookWorker(database: Database, options: WebhookWorkerOptions = {}) {
  const settings: DeliverySettings = { ...defaultDeliverySettings, ...options };
  const pollMs = options.pollMs ?? 200;
  const concurrency = options.concurrency ?? 16;
  const onError = options.onError ?? ((e: unknown) => console.error('webhooks:', e));
  const worker = `${hostname()}:${process.pid}:${newId('delivery').slice(-6)}`;
  const sendDue = async () => {
    // A claimed delivery is always attempted: stopping only keeps the next batch from being claimed.
    while (!deliveries.stopped()) {
      const batch = await claimDeliveries(database, worker, concurrency * 2);
      if (batch.length === 0) return;
      const loaded = await loadDeliveryContext(database.db, batch);
      let next = 0;
      const lane = async () => {
        while (next < batch.length) await attemptDelivery(database, batch[next++], worker, settings, loaded).catch(onError);
      };
      await Promise.all(Array.from({ length: Math.min(concurrency, batch.length) }, lane));
    }
  };
  const deliveries: Poller = startPoller(() => sendDue().catch(onError), pollMs);
  const consumers = startEventConsumers(
    database,
    [
      {
        name: 'webhooks',
        async handle(events) {
          if ((await fanOutEvents(database, events)) > 0) deliveries.nudge();
        },
      },
    ],
    { pollMs, onError: (e) => onError(e) },
  );

  return {
    nudge() {
      consumers.nudge();
      deliveries.nudge();
    },
    async stop() {
      await Promise.all([consumers.stop(), deliveries.stop()]);
    },
  };
}
