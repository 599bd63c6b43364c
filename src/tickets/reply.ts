/**
 * Replies from a ticket go out through the outgoing-mail queue so they thread in the customer's mail
 * client: the subject carries the ticket tag ("Re: ... [#T-12]"), In-Reply-To names the customer's
 * latest message and References the whole conversation; the Message-ID Rapport gives the mail (from
 * its message row id) is stored with the ticket message, so the customer's answer finds the ticket.
 * Canned replies are Liquid templates filled with the customer's and the ticket's fields.
 */
import { Liquid } from 'liquidjs';
import type { Ctx } from '../core/context.js';
import { inTransaction } from '../core/context.js';
import type { Db } from '../core/database.js';
import { invalid, notFound } from '../core/errors.js';
import { newId } from '../core/ids.js';
import { messageIdFor } from '../mail/compose.js';
import { hasLineBreak } from '../mail/headers.js';
import { queueMail } from '../mail/queue.js';
import { getMailSettings } from '../mail/settings.js';
import { addTicketMessage, getTicketRow, setTicketStatus, ticketReference, type Ticket, type TicketMessage } from './service.js';

export interface ReplyInput {
  body_text: string;
  body_html?: string | null;
  /** Overrides "Re: <ticket subject> [#T-n]"; one line. */
  subject?: string;
  canned_reply_id?: string;
  /** Set the ticket to this status after the reply (default: waiting on the customer). */
  status?: 'waiting' | 'resolved' | 'open';
}

const liquid = new Liquid({ strictVariables: true, strictFilters: true, ownPropertyOnly: true });

