/**
 * Inbound mail routes: support mailboxes (IMAP settings, connection test, fetch now), the tokens mail
 * providers post with, the raw-MIME webhook `POST /api/inbound/email` (its own token, not a user's;
 * the body is read up to the size limit and a larger mail is refused with a recorded rejection), and
 * the log of what became of each inbound mail.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { AppError, notFound } from '../core/errors.js';
import { newId } from '../core/ids.js';
import { body, idParam, json } from '../http/crud-routes.js';
import { errorJson, errorResponses } from '../http/errors.js';
import type { AppDeps, AppEnv } from '../http/env.js';
import { createMailbox, deleteMailbox, getMailbox, listMailboxes, mailboxInputSchema, mailboxPatchSchema, mailboxSchema, pollMailbox, testMailbox, updateMailbox } from './mailboxes.js';
import { maxInboundBytes, processInboundMail } from './pipeline.js';

/** The webhook path: it takes its own token and reads its own body (see src/api/app.ts). */
export const inboundWebhookPath = '/api/inbound/email';

const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

const resultSchema = z
  .object({
    id: z.string(),
    outcome: z.enum(['ticket_created', 'ticket_updated', 'auto_reply', 'bounce', 'duplicate', 'too_large', 'malformed']),
    ticket_id: z.string().nullable(),
    threaded_by: z.enum(['message_id', 'subject_tag', 'plus_address']).nullable(),
    reason: z.string().optional(),
  })
  .openapi('InboundResult');

const inboundLogItem = z
  .object({
    id: z.string(),
    source: z.string(),
    header_message_id: z.string().nullable(),
    from_address: z.string().nullable(),
    subject: z.string().nullable(),
    size: z.number().int(),
    outcome: z.string(),
    ticket_id: z.string().nullable(),
    reason: z.string().nullable(),
    created_at: z.string(),
  })
  .openapi('InboundMail');

/** Reads a request body up to `max` bytes; past it, keeps the first 64 KB (headers) and counts the rest. */
async function readCapped(c: Context, max: number): Promise<{ raw: Buffer; size: number; truncated: boolean }> {
  const stream = c.req.raw.body;
  if (!stream) return { raw: Buffer.alloc(0), size: 0, truncated: false };
  const chunks: Buffer[] = [];
  let size = 0;
  let kept = 0;
  let truncated = false;
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > max) {
      truncated = true;
      if (kept < 64 * 1024) {
        const take = Buffer.from(value).subarray(0, 64 * 1024 - kept);
        chunks.push(take);
        kept += take.length;
      }
      // Keep counting a little further, then stop reading: the mail is refused either way.
      if (size > max * 6) {
        await reader.cancel();
        break;
      }
      continue;
    }
    chunks.push(Buffer.from(value));
    kept += value.length;
  }
  return { raw: Buffer.concat(chunks), size, truncated };
}

/**
 * The webhook, mounted by src/api/app.ts outside the user-credential check and the general body limit:
 * it checks its own token and reads the body itself, up to the inbound size limit.
 */
