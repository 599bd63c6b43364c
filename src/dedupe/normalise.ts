/** Lowercase letters only, accents removed: "O'Néil-Smith" -> "oneilsmith". */
export function normaliseName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
}

/**
 * The part of an address before the @ that identifies the mailbox: lowercase, "+tag" removed,
 * and for Gmail dots removed, since Gmail ignores them.
 */
export function normaliseEmailLocal(email: string): string {
  const at = email.lastIndexOf('@');
  const domain = email.slice(at + 1).toLowerCase();
  let local = email.slice(0, at).toLowerCase().replace(/\+.*$/, '');
  if (domain === 'gmail.com' || domain === 'googlemail.com') local = local.replace(/\./g, '');
  return local;
}

/**
 * A phone reduced to its last nine digits, which the international and the national way of writing
 * one number share ("+44 7700 900123", "07700 900123" -> "700900123"); '' for fewer than seven digits.
 */
export function normalisePhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return digits.length < 7 ? '' : digits.slice(-9);
}

/** A country as an uppercase ISO 3166-1 alpha-2 code ("be" -> "BE"), or else its name normalised ("Belgique" -> "belgique"). */
export function normaliseCountry(country: string): string {
  const text = country.trim();
  return /^[a-z]{2}$/i.test(text) ? text.toUpperCase() : normaliseName(text);
}

export function normalisePostcode(postcode: string): string {
  return postcode.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

const STREET_WORDS: Record<string, string> = {
  street: 'st',
  str: 'st',
  road: 'rd',
  avenue: 'ave',
  av: 'ave',
  boulevard: 'blvd',
  drive: 'dr',
  lane: 'ln',
  court: 'ct',
  place: 'pl',
  plce: 'pl',
  terrace: 'tce',
  crescent: 'cres',
  highway: 'hwy',
  parkway: 'pkwy',
  circuit: 'cct',
  circle: 'cir',
  square: 'sq',
  close: 'cl',
  grove: 'gr',
  parade: 'pde',
  way: 'way',
  north: 'n',
  south: 's',
  east: 'e',
  west: 'w',
  mount: 'mt',
  saint: 'st',
};

const UNIT_WORDS = /\b(?:apt|apartment|unit|suite|ste|flat|flt|fl|floor|room|rm)\b\.?\s*#?\s*([a-z0-9-]+)|#\s*([a-z0-9-]+)/;

export interface NormalisedAddress {
  /** Street line with common words abbreviated: "1702 post st". */
  street: string;
  /** Apartment, unit or suite: "4" from "Apt 4". */
  unit: string | null;
  /** The house number, when the line starts with one. */
  number: string | null;
  tokens: string[];
}

/** Lowercases, abbreviates street words (street -> st) and splits off an apartment suffix. */
export function normaliseAddress(address: string): NormalisedAddress {
  let text = address
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[.,;]/g, ' ');
  let unit: string | null = null;
  const unitMatch = UNIT_WORDS.exec(text);
  if (unitMatch) {
    unit = unitMatch[1] ?? unitMatch[2];
    text = text.slice(0, unitMatch.index) + ' ' + text.slice(unitMatch.index + unitMatch[0].length);
  }
  const tokens = text
    .replace(/[^a-z0-9\s-]/g, ' ')
    .split(/\s+/)
    .filter((t) => t !== '')
    .map((t) => STREET_WORDS[t] ?? t);
  const number = tokens.find((t) => /^\d+[a-z]?$/.test(t)) ?? null;
  return { street: tokens.join(' '), unit, number, tokens };
}
