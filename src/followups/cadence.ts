/**
 * Follow-up cadences: a sent quote or a lead from a form gets follow-up tasks, one at a time, the
 * intervals of the settings apart (1, 2, 3, 5, 8, 13 days). The next task comes when the previous one
 * is done or its day has passed; the cadence stops when the customer writes back (an inbound
 * interaction), the deal is won or lost, or the quote is answered or revised.
 *
 * Driven by domain events through an after-commit consumer (see consumer.ts), not in the writers'
 * transactions: a follow-up is a reaction, not derived data, and a failure here must never undo the
 * quote that was sent or the deal that was won. Every step is idempotent (a unique cadence per quote
 * or deal, conditional step changes), since a consumer may see an event twice.
 */
import type { Ctx } from '../core/context.js';
import type { Db } from '../core/database.js';
import { appendEvents } from '../core/events.js';
import { newId } from '../core/ids.js';
import { fromWallClock } from '../core/wall-clock.js';
import { addDays } from '../contracts/dates.js';
import { tasks } from '../activities/interactions.js';
import { getBusinessSettings, todayIn } from '../settings/business.js';
import { getFollowupSettings } from './settings.js';

export type SubjectEntity = 'quote' | 'deal';
export type StopReason = 'replied' | 'deal_won' | 'deal_lost' | 'quote_accepted' | 'quote_declined' | 'quote_converted' | 'quote_revised' | 'finished';

export interface Cadence {
  id: string;
  subject_entity: SubjectEntity;
  subject_id: string;
  customer_id: string | null;
  deal_id: string | null;
  intervals: number[];
  step: number;
  status: 'active' | 'stopped';
  stop_reason: StopReason | null;
  current_task_id: string | null;
  current_due_at: string | null;
  started_at: string;
}

function toCadence(row: Record<string, unknown>): Cadence {
  return { ...(row as unknown as Cadence), intervals: JSON.parse(row.intervals as string) as number[], step: Number(row.step) };
}

/** 09:00 in the business time zone on a day. */
const nineOn = (day: string, timeZone: string) => fromWallClock({ year: +day.slice(0, 4), month: +day.slice(5, 7), day: +day.slice(8, 10), hour: 9, minute: 0, second: 0 }, timeZone).toISOString();

function taskTitle(c: Pick<Cadence, 'subject_entity'>, label: string | null, step: number, of: number) {
  const what = c.subject_entity === 'quote' ? `quote ${label ?? ''}`.trim() : 'the lead';
  return `Follow up on ${what} (${step} of ${of})`;
}

export interface StartInput {
  subjectEntity: SubjectEntity;
  subjectId: string;
  customerId: string | null;
  dealId: string | null;
  /** Shown in the task titles (a quote's number). */
  label?: string | null;
  /** When the quote was sent or the lead came in. */
  at: string;
}

/** Starts a cadence with its first task; does nothing when this quote or deal has one already. */
export async function startCadence(trx: Db, ctx: Ctx, input: StartInput): Promise<Cadence | null> {
  const settings = await getFollowupSettings(trx);
  if (!settings.enabled) return null;
  const exists = await trx.selectFrom('followups').select('id').where('subject_entity', '=', input.subjectEntity).where('subject_id', '=', input.subjectId).executeTakeFirst();
  if (exists) return null;
  const { timeZone } = await getBusinessSettings(trx);
  const intervals = settings.intervals;
  const due = nineOn(addDays(todayIn(timeZone, new Date(input.at)), intervals[0]), timeZone);
  const id = newId('followup');
  const [task] = await tasks.createIn(trx, ctx, [
    {
      title: taskTitle({ subject_entity: input.subjectEntity }, input.label ?? null, 1, intervals.length),
      due_at: due,
      customer_id: input.customerId,
      linked_entity: input.subjectEntity,
      linked_id: input.subjectId,
    },
  ]);
  const now = new Date().toISOString();
  await trx
    .insertInto('followups')
    .values({
      id,
      subject_entity: input.subjectEntity,
      subject_id: input.subjectId,
      customer_id: input.customerId,
      deal_id: input.dealId,
      intervals: JSON.stringify(intervals),
      step: 1,
      status: 'active',
      stop_reason: null,
      current_task_id: task.id,
      current_due_at: due,
      started_at: input.at,
      updated_at: now,
    })
    .execute();
  await appendEvents(trx, ctx.actor, [
    {
      type: 'followup.started',
      entity: 'followup',
      entityId: id,
      data: { subject_entity: input.subjectEntity, subject_id: input.subjectId, customer_id: input.customerId, intervals, task_id: task.id, due_at: due },
    },
  ]);
  return (await getCadence(trx, id))!;
}

