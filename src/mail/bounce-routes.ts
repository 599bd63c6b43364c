/** Bounce API: an inbound webhook for bounce mail (raw MIME) and the bounce reports of a message. */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { AppError, invalid, notFound } from '../core/errors.js';
import { idParam, json } from '../http/crud-routes.js';
import type { AppEnv } from '../http/env.js';
import { errorResponses, errorSchema } from '../http/errors.js';
import { bouncesOfMessage, processBounceMail } from './bounce-inbound.js';

/** The largest bounce mail the webhook takes (a bounce quotes at most the original message). */
const maxBounceMailBytes = 10 * 1024 * 1024;

const bounceSchema = z
  .object({
    id: z.string(),
    message_id: z.string().nullable(),
    kind: z.enum(['hard', 'soft', 'complaint']),
    status: z.string().nullable().openapi({ description: 'Enhanced status code (RFC 3463) of a bounce, or the feedback type of a complaint' }),
    recipient: z.string().nullable(),
    diagnostic: z.string().nullable().openapi({ description: "The receiving server's answer, as reported" }),
    reason: z.string().nullable(),
    source: z.string(),
    raw: z.string().nullable().openapi({ description: 'The raw report as received; emptied after 30 days' }),
    raw_size: z.number().int(),
    raw_purged_at: z.string().nullable(),
    received_at: z.string(),
  })
  .openapi('MailBounce');

const inboundResult = z
  .object({
    recorded: z.boolean().openapi({ description: 'Whether the mail was a bounce or complaint about one of our messages and was recorded' }),
    kind: z.enum(['bounce', 'complaint', 'auto_reply', 'normal']),
    bounce_type: z.enum(['hard', 'soft']).nullable(),
    status: z.string().nullable(),
    message_id: z.string().nullable().openapi({ description: 'The message the report is about' }),
    bounce_id: z.string().nullable(),
    paused: z.boolean().openapi({ description: 'Whether this soft bounce paused the address (3 within 30 days)' }),
    reason: z.string().nullable(),
  })
  .openapi('InboundBounceResult');

export function registerBounceRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/inbound/bounces',
      operationId: 'receiveBounceMail',
      tags: ['mail'],
      summary: 'Hand Rapport one inbound email (raw MIME) sent to the bounce address; bounces and complaints about our messages are recorded',
      description:
        'For a mail service that forwards mail to the VERP bounce domain by webhook. The body is the raw RFC 5322 message (`message/rfc822`, or any text type). Automatic replies and ordinary mail are classified and not recorded. Needs an API token.',
      request: { body: { required: true, content: { 'message/rfc822': { schema: z.string().openapi({ format: 'binary' }) } } } },
      responses: {
        200: json(inboundResult, 'How the mail was classified and whether it was recorded'),
        400: errorResponses[400],
        401: errorResponses[401],
        413: { description: 'The mail is larger than 10 MB', content: { 'application/json': { schema: errorSchema } } },
      },
    }),
    async (c) => {
      const length = Number(c.req.header('content-length') ?? '0');
      if (length > maxBounceMailBytes) throw new AppError('payload_too_large', `the mail is larger than ${maxBounceMailBytes} bytes`);
      const raw = Buffer.from(await c.req.arrayBuffer());
      if (raw.length > maxBounceMailBytes) throw new AppError('payload_too_large', `the mail is larger than ${maxBounceMailBytes} bytes`);
      if (raw.length === 0) throw invalid('the body must be the raw email', { body: ['empty'] });
      const handled = await processBounceMail(c.get('ctx').database, raw, { source: 'webhook' });
      const cls = handled.classification;
      return c.json(
        {
          recorded: handled.recorded,
          kind: cls.kind,
          bounce_type: cls.bounce?.type ?? null,
          status: cls.bounce?.status ?? cls.complaint?.feedbackType ?? null,
          message_id: handled.messageId ?? cls.bounce?.messageId ?? cls.complaint?.messageId ?? null,
          bounce_id: handled.bounceId ?? null,
          paused: handled.paused ?? false,
          reason: cls.reason ?? null,
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/messages/{id}/bounces',
      operationId: 'listMessageBounces',
      tags: ['mail'],
      summary: 'The bounce and complaint reports received about a message, newest first, with the raw report (kept 30 days)',
      request: { params: idParam },
      responses: { 200: json(z.object({ data: z.array(bounceSchema) }), 'Bounce reports'), 401: errorResponses[401], 404: errorResponses[404] },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const db = c.get('ctx').database.db;
      if (!(await db.selectFrom('messages').select('id').where('id', '=', id).executeTakeFirst())) throw notFound('message', id);
      return c.json({ data: await bouncesOfMessage(db, id) }, 200);
    },
  );
}