export function registerInboundWebhook(app: OpenAPIHono<AppEnv>, deps: AppDeps) {
  const tags = ['inbound'];
  app.openapi(
    createRoute({
      method: 'post',
      path: inboundWebhookPath,
      tags,
      summary: 'Inbound mail from a mail provider: the raw MIME message as the body; threaded onto a ticket or opening one',
      description: `Authenticated with an inbound token (\`POST /api/inbound/tokens\`) in the \`X-Inbound-Token\` header or the \`token\` query parameter, not with a user's credentials. At most ${maxInboundBytes / 1024 / 1024} MB: a larger mail is refused (413), recorded, and its sender told.`,
      security: [],
      request: {
        query: z.object({ token: z.string().max(200).optional() }),
        body: { required: true, content: { 'message/rfc822': { schema: z.string().openapi({ format: 'binary' }) } } },
      },
      responses: {
        200: json(resultSchema, 'What became of the mail'),
        400: errorResponses[400],
        401: errorResponses[401],
        413: { description: 'Larger than the inbound size limit (recorded, the sender told)', content: { 'application/json': { schema: errorResponses[400].content['application/json'].schema } } },
      },
    }),
    async (c) => {
      const token = c.req.header('x-inbound-token') ?? c.req.valid('query').token ?? '';
      const database = deps.database;
      const hash = tokenHash(token);
      const row = token ? await database.db.selectFrom('inbound_tokens').select(['id', 'token_hash']).where('token_hash', '=', hash).executeTakeFirst() : undefined;
      if (!row || !timingSafeEqual(Buffer.from(row.token_hash as string), Buffer.from(hash))) return errorJson(c, new AppError('unauthorized', 'missing or unknown inbound token'));
      await database.db
        .updateTable('inbound_tokens')
        .set({ last_used_at: new Date().toISOString() })
        .where('id', '=', row.id as string)
        .execute();
      const { raw, size } = await readCapped(c, maxInboundBytes);
      if (size === 0) return errorJson(c, new AppError('invalid_input', 'send the raw MIME message as the request body', { body: ['empty'] }));
      const result = await processInboundMail(database, raw, { source: `webhook:${row.id}` }, size);
      if (result.outcome === 'too_large') return errorJson(c, new AppError('payload_too_large', `the mail is larger than ${maxInboundBytes / 1024 / 1024} MB: refused and recorded as ${result.id}`));
      return c.json(result, 200);
    },
  );
}

