/**
 * The public quote pages under /q/{token} (no sign-in; the signed token is the key): view, the PDF,
 * accept and decline as real form posts. Small bodies only, and at most a few answers per quote in
 * ten minutes. Errors are pages that say what went wrong; nothing changes on an error.
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Database } from '../core/database.js';
import { AppError } from '../core/errors.js';
import { clientAddress } from '../http/client.js';
import type { AppDeps, AppEnv } from '../http/env.js';
import { errorSchema } from '../http/errors.js';
import { acceptQuote, declineQuote, quoteOfToken, recordActivity, viewQuote, type Visitor } from './answer.js';
import { pdfQuoteOf, quoteClient, quotePdf } from './document.js';
import { messagePage, quotePage } from './page.js';
import type { Quote } from './service.js';
import { getBusinessSettings } from '../settings/business.js';
import { getQuoteSettings } from './settings.js';

const publicQuoteBodyBytes = 16 * 1024;
/** Answers (accepted, declined, refused) one quote takes in ten minutes before asking to wait. */
const maxAnswersPer10Minutes = 20;

const tags = ['quotes'];
const publicRoute = { security: [] as Record<string, string[]>[] };
const tokenParam = z.object({
  token: z
    .string()
    .max(200)
    .openapi({ param: { name: 'token', in: 'path' }, description: 'The signed link token from the email' }),
});
const html = (description: string) => ({ description, content: { 'text/html': { schema: z.string() } } });
const htmlError = (description: string) => ({ description, content: { 'text/html': { schema: z.string() }, 'application/json': { schema: errorSchema } } });
const acceptBody = z.object({ name: z.string().max(200), pdf_sha256: z.string().max(64) }).openapi('QuoteAcceptForm');
const declineBody = z.object({ reason: z.string().max(2000).optional() }).openapi('QuoteDeclineForm');
const form = (schema: z.ZodTypeAny) => ({ required: true, content: { 'application/x-www-form-urlencoded': { schema } } });

function errorPage(c: Context, error: AppError) {
  const title = error.status === 404 ? 'Link not valid' : error.status === 429 ? 'Please wait' : 'Not possible';
  return c.html(messagePage(title, error.message), error.status as 400);
}

async function formFields(c: Context): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(await c.req.parseBody())) if (typeof v === 'string') out[k] = v;
  return out;
}

async function tooManyAnswers(database: Database, quoteId: string): Promise<boolean> {
  const since = new Date(Date.now() - 10 * 60_000).toISOString();
  const row = await database.db
    .selectFrom('quote_activity')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('quote_id', '=', quoteId)
    .where('kind', 'in', ['accepted', 'declined', 'refused'])
    .where('at', '>=', since)
    .executeTakeFirst();
  return Number(row?.n ?? 0) >= maxAnswersPer10Minutes;
}

