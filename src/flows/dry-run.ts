/**
 * The dry run: who would enter a flow today and what each would get, read-only. Who: for an event
 * trigger, the customers of matching events of the last 24 hours, and for a score trigger
 * (customer.score_crossed) also those whose score is already past the threshold (they enter when the
 * flow is activated with `enrol_existing`); for a date trigger, today's dates; for a manual flow, the
 * filter or ids given. What: the steps walked with today's data — waits add up, conditions on fields
 * and scores are evaluated, "opened/clicked/purchased since" counts as not yet, messages are rendered.
 */
import { z } from '@hono/zod-openapi';
import type { Db } from '../core/database.js';
import { toBool } from '../core/database.js';
import { AppError, invalid } from '../core/errors.js';
import { listEvents } from '../core/events.js';
import type { Database } from '../core/database.js';
import { filterNodeSchema, type FilterNode } from '../records/query.js';
import { issuesToFields } from '../records/validation.js';
import { getBusinessSettings, todayIn } from '../settings/business.js';
import { renderTemplate } from '../templates/render.js';
import { thresholdScores } from '../insights/score-events.js';
import { smsProviderConfig } from '../sms/settings.js';
import type { Definition, Trigger } from './definition.js';
import { conditionHolds, customerRecord, waitUntil } from './runner.js';
import { customersInSegment, customersMatching, type Flow } from './service.js';
import { customerOf, customersDueOn, eventMatches } from './triggers.js';

export const dryRunInput = z
  .object({
    customer_ids: z.array(z.string().max(40)).max(1000).optional(),
    segment_id: z.string().max(40).optional().openapi({ description: 'For a manual flow: the segment to try' }),
    filter: z.any().optional().openapi({ description: 'For a manual flow: the customers to try, as a customer filter' }),
    limit: z.number().int().min(1).max(200).default(20).openapi({ description: 'Customers shown with their steps (the count covers all)' }),
  })
  .strict()
  .openapi('FlowDryRunInput');

export interface Candidate {
  customer_id: string;
  why: string;
}

/** A score trigger's customers already past its threshold (direction "down": at or below, "up": above). */
async function pastThreshold(db: Db, trigger: Extract<Trigger, { type: 'event' }>): Promise<Candidate[]> {
  const score = String(trigger.match?.score ?? '');
  const threshold = Number(trigger.match?.threshold);
  const direction = trigger.match?.direction;
  if (!(thresholdScores as readonly string[]).includes(score) || !Number.isFinite(threshold) || (direction !== 'up' && direction !== 'down')) return [];
  const rows = await db
    .selectFrom('customers')
    .select(['id', score])
    .where('erased_at', 'is', null)
    .where(score, direction === 'up' ? '>' : '<=', threshold)
    .orderBy(score, direction === 'up' ? 'desc' : 'asc')
    .orderBy('id')
    .limit(10_000)
    .execute();
  return rows.map((r) => ({ customer_id: r.id as string, why: `${score} is ${Number(r[score]).toFixed(2)} (${direction === 'up' ? 'above' : 'at or below'} ${threshold})` }));
}

/** Who would enter today, before the re-entry policy. */
export async function candidates(database: Database, flow: Flow, input: { customer_ids?: string[]; segment_id?: string; filter?: FilterNode }, now = new Date()): Promise<Candidate[]> {
  const db = database.db;
  const t = flow.definition.trigger;
  const out = new Map<string, Candidate>();
  if (t.type === 'event') {
    const since = new Date(now.getTime() - 86_400_000).toISOString();
    for (let after: number | undefined; ;) {
      const events = await listEvents(database, { types: [t.event], since, after, limit: 1000 });
      for (const e of events) {
        const c = customerOf(e);
        if (c && eventMatches(t, e) && !out.has(c)) out.set(c, { customer_id: c, why: `${e.type} at ${e.occurred_at}` });
      }
      if (events.length < 1000) break;
      after = events[events.length - 1].position!;
    }
    if (t.event === 'customer.score_crossed') for (const c of await pastThreshold(db, t)) if (!out.has(c.customer_id)) out.set(c.customer_id, c);
  } else if (t.type === 'date') {
    const { timeZone } = await getBusinessSettings(db);
    const day = todayIn(timeZone, now);
    for (const id of await customersDueOn(db, t, day)) out.set(id, { customer_id: id, why: `${t.field} ${t.offset_days ? `${t.offset_days > 0 ? '+' : ''}${t.offset_days} days ` : ''}is today` });
  } else {
    for (const id of input.customer_ids ?? []) out.set(id, { customer_id: id, why: 'chosen' });
    if (input.segment_id) for (const id of await customersInSegment({ database, actor: 'dry-run' }, input.segment_id)) if (!out.has(id)) out.set(id, { customer_id: id, why: 'in the segment' });
    if (input.filter) for (const id of await customersMatching(db, input.filter)) if (!out.has(id)) out.set(id, { customer_id: id, why: 'matches the filter' });
  }
  return [...out.values()];
}

