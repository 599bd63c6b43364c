import type { Db } from '../core/database.js';
import { redactEvents } from '../core/events.js';
import { quoteEntity } from '../schema/entities.js';
import { columnOf, isPersonal } from '../schema/fields.js';

const chunks = <T>(items: readonly T[], size = 500): T[][] => Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, i * size + size));

async function quoteIdsOf(trx: Db, customerIds: readonly string[]): Promise<string[]> {
  const ids: string[] = [];
  for (const chunk of chunks(customerIds)) ids.push(...(await trx.selectFrom('quotes').select('id').where('customer_id', 'in', chunk).execute()).map((r) => r.id as string));
  return ids;
}

/**
 * Erases a person from their quotes: the quotes stay for the accounts and the acceptance report
 * (number, amounts, status, dates), their personal fields (title, notes, the name typed to accept,
 * the decline reason) are emptied, and their audit copies and event data go.
 */
export async function eraseQuotesOf(trx: Db, customerIds: readonly string[]): Promise<void> {
  const set: Record<string, unknown> = {};
  for (const f of quoteEntity.fields) if (isPersonal(f) && columnOf(f)) set[columnOf(f)!] = null;
  const ids = await quoteIdsOf(trx, customerIds);
  for (const chunk of chunks(ids)) {
    await trx.updateTable('quotes').set(set).where('id', 'in', chunk).execute();
    await trx.updateTable('audit_log').set({ before_data: null, after_data: null }).where('entity', '=', 'quotes').where('entity_id', 'in', chunk).execute();
  }
  await redactEvents(trx, 'quote', ids);
}

/** The trail of the person's quotes keeps what happened and when, not from where, by whom or why. */
export async function eraseQuoteActivityOf(trx: Db, customerIds: readonly string[]): Promise<void> {
  const ids = await quoteIdsOf(trx, customerIds);
  for (const chunk of chunks(ids)) await trx.updateTable('quote_activity').set({ ip: null, user_agent: null, detail: null }).where('quote_id', 'in', chunk).execute();
}
