import { describe, expect, it } from 'vitest';
import { parseBoolean } from './boolean.js';
import { parseDate, parseDateTime } from './dates.js';
import { fixNameCase, splitFullName } from './names.js';
import { parseInteger, parseMoney } from './numbers.js';
import { normalisePhone, splitPhones } from './phone.js';
import { cleanText, splitTags } from './text.js';

describe('parseDate', () => {
  const cases: [string, string, ('MDY' | 'DMY')?][] = [
    ['1980-03-22', '1980-03-22'],
    ['1980-03-22T10:00:00Z', '1980-03-22'],
    ['19800322', '1980-03-22'],
    ['03/22/1980', '1980-03-22'],
    ['3/4/1980', '1980-03-04'],
    ['3/4/1980', '1980-04-03', 'DMY'],
    ['22/03/1980', '1980-03-22'],
    ['22.03.1980', '1980-03-22'],
    ['1.2.80', '1980-02-01'],
    ['22 March 1980', '1980-03-22'],
    ['Mar 22, 1980', '1980-03-22'],
  ];
  for (const [text, iso, order] of cases) {
    it(`${text}${order ? ` (${order})` : ''} -> ${iso}`, () => expect(parseDate(text, order)).toEqual({ date: iso }));
  }

  it("treats Outlook's 0/0/00 as empty", () => expect(parseDate('0/0/00')).toEqual({ empty: true }));

  it('rejects impossible dates and text', () => {
    expect(parseDate('1981-02-29')).toHaveProperty('error');
    expect(parseDate('13/13/2000')).toHaveProperty('error');
    expect(parseDate('--0203')).toHaveProperty('error');
    expect(parseDate('soon')).toHaveProperty('error');
  });
});

describe('parseDateTime', () => {
  it('reads zones, 12-hour clocks, dates alone and epoch seconds', () => {
    expect(parseDateTime('2023-01-05 10:00:00 -0500')).toEqual({ value: '2023-01-05T15:00:00.000Z' });
    expect(parseDateTime('2020-01-15 17:07')).toEqual({ value: '2020-01-15T17:07:00.000Z' });
    expect(parseDateTime('2020-01-15T17:07:12.5+01:00')).toEqual({ value: '2020-01-15T16:07:12.500Z' });
    expect(parseDateTime('1/15/2020 5:07 PM')).toEqual({ value: '2020-01-15T17:07:00.000Z' });
    expect(parseDateTime('2020-01-15')).toEqual({ value: '2020-01-15T00:00:00.000Z' });
    expect(parseDateTime('1579108020')).toEqual({ value: '2020-01-15T17:07:00.000Z' });
    expect(parseDateTime('2020-01-15 25:00')).toHaveProperty('error');
  });
});

describe('parseMoney', () => {
  const cases: [string, number | null][] = [
    ['$1,234.50', 1234.5],
    ['1.234,50 €', 1234.5],
    ['1 234,50', 1234.5],
    ["CHF 1'234.50", 1234.5],
    ['12,5', 12.5],
    ['1,234', 1234],
    ['1,234,567', 1234567],
    ['1.234.567', 1234567],
    ['-12.00', -12],
    ['(12.00)', -12],
    ['US$ 3', 3],
    ['12.00 EUR', 12],
    ['twelve', null],
    ['', null],
  ];
  for (const [text, value] of cases) it(`${JSON.stringify(text)} -> ${value}`, () => expect(parseMoney(text)).toBe(value));

  it('parseInteger rejects fractions', () => {
    expect(parseInteger('42')).toBe(42);
    expect(parseInteger('4.5')).toBeNull();
  });
});

describe('parseBoolean', () => {
  it('reads the usual spellings', () => {
    expect(['yes', 'Y', 'true', '1', 'x', 'TRUE'].map(parseBoolean)).toEqual([true, true, true, true, true, true]);
    expect(['no', 'N', 'false', '0'].map(parseBoolean)).toEqual([false, false, false, false]);
    expect(parseBoolean('maybe')).toBeNull();
  });
});

describe('names', () => {
  it('fixes names written all in one case only', () => {
    expect(fixNameCase("JOHN O'NEIL")).toBe("John O'Neil");
    expect(fixNameCase('mcdonald')).toBe('McDonald');
    expect(fixNameCase('anne-marie')).toBe('Anne-Marie');
    expect(fixNameCase('ludwig van beethoven')).toBe('Ludwig van Beethoven');
    expect(fixNameCase('ÉMILE ZOLA')).toBe('Émile Zola');
    expect(fixNameCase('DeShawn')).toBe('DeShawn');
  });

  it('splits full names', () => {
    expect(splitFullName('Dr. John Smith Jr.')).toEqual({ first: 'John', last: 'Smith' });
    expect(splitFullName('Smith, John')).toEqual({ first: 'John', last: 'Smith' });
    expect(splitFullName('Vincent van Gogh')).toEqual({ first: 'Vincent', last: 'van Gogh' });
    expect(splitFullName('Cher')).toEqual({ first: 'Cher', last: '' });
  });
});

describe('phones', () => {
  it('formats to E.164 with a default country', () => {
    expect(normalisePhone('(905) 555-1234', 'US')).toEqual({ raw: '(905) 555-1234', e164: '+19055551234' });
    expect(normalisePhone('030 1234567', 'DE').e164).toBe('+49301234567');
    expect(normalisePhone('+44 20 7946 0958').e164).toBe('+442079460958');
    expect(normalisePhone('tel:+1-418-656-9254;ext=102').e164).toBe('+14186569254');
  });

  it('keeps the raw text and says why when it cannot', () => {
    expect(normalisePhone('123', 'US')).toEqual({ raw: '123', e164: null, reason: 'too short' });
    expect(normalisePhone('555 1234')).toEqual({ raw: '555 1234', e164: null, reason: 'no country code and no default country' });
    expect(normalisePhone('call me', 'US').e164).toBeNull();
  });

  it('splits cells with several numbers', () => {
    expect(splitPhones('555-1234; 555-9999')).toEqual(['555-1234', '555-9999']);
  });
});

describe('text', () => {
  it('trims, collapses spaces and composes to NFC', () => {
    expect(cleanText('  Zoe\u0308   Smith ')).toBe('Zoë Smith');
  });

  it('splits tags from common exports', () => {
    expect(splitTags('* myContacts ::: Friends ::: Friends')).toEqual(['myContacts', 'Friends']);
    expect(splitTags('vip, newsletter; 2024')).toEqual(['vip', 'newsletter', '2024']);
  });
});