/** Whether the re-entry policy lets a customer in now (the read half of enrolCustomer). */
async function mayEnter(db: Db, flow: Flow, customerIds: string[], now: Date): Promise<Set<string>> {
  const last = new Map<string, { active: boolean; entered: string }>();
  for (let i = 0; i < customerIds.length; i += 500) {
    const rows = await db
      .selectFrom('flow_enrolments')
      .select(['customer_id', 'status', 'entered_at'])
      .where('flow_id', '=', flow.id)
      .where('customer_id', 'in', customerIds.slice(i, i + 500))
      .execute();
    for (const r of rows) {
      const prev = last.get(r.customer_id as string);
      last.set(r.customer_id as string, {
        active: (prev?.active ?? false) || r.status === 'active',
        entered: prev && prev.entered > (r.entered_at as string) ? prev.entered : (r.entered_at as string),
      });
    }
  }
  const reentry = flow.definition.reentry;
  return new Set(
    customerIds.filter((id) => {
      const p = last.get(id);
      if (!p) return true;
      if (p.active || reentry.policy === 'never') return false;
      return reentry.policy === 'always' || now.getTime() - Date.parse(p.entered) >= reentry.days * 86_400_000;
    }),
  );
}

interface PlannedStep {
  step_id: string;
  kind: string;
  /** When it would run, assuming the waits before it. */
  at: string;
  summary: string;
  subject?: string;
  text?: string;
}

const describeWait = (s: Extract<Definition['steps'][number], { kind: 'wait' }>) =>
  [s.days && `${s.days} day${s.days === 1 ? '' : 's'}`, s.hours && `${s.hours} h`, s.minutes && `${s.minutes} min`].filter(Boolean).join(' ') +
  (s.until_time ? `${s.days || s.hours || s.minutes ? ', then ' : ''}until ${s.until_time}` : '');

/** The steps a customer would go through, walked with today's data. */
async function plan(db: Db, flow: Flow, customerId: string, now: Date, timeZone: string): Promise<PlannedStep[]> {
  const d = flow.definition;
  const customer = await customerRecord(db, customerId);
  const smsReady = (await smsProviderConfig(db)) !== null;
  const out: PlannedStep[] = [];
  let at = now;
  const pseudo = { id: '(dry run)', customer_id: customerId, entered_at: now.toISOString() };
  for (let i = 0, guard = 0; i < d.steps.length && guard < 200; guard++) {
    const s = d.steps[i];
    const base = { step_id: s.id, kind: s.kind, at: at.toISOString() };
    let next = i + 1;
    switch (s.kind) {
      case 'wait':
        at = waitUntil(s, at, (customer?.time_zone as string | null) || timeZone);
        out.push({ ...base, summary: `waits ${describeWait(s)} (until ${at.toISOString()})` });
        break;
      case 'condition': {
        const holds = 'filter' in s.if ? await conditionHolds(db, s.if, pseudo) : false;
        const target = holds ? s.then : s.else;
        out.push({ ...base, summary: `${'filter' in s.if ? 'condition' : `${s.if.activity} since entering`}: ${holds ? 'yes' : 'no'}${'activity' in s.if ? ' (nothing yet)' : ''} → ${target}` });
        if (target === 'exit') return out;
        if (target !== 'next') next = d.steps.findIndex((x) => x.id === target);
        break;
      }
      case 'send_email': {
        if (!customer?.email) out.push({ ...base, summary: 'email skipped: no email address' });
        else if (toBool(customer.consent_email) !== true) out.push({ ...base, summary: 'email skipped: no email consent' });
        else {
          try {
            const r = await renderTemplate(db, s.template_id ?? { subject: s.subject, text: s.body }, { customerId, discountScope: flow.id });
            out.push({ ...base, summary: `email to ${customer.email as string}: ${r.subject}`, subject: r.subject, text: r.text });
          } catch (e) {
            out.push({
              ...base,
              summary: `email fails: ${
                e instanceof AppError
                  ? `${e.message} ${Object.values(e.fields ?? {})
                      .flat()
                      .join('; ')}`.trim()
                  : (e as Error).message
              }`,
            });
          }
        }
        break;
      }
      case 'send_sms': {
        const phone = customer?.phone as string | null | undefined;
        if (!smsReady) out.push({ ...base, summary: 'SMS skipped: SMS not configured' });
        else if (!phone || !/^\+[1-9]\d{6,14}$/.test(phone)) out.push({ ...base, summary: 'SMS skipped: no mobile number' });
        else if (toBool(customer!.consent_sms) !== true) out.push({ ...base, summary: 'SMS skipped: no SMS consent' });
        else {
          try {
            const r = await renderTemplate(db, { subject: 'SMS', text: s.body }, { customerId, discountScope: flow.id });
            out.push({ ...base, summary: `SMS to ${phone}: ${r.text.trim()}`, text: r.text.trim() });
          } catch (e) {
            out.push({
              ...base,
              summary: `SMS fails: ${
                e instanceof AppError
                  ? `${e.message} ${Object.values(e.fields ?? {})
                      .flat()
                      .join('; ')}`.trim()
                  : (e as Error).message
              }`,
            });
          }
        }
        break;
      }
      case 'create_task':
        out.push({ ...base, summary: `task "${s.title}" due in ${s.due_in_days} day${s.due_in_days === 1 ? '' : 's'}` });
        break;
      case 'add_tag':
      case 'remove_tag':
        out.push({ ...base, summary: `${s.kind === 'add_tag' ? 'adds' : 'removes'} tag ${s.tag}` });
        break;
      case 'update_field':
        out.push({ ...base, summary: `sets ${s.field} to ${JSON.stringify(s.value)}` });
        break;
      case 'webhook':
        out.push({ ...base, summary: `calls ${s.url}` });
        break;
      case 'exit':
        out.push({ ...base, summary: 'leaves the flow' });
        return out;
    }
    i = next;
  }
  return out;
}

