/**
 * The follow-up cadence's reactions to domain events (an after-commit consumer: see cadence.ts for
 * why), and the periodic pass that moves cadences whose follow-up day has passed.
 */
import { inTransaction, type Ctx } from '../core/context.js';
import type { Database } from '../core/database.js';
import { consumeEvents, startEventConsumers, type EventConsumer, type StoredEvent } from '../core/events.js';
import { startPoller, type Poller } from '../core/poller.js';
import type { EventType } from '../schema/events.js';
import { getQuote } from '../quotes/service.js';
import { advanceCadence, cadencesPastDue, startCadence, stopCadences, type Cadence, type StopReason } from './cadence.js';

const followupConsumerName = 'followups';

const types: EventType[] = ['quote.sent', 'quote.accepted', 'quote.declined', 'quote.converted', 'quote.revised', 'deal.created', 'deal.won', 'deal.lost', 'interaction.created', 'task.completed'];

const str = (v: unknown) => (typeof v === 'string' && v ? v : null);
const record = (e: StoredEvent) => (e.data?.record ?? {}) as Record<string, unknown>;

async function quoteLabel(ctx: Ctx, cadence: Cadence): Promise<string | null> {
  if (cadence.subject_entity !== 'quote') return null;
  try {
    return (await getQuote(ctx.database.db, cadence.subject_id)).number;
  } catch {
    return null;
  }
}

async function handleEvent(ctx: Ctx, e: StoredEvent): Promise<void> {
  const data = e.data ?? {};
  const stop = (match: Parameters<typeof stopCadences>[2], reason: StopReason) => inTransaction(ctx, (trx) => stopCadences(trx, ctx, match, reason));
  switch (e.type) {
    case 'quote.sent':
      await inTransaction(ctx, (trx) =>
        startCadence(trx, ctx, { subjectEntity: 'quote', subjectId: e.entity_id, customerId: str(data.customer_id), dealId: str(data.deal_id), label: str(data.number), at: e.occurred_at }),
      );
      return;
    case 'deal.created': {
      const source = str(data.source) ?? str(record(e).source);
      if (source !== 'form') return;
      await inTransaction(ctx, (trx) =>
        startCadence(trx, ctx, { subjectEntity: 'deal', subjectId: e.entity_id, customerId: str(data.customer_id) ?? str(record(e).customer_id), dealId: e.entity_id, at: e.occurred_at }),
      );
      return;
    }
    case 'interaction.created': {
      const r = record(e);
      const customerId = str(r.customer_id);
      if (r.direction === 'in' && customerId) await stop({ customerId }, 'replied');
      return;
    }
    case 'deal.won':
    case 'deal.lost':
      await stop({ dealId: e.entity_id }, e.type === 'deal.won' ? 'deal_won' : 'deal_lost');
      return;
    case 'quote.accepted':
    case 'quote.declined':
    case 'quote.converted':
      await stop({ subject: { entity: 'quote', id: e.entity_id } }, e.type === 'quote.accepted' ? 'quote_accepted' : e.type === 'quote.declined' ? 'quote_declined' : 'quote_converted');
      return;
    case 'quote.revised': {
      const from = str(data.from_id);
      if (from) await stop({ subject: { entity: 'quote', id: from } }, 'quote_revised');
      return;
    }
    case 'task.completed': {
      const row = await ctx.database.db.selectFrom('followups').selectAll().where('current_task_id', '=', e.entity_id).where('status', '=', 'active').executeTakeFirst();
      if (!row) return;
      const cadence = { ...(row as unknown as Cadence), intervals: JSON.parse(row.intervals as string) as number[], step: Number(row.step) };
      const label = await quoteLabel(ctx, cadence);
      await inTransaction(ctx, (trx) => advanceCadence(trx, ctx, cadence, label));
      return;
    }
    default:
      return;
  }
}

function followupConsumer(database: Database): EventConsumer {
  const ctx: Ctx = { database, actor: 'system' };
  return {
    name: followupConsumerName,
    types,
    async handle(events) {
      for (const e of events) await handleEvent(ctx, e);
    },
  };
}

/** Runs the consumer until no event is waiting (tests, the CLI). */
export async function drainFollowupEvents(database: Database, worker = 'followups-drain'): Promise<number> {
  const consumer = followupConsumer(database);
  let total = 0;
  for (;;) {
    const n = await consumeEvents(database, consumer.name, (events) => consumer.handle(events), { worker, types: consumer.types });
    if (n === 0) return total;
    total += n;
  }
}

/** Moves every active cadence whose follow-up day has passed to its next follow-up. */
export async function advancePastDueFollowups(database: Database, now = new Date()): Promise<number> {
  const ctx: Ctx = { database, actor: 'system' };
  let moved = 0;
  for (const cadence of await cadencesPastDue(database.db, now)) {
    const label = await quoteLabel(ctx, cadence);
    if (await inTransaction(ctx, (trx) => advanceCadence(trx, ctx, cadence, label))) moved++;
  }
  return moved;
}

/** The periodic pass (every 10 minutes by default). */
function startFollowupPass(database: Database, everyMs = 10 * 60_000, onError: (e: unknown) => void = (e) => console.error('follow-ups:', e)): Poller {
  return startPoller(async () => {
    try {
      await advancePastDueFollowups(database);
    } catch (e) {
      onError(e);
    }
  }, everyMs);
}

/** In each server process: the event consumer (one process at a time holds its lease) and the periodic pass. */
export function startFollowups(database: Database): { stop(): Promise<void> } {
  const consumer = startEventConsumers(database, [followupConsumer(database)], { pollMs: 2_000 });
  const pass = startFollowupPass(database);
  return {
    async stop() {
      await consumer.stop();
      await pass.stop();
    },
  };
}
