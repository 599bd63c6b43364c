/**
 * Tickets: the one write pipe for tickets and their messages. A ticket has a gap-free number (T-1,
 * T-2, ...) from a counter row taken in the writing transaction, a customer found by the sender's
 * email (as lead forms match) or created, due times from the service levels, and every change is a
 * domain event in the same transaction. Messages are inbound (customer), outbound (reply) or internal
 * notes; a customer message on a waiting, snoozed or resolved ticket reopens it, an auto-reply never does.
 */
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Ctx } from '../core/context.js';
import { readRows, toBool, toNumber, type Db } from '../core/database.js';
import { appendEvents, type DomainEvent } from '../core/events.js';
import { conflict, invalid, notFound } from '../core/errors.js';
import { newId } from '../core/ids.js';
import { createCustomersIn } from '../customers/service.js';
import { matchCustomer } from '../forms/leads.js';
import { dueTimes, getSlaSettings, ticketKinds, ticketPriorities, type TicketKind, type TicketPriority } from './sla.js';
import { hasRemoteImages } from './mail-html.js';
import { splitQuoted } from './quoting.js';

export { ticketKinds, ticketPriorities };
export const ticketStatuses = ['new', 'open', 'waiting', 'snoozed', 'resolved', 'closed'] as const;
type TicketStatus = (typeof ticketStatuses)[number];
export const ticketChannels = ['email', 'chat', 'form', 'phone', 'manual'] as const;
type TicketChannel = (typeof ticketChannels)[number];
const priorityRank: Record<TicketPriority, number> = { low: 0, normal: 1, high: 2, urgent: 3 };

/** Attachments above this size are refused (a ticket is not a file store). */
export const maxAttachmentBytes = 10 * 1024 * 1024;

interface TicketAttachmentInput {
  filename: string;
  content_type: string;
  content: Buffer;
}

export interface TicketMessageInput {
  direction: 'in' | 'out' | 'note';
  body_text: string;
  body_html?: string | null;
  /** Who wrote it: "customer", a user id, "chat visitor"... */
  author?: string | null;
  from_address?: string | null;
  to_address?: string | null;
  subject?: string | null;
  /** The RFC 5322 Message-ID (without angle brackets) of a mail message. */
  header_message_id?: string | null;
  in_reply_to?: string | null;
  references?: string[];
  /** The outgoing-mail row that carries an outbound message. */
  mail_message_id?: string | null;
  /** An automatic answer (out-of-office...): stored, but never reopens the ticket. */
  auto_reply?: boolean;
  attachments?: TicketAttachmentInput[];
}

export interface CreateTicketInput {
  customer_id?: string | null;
  /** The sender: matched to a customer by email, or a new customer is created. */
  email?: string | null;
  name?: string | null;
  subject: string;
  channel: TicketChannel;
  kind?: TicketKind;
  priority?: TicketPriority;
  tags?: string[];
  mailbox_id?: string | null;
  /** A closed ticket this one follows up. */
  linked_ticket_id?: string | null;
  /** Where replies go when it is not the customer's email (e.g. the chat visitor's address). */
  reply_to_address?: string | null;
  first_message?: Omit<TicketMessageInput, 'direction'> & { direction?: 'in' | 'out' | 'note' };
}

export interface Ticket {
  id: string;
  number: number;
  reference: string;
  customer_id: string | null;
  subject: string;
  channel: TicketChannel;
  kind: TicketKind;
  status: TicketStatus;
  priority: TicketPriority;
  tags: string[];
  snoozed_until: string | null;
  linked_ticket_id: string | null;
  mailbox_id: string | null;
  reply_to_address: string | null;
  first_response_at: string | null;
  first_response_due_at: string | null;
  resolution_due_at: string | null;
  attention_at: string;
  resolved_at: string | null;
  closed_at: string | null;
  last_message_at: string;
  last_inbound_at: string | null;
  message_count: number;
  created_at: string;
  updated_at: string;
}

