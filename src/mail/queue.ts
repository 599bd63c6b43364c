/** Queues outgoing mail: a message row written in the caller's transaction, sent after commit by the mail worker. */
import { z } from '@hono/zod-openapi';
import type { Db } from '../core/database.js';
import { appendEvents, type DomainEvent } from '../core/events.js';
import { invalid } from '../core/errors.js';
import { newId } from '../core/ids.js';
import { issuesToFields } from '../records/validation.js';
import { checkExtraHeaders, hasLineBreak } from './headers.js';

const mailPurposes = ['transactional', 'marketing', 'notification'] as const;
type MailPurpose = (typeof mailPurposes)[number];

interface MailAttachment {
  filename: string;
  content: Buffer;
  contentType: string;
}

export interface QueueMailInput {
  to: string;
  subject: string;
  text: string;
  html?: string;
  attachments?: MailAttachment[];
  headers?: Record<string, string>;
  /** Transactional and notification mail needs no marketing consent; marketing mail is checked at send time. */
  purpose: MailPurpose;
  customerId?: string;
  related?: { entity: string; id: string };
  /** A sender identity (`/api/senders`); the default sender when left out. */
  senderId?: string;
  /** Who queued it, for the event (default "system"). */
  actor?: string;
}

const oneLine = (max: number) =>
  z
    .string()
    .max(max)
    .refine((v) => !hasLineBreak(v), { message: 'must be one line (no CR or LF)' });

const inputSchema = z.object({
  to: z.email({ message: 'not an email address' }).max(254),
  subject: oneLine(998).min(1, { message: 'a subject is required' }),
  text: z.string().max(5_000_000),
  html: z.string().max(10_000_000).optional(),
  purpose: z.enum(mailPurposes),
  customerId: z.string().max(40).optional(),
  related: z.object({ entity: oneLine(64).min(1), id: oneLine(40).min(1) }).optional(),
  senderId: z.string().max(40).optional(),
  attachments: z
    .array(z.object({ filename: oneLine(255).min(1), content: z.instanceof(Buffer), contentType: oneLine(255).regex(/^[\w.+-]+\/[\w.+-]+$/, { message: 'a MIME type such as application/pdf' }) }))
    .max(20)
    .optional(),
});

export async function queueMail(trx: Db, input: QueueMailInput): Promise<{ id: string }> {
  return (await queueMails(trx, [input]))[0];
}

/**
 * Queues several messages in the caller's transaction: each is validated as by queueMail (one bad
 * message refuses the whole batch), the rows are written in multi-row inserts and their events in
 * one append. For bulk senders (campaigns); returns the ids in input order.
 */
export async function queueMails(trx: Db, inputs: readonly QueueMailInput[]): Promise<{ id: string }[]> {
  const senders = new Map<string, string | null>();
  const resolveSender = async (wanted: string | undefined): Promise<string | null> => {
    const key = wanted ?? '';
    if (senders.has(key)) return senders.get(key)!;
    let senderId: string | null = wanted ?? null;
    if (senderId) {
      if (!(await trx.selectFrom('mail_senders').select('id').where('id', '=', senderId).executeTakeFirst())) throw invalid(`sender ${senderId} does not exist`, { senderId: ['no such sender'] });
    } else {
      senderId = ((await trx.selectFrom('mail_senders').select('id').where('is_default', '=', 1).limit(1).executeTakeFirst())?.id as string | undefined) ?? null;
    }
    senders.set(key, senderId);
    return senderId;
  };
  const rows: Record<string, unknown>[] = [];
  const events: DomainEvent[] = [];
  const now = new Date().toISOString();
  for (const input of inputs) {
    const parsed = inputSchema.safeParse(input);
    if (!parsed.success) throw invalid('the message cannot be sent as given', issuesToFields(parsed.error.issues));
    const m = parsed.data;
    const headers = checkExtraHeaders(input.headers);
    const senderId = await resolveSender(m.senderId);
    const id = newId('message');
    rows.push(messageRow(id, m, headers, senderId, now));
    events.push({ type: 'message.queued', entity: 'message', entityId: id, data: { purpose: m.purpose, customer_id: m.customerId ?? null, related: m.related ?? null } });
  }
  // Bodies can be large: a statement takes up to 20 rows or about 2 MB of text, whichever comes first.
  let start = 0;
  while (start < rows.length) {
    let end = start;
    let size = 0;
    while (end < rows.length && end - start < 20 && (end === start || size < 2_000_000)) {
      const r = rows[end];
      size += String(r.text_body).length + String(r.html_body ?? '').length + String(r.attachments ?? '').length;
      end++;
    }
    await trx.insertInto('messages').values(rows.slice(start, end)).execute();
    start = end;
  }
  const actors = new Map<string, DomainEvent[]>();
  inputs.forEach((input, i) => {
    const actor = input.actor ?? 'system';
    const list = actors.get(actor);
    if (list) list.push(events[i]);
    else actors.set(actor, [events[i]]);
  });
  for (const [actor, list] of actors) await appendEvents(trx, actor, list);
  return rows.map((r) => ({ id: r.id as string }));
}

function messageRow(id: string, m: z.infer<typeof inputSchema>, headers: Record<string, string>, senderId: string | null, now: string): Record<string, unknown> {
  return {
    id,
    purpose: m.purpose,
    status: 'queued',
    sender_id: senderId,
    to_address: m.to,
    customer_id: m.customerId ?? null,
    subject: m.subject,
    text_body: m.text,
    html_body: m.html ?? null,
    headers: Object.keys(headers).length ? JSON.stringify(headers) : null,
    attachments: m.attachments?.length ? JSON.stringify(m.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, content: a.content.toString('base64') }))) : null,
    related_entity: m.related?.entity ?? null,
    related_id: m.related?.id ?? null,
    attempts: 0,
    next_attempt_at: now,
    claimed_by: null,
    claimed_until: null,
    message_id: null,
    provider_response: null,
    error: null,
    opened_at: null,
    clicked_at: null,
    created_at: now,
    updated_at: now,
    sent_at: null,
  };
}
