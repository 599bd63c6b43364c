/**
 * A customer's stored values as derived from what a write gives, without the database, so that an
 * import's cleaning thread can derive them too (see ParsedCustomer.searchText).
 */
import type { CountryCode } from 'libphonenumber-js';
import { searchDocument } from '../core/text.js';
import type { ApiRecord } from '../records/codec.js';
import type { FieldDef, PhoneEntry } from '../schema/fields.js';
import { countryCode, phoneCountry } from './country.js';
import { emailKey, mergeEmails, mergePhones } from './normalise.js';
import { phoneSearchWords } from './phone-search.js';

/**
 * The record a write makes, from its input and the record it changes (null: a create): the primary
 * email and the list, the country as a code, the phones with their E.164 forms and the primary one,
 * the company name trimmed, tags without repeats, consent times (`consentStamp`; null: none, as for an
 * import). The company link needs the database and is the service's.
 */
export function customerValues(input: ApiRecord, existing: ApiRecord | null, defaultCountry: CountryCode | undefined, consentStamp: string | null): ApiRecord {
  const next: ApiRecord = { ...(existing ?? {}), ...input };
  if (!existing || 'email' in input || 'emails' in input) {
    let list: string[];
    if ('emails' in input) {
      const given = (input.emails as string[] | null) ?? [];
      const primary = 'email' in input ? (input.email as string | null) : existing?.email && given.some((e) => emailKey(e) === emailKey(existing.email as string)) ? (existing.email as string) : null;
      list = mergeEmails(primary, given);
      // An explicit `email: null` with addresses means "no primary": an import that may not merge keeps a second
      // record of an address that is already someone's primary this way, so the two can be reviewed.
      next.email = 'email' in input && input.email === null && list.length ? null : (primary ?? list[0] ?? null);
    } else {
      // A new primary address keeps the old one in the list; only `emails` removes addresses.
      list = mergeEmails(input.email as string | null, (existing?.emails as string[]) ?? []);
      next.email = (input.email as string | null) ?? null;
    }
    next.emails = list;
  }
  if (typeof input.country === 'string') {
    // Countries are stored as ISO 3166-1 codes ("Belgique" -> BE); text that is no known country is kept as written.
    const country = countryCode(input.country);
    if ('code' in country) next.country = country.code;
  }
  if (!existing || 'phone' in input || 'phones' in input) {
    const others = 'phones' in input ? ((input.phones as Array<string | PhoneEntry>) ?? []) : ((existing?.phones as PhoneEntry[]) ?? []).slice(existing?.phone ? 1 : 0);
    const primary = 'phone' in input ? (input.phone as string | null) : null;
    const phones = mergePhones(primary, others, phoneCountry(next.country, defaultCountry));
    next.phones = phones;
    next.phone = phones[0] ? (phones[0].e164 ?? phones[0].raw) : null;
  }
  if ('company' in input) next.company = (input.company as string | null)?.trim() || null;
  if ('tags' in input) next.tags = [...new Set(((input.tags as string[]) ?? []).map((t) => t.trim()).filter(Boolean))];
  for (const channel of ['email', 'sms'] as const) {
    const key = `consent_${channel}`;
    if (consentStamp !== null && key in input && input[key] === true && !(`${key}_at` in input) && existing?.[key] !== true) next[`${key}_at`] = consentStamp;
  }
  return next;
}

/** The text a customer is found by: names, emails, phone numbers in the forms people type, company, notes. */
export function customerSearchText(r: ApiRecord): string {
  return searchDocument([
    r.first_name as string,
    r.last_name as string,
    ...((r.emails as string[]) ?? []),
    ...phoneSearchWords((r.phones as PhoneEntry[]) ?? []),
    r.company as string,
    r.notes as string,
  ]);
}

/** A create's input with every list field it leaves out given as empty: a created customer's lists are stored empty. */
export function withListsFilled(fields: FieldDef[], input: ApiRecord): ApiRecord {
  for (const name of listFields(fields)) if (input[name] === undefined) input[name] = [];
  return input;
}

/** The names of the list fields, found once per field list rather than per record. */
const listNames = new WeakMap<FieldDef[], string[]>();
function listFields(fields: FieldDef[]): string[] {
  let names = listNames.get(fields);
  if (!names) listNames.set(fields, (names = fields.filter((f) => f.type === 'string_list' || f.type === 'phone_list').map((f) => f.name)));
  return names;
}

/**
 * The search text the customer service stores for a create of this parsed input by an import read in
 * `defaultCountry` (its ctx.defaultCountry); undefined when it needs the database (a company given by
 * id: the text holds the company's name).
 */
export function createdSearchText(fields: FieldDef[], input: ApiRecord, defaultCountry: CountryCode | undefined): string | undefined {
  if ('company_id' in input) return undefined;
  return customerSearchText(customerValues(withListsFilled(fields, { ...input }), null, defaultCountry, null));
}
