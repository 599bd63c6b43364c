import type { Db } from '../core/database.js';
import { redactEvents } from '../core/events.js';
import { dealEntity } from '../schema/entities.js';
import { columnOf, isPersonal } from '../schema/fields.js';

/**
 * Erases a person from their deals: the deals stay for the pipeline figures (stage, value, dates,
 * source), their personal fields (title, lost reason, notes) are emptied, and their audit copies
 * and event data go. Deleted deals of the person are found through their audit entries.
 */
export async function eraseDealsOf(trx: Db, customerIds: readonly string[]): Promise<void> {
  const set: Record<string, unknown> = {};
  for (const f of dealEntity.fields) if (isPersonal(f) && columnOf(f)) set[columnOf(f)!] = f.required ? 'Erased' : null;
  const ids: string[] = [];
  for (let i = 0; i < customerIds.length; i += 500) {
    const chunk = customerIds.slice(i, i + 500);
    ids.push(...(await trx.selectFrom('deals').select('id').where('customer_id', 'in', chunk).execute()).map((r) => r.id as string));
  }
  for (const c of customerIds) {
    const gone = await trx.selectFrom('audit_log').select('entity_id').where('entity', '=', 'deals').where('action', '=', 'delete').where('before_data', 'like', `%"customer_id":"${c}"%`).execute();
    ids.push(...gone.map((r) => r.entity_id as string));
  }
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    await trx.updateTable('deals').set(set).where('id', 'in', chunk).execute();
    await trx.updateTable('audit_log').set({ before_data: null, after_data: null }).where('entity', '=', 'deals').where('entity_id', 'in', chunk).execute();
  }
  await redactEvents(trx, 'deal', ids);
}
