/** Reading the message log (`/api/messages`) and the test send of the settings page. */
import { z } from '@hono/zod-openapi';
import nodemailer from 'nodemailer';
import type { Database, Db } from '../core/database.js';
import { invalid, notFound } from '../core/errors.js';
import { bulkSenderThreshold, sentToday } from './rate-limit.js';
import { getMailSettings, isLoopbackHost, mailSettingsSchema, ownerAddress, smtpSettings } from './settings.js';
import { transportOptions } from './transport.js';

const messageStatuses = ['queued', 'sending', 'sent', 'failed', 'suppressed', 'bounced_soft', 'bounced_hard', 'complained'] as const;

export const messageSchema = z
  .object({
    id: z.string(),
    purpose: z.enum(['transactional', 'marketing', 'notification']),
    status: z.enum(messageStatuses),
    sender_id: z.string().nullable(),
    to_address: z.string(),
    customer_id: z.string().nullable(),
    subject: z.string(),
    related_entity: z.string().nullable(),
    related_id: z.string().nullable(),
    attempts: z.number().int(),
    next_attempt_at: z.string(),
    message_id: z.string().nullable().openapi({ description: 'The Message-ID header sent' }),
    provider_response: z.string().nullable().openapi({ description: "The SMTP server's last answer" }),
    error: z.string().nullable(),
    opened_at: z.string().nullable(),
    clicked_at: z.string().nullable(),
    created_at: z.string(),
    updated_at: z.string(),
    sent_at: z.string().nullable(),
  })
  .openapi('Message');
export const messageDetailSchema = messageSchema
  .extend({ text_body: z.string(), html_body: z.string().nullable(), attachments: z.array(z.object({ filename: z.string(), content_type: z.string(), size: z.number().int() })) })
  .openapi('MessageDetail');

export type Message = z.infer<typeof messageSchema>;

const summaryColumns = [
  'id',
  'purpose',
  'status',
  'sender_id',
  'to_address',
  'customer_id',
  'subject',
  'related_entity',
  'related_id',
  'attempts',
  'next_attempt_at',
  'message_id',
  'provider_response',
  'error',
  'opened_at',
  'clicked_at',
  'created_at',
  'updated_at',
  'sent_at',
] as const;

const toMessage = (r: Record<string, unknown>): Message => ({ ...(r as unknown as Message), attempts: Number(r.attempts) });

export const messageListQuery = z.object({
  status: z.enum(messageStatuses).optional(),
  customer_id: z.string().max(40).optional(),
  related_entity: z.string().max(64).optional(),
  related_id: z.string().max(40).optional(),
  purpose: z.enum(['transactional', 'marketing', 'notification']).optional(),
  limit: z.coerce.number().int().min(1).max(500).optional().openapi({ description: 'Page size (default 50)' }),
  cursor: z.string().max(40).optional().openapi({ description: 'next_cursor of the previous page' }),
});

/** Newest first, by id (ids sort by creation time). */
export async function listMessages(db: Db, q: z.infer<typeof messageListQuery>): Promise<{ data: Message[]; next_cursor: string | null }> {
  const limit = q.limit ?? 50;
  let query = db
    .selectFrom('messages')
    .select([...summaryColumns])
    .orderBy('id', 'desc')
    .limit(limit + 1);
  if (q.status) query = query.where('status', '=', q.status);
  if (q.customer_id) query = query.where('customer_id', '=', q.customer_id);
  if (q.related_entity) query = query.where('related_entity', '=', q.related_entity);
  if (q.related_id) query = query.where('related_id', '=', q.related_id);
  if (q.purpose) query = query.where('purpose', '=', q.purpose);
  if (q.cursor) query = query.where('id', '<', q.cursor);
  const rows = (await query.execute()).map(toMessage);
  const data = rows.slice(0, limit);
  return { data, next_cursor: rows.length > limit ? data[data.length - 1].id : null };
}

