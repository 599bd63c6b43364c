/** Outgoing-mail API: settings and test send, the message log, sender identities with DKIM, suppressions. */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { inTransaction } from '../core/context.js';
import { invalid } from '../core/errors.js';
import { issuesToFields } from '../records/validation.js';
import { body, idParam, json } from '../http/crud-routes.js';
import type { AppEnv } from '../http/env.js';
import { errorResponses } from '../http/errors.js';
import { getMessage, listMessages, mailSettingsView, messageDetailSchema, messageListQuery, messageSchema, sendTestMessage, testSendInput, testSendResult } from './messages.js';
import { checkSenderDns, createSender, deleteSender, getSender, listSenders, recordCheckSchema, senderInput, senderPatch, senderSchema, updateSender } from './senders.js';
import { mailSettingsInput, mailSettingsSchema, updateMailSettings } from './settings.js';
import { addSuppression, listSuppressions, removeSuppression, suppressionReasons } from './suppressions.js';

const suppressionSchema = z
  .object({
    id: z.string(),
    address: z.string().nullable().openapi({ description: 'Null once the person was erased (the hash still suppresses)' }),
    reason: z.enum(suppressionReasons),
    customer_id: z.string().nullable(),
    message_id: z.string().nullable(),
    note: z.string().nullable(),
    created_at: z.string(),
  })
  .openapi('Suppression');
const suppressionInput = z
  .object({ address: z.email({ message: 'not an email address' }).max(254), note: z.string().max(1000).nullable().optional() })
  .strict()
  .openapi('SuppressionInput');
const page = <T extends z.ZodTypeAny>(item: T) => z.object({ data: z.array(item), next_cursor: z.string().nullable() });

