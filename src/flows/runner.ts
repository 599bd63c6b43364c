/**
 * The step runner. A pass claims due enrolments of active flows (one UPDATE over a SKIP LOCKED
 * sub-select on PostgreSQL and MariaDB, see claimRows in src/core/dialect.ts; SQLite has one writer),
 * then runs each one's steps until it waits, ends or fails. Every step that writes (queues a message,
 * creates a task, changes the customer) commits in the same transaction that moves the enrolment past
 * it, and only while this worker still holds the claim: a step is never applied twice, even with
 * several server processes, and a process that dies mid-step leaves the enrolment to the next claim
 * once its lease ends. A webhook call is the exception: it goes out before its step is recorded, so a
 * crash in between repeats it (with the same `webhook-id`, which receivers use to drop repeats).
 */
import { instanceSecret } from '../auth/secrets.js';
import { inTransaction, type Ctx } from '../core/context.js';
import { toBool, type Database, type Db } from '../core/database.js';
import { claimRows, insertOrIgnore } from '../core/dialect.js';
import { AppError } from '../core/errors.js';
import { appendEvents } from '../core/events.js';
import { newId } from '../core/ids.js';
import { thisProcess } from '../core/liveness.js';
import { postOutbound } from '../core/outbound.js';
import { fromWallClock, wallClock } from '../core/wall-clock.js';
import { tasks } from '../activities/interactions.js';
import { recordIssuedCodes } from '../campaigns/discounts.js';
import { updateCustomersIn } from '../customers/service.js';
import { fieldsOf } from '../fields/custom-fields.js';
import { queueMail } from '../mail/queue.js';
import { compileFilter } from '../records/query.js';
import { rowToRecord } from '../records/codec.js';
import { getRows } from '../records/repository.js';
import { customerEntity } from '../schema/entities.js';
import { getBusinessSettings } from '../settings/business.js';
import { queueSms } from '../sms/service.js';
import { smsProviderConfig } from '../sms/settings.js';
import { renderTemplate } from '../templates/render.js';
import { webhookHeaders } from '../webhooks/signature.js';
import type { Condition, Definition, Step } from './definition.js';
import { flowSecret, flowVersion } from './service.js';
import { getFlowSettings } from './settings.js';

export interface RunOptions {
  worker?: string;
  now?: Date;
  /** Enrolments claimed per pass. */
  batch?: number;
  leaseMs?: number;
  /** Webhook steps may call private addresses (tests, a LAN). */
  allowPrivate?: boolean;
}

interface Enrolment {
  id: string;
  flow_id: string;
  version: number;
  customer_id: string;
  step: number;
  entered_at: string;
}

/** How long an enrolment whose step hit an error of the database or the process waits before it is tried again. */
const retryMs = 5_000;

/** The enrolment is no longer this worker's (its lease ran out and another process took it). */
class LostClaim extends Error {}

export const flowWorkerName = () => `${thisProcess()}:flows`;

/** Claims due enrolments of active flows for this worker. */
async function claimDueEnrolments(database: Database, worker: string, now: Date, batch: number, leaseMs: number): Promise<Enrolment[]> {
  const nowIso = now.toISOString();
  const rows = await claimRows(
    database.db,
    'flow_enrolments',
    (db) =>
      db
        .selectFrom('flow_enrolments')
        .select('id')
        .where('status', '=', 'active')
        .where('next_run_at', '<=', nowIso)
        .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', nowIso)]))
        .where('flow_id', 'in', db.selectFrom('flows').select('id').where('status', '=', 'active'))
        .orderBy('next_run_at')
        .orderBy('id')
        .limit(batch),
    { claimed_by: worker, claimed_until: new Date(now.getTime() + leaseMs).toISOString(), updated_at: nowIso },
  );
  return rows.map((r) => ({
    id: r.id as string,
    flow_id: r.flow_id as string,
    version: Number(r.version),
    customer_id: r.customer_id as string,
    step: Number(r.step),
    entered_at: r.entered_at as string,
  }));
}

/** Runs one pass: claims due enrolments and runs them. Returns how many enrolments were run. */
export async function runDueEnrolments(database: Database, options: RunOptions = {}): Promise<number> {
  const worker = options.worker ?? flowWorkerName();
  const now = options.now ?? new Date();
  const claimed = await claimDueEnrolments(database, worker, now, options.batch ?? 50, options.leaseMs ?? 5 * 60_000);
  if (claimed.length === 0) return 0;
  const env = await runEnv(database, now, options.allowPrivate ?? false);
  for (const e of claimed) {
    try {
      await runEnrolment(database, worker, e, env);
    } catch (error) {
      if (!(error instanceof LostClaim)) throw error;
    }
  }
  return claimed.length;
}

