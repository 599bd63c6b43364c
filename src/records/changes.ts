import type { Ctx } from '../core/context.js';
import type { Db } from '../core/database.js';
import { appendEvents, type DomainEvent } from '../core/events.js';
import { auditColumns, auditValues, writeAudit, type AuditEntry } from './audit-log.js';
import type { EntityDef } from '../schema/entities.js';
import type { EventType } from '../schema/events.js';
import { isPersonal } from '../schema/fields.js';
import type { ApiRecord } from './codec.js';

export type ChangeAction = 'create' | 'update' | 'delete';

export interface Change {
  id: string;
  before?: ApiRecord | null;
  after?: ApiRecord | null;
}

const pastTense: Record<ChangeAction, string> = { create: 'created', update: 'updated', delete: 'deleted' };

/**
 * A record's facts that may travel in an event: every registry field that holds no personal data.
 * Events reach webhooks and logs, so names, emails, phones, notes and custom fields stay out;
 * a consumer that needs them reads the record through the API.
 */
function eventFacts(entity: EntityDef, record: ApiRecord | null | undefined): Record<string, unknown> | undefined {
  if (!record) return undefined;
  const out: Record<string, unknown> = {};
  for (const f of factFields(entity)) {
    if (!Object.hasOwn(record, f.name)) continue;
    const value = record[f.name];
    // Empty values are left out: an event stays small, and a missing key reads as "not set".
    if (value === null || value === undefined || (Array.isArray(value) && value.length === 0)) continue;
    out[f.name] = value;
  }
  return out;
}

/** An entity's fields that hold no personal data, found once per field list rather than per event. */
const factFieldsOf = new WeakMap<EntityDef['fields'], EntityDef['fields']>();
function factFields(entity: EntityDef): EntityDef['fields'] {
  let fields = factFieldsOf.get(entity.fields);
  if (!fields) factFieldsOf.set(entity.fields, (fields = entity.fields.filter((f) => !isPersonal(f))));
  return fields;
}

/**
 * The previous values of the changed fields that may travel in an event (personal ones stay out), so
 * a subscriber sees both sides of a move: an order given to another customer names both customers.
 */
function previousFacts(entity: EntityDef, before: ApiRecord | null | undefined, changed: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (!before) return out;
  for (const f of entity.fields) if (!isPersonal(f) && changed.includes(f.name)) out[f.name] = before[f.name] ?? null;
  return out;
}

/** The names of the fields whose values differ between two versions of a record. */
function changedFields(before: ApiRecord | null | undefined, after: ApiRecord | null | undefined): string[] {
  if (!before || !after) return [];
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  names.delete('updated_at');
  return [...names].filter((n) => JSON.stringify(before[n] ?? null) !== JSON.stringify(after[n] ?? null)).sort();
}

/** The domain events that a batch of creates, updates or deletes of one entity means. */
export function changeEvents(entity: EntityDef, action: ChangeAction, changes: Change[]): DomainEvent[] {
  const events: DomainEvent[] = [];
  for (const c of changes) {
    const base = { entity: entity.label, entityId: c.id };
    if (action === 'update') {
      const changed = changedFields(c.before, c.after);
      if (changed.length === 0) continue;
      events.push({ ...base, type: `${entity.label}.updated` as EventType, data: { changed, record: eventFacts(entity, c.after), previous: previousFacts(entity, c.before, changed) } });
      if (entity.name === 'tasks' && changed.includes('done') && c.after?.done === true) events.push({ ...base, type: 'task.completed', data: { record: eventFacts(entity, c.after) } });
      if (entity.name === 'customers' && changed.includes('stage')) events.push({ ...base, type: 'customer.stage_changed', data: { from: c.before?.stage ?? null, to: c.after?.stage ?? null } });
      continue;
    }
    // A deleted record's facts are those it had before: subscribers learn which customer lost an order.
    const record = action === 'create' ? c.after : c.before;
    const data: Record<string, unknown> = { record: eventFacts(entity, record) };
    // The code itself is personal and stays out; that a new customer brought one is what loyalty needs to attribute it.
    if (entity.name === 'customers' && action === 'create' && c.after?.referral_code) data.referral_code_given = true;
    events.push({ ...base, type: `${entity.label}.${pastTense[action]}` as EventType, data });
  }
  return events;
}

/**
 * Records a batch of changes to one entity inside the writing transaction: the audit entries (with
 * the full before and after) and the domain events (facts without personal data).
 */
export async function recordChanges(
  trx: Db,
  ctx: Ctx,
  entity: EntityDef,
  action: ChangeAction,
  changes: Change[],
  auditWriter?: (db: Db, table: string, rows: Record<string, unknown>[]) => Promise<void>,
): Promise<void> {
  const entries: AuditEntry[] = changes.map((c) => ({
    actor: ctx.actor,
    action,
    entity: entity.name,
    entityId: c.id,
    ...(c.before ? { before: c.before } : {}),
    ...(c.after ? { after: c.after } : {}),
    batchId: ctx.batchId,
  }));
  if (auditWriter) {
    await writeAudit(trx, entries, auditWriter);
    await appendEvents(trx, ctx.actor, changeEvents(entity, action, changes));
    return;
  }
  // The audit entries are stored with the events: one statement on PostgreSQL, one round trip fewer.
  await appendEvents(trx, ctx.actor, changeEvents(entity, action, changes), { table: 'audit_log', columns: auditColumns, values: auditValues(entries) });
}
