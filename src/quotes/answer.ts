/**
 * What happens to a quote after it is drafted: sending it (an email with a link to its public page
 * and the PDF), the client viewing, accepting or declining it there, and the owner converting it.
 * Accepting and converting close the loop in one transaction: the quote's status, the deal moved to
 * Won, an order from the quote's lines, a follow-up task; each an event.
 */
import type { Ctx } from '../core/context.js';
import { inTransaction } from '../core/context.js';
import type { Database, Db } from '../core/database.js';
import { appendEvents } from '../core/events.js';
import { AppError, conflict, invalid } from '../core/errors.js';
import { newId } from '../core/ids.js';
import { instanceSecret } from '../auth/secrets.js';
import { tasks } from '../activities/interactions.js';
import { winDeal } from '../deals/service.js';
import { queueMail } from '../mail/queue.js';
import { getMailSettings } from '../mail/settings.js';
import { createOrdersIn, updateOrdersIn } from '../sales/orders.js';
import { getBusinessSettings, todayIn } from '../settings/business.js';
import { quoteClient, quotePdf } from './document.js';
import { newLinkToken, quoteIdOfToken, storeLink } from './links.js';
import { formatMoney, quoteTitle } from './pdf.js';
import { getQuote, quoteLabel, requireStatus, setQuoteColumns, type Quote } from './service.js';
import { getQuoteSettings } from './settings.js';

/** Who did something on the public page. */
export interface Visitor {
  ip: string;
  userAgent: string | null;
}

export const publicActor = 'public:quote';
const maxActivityPerQuote = 500;

export async function recordActivity(trx: Db, quoteId: string, kind: string, visitor: Visitor | null, detail: string | null = null, pdfSha256: string | null = null): Promise<void> {
  await trx
    .insertInto('quote_activity')
    .values({
      id: newId('quoteActivity'),
      quote_id: quoteId,
      kind,
      at: new Date().toISOString(),
      ip: visitor?.ip.slice(0, 255) ?? null,
      user_agent: visitor?.userAgent?.slice(0, 255) ?? null,
      detail,
      pdf_sha256: pdfSha256,
    })
    .execute();
}

export async function quoteActivity(db: Db, quoteId: string) {
  const rows = await db.selectFrom('quote_activity').selectAll().where('quote_id', '=', quoteId).orderBy('at').orderBy('id').limit(maxActivityPerQuote).execute();
  return rows.map((r) => ({
    id: r.id as string,
    kind: r.kind as string,
    at: r.at as string,
    ip: (r.ip as string | null) ?? null,
    user_agent: (r.user_agent as string | null) ?? null,
    detail: (r.detail as string | null) ?? null,
    pdf_sha256: (r.pdf_sha256 as string | null) ?? null,
  }));
}

/** Where clients reach this Rapport: the mail settings' public address, else the address the owner used. */
export async function publicBase(db: Db, requestOrigin: string): Promise<string> {
  return (await getMailSettings(db)).public_url ?? requestOrigin;
}

/**
 * Emails the quote to the customer with a new link to its public page and the PDF attached. A draft
 * becomes sent; a sent or viewed quote can be sent again (a reminder, with a new link).
 */
export async function sendQuote(ctx: Ctx, id: string, baseUrl: string): Promise<{ quote: Quote; message_id: string; url: string }> {
  const db = ctx.database.db;
  const quote = await getQuote(db, id);
  requireStatus(quote, ['draft', 'sent', 'viewed'], 'sent');
  if (quote.lines.length === 0) throw invalid(`quote ${quoteLabel(quote)} has no lines`, { lines: ['add at least one line before sending'] });
  const { timeZone } = await getBusinessSettings(db);
  if (quote.valid_until < todayIn(timeZone)) throw invalid(`quote ${quoteLabel(quote)} was valid until ${quote.valid_until}`, { valid_until: ['in the past: set a new date before sending'] });
  const client = await quoteClient(db, quote.customer_id);
  if (!client.email) throw invalid(`customer ${quote.customer_id} has no email address`, { customer_id: ['the customer has no email address to send the quote to'] });
  const [secret, pdf, settings] = await Promise.all([instanceSecret(db), quotePdf(db, quote), getQuoteSettings(db)]);
  const token = newLinkToken(secret);
  const url = `${baseUrl.replace(/\/+$/, '')}/q/${token}`;
  const from = settings.business_name ?? 'us';
  const text = [
    `Hello ${client.name || ''},`.replace(' ,', ','),
    '',
    `${from === 'us' ? 'Here is' : `${from} sent you`} ${quoteTitle(quote)
      .toLowerCase()
      .replace(/^quote/, 'quote')}${quote.title ? ` for ${quote.title}` : ''}: ${formatMoney(quote.total, quote.currency)}, valid until ${quote.valid_until}.`,
    '',
    `View it, download the PDF, and accept or decline it here:`,
    url,
    '',
    'The PDF is attached as well.',
  ].join('\n');
  const message = await inTransaction(ctx, async (trx) => {
    const now = new Date().toISOString();
    await storeLink(trx, quote.id, token, quote.valid_until);
    // sent_at keeps the first sending: time to accept is counted from it.
    await setQuoteColumns(trx, ctx, quote.id, { status: quote.status === 'draft' ? 'sent' : quote.status, sent_at: (quote.sent_at as string | null) ?? now });
    const queued = await queueMail(trx, {
      to: client.email!,
      subject: `${quoteTitle(quote)}${settings.business_name ? ` from ${settings.business_name}` : ''}`,
      text,
      attachments: [{ filename: pdf.filename, content: pdf.bytes, contentType: 'application/pdf' }],
      purpose: 'transactional',
      customerId: quote.customer_id,
      related: { entity: 'quote', id: quote.id },
      actor: ctx.actor,
    });
    await recordActivity(trx, quote.id, 'sent', null, client.email, pdf.sha256);
    await appendEvents(trx, ctx.actor, [
      {
        type: 'quote.sent',
        entity: 'quote',
        entityId: quote.id,
        data: {
          number: quote.number,
          version: quote.version,
          customer_id: quote.customer_id,
          deal_id: quote.deal_id,
          message_id: queued.id,
          valid_until: quote.valid_until,
          total: quote.total,
          currency: quote.currency,
        },
      },
    ]);
    return queued;
  });
  return { quote: await getQuote(db, id), message_id: message.id, url };
}