/** Runs due enrolments until none is left (tests, the CLI, the dry run's "run now"). */
export async function drainDueEnrolments(database: Database, options: RunOptions = {}): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await runDueEnrolments(database, options);
    if (n === 0) return total;
    total += n;
  }
}

interface RunEnv {
  now: Date;
  timeZone: string;
  budget: number;
  allowPrivate: boolean;
}

async function runEnv(database: Database, now: Date, allowPrivate: boolean): Promise<RunEnv> {
  // The instance secret (personal discount codes) is created outside the step transactions, once, so
  // that two workers' first messages do not both try to create it inside theirs.
  await instanceSecret(database.db);
  const [business, settings] = await Promise.all([getBusinessSettings(database.db), getFlowSettings(database.db)]);
  return { now, timeZone: business.timeZone, budget: settings.daily_send_budget, allowPrivate };
}

/** The instant a wait step ends: after its duration, then at the next given time of day in the time zone. */
export function waitUntil(step: Extract<Step, { kind: 'wait' }>, from: Date, timeZone: string): Date {
  let at = new Date(from.getTime() + ((step.days ?? 0) * 1440 + (step.hours ?? 0) * 60 + (step.minutes ?? 0)) * 60_000);
  if (step.until_time) {
    const [hour, minute] = step.until_time.split(':').map(Number);
    const w = wallClock(at, timeZone);
    let target = fromWallClock({ ...w, hour, minute, second: 0 }, timeZone);
    if (target.getTime() < at.getTime()) {
      const next = new Date(Date.UTC(w.year, w.month - 1, w.day + 1));
      target = fromWallClock({ year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate(), hour, minute, second: 0 }, timeZone);
    }
    at = target;
  }
  return at;
}

/** The customer's own time zone (a time of day in a wait step is theirs), else the business's. */
async function customerTimeZone(db: Db, customerId: string, businessZone: string): Promise<string> {
  const row = await db.selectFrom('customers').select('time_zone').where('id', '=', customerId).executeTakeFirst();
  return (row?.time_zone as string | null) || businessZone;
}

/** The start of the next day in the time zone (when a step over the daily budget tries again). */
function nextDayStart(now: Date, timeZone: string): Date {
  const w = wallClock(now, timeZone);
  const next = new Date(Date.UTC(w.year, w.month - 1, w.day + 1));
  return fromWallClock({ year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate(), hour: 0, minute: 0, second: 0 }, timeZone);
}

const dayIn = (now: Date, timeZone: string) => {
  const w = wallClock(now, timeZone);
  return `${w.year}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`;
};

/** Takes one message from today's budget; false when it is used up. */
async function useBudget(trx: Db, env: RunEnv): Promise<boolean> {
  const day = dayIn(env.now, env.timeZone);
  // The update comes first and locks the day's row at once: an insert-or-ignore first would take a
  // shared lock that two workers then both try to raise (a deadlock on MariaDB).
  const take = async () =>
    Number(
      (
        await trx
          .updateTable('flow_send_days')
          .set((eb) => ({ used: eb('used', '+', 1) }))
          .where('day', '=', day)
          .where('used', '<', env.budget)
          .executeTakeFirst()
      ).numUpdatedRows,
    ) > 0;
  if (await take()) return true;
  if (await trx.selectFrom('flow_send_days').select('day').where('day', '=', day).executeTakeFirst()) return false;
  await insertOrIgnore(trx, 'flow_send_days', { day, used: 0 }, ['day']);
  return take();
}

export async function customerRecord(db: Db, id: string): Promise<Record<string, unknown> | null> {
  const fields = await fieldsOf(db, customerEntity);
  const row = (await getRows(db, customerEntity, [id])).get(id);
  if (!row || row.erased_at) return null;
  return rowToRecord(fields, row) as Record<string, unknown>;
}