async function getCadence(db: Db, id: string): Promise<Cadence | null> {
  const row = await db.selectFrom('followups').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toCadence(row) : null;
}

/**
 * Moves a cadence to its next follow-up (or finishes it after the last), if it is still at `fromStep`:
 * of two processes, or an event seen twice, only one moves it.
 */
export async function advanceCadence(trx: Db, ctx: Ctx, cadence: Cadence, label: string | null = null): Promise<boolean> {
  const { timeZone } = await getBusinessSettings(trx);
  const finished = cadence.step >= cadence.intervals.length;
  const now = new Date().toISOString();
  if (finished) {
    const done = await trx
      .updateTable('followups')
      .set({ status: 'stopped', stop_reason: 'finished', current_task_id: null, current_due_at: null, updated_at: now })
      .where('id', '=', cadence.id)
      .where('status', '=', 'active')
      .where('step', '=', cadence.step)
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) === 0) return false;
    await appendEvents(trx, ctx.actor, [
      { type: 'followup.stopped', entity: 'followup', entityId: cadence.id, data: { subject_entity: cadence.subject_entity, subject_id: cadence.subject_id, reason: 'finished', step: cadence.step } },
    ]);
    return true;
  }
  const previousDay = todayIn(timeZone, new Date(cadence.current_due_at ?? now));
  const due = nineOn(addDays(previousDay, cadence.intervals[cadence.step]), timeZone);
  const claimed = await trx
    .updateTable('followups')
    .set({ step: cadence.step + 1, current_due_at: due, updated_at: now })
    .where('id', '=', cadence.id)
    .where('status', '=', 'active')
    .where('step', '=', cadence.step)
    .executeTakeFirst();
  if (Number(claimed.numUpdatedRows) === 0) return false;
  const [task] = await tasks.createIn(trx, ctx, [
    {
      title: taskTitle(cadence, label, cadence.step + 1, cadence.intervals.length),
      due_at: due,
      customer_id: cadence.customer_id,
      linked_entity: cadence.subject_entity,
      linked_id: cadence.subject_id,
    },
  ]);
  await trx.updateTable('followups').set({ current_task_id: task.id }).where('id', '=', cadence.id).execute();
  return true;
}

/**
 * Stops the active cadences that match (by customer, by quote or deal, or by the deal a quote
 * belongs to); their open follow-up task is deleted, since nobody needs to chase an answer given.
 */
export async function stopCadences(trx: Db, ctx: Ctx, match: { customerId?: string; subject?: { entity: SubjectEntity; id: string }; dealId?: string }, reason: StopReason): Promise<number> {
  let q = trx.selectFrom('followups').selectAll().where('status', '=', 'active');
  if (match.customerId) q = q.where('customer_id', '=', match.customerId);
  else if (match.subject) q = q.where('subject_entity', '=', match.subject.entity).where('subject_id', '=', match.subject.id);
  else if (match.dealId) q = q.where((eb) => eb.or([eb('deal_id', '=', match.dealId!), eb.and([eb('subject_entity', '=', 'deal'), eb('subject_id', '=', match.dealId!)])]));
  else return 0;
  let stopped = 0;
  for (const cadence of (await q.execute()).map(toCadence)) {
    const done = await trx
      .updateTable('followups')
      .set({ status: 'stopped', stop_reason: reason, current_task_id: null, current_due_at: null, updated_at: new Date().toISOString() })
      .where('id', '=', cadence.id)
      .where('status', '=', 'active')
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) === 0) continue;
    if (cadence.current_task_id) {
      const open = await trx.selectFrom('tasks').select(['id', 'done']).where('id', '=', cadence.current_task_id).executeTakeFirst();
      if (open && !(open.done === true || open.done === 1)) await tasks.deleteIn(trx, ctx, [cadence.current_task_id]);
    }
    await appendEvents(trx, ctx.actor, [
      { type: 'followup.stopped', entity: 'followup', entityId: cadence.id, data: { subject_entity: cadence.subject_entity, subject_id: cadence.subject_id, reason, step: cadence.step } },
    ]);
    stopped++;
  }
  return stopped;
}

/** Active cadences whose current follow-up's day has passed (in the business time zone). */
export async function cadencesPastDue(db: Db, now: Date): Promise<Cadence[]> {
  const { timeZone } = await getBusinessSettings(db);
  const today = todayIn(timeZone, now);
  // Due before now, then by day: a follow-up due today stays current until the day ends.
  const rows = await db.selectFrom('followups').selectAll().where('status', '=', 'active').where('current_due_at', '<', now.toISOString()).orderBy('current_due_at').limit(500).execute();
  return rows.map(toCadence).filter((c) => c.current_due_at && todayIn(timeZone, new Date(c.current_due_at)) < today);
}
