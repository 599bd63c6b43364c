/**
 * Feedback surveys: CSAT (1–5 and a comment) asked when a ticket is resolved, and NPS (0–10 and
 * "why") sent to an audience or N days after someone became a customer. Each person asked gets a
 * request row with the hash of a signed, unguessable link (`/s/{token}`); an answer is a row of its
 * own, so the response rate is known. Events: survey.sent, survey.answered, nps.detractor.
 */
import { instanceSecret, randomToken, sha256, signPayload, verifySigned } from '../auth/secrets.js';
import type { Database, Db } from '../core/database.js';
import { appendEvents, type DomainEvent } from '../core/events.js';
import { AppError, conflict, invalid } from '../core/errors.js';
import { newId } from '../core/ids.js';
import { queueMail } from '../mail/queue.js';
import { getMailSettings } from '../mail/settings.js';
import { npsBand } from './scores.js';

export type SurveyKind = 'csat' | 'nps';
export const surveyKinds = ['csat', 'nps'] as const;
export const scoreRange: Record<SurveyKind, [number, number]> = { csat: [1, 5], nps: [0, 10] };
/** How long a survey link can be answered. */
const surveyLinkDays = 30;
/** A customer is asked an NPS survey again only after this many days. */
export const npsQuietDays = 90;

const tokenPrefix = 's1.';

function newSurveyToken(secret: Buffer): string {
  return signPayload(secret, `${tokenPrefix}${randomToken(24)}`);
}

function tokenSigned(secret: Buffer, token: string): boolean {
  if (token.length > 200) return false;
  const payload = verifySigned(secret, token);
  return !!payload && payload.startsWith(tokenPrefix);
}

export interface SurveyRequest {
  id: string;
  kind: SurveyKind;
  survey_id: string | null;
  customer_id: string | null;
  ticket_id: string | null;
  chat_id: string | null;
  channel: string;
  message_id: string | null;
  sent_at: string;
  answered_at: string | null;
  expires_at: string;
}

export interface SurveyResponse {
  id: string;
  request_id: string;
  kind: SurveyKind;
  survey_id: string | null;
  customer_id: string | null;
  ticket_id: string | null;
  score: number;
  comment: string | null;
  answered_at: string;
  updated_at: string;
}

const requestOf = (r: Record<string, unknown>): SurveyRequest => ({
  id: r.id as string,
  kind: r.kind as SurveyKind,
  survey_id: (r.survey_id as string | null) ?? null,
  customer_id: (r.customer_id as string | null) ?? null,
  ticket_id: (r.ticket_id as string | null) ?? null,
  chat_id: (r.chat_id as string | null) ?? null,
  channel: r.channel as string,
  message_id: (r.message_id as string | null) ?? null,
  sent_at: r.sent_at as string,
  answered_at: (r.answered_at as string | null) ?? null,
  expires_at: r.expires_at as string,
});

export const responseOf = (r: Record<string, unknown>): SurveyResponse => ({
  id: r.id as string,
  request_id: r.request_id as string,
  kind: r.kind as SurveyKind,
  survey_id: (r.survey_id as string | null) ?? null,
  customer_id: (r.customer_id as string | null) ?? null,
  ticket_id: (r.ticket_id as string | null) ?? null,
  score: Number(r.score),
  comment: (r.comment as string | null) ?? null,
  answered_at: r.answered_at as string,
  updated_at: r.updated_at as string,
});

export interface NewRequest {
  kind: SurveyKind;
  channel: 'email' | 'chat';
  customerId?: string | null;
  surveyId?: string | null;
  ticketId?: string | null;
  chatId?: string | null;
  now?: Date;
}

/** Stores a request and returns it with its link token (only the hash is kept). */
export async function createSurveyRequest(trx: Db, secret: Buffer, input: NewRequest): Promise<{ request: SurveyRequest; token: string }> {
  const now = input.now ?? new Date();
  const token = newSurveyToken(secret);
  const row = {
    id: newId('surveyRequest'),
    kind: input.kind,
    survey_id: input.surveyId ?? null,
    customer_id: input.customerId ?? null,
    ticket_id: input.ticketId ?? null,
    chat_id: input.chatId ?? null,
    channel: input.channel,
    token_hash: sha256(token),
    message_id: null,
    sent_at: now.toISOString(),
    answered_at: null,
    expires_at: new Date(now.getTime() + surveyLinkDays * 86_400_000).toISOString(),
  };
  await trx.insertInto('survey_requests').values(row).execute();
  return { request: requestOf(row), token };
}

