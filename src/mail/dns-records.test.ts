import { describe, expect, it } from 'vitest';
import { checkRecord, dkimKeyData, dnsRecords, parseTags, txtChunks } from './dns-records.js';
import { generateDkimKeys } from './senders.js';
import { createPublicKey } from 'node:crypto';

describe('DNS records of a sending domain', () => {
  const { publicKey } = generateDkimKeys();
  const records = dnsRecords('shop.example', 'rapport1', publicKey);
  const [dkim, spf, dmarc] = records;

  it('publishes the DKIM key as DER SubjectPublicKeyInfo in p=, which parses back to the same RSA 2048 key', () => {
    expect(dkim).toMatchObject({ kind: 'dkim', type: 'TXT', name: 'rapport1._domainkey.shop.example' });
    const tags = parseTags(dkim.value);
    expect(tags.get('v')).toBe('DKIM1');
    expect(tags.get('k')).toBe('rsa');
    const key = createPublicKey({ key: Buffer.from(tags.get('p')!, 'base64'), format: 'der', type: 'spki' });
    expect(key.asymmetricKeyDetails?.modulusLength).toBe(2048);
    expect(key.export({ type: 'spki', format: 'pem' })).toBe(publicKey);
    expect(spf).toMatchObject({ name: 'shop.example', value: 'v=spf1 mx a ~all' });
    expect(dmarc.name).toBe('_dmarc.shop.example');
    expect(parseTags(dmarc.value).get('p')).toBe('none');
  });

  it('splits a long TXT value into strings of at most 255 characters', () => {
    const chunks = txtChunks(dkim.value);
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.every((c) => c.length <= 255)).toBe(true);
    expect(chunks.join('')).toBe(dkim.value);
  });

  it('reads TXT answers as node:dns gives them (a record split in strings) and compares', () => {
    expect(checkRecord(dkim, [txtChunks(dkim.value)]).status).toBe('ok');
    // Spaces inside p= (some DNS panels add them) do not matter.
    expect(checkRecord(dkim, [[dkim.value.replace(/(.{60})/g, '$1 ')]]).status).toBe('ok');
    const other = dkimKeyData(generateDkimKeys().publicKey);
    expect(checkRecord(dkim, [[`v=DKIM1; k=rsa; p=${other}`]]).status).toBe('different');
    expect(checkRecord(dkim, [['google-site-verification=abc']]).status).toBe('missing');
    expect(checkRecord(dkim, Object.assign(new Error('queryTxt ENOTFOUND'), { code: 'ENOTFOUND' })).status).toBe('missing');
    expect(checkRecord(dkim, Object.assign(new Error('queryTxt ESERVFAIL'), { code: 'ESERVFAIL' }))).toMatchObject({ status: 'error', detail: 'DNS lookup failed: ESERVFAIL' });

    expect(checkRecord(spf, [['v=spf1 include:_spf.example.net ~all'], ['google-site-verification=x']]).status).toBe('ok');
    expect(checkRecord(spf, [['v=spf1 mx ~all'], ['v=spf1 a -all']]).status).toBe('different');
    expect(checkRecord(spf, [['v=spf1 mx +all']]).status).toBe('different');
    expect(checkRecord(spf, [['something else']]).status).toBe('missing');

    expect(checkRecord(dmarc, [['v=DMARC1; p=quarantine; rua=mailto:d@shop.example']])).toMatchObject({ status: 'ok', detail: 'DMARC policy quarantine' });
    expect(checkRecord(dmarc, [['v=DMARC1; rua=mailto:d@shop.example']]).status).toBe('different');
    expect(checkRecord(dmarc, []).status).toBe('missing');
  });
});
