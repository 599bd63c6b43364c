/**
 * What an inbound email is, before anyone reads it: a bounce (a delivery status notification, RFC 3464,
 * or a mail server's plain-text report), a complaint (an ARF feedback report, RFC 5965), an automatic
 * reply (RFC 3834 `Auto-Submitted`, `X-Autoreply`, `Precedence`, vacation subjects) or a normal message.
 * Bounces name the message they are about through the VERP return path (`bounces+<message id>@…`), the
 * Original-Envelope-Id or the Message-ID of the returned headers, which Rapport derives from the row id.
 * Pure apart from parsing: the database side is `handleBounceMail` (bounce-inbound.ts).
 */
import PostalMime, { type Email } from 'postal-mime';

export interface InboundClass {
  kind: 'bounce' | 'complaint' | 'auto_reply' | 'normal';
  /** For a bounce: hard (5.x.x), soft (4.x.x); for a complaint: the reported recipient and message. */
  bounce?: {
    type: 'hard' | 'soft';
    /** The enhanced status code (RFC 3463), e.g. 5.1.1; "5.0.0"/"4.0.0" when only the class is known. */
    status: string;
    recipient?: string;
    /** Rapport's message row id, from the VERP address or the original Message-ID. */
    messageId?: string;
    diagnostic?: string;
  };
  complaint?: { feedbackType: string; recipient?: string; messageId?: string };
  /** Why the mail was put in this class, in words. */
  reason?: string;
}

/** Rapport's message row ids (`msg_` + 26 Crockford base32 characters). */
const rowIdPattern = /msg_[0-9a-hjkmnp-tv-z]{26}/i;
/** The VERP return path: `bounces+<row id>@<bounce domain>`. */
const verpPattern = /bounces\+(msg_[0-9a-hjkmnp-tv-z]{26})@/i;

/** The VERP envelope sender for a message: `bounces+<id>@<domain>`. */
export const verpAddress = (rowId: string, bounceDomain: string) => `bounces+${rowId}@${bounceDomain.toLowerCase()}`;

/** The message row id named by a VERP address, or undefined. */
export function rowIdFromVerp(address: string): string | undefined {
  return verpPattern.exec(address)?.[1]?.toLowerCase();
}

/** The row id inside a Message-ID Rapport generated (`<msg_…@domain>`), or undefined. */
export function rowIdFromMessageId(messageId: string | undefined | null): string | undefined {
  if (!messageId) return undefined;
  const m = /<?\s*(msg_[0-9a-hjkmnp-tv-z]{26})@[^>\s]+>?/i.exec(messageId);
  return m?.[1]?.toLowerCase();
}

type Fields = Map<string, string[]>;

/** Header-style fields (`Name: value` with folded continuation lines), as in delivery-status and feedback-report parts. */
function parseFieldBlock(text: string): Fields {
  const fields: Fields = new Map();
  let last: { key: string; index: number } | null = null;
  for (const line of text.split(/\r?\n/)) {
    if (/^[ \t]/.test(line) && last) {
      const list = fields.get(last.key)!;
      list[last.index] += ' ' + line.trim();
      continue;
    }
    const m = /^([A-Za-z0-9-]+)\s*:\s*(.*)$/.exec(line);
    if (!m) {
      last = null;
      continue;
    }
    const key = m[1].toLowerCase();
    const list = fields.get(key) ?? [];
    list.push(m[2].trim());
    fields.set(key, list);
    last = { key, index: list.length - 1 };
  }
  return fields;
}