export interface TicketMessage {
  id: string;
  ticket_id: string;
  direction: 'in' | 'out' | 'note';
  author: string | null;
  from_address: string | null;
  to_address: string | null;
  subject: string | null;
  body_text: string;
  body_html: string | null;
  visible_text: string;
  folded_text: string;
  /** The HTML part names images on other servers (held back until the owner asks for them). */
  remote_images: boolean;
  header_message_id: string | null;
  in_reply_to: string | null;
  references: string[];
  mail_message_id: string | null;
  auto_reply: boolean;
  created_at: string;
  attachments: { id: string; filename: string; content_type: string; size: number; sha256: string }[];
}

export const ticketReference = (n: number) => `T-${n}`;
/** One line, at most 998 characters: a subject can never carry a header line break. */
const cleanSubject = (s: string) =>
  s
    .replace(/[\r\n\t]+/g, ' ')
    .trim()
    .slice(0, 998) || '(no subject)';
const cleanTags = (tags: string[] | undefined) => [...new Set((tags ?? []).map((t) => t.trim().toLowerCase()).filter(Boolean))].slice(0, 20);

export function ticketFromRow(r: Record<string, unknown>): Ticket {
  const number = Number(r.number);
  return {
    id: r.id as string,
    number,
    reference: ticketReference(number),
    customer_id: (r.customer_id as string) ?? null,
    subject: r.subject as string,
    channel: r.channel as TicketChannel,
    kind: r.kind as TicketKind,
    status: r.status as TicketStatus,
    priority: r.priority as TicketPriority,
    tags: JSON.parse((r.tags as string) || '[]') as string[],
    snoozed_until: (r.snoozed_until as string) ?? null,
    linked_ticket_id: (r.linked_ticket_id as string) ?? null,
    mailbox_id: (r.mailbox_id as string) ?? null,
    reply_to_address: (r.reply_to_address as string) ?? null,
    first_response_at: (r.first_response_at as string) ?? null,
    first_response_due_at: (r.first_response_due_at as string) ?? null,
    resolution_due_at: (r.resolution_due_at as string) ?? null,
    attention_at: r.attention_at as string,
    resolved_at: (r.resolved_at as string) ?? null,
    closed_at: (r.closed_at as string) ?? null,
    last_message_at: r.last_message_at as string,
    last_inbound_at: (r.last_inbound_at as string) ?? null,
    message_count: toNumber(r.message_count) ?? 0,
    created_at: r.created_at as string,
    updated_at: r.updated_at as string,
  };
}

/** The next ticket number, taken in the caller's transaction (the counter row stays locked until it ends). */
async function nextTicketNumber(trx: Db): Promise<number> {
  await trx
    .updateTable('ticket_counters')
    .set({ last_number: sql`last_number + 1` })
    .where('name', '=', 'tickets')
    .execute();
  const row = await trx.selectFrom('ticket_counters').select('last_number').where('name', '=', 'tickets').executeTakeFirstOrThrow();
  return Number(row.last_number);
}

async function readTicket(db: Db, id: string): Promise<Ticket | null> {
  const row = await db.selectFrom('tickets').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? ticketFromRow(row) : null;
}

export async function getTicketRow(db: Db, id: string): Promise<Ticket> {
  const t = await readTicket(db, id);
  if (!t) throw notFound('ticket', id);
  return t;
}

/** Finds the customer by email (exact key, as lead forms and imports match) or creates them. */
async function customerFor(trx: Db, ctx: Ctx, email: string | null | undefined, name: string | null | undefined): Promise<string | null> {
  if (!email) return null;
  const found = await matchCustomer(trx, ctx, { email });
  if (found) return found;
  const [first, ...rest] = (name ?? '').trim().split(/\s+/).filter(Boolean);
  const values: Record<string, unknown> = { email, source: 'support' };
  if (first) values.first_name = first.slice(0, 200);
  if (rest.length) values.last_name = rest.join(' ').slice(0, 200);
  try {
    return (await createCustomersIn(trx, ctx, [values]))[0].id as string;
  } catch {
    // A name the customer pipe refuses must not lose the mail: the person is created by email alone.
    return (await createCustomersIn(trx, ctx, [{ email, source: 'support' }]))[0].id as string;
  }
}

