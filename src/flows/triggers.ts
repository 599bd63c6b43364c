/**
 * What enrols customers in flows and what takes them out: the `flows` event consumer (durable cursor,
 * so no event is missed across restarts: a domain event enrols the customer it is about in every
 * active flow triggered by its type; a goal event ends their enrolments in flows with that goal; a
 * deleted or erased customer leaves every flow), and the daily date check (birthdays, a contract's
 * end minus N days), which runs hourly and handles each flow's day once.
 */
import { inTransaction, type Ctx } from '../core/context.js';
import type { Database, Db } from '../core/database.js';
import { insertOrIgnore } from '../core/dialect.js';
import { appendEvents, consumeEvents, type EventConsumer, type StoredEvent } from '../core/events.js';
import { getBusinessSettings, todayIn } from '../settings/business.js';
import { sql } from 'kysely';
import { fieldsOf } from '../fields/custom-fields.js';
import { customerEntity } from '../schema/entities.js';
import { columnOf } from '../schema/fields.js';
import type { Definition, Trigger } from './definition.js';
import { enrolCustomer, flowVersion, type Flow } from './service.js';
import { parseDefinition } from './definition.js';

const flowConsumerName = 'flows';

const str = (v: unknown) => (typeof v === 'string' && v ? v : null);

/** The customer an event is about: the customer itself, or the customer of the order, deal, quote... */
export function customerOf(e: Pick<StoredEvent, 'entity' | 'entity_id' | 'data'>): string | null {
  if (e.entity === 'customer') return e.entity_id;
  const data = e.data ?? {};
  const record = (data.record ?? {}) as Record<string, unknown>;
  return str(data.customer_id) ?? str(record.customer_id);
}

/** A fact of event data by its dotted path (`to.id` in customer.segment_changed). */
function factAt(data: Record<string, unknown>, path: string): unknown {
  let at: unknown = data;
  for (const part of path.split('.')) {
    if (at === null || typeof at !== 'object' || !Object.hasOwn(at, part)) return undefined;
    at = (at as Record<string, unknown>)[part];
  }
  return at;
}

/** Whether an event's data has every fact a trigger's `match` asks for (numbers compare as numbers; keys may be dotted paths). */
export function eventMatches(trigger: Extract<Trigger, { type: 'event' }>, e: Pick<StoredEvent, 'type' | 'data'>): boolean {
  if (trigger.event !== e.type) return false;
  const data = e.data ?? {};
  for (const [key, want] of Object.entries(trigger.match ?? {})) {
    const got = factAt(data, key);
    if (typeof want === 'number' ? Number(got) !== want : String(got) !== String(want)) return false;
  }
  return true;
}

async function activeFlows(db: Db, kind: Trigger['type']): Promise<Flow[]> {
  const rows = await db.selectFrom('flows').selectAll().where('status', '=', 'active').where('trigger_kind', '=', kind).execute();
  return rows.map((r) => ({
    id: r.id as string,
    name: r.name as string,
    status: 'active' as const,
    version: Number(r.version),
    definition: parseDefinition(r.definition as string),
    activated_at: (r.activated_at as string | null) ?? null,
    created_at: r.created_at as string,
    updated_at: r.updated_at as string,
  }));
}

/** Ends a customer's active enrolments whose flow version has one of these goal events (or all, for a gone customer). */
async function endEnrolments(trx: Db, customerId: string, reason: 'goal' | 'customer_gone', eventType: string): Promise<number> {
  const active = await trx.selectFrom('flow_enrolments').select(['id', 'flow_id', 'version']).where('customer_id', '=', customerId).where('status', '=', 'active').execute();
  let ended = 0;
  const now = new Date().toISOString();
  for (const a of active) {
    if (reason === 'goal') {
      const d: Definition = await flowVersion(trx, a.flow_id as string, Number(a.version));
      if (!d.goal?.events.includes(eventType as never)) continue;
    }
    const r = await trx
      .updateTable('flow_enrolments')
      .set({ status: 'exited', exit_reason: reason, finished_at: now, next_run_at: null, claimed_by: null, claimed_until: null, updated_at: now })
      .where('id', '=', a.id as string)
      .where('status', '=', 'active')
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0) continue;
    ended++;
    await appendEvents(trx, `flow:${a.flow_id}`, [
      { type: 'flow.finished', entity: 'flow_enrolment', entityId: a.id as string, data: { flow_id: a.flow_id, customer_id: customerId, reason, status: 'exited' } },
    ]);
  }
  return ended;
}