export function registerQuotePages(app: OpenAPIHono<AppEnv>, deps: AppDeps) {
  const { database } = deps;
  app.use('/q/*', bodyLimit({ maxSize: publicQuoteBodyBytes, onError: (c) => c.html(messagePage('Too large', `The form sent more than ${publicQuoteBodyBytes} bytes.`), 413) }));
  app.use('/q/*', async (c, next) => {
    await next();
    c.header('cache-control', 'no-store');
    c.header('referrer-policy', 'no-referrer');
  });
  const visitor = (c: Context): Visitor => ({ ip: clientAddress(c, deps.config), userAgent: c.req.header('user-agent') ?? null });

  const render = async (c: Context, quote: Quote, token: string, extra: { error?: string; notice?: string } = {}, status = 200) => {
    const [pdf, settings, client, business] = await Promise.all([
      quotePdf(database.db, quote),
      getQuoteSettings(database.db),
      quoteClient(database.db, quote.customer_id),
      getBusinessSettings(database.db),
    ]);
    const view = {
      ...pdfQuoteOf(quote, business.timeZone),
      status: quote.status,
      accepted_at: (quote.accepted_at as string | null) ?? null,
      accepted_by: (quote.accepted_by as string | null) ?? null,
      declined_at: (quote.declined_at as string | null) ?? null,
      superseded: !!quote.superseded_by_id,
    };
    const gone = view.status === 'expired' || view.superseded;
    return c.html(quotePage(view, settings, { token, pdfSha256: pdf.sha256, clientName: '', ...extra }), (status === 200 && gone ? 410 : status) as 200);
  };

  /** The quote of a link, or the page that says the link is not valid. */
  const open = async (c: Context, token: string): Promise<Quote | Response> => {
    try {
      return await quoteOfToken(database, token);
    } catch (e) {
      if (e instanceof AppError) return errorPage(c, e);
      throw e;
    }
  };

  /** Runs an answer; a refused one is shown on the page (and counted against the limit), nothing changed. */
  const answer = async (c: Context, token: string, run: (quote: Quote, fields: Record<string, string>) => Promise<Quote>, notice: string) => {
    const quote = await open(c, token);
    if (quote instanceof Response) return quote;
    if (await tooManyAnswers(database, quote.id)) return errorPage(c, new AppError('rate_limited', 'Too many attempts on this quote: please try again in a few minutes.'));
    const fields = await formFields(c);
    try {
      const done = await run(quote, fields);
      return render(c, done, token, { notice });
    } catch (e) {
      if (!(e instanceof AppError) || e.status >= 500) throw e;
      await database.db.transaction().execute((trx) => recordActivity(trx, quote.id, 'refused', visitor(c), e.message.slice(0, 500)));
      return render(c, await quoteOfToken(database, token), token, { error: e.message }, e.status);
    }
  };

  app.openapi(
    createRoute({
      method: 'get',
      path: '/q/{token}',
      tags,
      ...publicRoute,
      operationId: 'publicQuotePage',
      summary: 'The public page of a sent quote: lines, totals, terms, the PDF, and forms to accept or decline (410 once expired or replaced)',
      request: { params: tokenParam },
      responses: { 200: html('The quote'), 404: html('Changed, foreign or unknown link'), 410: html('The quote expired or was replaced by a newer version') },
    }),
    async (c) => {
      const { token } = c.req.valid('param');
      const quote = await open(c, token);
      if (quote instanceof Response) return quote;
      await viewQuote(database, quote, visitor(c));
      return render(c, await quoteOfToken(database, token), token);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/q/{token}/pdf',
      tags,
      ...publicRoute,
      operationId: 'publicQuotePdf',
      summary: 'The PDF of a sent quote (its SHA-256 is on the page and recorded on acceptance)',
      request: { params: tokenParam },
      responses: { 200: { description: 'The PDF', content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } } }, 404: html('Changed, foreign or unknown link') },
    }),
    async (c) => {
      const { token } = c.req.valid('param');
      const quote = await open(c, token);
      if (quote instanceof Response) return quote;
      const pdf = await quotePdf(database.db, quote);
      await viewQuote(database, quote, visitor(c), 'downloaded');
      c.header('content-type', 'application/pdf');
      c.header('content-disposition', `attachment; filename="${pdf.filename}"`);
      return c.body(new Uint8Array(pdf.bytes), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/q/{token}/accept',
      tags,
      ...publicRoute,
      operationId: 'publicAcceptQuote',
      summary: 'Accept a quote (typed name, and the SHA-256 of the PDF the page showed): the deal is won, an order and a follow-up task are created',
      request: { params: tokenParam, body: form(acceptBody) },
      responses: {
        200: html('Accepted'),
        400: htmlError('No name typed'),
        404: html('Changed, foreign or unknown link'),
        409: html('Already answered, expired, replaced, or the PDF changed since the page was opened'),
        413: html('Body too large'),
        429: html('Too many attempts'),
      },
    }),
    async (c) =>
      answer(c, c.req.valid('param').token, (quote, f) => acceptQuote(database, quote, { name: f.name ?? '', pdf_sha256: f.pdf_sha256 ?? '' }, visitor(c)), 'Thank you: the quote is accepted.'),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/q/{token}/decline',
      tags,
      ...publicRoute,
      operationId: 'publicDeclineQuote',
      summary: 'Decline a quote, with an optional reason',
      request: { params: tokenParam, body: form(declineBody) },
      responses: {
        200: html('Declined'),
        400: htmlError('Malformed form'),
        404: html('Changed, foreign or unknown link'),
        409: html('Already answered, expired or replaced'),
        413: html('Body too large'),
        429: html('Too many attempts'),
      },
    }),
    async (c) => answer(c, c.req.valid('param').token, (quote, f) => declineQuote(database, quote, { reason: f.reason ?? '' }, visitor(c)), 'The quote is declined. Thank you for letting us know.'),
  );
}
