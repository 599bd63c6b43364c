/**
 * Task reminders: a task whose reminder time has come, not done and not yet reminded, is claimed,
 * an email to the owner is queued (sent after commit by the mail worker) and `task.reminded` is
 * emitted, all in one transaction. Any server process may look; each reminder is claimed once
 * (SKIP LOCKED on PostgreSQL and MariaDB, SQLite's single writer), as due-task events are.
 */
import { readRows, toNumber, type Database, type Db } from '../core/database.js';
import { dateOfDay, dayNumber, zoneOffset } from '../core/day-count.js';
import { skippingLocked, traitsOf } from '../core/dialect.js';
import { appendEvents } from '../core/events.js';
import { startPoller, type Poller } from '../core/poller.js';
import { ownerAddress } from '../mail/settings.js';
import { queueMail } from '../mail/queue.js';
import { getBusinessSettings } from '../settings/business.js';

const batch = 100;

interface DueReminder {
  id: string;
  title: string;
  notes: string | null;
  due_at: string | null;
  remind_at: string;
  priority: string | null;
  customer_id: string | null;
  linked_entity: string | null;
  linked_id: string | null;
}

/** The text of a reminder: the task, when it is due (in the business time zone) and what it is about. */
function reminderText(task: DueReminder, timeZone: string): { subject: string; text: string } {
  const when = (iso: string) => new Intl.DateTimeFormat('en-GB', { timeZone, dateStyle: 'full', timeStyle: 'short' }).format(new Date(iso));
  const lines = [`Reminder: ${task.title}`, ''];
  if (task.due_at) lines.push(`Due: ${when(task.due_at)} (${timeZone})`);
  if (task.priority && task.priority !== 'normal') lines.push(`Priority: ${task.priority}`);
  if (task.linked_entity && task.linked_id) lines.push(`About: ${task.linked_entity} ${task.linked_id}`);
  if (task.customer_id) lines.push(`Customer: ${task.customer_id}`);
  if (task.notes) lines.push('', task.notes);
  lines.push('', `Task ${task.id} in Rapport.`);
  const subject = `Reminder: ${task.title}`.replace(/[\r\n]+/g, ' ').slice(0, 200);
  return { subject, text: lines.join('\n') };
}

const dueReminders = (db: Db, nowIso: string) =>
  db
    .selectFrom('tasks')
    .select(['id', 'title', 'notes', 'due_at', 'remind_at', 'priority', 'customer_id', 'linked_entity', 'linked_id'])
    .where('reminded_at', 'is', null)
    .where('remind_at', '<=', nowIso)
    .where('done', '=', traitsOf(db).falseValue)
    .orderBy('remind_at')
    .limit(batch);

/** Sends the reminders whose time has come; returns how many were claimed. */
export async function sendDueReminders(database: Database, now = new Date()): Promise<number> {
  const nowIso = now.toISOString();
  // A look without a transaction first: most checks find nothing and then take no write lock.
  if ((await readRows(database.db, dueReminders(database.db, nowIso).limit(1))).length === 0) return 0;
  const to = await ownerAddress(database.db);
  const { timeZone } = await getBusinessSettings(database.db);
  return database.db.transaction().execute(async (trx) => {
    const rows = (await skippingLocked(trx, dueReminders(trx, nowIso)).execute()) as unknown as DueReminder[];
    if (rows.length === 0) return 0;
    await trx
      .updateTable('tasks')
      .set({ reminded_at: nowIso })
      .where(
        'id',
        'in',
        rows.map((r) => r.id),
      )
      .execute();
    const events = [];
    for (const task of rows) {
      // Without an owner address the reminder shows in the app only (the event and reminded_at say when).
      const message = to
        ? await queueMail(trx, { to, ...reminderText(task, timeZone), purpose: 'notification', customerId: task.customer_id ?? undefined, related: { entity: 'task', id: task.id } })
        : null;
      events.push({ type: 'task.reminded' as const, entity: 'task', entityId: task.id, data: { remind_at: task.remind_at, customer_id: task.customer_id, message_id: message?.id ?? null } });
    }
    await appendEvents(trx, 'system', events);
    return rows.length;
  });
}

/** Checks for due reminders now and then every `everyMs` (default 30 s). */
export function startReminders(database: Database, everyMs = 30_000, onError: (e: unknown) => void = (e) => console.error('task reminders:', e)): Poller {
  const poller: Poller = startPoller(async () => {
    try {
      while (!poller.stopped() && (await sendDueReminders(database)) === batch);
    } catch (e) {
      onError(e);
    }
  }, everyMs);
  return poller;
}

/** Reminders to show in the app: tasks not done whose reminder time has passed, latest first. */
export async function activeReminders(db: Db, now = new Date(), limit = 100) {
  const rows = await db
    .selectFrom('tasks')
    .select(['id', 'title', 'due_at', 'remind_at', 'reminded_at', 'priority', 'customer_id', 'linked_entity', 'linked_id'])
    .where('remind_at', '<=', now.toISOString())
    .where('done', '=', traitsOf(db).falseValue)
    .orderBy('remind_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id as string,
    title: r.title as string,
    due_at: (r.due_at as string | null) ?? null,
    remind_at: r.remind_at as string,
    reminded_at: (r.reminded_at as string | null) ?? null,
    priority: (r.priority as string | null) ?? 'normal',
    customer_id: (r.customer_id as string | null) ?? null,
    linked_entity: (r.linked_entity as string | null) ?? null,
    linked_id: (r.linked_id as string | null) ?? null,
  }));
}

/** What the navigation badge counts: tasks not done that are overdue, due later today, or whose reminder time has come. */
export async function taskCounts(db: Db, now = new Date()): Promise<{ overdue: number; due_today: number; reminders: number }> {
  const { timeZone } = await getBusinessSettings(db);
  const next = Date.parse(`${dateOfDay(dayNumber(now, timeZone) + 1)}T00:00:00Z`);
  const endOfToday = new Date(next - zoneOffset(next, timeZone)).toISOString();
  const at = now.toISOString();
  const count = async (narrow: (q: any) => any) => {
    const row = await narrow(
      db
        .selectFrom('tasks')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('done', '=', traitsOf(db).falseValue),
    ).executeTakeFirst();
    return toNumber(row?.n) ?? 0;
  };
  return {
    overdue: await count((q) => q.where('due_at', '<', at)),
    due_today: await count((q) => q.where('due_at', '>=', at).where('due_at', '<', endOfToday)),
    reminders: await count((q) => q.where('remind_at', '<=', at)),
  };
}