export function registerInboundRoutes(app: OpenAPIHono<AppEnv>) {
  const tags = ['inbound'];
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/inbound/tokens',
      tags,
      summary: 'Inbound webhook tokens (the tokens themselves are shown once, at creation)',
      responses: { 200: json(z.object({ data: z.array(z.object({ id: z.string(), name: z.string(), last_used_at: z.string().nullable(), created_at: z.string() })) }), 'Tokens') },
    }),
    async (c) => {
      const rows = await c.get('ctx').database.db.selectFrom('inbound_tokens').select(['id', 'name', 'last_used_at', 'created_at']).orderBy('created_at').execute();
      return c.json({ data: rows.map((r) => ({ id: r.id as string, name: r.name as string, last_used_at: (r.last_used_at as string) ?? null, created_at: r.created_at as string })) }, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/inbound/tokens',
      tags,
      summary: 'Create a token for a mail provider to post inbound mail with (stored hashed; shown only now)',
      request: { body: body(z.object({ name: z.string().min(1).max(200) }).strict()) },
      responses: { 201: json(z.object({ id: z.string(), name: z.string(), token: z.string() }), 'The token'), 400: errorResponses[400] },
    }),
    async (c) => {
      const token = `rin_${randomBytes(24).toString('base64url')}`;
      const id = newId('inboundToken');
      const name = c.req.valid('json').name;
      await c
        .get('ctx')
        .database.db.insertInto('inbound_tokens')
        .values({ id, name, token_hash: tokenHash(token), last_used_at: null, created_at: new Date().toISOString() })
        .execute();
      return c.json({ id, name, token }, 201);
    },
  );
  app.openapi(
    createRoute({
      method: 'delete',
      path: '/api/inbound/tokens/{id}',
      tags,
      summary: 'Revoke an inbound token',
      request: { params: idParam },
      responses: { 204: { description: 'Revoked' }, 404: errorResponses[404] },
    }),
    async (c) => {
      const id = c.req.valid('param').id;
      const r = await c.get('ctx').database.db.deleteFrom('inbound_tokens').where('id', '=', id).executeTakeFirst();
      if (!Number(r.numDeletedRows)) throw notFound('inbound token', id);
      return c.body(null, 204);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/inbound/mail',
      tags,
      summary: 'What became of recent inbound mail (tickets, replies, auto-replies, bounces, refused mail)',
      request: { query: z.object({ outcome: z.string().max(40).optional(), limit: z.coerce.number().int().min(1).max(500).optional() }) },
      responses: { 200: json(z.object({ data: z.array(inboundLogItem) }), 'Inbound mail, newest first') },
    }),
    async (c) => {
      const q = c.req.valid('query');
      let query = c
        .get('ctx')
        .database.db.selectFrom('inbound_mail')
        .selectAll()
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(q.limit ?? 100);
      if (q.outcome) query = query.where('outcome', '=', q.outcome);
      const rows = await query.execute();
      return c.json(
        {
          data: rows.map((r) => ({
            id: r.id as string,
            source: r.source as string,
            header_message_id: (r.header_message_id as string) ?? null,
            from_address: (r.from_address as string) ?? null,
            subject: (r.subject as string) ?? null,
            size: Number(r.size),
            outcome: r.outcome as string,
            ticket_id: (r.ticket_id as string) ?? null,
            reason: (r.reason as string) ?? null,
            created_at: r.created_at as string,
          })),
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({ method: 'get', path: '/api/mailboxes', tags, summary: 'Support mailboxes fetched over IMAP', responses: { 200: json(z.object({ data: z.array(mailboxSchema) }), 'Mailboxes') } }),
    async (c) => c.json({ data: await listMailboxes(c.get('ctx').database.db) }, 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/mailboxes',
      tags,
      summary: 'Add a support mailbox (the password is stored sealed and never returned)',
      request: { body: body(mailboxInputSchema) },
      responses: { 201: json(mailboxSchema, 'The mailbox'), 400: errorResponses[400] },
    }),
    async (c) => c.json(await createMailbox(c.get('ctx').database.db, c.req.valid('json')), 201),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/mailboxes/{id}',
      tags,
      summary: 'A mailbox',
      request: { params: idParam },
      responses: { 200: json(mailboxSchema, 'The mailbox'), 404: errorResponses[404] },
    }),
    async (c) => c.json(await getMailbox(c.get('ctx').database.db, c.req.valid('param').id), 200),
  );
  app.openapi(
    createRoute({
      method: 'patch',
      path: '/api/mailboxes/{id}',
      tags,
      summary: 'Change a mailbox (another server, user or folder starts from its first message again)',
      request: { params: idParam, body: body(mailboxPatchSchema) },
      responses: { 200: json(mailboxSchema, 'The mailbox'), 400: errorResponses[400], 404: errorResponses[404] },
    }),
    async (c) => c.json(await updateMailbox(c.get('ctx').database.db, c.req.valid('param').id, c.req.valid('json')), 200),
  );
  app.openapi(
    createRoute({
      method: 'delete',
      path: '/api/mailboxes/{id}',
      tags,
      summary: 'Remove a mailbox',
      request: { params: idParam },
      responses: { 204: { description: 'Removed' }, 404: errorResponses[404] },
    }),
    async (c) => {
      await deleteMailbox(c.get('ctx').database.db, c.req.valid('param').id);
      return c.body(null, 204);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/mailboxes/{id}/test',
      tags,
      summary: 'Log in and open the folder: whether it works, how many messages it holds, whether the server offers IDLE',
      request: { params: idParam },
      responses: { 200: json(z.object({ ok: z.boolean(), messages: z.number().int().optional(), idle: z.boolean().optional(), error: z.string().optional() }), 'The test'), 404: errorResponses[404] },
    }),
    async (c) => c.json(await testMailbox(c.get('ctx').database.db, c.req.valid('param').id), 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/mailboxes/{id}/fetch',
      tags,
      summary: 'Fetch new mail now (otherwise every minute)',
      request: { params: idParam },
      responses: {
        200: json(z.object({ mailbox_id: z.string(), fetched: z.number().int(), results: z.array(resultSchema), error: z.string().optional() }), 'What was fetched'),
        404: errorResponses[404],
      },
    }),
    async (c) => {
      const id = c.req.valid('param').id;
      await getMailbox(c.get('ctx').database.db, id);
      return c.json(await pollMailbox(c.get('ctx').database, id), 200);
    },
  );
}
