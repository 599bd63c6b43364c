/**
 * Text messages: one row per SMS with its status, written in the caller's transaction by `queueSms`
 * and sent by the job queue (`sms.send`), so a crash neither loses nor repeats one beyond the send in
 * flight. Opt-outs (a customer texted STOP) and, for marketing texts, SMS consent are checked at send
 * time. The provider's signed status callbacks move a row to delivered, undelivered or failed; inbound
 * STOP/START change the customer's SMS consent through the customers' write pipe, with events.
 */
import { z } from '@hono/zod-openapi';
import { sha256 } from '../auth/secrets.js';
import type { Ctx } from '../core/context.js';
import { toBool, type Database, type Db } from '../core/database.js';
import { appendEvents } from '../core/events.js';
import { invalid, notFound } from '../core/errors.js';
import { newId } from '../core/ids.js';
import { enqueueIn, type Job } from '../core/jobs.js';
import { customers } from '../customers/index.js';
import { issuesToFields } from '../records/validation.js';
import { countSegments } from './segments.js';
import { smsProviderConfig, smsStatusPath } from './settings.js';
import { sendTwilioMessage, SmsProviderError } from './twilio.js';

export const smsPurposes = ['transactional', 'marketing', 'notification'] as const;
type SmsPurpose = (typeof smsPurposes)[number];
const smsStatuses = ['queued', 'sending', 'sent', 'delivered', 'undelivered', 'failed', 'suppressed'] as const;
type SmsStatus = (typeof smsStatuses)[number];

export const smsSendKind = 'sms.send';
/** A text longer than this many characters is refused (Twilio's limit is 1,600). */
export const maxSmsLength = 1600;

const e164 = /^\+[1-9]\d{6,14}$/;
const numberHash = (number: string) => sha256(number.trim());

export interface QueueSmsInput {
  customer_id: string;
  body: string;
  purpose: SmsPurpose;
  /** A number in E.164 form; default: the customer's phone. */
  to?: string;
  related?: { entity: string; id: string };
  actor?: string;
}

const queueSchema = z.object({
  customer_id: z.string().min(1).max(40),
  body: z
    .string()
    .min(1, { message: 'the text is empty' })
    .max(maxSmsLength, { message: `at most ${maxSmsLength} characters` }),
  purpose: z.enum(smsPurposes),
  to: z.string().regex(e164, { message: 'a number in E.164 form such as +15017122661' }).optional(),
  related: z.object({ entity: z.string().min(1).max(64), id: z.string().min(1).max(40) }).optional(),
});

/** Queues a text in the caller's transaction; the job queue sends it after commit. Consent is checked at send time. */
export async function queueSms(trx: Db, input: QueueSmsInput): Promise<{ id: string; segments: number; encoding: string }> {
  const parsed = queueSchema.safeParse(input);
  if (!parsed.success) throw invalid('the text cannot be sent as given', issuesToFields(parsed.error.issues));
  const m = parsed.data;
  const customer = await trx.selectFrom('customers').select(['id', 'phone', 'erased_at']).where('id', '=', m.customer_id).executeTakeFirst();
  if (!customer || customer.erased_at) throw invalid(`customer ${m.customer_id} does not exist`, { customer_id: ['no such customer'] });
  const to = m.to ?? (customer.phone as string | null) ?? '';
  if (!e164.test(to)) throw invalid('the customer has no phone number in international form (+ and country code)', { to: ['no number in E.164 form'] });
  const count = countSegments(m.body);
  const id = newId('smsMessage');
  const now = new Date().toISOString();
  await trx
    .insertInto('sms_messages')
    .values({
      id,
      customer_id: m.customer_id,
      to_number: to,
      from_number: null,
      body: m.body,
      purpose: m.purpose,
      status: 'queued',
      encoding: count.encoding,
      segments: count.segments,
      provider_sid: null,
      provider_status: null,
      error_code: null,
      error: null,
      attempts: 0,
      related_entity: m.related?.entity ?? null,
      related_id: m.related?.id ?? null,
      created_at: now,
      updated_at: now,
      sent_at: null,
      delivered_at: null,
    })
    .execute();
  await enqueueIn(trx, smsSendKind, { id }, { maxAttempts: 5 });
  await appendEvents(trx, input.actor ?? 'system', [
    { type: 'sms.queued', entity: 'sms', entityId: id, data: { purpose: m.purpose, customer_id: m.customer_id, segments: count.segments, encoding: count.encoding } },
  ]);
  return { id, segments: count.segments, encoding: count.encoding };
}