/** Handles a batch of events: goals first (an order that is a goal of one flow may start another). */
async function handleFlowEvents(ctx: Ctx, events: StoredEvent[]): Promise<void> {
  const db = ctx.database.db;
  const flows = (await activeFlows(db, 'event')).filter((f) => f.definition.trigger.type === 'event');
  // Only events some flow starts on, some running enrolment ends on, or a customer leaving need a transaction.
  const wanted = new Set<string>(['customer.deleted', 'customer.erased']);
  for (const f of flows) if (f.definition.trigger.type === 'event') wanted.add(f.definition.trigger.event);
  const running = await db.selectFrom('flow_enrolments').select(['flow_id', 'version']).distinct().where('status', '=', 'active').execute();
  for (const r of running) for (const g of (await flowVersion(db, r.flow_id as string, Number(r.version))).goal?.events ?? []) wanted.add(g);
  for (const e of events) {
    if (!wanted.has(e.type)) continue;
    const customerId = customerOf(e);
    if (!customerId) continue;
    await inTransaction(ctx, async (trx) => {
      if (e.type === 'customer.deleted' || e.type === 'customer.erased') {
        await endEnrolments(trx, customerId, 'customer_gone', e.type);
        return;
      }
      await endEnrolments(trx, customerId, 'goal', e.type);
      for (const f of flows) {
        // An event from before the flow was switched on does not enrol (a consumer catching up after a pause).
        if (f.activated_at && e.occurred_at < f.activated_at) continue;
        if (!eventMatches(f.definition.trigger as Extract<Trigger, { type: 'event' }>, e)) continue;
        // A later event of this batch may be the new enrolment's goal.
        if (await enrolCustomer(trx, ctx.actor, f, customerId, 'event', e.id)) for (const g of f.definition.goal?.events ?? []) wanted.add(g);
      }
    });
  }
}

export function flowConsumer(database: Database): EventConsumer {
  const ctx: Ctx = { database, actor: 'flows' };
  return { name: flowConsumerName, handle: (events) => handleFlowEvents(ctx, events) };
}

/** Runs the consumer until no event is waiting (tests, the CLI). */
export async function drainFlowEvents(database: Database, worker = 'flows-drain'): Promise<number> {
  const consumer = flowConsumer(database);
  let total = 0;
  for (;;) {
    const n = await consumeEvents(database, consumer.name, (events) => consumer.handle(events), { worker });
    if (n === 0) return total;
    total += n;
  }
}

const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** Customers whose date (the trigger's field, minus its offset) falls on this day. */
export async function customersDueOn(db: Db, trigger: Extract<Trigger, { type: 'date' }>, day: string, limit = 10_000): Promise<string[]> {
  const target = addDays(day, -trigger.offset_days);
  if (trigger.field === 'contract.ends_on') {
    const rows = await db
      .selectFrom('contracts')
      .select('customer_id')
      .distinct()
      .where('ends_on', '=', target)
      .where('customer_id', 'is not', null)
      .where('status', 'in', ['active', 'expiring'])
      .limit(limit)
      .execute();
    return rows.map((r) => r.customer_id as string);
  }
  // The column of the field (a custom field's is cf_<name>), from the registry: never the raw name.
  const field = (await fieldsOf(db, customerEntity)).find((f) => f.name === trigger.field && (f.type === 'date' || f.type === 'datetime'));
  const name = field ? columnOf(field) : null;
  if (!name) return [];
  const column = sql.ref(name);
  let q = db.selectFrom('customers').select('id').where('erased_at', 'is', null).orderBy('id').limit(limit);
  if (trigger.yearly) {
    const monthDay = [target.slice(5, 10)];
    // Born on 29 February: celebrated on the 28th when the year has no 29th.
    if (monthDay[0] === '02-28' && !isLeap(Number(target.slice(0, 4)))) monthDay.push('02-29');
    q = q.where(sql`substr(${column}, 6, 5)`, 'in', monthDay).where(column, '<=', `${target}T99`);
  } else q = q.where(sql`substr(${column}, 1, 10)`, '=', target);
  return (await q.execute()).map((r) => r.id as string);
}

/** Enrols today's customers of every active date-triggered flow, once per flow and day. Returns how many entered. */
export async function runDateTriggers(database: Database, now = new Date()): Promise<number> {
  const { timeZone } = await getBusinessSettings(database.db);
  const day = todayIn(timeZone, now);
  let total = 0;
  for (const flow of await activeFlows(database.db, 'date')) {
    if (flow.definition.trigger.type !== 'date') continue;
    const trigger = flow.definition.trigger;
    const done = await database.db.selectFrom('flow_date_checks').select('day').where('flow_id', '=', flow.id).where('day', '=', day).executeTakeFirst();
    if (done) continue;
    const customers = await customersDueOn(database.db, trigger, day);
    total += await database.db.transaction().execute(async (trx) => {
      // The check row first: a second process running the same check at once stops here (primary key).
      await insertOrIgnore(trx, 'flow_date_checks', { flow_id: flow.id, day, enrolled: 0, checked_at: now.toISOString() }, ['flow_id', 'day']);
      const claimed = await trx
        .updateTable('flow_date_checks')
        .set({ checked_at: now.toISOString() })
        .where('flow_id', '=', flow.id)
        .where('day', '=', day)
        .where('enrolled', '=', 0)
        .executeTakeFirst();
      if (Number(claimed.numUpdatedRows) === 0) return 0;
      let n = 0;
      for (const id of customers) if (await enrolCustomer(trx, 'flows', flow, id, 'date', `${trigger.field}:${day}`, now)) n++;
      await trx
        .updateTable('flow_date_checks')
        .set({ enrolled: n === 0 ? -1 : n })
        .where('flow_id', '=', flow.id)
        .where('day', '=', day)
        .execute();
      return n;
    });
  }
  return total;
}

export const flowDateTriggerKind = 'flows.date_triggers';
/** Every hour at :05: the check is idempotent per flow and day, and hourly runs turn the day at midnight in any time zone. */
export const flowSchedules = [{ cron: '5 * * * *', kind: flowDateTriggerKind, payload: {} }];
