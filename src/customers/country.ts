import { getCountries, type CountryCode } from 'libphonenumber-js';

/** ISO 3166-1 alpha-2 codes known to the phone library (every country a phone can belong to), plus Kosovo. */
const CODES: ReadonlySet<string> = new Set([...getCountries(), 'XK']);

/** Languages whose country names are recognised: the ones Rapport's users most often export in. */
const NAME_LANGUAGES = ['en', 'fr', 'de', 'nl', 'es', 'it', 'pt', 'sv', 'da', 'pl'];

/** Spellings that no language's official name gives. */
const EXTRA_NAMES: Record<string, string> = {
  uk: 'GB',
  'great britain': 'GB',
  britain: 'GB',
  england: 'GB',
  scotland: 'GB',
  wales: 'GB',
  'northern ireland': 'GB',
  usa: 'US',
  'u s a': 'US',
  'u s': 'US',
  america: 'US',
  'united states of america': 'US',
  holland: 'NL',
  'the netherlands': 'NL',
  'czech republic': 'CZ',
  'republic of ireland': 'IE',
  eire: 'IE',
  'south korea': 'KR',
  korea: 'KR',
  russia: 'RU',
  'ivory coast': 'CI',
  uae: 'AE',
  'viet nam': 'VN',
};

/** Lowercase, no accents, punctuation as spaces: "Côte d’Ivoire" -> "cote d ivoire". */
function nameKey(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

let byName: Map<string, string> | null = null;

function namesIndex(): Map<string, string> {
  if (byName) return byName;
  byName = new Map();
  for (const language of NAME_LANGUAGES) {
    const names = new Intl.DisplayNames([language], { type: 'region' });
    for (const code of CODES) {
      const name = names.of(code);
      if (name && name !== code && !byName.has(nameKey(name))) byName.set(nameKey(name), code);
    }
  }
  for (const [name, code] of Object.entries(EXTRA_NAMES)) byName.set(nameKey(name), code);
  return byName;
}

/** An ISO 3166-1 alpha-2 code, or why the text could not be read as a country. */
export type CountryResult = { code: string } | { raw: string; reason: string };

/**
 * Reads a country as its ISO 3166-1 alpha-2 code: "BE", "be", "Belgium", "Belgique", "België" -> BE.
 * Three-letter codes are not guessed at (they are ambiguous with abbreviations); unknown text
 * comes back as written with the reason, so that it is kept raw and flagged, never replaced.
 */
export function countryCode(text: string): CountryResult {
  const trimmed = text.trim();
  const upper = trimmed.toUpperCase();
  if (/^[A-Z]{2}$/.test(upper)) {
    if (upper === 'UK') return { code: 'GB' };
    if (CODES.has(upper)) return { code: upper };
  }
  const code = namesIndex().get(nameKey(trimmed));
  if (code) return { code };
  return { raw: trimmed, reason: `"${trimmed}" is not a country Rapport recognises; kept as written` };
}

/** True for a stored value that is an ISO 3166-1 alpha-2 code Rapport knows. */
function isCountryCode(value: string | null | undefined): value is string {
  return typeof value === 'string' && CODES.has(value);
}

/**
 * The country a customer's national phone numbers are read in: their own country when it is a known
 * code, the default only when they have none. Unknown country text gives no country, so a national
 * number is kept as written rather than read as another country's.
 */
export function phoneCountry(country: unknown, defaultCountry: CountryCode | undefined): CountryCode | undefined {
  if (typeof country !== 'string' || country === '') return defaultCountry;
  return isCountryCode(country) ? (country as CountryCode) : undefined;
}
