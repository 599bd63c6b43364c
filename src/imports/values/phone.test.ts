import { getCountries, getExampleNumber, parsePhoneNumberFromString } from 'libphonenumber-js/max';
import examples from 'libphonenumber-js/mobile/examples';
import { describe, expect, it } from 'vitest';
import { phoneSearchWords } from '../../customers/phone-search.js';
import { normalisePhone } from './phone.js';

/**
 * The search words of an imported number reuse the parse the cleaning made (full metadata, the number
 * as written, in the row's country) instead of parsing the E.164 form again with the small metadata.
 * That is only right if both give the same words; this checks it for numbers of every country,
 * written nationally and internationally, including the countries that share a calling code
 * (+1, +7, +44 with GG, JE and IM, +47 with SJ, ...).
 */
describe('search words of a number the cleaning parsed', () => {
  it('are the words a fresh parse of its E.164 form gives, in every country', () => {
    let seed = 17;
    const digit = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return String(Math.floor((seed / 2147483648) * 10));
    };
    let compared = 0;
    const countries = new Set<string>();
    const differing: string[] = [];
    for (const country of getCountries()) {
      const example = getExampleNumber(country, examples);
      if (!example) continue;
      const national = String(example.nationalNumber);
      for (let k = 0; k < 40; k++) {
        // Vary the last digits (same number type), or all but the first (other types: fixed lines, services).
        const from = k < 20 ? Math.max(1, national.length - 4) : 1;
        const digits = national.slice(0, from) + Array.from({ length: national.length - from }, digit).join('');
        const number = parsePhoneNumberFromString(`+${example.countryCallingCode}${digits}`);
        if (!number?.isValid()) continue;
        for (const [raw, defaultCountry] of [
          [number.formatNational(), number.country ?? country],
          [number.formatInternational(), undefined],
        ] as const) {
          const cleaned = normalisePhone(raw, defaultCountry);
          if (!cleaned.e164) continue;
          const reused = phoneSearchWords([{ raw, e164: cleaned.e164 }]).sort();
          // The cleaning's parse is used once: this call parses the E.164 form afresh.
          const fresh = phoneSearchWords([{ raw, e164: cleaned.e164 }]).sort();
          compared++;
          countries.add(country);
          if (reused.join(' ') !== fresh.join(' ')) differing.push(`${country} ${raw}: ${reused.join(' ')} / ${fresh.join(' ')}`);
        }
      }
    }
    expect(differing).toEqual([]);
    expect(countries.size).toBeGreaterThan(200);
    expect(compared).toBeGreaterThan(10_000);
  });

  it('leave out the extension the number was written with', () => {
    for (const raw of ['tel:+1-418-656-9254;ext=102', '+44 20 7946 0958 ext. 12', '030 1234567 x 7']) {
      const cleaned = normalisePhone(raw, 'DE');
      expect(cleaned.e164).not.toBeNull();
      const words = phoneSearchWords([{ raw: '', e164: cleaned.e164 }]);
      // The second call parses the E.164 form afresh.
      expect(words).toEqual(phoneSearchWords([{ raw: '', e164: cleaned.e164 }]));
    }
  });
});