export async function getMessage(db: Db, id: string): Promise<z.infer<typeof messageDetailSchema>> {
  const r = await db.selectFrom('messages').selectAll().where('id', '=', id).executeTakeFirst();
  if (!r) throw notFound('message', id);
  const attachments = r.attachments
    ? (JSON.parse(r.attachments as string) as { filename: string; contentType: string; content: string }[]).map((a) => ({
        filename: a.filename,
        content_type: a.contentType,
        size: Buffer.from(a.content, 'base64').length,
      }))
    : [];
  const summary = Object.fromEntries(summaryColumns.map((c) => [c, r[c]]));
  return { ...toMessage(summary), text_body: r.text_body as string, html_body: (r.html_body as string | null) ?? null, attachments };
}

/** The settings as the API shows them, with whether mail can go out and deliverability warnings. */
export async function mailSettingsView(db: Db): Promise<z.infer<typeof mailSettingsSchema>> {
  const s = await getMailSettings(db);
  const warnings: string[] = [];
  if (!s.public_url) warnings.push('No public address: marketing email cannot carry its unsubscribe link, so it is not sent.');
  else if (!s.public_url.startsWith('https://')) warnings.push('The public address is not https: mailbox providers ignore one-click unsubscribe links over http.');
  const today = await sentToday(db, 'default');
  const senders = await db.selectFrom('mail_senders').select('id').execute();
  let total = today;
  for (const sender of senders) total += await sentToday(db, sender.id as string);
  if (total >= bulkSenderThreshold * 0.8)
    warnings.push(
      `${total} messages sent today: at ${bulkSenderThreshold.toLocaleString('en')} a day Gmail treats you as a bulk sender (SPF, DKIM and DMARC aligned, one-click unsubscribe, spam rate under 0.3%).`,
    );
  return { ...s, configured: Boolean(s.host && s.from_address), warnings };
}

export const testSendInput = z
  .object({ to: z.email({ message: 'not an email address' }).max(254).optional().openapi({ description: "Where to send the test; default: the owner's address" }) })
  .strict()
  .openapi('MailTestInput');
export const testSendResult = z
  .object({
    ok: z.boolean(),
    to: z.string(),
    response: z.string().nullable().openapi({ description: "The SMTP server's answer" }),
    message_id: z.string().nullable(),
    error: z.string().nullable().openapi({ description: 'Why the server did not accept the test, in words' }),
  })
  .openapi('MailTestResult');

/** Sends a test message at once (not queued) over a fresh connection, and reports the server's answer. */
export async function sendTestMessage(database: Database, input: { to?: string }): Promise<z.infer<typeof testSendResult>> {
  const smtp = await smtpSettings(database.db);
  const settings = await getMailSettings(database.db);
  if (!smtp || !settings.from_address)
    throw invalid('set the SMTP host and the from address first', { ...(smtp ? {} : { host: ['required'] }), ...(settings.from_address ? {} : { from_address: ['required'] }) });
  const to = input.to ?? (await ownerAddress(database.db));
  if (!to) throw invalid('no address to send the test to', { to: ['required'] });
  const transport = nodemailer.createTransport(transportOptions(smtp, false));
  try {
    const info = await transport.sendMail({
      from: settings.from_name ? { name: settings.from_name, address: settings.from_address } : settings.from_address,
      to,
      subject: 'Rapport test message',
      text: `This is a test message from Rapport, sent through ${smtp.host}:${smtp.port} (${smtp.security}${isLoopbackHost(smtp.host) ? ', loopback' : ''}).`,
    });
    return { ok: true, to, response: info.response ?? null, message_id: info.messageId ?? null, error: null };
  } catch (error) {
    const e = error as { code?: string; response?: string; message?: string };
    return { ok: false, to, response: e.response ?? null, message_id: null, error: describeSmtpError(e) };
  } finally {
    transport.close();
  }
}

function describeSmtpError(e: { code?: string; message?: string }): string {
  switch (e.code) {
    case 'ECONNREFUSED':
      return `nothing answers at that host and port (connection refused): ${e.message}`;
    case 'ETIMEDOUT':
    case 'ECONNECTION':
      return `could not connect to the SMTP server: ${e.message}`;
    case 'EDNS':
      return `the host name does not resolve: ${e.message}`;
    case 'EAUTH':
      return `the server refused the user name or password: ${e.message}`;
    case 'ETLS':
      return `TLS failed (check the security setting and port): ${e.message}`;
    default:
      return e.message ?? 'the server did not accept the message';
  }
}
