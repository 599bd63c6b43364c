/**
 * Delivery of queued mail. A pass claims due messages in batches (FOR UPDATE SKIP LOCKED on PostgreSQL
 * and MariaDB, so several server processes share the queue; SQLite has one writer), writing the claim
 * before anything is sent; checks suppression and consent at that moment; sends through the pooled
 * SMTP transport; and records each result. A process that dies mid-batch leaves its rows claimed: at
 * start-up rows claimed by a dead process of this host are released, and any other claim is taken over
 * once its lease ends. So a message is never lost and is sent twice at most when it was in flight.
 */
import { instanceSecret } from '../auth/secrets.js';
import { toBool, type Database, type Db } from '../core/database.js';
import { skippingLocked } from '../core/dialect.js';
import { appendEvents, type DomainEvent } from '../core/events.js';
import { processIsGone, thisProcess } from '../core/liveness.js';
import { composeMessage, messageIdFor, needsPublicUrl, type ComposeContext, type MessageRow } from './compose.js';
import { defaultRateLimits, ensureWindows, remainingBudget, useBudget, type RateLimits } from './rate-limit.js';
import { senderSigning } from './senders.js';
import { getMailSettings, smtpSettings, type MailSettings } from './settings.js';
import { addressHash, suppressedHashes } from './suppressions.js';
import { pooledTransport } from './transport.js';
import type { Transporter } from 'nodemailer';

export interface DeliveryOptions {
  /** Who claims (host:pid:suffix; a dead pid on this host lets the claim be released at start-up). */
  worker?: string;
  /** Messages claimed per batch. */
  batch?: number;
  /** How long a claim holds before another process may take the message over. */
  leaseMs?: number;
  /** Attempts before a temporary failure becomes final. */
  maxAttempts?: number;
  /** A transport to send through instead of the pooled one of the settings (benchmarks). */
  transport?: Transporter;
}

const defaultWorkerName = () => `${thisProcess()}:mail`;

const dueCondition = (nowIso: string) => (eb: any) =>
  eb.or([eb.and([eb('status', '=', 'queued'), eb('next_attempt_at', '<=', nowIso)]), eb.and([eb('status', '=', 'sending'), eb('claimed_until', '<', nowIso)])]);

/** The sender key rate windows are counted under: the sender's id, or "default" for mail without one. */
const senderKey = (senderId: string | null) => senderId ?? 'default';

async function limitsOf(db: Db, senderId: string | null): Promise<RateLimits> {
  if (!senderId) return defaultRateLimits;
  const row = await db.selectFrom('mail_senders').select(['per_second', 'per_hour', 'per_day']).where('id', '=', senderId).executeTakeFirst();
  if (!row) return defaultRateLimits;
  const pick = (v: unknown, d: number) => (v === null || v === undefined ? d : Number(v));
  return { per_second: pick(row.per_second, defaultRateLimits.per_second), per_hour: pick(row.per_hour, defaultRateLimits.per_hour), per_day: pick(row.per_day, defaultRateLimits.per_day) };
}

/** Why each of these messages must not go out now (suppressed address, marketing without consent), by message id. */
async function blockedMessages(db: Db, rows: { id: string; to_address: string; purpose: string; customer_id: string | null }[]): Promise<Map<string, string>> {
  const blocked = new Map<string, string>();
  if (rows.length === 0) return blocked;
  const suppressed = await suppressedHashes(
    db,
    rows.map((r) => r.to_address),
  );
  const marketingCustomers = [...new Set(rows.filter((r) => r.purpose === 'marketing' && r.customer_id).map((r) => r.customer_id!))];
  const consent = new Map<string, boolean>();
  for (let i = 0; i < marketingCustomers.length; i += 500) {
    const customers = await db
      .selectFrom('customers')
      .select(['id', 'consent_email', 'erased_at'])
      .where('id', 'in', marketingCustomers.slice(i, i + 500))
      .execute();
    for (const c of customers) consent.set(c.id as string, toBool(c.consent_email) === true && !c.erased_at);
  }
  for (const r of rows) {
    if (suppressed.has(addressHash(r.to_address))) blocked.set(r.id, 'the address is on the suppression list');
    else if (r.purpose === 'marketing' && !r.customer_id) blocked.set(r.id, 'marketing email needs a customer with email consent');
    else if (r.purpose === 'marketing' && !consent.get(r.customer_id!)) blocked.set(r.id, 'the customer has not consented to marketing email');
  }
  return blocked;
}

/**
 * Claims up to `max` due messages of one sender within its rate budget. Suppressed ones are settled
 * in the same transaction (status `suppressed`) and use no budget. Returns the claimed rows and how
 * many were suppressed.
 */
