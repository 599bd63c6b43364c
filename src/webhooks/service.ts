import type { Database, Db } from '../core/database.js';
import { readRows, toBool } from '../core/database.js';
import { claimRows, insertOrIgnore } from '../core/dialect.js';
import { invalid, notFound } from '../core/errors.js';
import { appendEvents, getEvent, listEventsById, type StoredEvent } from '../core/events.js';
import { newId } from '../core/ids.js';
import { checkOutboundUrl, OutboundRefused, postOutbound } from '../core/outbound.js';
import { isEventType } from '../schema/events.js';
import { newWebhookSecret, webhookHeaders } from './signature.js';

export interface DeliverySettings {
  /** Allow receivers on loopback and private addresses (RAPPORT_ALLOW_PRIVATE_TARGETS). */
  allowPrivate: boolean;
  timeoutMs: number;
  /** Wait before each attempt; the Standard Webhooks schedule: 8 attempts over about 27.5 hours. */
  schedule: readonly number[];
  /** An endpoint that has failed without a single success for this long is disabled. */
  disableAfterMs: number;
}

const second = 1000;
const minute = 60 * second;
const hour = 60 * minute;
const retrySchedule = [0, 5 * second, 5 * minute, 30 * minute, 2 * hour, 5 * hour, 10 * hour, 10 * hour] as const;

export const defaultDeliverySettings: DeliverySettings = { allowPrivate: false, timeoutMs: 10 * second, schedule: retrySchedule, disableAfterMs: 5 * 24 * hour };

export interface Webhook {
  id: string;
  url: string;
  description: string | null;
  event_types: string[];
  active: boolean;
  disabled_reason: string | null;
  failing_since: string | null;
  created_at: string;
  updated_at: string;
}

export interface Delivery {
  id: string;
  webhook_id: string;
  event_id: string;
  event_type: string | null;
  status: 'pending' | 'sending' | 'delivered' | 'failed';
  attempts: number;
  next_attempt_at: string | null;
  last_status_code: number | null;
  last_error: string | null;
  last_response: string | null;
  last_duration_ms: number | null;
  created_at: string;
  delivered_at: string | null;
}

function toWebhook(row: Record<string, unknown>): Webhook {
  return {
    id: row.id as string,
    url: row.url as string,
    description: (row.description as string | null) ?? null,
    event_types: JSON.parse(row.event_types as string) as string[],
    active: toBool(row.active) ?? false,
    disabled_reason: (row.disabled_reason as string | null) ?? null,
    failing_since: (row.failing_since as string | null) ?? null,
    created_at: row.created_at as string,
    updated_at: row.updated_at as string,
  };
}

function toDelivery(row: Record<string, unknown>): Delivery {
  const n = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  return {
    id: row.id as string,
    webhook_id: row.webhook_id as string,
    event_id: row.event_id as string,
    event_type: (row.event_type as string | null) ?? null,
    status: row.status as Delivery['status'],
    attempts: Number(row.attempts),
    next_attempt_at: (row.next_attempt_at as string | null) ?? null,
    last_status_code: n(row.last_status_code),
    last_error: (row.last_error as string | null) ?? null,
    last_response: (row.last_response as string | null) ?? null,
    last_duration_ms: n(row.last_duration_ms),
    created_at: row.created_at as string,
    delivered_at: (row.delivered_at as string | null) ?? null,
  };
}

export interface WebhookInput {
  url?: string;
  description?: string | null;
  event_types?: string[];
  active?: boolean;
}

function checkInput(input: WebhookInput, allowPrivate: boolean) {
  if (input.url !== undefined) {
    try {
      checkOutboundUrl(input.url, allowPrivate);
    } catch (error) {
      if (error instanceof OutboundRefused) throw invalid(`invalid webhook url: ${error.message}`, { url: [error.message] });
      throw error;
    }
  }
  if (input.event_types) {
    const unknown = input.event_types.filter((t) => t !== '*' && !isEventType(t));
    if (unknown.length) throw invalid(`unknown event types: ${unknown.join(', ')}`, { event_types: unknown.map((t) => `unknown event type ${t}`) });
  }
}