/** The quote behind a public token; a clear 404 for a changed, foreign or unknown link. */
export async function quoteOfToken(database: Database, token: string): Promise<Quote> {
  const id = await quoteIdOfToken(database.db, await instanceSecret(database.db), token);
  if (!id) throw new AppError('not_found', 'this quote link is not valid: it may have been mistyped or changed');
  return getQuote(database.db, id);
}

/** Records a view of the public page; the first one turns sent into viewed (`quote.viewed`). */
export async function viewQuote(database: Database, quote: Quote, visitor: Visitor, kind: 'viewed' | 'downloaded' = 'viewed'): Promise<void> {
  await database.db.transaction().execute(async (trx) => {
    const count = await trx
      .selectFrom('quote_activity')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('quote_id', '=', quote.id)
      .executeTakeFirst();
    if (Number(count?.n ?? 0) < maxActivityPerQuote) await recordActivity(trx, quote.id, kind, visitor);
    if (quote.viewed_at || quote.superseded_by_id) return;
    const first = await trx.updateTable('quotes').set({ viewed_at: new Date().toISOString() }).where('id', '=', quote.id).where('viewed_at', 'is', null).executeTakeFirst();
    if (Number(first.numUpdatedRows) !== 1) return;
    const ctx: Ctx = { database, actor: publicActor };
    await setQuoteColumns(trx, ctx, quote.id, quote.status === 'sent' ? { status: 'viewed' } : {});
    await appendEvents(trx, publicActor, [{ type: 'quote.viewed', entity: 'quote', entityId: quote.id, data: { number: quote.number, version: quote.version, customer_id: quote.customer_id } }]);
  });
}

/**
 * Takes the quote from one of `from` to `to` with one conditional UPDATE: of two requests racing to
 * answer, the second changes no row and is refused, so the loop never runs twice.
 */
async function claim(trx: Db, quote: Quote, from: readonly string[], to: string, action: string): Promise<void> {
  const result = await trx.updateTable('quotes').set({ status: to }).where('id', '=', quote.id).where('status', 'in', from).where('superseded_by_id', 'is', null).executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) {
    const now = await getQuote(trx, quote.id);
    requireStatus(now, from, action);
    throw conflict(`quote ${quoteLabel(quote)} changed meanwhile and cannot be ${action}`);
  }
}

/** The deal won, the order and the follow-up task of an accepted or converted quote. */
async function closeLoop(trx: Db, ctx: Ctx, quote: Quote, how: string): Promise<{ order_id: string; task_id: string; deal_id: string | null }> {
  const now = new Date();
  if (quote.deal_id && (await trx.selectFrom('deals').select('id').where('id', '=', quote.deal_id).executeTakeFirst())) await winDeal(trx, ctx, quote.deal_id);
  // A revision of a quote that was already accepted replaces it: the earlier order is cancelled.
  if (quote.previous_version_id) {
    const earlier = await trx.selectFrom('quotes').select(['order_id']).where('number', '=', quote.number).where('id', '!=', quote.id).where('order_id', 'is not', null).execute();
    for (const e of earlier) {
      const order = await trx
        .selectFrom('orders')
        .select(['id', 'status'])
        .where('id', '=', e.order_id as string)
        .executeTakeFirst();
      if (order && order.status !== 'cancelled') await updateOrdersIn(trx, ctx, [{ id: order.id as string, patch: { status: 'cancelled', notes: `Replaced by quote ${quoteLabel(quote)}` } }]);
    }
  }
  const [order] = await createOrdersIn(trx, ctx, [
    {
      customer_id: quote.customer_id,
      ordered_at: now.toISOString(),
      status: 'pending',
      currency: quote.currency,
      total: quote.total,
      notes: `From quote ${quoteLabel(quote)} (${how})`,
      lines: quote.lines.map((l) => ({ product_id: l.product_id, sku: l.sku, product_name: l.name, quantity: l.quantity, unit_price: l.unit_price })),
    },
  ]);
  const settings = await getQuoteSettings(trx);
  const [task] = await tasks.createIn(trx, ctx, [
    {
      title: `Follow up on ${how} quote ${quoteLabel(quote)}`,
      due_at: new Date(now.getTime() + settings.follow_up_days * 86_400_000).toISOString(),
      customer_id: quote.customer_id,
      order_id: order.id,
      linked_entity: 'quote',
      linked_id: quote.id,
    },
  ]);
  return { order_id: order.id as string, task_id: task.id as string, deal_id: quote.deal_id };
}

