/**
 * The words a customer's phone numbers add to the search document, so a number is found however it is
 * typed: the digits as entered, international without "+" (32470536746), national as dialled inside the
 * country (0470536746) and the national number alone (470536746). Full-text search matches word
 * prefixes, so each form must be a word of its own.
 */
import { parsePhoneNumberFromString, type PhoneNumber } from 'libphonenumber-js';
import type { PhoneEntry } from '../schema/fields.js';

/** A number's search words beyond its digits as entered: national as dialled, and the national number. */
type NationalForms = readonly [national: string, nationalNumber: string];

/** A number's E.164 form with its NationalForms, as one thread hands them to another. */
export type HandedForms = [e164: string, national: string, nationalNumber: string];

/**
 * Numbers this thread has just parsed elsewhere, by E.164 form: an import's cleaning parses every
 * number it reads, and the search words of the same rows are made moments later. Reusing that parse
 * saves a second one per number, most of a phone's cost in an import. The national form does not
 * depend on which parse made it (full or small metadata, E.164 or national input; imports'
 * `values/phone.test.ts` checks every country, and numbers with an extension). A cleaning thread hands
 * its numbers' forms to the importing thread (takeNationalForms, rememberNationalForms). Each is used
 * once, and the oldest go first beyond the limit.
 */
const knownNumbers = new Map<string, PhoneNumber | NationalForms>();
const knownLimit = 20_000;

function remember(e164: string, known: PhoneNumber | NationalForms): void {
  if (knownNumbers.size >= knownLimit) knownNumbers.delete(knownNumbers.keys().next().value as string);
  knownNumbers.set(e164, known);
}

export function rememberParsedNumber(parsed: PhoneNumber): void {
  // An extension would show in its national form; the E.164 form has none.
  if (!parsed.ext) remember(parsed.number, parsed);
}

export function rememberNationalForms(forms: Iterable<HandedForms>): void {
  for (const [e164, national, nationalNumber] of forms) remember(e164, [national, nationalNumber]);
}

/** The numbers remembered so far, as their forms, for another thread's rememberNationalForms; this thread forgets them. */
export function takeNationalForms(): HandedForms[] {
  const out: HandedForms[] = [];
  for (const [e164, known] of knownNumbers) out.push([e164, ...nationalForms(known)]);
  knownNumbers.clear();
  return out;
}

function nationalForms(known: PhoneNumber | NationalForms): NationalForms {
  return 'nationalNumber' in known ? [known.formatNational().replace(/\D/g, ''), String(known.nationalNumber)] : known;
}

function knownForms(e164: string): NationalForms | undefined {
  const known = knownNumbers.get(e164);
  if (known) {
    knownNumbers.delete(e164);
    return nationalForms(known);
  }
  const parsed = parsePhoneNumberFromString(e164);
  return parsed && nationalForms(parsed);
}

export function phoneSearchWords(phones: PhoneEntry[]): string[] {
  const out = new Set<string>();
  for (const p of phones) {
    const digits = p.raw.replace(/\D/g, '');
    if (digits) out.add(digits);
    if (!p.e164) continue;
    out.add(p.e164.slice(1));
    const forms = knownForms(p.e164);
    if (!forms) continue;
    out.add(forms[0]);
    out.add(forms[1]);
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