async function claimForSender(database: Database, worker: string, senderId: string | null, max: number, leaseMs: number): Promise<{ rows: MessageRow[]; suppressed: number; limited: boolean }> {
  const { db } = database;
  const key = senderKey(senderId);
  const limits = await limitsOf(db, senderId);
  const now = new Date();
  // A read first: a sender out of budget costs no write transaction.
  if ((await remainingBudget(db, key, limits, now)) <= 0) return { rows: [], suppressed: 0, limited: true };
  await ensureWindows(db, key, now);
  const nowIso = now.toISOString();
  return db.transaction().execute(async (trx) => {
    const budget = await remainingBudget(trx, key, limits, now, true);
    if (budget <= 0) return { rows: [], suppressed: 0, limited: true };
    const q = trx
      .selectFrom('messages')
      .select(['id', 'to_address', 'purpose', 'customer_id'])
      .where(dueCondition(nowIso))
      .where(senderId ? (eb: any) => eb('sender_id', '=', senderId) : (eb: any) => eb('sender_id', 'is', null))
      .orderBy('next_attempt_at')
      .orderBy('id')
      .limit(max);
    const candidates = (await skippingLocked(trx, q).execute()) as { id: string; to_address: string; purpose: string; customer_id: string | null }[];
    if (candidates.length === 0) return { rows: [], suppressed: 0, limited: false };
    const blocked = await blockedMessages(trx, candidates);
    const events: DomainEvent[] = [];
    for (const [id, reason] of blocked) {
      await trx.updateTable('messages').set({ status: 'suppressed', error: reason, claimed_by: null, claimed_until: null, updated_at: nowIso }).where('id', '=', id).execute();
      const c = candidates.find((r) => r.id === id)!;
      events.push({ type: 'message.suppressed', entity: 'message', entityId: id, data: { reason, purpose: c.purpose, customer_id: c.customer_id } });
    }
    await appendEvents(trx, 'mail', events);
    const sendable = candidates.filter((c) => !blocked.has(c.id)).slice(0, budget);
    const ids = sendable.map((c) => c.id);
    if (ids.length) {
      await trx
        .updateTable('messages')
        .set({ status: 'sending', claimed_by: worker, claimed_until: new Date(now.getTime() + leaseMs).toISOString(), attempts: (eb: any) => eb('attempts', '+', 1), updated_at: nowIso } as never)
        .where('id', 'in', ids)
        .execute();
      await useBudget(trx, key, ids.length, now);
    }
    const rows = ids.length ? ((await trx.selectFrom('messages').selectAll().where('id', 'in', ids).orderBy('id').execute()) as unknown as MessageRow[]) : [];
    return { rows: rows.map((r) => ({ ...r, attempts: Number(r.attempts) })), suppressed: blocked.size, limited: sendable.length < candidates.length - blocked.size };
  });
}

interface Outcome {
  row: MessageRow;
  ok: boolean;
  messageId?: string;
  response?: string;
  error?: string;
  permanent?: boolean;
}

const backoffMs = (attempts: number) => Math.min(2 ** attempts * 30_000, 6 * 3_600_000);

async function recordOutcomes(db: Db, worker: string, outcomes: Outcome[], maxAttempts: number): Promise<void> {
  if (outcomes.length === 0) return;
  const now = new Date().toISOString();
  await db.transaction().execute(async (trx) => {
    const events: DomainEvent[] = [];
    for (const o of outcomes) {
      const mine = trx.updateTable('messages').where('id', '=', o.row.id).where('claimed_by', '=', worker).where('status', '=', 'sending');
      const base = { claimed_by: null, claimed_until: null, updated_at: now };
      const data = { purpose: o.row.purpose, customer_id: o.row.customer_id, attempts: o.row.attempts };
      if (o.ok) {
        const r = await mine.set({ ...base, status: 'sent', message_id: o.messageId ?? null, provider_response: o.response?.slice(0, 1000) ?? null, error: null, sent_at: now }).executeTakeFirst();
        if (Number(r.numUpdatedRows)) events.push({ type: 'message.sent', entity: 'message', entityId: o.row.id, data });
      } else if (o.permanent || o.row.attempts >= maxAttempts) {
        const r = await mine.set({ ...base, status: 'failed', error: o.error?.slice(0, 2000) ?? 'failed', provider_response: o.response?.slice(0, 1000) ?? null }).executeTakeFirst();
        if (Number(r.numUpdatedRows)) events.push({ type: 'message.failed', entity: 'message', entityId: o.row.id, data: { ...data, error: o.error?.slice(0, 300) ?? null } });
      } else {
        await mine
          .set({
            ...base,
            status: 'queued',
            error: o.error?.slice(0, 2000) ?? null,
            provider_response: o.response?.slice(0, 1000) ?? null,
            next_attempt_at: new Date(Date.now() + backoffMs(o.row.attempts)).toISOString(),
          })
          .execute();
      }
    }
    await appendEvents(trx, 'mail', events);
  });
}

