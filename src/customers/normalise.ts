import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import type { PhoneEntry } from '../schema/fields.js';

export function emailKey(email: string): string {
  return email.trim().toLowerCase();
}

/** Primary first, then the others, without repeats (compared case-insensitively). */
export function mergeEmails(primary: string | null | undefined, others: string[] | null | undefined): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const e of [primary, ...(others ?? [])]) {
    if (!e) continue;
    const trimmed = e.trim();
    const key = emailKey(trimmed);
    if (!trimmed || seen.has(key)) continue;
    seen.add(key);
    out.push(trimmed);
  }
  return out;
}

/** A phone as typed, with its E.164 form when it can be had, or the reason why not. */
export function normalisePhone(raw: string, defaultCountry?: CountryCode): PhoneEntry {
  const text = raw.trim();
  const parsed = parsePhoneNumberFromString(text, defaultCountry);
  if (!parsed) return { raw: text, e164: null, reason: defaultCountry || text.startsWith('+') ? 'not a phone number' : 'no country code and no default country' };
  if (!parsed.isValid()) return { raw: text, e164: null, reason: 'not a valid number for its country' };
  return { raw: text, e164: parsed.number };
}

export function mergePhones(primary: string | null | undefined, others: Array<string | PhoneEntry> | null | undefined, defaultCountry?: CountryCode): PhoneEntry[] {
  const seen = new Set<string>();
  const out: PhoneEntry[] = [];
  for (const p of [primary, ...(others ?? [])]) {
    if (!p) continue;
    // An entry that carries a reason was already read (in the row's own country) and found invalid: kept as written, never re-read in the default country.
    const entry = typeof p === 'string' ? normalisePhone(p, defaultCountry) : p.e164 || !p.raw || p.reason ? p : normalisePhone(p.raw, defaultCountry);
    const key = entry.e164 ?? entry.raw;
    if (!key || seen.has(key)) continue;
    seen.add(key);
    out.push(entry);
  }
  return out;
}

export function companyKey(name: string): string {
  return name.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');
}