export async function createWebhook(db: Db, input: WebhookInput & { url: string; event_types: string[] }, allowPrivate: boolean): Promise<{ webhook: Webhook; secret: string }> {
  checkInput(input, allowPrivate);
  const now = new Date().toISOString();
  const secret = newWebhookSecret();
  const row = {
    id: newId('webhook'),
    url: input.url,
    description: input.description ?? null,
    event_types: JSON.stringify([...new Set(input.event_types)]),
    secret,
    active: (input.active ?? true) ? 1 : 0,
    disabled_reason: null,
    failing_since: null,
    created_at: now,
    updated_at: now,
  };
  await db.insertInto('webhooks').values(row).execute();
  return { webhook: await getWebhook(db, row.id), secret };
}

export async function getWebhook(db: Db, id: string): Promise<Webhook> {
  const row = await db.selectFrom('webhooks').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('webhook', id);
  return toWebhook(row);
}

export async function listWebhooks(db: Db): Promise<Webhook[]> {
  return (await db.selectFrom('webhooks').selectAll().orderBy('created_at').execute()).map(toWebhook);
}

export async function updateWebhook(db: Db, id: string, input: WebhookInput, allowPrivate: boolean): Promise<Webhook> {
  await getWebhook(db, id);
  checkInput(input, allowPrivate);
  const set: Record<string, unknown> = { updated_at: new Date().toISOString() };
  if (input.url !== undefined) set.url = input.url;
  if (input.description !== undefined) set.description = input.description;
  if (input.event_types) set.event_types = JSON.stringify([...new Set(input.event_types)]);
  if (input.active !== undefined) {
    set.active = input.active ? 1 : 0;
    // Turning an endpoint back on starts its failure clock afresh.
    if (input.active) Object.assign(set, { disabled_reason: null, failing_since: null });
  }
  await db.updateTable('webhooks').set(set).where('id', '=', id).execute();
  return getWebhook(db, id);
}

/** A new secret; the old one stops working at once. */
export async function rotateWebhookSecret(db: Db, id: string): Promise<string> {
  await getWebhook(db, id);
  const secret = newWebhookSecret();
  await db.updateTable('webhooks').set({ secret, updated_at: new Date().toISOString() }).where('id', '=', id).execute();
  return secret;
}

export async function deleteWebhook(db: Db, id: string): Promise<void> {
  await getWebhook(db, id);
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('webhook_deliveries').where('webhook_id', '=', id).execute();
    await trx.deleteFrom('webhooks').where('id', '=', id).execute();
  });
}

export async function listDeliveries(db: Db, webhookId: string, limit: number, before?: string): Promise<Delivery[]> {
  await getWebhook(db, webhookId);
  let q = db
    .selectFrom('webhook_deliveries as d')
    .leftJoin('events as e', 'e.id', 'd.event_id')
    .selectAll('d')
    .select('e.type as event_type')
    .where('d.webhook_id', '=', webhookId)
    .orderBy('d.id', 'desc')
    .limit(limit);
  if (before) q = q.where('d.id', '<', before);
  return (await q.execute()).map(toDelivery);
}

async function insertDeliveries(database: Database, rows: { webhook_id: string; event_id: string }[]): Promise<void> {
  if (rows.length === 0) return;
  const now = new Date().toISOString();
  const values = rows.map((r) => ({
    id: newId('delivery'),
    ...r,
    status: 'pending',
    attempts: 0,
    next_attempt_at: now,
    locked_by: null,
    locked_until: null,
    last_status_code: null,
    last_error: null,
    last_response: null,
    last_duration_ms: null,
    created_at: now,
    delivered_at: null,
  }));
  for (let i = 0; i < values.length; i += 50) {
    // (webhook, event) is unique: a batch the consumer runs again after a crash adds nothing twice.
    await insertOrIgnore(database.db, 'webhook_deliveries', values.slice(i, i + 50), ['webhook_id', 'event_id']);
  }
}

/** The outbox consumer: one delivery per active endpoint subscribed to each event. */
export async function fanOutEvents(database: Database, events: StoredEvent[]): Promise<number> {
  const hooks = (await listWebhooks(database.db)).filter((w) => w.active);
  const rows: { webhook_id: string; event_id: string }[] = [];
  for (const event of events) {
    if (event.type === 'webhook.test') continue; // sent only to the endpoint it tests
    for (const w of hooks) if (w.event_types.includes('*') || w.event_types.includes(event.type)) rows.push({ webhook_id: w.id, event_id: event.id });
  }
  await insertDeliveries(database, rows);
  return rows.length;
}

