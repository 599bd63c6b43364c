/**
 * Live chat: sites (a public widget key and the origins allowed to use it), conversations (one per
 * visitor, each a ticket with channel "chat") and their messages. A visitor is known by a random token
 * the widget keeps after the chat starts (no cookie); only its hash is stored. Messages are stored and
 * copied to the ticket in one transaction (the ticket's events tell webhooks and flows), then pushed
 * live (hub.ts). When the visitor is gone, the owner's replies go on by email to the address the
 * visitor left.
 */
import { z } from '@hono/zod-openapi';
import { randomToken, sha256 } from '../auth/secrets.js';
import type { Ctx } from '../core/context.js';
import type { Database, Db } from '../core/database.js';
import { appendEvents } from '../core/events.js';
import { AppError, invalid, notFound } from '../core/errors.js';
import { newId } from '../core/ids.js';
import { wakeOnCommit } from '../core/wakeups.js';
import { queueMail } from '../mail/queue.js';
import { addTicketMessage, createTicket, getTicketRow, setTicketStatus, ticketReference } from '../tickets/service.js';
import { answerRequest, csatRequestOfTicket } from '../surveys/service.js';
import { hubOf } from './hub.js';
import { chatChannel } from './relay.js';
import { conversationOf, messageOf, type ChatConversation, type ChatMessage } from './shapes.js';

export { chatConversationSchema, chatMessageSchema, type ChatConversation, type ChatMessage } from './shapes.js';

/** Longest chat message, in characters. */
export const maxChatMessageChars = 2000;
/** Messages one visitor may send in a minute before being asked to slow down. */
export const maxVisitorMessagesPerMinute = 20;
/** Conversations one client address may start in ten minutes. */
export const maxConversationsPer10Minutes = 5;

const origin = z
  .string()
  .max(200)
  .refine((v) => {
    try {
      const u = new URL(v);
      return (u.protocol === 'https:' || u.protocol === 'http:') && u.origin === v;
    } catch {
      return false;
    }
  }, 'an origin such as https://www.example.com (scheme, host and port, no path)');

export const chatSiteInput = z
  .object({
    name: z.string().trim().min(1).max(200),
    allowed_origins: z.array(origin).min(1).max(20).openapi({ description: 'Pages on these origins may use the widget; others are refused' }),
    greeting: z.string().trim().max(500).nullable().optional(),
    active: z.boolean().optional(),
  })
  .strict()
  .openapi('ChatSiteInput');
export type ChatSiteInput = z.infer<typeof chatSiteInput>;

export const chatSiteSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    site_key: z.string().openapi({ description: 'Public key in the widget script tag' }),
    allowed_origins: z.array(z.string()),
    greeting: z.string().nullable(),
    active: z.boolean(),
    snippet: z.string().openapi({ description: 'The script tag to paste into the site (relative to this Rapport)' }),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .openapi('ChatSite');
export type ChatSite = z.infer<typeof chatSiteSchema>;

const siteOf = (r: Record<string, unknown>): ChatSite => ({
  id: r.id as string,
  name: r.name as string,
  site_key: r.site_key as string,
  allowed_origins: JSON.parse(r.allowed_origins as string) as string[],
  greeting: (r.greeting as string | null) ?? null,
  active: Number(r.active) === 1,
  snippet: `<script src="/chat/widget.js?key=${r.site_key as string}" async></script>`,
  created_at: r.created_at as string,
  updated_at: r.updated_at as string,
});

// ---- sites (the owner) ----

export async function listSites(db: Db): Promise<ChatSite[]> {
  return (await db.selectFrom('chat_sites').selectAll().orderBy('created_at').orderBy('id').execute()).map(siteOf);
}

async function getSite(db: Db, id: string): Promise<ChatSite> {
  const row = await db.selectFrom('chat_sites').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('chat site', id);
  return siteOf(row);
}

