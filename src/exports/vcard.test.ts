import { describe, expect, it } from 'vitest';
import { parseVCards } from '../imports/readers/vcard.js';
import { customerVCard, escapeText, foldLine } from './vcard.js';

describe('vCard 4.0 writing', () => {
  it('escapes backslash, comma, semicolon and line breaks', () => {
    expect(escapeText('a\\b,c;d\ne\r\nf')).toBe('a\\\\b\\,c\\;d\\ne\\nf');
  });

  it('folds lines at 75 octets without splitting a UTF-8 character', () => {
    const line = `NOTE:${'é'.repeat(100)}${'x'.repeat(100)}`;
    const folded = foldLine(line);
    expect(folded.endsWith('\r\n')).toBe(true);
    const physical = folded.slice(0, -2).split('\r\n');
    expect(physical.length).toBeGreaterThan(3);
    for (const [i, l] of physical.entries()) {
      expect(Buffer.byteLength(l, 'utf8')).toBeLessThanOrEqual(75);
      if (i > 0) expect(l.startsWith(' ')).toBe(true);
      expect(l).not.toContain('\uFFFD');
    }
    expect(physical.map((l, i) => (i === 0 ? l : l.slice(1))).join('')).toBe(line);
    expect(foldLine('FN:short')).toBe('FN:short\r\n');
  });

  it('writes every property and reads back through the vCard reader', () => {
    const card = customerVCard(
      {
        id: 'cus_1',
        first_name: 'Zoë',
        last_name: 'Smith, Jr.',
        email: 'a@example.com',
        emails: ['a@example.com', 'b@example.com'],
        phones: [
          { raw: '+1 415 237 1234', e164: '+14152371234' },
          { raw: 'ext. 12', e164: null },
        ],
        company: 'Acme; Inc',
        title: 'CEO',
        address: '1 Main St, Apt 2',
        city: 'Springfield',
        region: 'IL',
        postcode: '62701',
        country: 'US',
        birthday: '1985-04-12',
        notes: `a long note, with; punctuation\\ and a second line\n${'long '.repeat(40)}`,
        tags: ['vip', 'a,b'],
        shoe_size: 42.5,
        updated_at: '2026-01-15T10:20:30.123Z',
      },
      [{ name: 'shoe_size', label: 'Shoe size', type: 'number', custom: true }],
    );
    expect(card.startsWith('BEGIN:VCARD\r\nVERSION:4.0\r\n')).toBe(true);
    expect(card.endsWith('END:VCARD\r\n')).toBe(true);
    expect(card).toContain('FN:Zoë Smith\\, Jr.\r\n');
    expect(card).toContain('N:Smith\\, Jr.;Zoë;;;\r\n');
    expect(card).toContain('EMAIL;PREF=1:a@example.com\r\n');
    expect(card).toContain('EMAIL:b@example.com\r\n');
    expect(card).toContain('TEL;VALUE=uri;PREF=1:tel:+14152371234\r\n');
    expect(card).toContain('TEL;VALUE=text:ext. 12\r\n');
    expect(card).toContain('ORG:Acme\\; Inc\r\n');
    expect(card).toContain('ADR:;;1 Main St\\, Apt 2;Springfield;IL;62701;US\r\n');
    expect(card).toContain('BDAY:19850412\r\n');
    expect(card).toContain('CATEGORIES:vip,a\\,b\r\n');
    expect(card).toContain('X-RAPPORT-SHOE-SIZE:42.5\r\n');
    expect(card).toContain('REV:20260115T102030Z\r\n');
    for (const l of card.split('\r\n')) expect(Buffer.byteLength(l, 'utf8')).toBeLessThanOrEqual(75);

    const [parsed] = parseVCards(card);
    const value = (name: string) => parsed.properties.filter((p) => p.name === name).map((p) => p.value);
    expect(value('EMAIL')).toEqual(['a@example.com', 'b@example.com']);
    expect(value('NOTE')[0]).toBe(escapeText(`a long note, with; punctuation\\ and a second line\n${'long '.repeat(40)}`));
  });

  it('names a card without a name by company, email or id', () => {
    expect(customerVCard({ id: 'cus_2', email: 'x@example.com' })).toContain('FN:x@example.com\r\n');
    expect(customerVCard({ id: 'cus_3' })).toContain('FN:cus_3\r\n');
  });
});