/** Whether a condition holds for the customer of an enrolment now. */
export async function conditionHolds(db: Db, condition: Condition, e: Pick<Enrolment, 'id' | 'customer_id' | 'entered_at'>): Promise<boolean> {
  if ('filter' in condition) {
    const fields = new Map((await fieldsOf(db, customerEntity)).map((f) => [f.name, f]));
    const row = await db
      .selectFrom('customers')
      .select('id')
      .where('id', '=', e.customer_id)
      .where((eb) => compileFilter(eb as never, condition.filter, fields))
      .executeTakeFirst();
    return row !== undefined;
  }
  if (condition.activity === 'purchased') {
    const order = await db.selectFrom('orders').select('id').where('customer_id', '=', e.customer_id).where('created_at', '>=', e.entered_at).limit(1).executeTakeFirst();
    return order !== undefined;
  }
  const column = condition.activity === 'opened' ? 'opened_at' : 'clicked_at';
  const message = await db.selectFrom('messages').select('id').where('related_entity', '=', 'flow_enrolment').where('related_id', '=', e.id).where(column, 'is not', null).limit(1).executeTakeFirst();
  return message !== undefined;
}

interface StepResult {
  outcome: string;
  detail?: string | null;
  relatedId?: string | null;
  /** The next step index, or the end of the flow with a reason. */
  next: number | { end: 'completed' | 'exited'; reason: string };
  /** For a wait: when the next step runs. */
  at?: Date;
  /** Over the daily budget: nothing happened, try the same step then. */
  deferUntil?: Date;
}

function targetIndex(d: Definition, i: number, target: string): StepResult['next'] {
  if (target === 'next') return i + 1;
  if (target === 'exit') return { end: 'exited', reason: 'condition' };
  return d.steps.findIndex((s) => s.id === target);
}

const endOf = (d: Definition, i: number): StepResult['next'] => (i + 1 >= d.steps.length ? { end: 'completed', reason: 'completed' } : i + 1);

/** Runs a step that writes to the database inside the caller's transaction. */
async function applyStep(trx: Db, database: Database, e: Enrolment, d: Definition, i: number, env: RunEnv): Promise<StepResult> {
  const step = d.steps[i];
  const ctx: Ctx = { database, actor: `flow:${e.flow_id}` };
  const next = endOf(d, i);
  switch (step.kind) {
    case 'wait':
      return { outcome: 'waited', next, at: waitUntil(step, env.now, step.until_time ? await customerTimeZone(trx, e.customer_id, env.timeZone) : env.timeZone) };
    case 'exit':
      return { outcome: 'exited', next: { end: 'exited', reason: 'exit_step' } };
    case 'condition': {
      const holds = await conditionHolds(trx, step.if, e);
      return { outcome: holds ? 'yes' : 'no', next: targetIndex(d, i, holds ? step.then : step.else) };
    }
    case 'send_email': {
      const customer = await customerRecord(trx, e.customer_id);
      if (!customer?.email) return { outcome: 'skipped', detail: 'no email address', next };
      if (toBool(customer.consent_email) !== true) return { outcome: 'skipped', detail: 'no email consent', next };
      if (!(await useBudget(trx, env))) return { outcome: 'deferred', next: i, deferUntil: nextDayStart(env.now, env.timeZone) };
      const rendered = await renderTemplate(trx, step.template_id ?? { subject: step.subject, text: step.body }, { customerId: e.customer_id, discountScope: e.flow_id });
      const { id } = await queueMail(trx, {
        to: customer.email as string,
        subject: rendered.subject,
        text: rendered.text,
        html: rendered.html ?? undefined,
        purpose: 'marketing',
        customerId: e.customer_id,
        related: { entity: 'flow_enrolment', id: e.id },
        actor: ctx.actor,
      });
      if (rendered.discount_code) await recordIssuedCodes(trx, { flow_id: e.flow_id }, [{ code: rendered.discount_code, customer_id: e.customer_id }]);
      return { outcome: 'sent', relatedId: id, next };
    }
    case 'send_sms': {
      if (!(await smsProviderConfig(trx))) return { outcome: 'skipped', detail: 'SMS not configured', next };
      const customer = await customerRecord(trx, e.customer_id);
      if (!customer?.phone || !/^\+[1-9]\d{6,14}$/.test(customer.phone as string)) return { outcome: 'skipped', detail: 'no mobile number', next };
      if (toBool(customer.consent_sms) !== true) return { outcome: 'skipped', detail: 'no SMS consent', next };
      if (!(await useBudget(trx, env))) return { outcome: 'deferred', next: i, deferUntil: nextDayStart(env.now, env.timeZone) };
      const rendered = await renderTemplate(trx, { subject: 'SMS', text: step.body }, { customerId: e.customer_id, discountScope: e.flow_id });
      const { id } = await queueSms(trx, { customer_id: e.customer_id, body: rendered.text.trim(), purpose: 'marketing', related: { entity: 'flow_enrolment', id: e.id }, actor: ctx.actor });
      if (rendered.discount_code) await recordIssuedCodes(trx, { flow_id: e.flow_id }, [{ code: rendered.discount_code, customer_id: e.customer_id }]);
      return { outcome: 'sent', relatedId: id, next };
    }
    case 'create_task': {
      const due = new Date(env.now.getTime() + step.due_in_days * 86_400_000).toISOString();
      const [task] = await tasks.createIn(trx, ctx, [{ title: step.title, due_at: due, customer_id: e.customer_id }]);
      return { outcome: 'created', relatedId: task.id as string, next };
    }
    case 'add_tag':
    case 'remove_tag': {
      const customer = await customerRecord(trx, e.customer_id);
      if (!customer) return { outcome: 'skipped', detail: 'customer gone', next };
      const tags = (customer.tags as string[] | null) ?? [];
      const has = tags.some((t) => t.toLowerCase() === step.tag.toLowerCase());
      if (step.kind === 'add_tag' ? has : !has) return { outcome: 'unchanged', next };
      const after = step.kind === 'add_tag' ? [...tags, step.tag] : tags.filter((t) => t.toLowerCase() !== step.tag.toLowerCase());
      await updateCustomersIn(trx, ctx, [{ id: e.customer_id, patch: { tags: after } }]);
      return { outcome: 'changed', next };
    }
    case 'update_field':
      await updateCustomersIn(trx, ctx, [{ id: e.customer_id, patch: { [step.field]: step.value } }]);
      return { outcome: 'changed', detail: step.field, next };
    case 'webhook':
      throw new Error('webhook steps run outside a transaction');
  }
}