/** Why this text must not go out now, or null: the number opted out, or a marketing text lacks SMS consent. */
async function blockedReason(db: Db, row: { to_number: string; purpose: string; customer_id: string | null }): Promise<string | null> {
  const optedOut = await db.selectFrom('sms_opt_outs').select('number_hash').where('number_hash', '=', numberHash(row.to_number)).executeTakeFirst();
  if (optedOut) return 'the number opted out of texts (STOP)';
  if (row.purpose !== 'marketing') return null;
  if (!row.customer_id) return 'marketing texts need a customer with SMS consent';
  const c = await db.selectFrom('customers').select(['consent_sms', 'erased_at']).where('id', '=', row.customer_id).executeTakeFirst();
  if (!c || c.erased_at || toBool(c.consent_sms) !== true) return 'the customer has not consented to marketing texts';
  return null;
}

/**
 * The `sms.send` job: sends one queued text. A refusal by the provider (bad number, recipient
 * unsubscribed there, bad credentials) fails it at once; an unreachable provider or a 5xx is retried
 * by the job queue and fails on its last attempt.
 */
export async function sendQueuedSms(database: Database, job: Pick<Job<{ id: string }>, 'payload' | 'attempts' | 'max_attempts'>): Promise<{ status: string }> {
  const { db } = database;
  const id = job.payload.id;
  const row = await db.selectFrom('sms_messages').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return { status: 'gone' };
  if (row.status !== 'queued' && row.status !== 'sending') return { status: row.status as string };
  const now = () => new Date().toISOString();
  const settle = async (status: SmsStatus, set: Record<string, unknown>, event: { type: 'sms.sent' | 'sms.failed' | 'sms.suppressed'; data: Record<string, unknown> }) => {
    await db.transaction().execute(async (trx) => {
      const r = await trx
        .updateTable('sms_messages')
        .set({ status, updated_at: now(), ...set })
        .where('id', '=', id)
        .where('status', 'in', ['queued', 'sending'])
        .executeTakeFirst();
      if (Number(r.numUpdatedRows))
        await appendEvents(trx, 'sms', [{ type: event.type, entity: 'sms', entityId: id, data: { customer_id: row.customer_id ?? null, purpose: row.purpose, ...event.data } }]);
    });
    return { status };
  };
  const blocked = await blockedReason(db, row as { to_number: string; purpose: string; customer_id: string | null });
  if (blocked) return settle('suppressed', { error: blocked }, { type: 'sms.suppressed', data: { reason: blocked } });
  const config = await smsProviderConfig(db);
  if (!config)
    return settle('failed', { error: 'SMS is not set up: add the provider account in Settings → SMS' }, { type: 'sms.failed', data: { status: 'failed', error_code: null, error: 'not configured' } });
  await db
    .updateTable('sms_messages')
    .set({ status: 'sending', attempts: Number(row.attempts) + 1, from_number: config.from, updated_at: now() })
    .where('id', '=', id)
    .execute();
  const statusCallback = config.publicUrl ? `${config.publicUrl}${smsStatusPath}?id=${encodeURIComponent(id)}` : null;
  try {
    const sent = await sendTwilioMessage(config, { to: row.to_number as string, body: row.body as string, statusCallback });
    return await settle('sent', { provider_sid: sent.sid, provider_status: sent.status, error: null, error_code: null, sent_at: now() }, { type: 'sms.sent', data: { provider_sid: sent.sid } });
  } catch (error) {
    const e = error instanceof SmsProviderError ? error : new SmsProviderError((error as Error).message, false);
    if (e.permanent || job.attempts >= job.max_attempts)
      return settle('failed', { error: e.message.slice(0, 2000), error_code: e.code }, { type: 'sms.failed', data: { status: 'failed', error_code: e.code, error: e.message.slice(0, 300) } });
    await db
      .updateTable('sms_messages')
      .set({ status: 'queued', error: e.message.slice(0, 2000), updated_at: now() })
      .where('id', '=', id)
      .execute();
    throw e;
  }
}

