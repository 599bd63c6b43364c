import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normaliseEmail, splitEmails } from './email.js';
import { fixturePath } from '../../test/fixtures.js';

const VALID_WITHOUT_DOTTED_DOMAIN = ['test@io'];

interface IsEmailCase {
  id: string;
  address: string;
  category: string;
  diagnosis: string;
}

function loadIsEmailTests(): IsEmailCase[] {
  const xml = readFileSync(fixturePath('email/isemail_tests.xml'), 'utf8');
  const decode = (s: string) =>
    s
      .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&');
  return [...xml.matchAll(/<test id="(\d+)">([\s\S]*?)<\/test>/g)].map(([, id, body]) => ({
    id,
    address: decode(/<address>([\s\S]*?)<\/address>/.exec(body)?.[1] ?? ''),
    category: /<category>(.*?)<\/category>/.exec(body)![1],
    diagnosis: /<diagnosis>(.*?)<\/diagnosis>/.exec(body)![1],
  }));
}

describe('normaliseEmail', () => {
  it('accepts ordinary addresses and lowercases them', () => {
    expect(normaliseEmail(' John.Doe+tag@Example.COM ')).toBe('john.doe+tag@example.com');
    expect(normaliseEmail('mailto:a@b.co')).toBe('a@b.co');
  });

  it('rejects addresses without a dot in the domain, spaces, or a second @', () => {
    expect(normaliseEmail('root@localhost')).toBeNull();
    expect(normaliseEmail('a b@example.com')).toBeNull();
    expect(normaliseEmail('a@b@example.com')).toBeNull();
    expect(normaliseEmail('john.doe@')).toBeNull();
  });

  it('splits cells with several addresses', () => {
    expect(splitEmails('a@x.com; b@y.com, c@z.com')).toEqual(['a@x.com', 'b@y.com', 'c@z.com']);
  });

  describe('agreement with the is_email test set', () => {
    const cases = loadIsEmailTests();
    const errors = cases.filter((c) => c.category === 'ISEMAIL_ERR');
    it('loads the whole file', () => expect(cases.length).toBe(164));

    it('rejects every ISEMAIL_ERR address', () => {
      const accepted = errors.filter((c) => normaliseEmail(c.address) !== null);
      console.info(`is_email: ${errors.length - accepted.length}/${errors.length} ISEMAIL_ERR rejected`);
      expect(accepted.map((c) => `${c.id} ${c.address} ${c.diagnosis}`)).toEqual([]);
    });

    it('accepts the plain valid addresses', () => {
      const valid = cases.filter((c) => c.category === 'ISEMAIL_VALID_CATEGORY' && /^[\x21-\x7e]+$/.test(c.address));
      const rejected = valid.filter((c) => normaliseEmail(c.address) === null);
      console.info(`is_email: ${valid.length - rejected.length}/${valid.length} ISEMAIL_VALID accepted`);
      // The one exception is a domain without a dot, which the CRM rule rejects on purpose.
      expect(rejected.map((c) => c.address)).toEqual(VALID_WITHOUT_DOTTED_DOMAIN);
    });
  });
});
