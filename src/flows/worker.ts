/**
 * In each server process: the `flows` event consumer (one process at a time holds its lease) and the
 * step runner (each pass claims due enrolments; processes share them through the claim).
 */
import type { Database } from '../core/database.js';
import { startEventConsumers } from '../core/events.js';
import { startPoller } from '../core/poller.js';
import { drainDueEnrolments, flowWorkerName, releaseClaims } from './runner.js';
import { flowConsumer } from './triggers.js';

export interface FlowWorkerOptions {
  pollMs?: number;
  allowPrivate?: boolean;
  onError?: (error: unknown) => void;
}

export function startFlows(database: Database, options: FlowWorkerOptions = {}) {
  const onError = options.onError ?? ((e: unknown) => console.error('flows:', e));
  const pollMs = options.pollMs ?? 5_000;
  const worker = flowWorkerName();
  const consumer = startEventConsumers(database, [flowConsumer(database)], { pollMs: Math.min(pollMs, 2_000), onError: (e) => onError(e) });
  const runner = startPoller(async () => {
    try {
      await drainDueEnrolments(database, { worker, allowPrivate: options.allowPrivate });
    } catch (e) {
      onError(e);
    }
  }, pollMs);
  return {
    nudge() {
      consumer.nudge();
      runner.nudge();
    },
    async stop() {
      await Promise.all([consumer.stop(), runner.stop()]);
      await releaseClaims(database.db, worker).catch(() => {});
    },
  };
}
