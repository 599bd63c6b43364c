/**
 * The words a customer's phone numbers add to the search document, so a number is found however it is
 * typed: the digits as entered, international without "+" (32470536746), national as dialled inside the
 * country (0470536746) and the national number alone (470536746). Full-text search matches word
 * prefixes, so each form must be a word of its own.
 */
import { parsePhoneNumberFromString, type PhoneNumber } from 'libphonenumber-js';
import type { PhoneEntry } from '../schema/fields.js';

/**
 * Numbers this process has just parsed elsewhere, by E.164 form: an import's cleaning parses every
 * number it reads, and the search words of the same rows are made moments later. Reusing that parse
 * saves a second one per number, most of a phone's cost in an import. The national form does not
 * depend on which parse made it (full or small metadata, E.164 or national input; imports'
 * `values/phone.test.ts` checks every country, and numbers with an extension). Each is used once,
 * and the oldest go first beyond the limit.
 */
const parsedNumbers = new Map<string, PhoneNumber>();
const parsedLimit = 20_000;

export function rememberParsedNumber(parsed: PhoneNumber): void {
  // An extension would show in its national form; the E.164 form has none.
  if (parsed.ext) return;
  if (parsedNumbers.size >= parsedLimit) parsedNumbers.delete(parsedNumbers.keys().next().value as string);
  parsedNumbers.set(parsed.number, parsed);
}

function parsedNumber(e164: string): PhoneNumber | undefined {
  const known = parsedNumbers.get(e164);
  if (!known) return parsePhoneNumberFromString(e164);
  parsedNumbers.delete(e164);
  return known;
}

export function phoneSearchWords(phones: PhoneEntry[]): string[] {
  const out = new Set<string>();
  for (const p of phones) {
    const digits = p.raw.replace(/\D/g, '');
    if (digits) out.add(digits);
    if (!p.e164) continue;
    out.add(p.e164.slice(1));
    const parsed = parsedNumber(p.e164);
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
