import type { Db } from '../core/database.js';
import { pruneEvents } from '../core/events.js';
import { pruneDeliveries } from '../webhooks/service.js';

/** How long events and the webhook delivery log are kept (RAPPORT_EVENT_RETENTION_DAYS, default 30). */
export function retentionDays(env: NodeJS.ProcessEnv = process.env): number {
  const days = Number(env.RAPPORT_EVENT_RETENTION_DAYS ?? 30);
  return Number.isFinite(days) && days > 0 ? days : 30;
}

/** Prunes old events and finished deliveries now and then every hour; returns a stop function. */
export function startEventRetention(db: Db, days: number, onError: (e: unknown) => void = (e) => console.error('event retention:', e)): () => void {
  const prune = async () => {
    const cutoff = new Date(Date.now() - days * 86_400_000);
    await pruneDeliveries(db, cutoff);
    await pruneEvents(db, cutoff);
  };
  prune().catch(onError);
  const timer = setInterval(() => prune().catch(onError), 3_600_000);
  timer.unref();
  return () => clearInterval(timer);
}
