/** Ticket routes: the inbox list, one ticket with its conversation and the customer's value, replies, notes, status, canned replies, SLA settings and the service report. */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { inTransaction } from '../core/context.js';
import { body, idParam, json } from '../http/crud-routes.js';
import { errorResponses } from '../http/errors.js';
import type { AppEnv } from '../http/env.js';
import { listTickets, serviceReport, ticketDetail } from './queries.js';
import { addNote, deleteCannedReply, listCannedReplies, replyToTicket, saveCannedReply } from './reply.js';
import { mailHtmlPolicy, mailHtmlView } from './mail-html.js';
import { getSlaSettings, putSlaSettings, slaSettingsSchema } from './sla.js';
import { createTicket, getAttachment, getMessageHtml, setTicketStatus, ticketChannels, ticketKinds, ticketPriorities, ticketStatuses, updateTicket } from './service.js';

const oneLine = (max: number) =>
  z
    .string()
    .max(max)
    .refine((v) => !/[\r\n]/.test(v), { message: 'must be one line (no CR or LF)' });

const ticketSchema = z
  .object({
    id: z.string(),
    number: z.number().int(),
    reference: z.string().openapi({ example: 'T-42' }),
    customer_id: z.string().nullable(),
    subject: z.string(),
    channel: z.enum(ticketChannels),
    kind: z.enum(ticketKinds),
    status: z.enum(ticketStatuses),
    priority: z.enum(ticketPriorities),
    tags: z.array(z.string()),
    snoozed_until: z.string().nullable(),
    linked_ticket_id: z.string().nullable(),
    mailbox_id: z.string().nullable(),
    reply_to_address: z.string().nullable(),
    first_response_at: z.string().nullable(),
    first_response_due_at: z.string().nullable(),
    resolution_due_at: z.string().nullable(),
    attention_at: z.string(),
    resolved_at: z.string().nullable(),
    closed_at: z.string().nullable(),
    last_message_at: z.string(),
    last_inbound_at: z.string().nullable(),
    message_count: z.number().int(),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .openapi('Ticket');

const ticketListItem = ticketSchema
  .extend({
    customer: z.object({ id: z.string(), name: z.string(), email: z.string().nullable(), clv: z.number().nullable(), churn_risk: z.number().nullable() }).nullable(),
    due_at: z.string().nullable().openapi({ description: 'The due time still pending: first response until there is one, then resolution' }),
    due_in_minutes: z.number().int().nullable(),
    breached: z.boolean(),
  })
  .openapi('TicketListItem');

const messageSchema = z
  .object({
    id: z.string(),
    ticket_id: z.string(),
    direction: z.enum(['in', 'out', 'note']),
    author: z.string().nullable(),
    from_address: z.string().nullable(),
    to_address: z.string().nullable(),
    subject: z.string().nullable(),
    body_text: z.string().openapi({ description: 'The full text as received or sent' }),
    body_html: z.string().nullable().openapi({ description: 'The HTML part as received (untrusted: never insert it into a page unsanitised)' }),
    visible_text: z.string().openapi({ description: 'What the sender wrote in this message' }),
    folded_text: z.string().openapi({ description: 'Quoted earlier mail and signature, folded away in the view' }),
    remote_images: z.boolean().openapi({ description: 'The HTML part names images on other servers: its page holds them back unless asked with images=true' }),
    header_message_id: z.string().nullable(),
    in_reply_to: z.string().nullable(),
    references: z.array(z.string()),
    mail_message_id: z.string().nullable(),
    auto_reply: z.boolean(),
    created_at: z.string(),
    attachments: z.array(z.object({ id: z.string(), filename: z.string(), content_type: z.string(), size: z.number().int(), sha256: z.string() })),
  })
  .openapi('TicketMessage');

const detailSchema = z
  .object({
    ticket: ticketListItem,
    messages: z.array(messageSchema),
    customer_context: z.object({
      customer: z
        .object({
          id: z.string(),
          name: z.string(),
          email: z.string().nullable(),
          stage: z.string().nullable(),
          clv: z.number().nullable(),
          churn_risk: z.number().nullable(),
          p_alive: z.number().nullable(),
          high_value: z.boolean(),
          at_risk: z.boolean(),
        })
        .nullable(),
      open_deals: z.array(z.object({ id: z.string(), title: z.string(), value: z.number().nullable(), currency: z.string().nullable(), stage_id: z.string() })),
      recent_orders: z.array(z.object({ id: z.string(), ordered_at: z.string(), status: z.string(), total: z.number(), currency: z.string() })),
      previous_tickets: z.array(z.object({ id: z.string(), reference: z.string(), subject: z.string(), status: z.string(), created_at: z.string() })),
    }),
  })
  .openapi('TicketDetail');

const csv = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .string()
    .max(200)
    .optional()
    .transform((v, ctx) => {
      if (!v) return undefined;
      const list = v.split(',').map((s) => s.trim());
      const bad = list.filter((s) => !(values as readonly string[]).includes(s));
      if (bad.length) ctx.addIssue({ code: 'custom', message: `unknown ${bad.join(', ')}; one or more of ${values.join(', ')}` });
      return list;
    })
    .openapi({ type: 'string', description: `Comma-separated: ${values.join(', ')}` });

const listParams = z.object({
  status: csv(ticketStatuses),
  kind: csv(ticketKinds),
  priority: csv(ticketPriorities),
  channel: csv(ticketChannels),
  customer_id: z.string().max(40).optional(),
  tag: z.string().max(100).optional(),
  q: z.string().max(200).optional().openapi({ description: 'Words of the subject, or a ticket number (T-12)' }),
  breached: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => (v === undefined ? undefined : v === 'true')),
  sort: z.enum(['attention', 'newest', 'updated']).optional().openapi({ description: '`attention` (default): breaching soonest first, complaints and high-value customers ahead' }),
  limit: z.coerce.number().int().min(1).max(200).optional(),
  cursor: z.string().max(500).optional(),
});

const createSchema = z
  .object({
    customer_id: z.string().max(40).optional(),
    email: z.email({ message: 'not an email address' }).max(254).optional(),
    name: oneLine(200).optional(),
    subject: oneLine(998).min(1),
    channel: z.enum(ticketChannels).default('manual'),
    kind: z.enum(ticketKinds).optional(),
    priority: z.enum(ticketPriorities).optional(),
    tags: z.array(oneLine(50)).max(20).optional(),
    message: z.string().max(1_000_000).optional().openapi({ description: "The customer's words, as the first message" }),
  })
  .strict()
  .openapi('TicketCreate');

const patchSchema = z
  .object({
    subject: oneLine(998).min(1).optional(),
    kind: z.enum(ticketKinds).optional(),
    priority: z.enum(ticketPriorities).optional(),
    tags: z.array(oneLine(50)).max(20).optional(),
    customer_id: z.string().max(40).nullable().optional(),
  })
  .strict()
  .openapi('TicketPatch');

const replySchema = z
  .object({
    body_text: z.string().max(1_000_000).default(''),
    body_html: z.string().max(5_000_000).optional(),
    subject: z.string().max(998).optional().openapi({ description: 'One line; default "Re: <subject> [#T-n]"' }),
    canned_reply_id: z.string().max(40).optional(),
    status: z.enum(['waiting', 'resolved', 'open']).optional().openapi({ description: 'Status after the reply (default waiting)' }),
  })
  .strict()
  .openapi('TicketReply');

const statusSchema = z
  .object({
    status: z.enum(ticketStatuses),
    snoozed_until: z.string().max(40).optional().openapi({ description: 'With status snoozed: when it wakes up (ISO 8601)' }),
  })
  .strict()
  .openapi('TicketStatusChange');

const cannedSchema = z.object({ id: z.string(), name: z.string(), body: z.string(), created_at: z.string(), updated_at: z.string() }).openapi('CannedReply');
const cannedInput = z
  .object({ name: oneLine(200).min(1), body: z.string().min(1).max(100_000).openapi({ description: 'Liquid: {{ customer.first_name }}, {{ ticket.reference }}...' }) })
  .strict()
  .openapi('CannedReplyInput');

const reportSchema = z
  .object({
    from: z.string(),
    to: z.string(),
    tickets: z.number().int(),
    by_status: z.record(z.string(), z.number()),
    by_kind: z.record(z.string(), z.number()),
    by_channel: z.record(z.string(), z.number()),
    median_first_response_minutes: z.number().nullable(),
    median_resolution_minutes: z.number().nullable(),
    first_response_within_sla: z.number().nullable(),
    resolved_within_sla: z.number().nullable(),
    csat_bands: z.array(z.object({ band: z.string(), customers: z.number().int(), mean_churn_risk: z.number().nullable(), mean_clv: z.number().nullable() })),
  })
  .openapi('ServiceReport');

const pathParam = (name: string) =>
  z
    .string()
    .max(40)
    .openapi({ param: { name, in: 'path' } });
const attachmentParams = z.object({ id: pathParam('id'), attachment_id: pathParam('attachment_id') });

const messageHtmlParams = z.object({ id: pathParam('id'), message_id: pathParam('message_id') });
const messageHtmlPath = /^\/api\/tickets\/[^/]+\/messages\/[^/]+\/html$/;

/**
 * The page of a mail's HTML is framed by the ticket view and carries its own policy (nothing runs, no
 * remote image until asked for). Registered before the app-wide secure headers, so it has the last word.
 */
export const messageHtmlHeaders: MiddlewareHandler = async (c, next) => {
  await next();
  if (!messageHtmlPath.test(c.req.path) || c.res.status !== 200) return;
  c.res.headers.set('content-security-policy', mailHtmlPolicy(c.req.query('images') === 'true'));
  c.res.headers.set('x-frame-options', 'SAMEORIGIN');
};

export function registerTicketRoutes(app: OpenAPIHono<AppEnv>) {
  const tags = ['tickets'];
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/tickets/settings',
      tags,
      summary: 'Service levels: business hours, holidays, targets, follow-up window, the priority rule for at-risk high-value customers',
      responses: { 200: json(slaSettingsSchema, 'The settings') },
    }),
    async (c) => c.json(await getSlaSettings(c.get('ctx').database.db), 200),
  );
  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/tickets/settings',
      tags,
      summary: 'Replace the service-level settings (new tickets use them)',
      request: { body: body(slaSettingsSchema) },
      responses: { 200: json(slaSettingsSchema, 'The settings'), 400: errorResponses[400] },
    }),
    async (c) => c.json(await inTransaction(c.get('ctx'), (trx) => putSlaSettings(trx, c.req.valid('json'))), 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/tickets',
      tags,
      summary: 'The inbox: tickets filtered and sorted by what matters, a page at a time',
      request: { query: listParams },
      responses: { 200: json(z.object({ data: z.array(ticketListItem), next_cursor: z.string().nullable() }), 'A page of tickets'), 400: errorResponses[400] },
    }),
    async (c) => {
      const q = c.req.valid('query');
      return c.json(await listTickets(c.get('ctx').database.db, q), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/tickets',
      tags,
      summary: 'Open a ticket by hand (a phone call, a note of a conversation); the customer is matched by email or created',
      request: { body: body(createSchema) },
      responses: { 201: json(ticketSchema, 'The ticket'), 400: errorResponses[400] },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const b = c.req.valid('json');
      const ticket = await inTransaction(ctx, (trx) =>
        createTicket(trx, ctx, {
          customer_id: b.customer_id,
          email: b.email,
          name: b.name,
          subject: b.subject,
          channel: b.channel,
          kind: b.kind,
          priority: b.priority,
          tags: b.tags,
          first_message: b.message ? { body_text: b.message, author: ctx.actor } : undefined,
        }),
      );
      return c.json(ticket, 201);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/tickets/{id}',
      tags,
      summary: "A ticket with its conversation and the customer's value beside it",
      request: { params: idParam },
      responses: { 200: json(detailSchema, 'The ticket'), 404: errorResponses[404] },
    }),
    async (c) => c.json(await ticketDetail(c.get('ctx').database.db, c.req.valid('param').id), 200),
  );
  app.openapi(
    createRoute({
      method: 'patch',
      path: '/api/tickets/{id}',
      tags,
      summary: 'Change subject, kind, priority, tags or customer (a new kind or priority recomputes the due times)',
      request: { params: idParam, body: body(patchSchema) },
      responses: { 200: json(ticketSchema, 'The ticket'), 400: errorResponses[400], 404: errorResponses[404] },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      return c.json(await inTransaction(ctx, (trx) => updateTicket(trx, ctx, c.req.valid('param').id, c.req.valid('json'))), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/tickets/{id}/reply',
      tags,
      summary: 'Reply to the customer by email, threaded (Message-ID, In-Reply-To, References, [#T-n] in the subject)',
      request: { params: idParam, body: body(replySchema) },
      responses: { 201: json(z.object({ message: messageSchema, ticket: ticketSchema }), 'The reply, queued for sending'), 400: errorResponses[400], 404: errorResponses[404] },
    }),
    async (c) => {
      const b = c.req.valid('json');
      return c.json(await replyToTicket(c.get('ctx'), c.req.valid('param').id, b), 201);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/tickets/{id}/note',
      tags,
      summary: 'Add an internal note (never sent)',
      request: { params: idParam, body: body(z.object({ body_text: z.string().min(1).max(1_000_000) }).strict()) },
      responses: { 201: json(messageSchema, 'The note'), 400: errorResponses[400], 404: errorResponses[404] },
    }),
    async (c) => c.json(await addNote(c.get('ctx'), c.req.valid('param').id, c.req.valid('json').body_text), 201),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/tickets/{id}/status',
      tags,
      summary: 'Set the status: open, waiting (on the customer), snoozed until a time, resolved, closed',
      request: { params: idParam, body: body(statusSchema) },
      responses: { 200: json(ticketSchema, 'The ticket'), 400: errorResponses[400], 404: errorResponses[404], 409: errorResponses[409] },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const b = c.req.valid('json');
      return c.json(await inTransaction(ctx, (trx) => setTicketStatus(trx, ctx, c.req.valid('param').id, { status: b.status, snoozed_until: b.snoozed_until ?? null })), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/tickets/{id}/attachments/{attachment_id}',
      tags,
      summary: 'Download an attachment of a ticket message',
      request: { params: attachmentParams },
      responses: { 200: { description: 'The file, as an attachment', content: { 'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) } } }, 404: errorResponses[404] },
    }),
    async (c) => {
      const { id, attachment_id } = c.req.valid('param');
      const file = await getAttachment(c.get('ctx').database.db, id, attachment_id);
      c.header('content-type', file.content_type);
      c.header('content-disposition', `attachment; filename="${file.filename.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, '_')}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`);
      c.header('x-content-type-options', 'nosniff');
      return c.body(new Uint8Array(file.content), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/tickets/{id}/messages/{message_id}/html',
      tags,
      summary: 'The HTML part of a message as a page to frame: sanitised, quoted mail folded, remote images only with images=true',
      request: { params: messageHtmlParams, query: z.object({ images: z.enum(['true', 'false']).optional().openapi({ description: 'Show images from other servers' }) }) },
      responses: { 200: { description: 'A page (no script runs in it)', content: { 'text/html': { schema: z.string() } } }, 404: errorResponses[404] },
    }),
    async (c) => {
      const { id, message_id } = c.req.valid('param');
      const images = c.req.valid('query').images === 'true';
      const html = await getMessageHtml(c.get('ctx').database.db, id, message_id);
      const view = mailHtmlView(html, { images });
      c.header('cache-control', 'private, no-store');
      c.header('x-content-type-options', 'nosniff');
      return c.html(view.document, 200);
    },
  );
  app.openapi(
    createRoute({ method: 'get', path: '/api/canned-replies', tags, summary: 'Canned replies', responses: { 200: json(z.object({ data: z.array(cannedSchema) }), 'Canned replies') } }),
    async (c) => c.json({ data: await listCannedReplies(c.get('ctx').database.db) }, 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/canned-replies',
      tags,
      summary: 'Create a canned reply (Liquid merge fields)',
      request: { body: body(cannedInput) },
      responses: { 201: json(cannedSchema, 'The canned reply'), 400: errorResponses[400] },
    }),
    async (c) => c.json(await saveCannedReply(c.get('ctx').database.db, null, c.req.valid('json')), 201),
  );
  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/canned-replies/{id}',
      tags,
      summary: 'Replace a canned reply',
      request: { params: idParam, body: body(cannedInput) },
      responses: { 200: json(cannedSchema, 'The canned reply'), 400: errorResponses[400], 404: errorResponses[404] },
    }),
    async (c) => c.json(await saveCannedReply(c.get('ctx').database.db, c.req.valid('param').id, c.req.valid('json')), 200),
  );
  app.openapi(
    createRoute({
      method: 'delete',
      path: '/api/canned-replies/{id}',
      tags,
      summary: 'Delete a canned reply',
      request: { params: idParam },
      responses: { 204: { description: 'Deleted' }, 404: errorResponses[404] },
    }),
    async (c) => {
      await deleteCannedReply(c.get('ctx').database.db, c.req.valid('param').id);
      return c.body(null, 204);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/reports/service',
      tags: ['reports'],
      summary: 'Service report: first-response and resolution times, SLA attainment, churn and CLV by CSAT band',
      request: {
        query: z.object({
          from: z
            .string()
            .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'a date as YYYY-MM-DD' })
            .optional(),
          to: z
            .string()
            .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'a date as YYYY-MM-DD' })
            .optional(),
        }),
      },
      responses: { 200: json(reportSchema, 'The report'), 400: errorResponses[400] },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const to = q.to ? `${q.to}T23:59:59.999Z` : new Date(Date.now() + 1000).toISOString();
      const from = q.from ? `${q.from}T00:00:00.000Z` : new Date(Date.parse(to) - 90 * 86_400_000).toISOString();
      return c.json(await serviceReport(c.get('ctx').database.db, { from, to }), 200);
    },
  );
}
