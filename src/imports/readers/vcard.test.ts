import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseVCards, readVCards } from './vcard.js';
import { fixturePath } from '../../test/fixtures.js';

const DIR = fixturePath('formats/vcard');
const read = (file: string) => readVCards(readFileSync(join(DIR, file)));
const values = (file: string) => read(file).rows.map((row) => ({ ...row.values }));

describe('readVCards on real exports', () => {
  const files = readdirSync(DIR).filter((f) => f.endsWith('.vcf'));
  it('finds the fixture files', () => expect(files.length).toBe(18));

  for (const file of files) {
    it(`${file} parses into at least one card with a name, email or phone`, () => {
      const { rows } = read(file);
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) {
        expect(row.values.first_name ?? row.values.last_name ?? row.values.full_name ?? row.values.email ?? row.values.phone).toBeTruthy();
      }
    });
  }

  it('John_Doe_MS_OUTLOOK.vcf (2.1)', () => {
    expect(values('John_Doe_MS_OUTLOOK.vcf')[0]).toMatchObject({
      first_name: 'John',
      last_name: 'Doe',
      email: 'john.doe@ibm.cm',
      phone: '(905) 555-1234',
      phone_2: '(905) 666-1234',
      company: 'IBM',
      title: 'Money Counter',
      address: 'Cresent moon drive',
      city: 'Albaney',
      postcode: '12345',
      birthday: '19800322',
    });
  });

  it('John_Doe_IPHONE.vcf puts the preferred phone and address first and skips faxes and pagers', () => {
    const [card] = values('John_Doe_IPHONE.vcf');
    expect(card).toMatchObject({ email: 'john.doe@ibm.com', phone: '905-555-1234', address: 'Silicon Alley 5,', birthday: '2012-06-06' });
    expect(Object.values(card)).not.toContain('905-888-1234');
    expect(Object.values(card)).not.toContain('905-111-1234');
  });

  it('outlook-2007.vcf decodes quoted-printable notes across soft line breaks', () => {
    const [card] = values('outlook-2007.vcf');
    expect(card).toMatchObject({ first_name: 'Michael', last_name: 'Angstadt', email: 'mike.angstadt@gmail.com', phone: '(111) 555-1111' });
    expect(card.notes).toContain('This is the NOTE field\t\nI assume it encodes this text inside a NOTE vCard type.\n');
    expect(card.phone_3).toBe('(111) 555-4444');
    expect(Object.values(card)).not.toContain('(111) 555-3333'); // the fax
  });

  it('rfc6350-example.vcf (4.0) reads tel: URIs and unfolded addresses', () => {
    expect(values('rfc6350-example.vcf')[0]).toMatchObject({
      first_name: 'Simon',
      last_name: 'Perreault',
      email: 'simon.perreault@viagenie.ca',
      phone: '+1-418-656-9254;ext=102',
      phone_2: '+1-418-262-6501',
      address: '2875 Laurier, Suite D2-630',
      city: 'Quebec',
      postcode: 'G1V 2M2',
      country: 'Canada',
    });
  });

  it('rfc2426-example.vcf has two cards identified by FN only', () => {
    const cards = values('rfc2426-example.vcf');
    expect(cards.map((c) => c.full_name)).toEqual(['Frank Dawson', 'Tim Howes']);
    expect(cards[0].email).toBe('Frank_Dawson@Lotus.com');
    expect(cards[0].email_2).toBe('fdawson@earthlink.net');
    expect(cards[1].postcode).toBe('94043');
  });

  it('gmail-list.vcf holds three cards', () => {
    const cards = values('gmail-list.vcf');
    expect(cards.map((c) => [c.first_name, c.last_name, c.email])).toEqual([
      ['Arnold', 'Smith', 'asmithk@gmail.com'],
      ['Chris', 'Beatle', 'chrisy55d@yahoo.com'],
      ['Doug', 'White', 'dwhite@gmail.com'],
    ]);
    expect(read('gmail-list.vcf').rows.map((r) => r.rowNumber)).toEqual([1, 7, 13]);
  });

  it('John_Doe_ANDROID.vcf decodes UTF-8 quoted-printable names', () => {
    const cards = values('John_Doe_ANDROID.vcf');
    expect(cards).toHaveLength(6);
    expect(cards[2].last_name).toBe('Ñ Ñ Ñ Ñ');
    expect(cards[4]).toMatchObject({ first_name: 'Ñ Ñ Ñ', last_name: 'Ñ Ñ', email: 'bob@company.com' });
  });

  it('thunderbird extension: several emails and categories as tags', () => {
    const [card] = values('thunderbird-MoreFunctionsForAddressBook-extension.vcf');
    expect(card.email).toBe('doe.john@hotmail.com');
    expect(card.email_5).toBe('additional-email3@company.com');
    expect(card.tags).toBe('category1, category2, category3');
  });

  it('lists every column used by any card', () => {
    expect(read('fullcontact.vcf').headers).toEqual(expect.arrayContaining(['email_5', 'phone_7', 'gender', 'tags']));
  });
});

describe('parseVCards', () => {
  it('handles groups, bare 2.1 parameters, escapes and a missing END', () => {
    const [card] = parseVCards('BEGIN:VCARD\r\nitem1.EMAIL;INTERNET;PREF:a@b.co\r\nNOTE:one\\, two\\nthree\r\nORG:A\\;B;Dept\r\n');
    expect(card.properties.map((p) => [p.group, p.name, p.params.TYPE, p.value])).toEqual([
      ['item1', 'EMAIL', ['INTERNET', 'PREF'], 'a@b.co'],
      [null, 'NOTE', undefined, 'one\\, two\\nthree'],
      [null, 'ORG', undefined, 'A\\;B;Dept'],
    ]);
    const { rows } = readVCards('BEGIN:VCARD\nFN:X\nNOTE:one\\, two\\nthree\nORG:A\\;B;Dept\nEND:VCARD\n');
    expect(rows[0].values.notes).toBe('one, two\nthree');
    expect(rows[0].values.company).toBe('A;B');
  });

  it('decodes Latin-1 quoted-printable', () => {
    const { rows } = readVCards('BEGIN:VCARD\nN;CHARSET=ISO-8859-1;ENCODING=QUOTED-PRINTABLE:M=FCller;J=FCrgen\nEND:VCARD');
    expect(rows[0].values).toMatchObject({ first_name: 'Jürgen', last_name: 'Müller' });
  });
});
