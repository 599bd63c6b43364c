/**
 * Inbound mail as the ticket pipeline needs it: a real MIME parse (mailparser) reduced to sender,
 * recipients, subject, the threading keys (Message-ID, In-Reply-To, References, a [#T-n] subject tag,
 * a +T-n plus address), text and HTML bodies and attachments; and the headers-only look used for mail
 * refused as too large.
 */
import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';

export interface InboundMessage {
  messageId: string | null;
  inReplyTo: string | null;
  references: string[];
  from: { address: string; name: string | null } | null;
  /** Every recipient address (To, Cc, Delivered-To, X-Original-To), lower-cased. */
  recipients: string[];
  subject: string;
  text: string;
  html: string | null;
  date: Date | null;
  headers: Map<string, unknown>;
  attachments: { filename: string; contentType: string; content: Buffer }[];
}

/** "<a@b>" -> "a@b"; blanks and over-long ids are dropped. */
export const bareId = (id: string) => id.trim().replace(/^<|>$/g, '').trim().slice(0, 255);

export function idList(value: string | string[] | undefined | null): string[] {
  const all = Array.isArray(value) ? value.join(' ') : (value ?? '');
  return [...all.matchAll(/<([^<>\s]+)>/g)].map((m) => bareId(m[1])).filter(Boolean);
}

const addressesOf = (value: AddressObject | AddressObject[] | undefined) =>
  (Array.isArray(value) ? value : value ? [value] : []).flatMap((a) => a.value.flatMap((v) => [v, ...(v.group ?? [])])).filter((v) => v.address);

const headerText = (headers: Map<string, unknown>, name: string): string => {
  const v = headers.get(name);
  if (v === undefined || v === null) return '';
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return v.map(String).join(', ');
  if (typeof v === 'object' && 'text' in (v as object)) return String((v as { text: unknown }).text);
  if (typeof v === 'object' && 'value' in (v as object)) return String((v as { value: unknown }).value);
  return String(v);
};

function fromParsed(parsed: ParsedMail): InboundMessage {
  const from = addressesOf(parsed.from)[0];
  const recipients = new Set<string>();
  for (const a of [...addressesOf(parsed.to), ...addressesOf(parsed.cc)]) recipients.add(a.address!.toLowerCase());
  for (const name of ['delivered-to', 'x-original-to', 'envelope-to']) for (const m of headerText(parsed.headers, name).matchAll(/[^\s<>,;"]+@[^\s<>,;"]+/g)) recipients.add(m[0].toLowerCase());
  const inReplyTo = idList(parsed.inReplyTo)[0] ?? null;
  return {
    messageId: parsed.messageId ? bareId(parsed.messageId) || null : null,
    inReplyTo,
    references: idList(parsed.references),
    from: from ? { address: from.address!.toLowerCase(), name: from.name || null } : null,
    recipients: [...recipients],
    subject: (parsed.subject ?? '').replace(/[\r\n\t]+/g, ' ').trim(),
    text: parsed.text ?? '',
    html: typeof parsed.html === 'string' ? parsed.html : null,
    date: parsed.date ?? null,
    headers: parsed.headers,
    attachments: (parsed.attachments ?? [])
      .filter((a) => a.contentDisposition !== 'inline' || !a.related)
      .map((a) => ({ filename: a.filename ?? 'attachment', contentType: a.contentType, content: a.content })),
  };
}

export async function parseInbound(raw: Buffer): Promise<InboundMessage> {
  return fromParsed(await simpleParser(raw, { skipImageLinks: true, maxHtmlLengthToParse: 5_000_000 }));
}

/** Only the header block (up to the first blank line, at most 64 KB): for a mail refused unread. */
export async function parseHeadersOnly(head: Buffer): Promise<InboundMessage> {
  const text = head.subarray(0, 64 * 1024).toString('latin1');
  const end = text.search(/\r?\n\r?\n/);
  const block = end >= 0 ? text.slice(0, end) : text;
  return fromParsed(await simpleParser(Buffer.from(`${block}\r\n\r\n`, 'latin1')));
}

/**
 * An automatic reply or a delivery report, by its headers (RFC 3834 Auto-Submitted, the X-Autoreply /
 * X-Autorespond family, Precedence, multipart/report) and the usual vacation subjects. Used when the
 * shared classifier of outgoing mail is not given the message.
 */
export function automaticKind(mail: InboundMessage): 'auto_reply' | 'bounce' | null {
  const h = (name: string) => headerText(mail.headers, name).toLowerCase();
  const contentType = h('content-type');
  if (/multipart\/report/.test(contentType) && /report-type=("?)(delivery-status|disposition-notification|feedback-report)/.test(contentType)) return 'bounce';
  if (/^(mailer-daemon|postmaster)@/i.test(mail.from?.address ?? '') && /(undeliver|delivery status|returned mail|failure notice|delivery failure)/i.test(mail.subject)) return 'bounce';
  const auto = h('auto-submitted');
  if (auto && auto !== 'no') return 'auto_reply';
  if (h('x-autoreply') || h('x-autorespond') || h('x-autoreply-from') || h('x-mail-autoreply')) return 'auto_reply';
  if (/^(auto_reply|bulk|junk)$/.test(h('precedence').trim())) return 'auto_reply';
  if (h('x-auto-response-suppress').includes('all') && /^(automatic reply|auto.?reply|out of (the )?office)/i.test(mail.subject)) return 'auto_reply';
  if (/^(automatic reply|auto.?reply|autoreply|out of (the )?office|abwesenheitsnotiz|automatische antwort|réponse automatique|absence)\b/i.test(mail.subject)) return 'auto_reply';
  return null;
}
