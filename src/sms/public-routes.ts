/**
 * The provider's callbacks, outside /api and without sign-in: `POST /sms/status` (delivery reports) and
 * `POST /sms/inbound` (texts to our number: STOP, START...). Each must carry a valid X-Twilio-Signature
 * computed with the stored auth token over the public URL it was sent to: a missing or wrong signature
 * is answered 403 and changes nothing. Small form bodies only.
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppDeps, AppEnv } from '../http/env.js';
import { getMailSettings } from '../mail/settings.js';
import { applyStatusCallback, handleInboundSms } from './service.js';
import { smsAuthToken, smsInboundPath, smsStatusPath } from './settings.js';
import { verifyTwilioSignature } from './twilio.js';

const smsCallbackBodyBytes = 16 * 1024;

const publicRoute = { security: [] as Record<string, string[]>[] };
const form = z.record(z.string(), z.string()).openapi({ description: "The provider's form fields (MessageSid, MessageStatus, ErrorCode, From, To, Body...)" });
const problem = (description: string) => ({ description, content: { 'text/plain': { schema: z.string() } } });

/** The URL the provider signed: the public address of Rapport with the path and query called, else the URL as received. */
async function signedUrl(c: Context<AppEnv>, deps: AppDeps): Promise<string> {
  const publicUrl = (await getMailSettings(deps.database.db)).public_url;
  const url = new URL(c.req.url);
  return publicUrl ? `${publicUrl}${url.pathname}${url.search}` : c.req.url;
}

async function verified(c: Context<AppEnv>, deps: AppDeps): Promise<Record<string, string> | null> {
  const token = await smsAuthToken(deps.database.db);
  if (!token) return null;
  const raw = await c.req.parseBody();
  const params: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw)) if (typeof v === 'string') params[k] = v;
  return verifyTwilioSignature(token, await signedUrl(c, deps), params, c.req.header('x-twilio-signature')) ? params : null;
}

export function registerSmsCallbacks(app: OpenAPIHono<AppEnv>, deps: AppDeps) {
  for (const path of [smsStatusPath, smsInboundPath]) app.use(path, bodyLimit({ maxSize: smsCallbackBodyBytes, onError: (c) => c.text('request body too large', 413) }));

  app.openapi(
    createRoute({
      method: 'post',
      path: smsStatusPath,
      operationId: 'smsStatusCallback',
      tags: ['sms'],
      summary: "The SMS provider's delivery report for a text (signed with X-Twilio-Signature)",
      ...publicRoute,
      request: {
        query: z.object({ id: z.string().max(40).optional().openapi({ description: 'The text the report is about (Rapport puts it in the callback URL)' }) }),
        body: { content: { 'application/x-www-form-urlencoded': { schema: form } } },
      },
      responses: { 204: { description: 'Recorded (or already known)' }, 403: problem('Missing or wrong signature: nothing changed'), 413: problem('Body too large') },
    }),
    async (c) => {
      const params = await verified(c, deps);
      if (!params) return c.text('invalid signature', 403);
      await applyStatusCallback(deps.database, params, c.req.query('id') ?? null);
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: smsInboundPath,
      operationId: 'smsInboundCallback',
      tags: ['sms'],
      summary: 'A text to our number, from the SMS provider (signed); STOP and START change the sender’s SMS consent',
      ...publicRoute,
      request: { body: { content: { 'application/x-www-form-urlencoded': { schema: form } } } },
      responses: {
        200: { description: 'An empty TwiML response (the provider answers STOP and HELP itself)', content: { 'text/xml': { schema: z.string() } } },
        403: problem('Missing or wrong signature: nothing changed'),
        413: problem('Body too large'),
      },
    }),
    async (c) => {
      const params = await verified(c, deps);
      if (!params) return c.text('invalid signature', 403);
      await handleInboundSms(deps.database, params);
      return c.body('<?xml version="1.0" encoding="UTF-8"?><Response></Response>', 200, { 'content-type': 'text/xml; charset=utf-8' });
    },
  );
}
