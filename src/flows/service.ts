/**
 * Flows: create, change (a changed definition is published as a new version; running enrolments keep
 * the version they started with), activate, pause, delete; enrolment of a customer under the flow's
 * re-entry policy; the flow's per-step counts and its enrolments.
 */
import { z } from '@hono/zod-openapi';
import { Liquid } from 'liquidjs';
import { inTransaction, type Ctx } from '../core/context.js';
import type { Db } from '../core/database.js';
import { invalid, newFieldErrors, notFound, type FieldErrors } from '../core/errors.js';
import { appendEvents } from '../core/events.js';
import { newId } from '../core/ids.js';
import { fieldsOf } from '../fields/custom-fields.js';
import { compileFilter, filterNodeSchema, type FilterNode } from '../records/query.js';
import { issuesToFields } from '../records/validation.js';
import { customerEntity } from '../schema/entities.js';
import { segmentWhere } from '../insights/segmentation.js';
import type { WhereBuilder } from '../records/repository.js';
import { newWebhookSecret } from '../webhooks/signature.js';
import { smsOutcomes, type SmsOutcomes } from '../sms/outcomes.js';
import { discountFigures, type DiscountFigures } from '../campaigns/discounts.js';
import { definitionSchema, filterFields, parseDefinition, type Definition } from './definition.js';

type FlowStatus = 'draft' | 'active' | 'paused';

export interface Flow {
  id: string;
  name: string;
  status: FlowStatus;
  version: number;
  definition: Definition;
  activated_at: string | null;
  created_at: string;
  updated_at: string;
}

const flowInput = z
  .object({
    name: z.string().trim().min(1, { message: 'a name is required' }).max(200),
    definition: definitionSchema,
  })
  .strict()
  .openapi('FlowInput');

export const flowPatch = z
  .object({
    name: z.string().trim().min(1, { message: 'a name is required' }).max(200).optional(),
    definition: definitionSchema.optional(),
  })
  .strict()
  .openapi('FlowPatch');

const liquid = new Liquid({ strictFilters: true });

function toFlow(row: Record<string, unknown>): Flow {
  return {
    id: row.id as string,
    name: row.name as string,
    status: row.status as FlowStatus,
    version: Number(row.version),
    definition: parseDefinition(row.definition as string),
    activated_at: (row.activated_at as string | null) ?? null,
    created_at: row.created_at as string,
    updated_at: row.updated_at as string,
  };
}

/**
 * The checks a schema cannot make alone: field names against the customer fields (custom ones
 * included), date triggers on date fields, Liquid that parses. A field error names the step.
 */
async function checkDefinition(db: Db, d: Definition): Promise<void> {
  const fields = new Map((await fieldsOf(db, customerEntity)).map((f) => [f.name, f]));
  const errors: FieldErrors = newFieldErrors();
  const add = (path: string, message: string) => (errors[path] ??= []).push(message);
  if (d.trigger.type === 'date' && d.trigger.field !== 'contract.ends_on') {
    const f = fields.get(d.trigger.field);
    if (!f) add('definition.trigger.field', `no customer field ${d.trigger.field}`);
    else if (f.type !== 'date' && f.type !== 'datetime') add('definition.trigger.field', `${d.trigger.field} is not a date field`);
  }
  d.steps.forEach((s, i) => {
    const at = `definition.steps.${i}`;
    if (s.kind === 'condition' && 'filter' in s.if) {
      for (const name of filterFields(s.if.filter)) if (!fields.has(name)) add(`${at}.if.filter`, `no customer field ${name}`);
    }
    if (s.kind === 'update_field') {
      const f = fields.get(s.field);
      if (!f) add(`${at}.field`, `no customer field ${s.field}`);
      else if (f.readOnly || f.name === 'id' || f.name === 'tags') add(`${at}.field`, `${s.field} cannot be set by a flow${f.name === 'tags' ? ' (use add or remove tag)' : ''}`);
    }
    if (s.kind === 'send_email' || s.kind === 'send_sms') {
      for (const [name, text] of Object.entries(s.kind === 'send_email' ? { subject: s.subject, body: s.body } : { body: s.body })) {
        try {
          liquid.parse(text);
        } catch (e) {
          add(`${at}.${name}`, `template error: ${(e as Error).message.split('\n')[0]}`);
        }
      }
    }
  });
  if (Object.keys(errors).length) throw invalid('the flow definition has errors', errors);
}