/** Appends a `webhook.test` event and queues it for this endpoint alone. */
export async function sendTestEvent(database: Database, id: string, actor: string): Promise<string> {
  await getWebhook(database.db, id);
  const [event] = await database.db
    .transaction()
    .execute((trx) => appendEvents(trx, actor, [{ type: 'webhook.test', entity: 'webhook', entityId: id, data: { message: 'A test event from Rapport' } }]));
  await insertDeliveries(database, [{ webhook_id: id, event_id: event.id }]);
  return event.id;
}

/** Queues a delivery again now, with a fresh set of attempts. */
export async function replayDelivery(db: Db, webhookId: string, deliveryId: string): Promise<Delivery> {
  const row = await db.selectFrom('webhook_deliveries').selectAll().where('id', '=', deliveryId).where('webhook_id', '=', webhookId).executeTakeFirst();
  if (!row) throw notFound('delivery', deliveryId);
  await db
    .updateTable('webhook_deliveries')
    .set({ status: 'pending', attempts: 0, next_attempt_at: new Date().toISOString(), locked_by: null, locked_until: null })
    .where('id', '=', deliveryId)
    .execute();
  return toDelivery((await db.selectFrom('webhook_deliveries').selectAll().where('id', '=', deliveryId).executeTakeFirstOrThrow()) as Record<string, unknown>);
}

/**
 * Claims up to `limit` due deliveries for this worker: pending ones whose time has come, and ones a
 * dead worker left "sending" past its lock. PostgreSQL and MySQL skip rows another process holds.
 */
export async function claimDeliveries(database: Database, worker: string, limit: number, lockMs = 2 * minute): Promise<Delivery[]> {
  const now = new Date();
  const nowIso = now.toISOString();
  const claim = { status: 'sending', locked_by: worker, locked_until: new Date(now.getTime() + lockMs).toISOString() };
  // An idle poll only reads: an UPDATE that matches nothing would still take SQLite's write lock.
  const [any] = await readRows(database.db, database.db.selectFrom('webhook_deliveries').select('id').where('status', 'in', ['pending', 'sending']).limit(1));
  if (!any) return [];
  const due = (db: Db) =>
    db
      .selectFrom('webhook_deliveries')
      .select('id')
      .where((eb) => eb.or([eb.and([eb('status', '=', 'pending'), eb('next_attempt_at', '<=', nowIso)]), eb.and([eb('status', '=', 'sending'), eb('locked_until', '<', nowIso)])]))
      .orderBy('next_attempt_at')
      .limit(limit);
  return (await claimRows(database.db, 'webhook_deliveries', due, claim)).map(toDelivery);
}

/** The endpoints and events of a batch of deliveries, read in two queries instead of two per delivery. */
export interface DeliveryContext {
  webhooks: Map<string, Record<string, unknown>>;
  events: Map<string, StoredEvent>;
}

export async function loadDeliveryContext(db: Db, deliveries: Delivery[]): Promise<DeliveryContext> {
  const hookIds = [...new Set(deliveries.map((d) => d.webhook_id))];
  const eventIds = [...new Set(deliveries.map((d) => d.event_id))];
  const hooks = hookIds.length ? await db.selectFrom('webhooks').selectAll().where('id', 'in', hookIds).execute() : [];
  const events = eventIds.length ? await listEventsById(db, eventIds) : [];
  return { webhooks: new Map(hooks.map((h) => [h.id as string, h])), events: new Map(events.map((e) => [e.id, e])) };
}

/** The body a receiver gets: the Standard Webhooks shape `{type, timestamp, data}`. */
export function deliveryBody(event: StoredEvent): string {
  return JSON.stringify({
    type: event.type,
    timestamp: event.occurred_at,
    data: { event_id: event.id, position: event.position, entity: event.entity, entity_id: event.entity_id, actor: event.actor, ...(event.data ?? {}) },
  });
}