export function registerMailRoutes(app: OpenAPIHono<AppEnv>) {
  const db = (c: { get(k: 'ctx'): { database: { db: any } } }) => c.get('ctx').database.db;

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/mail/settings',
      operationId: 'getMailSettings',
      tags: ['mail'],
      summary: 'Outgoing-mail settings (the SMTP password is never returned)',
      responses: { 200: json(mailSettingsSchema, 'Mail settings'), 401: errorResponses[401] },
    }),
    async (c) => c.json(await mailSettingsView(db(c)), 200),
  );
  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/mail/settings',
      operationId: 'updateMailSettings',
      tags: ['mail'],
      summary: 'Change the outgoing-mail settings; fields left out keep their value',
      request: { body: body(mailSettingsInput) },
      responses: { 200: json(mailSettingsSchema, 'Mail settings'), 400: errorResponses[400], 401: errorResponses[401] },
    }),
    async (c) => {
      await updateMailSettings(c.get('ctx').database, c.req.valid('json'));
      return c.json(await mailSettingsView(db(c)), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/mail/test',
      operationId: 'sendMailTest',
      tags: ['mail'],
      summary: "Send a test message now through the SMTP settings; answers with the server's response or why it failed",
      request: { body: { required: false, content: { 'application/json': { schema: testSendInput } } } },
      responses: { 200: json(testSendResult, 'What the SMTP server answered'), 400: errorResponses[400], 401: errorResponses[401] },
    }),
    async (c) => {
      const text = await c.req.text();
      let raw: unknown = {};
      try {
        raw = text.trim() ? JSON.parse(text) : {};
      } catch {
        throw invalid('the body is not JSON', { body: ['not JSON'] });
      }
      const parsed = testSendInput.safeParse(raw);
      if (!parsed.success) throw invalid('invalid test message', issuesToFields(parsed.error.issues));
      const input = parsed.data;
      return c.json(await sendTestMessage(c.get('ctx').database, input), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/messages',
      operationId: 'listMessages',
      tags: ['mail'],
      summary: 'Sent and queued email, newest first (filter by status, customer, related record, purpose)',
      request: { query: messageListQuery },
      responses: { 200: json(page(messageSchema), 'A page of messages'), 400: errorResponses[400], 401: errorResponses[401] },
    }),
    async (c) => c.json(await listMessages(db(c), c.req.valid('query')), 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/messages/{id}',
      operationId: 'getMessage',
      tags: ['mail'],
      summary: 'One message with its bodies',
      request: { params: idParam },
      responses: { 200: json(messageDetailSchema, 'The message'), 401: errorResponses[401], 404: errorResponses[404] },
    }),
    async (c) => c.json(await getMessage(db(c), c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/senders',
      operationId: 'listSenders',
      tags: ['mail'],
      summary: 'Sender identities with the DNS records to publish',
      responses: { 200: json(z.object({ data: z.array(senderSchema) }), 'Senders'), 401: errorResponses[401] },
    }),
    async (c) => c.json({ data: await listSenders(db(c)) }, 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/senders',
      operationId: 'createSender',
      tags: ['mail'],
      summary: 'Add a sender; Rapport generates its DKIM key pair (RSA 2048)',
      request: { body: body(senderInput) },
      responses: { 201: json(senderSchema, 'Created'), 400: errorResponses[400], 401: errorResponses[401], 409: errorResponses[409] },
    }),
    async (c) => c.json(await inTransaction(c.get('ctx'), (trx) => createSender(trx, c.req.valid('json'))), 201),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/senders/{id}',
      operationId: 'getSender',
      tags: ['mail'],
      summary: 'One sender',
      request: { params: idParam },
      responses: { 200: json(senderSchema, 'The sender'), 401: errorResponses[401], 404: errorResponses[404] },
    }),
    async (c) => c.json(await getSender(db(c), c.req.valid('param').id), 200),
  );
  app.openapi(
    createRoute({
      method: 'patch',
      path: '/api/senders/{id}',
      operationId: 'updateSender',
      tags: ['mail'],
      summary: 'Change a sender (name, reply-to, default, rate limits)',
      request: { params: idParam, body: body(senderPatch) },
      responses: { 200: json(senderSchema, 'Updated'), 400: errorResponses[400], 401: errorResponses[401], 404: errorResponses[404] },
    }),
    async (c) => c.json(await inTransaction(c.get('ctx'), (trx) => updateSender(trx, c.req.valid('param').id, c.req.valid('json'))), 200),
  );
  app.openapi(
    createRoute({
      method: 'delete',
      path: '/api/senders/{id}',
      operationId: 'deleteSender',
      tags: ['mail'],
      summary: 'Remove a sender (its queued mail goes out with the default settings)',
      request: { params: idParam },
      responses: { 204: { description: 'Removed' }, 401: errorResponses[401], 404: errorResponses[404] },
    }),
    async (c) => {
      await inTransaction(c.get('ctx'), (trx) => deleteSender(trx, c.req.valid('param').id));
      return c.body(null, 204);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/senders/{id}/dns-check',
      operationId: 'checkSenderDns',
      tags: ['mail'],
      summary: 'Looks up the DKIM, SPF and DMARC records of the sender domain and compares them with what Rapport expects',
      request: { params: idParam },
      responses: { 200: json(z.object({ data: z.array(recordCheckSchema) }), 'One check per record'), 401: errorResponses[401], 404: errorResponses[404] },
    }),
    async (c) => c.json({ data: await checkSenderDns(db(c), c.req.valid('param').id) }, 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/suppressions',
      operationId: 'listSuppressions',
      tags: ['mail'],
      summary: 'Addresses that get no mail (unsubscribed, hard bounce, complaint, added by hand)',
      request: {
        query: z.object({
          reason: z.enum(suppressionReasons).optional(),
          customer_id: z.string().max(40).optional(),
          limit: z.coerce.number().int().min(1).max(500).optional(),
          cursor: z.string().max(40).optional(),
        }),
      },
      responses: { 200: json(page(suppressionSchema), 'A page of suppressions'), 400: errorResponses[400], 401: errorResponses[401] },
    }),
    async (c) => {
      const q = c.req.valid('query');
      return c.json(await listSuppressions(db(c), { reason: q.reason, customerId: q.customer_id, before: q.cursor, limit: q.limit ?? 50 }), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/suppressions',
      operationId: 'addSuppression',
      tags: ['mail'],
      summary: 'Suppress an address by hand (an address already listed keeps its entry)',
      request: { body: body(suppressionInput) },
      responses: { 201: json(suppressionSchema, 'The entry'), 400: errorResponses[400], 401: errorResponses[401] },
    }),
    async (c) => {
      const input = c.req.valid('json');
      const ctx = c.get('ctx');
      return c.json(await inTransaction(ctx, (trx) => addSuppression(trx, ctx.actor, { address: input.address, reason: 'manual', note: input.note ?? null })), 201);
    },
  );
  app.openapi(
    createRoute({
      method: 'delete',
      path: '/api/suppressions/{id}',
      operationId: 'removeSuppression',
      tags: ['mail'],
      summary: 'Take an address off the suppression list',
      request: { params: idParam },
      responses: { 204: { description: 'Removed' }, 401: errorResponses[401], 404: errorResponses[404] },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      await inTransaction(ctx, (trx) => removeSuppression(trx, ctx.actor, c.req.valid('param').id));
      return c.body(null, 204);
    },
  );
}
