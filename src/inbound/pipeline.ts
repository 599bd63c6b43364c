/**
 * Every inbound mail, from an IMAP mailbox or the raw-MIME webhook, goes through here: over the size
 * limit it is refused with a note to the sender and a recorded rejection; a bounce or automatic reply
 * never opens or reopens a ticket; anything else is threaded onto a ticket, in this order: its
 * In-Reply-To/References against the Message-IDs stored with ticket messages (ours and the customer's),
 * a [#T-n] tag in the subject, a +T-n plus address, else it opens a new ticket. A reply after a closed
 * ticket's follow-up window opens a new ticket linked to the old one. One transaction per mail, or one
 * per fetched set of a mailbox (falling back to one per mail when a mail in it fails), and a row in
 * inbound_mail says what became of each mail.
 */
import type { Ctx } from '../core/context.js';
import type { Database, Db } from '../core/database.js';
import { appendEvents } from '../core/events.js';
import { newId } from '../core/ids.js';
import { matchCustomer } from '../forms/leads.js';
import { queueMail } from '../mail/queue.js';
import { handleBounceMail } from '../mail/bounce-inbound.js';
import { classifyInboundMail, type InboundClass } from '../mail/inbound-classify.js';
import { getSlaSettings } from '../tickets/sla.js';
import { addTicketMessage, createTicket, maxAttachmentBytes, ticketFromRow, type Ticket } from '../tickets/service.js';
import { automaticKind, parseHeadersOnly, parseInbound, type InboundMessage } from './parse.js';

/** Inbound mail larger than this is refused (Zammad's default). */
export const maxInboundBytes = 10 * 1024 * 1024;

type InboundOutcome = 'ticket_created' | 'ticket_updated' | 'auto_reply' | 'bounce' | 'duplicate' | 'too_large' | 'malformed';

export interface InboundResult {
  id: string;
  outcome: InboundOutcome;
  ticket_id: string | null;
  /** How the mail found its ticket. */
  threaded_by: 'message_id' | 'subject_tag' | 'plus_address' | null;
  reason?: string;
}

export interface InboundSource {
  /** "imap:<mailbox id>" or "webhook:<token id>". */
  source: string;
  mailboxId?: string | null;
  /** The support address the mailbox receives at, so a +T-n plus address on it can be read. */
  address?: string | null;
  /**
   * Runs in the transaction that stores the mail (a mailbox moves its last UID there, so a mail is stored
   * and counted as fetched together). In a batch only the last mail's runs: it stands for the ones before.
   */
  onStored?: (trx: Db) => Promise<void>;
}

/** One transaction per mail: what it stores and the source's own bookkeeping commit together. */
function storing<T>(database: Database, from: InboundSource, fn: (trx: Db) => Promise<T>): Promise<T> {
  return database.db.transaction().execute(async (trx) => {
    const result = await fn(trx);
    await from.onStored?.(trx);
    return result;
  });
}

const systemCtx = (database: Database, source: string): Ctx => ({ database, actor: `inbound:${source}` });

async function record(
  trx: Db,
  row: { source: string; mail: InboundMessage | null; size: number; outcome: InboundOutcome; ticketId?: string | null; customerId?: string | null; reason?: string | null },
) {
  const id = newId('inboundMail');
  await trx
    .insertInto('inbound_mail')
    .values({
      id,
      source: row.source.slice(0, 255),
      header_message_id: row.mail?.messageId ?? null,
      from_address: row.mail?.from?.address.slice(0, 255) ?? null,
      subject: row.mail?.subject.slice(0, 2000) ?? null,
      size: row.size,
      outcome: row.outcome,
      ticket_id: row.ticketId ?? null,
      customer_id: row.customerId ?? null,
      reason: row.reason ?? null,
      created_at: new Date().toISOString(),
    })
    .execute();
  return id;
}

/** Rapport's own outgoing Message-IDs carry the message row id: `<msg_...@domain>`. */
const ownRowId = (id: string) => /^(msg_[0-9a-hjkmnp-tv-z]{26})@/i.exec(id)?.[1]?.toLowerCase();

/** Whether the sender may add to this ticket through a guessable key (tag, plus address): it is their ticket. */
async function senderOwns(trx: Db, ctx: Ctx, ticket: Ticket, mail: InboundMessage): Promise<boolean> {
  const from = mail.from?.address;
  if (!from) return false;
  if (ticket.reply_to_address && ticket.reply_to_address.toLowerCase() === from) return true;
  if (!ticket.customer_id) return false;
  return (await matchCustomer(trx, ctx, { email: from })) === ticket.customer_id;
}