const finalStatuses = new Set(['delivered', 'undelivered', 'failed', 'suppressed']);

/**
 * A status callback from the provider (already verified): moves the row forward, never back (a late
 * "sent" after "delivered" changes nothing). Returns whether the row changed.
 */
export async function applyStatusCallback(database: Database, params: Record<string, string>, rowId: string | null): Promise<boolean> {
  const sid = params.MessageSid ?? params.SmsSid;
  const reported = (params.MessageStatus ?? params.SmsStatus ?? '').toLowerCase();
  return database.db.transaction().execute(async (trx) => {
    let q = trx.selectFrom('sms_messages').selectAll();
    q = rowId ? q.where('id', '=', rowId) : q.where('provider_sid', '=', sid ?? '');
    const row = await q.executeTakeFirst();
    if (!row || (rowId && sid && row.provider_sid && row.provider_sid !== sid)) return false;
    const current = row.status as string;
    if (finalStatuses.has(current)) return false;
    const now = new Date().toISOString();
    const base = { provider_status: reported, updated_at: now, ...(sid && !row.provider_sid ? { provider_sid: sid } : {}) };
    let next: SmsStatus | null = null;
    if (reported === 'delivered' || reported === 'read') next = 'delivered';
    else if (reported === 'undelivered') next = 'undelivered';
    else if (reported === 'failed') next = 'failed';
    else if (reported === 'sent' && (current === 'queued' || current === 'sending')) next = 'sent';
    if (!next) {
      await trx.updateTable('sms_messages').set(base).where('id', '=', row.id).execute();
      return false;
    }
    const errorCode = params.ErrorCode || null;
    await trx
      .updateTable('sms_messages')
      .set({
        ...base,
        status: next,
        ...(next === 'delivered' ? { delivered_at: now } : {}),
        ...(next === 'sent' ? { sent_at: row.sent_at ?? now } : {}),
        ...(next === 'undelivered' || next === 'failed' ? { error_code: errorCode, error: `the provider reported ${reported}${errorCode ? ` (error ${errorCode})` : ''}` } : {}),
      })
      .where('id', '=', row.id)
      .execute();
    const data = { customer_id: row.customer_id ?? null, purpose: row.purpose, provider_sid: sid ?? null };
    if (next === 'delivered') await appendEvents(trx, 'sms', [{ type: 'sms.delivered', entity: 'sms', entityId: row.id as string, data }]);
    if (next === 'undelivered' || next === 'failed')
      await appendEvents(trx, 'sms', [{ type: 'sms.failed', entity: 'sms', entityId: row.id as string, data: { ...data, status: next, error_code: errorCode, error: null } }]);
    return true;
  });
}