/** The customers (of these rows) whose opens and clicks may be tracked: consent to email on record. */
async function trackingConsent(db: Db, rows: MessageRow[]): Promise<Set<string>> {
  const ids = [...new Set(rows.map((r) => r.customer_id).filter((id): id is string => !!id))];
  const out = new Set<string>();
  for (let i = 0; i < ids.length; i += 500) {
    for (const c of await db
      .selectFrom('customers')
      .select(['id', 'consent_email'])
      .where('id', 'in', ids.slice(i, i + 500))
      .execute())
      if (toBool(c.consent_email)) out.add(c.id as string);
  }
  return out;
}

async function sendBatch(database: Database, rows: MessageRow[], settings: MailSettings, transport: Transporter, secret: Buffer): Promise<Outcome[]> {
  const { db } = database;
  const signing = await senderSigning(db, [...new Set(rows.map((r) => r.sender_id).filter((id): id is string => !!id))]);
  const consented = settings.track_opens || settings.track_clicks ? await trackingConsent(db, rows) : new Set<string>();
  return Promise.all(
    rows.map(async (row): Promise<Outcome> => {
      const sender = row.sender_id ? signing.get(row.sender_id) : undefined;
      const fromAddress = sender?.address ?? settings.from_address;
      if (!fromAddress) return { row, ok: false, permanent: false, error: 'no from address: set one in Settings → Email or add a sender' };
      const ctx: ComposeContext = {
        from: { name: sender ? sender.name : settings.from_name, address: fromAddress },
        replyTo: sender ? sender.reply_to : settings.reply_to,
        publicUrl: settings.public_url,
        secret,
        trackOpens: settings.track_opens,
        trackClicks: settings.track_clicks,
        dkim: sender?.dkim,
        bounceDomain: settings.bounce_domain,
      };
      if (needsPublicUrl(row, ctx)) return { row, ok: false, permanent: true, error: 'marketing email needs the public address of Rapport (Settings → Email) for its unsubscribe link' };
      try {
        const info = await transport.sendMail(composeMessage(row, ctx, { consented: row.customer_id ? consented.has(row.customer_id) : false }));
        if (info.rejected?.length) return { row, ok: false, permanent: true, response: info.response, error: `the server refused the recipient: ${info.response}` };
        return { row, ok: true, messageId: info.messageId ?? messageIdFor(row.id, fromAddress), response: info.response };
      } catch (error) {
        const e = error as { responseCode?: number; response?: string; message?: string };
        return { row, ok: false, permanent: typeof e.responseCode === 'number' && e.responseCode >= 500, response: e.response, error: e.message ?? String(error) };
      }
    }),
  );
}

/**
 * One delivery pass: claims and sends batches until nothing is due or every sender with due mail is out
 * of budget. Returns how many messages it settled (sent, failed, retried later or suppressed). Without
 * SMTP settings nothing is claimed: messages wait, queued.
 */
export async function deliverQueuedMail(database: Database, options: DeliveryOptions = {}): Promise<number> {
  const { db } = database;
  const smtp = options.transport ? null : await smtpSettings(db);
  if (!smtp && !options.transport) return 0;
  const settings = await getMailSettings(db);
  const transport = options.transport ?? pooledTransport(smtp!);
  const worker = options.worker ?? defaultWorkerName();
  const batch = options.batch ?? 50;
  const leaseMs = options.leaseMs ?? 5 * 60_000;
  const maxAttempts = options.maxAttempts ?? 5;
  const secret = await instanceSecret(db);
  let settled = 0;
  for (;;) {
    const nowIso = new Date().toISOString();
    const senders = await db.selectFrom('messages').select('sender_id').distinct().where(dueCondition(nowIso)).execute();
    if (senders.length === 0) break;
    let progressed = false;
    for (const { sender_id } of senders) {
      const { rows, suppressed } = await claimForSender(database, worker, (sender_id as string | null) ?? null, batch, leaseMs);
      settled += suppressed;
      if (suppressed) progressed = true;
      if (rows.length === 0) continue;
      progressed = true;
      await recordOutcomes(db, worker, await sendBatch(database, rows, settings, transport, secret), maxAttempts);
      settled += rows.length;
    }
    if (!progressed) break;
  }
  return settled;
}

/**
 * At start-up: messages claimed by a process of this host that has since died go back to the queue at
 * once (they may have been in flight: sent at most once more). Returns how many.
 */
export async function releaseMailOfGoneProcesses(database: Database): Promise<number> {
  const claimed = await database.db.selectFrom('messages').select(['id', 'claimed_by']).where('status', '=', 'sending').execute();
  const gone = claimed.filter((r) => processIsGone(r.claimed_by as string | null)).map((r) => r.id as string);
  for (let i = 0; i < gone.length; i += 500) {
    await database.db
      .updateTable('messages')
      .set({ status: 'queued', claimed_by: null, claimed_until: null, next_attempt_at: new Date().toISOString(), updated_at: new Date().toISOString() })
      .where('id', 'in', gone.slice(i, i + 500))
      .where('status', '=', 'sending')
      .execute();
  }
  return gone.length;
}
