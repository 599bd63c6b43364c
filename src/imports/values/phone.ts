import { parsePhoneNumberFromString, validatePhoneNumberLength, type CountryCode } from 'libphonenumber-js/max';
import { rememberParsedNumber } from '../../customers/phone-search.js';

export interface PhoneValue {
  raw: string;
  e164: string | null;
  /** Why no E.164 form could be made. */
  reason?: string;
}

const LENGTH_REASONS: Record<string, string> = {
  TOO_SHORT: 'too short',
  TOO_LONG: 'too long',
  INVALID_LENGTH: 'wrong length',
  INVALID_COUNTRY: 'no country code and no default country',
  NOT_A_NUMBER: 'not a phone number',
};

/** E.164 form of a phone number; numbers without a `+` prefix are read in `defaultCountry`. */
export function normalisePhone(raw: string, defaultCountry?: string): PhoneValue {
  const text = raw.trim().replace(/^tel:/i, '');
  const country = isCountryCode(defaultCountry) ? defaultCountry : undefined;
  const parsed = parsePhoneNumberFromString(text, country);
  if (parsed?.isValid()) {
    rememberParsedNumber(parsed);
    return { raw: text, e164: parsed.number };
  }
  const lengthProblem = validatePhoneNumberLength(text, country);
  const reason = lengthProblem ? LENGTH_REASONS[lengthProblem] : !country && !text.startsWith('+') ? 'no country code and no default country' : `not a valid number${country ? ` for ${country}` : ''}`;
  return { raw: text, e164: null, reason };
}

/** Splits a cell that may hold several numbers ("a; b", "a or b", Google's "a ::: b"). */
export function splitPhones(raw: string): string[] {
  return raw
    .split(/:::|[;,\n]| or /)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

function isCountryCode(code: string | undefined): code is CountryCode {
  return code !== undefined && /^[A-Z]{2}$/.test(code);
}
