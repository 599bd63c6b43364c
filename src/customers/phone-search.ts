/**
 * The words a customer's phone numbers add to the search document, so a number is found however it is
 * typed: the digits as entered, international without "+" (32470536746), national as dialled inside the
 * country (0470536746) and the national number alone (470536746). Full-text search matches word
 * prefixes, so each form must be a word of its own.
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import type { PhoneEntry } from '../schema/fields.js';

export function phoneSearchWords(phones: PhoneEntry[]): string[] {
  const out = new Set<string>();
  for (const p of phones) {
    const digits = p.raw.replace(/\D/g, '');
    if (digits) out.add(digits);
    if (!p.e164) continue;
    out.add(p.e164.slice(1));
    const parsed = parsePhoneNumberFromString(p.e164);
    if (!parsed) continue;
    out.add(parsed.formatNational().replace(/\D/g, ''));
    out.add(String(parsed.nationalNumber));
  }
  return [...out];
}

/**
 * A search that looks like a phone number ("0470 53 67 46", "+32 (0)470-53.67.46") as one word of its
 * digits, which the document holds whole; any other search as given. "(0)" is the trunk prefix some
 * write after the country code: dropped.
 */
export function phoneQuery(q: string): string {
  const text = q.trim();
  if (!/^\+?[\d\s().\-/]+$/.test(text)) return q;
  const digits = text.replace(/\(0\)/g, '').replace(/\D/g, '');
  return digits.length >= 4 ? digits : q;
}