/** Opt-out and opt-in keywords as carriers and Twilio know them (the whole message, any case). */
export const optOutKeywords = ['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'REVOKE', 'OPTOUT'];
const optInKeywords = ['START', 'YES', 'UNSTOP'];
const helpKeywords = ['HELP', 'INFO'];

function keywordOf(body: string): string | null {
  const word = body
    .trim()
    .replace(/[.!]+$/, '')
    .toUpperCase();
  return [...optOutKeywords, ...optInKeywords, ...helpKeywords].includes(word) ? word : null;
}

/**
 * An inbound text (already verified). STOP and its synonyms record an opt-out of the number and
 * withdraw the SMS consent of the customers with that number; START and its synonyms lift the opt-out
 * and record their consent. Each change is an event; a repeat changes nothing. A text the provider
 * sends twice (same SID) is recorded once.
 */
export async function handleInboundSms(database: Database, params: Record<string, string>): Promise<{ keyword: string | null; customers: string[]; duplicate: boolean }> {
  const from = (params.From ?? '').trim();
  const body = params.Body ?? '';
  const sid = params.MessageSid ?? params.SmsSid ?? null;
  const keyword = keywordOf(body);
  return database.db.transaction().execute(async (trx) => {
    if (sid && (await trx.selectFrom('sms_inbound').select('id').where('provider_sid', '=', sid).executeTakeFirst())) return { keyword, customers: [], duplicate: true };
    const matches = await trx
      .selectFrom('customer_keys')
      .innerJoin('customers', 'customers.id', 'customer_keys.customer_id')
      .select(['customers.id as id', 'customers.consent_sms as consent_sms'])
      .where('customer_keys.kind', '=', 'phone')
      .where('customer_keys.value', '=', from)
      .where('customers.erased_at', 'is', null)
      .execute();
    const id = newId('smsInbound');
    const now = new Date().toISOString();
    await trx
      .insertInto('sms_inbound')
      .values({ id, provider_sid: sid, from_number: from, customer_id: (matches[0]?.id as string | undefined) ?? null, body: body.slice(0, 2000), keyword, received_at: now })
      .execute();
    await appendEvents(trx, 'sms', [{ type: 'sms.received', entity: 'sms', entityId: id, data: { keyword, customer_id: (matches[0]?.id as string | undefined) ?? null } }]);
    const ctx: Ctx = { database, actor: `sms:${from ? 'inbound' : 'unknown'}` };
    const changed: string[] = [];
    if (keyword && optOutKeywords.includes(keyword)) {
      const hash = numberHash(from);
      if (!(await trx.selectFrom('sms_opt_outs').select('number_hash').where('number_hash', '=', hash).executeTakeFirst()))
        await trx
          .insertInto('sms_opt_outs')
          .values({ number_hash: hash, customer_id: (matches[0]?.id as string | undefined) ?? null, keyword, created_at: now })
          .execute();
      for (const m of matches) {
        if (toBool(m.consent_sms) === false) continue;
        await customers.updateIn(trx, ctx, [{ id: m.id as string, patch: { consent_sms: false, consent_sms_method: `withdrawn by texting ${keyword}` } }]);
        await appendEvents(trx, ctx.actor, [{ type: 'customer.sms_opted_out', entity: 'customer', entityId: m.id as string, data: { keyword } }]);
        changed.push(m.id as string);
      }
    } else if (keyword && optInKeywords.includes(keyword)) {
      await trx.deleteFrom('sms_opt_outs').where('number_hash', '=', numberHash(from)).execute();
      for (const m of matches) {
        if (toBool(m.consent_sms) === true) continue;
        await customers.updateIn(trx, ctx, [{ id: m.id as string, patch: { consent_sms: true, consent_sms_method: `given by texting ${keyword}` } }]);
        await appendEvents(trx, ctx.actor, [{ type: 'customer.sms_opted_in', entity: 'customer', entityId: m.id as string, data: { keyword } }]);
        changed.push(m.id as string);
      }
    }
    return { keyword, customers: changed, duplicate: false };
  });
}

export const smsSchema = z
  .object({
    id: z.string(),
    customer_id: z.string().nullable(),
    to_number: z.string(),
    from_number: z.string().nullable(),
    body: z.string(),
    purpose: z.enum(smsPurposes),
    status: z.enum(smsStatuses),
    encoding: z.enum(['GSM-7', 'UCS-2']),
    segments: z.number().int(),
    provider_sid: z.string().nullable(),
    provider_status: z.string().nullable(),
    error_code: z.string().nullable(),
    error: z.string().nullable(),
    attempts: z.number().int(),
    related_entity: z.string().nullable(),
    related_id: z.string().nullable(),
    created_at: z.string(),
    updated_at: z.string(),
    sent_at: z.string().nullable(),
    delivered_at: z.string().nullable(),
  })
  .openapi('Sms');
export type Sms = z.infer<typeof smsSchema>;

const toSms = (r: Record<string, unknown>): Sms => ({ ...(r as unknown as Sms), segments: Number(r.segments), attempts: Number(r.attempts) });

export const smsListQuery = z.object({
  status: z.enum(smsStatuses).optional(),
  customer_id: z.string().max(40).optional(),
  limit: z.coerce.number().int().min(1).max(500).optional().openapi({ description: 'Page size (default 50)' }),
  cursor: z.string().max(40).optional().openapi({ description: 'next_cursor of the previous page' }),
});

export async function listSms(db: Db, q: z.infer<typeof smsListQuery>): Promise<{ data: Sms[]; next_cursor: string | null }> {
  const limit = q.limit ?? 50;
  let query = db
    .selectFrom('sms_messages')
    .selectAll()
    .orderBy('id', 'desc')
    .limit(limit + 1);
  if (q.status) query = query.where('status', '=', q.status);
  if (q.customer_id) query = query.where('customer_id', '=', q.customer_id);
  if (q.cursor) query = query.where('id', '<', q.cursor);
  const rows = (await query.execute()).map(toSms);
  const data = rows.slice(0, limit);
  return { data, next_cursor: rows.length > limit ? data[data.length - 1].id : null };
}

export async function getSms(db: Db, id: string): Promise<Sms> {
  const r = await db.selectFrom('sms_messages').selectAll().where('id', '=', id).executeTakeFirst();
  if (!r) throw notFound('sms', id);
  return toSms(r);
}

const chunks = <T>(items: readonly T[], size = 500): T[][] => Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, i * size + size));