async function callWebhook(database: Database, e: Enrolment, step: Extract<Step, { kind: 'webhook' }>, env: RunEnv): Promise<{ outcome: string; detail: string }> {
  const customer = await customerRecord(database.db, e.customer_id);
  const body = JSON.stringify({
    type: 'flow.step',
    timestamp: env.now.toISOString(),
    data: {
      flow_id: e.flow_id,
      version: e.version,
      enrolment_id: e.id,
      step_id: step.id,
      customer: customer ? { id: customer.id, email: customer.email ?? null, first_name: customer.first_name ?? null, last_name: customer.last_name ?? null } : { id: e.customer_id },
    },
  });
  const headers = webhookHeaders(await flowSecret(database.db, e.flow_id), `${e.id}.${step.id}`, body, env.now);
  try {
    const res = await postOutbound(step.url, body, headers, { allowPrivate: env.allowPrivate, timeoutMs: 10_000 });
    return res.status >= 200 && res.status < 300 ? { outcome: 'delivered', detail: `HTTP ${res.status}` } : { outcome: 'failed', detail: `HTTP ${res.status}` };
  } catch (error) {
    return { outcome: 'failed', detail: (error as Error).message.slice(0, 300) };
  }
}

/** Moves the enrolment on, only while this worker holds it at this step; otherwise undoes the transaction. */
async function advance(trx: Db, worker: string, e: Enrolment, fromStep: number, set: Record<string, unknown>): Promise<void> {
  const r = await trx
    .updateTable('flow_enrolments')
    .set({ ...set, updated_at: new Date().toISOString() })
    .where('id', '=', e.id)
    .where('claimed_by', '=', worker)
    .where('step', '=', fromStep)
    .where('status', '=', 'active')
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0) throw new LostClaim(e.id);
}

async function recordRun(trx: Db, e: Enrolment, d: Definition, i: number, r: { outcome: string; detail?: string | null; relatedId?: string | null }, now: Date): Promise<void> {
  const step = d.steps[i];
  await trx
    .insertInto('flow_step_runs')
    .values({
      id: newId('flowStepRun'),
      enrolment_id: e.id,
      flow_id: e.flow_id,
      version: e.version,
      step: i,
      step_id: step.id,
      kind: step.kind,
      outcome: r.outcome,
      detail: r.detail ?? null,
      related_id: r.relatedId ?? null,
      ran_at: now.toISOString(),
    })
    .execute();
}

