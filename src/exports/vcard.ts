/**
 * vCard 4.0 (RFC 6350) writing for customer exports: one card per customer, text escaped,
 * lines folded at 75 octets and ended with CRLF.
 */
import type { ApiRecord } from '../records/codec.js';
import type { FieldDef, PhoneEntry } from '../schema/fields.js';

/** Escapes a text value: backslash, comma, semicolon and line breaks (RFC 6350 section 3.4). */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/,/g, '\\,')
    .replace(/;/g, '\\;')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** Folds a content line so that no physical line exceeds 75 octets, never splitting a UTF-8 character. */
export function foldLine(line: string): string {
  if (Buffer.byteLength(line, 'utf8') <= 75) return line + '\r\n';
  let out = '';
  let current = '';
  let bytes = 0;
  // The first line holds 75 octets; continuation lines start with a space, leaving 74.
  let limit = 75;
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8');
    if (bytes + size > limit) {
      out += current + '\r\n ';
      current = '';
      bytes = 0;
      limit = 74;
    }
    current += char;
    bytes += size;
  }
  return out + current + '\r\n';
}

const text = (v: unknown): string => (v === null || v === undefined ? '' : String(v));

/** `name` with underscores as hyphens and upper-cased, as an extension property name allows. */
function extensionName(field: string): string {
  return `X-RAPPORT-${field.replace(/_/g, '-').toUpperCase()}`;
}

/** BDAY in the ISO 8601 basic form vCard 4.0 uses: 1985-04-12 -> 19850412. */
function basicDate(date: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) ? date.replace(/-/g, '') : date;
}

/**
 * One customer as a vCard 4.0: FN, N, EMAIL per address, TEL per phone (E.164 as a tel: URI,
 * raw text when it has no E.164 form), ORG, TITLE, ADR, BDAY, NOTE, CATEGORIES, the customer id
 * as UID, and custom fields as X-RAPPORT- properties.
 */
export function customerVCard(record: ApiRecord, customFields: readonly FieldDef[] = []): string {
  const lines: string[] = ['BEGIN:VCARD', 'VERSION:4.0'];
  const first = text(record.first_name);
  const last = text(record.last_name);
  const emails = Array.isArray(record.emails) && record.emails.length ? (record.emails as string[]) : record.email ? [String(record.email)] : [];
  const phones = Array.isArray(record.phones) ? (record.phones as PhoneEntry[]) : [];
  const fn = [first, last].filter(Boolean).join(' ') || text(record.company) || emails[0] || text(record.id);
  lines.push(`FN:${escapeText(fn)}`);
  lines.push(`N:${escapeText(last)};${escapeText(first)};;;`);
  if (record.id) lines.push(`UID:${escapeText(text(record.id))}`);
  emails.forEach((email, i) => lines.push(`EMAIL${i === 0 ? ';PREF=1' : ''}:${escapeText(email)}`));
  phones.forEach((phone, i) => {
    const pref = i === 0 ? ';PREF=1' : '';
    if (phone.e164) lines.push(`TEL;VALUE=uri${pref}:tel:${phone.e164}`);
    else lines.push(`TEL;VALUE=text${pref}:${escapeText(phone.raw)}`);
  });
  if (record.company) lines.push(`ORG:${escapeText(text(record.company))}`);
  if (record.title) lines.push(`TITLE:${escapeText(text(record.title))}`);
  if (record.address || record.city || record.region || record.postcode || record.country) {
    const parts = ['', '', record.address, record.city, record.region, record.postcode, record.country].map((p) => escapeText(text(p)));
    lines.push(`ADR:${parts.join(';')}`);
  }
  if (record.birthday) lines.push(`BDAY:${basicDate(text(record.birthday))}`);
  if (record.notes) lines.push(`NOTE:${escapeText(text(record.notes))}`);
  if (Array.isArray(record.tags) && record.tags.length) lines.push(`CATEGORIES:${(record.tags as string[]).map(escapeText).join(',')}`);
  for (const field of customFields) {
    const value = record[field.name];
    if (value === null || value === undefined || value === '') continue;
    lines.push(`${extensionName(field.name)}:${escapeText(text(value))}`);
  }
  if (record.updated_at) lines.push(`REV:${text(record.updated_at).replace(/[-:]/g, '').replace(/\.\d+/, '')}`);
  lines.push('END:VCARD');
  return lines.map(foldLine).join('');
}