const surveyUrl = (baseUrl: string, token: string, score?: number) => `${baseUrl.replace(/\/+$/, '')}/s/${encodeURIComponent(token)}${score === undefined ? '' : `?score=${score}`}`;

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The body of a survey email: each score a link to the page with that score picked; one press there records it and the page asks why. */
export function surveyMail(kind: SurveyKind, baseUrl: string, token: string, about: { question: string; intro: string }): { text: string; html: string } {
  const [lo, hi] = scoreRange[kind];
  const scores = Array.from({ length: hi - lo + 1 }, (_, i) => lo + i);
  const legend = kind === 'nps' ? '0 = not at all likely, 10 = extremely likely' : '1 = very unhappy, 5 = very happy';
  const text = [
    about.intro,
    '',
    about.question,
    `(${legend})`,
    '',
    ...scores.map((s) => `${s}: ${surveyUrl(baseUrl, token, s)}`),
    '',
    'Each link opens a page with your score picked: press Send there to record it, and tell us why if you like.',
  ].join('\n');
  const cells = scores
    .map(
      (s) =>
        `<td style="padding:2px"><a href="${escapeHtml(surveyUrl(baseUrl, token, s))}" style="display:inline-block;min-width:28px;padding:8px 6px;border:1px solid #1f2328;border-radius:6px;text-align:center;color:#1f2328;text-decoration:none;font:600 15px system-ui,sans-serif">${s}</a></td>`,
    )
    .join('');
  const html = `<!doctype html><html><body style="font:15px/1.5 system-ui,sans-serif;color:#1f2328"><p>${escapeHtml(about.intro)}</p><p><strong>${escapeHtml(about.question)}</strong></p><table role="presentation"><tr>${cells}</tr></table><p style="color:#57606a;font-size:13px">${escapeHtml(legend)}</p></body></html>`;
  return { text, html };
}

/** The address customers reach Rapport at (mail settings), or null when none is set: then no survey email can carry its links. */
export async function publicBaseUrl(db: Db): Promise<string | null> {
  return (await getMailSettings(db)).public_url ?? null;
}

async function customerContact(db: Db, customerId: string): Promise<{ email: string | null; first_name: string | null } | null> {
  const row = await db.selectFrom('customers').select(['email', 'first_name', 'erased_at']).where('id', '=', customerId).executeTakeFirst();
  if (!row || row.erased_at) return null;
  return { email: (row.email as string | null) ?? null, first_name: (row.first_name as string | null) ?? null };
}

export interface TicketResolved {
  ticketId: string;
  customerId: string | null;
  email?: string | null;
  channel: string | null;
  label?: string | null;
  /** The chat conversation the ticket came from, when it came from chat. */
  chatId?: string | null;
}

/**
 * Asks for CSAT once per ticket: by email (when the customer has an address and Rapport has a public
 * address for the link) and inside the chat when the ticket came from one. Returns the request, or
 * null when nothing could be asked (no way to reach the person) or the ticket was asked already.
 */