/**
 * An at-risk, high-value customer raises a new ticket's priority (the owner's rule in the SLA settings).
 * Also gives the customer's CLV, which places the ticket in the inbox.
 */
async function raisedPriority(trx: Db, customerId: string | null, priority: TicketPriority): Promise<{ priority: TicketPriority; raised: boolean; clv: number | null }> {
  if (!customerId) return { priority, raised: false, clv: null };
  const rule = (await getSlaSettings(trx)).raise_priority;
  const c = await trx.selectFrom('customers').select(['clv', 'churn_risk']).where('id', '=', customerId).executeTakeFirst();
  const clv = toNumber(c?.clv);
  const risk = toNumber(c?.churn_risk);
  if (!rule.enabled || priorityRank[rule.to] <= priorityRank[priority]) return { priority, raised: false, clv };
  if (clv !== null && risk !== null && clv >= rule.min_clv && risk >= rule.min_churn_risk) return { priority: rule.to, raised: true, clv };
  return { priority, raised: false, clv };
}

/** Minutes the inbox brings a complaint, and a high-value customer's ticket, forward. */
const attentionLead = { complaint: 120, highValue: 120 };

/**
 * Recomputes a ticket's place in the inbox: the due time still pending (first response until there is
 * one, then resolution), brought forward for a complaint and for a customer whose CLV is at least the
 * owner's high-value threshold.
 */
async function refreshAttention(trx: Db, ticketId: string): Promise<void> {
  const t = await readTicket(trx, ticketId);
  if (!t) return;
  let clv: number | null = null;
  if (t.customer_id) clv = toNumber((await trx.selectFrom('customers').select('clv').where('id', '=', t.customer_id).executeTakeFirst())?.clv);
  const at = attentionAt(t, clv, (await getSlaSettings(trx)).raise_priority.min_clv);
  if (at !== t.attention_at) await trx.updateTable('tickets').set({ attention_at: at }).where('id', '=', ticketId).execute();
}

/** A ticket's place in the inbox from its due times, kind and its customer's CLV (null: none). */
function attentionAt(t: Pick<Ticket, 'first_response_at' | 'first_response_due_at' | 'resolution_due_at' | 'created_at' | 'kind'>, clv: number | null, highValueClv: number): string {
  const pending = (!t.first_response_at ? t.first_response_due_at : t.resolution_due_at) ?? t.created_at;
  let lead = t.kind === 'complaint' ? attentionLead.complaint : 0;
  if (clv !== null && clv >= highValueClv) lead += attentionLead.highValue;
  return new Date(Date.parse(pending) - lead * 60_000).toISOString();
}