/** The blocks of a delivery-status part: the per-message block first, then one per recipient. */
function statusBlocks(text: string): Fields[] {
  return text
    .replace(/\r\n/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((b) => b.trim())
    .filter(Boolean)
    .map(parseFieldBlock);
}

const first = (f: Fields, key: string) => f.get(key)?.[0];
/** `rfc822; user@example.org` or `RFC822; <user@example.org>` -> the address. */
const addressOf = (v: string | undefined) => {
  if (!v) return undefined;
  const after = v.includes(';') ? v.slice(v.indexOf(';') + 1) : v;
  const m = /<?([^<>\s;]+@[^<>\s;]+)>?/.exec(after.trim());
  return m ? m[1].toLowerCase() : undefined;
};

const contentText = (content: ArrayBuffer | Uint8Array | string) => (typeof content === 'string' ? content : Buffer.from(content as ArrayBuffer).toString('utf8'));

const enhancedStatus = /\b([245])\.(\d{1,3})\.(\d{1,3})\b/;

/** The status from a Status field, else from the diagnostic text (an enhanced code or a three-digit SMTP reply). */
function statusFrom(status: string | undefined, diagnostic: string | undefined): string | undefined {
  const s = status ? enhancedStatus.exec(status) : null;
  const d0 = diagnostic ? enhancedStatus.exec(diagnostic) : null;
  // A generic X.0.0 status with a precise code of the same class in the server's answer: the precise one.
  if (s && s[2] === '0' && s[3] === '0' && d0 && d0[1] === s[1]) return `${d0[1]}.${d0[2]}.${d0[3]}`;
  if (s) return `${s[1]}.${s[2]}.${s[3]}`;
  const d = diagnostic ? enhancedStatus.exec(diagnostic) : null;
  if (d) return `${d[1]}.${d[2]}.${d[3]}`;
  const reply = diagnostic ? /\b([45])\d\d\b/.exec(diagnostic) : null;
  if (reply) return `${reply[1]}.0.0`;
  if (status && /^[245]/.test(status.trim())) return `${status.trim()[0]}.0.0`;
  return undefined;
}

function headerValue(mail: Email, name: string): string | undefined {
  return mail.headers.find((h) => h.key === name)?.value;
}
function headerValues(mail: Email, name: string): string[] {
  return mail.headers.filter((h) => h.key === name).map((h) => h.value);
}

/** The Message-ID, To and Return-Path of the message a report returns (message/rfc822 or text/rfc822-headers). */
async function returnedMessage(mail: Email): Promise<{ messageId?: string; to?: string; returnPath?: string } | undefined> {
  const part = mail.attachments.find((a) => /^(message\/rfc822|text\/rfc822-headers|message\/rfc822-headers)$/i.test(a.mimeType));
  if (!part) return undefined;
  const text = contentText(part.content);
  const headerText = text.split(/\r?\n\r?\n/)[0];
  const fields = parseFieldBlock(headerText);
  return { messageId: first(fields, 'message-id'), to: addressOf(first(fields, 'to')), returnPath: first(fields, 'return-path') };
}

/** Our row id anywhere the bounce may carry it: the VERP address in its headers, the envelope id, the returned Message-ID. */
function findRowId(mail: Email, raw: string, candidates: (string | undefined)[]): string | undefined {
  for (const h of mail.headers) {
    const id = rowIdFromVerp(h.value);
    if (id) return id;
  }
  for (const c of candidates) {
    if (!c) continue;
    const id = rowIdFromVerp(c) ?? rowIdFromMessageId(c) ?? (rowIdPattern.test(c.trim()) && /^msg_/i.test(c.trim()) ? c.trim().toLowerCase() : undefined);
    if (id) return id;
  }
  // A report that quotes the original headers in its body (plain-text bounces).
  const verp = rowIdFromVerp(raw);
  if (verp) return verp;
  const mid = /^\s*Message-ID:\s*(<[^>\r\n]+>)/im.exec(raw.slice(raw.search(/\r?\n\r?\n/) + 1));
  return rowIdFromMessageId(mid?.[1]);
}

const autoReplySubject =
  /^\s*(auto(matic)?[ -]?(reply|response|answer|antwort)|auto:|out of (the )?office|ooo\b|on vacation|vacation( reply)?|abwesenheit|abwesend|absence|r[ée]ponse automatique|absent|respuesta autom[áa]tica|fuera de la oficina|risposta automatica|automatisch antwoord|autosvar|automaattinen vastaus)/i;

/** An automatic reply per RFC 3834 and the headers and subjects mail systems use in practice; the reason or null. */
function autoReplyReason(mail: Email): string | null {
  const auto = headerValue(mail, 'auto-submitted');
  if (auto && !/^\s*no\b/i.test(auto)) return `Auto-Submitted: ${auto.trim()}`;
  if (headerValue(mail, 'x-autoreply') !== undefined) return 'X-Autoreply header';
  if (headerValue(mail, 'x-autorespond') !== undefined) return 'X-Autorespond header';
  if (headerValue(mail, 'x-autoresponder') !== undefined) return 'X-Autoresponder header';
  const precedence = headerValue(mail, 'precedence');
  if (precedence && /^\s*(bulk|junk|auto_reply)\b/i.test(precedence)) return `Precedence: ${precedence.trim()}`;
  const suppress = headerValue(mail, 'x-auto-response-suppress');
  if (suppress && /\b(oof|all)\b/i.test(suppress) && autoReplySubject.test(mail.subject ?? '')) return 'out-of-office reply';
  if (autoReplySubject.test(mail.subject ?? '')) return `automatic-reply subject: ${mail.subject}`;
  return null;
}

const daemonSender = /^(mailer[-_]?daemon|postmaster|mail[-_]?delivery[-_]?(system|subsystem)?|mdaemon|mailerdaemon)@/i;
const bounceSubject =
  /(undeliver|undelivered|delivery (status notification|failure|has failed|failed|notification|problem)|returned mail|return(ed)? to sender|failure notice|mail delivery (failed|failure|system|subsystem)|non[- ]?delivery|nondeliverable|could not be delivered|delivery report|mail system error|permanent (error|failure)|message not delivered|rejected|unzustellbar|non remis|no entregado|warning: could not send|mail could not be delivered|delivery notification)/i;

const softWords =
  /(mailbox (is )?full|over ?quota|quota exceeded|exceeded (the )?(storage|quota)|insufficient (system )?storage|temporar(il)?y|try again|too many (messages|connections)|greylist|deferred|delayed|not yet been delivered|timed? ?out|connection refused|unable to connect|mailbox is busy|resources|hosts? have been failing|retry time(out)? exceeded)/i;
const hardWords =
  /(user unknown|unknown user|no such (user|address|mailbox|recipient)|does not exist|doesn't exist|not exist|invalid (recipient|address|mailbox)|address rejected|recipient (address )?rejected|unknown (recipient|address|mailbox)|mailbox (unavailable|not found|disabled)|account (has been )?(disabled|closed|suspended|deactivated)|not found|no mailbox|unrouteable|host (or domain name )?not found|domain (not found|does not exist)|no mx|relay(ing)? (access )?denied|blocked|blacklist|spam|rejected|policy|not accepted|refused)/i;

/** A plain-text report from a mail server (no RFC 3464 part): the status from its codes, else from its words. */
function plainBounce(mail: Email): { status: string; diagnostic?: string } | null {
  const from = mail.from?.address ?? '';
  const subject = mail.subject ?? '';
  const returnPath = headerValue(mail, 'return-path');
  const nullSender = returnPath !== undefined && /^\s*<\s*>\s*$/.test(returnPath);
  const looksLikeBounce = daemonSender.test(from) || bounceSubject.test(subject) || (nullSender && /mailer|daemon|postmaster|delivery/i.test(from + ' ' + (mail.from?.name ?? '')));
  if (!looksLikeBounce) return null;
  const body = `${mail.text ?? ''}\n${(mail.attachments ?? [])
    .filter((a) => /^text\/plain$/i.test(a.mimeType))
    .map((a) => contentText(a.content))
    .join('\n')}`;
  // Only the report, not the returned original below it.
  const report = body.split(/^-{2,}.*(original message|returned message|headers of the original|message headers follow).*$|^\s*(Content-Type: message\/rfc822|Received: from )/im)[0] ?? body;
  const codes = report.match(/\b[245]\.\d{1,3}\.\d{1,3}\b/g)?.filter((c) => !/^2/.test(c));
  const line = report
    .split(/\r?\n/)
    .find((l) => /\b[45]\d\d\b|\b[45]\.\d{1,3}\.\d{1,3}\b/.test(l))
    ?.trim();
  if (codes?.length) {
    const hard = codes.find((c) => c.startsWith('5'));
    return { status: hard ?? codes[0], diagnostic: line };
  }
  // "This is a permanent error" is boilerplate of some servers even for temporary reasons; these are not.
  if (/(failed|failure) permanently|permanent failure/i.test(report)) return { status: '5.0.0', diagnostic: line };
  const reply = /(?:^|[\s(:"])([45])\d\d[\s-](?!\w*\s*(?:bytes|KB|MB|days|hours))/m.exec(report);
  if (reply) return { status: `${reply[1]}.0.0`, diagnostic: line };
  // Words alone: a temporary reason makes it soft, else a permanent one (or a mail daemon's report) hard.
  const soft = softWords.exec(report);
  if (soft) return { status: '4.0.0', diagnostic: soft[0] };
  const hard = hardWords.exec(report);
  if (hard || daemonSender.test(from)) return { status: '5.0.0', diagnostic: hard?.[0] };
  return null;
}

/**
 * Delivery-status fields outside a proper message/delivery-status part (a report whose MIME structure is
 * broken, or that quotes the fields in text): the lines from the first Reporting-MTA or Final-Recipient
 * up to the next MIME boundary, when they hold an Action or a Status.
 */
function looseDeliveryStatus(raw: string): string | undefined {
  const start = /^(Reporting-MTA|Final-Recipient|Original-Recipient)\s*:/im.exec(raw);
  if (!start) return undefined;
  const rest = raw.slice(start.index);
  const end = rest.search(/^--\S/m);
  const block = end > 0 ? rest.slice(0, end) : rest.slice(0, 20_000);
  return /^(Action|Status)\s*:/im.test(block) && /^Final-Recipient\s*:/im.test(block) ? block : undefined;
}

/** Classifies an inbound email. Never throws on bad input: what cannot be parsed is "normal". */
export async function classifyInboundMail(raw: Buffer | string): Promise<InboundClass> {
  const rawText = typeof raw === 'string' ? raw : raw.toString('latin1');
  let mail: Email;
  try {
    mail = await PostalMime.parse(typeof raw === 'string' ? raw : new Uint8Array(raw.buffer, raw.byteOffset, raw.byteLength));
  } catch {
    return { kind: 'normal', reason: 'the message could not be parsed' };
  }
  const contentType = headerValue(mail, 'content-type') ?? '';
  const reportType = /report-type\s*=\s*"?([\w-]+)/i.exec(contentType)?.[1]?.toLowerCase();

  // ARF (RFC 5965): a feedback report about a message someone marked as spam.
  const feedback = mail.attachments.find((a) => /^message\/feedback-report$/i.test(a.mimeType));
  if (feedback || reportType === 'feedback-report') {
    const fields = feedback ? parseFieldBlock(contentText(feedback.content)) : new Map<string, string[]>();
    const original = await returnedMessage(mail);
    const recipient = addressOf(first(fields, 'original-rcpt-to')) ?? original?.to;
    const feedbackType = (first(fields, 'feedback-type') ?? 'abuse').toLowerCase();
    const messageId = findRowId(mail, rawText, [original?.returnPath, original?.messageId, ...(fields.get('original-mail-from') ?? [])]);
    return { kind: 'complaint', complaint: { feedbackType, recipient, messageId }, reason: `feedback report (${feedbackType})` };
  }

  // DSN (RFC 3464): a delivery-status part with one block per recipient.
  const dsnPart = mail.attachments.find((a) => /^message\/(global-)?delivery-status$/i.test(a.mimeType));
  const dsnText = dsnPart ? contentText(dsnPart.content) : looseDeliveryStatus(rawText);
  if (dsnText) {
    const blocks = statusBlocks(dsnText);
    const perMessage = blocks.find((b) => b.has('reporting-mta') || b.has('original-envelope-id') || b.has('arrival-date')) ?? new Map();
    const recipients = blocks.filter((b) => b.has('final-recipient') || b.has('action') || b.has('status'));
    const parsed = recipients.map((b) => {
      const diagnostic = first(b, 'diagnostic-code');
      return {
        action: (first(b, 'action') ?? '').toLowerCase(),
        status: statusFrom(first(b, 'status'), diagnostic),
        recipient: addressOf(first(b, 'final-recipient') ?? first(b, 'original-recipient')),
        diagnostic,
      };
    });
    const original = await returnedMessage(mail);
    const messageId = findRowId(mail, rawText, [first(perMessage, 'original-envelope-id'), original?.returnPath, original?.messageId]);
    const failed = parsed.filter((p) => /^(failed|expired)/.test(p.action) || (p.status && /^[45]/.test(p.status) && !/^(delayed|delivered|relayed|expanded)/.test(p.action)));
    // Hard outranks soft when one report names several recipients (Rapport sends each message to one).
    const worst = failed.find((p) => p.status?.startsWith('5')) ?? failed.find((p) => p.status?.startsWith('4')) ?? failed[0];
    if (worst) {
      const status = worst.status ?? '5.0.0';
      return {
        kind: 'bounce',
        bounce: { type: status.startsWith('4') ? 'soft' : 'hard', status, recipient: worst.recipient, messageId, diagnostic: worst.diagnostic },
        reason: `delivery status notification: ${worst.action || 'failed'} ${status}`,
      };
    }
    // Delayed (the server keeps trying): a soft bounce, as a temporary failure.
    const delayed = parsed.find((p) => p.action.startsWith('delayed'));
    if (delayed) {
      const status = delayed.status && delayed.status.startsWith('4') ? delayed.status : '4.0.0';
      return { kind: 'bounce', bounce: { type: 'soft', status, recipient: delayed.recipient, messageId, diagnostic: delayed.diagnostic }, reason: `delivery status notification: delayed ${status}` };
    }
    if (parsed.length) return { kind: 'auto_reply', reason: `delivery status notification: ${parsed[0].action || 'no action'} (not a failure)` };
  }

  // A plain-text report from a mail server (many do not send RFC 3464 reports).
  const plain = plainBounce(mail);
  if (plain) {
    const original = await returnedMessage(mail);
    const messageId = findRowId(mail, rawText, [original?.returnPath, original?.messageId]);
    const recipient = original?.to;
    return {
      kind: 'bounce',
      bounce: { type: plain.status.startsWith('4') ? 'soft' : 'hard', status: plain.status, recipient, messageId, diagnostic: plain.diagnostic },
      reason: `mail server report (${plain.status})`,
    };
  }

  const auto = autoReplyReason(mail);
  if (auto) return { kind: 'auto_reply', reason: auto };
  return { kind: 'normal' };
}
