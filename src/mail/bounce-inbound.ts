/**
 * Bounce processing: an inbound email (from the bounce mailbox or a webhook) is classified, and when it
 * is a bounce or complaint about one of our messages it is recorded through the one bounce path
 * (`recordBounce`): a hard bounce or a complaint suppresses the address at once; a soft bounce only
 * marks the message, but the third soft bounce of an address within 30 days pauses it (a suppression
 * the owner can lift). The raw report is kept with its classification for 30 days and shown on the
 * message; a purge job empties it after that.
 */
import type { Database, Db } from '../core/database.js';
import { newId } from '../core/ids.js';
import { recordBounce, type BounceKind } from './bounces.js';
import { classifyInboundMail, type InboundClass } from './inbound-classify.js';
import { addressHash, addSuppression, removeSuppression } from './suppressions.js';

/** How long the raw report is kept. */
const bounceRawRetentionDays = 30;
/** Soft bounces of one address within `softBounceWindowDays` that pause it. */
const softBouncesToPause = 3;
const softBounceWindowDays = 30;
/** How long a pause after repeated soft bounces lasts before the address gets mail again. */
const softBouncePauseDays = 30;
/** ARF feedback types that do not come from a recipient who wants no more mail. */
const notComplaints = new Set(['auth-failure', 'not-spam']);
/** The largest raw report kept (bytes); a larger one is cut. */
const maxRawBytes = 1_000_000;

export interface BounceRecord {
  id: string;
  message_id: string | null;
  kind: BounceKind;
  status: string | null;
  recipient: string | null;
  diagnostic: string | null;
  reason: string | null;
  source: string;
  raw: string | null;
  raw_size: number;
  raw_purged_at: string | null;
  received_at: string;
}

export interface HandledBounce {
  recorded: boolean;
  classification: InboundClass;
  bounceId?: string;
  messageId?: string;
  /** Whether this soft bounce paused the address. */
  paused?: boolean;
}

/** Classifies and records; `handleBounceMail` is the boolean form the inbound pipeline uses. */
export async function processBounceMail(database: Database, raw: Buffer | string, options: { source?: string; receivedAt?: Date } = {}): Promise<HandledBounce> {
  const classification = await classifyInboundMail(raw);
  if (classification.kind !== 'bounce' && classification.kind !== 'complaint') return { recorded: false, classification };
  // Feedback reports that are not a recipient's complaint (RFC 6591 authentication failures, "not spam") change nothing.
  if (classification.complaint && notComplaints.has(classification.complaint.feedbackType)) return { recorded: false, classification };
  const messageId = classification.bounce?.messageId ?? classification.complaint?.messageId;
  if (!messageId) return { recorded: false, classification };
  const kind: BounceKind = classification.kind === 'complaint' ? 'complaint' : classification.bounce!.type;
  const text = typeof raw === 'string' ? raw : raw.toString('utf8');
  const now = (options.receivedAt ?? new Date()).toISOString();
  return database.db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('messages').select(['id', 'to_address', 'customer_id']).where('id', '=', messageId).executeTakeFirst();
    if (!row) return { recorded: false, classification };
    const address = row.to_address === 'erased' ? null : (row.to_address as string).toLowerCase();
    const id = newId('bounce');
    const reported = classification.bounce?.recipient ?? classification.complaint?.recipient;
    await trx
      .insertInto('mail_bounces')
      .values({
        id,
        message_id: messageId,
        customer_id: (row.customer_id as string | null) ?? null,
        kind,
        status: classification.bounce?.status ?? classification.complaint?.feedbackType ?? null,
        recipient: address,
        diagnostic: (classification.bounce?.diagnostic ?? null)?.slice(0, 2000) ?? null,
        reason: [classification.reason, reported && reported !== address ? `reported recipient ${reported}` : null].filter(Boolean).join('; ').slice(0, 2000) || null,
        source: options.source ?? 'inbound',
        raw: text.length > maxRawBytes ? text.slice(0, maxRawBytes) : text,
        raw_size: Buffer.byteLength(text),
        raw_purged_at: null,
        received_at: now,
      })
      .execute();
    const detail = [classification.bounce?.status, classification.bounce?.diagnostic ?? classification.reason].filter(Boolean).join(' ') || null;
    await recordBounce(trx, 'bounces', messageId, kind, detail);
    let paused = false;
    if (kind === 'soft' && address) paused = await pauseAfterRepeatedSoftBounces(trx, address, (row.customer_id as string | null) ?? null, messageId, now);
    return { recorded: true, classification, bounceId: id, messageId, paused };
  });
}