/** A subject without reply/forward prefixes and the ticket tag, for a new ticket. */
const ticketSubject = (subject: string) =>
  subject
    .replace(/\s*\[#T-\d+\]\s*/gi, ' ')
    .replace(/^\s*((re|fw|fwd|aw|wg|sv|vs|tr|rif)(\[\d+\])?\s*:\s*)+/i, '')
    .trim() || '(no subject)';

function attachmentsOf(mail: InboundMessage) {
  const kept = mail.attachments.filter((a) => a.content.length <= maxAttachmentBytes).slice(0, 50);
  const dropped = mail.attachments.length - kept.length;
  return { kept: kept.map((a) => ({ filename: a.filename, content_type: a.contentType, content: a.content })), dropped };
}

/** What a mail is, read before any transaction opens: parsed, classified, and a bounce handed to the outgoing-mail side. */
type PreparedMail =
  | { kind: 'too_large'; mail: InboundMessage | null; size: number }
  | { kind: 'malformed'; reason: string; size: number }
  | { kind: 'mail'; mail: InboundMessage; size: number; automatic: 'bounce' | 'auto_reply' | null; shared: InboundClass | null; bounceRecorded: boolean };

async function prepare(database: Database, raw: Buffer, size: number): Promise<PreparedMail> {
  if (size > maxInboundBytes) return { kind: 'too_large', mail: await parseHeadersOnly(raw).catch(() => null), size };
  let mail: InboundMessage;
  try {
    mail = await parseInbound(raw);
  } catch (error) {
    return { kind: 'malformed', reason: `not a MIME message: ${(error as Error).message}`.slice(0, 500), size };
  }
  // Bounces and complaints about our own mail are recorded by the outgoing-mail side (suppression, pause rules).
  const shared = await classifyInboundMail(raw).catch(() => null);
  const automatic = shared && (shared.kind === 'bounce' || shared.kind === 'complaint') ? 'bounce' : shared?.kind === 'auto_reply' ? 'auto_reply' : automaticKind(mail);
  const bounceRecorded = automatic === 'bounce' ? await handleBounceMail(database, raw).catch(() => false) : false;
  return { kind: 'mail', mail, size, automatic, shared, bounceRecorded };
}

async function refuseTooLarge(trx: Db, mail: InboundMessage | null, size: number, from: InboundSource): Promise<InboundResult> {
  const reason = `${size} bytes is over the ${maxInboundBytes / 1024 / 1024} MB limit`;
  const id = await record(trx, { source: from.source, mail, size, outcome: 'too_large', reason });
  const sender = mail?.from?.address;
  const automatic = mail ? automaticKind(mail) : null;
  let noted = false;
  if (sender && !automatic && !/^(mailer-daemon|postmaster|no-?reply)@/i.test(sender)) {
    try {
      await queueMail(trx, {
        to: sender,
        subject: `Not delivered: ${(mail!.subject || '(no subject)').slice(0, 200)}`,
        text: `Your message${mail!.subject ? ` "${mail!.subject.slice(0, 200)}"` : ''} was not received: at ${Math.ceil(size / 1024 / 1024)} MB it is larger than the ${maxInboundBytes / 1024 / 1024} MB we accept.\nPlease send it again without the large attachments, or with a link to them.\n`,
        purpose: 'transactional',
        related: { entity: 'inbound_mail', id },
      });
      noted = true;
    } catch {
      noted = false;
    }
  }
  await appendEvents(trx, `inbound:${from.source}`, [{ type: 'inbound.rejected', entity: 'inbound_mail', entityId: id, data: { reason: 'too_large', source: from.source, size, sender_told: noted } }]);
  return { id, outcome: 'too_large' as const, ticket_id: null, threaded_by: null, reason };
}

/** Takes one raw inbound mail through the pipeline; never throws for bad mail (it is recorded instead). */
export async function processInboundMail(database: Database, raw: Buffer, from: InboundSource, size = raw.length): Promise<InboundResult> {
  return storeAlone(database, await prepare(database, raw, size), from);
}

/** One mail in a transaction of its own. */
async function storeAlone(database: Database, prepared: PreparedMail, from: InboundSource): Promise<InboundResult> {
  try {
    return await storing(database, from, (trx) => store(trx, database, prepared, from));
  } catch (error) {
    // The same mail stored at the same moment by another fetch (IDLE and the minute's fetch, a provider's
    // retry): the unique Message-ID refused the second copy, which is now a duplicate.
    const again = await storing(database, from, (trx) => store(trx, database, prepared, from)).catch(() => null);
    if (again) return again;
    throw error;
  }
}

export interface InboundBatchItem {
  raw: Buffer;
  from: InboundSource;
  /** The size the source reports (a mail over the limit may arrive as its headers only). */
  size?: number;
}

/**
 * Several mails (a fetched set from one mailbox) stored in one transaction, in order: one commit instead
 * of one per mail, which is what a server database spends most of a mail's time on. Should one mail
 * fail, the batch's transaction is rolled back and the mails are stored again one transaction each, so
 * only that mail fails and the ones before it are kept (as when every mail had its own transaction).
 * Each result is handed to `onResult` as it is final.
 */
export async function processInboundBatch(database: Database, items: InboundBatchItem[], onResult: (result: InboundResult) => void): Promise<void> {
  const prepared: PreparedMail[] = [];
  for (const item of items) prepared.push(await prepare(database, item.raw, item.size ?? item.raw.length));
  let results: InboundResult[] | null = null;
  try {
    results = await database.db.transaction().execute(async (trx) => {
      const out: InboundResult[] = [];
      for (let i = 0; i < items.length; i++) out.push(await store(trx, database, prepared[i], items[i].from));
      await items[items.length - 1]?.from.onStored?.(trx);
      return out;
    });
  } catch {
    results = null;
  }
  if (results) results.forEach(onResult);
  else for (let i = 0; i < items.length; i++) onResult(await storeAlone(database, prepared[i], items[i].from));
}

/** The tickets a mail's Message-ID, In-Reply-To and References name, in one query (its own Message-ID: a duplicate). */
async function messagesNamed(trx: Db, mail: InboundMessage) {
  const ids = [...new Set([mail.inReplyTo, ...[...mail.references].reverse()].filter((v): v is string => !!v))].slice(0, 100);
  const headerIds = mail.messageId ? [mail.messageId, ...ids] : ids;
  const rowIds = ids.map(ownRowId).filter((v): v is string => !!v);
  if (!headerIds.length) return { duplicateOf: null, thread: null };
  const rows = await trx
    .selectFrom('ticket_messages as m')
    .innerJoin('tickets as t', 't.id', 'm.ticket_id')
    .selectAll('t')
    .select(['m.header_message_id as m_header_message_id', 'm.mail_message_id as m_mail_message_id', 'm.created_at as m_created_at'])
    .where((eb) => eb.or([eb('m.header_message_id', 'in', headerIds), ...(rowIds.length ? [eb('m.mail_message_id', 'in', rowIds)] : [])]))
    .limit(250)
    .execute();
  const duplicate = mail.messageId ? rows.find((r) => r.m_header_message_id === mail.messageId) : undefined;
  const repliedTo = new Set(ids);
  // The newest message a header names, else one of Rapport's own mails named by its row id.
  const byHeader = rows.filter((r) => repliedTo.has(r.m_header_message_id as string)).sort((a, b) => String(b.m_created_at).localeCompare(String(a.m_created_at)))[0];
  const byRow = rows.find((r) => rowIds.includes(r.m_mail_message_id as string));
  const hit = byHeader ?? byRow;
  return { duplicateOf: duplicate ? (duplicate.id as string) : null, thread: hit ? ticketFromRow(hit) : null };
}

/** Threads a mail by its headers, else by a [#T-n] tag in the subject or a +T-n plus address from the ticket's own customer. */
async function findThread(trx: Db, ctx: Ctx, mail: InboundMessage, byHeaders: Ticket | null): Promise<{ ticket: Ticket; by: 'message_id' | 'subject_tag' | 'plus_address' } | null> {
  if (byHeaders) return { ticket: byHeaders, by: 'message_id' };
  const tag = /\[#T-(\d{1,9})\]/i.exec(mail.subject);
  if (tag) {
    const row = await trx.selectFrom('tickets').selectAll().where('number', '=', Number(tag[1])).executeTakeFirst();
    if (row) {
      const ticket = ticketFromRow(row);
      if (await senderOwns(trx, ctx, ticket, mail)) return { ticket, by: 'subject_tag' };
    }
  }
  for (const r of mail.recipients) {
    const plus = /\+t-(\d{1,9})@/i.exec(r);
    if (!plus) continue;
    const row = await trx.selectFrom('tickets').selectAll().where('number', '=', Number(plus[1])).executeTakeFirst();
    if (row) {
      const ticket = ticketFromRow(row);
      if (await senderOwns(trx, ctx, ticket, mail)) return { ticket, by: 'plus_address' };
    }
  }
  return null;
}

/** Stores one prepared mail in the caller's transaction and says what became of it. */
async function store(trx: Db, database: Database, prepared: PreparedMail, from: InboundSource): Promise<InboundResult> {
  const ctx = systemCtx(database, from.source);
  const { size } = prepared;
  if (prepared.kind === 'too_large') return refuseTooLarge(trx, prepared.mail, size, from);
  if (prepared.kind === 'malformed') {
    const { reason } = prepared;
    const id = await record(trx, { source: from.source, mail: null, size, outcome: 'malformed', reason });
    await appendEvents(trx, ctx.actor, [{ type: 'inbound.rejected', entity: 'inbound_mail', entityId: id, data: { reason: 'malformed', source: from.source, size } }]);
    return { id, outcome: 'malformed', ticket_id: null, threaded_by: null, reason };
  }
  const { mail, automatic, shared, bounceRecorded } = prepared;
  if (!mail.from && automatic !== 'bounce') {
    const reason = 'no sender address (From) could be read';
    const id = await record(trx, { source: from.source, mail, size, outcome: 'malformed', reason });
    await appendEvents(trx, ctx.actor, [{ type: 'inbound.rejected', entity: 'inbound_mail', entityId: id, data: { reason: 'malformed', source: from.source, size } }]);
    return { id, outcome: 'malformed', ticket_id: null, threaded_by: null, reason };
  }
  const named = await messagesNamed(trx, mail);
  if (named.duplicateOf) {
    const id = await record(trx, { source: from.source, mail, size, outcome: 'duplicate', ticketId: named.duplicateOf, reason: 'a message with this Message-ID is already on the ticket' });
    return { id, outcome: 'duplicate', ticket_id: named.duplicateOf, threaded_by: null };
  }
  const thread = await findThread(trx, ctx, mail, named.thread);
  if (automatic === 'bounce') {
    const reason = `${shared?.kind === 'complaint' ? 'a complaint (feedback report)' : 'a delivery report'}${bounceRecorded ? ', recorded against the message it is about' : ''}${shared?.reason ? `: ${shared.reason}` : ''}`;
    const id = await record(trx, { source: from.source, mail, size, outcome: 'bounce', ticketId: thread?.ticket.id ?? null, reason: reason.slice(0, 1000) });
    return { id, outcome: 'bounce', ticket_id: thread?.ticket.id ?? null, threaded_by: thread?.by ?? null };
  }
  const sender = mail.from!;
  const { kept, dropped } = attachmentsOf(mail);
  const note = dropped ? `\n\n[${dropped} attachment(s) over ${maxAttachmentBytes / 1024 / 1024} MB were not kept]` : '';
  const message = {
    direction: 'in' as const,
    body_text: (mail.text || '').slice(0, 4_000_000) + note,
    body_html: mail.html?.slice(0, 8_000_000) ?? null,
    author: 'customer',
    from_address: sender.address,
    to_address: mail.recipients[0] ?? from.address ?? null,
    subject: mail.subject,
    header_message_id: mail.messageId,
    in_reply_to: mail.inReplyTo,
    references: mail.references,
    auto_reply: automatic === 'auto_reply',
    attachments: kept,
  };
  if (automatic === 'auto_reply') {
    if (thread) await addTicketMessage(trx, ctx, thread.ticket.id, message, thread.ticket);
    const id = await record(trx, {
      source: from.source,
      mail,
      size,
      outcome: 'auto_reply',
      ticketId: thread?.ticket.id ?? null,
      customerId: thread?.ticket.customer_id ?? null,
      reason: 'an automatic reply',
    });
    return { id, outcome: 'auto_reply', ticket_id: thread?.ticket.id ?? null, threaded_by: thread?.by ?? null };
  }
  if (thread) {
    const followUpDays = (await getSlaSettings(trx)).follow_up_days;
    const closedLongAgo = thread.ticket.status === 'closed' && thread.ticket.closed_at && Date.parse(thread.ticket.closed_at) < Date.now() - followUpDays * 86_400_000;
    if (!closedLongAgo) {
      await addTicketMessage(trx, ctx, thread.ticket.id, message, thread.ticket);
      const id = await record(trx, { source: from.source, mail, size, outcome: 'ticket_updated', ticketId: thread.ticket.id, customerId: thread.ticket.customer_id });
      return { id, outcome: 'ticket_updated', ticket_id: thread.ticket.id, threaded_by: thread.by };
    }
  }
  const ticket = await createTicket(trx, ctx, {
    customer_id: thread?.ticket.customer_id ?? null,
    email: sender.address,
    name: sender.name,
    subject: ticketSubject(mail.subject),
    channel: 'email',
    kind: /\b(complain|complaint|beschwerde|réclamation|unacceptable|refund)/i.test(mail.subject) ? 'complaint' : 'question',
    mailbox_id: from.mailboxId ?? null,
    linked_ticket_id: thread?.ticket.id ?? null,
    first_message: message,
  });
  const id = await record(trx, { source: from.source, mail, size, outcome: 'ticket_created', ticketId: ticket.id, customerId: ticket.customer_id });
  return { id, outcome: 'ticket_created', ticket_id: ticket.id, threaded_by: null };
}
