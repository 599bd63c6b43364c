/**
 * Turns a queued message row into what nodemailer sends (pure): multipart text + HTML, a Message-ID
 * derived from the row (a resend after a crash carries the same one), the caller's extra headers, and
 * for marketing mail the RFC 8058 List-Unsubscribe headers and a footer link to the preference page.
 * Tracking (open pixel, signed click redirects) is added only when the business turned it on and the
 * customer consented to email.
 */
import type { SendMailOptions } from 'nodemailer';
import { verpAddress } from './inbound-classify.js';
import { clickToken, openToken, unsubscribeToken } from './tokens.js';

export interface MessageRow {
  id: string;
  purpose: string;
  to_address: string;
  customer_id: string | null;
  subject: string;
  text_body: string;
  html_body: string | null;
  headers: string | null;
  attachments: string | null;
  attempts: number;
  sender_id: string | null;
}

export interface ComposeContext {
  from: { name: string | null; address: string };
  replyTo: string | null;
  /** The https base of this Rapport, for unsubscribe and tracking links. */
  publicUrl: string | null;
  secret: Buffer;
  trackOpens: boolean;
  trackClicks: boolean;
  dkim?: { domainName: string; keySelector: string; privateKey: string };
  /** The VERP return-path domain (Settings → Email); unset: the envelope sender is the From address. */
  bounceDomain?: string | null;
}

export const messageIdFor = (rowId: string, fromAddress: string) => `<${rowId}@${fromAddress.slice(fromAddress.lastIndexOf('@') + 1).toLowerCase()}>`;

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Rewrites http(s) links of the HTML part to signed click redirects. */
function trackLinks(html: string, wrap: (url: string) => string): string {
  return html.replace(/(<a\b[^>]*?\bhref\s*=\s*)(["'])(https?:\/\/[^"']+)\2/gi, (_m, before: string, quote: string, url: string) => {
    const decoded = url.replace(/&amp;/g, '&');
    return `${before}${quote}${escapeHtml(wrap(decoded))}${quote}`;
  });
}

function appendToBody(html: string, fragment: string): string {
  const close = html.search(/<\/body\s*>/i);
  return close >= 0 ? html.slice(0, close) + fragment + html.slice(close) : html + fragment;
}

/** Whether the message needs a public https address that is not configured (marketing mail). */
export const needsPublicUrl = (row: Pick<MessageRow, 'purpose'>, ctx: Pick<ComposeContext, 'publicUrl'>) => row.purpose === 'marketing' && !ctx.publicUrl;

export function composeMessage(row: MessageRow, ctx: ComposeContext, tracking: { consented: boolean }): SendMailOptions {
  const extra = row.headers ? (JSON.parse(row.headers) as Record<string, string>) : {};
  const headers: Record<string, string> = { ...extra };
  let text = row.text_body;
  let html = row.html_body ?? undefined;
  const base = ctx.publicUrl;
  if (row.purpose === 'marketing' && base) {
    const preferences = `${base}/u/${unsubscribeToken(ctx.secret, row.id)}`;
    const mailto = `mailto:${ctx.replyTo ?? ctx.from.address}?subject=unsubscribe`;
    headers['List-Unsubscribe'] = `<${preferences}>, <${mailto}>`;
    headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click';
    text += `\n\n--\nUnsubscribe or change your email preferences: ${preferences}\n`;
    if (html !== undefined) html = appendToBody(html, `<p style="font-size:12px;color:#666"><a href="${escapeHtml(preferences)}">Unsubscribe or change your email preferences</a></p>`);
  }
  if (html !== undefined && base && tracking.consented) {
    if (ctx.trackClicks) {
      const own = `${base}/u/`;
      html = trackLinks(html, (url) => (url.startsWith(own) ? url : `${base}/t/c/${clickToken(ctx.secret, row.id, url)}`));
    }
    if (ctx.trackOpens) html = appendToBody(html, `<img src="${escapeHtml(`${base}/t/o/${openToken(ctx.secret, row.id)}`)}" width="1" height="1" alt="" style="display:block;border:0">`);
  }
  const attachments = row.attachments
    ? (JSON.parse(row.attachments) as { filename: string; contentType: string; content: string }[]).map((a) => ({
        filename: a.filename,
        contentType: a.contentType,
        content: Buffer.from(a.content, 'base64'),
      }))
    : undefined;
  return {
    from: ctx.from.name ? { name: ctx.from.name, address: ctx.from.address } : ctx.from.address,
    to: row.to_address,
    replyTo: ctx.replyTo ?? undefined,
    subject: row.subject,
    text,
    html,
    attachments,
    headers,
    messageId: messageIdFor(row.id, ctx.from.address),
    date: new Date(),
    dkim: ctx.dkim,
    // VERP: the envelope sender names the message, so its bounce can be matched to it.
    envelope: ctx.bounceDomain ? { from: verpAddress(row.id, ctx.bounceDomain), to: [row.to_address] } : undefined,
    // Where the server supports DSN (RFC 3461): a failure or delay report carries the row id as
    // Original-Envelope-Id and only the headers of the message (RET=HDRS).
    dsn: { id: row.id, return: 'headers', notify: ['failure', 'delay'], recipient: row.to_address },
  };
}