export async function askCsat(trx: Db, actor: string, t: TicketResolved, onChat?: (trx: Db, chatId: string, requestId: string) => Promise<void>): Promise<SurveyRequest | null> {
  if (await trx.selectFrom('survey_requests').select('id').where('ticket_id', '=', t.ticketId).where('kind', '=', 'csat').executeTakeFirst()) return null;
  const contact = t.customerId ? await customerContact(trx, t.customerId) : null;
  const email = t.email ?? contact?.email ?? null;
  const base = await publicBaseUrl(trx);
  const byEmail = !!(email && base);
  const inChat = !!(t.chatId && onChat);
  if (!byEmail && !inChat) return null;
  const secret = await instanceSecret(trx);
  const { request, token } = await createSurveyRequest(trx, secret, { kind: 'csat', channel: inChat ? 'chat' : 'email', customerId: t.customerId, ticketId: t.ticketId, chatId: t.chatId ?? null });
  if (byEmail) {
    const label = t.label ? ` (${t.label})` : '';
    const body = surveyMail('csat', base!, token, {
      intro: `${contact?.first_name ? `Hello ${contact.first_name},` : 'Hello,'} your request${label} was resolved.`,
      question: 'How satisfied are you with the help you got?',
    });
    const { id } = await queueMail(trx, {
      to: email!,
      subject: `How did we do?${label}`.slice(0, 200),
      text: body.text,
      html: body.html,
      purpose: 'transactional',
      customerId: t.customerId ?? undefined,
      related: { entity: 'survey_requests', id: request.id },
      actor,
    });
    await trx.updateTable('survey_requests').set({ message_id: id }).where('id', '=', request.id).execute();
    request.message_id = id;
  }
  if (inChat) await onChat!(trx, t.chatId!, request.id);
  await appendEvents(trx, actor, [
    {
      type: 'survey.sent',
      entity: 'survey_request',
      entityId: request.id,
      data: { kind: 'csat', channel: byEmail && inChat ? 'email+chat' : request.channel, survey_id: null, ticket_id: t.ticketId, customer_id: t.customerId },
    },
  ]);
  return request;
}

async function requestOfToken(db: Db, token: string): Promise<SurveyRequest> {
  const secret = await instanceSecret(db);
  if (!tokenSigned(secret, token)) throw new AppError('not_found', 'This survey link is not valid.');
  const row = await db.selectFrom('survey_requests').selectAll().where('token_hash', '=', sha256(token)).executeTakeFirst();
  if (!row) throw new AppError('not_found', 'This survey link is not valid.');
  return requestOf(row);
}

export interface SurveyPageView {
  request: SurveyRequest;
  response: SurveyResponse | null;
  question: string;
  expired: boolean;
}

const defaultQuestion: Record<SurveyKind, string> = {
  csat: 'How satisfied are you with the help you got?',
  nps: 'How likely are you to recommend us to a friend or colleague?',
};

export async function surveyPage(db: Db, token: string): Promise<SurveyPageView> {
  const request = await requestOfToken(db, token);
  const response = await db.selectFrom('survey_responses').selectAll().where('request_id', '=', request.id).executeTakeFirst();
  let question = defaultQuestion[request.kind];
  if (request.survey_id) {
    const survey = await db.selectFrom('surveys').select('question').where('id', '=', request.survey_id).executeTakeFirst();
    if (survey?.question) question = survey.question as string;
  }
  return { request, response: response ? responseOf(response) : null, question, expired: request.expires_at < new Date().toISOString() };
}

export const maxCommentLength = 4000;

/**
 * Records an answer to a request: the first answer stores the score (and comment), a later one
 * changes them. survey.answered follows each new or changed score; nps.detractor when an NPS score
 * becomes 0–6. A comment alone (the "why" after a one-click score) emits nothing.
 */