/**
 * Erasure: the person's texts (by customer, or to a number ending in one of their phones' last nine
 * digits) keep purpose, status, segments and dates and lose number and text; texts still queued are
 * not sent. Their inbound texts are deleted. An opt-out keeps its number hash (the erased person still
 * gets no texts) and loses the customer link.
 */
export async function eraseSmsOf(trx: Db, customerIds: readonly string[], phoneDigits: readonly string[]): Promise<void> {
  const ids = new Set<string>();
  for (const chunk of chunks(customerIds)) for (const r of await trx.selectFrom('sms_messages').select('id').where('customer_id', 'in', chunk).execute()) ids.add(r.id as string);
  for (const digits of phoneDigits)
    if (/^\d{6,}$/.test(digits)) for (const r of await trx.selectFrom('sms_messages').select('id').where('to_number', 'like', `%${digits}`).execute()) ids.add(r.id as string);
  const now = new Date().toISOString();
  for (const chunk of chunks([...ids])) {
    await trx.updateTable('sms_messages').set({ status: 'suppressed', error: 'the recipient was erased' }).where('id', 'in', chunk).where('status', 'in', ['queued', 'sending']).execute();
    await trx.updateTable('sms_messages').set({ to_number: 'erased', from_number: null, body: '', error: null, updated_at: now }).where('id', 'in', chunk).execute();
  }
  for (const chunk of chunks(customerIds)) await trx.deleteFrom('sms_inbound').where('customer_id', 'in', chunk).execute();
  for (const digits of phoneDigits) if (/^\d{6,}$/.test(digits)) await trx.deleteFrom('sms_inbound').where('from_number', 'like', `%${digits}`).execute();
  for (const chunk of chunks(customerIds)) await trx.updateTable('sms_opt_outs').set({ customer_id: null }).where('customer_id', 'in', chunk).execute();
}

export const smsExportSchema = z
  .object({
    messages: z.array(z.object({ id: z.string(), to_number: z.string(), body: z.string(), purpose: z.string(), status: z.string(), created_at: z.string(), delivered_at: z.string().nullable() })),
    inbound: z.array(z.object({ from_number: z.string(), body: z.string(), keyword: z.string().nullable(), received_at: z.string() })),
  })
  .openapi('CustomerSmsExport');

/** Data-subject export: the person's texts, both ways. */
export async function exportSms(db: Db, customerIds: readonly string[]): Promise<z.infer<typeof smsExportSchema>> {
  if (customerIds.length === 0) return { messages: [], inbound: [] };
  const messages = await db
    .selectFrom('sms_messages')
    .select(['id', 'to_number', 'body', 'purpose', 'status', 'created_at', 'delivered_at'])
    .where('customer_id', 'in', [...customerIds])
    .orderBy('id')
    .execute();
  const inbound = await db
    .selectFrom('sms_inbound')
    .select(['from_number', 'body', 'keyword', 'received_at'])
    .where('customer_id', 'in', [...customerIds])
    .orderBy('received_at')
    .execute();
  return { messages: messages as z.infer<typeof smsExportSchema>['messages'], inbound: inbound as z.infer<typeof smsExportSchema>['inbound'] };
}
