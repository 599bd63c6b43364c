/**
 * The rules of a task beyond its fields' types: a priority by default, a recurrence rule that is valid
 * and anchored at a due time, a link that names an existing record, a new reminder time that is
 * reminded again, and the next occurrence of a recurring task once it is done.
 */
import type { Ctx } from '../core/context.js';
import type { Db } from '../core/database.js';
import { invalid } from '../core/errors.js';
import type { ApiRecord } from '../records/codec.js';
import type { EntityService } from '../records/entity-service.js';
import { taskLinkEntities } from '../schema/entities.js';
import { getBusinessSettings } from '../settings/business.js';
import { nextOccurrence, normaliseRecurrence, RecurrenceError } from './recurrence.js';

type LinkEntity = (typeof taskLinkEntities)[number];

const linkTables: Record<LinkEntity, string> = {
  customer: 'customers',
  company: 'companies',
  order: 'orders',
  interaction: 'interactions',
  task: 'tasks',
  deal: 'deals',
  quote: 'quotes',
  contract: 'contracts',
};

/** Extra columns for a task row about to be written (the record is already type-checked). */
export async function prepareTask(trx: Db, record: ApiRecord, existing: ApiRecord | null): Promise<Record<string, unknown>> {
  const extra: Record<string, unknown> = {};
  if (!record.priority) extra.priority = 'normal';

  if (record.recurrence) {
    try {
      extra.recurrence = normaliseRecurrence(record.recurrence as string);
    } catch (e) {
      if (!(e instanceof RecurrenceError)) throw e;
      throw invalid(`recurrence: ${e.message}`, { recurrence: [`not a valid RFC 5545 RRULE: ${e.message}`] });
    }
    if (!record.due_at) throw invalid('a recurring task needs a due time', { due_at: ['required when recurrence is set'] });
  }

  const linkedEntity = record.linked_entity as LinkEntity | null | undefined;
  const linkedId = record.linked_id as string | null | undefined;
  if (!!linkedEntity !== !!linkedId) {
    const missing = linkedEntity ? 'linked_id' : 'linked_entity';
    throw invalid(`${missing} is required with ${missing === 'linked_id' ? 'linked_entity' : 'linked_id'}`, { [missing]: ['required when the other half of the link is set'] });
  }
  if (linkedEntity && linkedId && (!existing || existing.linked_id !== linkedId || existing.linked_entity !== linkedEntity)) {
    const found = await trx.selectFrom(linkTables[linkedEntity]).select('id').where('id', '=', linkedId).executeTakeFirst();
    if (!found) throw invalid(`linked_id ${linkedId} is not a ${linkedEntity}`, { linked_id: [`no ${linkedEntity} with this id`] });
  }

  // A new reminder time is reminded again.
  if (existing && existing.remind_at !== record.remind_at) extra.reminded_at = null;
  return extra;
}

/** The fields a task's next occurrence copies. */
const carried = ['title', 'notes', 'priority', 'customer_id', 'company_id', 'order_id', 'linked_entity', 'linked_id'] as const;

/**
 * Completing a recurring task creates its next occurrence in the same transaction: the rule's next
 * due time after this one (in the business time zone), the reminder as far ahead of it as before.
 */
export async function createNextOccurrences(trx: Db, ctx: Ctx, service: EntityService, changes: { before: ApiRecord | null; after: ApiRecord | null }[]): Promise<void> {
  const completed = changes.filter((c) => c.before && c.after && !c.before.done && c.after.done && c.after.recurrence && c.after.due_at).map((c) => c.after!);
  if (completed.length === 0) return;
  const { timeZone } = await getBusinessSettings(trx);
  const inputs: Record<string, unknown>[] = [];
  for (const task of completed) {
    const next = nextOccurrence(task.recurrence as string, task.due_at as string, timeZone);
    if (!next) continue;
    const input: Record<string, unknown> = { due_at: next.dueAt, recurrence: next.recurrence };
    for (const f of carried) if (task[f] !== null && task[f] !== undefined) input[f] = task[f];
    if (task.remind_at) input.remind_at = new Date(Date.parse(next.dueAt) - (Date.parse(task.due_at as string) - Date.parse(task.remind_at as string))).toISOString();
    inputs.push(input);
  }
  if (inputs.length) await service.createIn(trx, ctx, inputs);
}