/** True when the mail was a bounce or complaint about one of our messages and was recorded. */
export async function handleBounceMail(database: Database, raw: Buffer | string): Promise<boolean> {
  return (await processBounceMail(database, raw)).recorded;
}

async function pauseAfterRepeatedSoftBounces(trx: Db, address: string, customerId: string | null, messageId: string, nowIso: string): Promise<boolean> {
  const since = new Date(Date.parse(nowIso) - softBounceWindowDays * 86_400_000).toISOString();
  const counted = await trx
    .selectFrom('mail_bounces')
    .select((eb) => eb.fn.count<number>('message_id').distinct().as('n'))
    .where('recipient', '=', address)
    .where('kind', '=', 'soft')
    .where('received_at', '>=', since)
    .executeTakeFirstOrThrow();
  if (Number(counted.n) < softBouncesToPause) return false;
  const existing = await trx.selectFrom('suppressions').select('id').where('address_hash', '=', addressHash(address)).executeTakeFirst();
  if (existing) return false;
  await addSuppression(trx, 'bounces', {
    address,
    reason: 'soft_bounces',
    customerId,
    messageId,
    note: `${Number(counted.n)} soft bounces within ${softBounceWindowDays} days: paused for ${softBouncePauseDays} days (or until removed from the suppression list)`,
  });
  return true;
}

const toRecord = (r: Record<string, unknown>): BounceRecord => ({
  id: r.id as string,
  message_id: (r.message_id as string | null) ?? null,
  kind: r.kind as BounceKind,
  status: (r.status as string | null) ?? null,
  recipient: (r.recipient as string | null) ?? null,
  diagnostic: (r.diagnostic as string | null) ?? null,
  reason: (r.reason as string | null) ?? null,
  source: r.source as string,
  raw: (r.raw as string | null) ?? null,
  raw_size: Number(r.raw_size),
  raw_purged_at: (r.raw_purged_at as string | null) ?? null,
  received_at: r.received_at as string,
});

/** The bounce reports recorded for a message, newest first. */
export async function bouncesOfMessage(db: Db, messageId: string): Promise<BounceRecord[]> {
  const rows = await db.selectFrom('mail_bounces').selectAll().where('message_id', '=', messageId).orderBy('received_at', 'desc').orderBy('id', 'desc').execute();
  return rows.map(toRecord);
}

/** Empties the raw reports older than the retention period (the classification stays). Returns how many. */
export async function purgeBounceRaw(database: Database, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - bounceRawRetentionDays * 86_400_000).toISOString();
  const r = await database.db.updateTable('mail_bounces').set({ raw: null, raw_purged_at: now.toISOString() }).where('received_at', '<', cutoff).where('raw_purged_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/**
 * Lifts the pauses older than `softBouncePauseDays` (the address gets mail again; its old soft bounces
 * have left the counting window by then). A pause of an erased person, which kept only the address
 * hash, stays. Returns how many were lifted.
 */
export async function liftExpiredPauses(database: Database, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - softBouncePauseDays * 86_400_000).toISOString();
  const due = await database.db.selectFrom('suppressions').select('id').where('reason', '=', 'soft_bounces').where('created_at', '<', cutoff).where('address', 'is not', null).execute();
  for (const { id } of due) await database.db.transaction().execute((trx) => removeSuppression(trx, 'bounces', id as string));
  return due.length;
}

/** Erasure: a person's bounce reports are deleted (they quote the person's address and mail). */
export async function eraseBouncesOf(trx: Db, customerIds: readonly string[], emails: readonly string[]): Promise<void> {
  for (let i = 0; i < customerIds.length; i += 500)
    await trx
      .deleteFrom('mail_bounces')
      .where('customer_id', 'in', customerIds.slice(i, i + 500))
      .execute();
  const lower = [...new Set(emails.map((e) => e.toLowerCase()))];
  for (let i = 0; i < lower.length; i += 500)
    await trx
      .deleteFrom('mail_bounces')
      .where('recipient', 'in', lower.slice(i, i + 500))
      .execute();
}

/** Data-subject export: the person's bounce reports without the raw text (classification and dates). */
export async function exportBouncesOf(db: Db, customerIds: readonly string[]): Promise<Omit<BounceRecord, 'raw'>[]> {
  if (customerIds.length === 0) return [];
  const rows = await db
    .selectFrom('mail_bounces')
    .selectAll()
    .where('customer_id', 'in', [...customerIds])
    .orderBy('received_at')
    .execute();
  return rows.map((r) => {
    const { raw: _raw, ...rest } = toRecord(r);
    return rest;
  });
}
