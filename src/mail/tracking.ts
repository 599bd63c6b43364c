/**
 * Opens and clicks of tracked email (`/t/o/{token}`, `/t/c/{token}`). The first of each is stored on the
 * message and is an event; a click redirects only to the link signed into its token. Nothing is recorded
 * while the business has tracking switched off. Opens are inflated by mail privacy proxies that fetch
 * every image. Hits are written in shared transactions (see `record`), each before its answer goes out.
 */
import { instanceSecret } from '../auth/secrets.js';
import type { Database } from '../core/database.js';
import { appendEvents } from '../core/events.js';
import { AppError } from '../core/errors.js';
import { getMailSettings } from './settings.js';
import { readClickToken, readOpenToken } from './tokens.js';

const invalidLink = () => new AppError('not_found', 'This link is not valid.');

type Column = 'opened_at' | 'clicked_at';
interface Hit {
  messageId: string;
  column: Column;
  done: (error?: unknown) => void;
}

/**
 * Hits waiting for the database, per database. Opens and clicks arrive by the hundred a second when a
 * campaign lands; each is recorded before its answer goes out, but those that arrive while a transaction
 * is writing share the next one (a group commit): one transaction and one round of event subscribers for
 * up to `maxBatch` hits instead of one each.
 */
const pending = new WeakMap<Database, { hits: Hit[]; writing: boolean }>();
const maxBatch = 200;

function record(database: Database, messageId: string, column: Column): Promise<void> {
  let queue = pending.get(database);
  if (!queue) pending.set(database, (queue = { hits: [], writing: false }));
  const q = queue;
  return new Promise<void>((resolve, reject) => {
    q.hits.push({ messageId, column, done: (error) => (error === undefined ? resolve() : reject(error)) });
    if (!q.writing) {
      q.writing = true;
      void drain(database, q);
    }
  });
}

async function drain(database: Database, q: { hits: Hit[]; writing: boolean }): Promise<void> {
  while (q.hits.length) {
    const batch = q.hits.splice(0, maxBatch);
    try {
      await firstTimes(database, batch);
      for (const h of batch) h.done();
    } catch (error) {
      for (const h of batch) h.done(error);
    }
  }
  q.writing = false;
}

/** Stores each hit that is the message's first of its kind (a conditional update, so once across processes), with its event. */
async function firstTimes(database: Database, hits: Hit[]): Promise<void> {
  await database.db.transaction().execute(async (trx) => {
    const now = new Date().toISOString();
    const events = [];
    const seen = new Set<string>();
    // In id order, so that two processes writing overlapping batches lock rows in the same order (no deadlock).
    const ordered = [...hits].sort((a, b) => (a.messageId < b.messageId ? -1 : a.messageId > b.messageId ? 1 : 0));
    for (const { messageId, column } of ordered) {
      if (seen.has(`${column}:${messageId}`)) continue;
      seen.add(`${column}:${messageId}`);
      const r = await trx
        .updateTable('messages')
        .set({ [column]: now })
        .where('id', '=', messageId)
        .where(column, 'is', null)
        .where('status', '=', 'sent')
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) === 0) continue;
      const row = await trx.selectFrom('messages').select(['purpose', 'customer_id']).where('id', '=', messageId).executeTakeFirstOrThrow();
      const type = column === 'opened_at' ? ('message.opened' as const) : ('message.clicked' as const);
      events.push({ type, entity: 'message' as const, entityId: messageId, data: { purpose: row.purpose, customer_id: row.customer_id ?? null } });
    }
    await appendEvents(trx, 'tracking', events);
  });
}

export async function recordOpen(database: Database, token: string): Promise<void> {
  const messageId = readOpenToken(await instanceSecret(database.db), token);
  if (!messageId) throw invalidLink();
  if ((await getMailSettings(database.db)).track_opens) await record(database, messageId, 'opened_at');
}

/** Records the click and returns where it goes. */
export async function recordClick(database: Database, token: string): Promise<string> {
  const click = readClickToken(await instanceSecret(database.db), token);
  if (!click) throw invalidLink();
  if ((await getMailSettings(database.db)).track_clicks) await record(database, click.messageId, 'clicked_at');
  return click.url;
}
