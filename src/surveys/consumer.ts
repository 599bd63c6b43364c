/**
 * CSAT on resolve: a durable consumer of `ticket.resolved` (its cursor survives restarts; a batch a
 * crashed process left is run again, and the once-per-ticket check makes that harmless). The ticket
 * need not know about surveys.
 */
import type { Database, Db } from '../core/database.js';
import { consumeEvents, startEventConsumers, type EventConsumer, type StoredEvent } from '../core/events.js';
import { getTicketRow, ticketReference } from '../tickets/service.js';
import { askCsat } from './service.js';

/**
 * How the CSAT question reaches a chat: put into the conversation in the survey's transaction, then
 * pushed live after commit. The chat capability provides it (wired in server.ts), so surveys do not
 * depend on chat.
 */
export interface ChatChannel {
  post(trx: Db, chatId: string): Promise<unknown>;
  pushed(database: Database, posted: unknown[]): void;
}

const csatConsumerName = 'surveys.csat';

async function handle(database: Database, e: StoredEvent, chat?: ChatChannel): Promise<void> {
  let ticket;
  try {
    ticket = await getTicketRow(database.db, e.entity_id);
  } catch {
    return; // deleted since
  }
  const conversation = chat ? await database.db.selectFrom('chat_conversations').select('id').where('ticket_id', '=', ticket.id).executeTakeFirst() : undefined;
  const posted: unknown[] = [];
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
        chatId: (conversation?.id as string | undefined) ?? null,
      },
      async (t, chatId) => {
        posted.push(await chat!.post(t, chatId));
      },
    ),
  );
  if (posted.length) chat!.pushed(database, posted);
}

function csatConsumer(database: Database, chat?: ChatChannel): EventConsumer {
  return {
    name: csatConsumerName,
    types: ['ticket.resolved'],
    async handle(events) {
      for (const e of events) await handle(database, e, chat);
    },
  };
}

/** Runs the consumer until no event is waiting (tests, the CLI). */
export async function drainCsatEvents(database: Database, chat?: ChatChannel, worker = 'csat-drain'): Promise<number> {
  const consumer = csatConsumer(database, chat);
  let total = 0;
  for (;;) {
    const n = await consumeEvents(database, consumer.name, (events) => consumer.handle(events), { worker, types: consumer.types });
    if (n === 0) return total;
    total += n;
  }
}

/** In each server process: the consumer (one process at a time holds its lease). */
export function startSurveyConsumers(database: Database, chat?: ChatChannel) {
  return startEventConsumers(database, [csatConsumer(database, chat)], { pollMs: 1_000 });
}
