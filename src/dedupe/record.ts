import { formalNames } from './nicknames.js';
import { normaliseAddress, normaliseCountry, normaliseEmailLocal, normaliseName, normalisePhone, normalisePostcode, type NormalisedAddress } from './normalise.js';
import { canonicalCity } from './places.js';

/**
 * The fields of a customer that duplicate detection looks at; phones in E.164 where they could be
 * read, else as typed; birthday as YYYY-MM-DD; country as an ISO 3166-1 code or a name.
 */
export interface PersonRecord {
  id: string;
  source_id?: string;
  first_name?: string;
  last_name?: string;
  emails?: string[];
  phones?: string[];
  birthday?: string;
  address?: string;
  city?: string;
  postcode?: string;
  country?: string;
}

/** A record normalised once, so pairwise comparison does no string clean-up. */
export interface PreparedPerson {
  id: string;
  sourceId: string | null;
  first: string;
  /** The formal names the first name may stand for, itself included. */
  firstForms: string[];
  last: string;
  emails: string[];
  emailLocals: string[];
  /** The last nine digits of each phone, so "+44 7700 900123" and "07700 900123" are one number. */
  phones: string[];
  birth: { year: string; month: string; day: string } | null;
  address: NormalisedAddress | null;
  /** The city's canonical name, the same in every language ("Bruxelles", "Brussels" -> "brussels"). */
  city: string;
  postcode: string;
  /** An uppercase ISO code, a normalised name, or '' (see normaliseCountry). */
  country: string;
}

export function preparePerson(record: PersonRecord): PreparedPerson {
  const emails = [...new Set((record.emails ?? []).map((e) => e.trim().toLowerCase()).filter(Boolean))];
  const first = normaliseName(record.first_name ?? '');
  const birth = /^(\d{4})-(\d{2})-(\d{2})$/.exec(record.birthday?.trim() ?? '');
  return {
    id: record.id,
    sourceId: record.source_id?.trim() || null,
    first,
    firstForms: first ? [...new Set(formalNames(first))] : [],
    last: normaliseName(record.last_name ?? ''),
    emails,
    emailLocals: [...new Set(emails.map(normaliseEmailLocal))],
    phones: [...new Set((record.phones ?? []).map(normalisePhone).filter((p) => p !== ''))],
    birth: birth ? { year: birth[1], month: birth[2], day: birth[3] } : null,
    address: record.address?.trim() ? normaliseAddress(record.address) : null,
    city: canonicalCity(record.city ?? ''),
    postcode: normalisePostcode(record.postcode ?? ''),
    country: normaliseCountry(record.country ?? ''),
  };
}