async function finish(trx: Db, worker: string, e: Enrolment, fromStep: number, status: 'completed' | 'exited' | 'failed', reason: string, now: Date): Promise<void> {
  await advance(trx, worker, e, fromStep, { status, exit_reason: reason, finished_at: now.toISOString(), next_run_at: null, claimed_by: null, claimed_until: null });
  await appendEvents(trx, `flow:${e.flow_id}`, [{ type: 'flow.finished', entity: 'flow_enrolment', entityId: e.id, data: { flow_id: e.flow_id, customer_id: e.customer_id, reason, status } }]);
}

/** Runs an enrolment's steps from where it stands until it waits, ends or fails. */
async function runEnrolment(database: Database, worker: string, e: Enrolment, env: RunEnv): Promise<void> {
  const d = await flowVersion(database.db, e.flow_id, e.version);
  let i = e.step;
  for (let guard = 0; ; guard++) {
    const now = env.now;
    if (guard >= 200) {
      await inTransaction({ database, actor: 'system' }, (trx) => finish(trx, worker, e, i, 'failed', 'too many steps without a wait', now));
      return;
    }
    if (i >= d.steps.length) {
      await inTransaction({ database, actor: 'system' }, (trx) => finish(trx, worker, e, i, 'completed', 'completed', now));
      return;
    }
    const customer = await database.db.selectFrom('customers').select(['id', 'erased_at']).where('id', '=', e.customer_id).executeTakeFirst();
    if (!customer || customer.erased_at) {
      await inTransaction({ database, actor: 'system' }, (trx) => finish(trx, worker, e, i, 'exited', 'customer_gone', now));
      return;
    }
    const step = d.steps[i];
    let result: StepResult;
    try {
      if (step.kind === 'webhook') {
        // The call goes out before its step is recorded (no transaction is held open across the network).
        const w = await callWebhook(database, e, step, env);
        result = { outcome: w.outcome, detail: w.detail, next: endOf(d, i) };
        await inTransaction({ database, actor: 'system' }, async (trx) => {
          await recordRun(trx, e, d, i, result, now);
          await settle(trx, worker, e, i, result, now);
        });
      } else {
        result = await inTransaction({ database, actor: 'system' }, async (trx) => {
          const r = await applyStep(trx, database, e, d, i, env);
          if (r.deferUntil) {
            await advance(trx, worker, e, i, { next_run_at: r.deferUntil.toISOString(), claimed_by: null, claimed_until: null });
            return r;
          }
          await recordRun(trx, e, d, i, r, now);
          await settle(trx, worker, e, i, r, now);
          return r;
        });
      }
    } catch (error) {
      if (error instanceof LostClaim) throw error;
      if (!(error instanceof AppError)) {
        // Not the step's fault (a lost connection, a deadlock): nothing was applied; the step is tried again shortly.
        console.error(`flow ${e.flow_id} enrolment ${e.id} step ${step.id}:`, error);
        await database.db
          .updateTable('flow_enrolments')
          .set({ claimed_by: null, claimed_until: null, next_run_at: new Date(Date.now() + retryMs).toISOString() })
          .where('id', '=', e.id)
          .where('claimed_by', '=', worker)
          .execute();
        return;
      }
      // A step that cannot run for this customer (a template error, a value the field refuses) ends the enrolment as failed, recorded.
      const message = `${error.message}${error.fields ? ': ' + Object.values(error.fields).flat().join('; ') : ''}`;
      await inTransaction({ database, actor: 'system' }, async (trx) => {
        await recordRun(trx, e, d, i, { outcome: 'failed', detail: message.slice(0, 1000) }, now);
        await finish(trx, worker, e, i, 'failed', 'step_failed', now);
      });
      return;
    }
    if (result.deferUntil || result.at || typeof result.next !== 'number') return;
    i = result.next;
  }
}

/** Moves the enrolment to the step a result names (releasing it when it waits) or ends it. */
async function settle(trx: Db, worker: string, e: Enrolment, i: number, r: StepResult, now: Date): Promise<void> {
  if (typeof r.next !== 'number') return finish(trx, worker, e, i, r.next.end, r.next.reason, now);
  if (r.at) return advance(trx, worker, e, i, { step: r.next, next_run_at: r.at.toISOString(), claimed_by: null, claimed_until: null });
  await advance(trx, worker, e, i, { step: r.next });
  // The in-memory position follows the row, so the next `advance` guards on the new step.
  e.step = r.next;
}

/** Releases this worker's claims (on stop). */
export async function releaseClaims(db: Db, worker: string): Promise<void> {
  await db.updateTable('flow_enrolments').set({ claimed_by: null, claimed_until: null }).where('claimed_by', '=', worker).where('status', '=', 'active').execute();
}
