/** Header safety: what a caller may put in a message's headers (pure). */
import { invalid } from '../core/errors.js';

export const hasLineBreak = (value: string) => /[\r\n]/.test(value);

/** RFC 5322 field names: printable US-ASCII except colon. */
const fieldName = /^[!-9;-~]{1,76}$/;

/** Headers Rapport sets itself: a caller's extra headers may not replace them. */
const reserved = new Set([
  'from',
  'to',
  'cc',
  'bcc',
  'subject',
  'date',
  'message-id',
  'sender',
  'reply-to',
  'return-path',
  'mime-version',
  'content-type',
  'content-transfer-encoding',
  'dkim-signature',
  'list-unsubscribe',
  'list-unsubscribe-post',
]);

/** Refuses extra headers that could inject lines or replace Rapport's own; returns them unchanged. */
export function checkExtraHeaders(headers: Record<string, string> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (!fieldName.test(name)) throw invalid(`header name ${JSON.stringify(name)} is not a valid field name`, { headers: [`invalid header name ${JSON.stringify(name)}`] });
    if (reserved.has(name.toLowerCase())) throw invalid(`header ${name} is set by Rapport`, { headers: [`${name} is set by Rapport`] });
    if (typeof value !== 'string' || hasLineBreak(value)) throw invalid(`header ${name} must be one line (no CR or LF)`, { headers: [`${name} must be one line`] });
    if (value.length > 2000) throw invalid(`header ${name} is too long`, { headers: [`${name} is longer than 2000 characters`] });
    out[name] = value;
  }
  return out;
}

/** The domain part of an address ("a@Example.com" -> "example.com"). */
export const domainOf = (address: string) => address.slice(address.lastIndexOf('@') + 1).toLowerCase();