export async function createSite(db: Db, input: ChatSiteInput): Promise<ChatSite> {
  const now = new Date().toISOString();
  const id = newId('chatSite');
  await db
    .insertInto('chat_sites')
    .values({
      id,
      name: input.name,
      site_key: `ck_${randomToken(18)}`,
      allowed_origins: JSON.stringify([...new Set(input.allowed_origins)]),
      greeting: input.greeting ?? null,
      active: input.active === false ? 0 : 1,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return getSite(db, id);
}

export async function updateSite(db: Db, id: string, input: Partial<ChatSiteInput>): Promise<ChatSite> {
  await getSite(db, id);
  const set: Record<string, unknown> = { updated_at: new Date().toISOString() };
  if (input.name !== undefined) set.name = input.name;
  if (input.allowed_origins !== undefined) set.allowed_origins = JSON.stringify([...new Set(input.allowed_origins)]);
  if (input.greeting !== undefined) set.greeting = input.greeting;
  if (input.active !== undefined) set.active = input.active ? 1 : 0;
  await db.updateTable('chat_sites').set(set).where('id', '=', id).execute();
  return getSite(db, id);
}

/** An active site by its public key, or null. */
export async function siteByKey(db: Db, key: string): Promise<ChatSite | null> {
  if (!/^ck_[A-Za-z0-9_-]{10,40}$/.test(key)) return null;
  const row = await db.selectFrom('chat_sites').selectAll().where('site_key', '=', key).executeTakeFirst();
  const site = row ? siteOf(row) : null;
  return site?.active ? site : null;
}

export const originAllowed = (site: ChatSite, origin: string | undefined | null) => !!origin && site.allowed_origins.includes(origin);

// ---- conversations ----

const bodyOf = (text: unknown): string => {
  if (typeof text !== 'string' || !text.trim()) throw invalid('the message is empty', { body: ['write a message'] });
  const body = text.replace(/\r\n?/g, '\n').trim();
  if (body.length > maxChatMessageChars) throw invalid(`the message is longer than ${maxChatMessageChars} characters`, { body: [`at most ${maxChatMessageChars} characters`] });
  return body;
};

export const visitorStartInput = z
  .object({
    message: z.string().max(maxChatMessageChars * 2),
    name: z.string().trim().max(200).optional(),
    email: z.email({ message: 'not an email address' }).max(254).optional(),
  })
  .strict()
  .openapi('ChatStart');

async function insertMessage(trx: Db, conversationId: string, direction: ChatMessage['direction'], kind: ChatMessage['kind'], body: string, at = new Date()): Promise<ChatMessage> {
  const row = { id: newId('chatMessage'), conversation_id: conversationId, direction, kind, body, created_at: at.toISOString() };
  await trx.insertInto('chat_messages').values(row).execute();
  await trx.updateTable('chat_conversations').set({ last_message_at: row.created_at }).where('id', '=', conversationId).execute();
  // Other server processes holding this chat's streams hear of it at commit (see relay.ts).
  await wakeOnCommit(trx, chatChannel);
  return messageOf(row);
}

export interface Visitor {
  conversation: ChatConversation;
  token: string;
}

/**
 * Starts a chat: the conversation, its first message, and the ticket (channel chat, the customer
 * matched or created from the address when one is given), in one transaction. The token returned is
 * the visitor's key to the conversation from then on.
 */
export async function startConversation(database: Database, site: ChatSite, input: z.infer<typeof visitorStartInput>, originHeader: string | null): Promise<Visitor & { message: ChatMessage }> {
  const body = bodyOf(input.message);
  const ownerAway = !(await hubOf(database).ownerOnline());
  if (ownerAway && !input.email) throw invalid('Nobody is online right now: leave your email address and we will answer there.', { email: ['needed while nobody is online'] });
  const token = randomToken(32);
  const ctx: Ctx = { database, actor: 'chat' };
  const result = await database.db.transaction().execute(async (trx) => {
    const now = new Date();
    const id = newId('chatConversation');
    const name = input.name?.trim() || null;
    const email = input.email?.toLowerCase() ?? null;
    const ticket = await createTicket(trx, ctx, {
      email,
      name,
      subject: `Chat: ${body.split('\n')[0].slice(0, 80)}`,
      channel: 'chat',
      reply_to_address: email,
      first_message: { body_text: body, author: name ?? 'chat visitor', from_address: email },
    });
    await trx
      .insertInto('chat_conversations')
      .values({
        id,
        site_id: site.id,
        visitor_hash: sha256(token),
        name,
        email,
        customer_id: ticket.customer_id,
        ticket_id: ticket.id,
        status: 'open',
        origin: originHeader?.slice(0, 200) ?? null,
        created_at: now.toISOString(),
        last_message_at: now.toISOString(),
      })
      .execute();
    const message = await insertMessage(trx, id, 'in', 'text', body, now);
    if (ownerAway) await insertMessage(trx, id, 'system', 'email_notice', `Nobody is online right now. We will answer by email at ${email}.`, now);
    await appendEvents(trx, 'chat', [
      { type: 'chat.started', entity: 'chat_conversation', entityId: id, data: { site_id: site.id, ticket_id: ticket.id, customer_id: ticket.customer_id, owner_away: ownerAway } },
    ]);
    const row = await trx.selectFrom('chat_conversations').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    return { conversation: conversationOf(row), message };
  });
  hubOf(database).publish(result.message, result.conversation);
  return { ...result, token };
}

/** The conversation a visitor token opens on this site, or a 404 (unknown, erased, or another site's). */
export async function visitorConversation(db: Db, site: ChatSite, token: string | undefined | null): Promise<ChatConversation> {
  if (!token || token.length > 100) throw new AppError('not_found', 'no such chat');
  const row = await db.selectFrom('chat_conversations').selectAll().where('visitor_hash', '=', sha256(token)).executeTakeFirst();
  if (!row || row.site_id !== site.id) throw new AppError('not_found', 'no such chat');
  return conversationOf(row);
}

export async function getConversation(database: Database, id: string): Promise<ChatConversation> {
  const row = await database.db.selectFrom('chat_conversations').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('chat', id);
  return conversationOf(row, (await hubOf(database).visitorsOnline([id])).has(id));
}

export async function listConversations(database: Database, params: { status?: 'open' | 'closed'; limit?: number }): Promise<ChatConversation[]> {
  let q = database.db
    .selectFrom('chat_conversations')
    .selectAll()
    .orderBy('last_message_at', 'desc')
    .orderBy('id', 'desc')
    .limit(params.limit ?? 50);
  if (params.status) q = q.where('status', '=', params.status);
  const rows = await q.execute();
  const online = await hubOf(database).visitorsOnline(rows.map((r) => r.id as string));
  return rows.map((r) => conversationOf(r, online.has(r.id as string)));
}

/** Messages of a conversation in order; with `after`, only those after that message id. */
export async function conversationMessages(db: Db, conversationId: string, after?: string | null): Promise<ChatMessage[]> {
  let q = db.selectFrom('chat_messages').selectAll().where('conversation_id', '=', conversationId).orderBy('created_at').orderBy('id').limit(500);
  if (after) q = q.where('id', '>', after);
  return (await q.execute()).map(messageOf);
}

async function recentVisitorMessages(db: Db, conversationId: string, since: Date): Promise<number> {
  const row = await db
    .selectFrom('chat_messages')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('conversation_id', '=', conversationId)
    .where('direction', '=', 'in')
    .where('created_at', '>=', since.toISOString())
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** A visitor's message: stored, added to the ticket (reopening it when resolved), pushed to the owner. */
export async function visitorMessage(database: Database, conversation: ChatConversation, text: unknown): Promise<ChatMessage> {
  const body = bodyOf(text);
  if ((await recentVisitorMessages(database.db, conversation.id, new Date(Date.now() - 60_000))) >= maxVisitorMessagesPerMinute)
    throw new AppError('rate_limited', `Too many messages: at most ${maxVisitorMessagesPerMinute} a minute. Please wait a moment.`);
  const ctx: Ctx = { database, actor: 'chat' };
  const message = await database.db.transaction().execute(async (trx) => {
    const m = await insertMessage(trx, conversation.id, 'in', 'text', body);
    if (conversation.status !== 'open') await trx.updateTable('chat_conversations').set({ status: 'open' }).where('id', '=', conversation.id).execute();
    if (conversation.ticket_id)
      await addTicketMessage(trx, ctx, conversation.ticket_id, { direction: 'in', body_text: body, author: conversation.name ?? 'chat visitor', from_address: conversation.email });
    return m;
  });
  hubOf(database).publish(message);
  return message;
}

/** The visitor leaves an address (asked when the owner is away): the owner's replies can go on by email (see ownerReply). */
export async function setVisitorEmail(database: Database, conversation: ChatConversation, email: string): Promise<ChatConversation> {
  const address = email.toLowerCase();
  await database.db.updateTable('chat_conversations').set({ email: address }).where('id', '=', conversation.id).execute();
  return getConversation(database, conversation.id);
}

/**
 * The owner's reply: stored and added to the ticket as a reply. When the visitor has no chat open,
 * it goes by email to the address they left (subject tagged with the ticket reference, so their
 * answer threads into the same ticket).
 */
export async function ownerReply(ctx: Ctx, conversationId: string, text: unknown): Promise<{ message: ChatMessage; emailed: boolean }> {
  const conversation = await getConversation(ctx.database, conversationId);
  const body = bodyOf(text);
  const live = conversation.visitor_online;
  const result = await ctx.database.db.transaction().execute(async (trx) => {
    const m = await insertMessage(trx, conversation.id, 'out', 'text', body);
    let mailId: string | null = null;
    if (!live && conversation.email) {
      const ticket = conversation.ticket_id ? await getTicketRow(trx, conversation.ticket_id) : null;
      const tag = ticket ? ` [#${ticketReference(ticket.number)}]` : '';
      mailId = (
        await queueMail(trx, {
          to: conversation.email,
          subject: `Re: ${ticket?.subject ?? 'Your chat'}${tag}`.slice(0, 300),
          text: `${body}\n\n— You wrote to us in the chat on our website. Reply to this email to go on.`,
          purpose: 'transactional',
          customerId: conversation.customer_id ?? undefined,
          related: conversation.ticket_id ? { entity: 'tickets', id: conversation.ticket_id } : { entity: 'chat_conversations', id: conversation.id },
          actor: ctx.actor,
        })
      ).id;
    }
    if (conversation.ticket_id)
      await addTicketMessage(trx, ctx, conversation.ticket_id, { direction: 'out', body_text: body, author: ctx.actor, to_address: mailId ? conversation.email : null, mail_message_id: mailId });
    return { message: m, emailed: !!mailId };
  });
  hubOf(ctx.database).publish(result.message);
  return result;
}

/** Resolves the chat's ticket (the CSAT ask follows from ticket.resolved) and closes the conversation. */
export async function resolveConversation(ctx: Ctx, conversationId: string): Promise<ChatConversation> {
  const conversation = await getConversation(ctx.database, conversationId);
  await ctx.database.db.transaction().execute(async (trx) => {
    await trx.updateTable('chat_conversations').set({ status: 'closed' }).where('id', '=', conversation.id).execute();
    if (conversation.ticket_id) await setTicketStatus(trx, ctx, conversation.ticket_id, { status: 'resolved', reason: 'chat resolved' });
  });
  return getConversation(ctx.database, conversationId);
}

/** Puts the CSAT question into the chat (called in the transaction that sends the survey); pushed after commit by `pushStored`. */
async function postCsatInChat(trx: Db, chatId: string): Promise<ChatMessage> {
  return insertMessage(trx, chatId, 'system', 'csat', 'How satisfied are you with the help you got? Rate us from 1 to 5.');
}

/** The CSAT consumer's way into chats (see surveys/consumer.ts). */
export const chatCsatChannel = {
  post: (trx: Db, chatId: string) => postCsatInChat(trx, chatId),
  pushed: (database: Database, posted: unknown[]) => pushStored(database, posted as ChatMessage[]),
};

/** Pushes stored messages to both sides (after their transaction committed). */
function pushStored(database: Database, messages: ChatMessage[]): void {
  const hub = hubOf(database);
  for (const message of messages) hub.publish(message);
}

/** The visitor rates the chat inside the widget: the CSAT request of the chat's ticket is answered. */
export async function rateInChat(database: Database, conversation: ChatConversation, answer: { score: number; comment?: string | null }) {
  const request = conversation.ticket_id ? await csatRequestOfTicket(database.db, conversation.ticket_id) : null;
  if (!request) throw new AppError('conflict', 'This chat has not asked for a rating.');
  const response = await database.db.transaction().execute(async (trx) => {
    const r = await answerRequest(trx, request, answer);
    await insertMessage(trx, conversation.id, 'system', 'text', `Thank you for your rating (${r.score}/5).`);
    return r;
  });
  const thanks = (await conversationMessages(database.db, conversation.id)).slice(-1);
  pushStored(database, thanks);
  return response;
}