function parseInput<T>(schema: z.ZodType<T>, raw: unknown): T {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw invalid('invalid flow', issuesToFields(parsed.error.issues));
  return parsed.data;
}

const triggerColumns = (d: Definition) => ({ trigger_kind: d.trigger.type, trigger_event: d.trigger.type === 'event' ? d.trigger.event : null });

export async function createFlow(ctx: Ctx, raw: unknown): Promise<Flow> {
  const input = parseInput(flowInput, raw);
  await checkDefinition(ctx.database.db, input.definition);
  const id = newId('flow');
  const now = new Date().toISOString();
  const definition = JSON.stringify(input.definition);
  await inTransaction(ctx, async (trx) => {
    await trx
      .insertInto('flows')
      .values({
        id,
        name: input.name,
        status: 'draft',
        version: 1,
        definition,
        ...triggerColumns(input.definition),
        webhook_secret: newWebhookSecret(),
        activated_at: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await trx.insertInto('flow_versions').values({ flow_id: id, version: 1, definition, created_at: now }).execute();
    await appendEvents(trx, ctx.actor, [{ type: 'flow.created', entity: 'flow', entityId: id, data: { name: input.name, trigger: input.definition.trigger.type, version: 1 } }]);
  });
  return getFlow(ctx.database.db, id);
}

export async function getFlow(db: Db, id: string): Promise<Flow> {
  const row = await db.selectFrom('flows').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('flow', id);
  return toFlow(row);
}

export async function listFlows(db: Db): Promise<Flow[]> {
  return (await db.selectFrom('flows').selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(500).execute()).map(toFlow);
}

/** The webhook signing secret of a flow (its webhook steps sign with it). */
export async function flowSecret(db: Db, id: string): Promise<string> {
  const row = await db.selectFrom('flows').select('webhook_secret').where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('flow', id);
  return row.webhook_secret as string;
}

export async function updateFlow(ctx: Ctx, id: string, raw: unknown): Promise<Flow> {
  const patch = parseInput(flowPatch, raw);
  const current = await getFlow(ctx.database.db, id);
  if (patch.definition) await checkDefinition(ctx.database.db, patch.definition);
  const now = new Date().toISOString();
  const changed = patch.definition !== undefined && JSON.stringify(patch.definition) !== JSON.stringify(current.definition);
  const version = changed ? current.version + 1 : current.version;
  await inTransaction(ctx, async (trx) => {
    const set: Record<string, unknown> = { updated_at: now, version };
    if (patch.name !== undefined) set.name = patch.name;
    if (changed) Object.assign(set, { definition: JSON.stringify(patch.definition), ...triggerColumns(patch.definition!) });
    // The version read above must still be the current one: two saves at once publish one version each.
    const r = await trx.updateTable('flows').set(set).where('id', '=', id).where('version', '=', current.version).executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0) throw invalid('the flow changed meanwhile; reload it and save again', { definition: ['changed meanwhile'] });
    if (changed)
      await trx
        .insertInto('flow_versions')
        .values({ flow_id: id, version, definition: JSON.stringify(patch.definition), created_at: now })
        .execute();
    await appendEvents(trx, ctx.actor, [{ type: 'flow.updated', entity: 'flow', entityId: id, data: { changed: Object.keys(patch), version } }]);
  });
  return getFlow(ctx.database.db, id);
}

export async function setFlowStatus(ctx: Ctx, id: string, status: 'active' | 'paused'): Promise<Flow> {
  const current = await getFlow(ctx.database.db, id);
  if (current.status === status) return current;
  const now = new Date().toISOString();
  await inTransaction(ctx, async (trx) => {
    await trx
      .updateTable('flows')
      .set({ status, updated_at: now, ...(status === 'active' ? { activated_at: now } : {}) })
      .where('id', '=', id)
      .execute();
    await appendEvents(trx, ctx.actor, [{ type: status === 'active' ? 'flow.activated' : 'flow.paused', entity: 'flow', entityId: id, data: { version: current.version } }]);
  });
  return getFlow(ctx.database.db, id);
}

export async function deleteFlow(ctx: Ctx, id: string): Promise<void> {
  await getFlow(ctx.database.db, id);
  await inTransaction(ctx, async (trx) => {
    await trx.deleteFrom('flow_step_runs').where('flow_id', '=', id).execute();
    await trx.deleteFrom('flow_enrolments').where('flow_id', '=', id).execute();
    await trx.deleteFrom('flow_date_checks').where('flow_id', '=', id).execute();
    await trx.deleteFrom('flow_versions').where('flow_id', '=', id).execute();
    await trx.deleteFrom('flows').where('id', '=', id).execute();
    await appendEvents(trx, ctx.actor, [{ type: 'flow.deleted', entity: 'flow', entityId: id }]);
  });
}

/** The definition of a published version (cached: versions never change). */
const versionCache = new Map<string, Definition>();
export async function flowVersion(db: Db, flowId: string, version: number): Promise<Definition> {
  const key = `${flowId}@${version}`;
  const cached = versionCache.get(key);
  if (cached) return cached;
  const row = await db.selectFrom('flow_versions').select('definition').where('flow_id', '=', flowId).where('version', '=', version).executeTakeFirst();
  if (!row) throw notFound('flow version', key);
  const d = parseDefinition(row.definition as string);
  if (versionCache.size > 1000) versionCache.clear();
  versionCache.set(key, d);
  return d;
}

export type EnrolSource = 'event' | 'date' | 'manual';

/**
 * Enrols a customer in the flow's current version unless the re-entry policy says no: never (once
 * in a lifetime), after N days (since the last entry), always (but never twice at the same time).
 * Returns the new enrolment's id, or null when the customer may not enter.
 */
export async function enrolCustomer(
  trx: Db,
  actor: string,
  flow: Pick<Flow, 'id' | 'version' | 'definition'>,
  customerId: string,
  source: EnrolSource,
  sourceId: string | null,
  now = new Date(),
): Promise<string | null> {
  const customer = await trx.selectFrom('customers').select(['id', 'erased_at']).where('id', '=', customerId).executeTakeFirst();
  if (!customer || customer.erased_at) return null;
  const previous = await trx
    .selectFrom('flow_enrolments')
    .select(['status', 'entered_at', 'source_id'])
    .where('flow_id', '=', flow.id)
    .where('customer_id', '=', customerId)
    .orderBy('entered_at', 'desc')
    .limit(50)
    .execute();
  // The same event or date delivered again (an event consumer repeats at most its in-flight batch) enrols once.
  if (sourceId && previous.some((p) => p.source_id === sourceId)) return null;
  if (previous.some((p) => p.status === 'active')) return null;
  const reentry = flow.definition.reentry;
  if (previous.length && reentry.policy === 'never') return null;
  if (previous.length && reentry.policy === 'after_days' && now.getTime() - Date.parse(previous[0].entered_at as string) < reentry.days * 86_400_000) return null;
  const id = newId('flowEnrolment');
  const iso = now.toISOString();
  await trx
    .insertInto('flow_enrolments')
    .values({
      id,
      flow_id: flow.id,
      version: flow.version,
      customer_id: customerId,
      status: 'active',
      step: 0,
      next_run_at: iso,
      claimed_by: null,
      claimed_until: null,
      source,
      source_id: sourceId,
      exit_reason: null,
      entered_at: iso,
      finished_at: null,
      updated_at: iso,
    })
    .execute();
  await appendEvents(trx, actor, [{ type: 'flow.enrolled', entity: 'flow_enrolment', entityId: id, data: { flow_id: flow.id, version: flow.version, source, customer_id: customerId } }]);
  return id;
}

export const manualEnrolInput = z
  .object({
    customer_ids: z.array(z.string().max(40)).min(1).max(1000).optional(),
    segment_id: z.string().max(40).optional().openapi({ description: 'A saved-filter segment or a segment of the newest segmentation (GET /api/segments): its customers enter' }),
    filter: z.any().optional().openapi({ description: 'A customer filter as in GET /api/customers?filter= (every match enters, at most 10,000)' }),
  })
  .strict()
  .refine((v) => v.customer_ids !== undefined || v.filter !== undefined || v.segment_id !== undefined, { message: 'give customer_ids, a segment_id or a filter', path: ['customer_ids'] })
  .openapi('FlowEnrolInput');

/** Customer ids a filter selects (erased customers never). */
export async function customersMatching(db: Db, filter: FilterNode, limit = 10_000): Promise<string[]> {
  const fields = new Map((await fieldsOf(db, customerEntity)).map((f) => [f.name, f]));
  return customersWhere(db, [(eb) => compileFilter(eb as never, filter, fields)], limit);
}

/** Customer ids of a segment (a saved filter, or a k-means segment); an unknown segment is a 400. */
export async function customersInSegment(ctx: Ctx, segmentId: string, limit = 10_000): Promise<string[]> {
  return customersWhere(ctx.database.db, await segmentWhere(ctx, segmentId), limit);
}

async function customersWhere(db: Db, where: WhereBuilder[], limit: number): Promise<string[]> {
  let q = db.selectFrom('customers').select('id').where('erased_at', 'is', null).orderBy('id').limit(limit);
  for (const w of where) q = q.where(w);
  return (await q.execute()).map((r) => r.id as string);
}

/** Enrols the given customers (or those a filter selects) in an active flow: all or, on a bad id, none. */
export async function enrolManually(ctx: Ctx, flowId: string, raw: unknown): Promise<{ enrolled: number; skipped: number; enrolment_ids: string[] }> {
  const input = parseInput(manualEnrolInput, raw);
  const flow = await getFlow(ctx.database.db, flowId);
  if (flow.status !== 'active') throw invalid('activate the flow before enrolling customers', { status: [`the flow is ${flow.status}`] });
  let ids = input.customer_ids ?? [];
  if (input.segment_id !== undefined) ids = [...new Set([...ids, ...(await customersInSegment(ctx, input.segment_id))])];
  if (input.filter !== undefined) {
    const filter = filterNodeSchema.safeParse(input.filter);
    if (!filter.success) throw invalid('invalid filter', issuesToFields(filter.error.issues));
    ids = [...new Set([...ids, ...(await customersMatching(ctx.database.db, filter.data))])];
  }
  if (input.customer_ids?.length) {
    const found = new Set<string>();
    const given = input.customer_ids;
    for (let i = 0; i < given.length; i += 500)
      for (const r of await ctx.database.db
        .selectFrom('customers')
        .select('id')
        .where('id', 'in', given.slice(i, i + 500))
        .execute())
        found.add(r.id as string);
    const missing = given.filter((id) => !found.has(id));
    if (missing.length)
      throw invalid(`no customer ${missing[0]}${missing.length > 1 ? ` (and ${missing.length - 1} more)` : ''}`, { customer_ids: missing.slice(0, 20).map((m) => `no customer ${m}`) });
  }
  const enrolled: string[] = [];
  await inTransaction(ctx, async (trx) => {
    for (const id of ids) {
      const e = await enrolCustomer(trx, ctx.actor, flow, id, 'manual', null);
      if (e) enrolled.push(e);
    }
  });
  return { enrolled: enrolled.length, skipped: ids.length - enrolled.length, enrolment_ids: enrolled };
}

export interface StepCount {
  step_id: string;
  kind: string;
  outcomes: Record<string, number>;
  /** Enrolments waiting at (about to run) this step. */
  waiting: number;
  /** A send_sms step: what became of its texts (sent, delivered, failed, STOP replies). */
  sms?: SmsOutcomes;
}

/** Per-step counts: how often each step ran by outcome, how many active enrolments are waiting at it, and the flow's discount codes. */
export async function stepCounts(db: Db, flow: Flow): Promise<{ steps: StepCount[]; enrolments: Record<string, number>; discount_codes: DiscountFigures }> {
  const runs = await db
    .selectFrom('flow_step_runs')
    .select(['step_id', 'kind', 'outcome', (eb) => eb.fn.countAll<number>().as('n')])
    .where('flow_id', '=', flow.id)
    .groupBy(['step_id', 'kind', 'outcome'])
    .execute();
  const active = await db
    .selectFrom('flow_enrolments')
    .select(['version', 'step', (eb) => eb.fn.countAll<number>().as('n')])
    .where('flow_id', '=', flow.id)
    .where('status', '=', 'active')
    .groupBy(['version', 'step'])
    .execute();
  const byStatus = await db
    .selectFrom('flow_enrolments')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('flow_id', '=', flow.id)
    .groupBy('status')
    .execute();
  const steps = new Map<string, StepCount>(flow.definition.steps.map((s) => [s.id, { step_id: s.id, kind: s.kind, outcomes: {}, waiting: 0 }]));
  for (const r of runs) {
    const c = steps.get(r.step_id as string) ?? { step_id: r.step_id as string, kind: r.kind as string, outcomes: {}, waiting: 0 };
    c.outcomes[r.outcome as string] = (c.outcomes[r.outcome as string] ?? 0) + Number(r.n);
    steps.set(c.step_id, c);
  }
  for (const a of active) {
    const d = await flowVersion(db, flow.id, Number(a.version));
    const s = d.steps[Number(a.step)];
    if (s && steps.has(s.id)) steps.get(s.id)!.waiting += Number(a.n);
  }
  for (const c of steps.values()) {
    if (c.kind !== 'send_sms') continue;
    const sent = await db
      .selectFrom('flow_step_runs')
      .select('related_id')
      .where('flow_id', '=', flow.id)
      .where('step_id', '=', c.step_id)
      .where('outcome', '=', 'sent')
      .where('related_id', 'is not', null)
      .execute();
    c.sms = await smsOutcomes(
      db,
      sent.map((r) => r.related_id as string),
    );
  }
  return {
    steps: [...steps.values()],
    enrolments: Object.fromEntries(byStatus.map((r) => [r.status as string, Number(r.n)])),
    discount_codes: await discountFigures(db, { flow_id: flow.id }),
  };
}

export interface EnrolmentRow {
  id: string;
  flow_id: string;
  flow_name: string;
  version: number;
  customer_id: string;
  status: string;
  step: number;
  next_run_at: string | null;
  source: string;
  exit_reason: string | null;
  entered_at: string;
  finished_at: string | null;
  history: { step_id: string; kind: string; outcome: string; detail: string | null; related_id: string | null; ran_at: string }[];
}

export async function listEnrolments(db: Db, query: { flowId?: string; customerId?: string; status?: string; limit?: number }): Promise<EnrolmentRow[]> {
  let q = db
    .selectFrom('flow_enrolments as e')
    .innerJoin('flows as f', 'f.id', 'e.flow_id')
    .select(['e.id', 'e.flow_id', 'f.name as flow_name', 'e.version', 'e.customer_id', 'e.status', 'e.step', 'e.next_run_at', 'e.source', 'e.exit_reason', 'e.entered_at', 'e.finished_at'])
    .orderBy('e.entered_at', 'desc')
    .orderBy('e.id', 'desc')
    .limit(query.limit ?? 100);
  if (query.flowId) q = q.where('e.flow_id', '=', query.flowId);
  if (query.customerId) q = q.where('e.customer_id', '=', query.customerId);
  if (query.status) q = q.where('e.status', '=', query.status);
  const rows = await q.execute();
  const history = new Map<string, EnrolmentRow['history']>();
  const ids = rows.map((r) => r.id as string);
  for (let i = 0; i < ids.length; i += 500) {
    const runs = await db
      .selectFrom('flow_step_runs')
      .select(['enrolment_id', 'step_id', 'kind', 'outcome', 'detail', 'related_id', 'ran_at'])
      .where('enrolment_id', 'in', ids.slice(i, i + 500))
      .orderBy('ran_at')
      .orderBy('id')
      .execute();
    for (const r of runs) {
      const list = history.get(r.enrolment_id as string) ?? [];
      list.push({
        step_id: r.step_id as string,
        kind: r.kind as string,
        outcome: r.outcome as string,
        detail: (r.detail as string | null) ?? null,
        related_id: (r.related_id as string | null) ?? null,
        ran_at: r.ran_at as string,
      });
      history.set(r.enrolment_id as string, list);
    }
  }
  return rows.map((r) => ({
    id: r.id as string,
    flow_id: r.flow_id as string,
    flow_name: r.flow_name as string,
    version: Number(r.version),
    customer_id: r.customer_id as string,
    status: r.status as string,
    step: Number(r.step),
    next_run_at: (r.next_run_at as string | null) ?? null,
    source: r.source as string,
    exit_reason: (r.exit_reason as string | null) ?? null,
    entered_at: r.entered_at as string,
    finished_at: (r.finished_at as string | null) ?? null,
    history: history.get(r.id as string) ?? [],
  }));
}
