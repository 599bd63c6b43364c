/**
 * CSAT on resolve: a durable consumer of `ticket.resolved` (its cursor survives restarts; a batch a
 * crashed process left is run again, and the once-per-ticket check makes that harmless). The ticket
 * need not know about surveys.
 */
import type { Database } from '../core/database.js';
import { consumeEvents, startEventConsumers, type EventConsumer, type StoredEvent } from '../core/events.js';
import { getTicketRow, ticketReference } from '../tickets/service.js';
import { postCsatInChat, pushStored, type ChatMessage } from '../chat/service.js';
import { askCsat } from './service.js';

export const csatConsumerName = 'surveys.csat';

async function handle(database: Database, e: StoredEvent): Promise<void> {
  let ticket;
  try {
    ticket = await getTicketRow(database.db, e.entity_id);
  } catch {
    return; // deleted since
  }
  const chat = await database.db.selectFrom('chat_conversations').select('id').where('ticket_id', '=', ticket.id).executeTakeFirst();
  const posted: ChatMessage[] = [];
  await database.db.transaction().execute((trx) =>
    askCsat(
      trx,
      'system',
      {
        ticketId: ticket.id,
        customerId: ticket.customer_id,
        email: ticket.reply_to_address,
        channel: ticket.channel,
        label: ticketReference(ticket.number),
        chatId: (chat?.id as string | undefined) ?? null,
      },
      async (t, chatId) => {
        posted.push(await postCsatInChat(t, chatId));
      },
    ),
  );
  pushStored(database, posted);
}

export function csatConsumer(database: Database): EventConsumer {
  return {
    name: csatConsumerName,
    types: ['ticket.resolved'],
    async handle(events) {
      for (const e of events) await handle(database, e);
    },
  };
}

/** Runs the consumer until no event is waiting (tests, the CLI). */
export async function drainCsatEvents(database: Database, worker = 'csat-drain'): Promise<number> {
  const consumer = csatConsumer(database);
  let total = 0;
  for (;;) {
    const n = await consumeEvents(database, consumer.name, (events) => consumer.handle(events), { worker, types: consumer.types });
    if (n === 0) return total;
    total += n;
  }
}

/** In each server process: the consumer (one process at a time holds its lease). */
export function startSurveyConsumers(database: Database) {
  return startEventConsumers(database, [csatConsumer(database)], { pollMs: 1_000 });
}