/** Sends one claimed delivery and records the outcome: delivered, retried later, or failed for good. */
export async function attemptDelivery(database: Database, delivery: Delivery, worker: string, settings: DeliverySettings, loaded?: DeliveryContext): Promise<Delivery['status']> {
  const { db } = database;
  const hookRow = loaded ? loaded.webhooks.get(delivery.webhook_id) : await db.selectFrom('webhooks').selectAll().where('id', '=', delivery.webhook_id).executeTakeFirst();
  const event = loaded ? loaded.events.get(delivery.event_id) : await getEvent(db, delivery.event_id);
  const mine = (q: any) => q.where('id', '=', delivery.id).where('locked_by', '=', worker);
  if (!hookRow || !event || !toBool(hookRow.active)) {
    // The endpoint was removed or switched off, or the event pruned: nothing to send.
    await mine(
      db.updateTable('webhook_deliveries').set({ status: 'failed', last_error: !event ? 'event no longer stored' : 'endpoint disabled or deleted', locked_by: null, locked_until: null }),
    ).execute();
    return 'failed';
  }
  const body = deliveryBody(event);
  const started = Date.now();
  let status = 0;
  let error: string | null = null;
  let response: string | null = null;
  try {
    const res = await postOutbound(hookRow.url as string, body, webhookHeaders(hookRow.secret as string, event.id, body), { timeoutMs: settings.timeoutMs, allowPrivate: settings.allowPrivate });
    status = res.status;
    response = res.body;
    if (status < 200 || status >= 300) error = `HTTP ${status}`;
  } catch (e) {
    error = e instanceof Error ? e.message : String(e);
  }
  const now = new Date();
  const attempts = delivery.attempts + 1;
  const outcome = {
    last_status_code: status || null,
    last_error: error ? error.slice(0, 255) : null,
    last_response: response,
    last_duration_ms: Date.now() - started,
    attempts,
    locked_by: null,
    locked_until: null,
  };
  if (!error) {
    await mine(db.updateTable('webhook_deliveries').set({ ...outcome, status: 'delivered', next_attempt_at: null, delivered_at: now.toISOString() })).execute();
    if (hookRow.failing_since)
      await db
        .updateTable('webhooks')
        .set({ failing_since: null })
        .where('id', '=', hookRow.id as string)
        .execute();
    return 'delivered';
  }
  const retry = attempts < settings.schedule.length;
  const next = retry ? new Date(now.getTime() + settings.schedule[attempts]).toISOString() : null;
  await mine(db.updateTable('webhook_deliveries').set({ ...outcome, status: retry ? 'pending' : 'failed', next_attempt_at: next })).execute();
  await markFailing(db, hookRow.id as string, now, settings);
  return retry ? 'pending' : 'failed';
}

/** Notes when an endpoint started failing, and disables it once it has failed for too long. */
async function markFailing(db: Db, webhookId: string, now: Date, settings: DeliverySettings) {
  await db.updateTable('webhooks').set({ failing_since: now.toISOString() }).where('id', '=', webhookId).where('failing_since', 'is', null).execute();
  const cutoff = new Date(now.getTime() - settings.disableAfterMs).toISOString();
  const hours = Math.round(settings.disableAfterMs / hour);
  await db
    .updateTable('webhooks')
    .set({
      active: 0,
      disabled_reason: `disabled after failing without a success for ${hours >= 1 ? `${hours} hours` : `${Math.round(settings.disableAfterMs / second)} seconds`}`,
      updated_at: now.toISOString(),
    })
    .where('id', '=', webhookId)
    .where('failing_since', '<=', cutoff)
    .where('active', '=', 1)
    .execute();
}

/** Counts of deliveries by status, per endpoint: the Settings page's health line. */
export async function deliveryCounts(db: Db): Promise<Map<string, Record<string, number>>> {
  const rows = await db
    .selectFrom('webhook_deliveries')
    .select(['webhook_id', 'status', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy(['webhook_id', 'status'])
    .execute();
  const out = new Map<string, Record<string, number>>();
  for (const r of rows) {
    const counts = out.get(r.webhook_id as string) ?? {};
    counts[r.status as string] = Number(r.n);
    out.set(r.webhook_id as string, counts);
  }
  return out;
}

/** Deletes finished deliveries created before the cutoff (the log follows the events' retention). */
export async function pruneDeliveries(db: Db, before: Date): Promise<number> {
  const result = await db.deleteFrom('webhook_deliveries').where('created_at', '<', before.toISOString()).where('status', 'in', ['delivered', 'failed']).executeTakeFirst();
  return Number(result.numDeletedRows ?? 0);
}