export interface DryRunResult {
  day: string;
  trigger: string;
  total: number;
  excluded_by_reentry: number;
  customers: { customer_id: string; name: string; email: string | null; why: string; steps: PlannedStep[] }[];
}

function parseDryRunInput(raw: unknown) {
  const parsed = dryRunInput.safeParse(raw ?? {});
  if (!parsed.success) throw invalid('invalid dry run', issuesToFields(parsed.error.issues));
  let filter: FilterNode | undefined;
  if (parsed.data.filter !== undefined) {
    const f = filterNodeSchema.safeParse(parsed.data.filter);
    if (!f.success) throw invalid('invalid filter', issuesToFields(f.error.issues));
    filter = f.data;
  }
  return { ...parsed.data, filter };
}

/** Who would enter and what they would get (no writes). */
export async function dryRun(database: Database, flow: Flow, raw: unknown, now = new Date()): Promise<DryRunResult> {
  const input = parseDryRunInput(raw);
  const db = database.db;
  const { timeZone } = await getBusinessSettings(db);
  if (flow.definition.trigger.type === 'manual' && !input.customer_ids?.length && !input.filter && !input.segment_id)
    throw invalid('a manual flow needs customer_ids, a segment_id or a filter to try', { customer_ids: ['give customer_ids, a segment_id or a filter'] });
  const all = await candidates(database, flow, input, now);
  const allowed = await mayEnter(
    db,
    flow,
    all.map((c) => c.customer_id),
    now,
  );
  const entering = all.filter((c) => allowed.has(c.customer_id));
  const shown = [];
  for (const c of entering.slice(0, input.limit)) {
    const record = await customerRecord(db, c.customer_id);
    if (!record) continue;
    const name = [record.first_name, record.last_name].filter((v) => typeof v === 'string' && v).join(' ') || ((record.email as string | null) ?? c.customer_id);
    shown.push({ customer_id: c.customer_id, name, email: (record.email as string | null) ?? null, why: c.why, steps: await plan(db, flow, c.customer_id, now, timeZone) });
  }
  const t = flow.definition.trigger;
  const trigger = t.type === 'event' ? `${t.event}${t.match ? ' ' + JSON.stringify(t.match) : ''}` : t.type === 'date' ? `date ${t.field}${t.offset_days ? ` ${t.offset_days} days` : ''}` : 'manual';
  return { day: todayIn(timeZone, now), trigger, total: entering.length, excluded_by_reentry: all.length - entering.length, customers: shown };
}
