/**
 * The DNS records a sending domain publishes so that receivers trust Rapport's mail (pure): the DKIM
 * key, SPF and DMARC, and a comparison of what is published (TXT answers as node:dns returns them:
 * each record a list of strings of up to 255 characters) with what should be.
 */

export interface DnsRecord {
  kind: 'dkim' | 'spf' | 'dmarc';
  type: 'TXT';
  name: string;
  value: string;
}

/** The public key as DKIM's p= wants it: base64 of the DER SubjectPublicKeyInfo, from a PEM. */
export const dkimKeyData = (publicKeyPem: string) => publicKeyPem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, '');

export function dnsRecords(domain: string, selector: string, publicKeyPem: string): DnsRecord[] {
  return [
    { kind: 'dkim', type: 'TXT', name: `${selector}._domainkey.${domain}`, value: `v=DKIM1; k=rsa; p=${dkimKeyData(publicKeyPem)}` },
    // The owner's SMTP provider must be allowed too; "include:" it when the record exists already.
    { kind: 'spf', type: 'TXT', name: domain, value: 'v=spf1 mx a ~all' },
    { kind: 'dmarc', type: 'TXT', name: `_dmarc.${domain}`, value: `v=DMARC1; p=none; adkim=r; aspf=r` },
  ];
}

/** Splits a TXT value into strings of at most 255 characters, as a zone file or DNS panel needs it. */
export const txtChunks = (value: string) => value.match(/.{1,255}/g) ?? [''];

/** Tag-value list of a DKIM or DMARC record ("v=DKIM1; k=rsa; p=...") as a map of lower-case tags. */
export function parseTags(record: string): Map<string, string> {
  const tags = new Map<string, string>();
  for (const part of record.split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    tags.set(part.slice(0, eq).trim().toLowerCase(), part.slice(eq + 1).replace(/\s+/g, ''));
  }
  return tags;
}

type CheckStatus = 'ok' | 'missing' | 'different' | 'error';

export interface RecordCheck extends DnsRecord {
  status: CheckStatus;
  published: string[];
  detail: string;
}

/** Compares published TXT answers (each a list of strings, joined as RFC 7208 says) with the expected record. */
export function checkRecord(expected: DnsRecord, answers: string[][] | Error): RecordCheck {
  if (answers instanceof Error) {
    const code = (answers as NodeJS.ErrnoException).code;
    if (code === 'ENOTFOUND' || code === 'ENODATA') return { ...expected, status: 'missing', published: [], detail: `no TXT record at ${expected.name}` };
    return { ...expected, status: 'error', published: [], detail: `DNS lookup failed: ${code ?? answers.message}` };
  }
  const published = answers.map((parts) => parts.join(''));
  if (expected.kind === 'dkim') {
    const want = parseTags(expected.value).get('p');
    const records = published.filter((r) => /^\s*v\s*=\s*DKIM1/i.test(r) || parseTags(r).has('p'));
    if (records.length === 0) return { ...expected, status: 'missing', published, detail: 'no DKIM key published' };
    return records.some((r) => parseTags(r).get('p') === want)
      ? { ...expected, status: 'ok', published, detail: 'the published key is the one Rapport signs with' }
      : { ...expected, status: 'different', published, detail: 'a DKIM key is published, but not the one Rapport signs with' };
  }
  if (expected.kind === 'spf') {
    const records = published.filter((r) => /^v=spf1(\s|$)/i.test(r.trim()));
    if (records.length === 0) return { ...expected, status: 'missing', published, detail: 'no SPF record' };
    if (records.length > 1) return { ...expected, status: 'different', published, detail: 'more than one SPF record: receivers treat that as an error (RFC 7208 4.5)' };
    return /\s[-~]all\s*$/i.test(records[0])
      ? { ...expected, status: 'ok', published, detail: 'an SPF record is published; make sure it covers your SMTP provider' }
      : { ...expected, status: 'different', published, detail: 'the SPF record does not end in ~all or -all' };
  }
  const records = published.filter((r) => /^\s*v\s*=\s*DMARC1/i.test(r));
  if (records.length === 0) return { ...expected, status: 'missing', published, detail: 'no DMARC record' };
  const policy = parseTags(records[0]).get('p');
  return policy && ['none', 'quarantine', 'reject'].includes(policy.toLowerCase())
    ? { ...expected, status: 'ok', published, detail: `DMARC policy ${policy}` }
    : { ...expected, status: 'different', published, detail: 'the DMARC record has no valid p= policy' };
}
