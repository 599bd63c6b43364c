/** Quotes API: drafts built from products, sending, revising, converting, the PDF, the trail, settings and the report. */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { body, idParam, json, registerCrudRoutes } from '../http/crud-routes.js';
import type { AppEnv } from '../http/env.js';
import { errorResponses } from '../http/errors.js';
import { createSchema, recordSchema, updateSchema } from '../records/validation.js';
import { quoteEntity } from '../schema/entities.js';
import { convertQuote, publicBase, quoteActivity, sendQuote } from './answer.js';
import { quotePdf } from './document.js';
import { quoteLineInput, quoteLineRecord } from './lines.js';
import { quoteReport, quoteReportSchema } from './report.js';
import { getQuote, quotes } from './service.js';
import { getQuoteSettings, quoteSettingsPatch, quoteSettingsSchema, updateQuoteSettings } from './settings.js';

const tags = ['quotes'];
const linesField = { lines: z.array(quoteLineInput).max(500).optional().openapi({ description: 'The lines; on update they replace the old ones' }) };
export const quoteRecord = recordSchema(quoteEntity, { lines: z.array(quoteLineRecord) }).openapi('Quote');
const activitySchema = z
  .object({
    id: z.string(),
    kind: z.string().openapi({ description: 'sent, viewed, downloaded, accepted, declined, converted' }),
    at: z.string(),
    ip: z.string().nullable(),
    user_agent: z.string().nullable(),
    detail: z.string().nullable().openapi({ description: 'The address it was sent to, the name typed to accept, or the decline reason' }),
    pdf_sha256: z.string().nullable().openapi({ description: 'SHA-256 of the PDF sent or accepted' }),
  })
  .openapi('QuoteActivity');

export function registerQuoteRoutes(app: OpenAPIHono<AppEnv>) {
  // Before the CRUD routes: /api/quotes/{id} would otherwise take these paths.
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/settings/quotes',
      tags,
      operationId: 'getQuoteSettings',
      summary: 'What quotes show about the business (name, address, logo) and their defaults',
      responses: { 200: json(quoteSettingsSchema, 'Quote settings'), 401: errorResponses[401] },
    }),
    async (c) => c.json(await getQuoteSettings(c.get('ctx').database.db), 200),
  );
  app.openapi(
    createRoute({
      method: 'patch',
      path: '/api/settings/quotes',
      tags,
      operationId: 'updateQuoteSettings',
      summary: 'Change the business details and defaults of quotes',
      request: { body: body(quoteSettingsPatch) },
      responses: { 200: json(quoteSettingsSchema, 'Quote settings'), 400: errorResponses[400], 401: errorResponses[401] },
    }),
    async (c) => c.json(await updateQuoteSettings(c.get('ctx').database, await c.req.json()), 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/reports/quotes',
      tags: ['reports'],
      operationId: 'quoteReport',
      summary: 'Quote acceptance rate and time to accept, by month the quotes were first sent',
      request: {
        query: z.object({
          from: z.string().date().optional().openapi({ description: 'First day (YYYY-MM-DD), default 12 months back' }),
          to: z.string().date().optional().openapi({ description: 'Last day (YYYY-MM-DD), default today' }),
        }),
      },
      responses: { 200: json(quoteReportSchema, 'The report'), 400: errorResponses[400], 401: errorResponses[401] },
    }),
    async (c) => c.json(await quoteReport(c.get('ctx').database.db, c.req.valid('query')), 200),
  );

  registerCrudRoutes(app, {
    service: quotes,
    path: '/api/quotes',
    tag: 'quotes',
    createBody: createSchema(quoteEntity, linesField).openapi('QuoteCreate'),
    updateBody: updateSchema(quoteEntity, linesField).openapi('QuoteUpdate'),
    record: quoteRecord,
  });

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/quotes/{id}/send',
      tags,
      operationId: 'sendQuote',
      summary: 'Email the quote to the customer: a link to its public page (/q/{token}) and the PDF; a draft becomes sent',
      request: { params: idParam },
      responses: {
        200: json(
          z.object({ quote: quoteRecord, message_id: z.string(), url: z.string().openapi({ description: 'The public link sent (shown only now; only its hash is kept)' }) }),
          'Queued for sending',
        ),
        400: errorResponses[400],
        401: errorResponses[401],
        404: errorResponses[404],
        409: errorResponses[409],
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      return c.json(await sendQuote(ctx, c.req.valid('param').id, await publicBase(ctx.database.db, new URL(c.req.url).origin)), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/quotes/{id}/revise',
      tags,
      operationId: 'reviseQuote',
      summary: 'Draft version n+1 of a sent, answered or expired quote (same number); the old version stops accepting',
      request: { params: idParam },
      responses: { 201: json(quoteRecord, 'The new draft'), 401: errorResponses[401], 404: errorResponses[404], 409: errorResponses[409] },
    }),
    async (c) => c.json(await quotes.revise(c.get('ctx'), c.req.valid('param').id), 201),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/quotes/{id}/convert',
      tags,
      operationId: 'convertQuote',
      summary: 'Turn the quote into an order without online acceptance: the deal is won, an order and a follow-up task are created',
      request: { params: idParam },
      responses: { 200: json(quoteRecord, 'Converted'), 400: errorResponses[400], 401: errorResponses[401], 404: errorResponses[404], 409: errorResponses[409] },
    }),
    async (c) => c.json(await convertQuote(c.get('ctx'), c.req.valid('param').id), 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/quotes/{id}/pdf',
      tags,
      operationId: 'quotePdf',
      summary: 'The quote as a PDF',
      request: { params: idParam },
      responses: { 200: { description: 'The PDF', content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } } }, 401: errorResponses[401], 404: errorResponses[404] },
    }),
    async (c) => {
      const db = c.get('ctx').database.db;
      const pdf = await quotePdf(db, await getQuote(db, c.req.valid('param').id));
      c.header('content-type', 'application/pdf');
      c.header('content-disposition', `inline; filename="${pdf.filename}"`);
      c.header('x-content-sha256', pdf.sha256);
      return c.body(new Uint8Array(pdf.bytes), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/quotes/{id}/activity',
      tags,
      operationId: 'quoteActivity',
      summary: 'What happened to the quote: sent, viewed, downloaded, accepted, declined, with time, address and user agent',
      request: { params: idParam },
      responses: { 200: json(z.object({ data: z.array(activitySchema) }), 'The trail'), 401: errorResponses[401], 404: errorResponses[404] },
    }),
    async (c) => {
      const db = c.get('ctx').database.db;
      const quote = await getQuote(db, c.req.valid('param').id);
      return c.json({ data: await quoteActivity(db, quote.id) }, 200);
    },
  );
}