/** The subject of a reply: "Re: " once, and the ticket tag once. */
function replySubject(ticket: Pick<Ticket, 'subject' | 'number'>): string {
  const tag = `[#${ticketReference(ticket.number)}]`;
  const base = ticket.subject.replace(/\s*\[#T-\d+\]\s*/gi, ' ').trim();
  return `${/^re:/i.test(base) ? base : `Re: ${base}`} ${tag}`;
}

async function mergeContext(db: Db, ticket: Ticket) {
  const c = ticket.customer_id ? await db.selectFrom('customers').select(['first_name', 'last_name', 'email', 'company', 'stage']).where('id', '=', ticket.customer_id).executeTakeFirst() : undefined;
  return {
    customer: { first_name: c?.first_name ?? '', last_name: c?.last_name ?? '', email: c?.email ?? '', company: c?.company ?? '', stage: c?.stage ?? '' },
    ticket: { reference: ticketReference(ticket.number), number: ticket.number, subject: ticket.subject, kind: ticket.kind, priority: ticket.priority },
  };
}

/** Renders a canned reply (or any Liquid text) for a ticket; an unknown field or a syntax error is a 400. */
async function renderForTicket(db: Db, ticket: Ticket, source: string, field = 'body_text'): Promise<string> {
  try {
    return await liquid.parseAndRender(source, await mergeContext(db, ticket));
  } catch (error) {
    throw invalid(`the merge fields cannot be filled: ${(error as Error).message.split('\n')[0]}`, { [field]: [(error as Error).message.split('\n')[0]] });
  }
}

async function recipientOf(trx: Db, ticket: Ticket): Promise<string> {
  if (ticket.reply_to_address) return ticket.reply_to_address;
  if (ticket.customer_id) {
    const c = await trx.selectFrom('customers').select(['email', 'erased_at']).where('id', '=', ticket.customer_id).executeTakeFirst();
    if (c?.email && !c.erased_at) return c.email as string;
  }
  throw invalid(`ticket ${ticketReference(ticket.number)} has no address to reply to`, { to: ['the customer has no email address'] });
}

/** The address the reply goes out from: the default sender, else the mail settings' from address. */
async function fromAddress(trx: Db): Promise<string | null> {
  const sender = await trx.selectFrom('mail_senders').select('address').where('is_default', '=', 1).limit(1).executeTakeFirst();
  if (sender) return sender.address as string;
  return (await getMailSettings(trx)).from_address;
}

export async function replyToTicket(ctx: Ctx, ticketId: string, input: ReplyInput): Promise<{ message: TicketMessage; ticket: Ticket }> {
  if (input.subject !== undefined && hasLineBreak(input.subject)) throw invalid('the subject must be one line', { subject: ['must be one line (no CR or LF)'] });
  return inTransaction(ctx, async (trx) => {
    const ticket = await getTicketRow(trx, ticketId);
    let text = input.body_text;
    if (input.canned_reply_id) {
      const canned = await trx.selectFrom('canned_replies').select('body').where('id', '=', input.canned_reply_id).executeTakeFirst();
      if (!canned) throw invalid(`canned reply ${input.canned_reply_id} does not exist`, { canned_reply_id: ['no such canned reply'] });
      text = [await renderForTicket(trx, ticket, canned.body as string, 'canned_reply_id'), text].filter((t) => t.trim()).join('\n\n');
    }
    if (!text.trim()) throw invalid('a reply needs a text', { body_text: ['required'] });
    const to = await recipientOf(trx, ticket);
    const previous = await trx
      .selectFrom('ticket_messages')
      .select(['direction', 'header_message_id'])
      .where('ticket_id', '=', ticketId)
      .where('header_message_id', 'is not', null)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    const chain = previous.map((m) => m.header_message_id as string);
    const lastInbound = [...previous].reverse().find((m) => m.direction === 'in')?.header_message_id as string | undefined;
    const inReplyTo = lastInbound ?? chain[chain.length - 1];
    const references = chain.slice(-20);
    const headers: Record<string, string> = { 'X-Rapport-Ticket': ticketReference(ticket.number) };
    if (inReplyTo) headers['In-Reply-To'] = `<${inReplyTo}>`;
    if (references.length) headers.References = references.map((r) => `<${r}>`).join(' ');
    const subject = input.subject?.trim() || replySubject(ticket);
    const queued = await queueMail(trx, {
      to,
      subject,
      text,
      html: input.body_html ?? undefined,
      headers,
      purpose: 'transactional',
      customerId: ticket.customer_id ?? undefined,
      related: { entity: 'ticket', id: ticketId },
      actor: ctx.actor,
    });
    const from = await fromAddress(trx);
    const message = await addTicketMessage(trx, ctx, ticketId, {
      direction: 'out',
      body_text: text,
      body_html: input.body_html ?? null,
      author: ctx.actor,
      from_address: from,
      to_address: to,
      subject,
      header_message_id: from ? messageIdFor(queued.id, from).replace(/^<|>$/g, '') : null,
      in_reply_to: inReplyTo ?? null,
      references,
      mail_message_id: queued.id,
    });
    let after = await getTicketRow(trx, ticketId);
    if (input.status && input.status !== after.status) {
      after = await setTicketStatus(trx, ctx, ticketId, { status: input.status, reason: 'replied' });
    }
    return { message, ticket: after };
  });
}

export async function addNote(ctx: Ctx, ticketId: string, body: string): Promise<TicketMessage> {
  if (!body.trim()) throw invalid('a note needs a text', { body_text: ['required'] });
  return inTransaction(ctx, (trx) => addTicketMessage(trx, ctx, ticketId, { direction: 'note', body_text: body, author: ctx.actor }));
}

export interface CannedReply {
  id: string;
  name: string;
  body: string;
  created_at: string;
  updated_at: string;
}

const checkLiquid = (body: string) => {
  try {
    liquid.parse(body);
  } catch (error) {
    throw invalid(`the canned reply has a Liquid error: ${(error as Error).message.split('\n')[0]}`, { body: [(error as Error).message.split('\n')[0]] });
  }
};

export async function listCannedReplies(db: Db): Promise<CannedReply[]> {
  return (await db.selectFrom('canned_replies').selectAll().orderBy('name').orderBy('id').execute()) as CannedReply[];
}

export async function saveCannedReply(db: Db, id: string | null, input: { name: string; body: string }): Promise<CannedReply> {
  checkLiquid(input.body);
  const now = new Date().toISOString();
  if (id) {
    const r = await db.updateTable('canned_replies').set({ name: input.name, body: input.body, updated_at: now }).where('id', '=', id).executeTakeFirst();
    if (!Number(r.numUpdatedRows)) throw notFound('canned reply', id);
  } else {
    id = newId('cannedReply');
    await db.insertInto('canned_replies').values({ id, name: input.name, body: input.body, created_at: now, updated_at: now }).execute();
  }
  return (await db.selectFrom('canned_replies').selectAll().where('id', '=', id).executeTakeFirstOrThrow()) as CannedReply;
}

export async function deleteCannedReply(db: Db, id: string): Promise<void> {
  const r = await db.deleteFrom('canned_replies').where('id', '=', id).executeTakeFirst();
  if (!Number(r.numDeletedRows)) throw notFound('canned reply', id);
}