/** Opens a ticket (and stores its first message) in the caller's transaction. */
export async function createTicket(trx: Db, ctx: Ctx, input: CreateTicketInput): Promise<Ticket> {
  if (!(ticketChannels as readonly string[]).includes(input.channel)) throw invalid(`unknown channel ${input.channel}`, { channel: [`one of ${ticketChannels.join(', ')}`] });
  const kind = input.kind ?? 'question';
  if (!(ticketKinds as readonly string[]).includes(kind)) throw invalid(`unknown kind ${kind}`, { kind: [`one of ${ticketKinds.join(', ')}`] });
  let customerId = input.customer_id ?? null;
  if (customerId) {
    const c = await trx.selectFrom('customers').select(['id']).where('id', '=', customerId).executeTakeFirst();
    if (!c) throw invalid(`customer ${customerId} does not exist`, { customer_id: ['no such customer'] });
  } else customerId = await customerFor(trx, ctx, input.email, input.name);
  const { priority, raised, clv } = await raisedPriority(trx, customerId, input.priority ?? 'normal');
  const now = new Date();
  const due = await dueTimes(trx, kind, priority, now);
  const id = newId('ticket');
  const number = await nextTicketNumber(trx);
  const iso = now.toISOString();
  const row = {
    id,
    number,
    customer_id: customerId,
    subject: cleanSubject(input.subject),
    channel: input.channel,
    kind,
    status: 'new',
    priority,
    priority_rank: priorityRank[priority],
    tags: JSON.stringify(cleanTags(input.tags)),
    snoozed_until: null,
    linked_ticket_id: input.linked_ticket_id ?? null,
    mailbox_id: input.mailbox_id ?? null,
    reply_to_address: input.reply_to_address ?? null,
    first_response_at: null,
    ...due,
    attention_at: '',
    resolved_at: null,
    closed_at: null,
    last_message_at: iso,
    last_inbound_at: null,
    message_count: 0,
    created_at: iso,
    updated_at: iso,
  };
  // Its place in the inbox is known now: no re-read after the insert.
  row.attention_at = attentionAt({ ...row, kind }, clv, (await getSlaSettings(trx)).raise_priority.min_clv);
  await trx.insertInto('tickets').values(row).execute();
  await appendEvents(trx, ctx.actor, [
    {
      type: 'ticket.created',
      entity: 'ticket',
      entityId: id,
      data: { number, reference: ticketReference(number), channel: input.channel, kind, priority, priority_raised: raised, customer_id: customerId, linked_ticket_id: input.linked_ticket_id ?? null },
    },
  ]);
  // A first reply moves the ticket to its resolution target, and addTicketMessage places it again then.
  if (input.first_message) await addTicketMessage(trx, ctx, id, { direction: 'in', ...input.first_message }, ticketFromRow(row));
  return (await readTicket(trx, id))!;
}

/**
 * Adds a message to a ticket in the caller's transaction and moves the ticket along: a customer
 * message reopens a waiting, snoozed or resolved ticket (never an auto-reply); the first reply sets
 * the first-response time; a reply leaves the ticket waiting on the customer.
 */
