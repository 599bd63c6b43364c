import { formalNames } from './nicknames.js';
import { normaliseAddress, normaliseEmailLocal, normaliseName, normalisePostcode, type NormalisedAddress } from './normalise.js';

/** The fields of a customer that duplicate detection looks at; phones in E.164, birthday as YYYY-MM-DD. */
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
  phones: string[];
  birth: { year: string; month: string; day: string } | null;
  address: NormalisedAddress | null;
  city: string;
  postcode: string;
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
    phones: [...new Set((record.phones ?? []).filter(Boolean))],
    birth: birth ? { year: birth[1], month: birth[2], day: birth[3] } : null,
    address: record.address?.trim() ? normaliseAddress(record.address) : null,
    city: normaliseName(record.city ?? ''),
    postcode: normalisePostcode(record.postcode ?? ''),
  };
}
