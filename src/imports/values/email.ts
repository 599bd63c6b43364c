// WHATWG "valid e-mail address" (the syntax browsers check for <input type=email>).
const WHATWG_EMAIL = /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;

/**
 * Returns the address lowercased for matching, or null when it is not deliverable-looking:
 * WHATWG syntax, plus a dot in the domain (a CRM has no use for `user@localhost`) and the
 * RFC 5322 rule WHATWG leaves out: no leading, trailing or doubled dot in the local part.
 */
export function normaliseEmail(raw: string): string | null {
  const address = raw.trim().replace(/^mailto:/i, '');
  if (!WHATWG_EMAIL.test(address)) return null;
  const at = address.lastIndexOf('@');
  const local = address.slice(0, at);
  if (local.startsWith('.') || local.endsWith('.') || local.includes('..')) return null;
  if (!address.slice(at + 1).includes('.')) return null;
  return address.toLowerCase();
}

/** Splits a cell that may hold several addresses ("a@x.com; b@y.com", Google's "a@x.com ::: b@y.com"). */
export function splitEmails(raw: string): string[] {
  return raw
    .split(/:::|[;,\s]+/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}
