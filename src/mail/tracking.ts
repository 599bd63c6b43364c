/**
 * Opens and clicks of tracked email (`/t/o/{token}`, `/t/c/{token}`). The first of each is stored on the
 * message and is an event; a click redirects only to the link signed into its token. Nothing is recorded
 * while the business has tracking switched off. Opens are inflated by mail privacy proxies that fetch
 * every image.
 */
import { instanceSecret } from '../auth/secrets.js';
import type { Database } from '../core/database.js';
import { appendEvents } from '../core/events.js';
import { AppError } from '../core/errors.js';
import { getMailSettings } from './settings.js';
import { readClickToken, readOpenToken } from './tokens.js';

const invalidLink = () => new AppError('not_found', 'This link is not valid.');

async function firstTime(database: Database, messageId: string, column: 'opened_at' | 'clicked_at', type: 'message.opened' | 'message.clicked'): Promise<void> {
  await database.db.transaction().execute(async (trx) => {
    const now = new Date().toISOString();
    const r = await trx
      .updateTable('messages')
      .set({ [column]: now })
      .where('id', '=', messageId)
      .where(column, 'is', null)
      .where('status', '=', 'sent')
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0) return;
    const row = await trx.selectFrom('messages').select(['purpose', 'customer_id']).where('id', '=', messageId).executeTakeFirstOrThrow();
    await appendEvents(trx, 'tracking', [{ type, entity: 'message', entityId: messageId, data: { purpose: row.purpose, customer_id: row.customer_id ?? null } }]);
  });
}

export async function recordOpen(database: Database, token: string): Promise<void> {
  const messageId = readOpenToken(await instanceSecret(database.db), token);
  if (!messageId) throw invalidLink();
  if ((await getMailSettings(database.db)).track_opens) await firstTime(database, messageId, 'opened_at', 'message.opened');
}

/** Records the click and returns where it goes. */
export async function recordClick(database: Database, token: string): Promise<string> {
  const click = readClickToken(await instanceSecret(database.db), token);
  if (!click) throw invalidLink();
  if ((await getMailSettings(database.db)).track_clicks) await firstTime(database, click.messageId, 'clicked_at', 'message.clicked');
  return click.url;
}
