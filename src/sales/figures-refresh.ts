/**
 * Every customer's order figures again, as a job: queued when the business currency changes, since
 * revenue and the average order value count the orders in that currency only.
 */
import type { Database } from '../core/database.js';
import type { Subscription } from '../core/events.js';
import { enqueueIn, type JobHandler } from '../core/jobs.js';
import { setCustomerColumns } from '../customers/service.js';
import { customerOrderFigures } from './figures.js';

const figuresRefreshKind = 'figures.refresh';

interface FiguresRefreshProgress {
  customers: number;
}

/** Recomputes the order figures of every customer, a page of customers per transaction. */
async function refreshAllOrderFigures(database: Database, progress?: (p: FiguresRefreshProgress) => unknown, pageSize = 1000): Promise<number> {
  let lastId: string | null = null;
  let done = 0;
  for (;;) {
    let q = database.db.selectFrom('customers').select('id').orderBy('id').limit(pageSize);
    if (lastId !== null) q = q.where('id', '>', lastId);
    const ids = (await q.execute()).map((r) => r.id as string);
    if (ids.length === 0) break;
    await database.db.transaction().execute(async (trx) => setCustomerColumns(trx, await customerOrderFigures(trx, ids)));
    done += ids.length;
    lastId = ids[ids.length - 1];
    await progress?.({ customers: done });
    if (ids.length < pageSize) break;
  }
  return done;
}

export function figuresJobHandlers(database: Database): Record<string, JobHandler> {
  return {
    [figuresRefreshKind]: async (_job, tools) => ({ customers: await refreshAllOrderFigures(database, (p) => tools.progress(p)) }),
  };
}

/** A change of the business currency queues the refresh, in the transaction that changed it. */
export const currencyChangeSubscription: Subscription = {
  types: ['settings.updated'],
  handle: async (trx, events) => {
    const currencyChanged = events.some((e) => Array.isArray(e.data?.changed) && e.data.changed.includes('currency'));
    if (currencyChanged) await enqueueIn(trx, figuresRefreshKind, { reason: 'currency changed' }, { maxAttempts: 3 });
  },
};