/**
 * The client accepts on the public page, typing their name, for the PDF whose SHA-256 the page
 * showed: if the quote's PDF is no longer those bytes (the business changed its details meanwhile)
 * the acceptance is refused, so what is recorded is exactly what was accepted.
 */
export async function acceptQuote(database: Database, quote: Quote, input: { name: string; pdf_sha256: string }, visitor: Visitor): Promise<Quote> {
  const name = input.name.trim();
  if (!name) throw invalid('type your name to accept', { name: ['required'] });
  requireStatus(quote, ['sent', 'viewed'], 'accepted');
  const pdf = await quotePdf(database.db, quote);
  if (input.pdf_sha256 !== pdf.sha256) throw conflict('the quote was updated since this page was opened: reload it and check it again');
  const ctx: Ctx = { database, actor: publicActor };
  await inTransaction(ctx, async (trx) => {
    await claim(trx, quote, ['sent', 'viewed'], 'accepted', 'accepted');
    const loop = await closeLoop(trx, ctx, quote, 'accepted');
    const now = new Date().toISOString();
    await setQuoteColumns(trx, ctx, quote.id, {
      status: 'accepted',
      accepted_at: now,
      accepted_by: name.slice(0, 255),
      accepted_pdf_sha256: pdf.sha256,
      order_id: loop.order_id,
      task_id: loop.task_id,
    });
    await recordActivity(trx, quote.id, 'accepted', visitor, name.slice(0, 255), pdf.sha256);
    await appendEvents(trx, publicActor, [
      {
        type: 'quote.accepted',
        entity: 'quote',
        entityId: quote.id,
        data: { number: quote.number, version: quote.version, customer_id: quote.customer_id, total: quote.total, currency: quote.currency, pdf_sha256: pdf.sha256, ...loop },
      },
    ]);
  });
  return getQuote(database.db, quote.id);
}

export async function declineQuote(database: Database, quote: Quote, input: { reason: string }, visitor: Visitor): Promise<Quote> {
  requireStatus(quote, ['sent', 'viewed'], 'declined');
  const reason = input.reason.trim().slice(0, 2000) || null;
  const ctx: Ctx = { database, actor: publicActor };
  await inTransaction(ctx, async (trx) => {
    await claim(trx, quote, ['sent', 'viewed'], 'declined', 'declined');
    await setQuoteColumns(trx, ctx, quote.id, { status: 'declined', declined_at: new Date().toISOString(), decline_reason: reason });
    await recordActivity(trx, quote.id, 'declined', visitor, reason);
    await appendEvents(trx, publicActor, [
      { type: 'quote.declined', entity: 'quote', entityId: quote.id, data: { number: quote.number, version: quote.version, customer_id: quote.customer_id, deal_id: quote.deal_id } },
    ]);
  });
  return getQuote(database.db, quote.id);
}

/** The owner turns a quote into an order without online acceptance (accepted by phone, on paper...). */
export async function convertQuote(ctx: Ctx, id: string): Promise<Quote> {
  const quote = await getQuote(ctx.database.db, id);
  const from = ['draft', 'sent', 'viewed', 'expired'] as const;
  requireStatus(quote, from, 'converted');
  if (quote.lines.length === 0) throw invalid(`quote ${quoteLabel(quote)} has no lines`, { lines: ['add at least one line before converting'] });
  await inTransaction(ctx, async (trx) => {
    await claim(trx, quote, ['draft', 'sent', 'viewed'], 'converted', 'converted');
    const loop = await closeLoop(trx, ctx, quote, 'converted');
    await setQuoteColumns(trx, ctx, quote.id, { status: 'converted', converted_at: new Date().toISOString(), order_id: loop.order_id, task_id: loop.task_id });
    await recordActivity(trx, quote.id, 'converted', null, ctx.actor);
    await appendEvents(trx, ctx.actor, [
      {
        type: 'quote.converted',
        entity: 'quote',
        entityId: quote.id,
        data: { number: quote.number, version: quote.version, customer_id: quote.customer_id, total: quote.total, currency: quote.currency, ...loop },
      },
    ]);
  });
  return getQuote(ctx.database.db, id);
}