export async function addTicketMessage(trx: Db, ctx: Ctx, ticketId: string, input: TicketMessageInput, read?: Ticket): Promise<TicketMessage> {
  // `read`: the ticket as the caller read it in this same transaction (one query fewer a message).
  const ticket = read?.id === ticketId ? read : await readTicket(trx, ticketId);
  if (!ticket) throw notFound('ticket', ticketId);
  if (!['in', 'out', 'note'].includes(input.direction)) throw invalid('direction is in, out or note', { direction: ['one of in, out, note'] });
  for (const a of input.attachments ?? [])
    if (a.content.length > maxAttachmentBytes) throw invalid(`attachment ${a.filename} is too large`, { attachments: [`at most ${maxAttachmentBytes / 1024 / 1024} MB each`] });
  const now = new Date().toISOString();
  const id = newId('ticketMessage');
  const split = splitQuoted(input.body_text);
  await trx
    .insertInto('ticket_messages')
    .values({
      id,
      ticket_id: ticketId,
      direction: input.direction,
      author: input.author ?? null,
      from_address: input.from_address ?? null,
      to_address: input.to_address ?? null,
      subject: input.subject ? cleanSubject(input.subject) : null,
      body_text: input.body_text,
      body_html: input.body_html ?? null,
      visible_text: split.visible,
      header_message_id: input.header_message_id?.slice(0, 255) ?? null,
      in_reply_to: input.in_reply_to?.slice(0, 255) ?? null,
      references_ids: input.references?.length ? JSON.stringify(input.references.slice(-50)) : null,
      mail_message_id: input.mail_message_id ?? null,
      auto_reply: input.auto_reply ? 1 : 0,
      created_at: now,
    })
    .execute();
  const attachmentFacts: TicketMessage['attachments'] = [];
  for (const a of input.attachments ?? []) {
    const fact = {
      id: newId('ticketAttachment'),
      filename: a.filename.replace(/[\r\n\\/"]/g, '_').slice(0, 200) || 'attachment',
      content_type: /^[\w.+-]+\/[\w.+-]+$/.test(a.content_type) ? a.content_type.toLowerCase() : 'application/octet-stream',
      size: a.content.length,
      sha256: createHash('sha256').update(a.content).digest('hex'),
    };
    attachmentFacts.push(fact);
    await trx
      .insertInto('ticket_attachments')
      .values({
        ...fact,
        ticket_message_id: id,
        ticket_id: ticketId,
        content: a.content,
        created_at: now,
      })
      .execute();
  }
  const patch: Record<string, unknown> = { last_message_at: now, updated_at: now, message_count: ticket.message_count + 1 };
  const events: DomainEvent[] = [];
  let status: TicketStatus = ticket.status;
  if (input.direction === 'in') {
    if (!input.auto_reply) {
      patch.last_inbound_at = now;
      if (['waiting', 'snoozed', 'resolved', 'closed'].includes(ticket.status)) status = 'open';
    }
    events.push({
      type: 'ticket.message_received',
      entity: 'ticket',
      entityId: ticketId,
      data: { message_id: id, channel: ticket.channel, auto_reply: !!input.auto_reply, reopened: status !== ticket.status },
    });
  } else if (input.direction === 'out') {
    const first = !ticket.first_response_at;
    if (first) patch.first_response_at = now;
    if (['new', 'open'].includes(ticket.status)) status = 'waiting';
    events.push({ type: 'ticket.replied', entity: 'ticket', entityId: ticketId, data: { message_id: id, mail_message_id: input.mail_message_id ?? null, first_response: first } });
  } else {
    if (ticket.status === 'new') status = 'open';
    events.push({ type: 'ticket.note_added', entity: 'ticket', entityId: ticketId, data: { message_id: id } });
  }
  if (status !== ticket.status) {
    Object.assign(patch, statusColumns(ticket, status, null, now));
    events.push({
      type: 'ticket.status_changed',
      entity: 'ticket',
      entityId: ticketId,
      data: { from: ticket.status, to: status, reason: input.direction === 'in' ? 'customer_message' : input.direction === 'out' ? 'replied' : 'note' },
    });
  }
  await trx.updateTable('tickets').set(patch).where('id', '=', ticketId).execute();
  // The inbox order changes with the first response (the resolution target takes over).
  if (patch.first_response_at) await refreshAttention(trx, ticketId);
  await appendEvents(trx, ctx.actor, events);
  return {
    id,
    ticket_id: ticketId,
    direction: input.direction,
    author: input.author ?? null,
    from_address: input.from_address ?? null,
    to_address: input.to_address ?? null,
    subject: input.subject ? cleanSubject(input.subject) : null,
    body_text: input.body_text,
    body_html: input.body_html ?? null,
    visible_text: split.visible,
    folded_text: split.folded,
    remote_images: input.body_html ? hasRemoteImages(input.body_html) : false,
    header_message_id: input.header_message_id?.slice(0, 255) ?? null,
    in_reply_to: input.in_reply_to?.slice(0, 255) ?? null,
    references: input.references?.slice(-50) ?? [],
    mail_message_id: input.mail_message_id ?? null,
    auto_reply: !!input.auto_reply,
    created_at: now,
    attachments: attachmentFacts,
  };
}

/** The columns a status change writes besides the status. */
function statusColumns(ticket: Ticket, to: TicketStatus, snoozedUntil: string | null, now: string): Record<string, unknown> {
  const cols: Record<string, unknown> = { status: to, snoozed_until: to === 'snoozed' ? snoozedUntil : null };
  if (to === 'resolved') cols.resolved_at = now;
  if (to === 'closed') {
    cols.closed_at = now;
    if (!ticket.resolved_at) cols.resolved_at = now;
  }
  if (['new', 'open', 'waiting', 'snoozed'].includes(to)) {
    cols.resolved_at = null;
    cols.closed_at = null;
  }
  return cols;
}

export interface StatusChange {
  status: TicketStatus;
  /** Required with `snoozed`: when the ticket wakes up again. */
  snoozed_until?: string | null;
  reason?: string;
}

/** Sets a ticket's status in the caller's transaction; resolving emits `ticket.resolved` (feedback asks follow it). */
export async function setTicketStatus(trx: Db, ctx: Ctx, ticketId: string, change: StatusChange): Promise<Ticket> {
  const ticket = await readTicket(trx, ticketId);
  if (!ticket) throw notFound('ticket', ticketId);
  if (!(ticketStatuses as readonly string[]).includes(change.status)) throw invalid(`unknown status ${change.status}`, { status: [`one of ${ticketStatuses.join(', ')}`] });
  let until: string | null = null;
  if (change.status === 'snoozed') {
    const t = change.snoozed_until ? Date.parse(change.snoozed_until) : NaN;
    if (!Number.isFinite(t) || t <= Date.now()) throw invalid('a snoozed ticket needs a time in the future to wake up', { snoozed_until: ['a date-time in the future'] });
    until = new Date(t).toISOString();
  }
  if (change.status === 'new' && ticket.status !== 'new') throw conflict('a ticket cannot go back to new', { status: ['use open'] });
  if (ticket.status === change.status && until === ticket.snoozed_until) return ticket;
  const now = new Date().toISOString();
  await trx
    .updateTable('tickets')
    .set({ ...statusColumns(ticket, change.status, until, now), updated_at: now })
    .where('id', '=', ticketId)
    .execute();
  const events: DomainEvent[] = [];
  if (ticket.status !== change.status)
    events.push({ type: 'ticket.status_changed', entity: 'ticket', entityId: ticketId, data: { from: ticket.status, to: change.status, reason: change.reason ?? 'manual', snoozed_until: until } });
  if (change.status === 'resolved' && ticket.status !== 'resolved')
    events.push({
      type: 'ticket.resolved',
      entity: 'ticket',
      entityId: ticketId,
      data: {
        kind: ticket.kind,
        channel: ticket.channel,
        customer_id: ticket.customer_id,
        resolution_minutes: Math.round((Date.parse(now) - Date.parse(ticket.created_at)) / 60_000),
        ask_feedback: true,
        complaint: ticket.kind === 'complaint',
      },
    });
  if (change.status === 'closed' && ticket.status !== 'closed') events.push({ type: 'ticket.closed', entity: 'ticket', entityId: ticketId, data: { customer_id: ticket.customer_id } });
  await appendEvents(trx, ctx.actor, events);
  return (await readTicket(trx, ticketId))!;
}

export interface TicketPatch {
  subject?: string;
  kind?: TicketKind;
  priority?: TicketPriority;
  tags?: string[];
  customer_id?: string | null;
}

/** Changes subject, kind, priority, tags or customer; a new kind or priority recomputes the due times from the ticket's start. */
export async function updateTicket(trx: Db, ctx: Ctx, ticketId: string, patch: TicketPatch): Promise<Ticket> {
  const ticket = await readTicket(trx, ticketId);
  if (!ticket) throw notFound('ticket', ticketId);
  const set: Record<string, unknown> = {};
  const changed: string[] = [];
  if (patch.subject !== undefined && cleanSubject(patch.subject) !== ticket.subject) ((set.subject = cleanSubject(patch.subject)), changed.push('subject'));
  if (patch.kind !== undefined && patch.kind !== ticket.kind) ((set.kind = patch.kind), changed.push('kind'));
  if (patch.priority !== undefined && patch.priority !== ticket.priority) ((set.priority = patch.priority), (set.priority_rank = priorityRank[patch.priority]), changed.push('priority'));
  if (patch.tags !== undefined) {
    const tags = cleanTags(patch.tags);
    if (JSON.stringify(tags) !== JSON.stringify(ticket.tags)) ((set.tags = JSON.stringify(tags)), changed.push('tags'));
  }
  if (patch.customer_id !== undefined && patch.customer_id !== ticket.customer_id) {
    if (patch.customer_id && !(await trx.selectFrom('customers').select('id').where('id', '=', patch.customer_id).executeTakeFirst()))
      throw invalid(`customer ${patch.customer_id} does not exist`, { customer_id: ['no such customer'] });
    set.customer_id = patch.customer_id;
    changed.push('customer_id');
  }
  if (!changed.length) return ticket;
  if (set.kind || set.priority) Object.assign(set, await dueTimes(trx, (set.kind as TicketKind) ?? ticket.kind, (set.priority as TicketPriority) ?? ticket.priority, new Date(ticket.created_at)));
  set.updated_at = new Date().toISOString();
  await trx.updateTable('tickets').set(set).where('id', '=', ticketId).execute();
  await refreshAttention(trx, ticketId);
  await appendEvents(trx, ctx.actor, [{ type: 'ticket.updated', entity: 'ticket', entityId: ticketId, data: { changed } }]);
  return (await readTicket(trx, ticketId))!;
}

/** Messages of a ticket, oldest first (or those named), with their attachments' facts. */
export async function messagesOf(db: Db, ticketId: string, ids?: string[]): Promise<TicketMessage[]> {
  let q = db.selectFrom('ticket_messages').selectAll().where('ticket_id', '=', ticketId);
  if (ids) q = q.where('id', 'in', ids);
  const rows = await readRows(db, q.orderBy('created_at').orderBy('id'));
  const files = rows.length
    ? await db.selectFrom('ticket_attachments').select(['id', 'ticket_message_id', 'filename', 'content_type', 'size', 'sha256']).where('ticket_id', '=', ticketId).orderBy('id').execute()
    : [];
  return rows.map((r) => {
    const full = r.body_text as string;
    const visible = r.visible_text as string;
    const split = splitQuoted(full);
    return {
      id: r.id as string,
      ticket_id: r.ticket_id as string,
      direction: r.direction as 'in' | 'out' | 'note',
      author: (r.author as string) ?? null,
      from_address: (r.from_address as string) ?? null,
      to_address: (r.to_address as string) ?? null,
      subject: (r.subject as string) ?? null,
      body_text: full,
      body_html: (r.body_html as string) ?? null,
      visible_text: visible,
      folded_text: split.visible === visible ? split.folded : '',
      remote_images: r.body_html ? hasRemoteImages(r.body_html as string) : false,
      header_message_id: (r.header_message_id as string) ?? null,
      in_reply_to: (r.in_reply_to as string) ?? null,
      references: r.references_ids ? (JSON.parse(r.references_ids as string) as string[]) : [],
      mail_message_id: (r.mail_message_id as string) ?? null,
      auto_reply: !!toBool(r.auto_reply),
      created_at: r.created_at as string,
      attachments: files
        .filter((f) => f.ticket_message_id === r.id)
        .map((f) => ({ id: f.id as string, filename: f.filename as string, content_type: f.content_type as string, size: Number(f.size), sha256: f.sha256 as string })),
    };
  });
}

export async function getAttachment(db: Db, ticketId: string, attachmentId: string) {
  const row = await db.selectFrom('ticket_attachments').selectAll().where('id', '=', attachmentId).where('ticket_id', '=', ticketId).executeTakeFirst();
  if (!row) throw notFound('attachment', attachmentId);
  const content = row.content as Buffer | Uint8Array;
  return { filename: row.filename as string, content_type: row.content_type as string, content: Buffer.isBuffer(content) ? content : Buffer.from(content) };
}

/** The HTML part of a ticket's message, as received; 404 when the message has none. */
export async function getMessageHtml(db: Db, ticketId: string, messageId: string): Promise<string> {
  const row = await db.selectFrom('ticket_messages').select('body_html').where('id', '=', messageId).where('ticket_id', '=', ticketId).executeTakeFirst();
  if (!row) throw notFound('message', messageId);
  if (row.body_html === null || row.body_html === undefined) throw notFound('HTML part of message', messageId);
  return row.body_html as string;
}

/** Wakes snoozed tickets whose time has come (run every minute by the job schedule). */
export async function wakeSnoozedTickets(db: Db, ctx: Ctx, now = new Date()): Promise<number> {
  const due = await db.selectFrom('tickets').select('id').where('status', '=', 'snoozed').where('snoozed_until', '<=', now.toISOString()).limit(500).execute();
  for (const t of due) await db.transaction().execute((trx) => setTicketStatus(trx, ctx, t.id as string, { status: 'open', reason: 'snooze_ended' }));
  return due.length;
}