export async function answerRequest(trx: Db, request: SurveyRequest, answer: { score: number; comment?: string | null }, now = new Date()): Promise<SurveyResponse> {
  const [lo, hi] = scoreRange[request.kind];
  if (!Number.isInteger(answer.score) || answer.score < lo || answer.score > hi)
    throw invalid(`the score must be a whole number from ${lo} to ${hi}`, { score: [`a whole number from ${lo} to ${hi}`] });
  const comment = answer.comment?.trim() ? answer.comment.trim() : null;
  if (comment && comment.length > maxCommentLength) throw invalid(`the comment is longer than ${maxCommentLength} characters`, { comment: [`at most ${maxCommentLength} characters`] });
  if (request.expires_at < now.toISOString()) throw conflict('This survey has closed: answers are taken for 30 days.');
  const at = now.toISOString();
  const existing = await trx.selectFrom('survey_responses').selectAll().where('request_id', '=', request.id).executeTakeFirst();
  const events: DomainEvent[] = [];
  const data = { kind: request.kind, score: answer.score, survey_id: request.survey_id, ticket_id: request.ticket_id, customer_id: request.customer_id };
  let id: string;
  if (existing) {
    id = existing.id as string;
    const previous = Number(existing.score);
    const set: Record<string, unknown> = { score: answer.score, updated_at: at };
    if (answer.comment !== undefined) set.comment = comment;
    await trx.updateTable('survey_responses').set(set).where('id', '=', id).execute();
    if (previous !== answer.score) {
      events.push({ type: 'survey.answered', entity: 'survey_request', entityId: request.id, data: { ...data, previous } });
      if (request.kind === 'nps' && npsBand(answer.score) === 'detractor' && npsBand(previous) !== 'detractor')
        events.push({ type: 'nps.detractor', entity: 'survey_request', entityId: request.id, data: { score: answer.score, survey_id: request.survey_id, customer_id: request.customer_id } });
    }
  } else {
    id = newId('surveyResponse');
    await trx
      .insertInto('survey_responses')
      .values({
        id,
        request_id: request.id,
        kind: request.kind,
        survey_id: request.survey_id,
        customer_id: request.customer_id,
        ticket_id: request.ticket_id,
        score: answer.score,
        comment,
        answered_at: at,
        updated_at: at,
      })
      .execute();
    await trx.updateTable('survey_requests').set({ answered_at: at }).where('id', '=', request.id).execute();
    events.push({ type: 'survey.answered', entity: 'survey_request', entityId: request.id, data });
    if (request.kind === 'nps' && npsBand(answer.score) === 'detractor')
      events.push({ type: 'nps.detractor', entity: 'survey_request', entityId: request.id, data: { score: answer.score, survey_id: request.survey_id, customer_id: request.customer_id } });
  }
  if (events.length) await appendEvents(trx, request.customer_id ? `customer:${request.customer_id}` : 'survey', events);
  return responseOf((await trx.selectFrom('survey_responses').selectAll().where('id', '=', id).executeTakeFirstOrThrow()) as Record<string, unknown>);
}

/** The public page's answer: by token. */
export async function answerByToken(database: Database, token: string, answer: { score: number; comment?: string | null }): Promise<SurveyResponse> {
  const request = await requestOfToken(database.db, token);
  return database.db.transaction().execute((trx) => answerRequest(trx, request, answer));
}

/** The CSAT request of a ticket, if one was sent. */
export async function csatRequestOfTicket(db: Db, ticketId: string): Promise<SurveyRequest | null> {
  const row = await db.selectFrom('survey_requests').selectAll().where('ticket_id', '=', ticketId).where('kind', '=', 'csat').executeTakeFirst();
  return row ? requestOf(row) : null;
}

/** A customer's requests and answers, newest first (the 360 view). */
export async function customerFeedback(db: Db, customerId: string) {
  const requests = (await db.selectFrom('survey_requests').selectAll().where('customer_id', '=', customerId).orderBy('sent_at', 'desc').orderBy('id', 'desc').limit(200).execute()).map(requestOf);
  const responses = (await db.selectFrom('survey_responses').selectAll().where('customer_id', '=', customerId).orderBy('answered_at', 'desc').orderBy('id', 'desc').limit(200).execute()).map(
    responseOf,
  );
  const lastNps = responses.find((r) => r.kind === 'nps') ?? null;
  const csat = responses.filter((r) => r.kind === 'csat');
  return {
    requests: requests.length,
    answered: requests.filter((r) => r.answered_at).length,
    last_nps: lastNps ? { score: lastNps.score, band: npsBand(lastNps.score), answered_at: lastNps.answered_at } : null,
    csat_average: csat.length ? Math.round((csat.reduce((a, r) => a + r.score, 0) / csat.length) * 100) / 100 : null,
    responses,
  };
}

/** A customer's answers for the timeline, newest first, after a (time, id) keyset. */
export async function feedbackTimeline(db: Db, customerId: string, after: [string, string] | null, limit: number): Promise<SurveyResponse[]> {
  let q = db.selectFrom('survey_responses').selectAll().where('customer_id', '=', customerId).orderBy('answered_at', 'desc').orderBy('id', 'desc').limit(limit);
  if (after) {
    const [at, id] = after;
    q = q.where((eb) => eb.or([eb('answered_at', '<', at), eb.and([eb('answered_at', '=', at), eb('id', '<', id)])]));
  }
  return (await q.execute()).map(responseOf);
}
