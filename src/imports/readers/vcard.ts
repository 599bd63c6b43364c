import { emptyRecord, type SourceRow } from '../types.js';
import { decodeBuffer } from './decode.js';

interface VCardProperty {
  group: string | null;
  name: string;
  /** Parameter names upper-cased; bare 2.1 parameters such as `;WORK;PREF` are collected under TYPE. */
  params: Record<string, string[]>;
  value: string;
}

export interface VCard {
  line: number;
  properties: VCardProperty[];
}

/** Splits a file into cards and their properties, handling folding and quoted-printable (vCard 2.1, 3.0, 4.0). */
export function parseVCards(text: string): VCard[] {
  const cards: VCard[] = [];
  let current: VCard | null = null;
  for (const { line, number } of logicalLines(text)) {
    const property = parseProperty(line);
    if (!property) continue;
    if (property.name === 'BEGIN' && property.value.trim().toUpperCase() === 'VCARD') {
      current = { line: number, properties: [] };
    } else if (property.name === 'END' && current) {
      cards.push(current);
      current = null;
    } else if (current) {
      current.properties.push(property);
    }
  }
  if (current) cards.push(current); // a file cut off before END:VCARD still yields what it has
  return cards;
}

export interface VCardRows {
  headers: string[];
  rows: SourceRow[];
}

/**
 * Reads vCards as customer rows whose column names are Rapport field names
 * (`email`, `email_2`, `phone`...), so automatic mapping picks them up unchanged.
 */
export function readVCards(input: string | Uint8Array): VCardRows {
  const text = typeof input === 'string' ? input : decodeBuffer(input);
  const rows = parseVCards(text).map(cardToRow);
  const headers = [...new Set(rows.flatMap((row) => Object.keys(row.values)))];
  return { headers, rows };
}

function cardToRow(card: VCard): SourceRow {
  const values = emptyRecord<string>();
  const all = (name: string) => preferredFirst(card.properties.filter((p) => p.name === name));
  const first = (name: string) => all(name)[0];

  const n = first('N');
  if (n) {
    const [family = '', given = ''] = splitStructured(n.value);
    if (given) values.first_name = given;
    if (family) values.last_name = family;
  }
  const fn = first('FN');
  if (fn && !values.first_name && !values.last_name) values.full_name = unescapeText(fn.value);

  all('EMAIL').forEach((p, i) => (values[numbered('email', i)] = unescapeText(p.value).trim()));
  all('TEL')
    .filter((p) => !hasType(p, 'FAX') && !hasType(p, 'PAGER'))
    .forEach((p, i) => (values[numbered('phone', i)] = unescapeText(p.value).replace(/^tel:/i, '').trim()));

  const org = first('ORG');
  if (org) values.company = splitStructured(org.value)[0];
  const title = first('TITLE');
  if (title) values.title = unescapeText(title.value);

  const adr = first('ADR');
  if (adr) {
    // Seven parts; a broken unquoted LABEL parameter can push extra ';' in front, so take the last seven.
    const parts = splitStructured(adr.value).slice(-7);
    const [poBox = '', extended = '', street = '', city = '', region = '', postcode = '', country = ''] = parts;
    const address = [street, extended, poBox]
      .map((s) => s.replace(/\n/g, ', ').trim())
      .filter(Boolean)
      .join(', ');
    Object.assign(values, nonEmpty({ address, city, region, postcode, country }));
  }

  const bday = first('BDAY');
  if (bday) values.birthday = bday.value.trim();
  const gender = first('GENDER');
  if (gender) values.gender = splitStructured(gender.value)[0];
  const notes = all('NOTE').map((p) => unescapeText(p.value).trim());
  if (notes.length) values.notes = notes.join('\n\n');
  const categories = all('CATEGORIES').flatMap((p) => splitUnescaped(p.value, ',').map(unescapeText));
  if (categories.length) values.tags = categories.join(', ');
  const uid = first('UID');
  if (uid) values.source_id = uid.value.trim();

  // Rapport's own vCards carry custom fields as X-RAPPORT-<FIELD-NAME> properties.
  for (const p of card.properties) {
    if (p.name.startsWith('X-RAPPORT-')) values[p.name.slice('X-RAPPORT-'.length).toLowerCase().replace(/-/g, '_')] = unescapeText(p.value);
  }
  return { rowNumber: card.line, values, errors: [] };
}

function numbered(base: string, index: number): string {
  return index === 0 ? base : `${base}_${index + 1}`;
}

function nonEmpty(fields: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(fields)
      .filter(([, v]) => v.trim() !== '')
      .map(([k, v]) => [k, v.trim()]),
  );
}

function hasType(property: VCardProperty, type: string): boolean {
  return (property.params.TYPE ?? []).some((t) => t.toUpperCase() === type);
}

function isPreferred(property: VCardProperty): boolean {
  return hasType(property, 'PREF') || property.params.PREF !== undefined;
}

function preferredFirst(properties: VCardProperty[]): VCardProperty[] {
  return [...properties.filter(isPreferred), ...properties.filter((p) => !isPreferred(p))];
}

interface LogicalLine {
  line: string;
  number: number;
}

function* logicalLines(text: string): Generator<LogicalLine> {
  const physical = text.replace(/\r\n?/g, '\n').split('\n');
  let current: LogicalLine | null = null;
  for (let i = 0; i < physical.length; i++) {
    const line = physical[i];
    if (current && /^[ \t]/.test(line)) {
      current.line += line.slice(1);
      continue;
    }
    // Quoted-printable soft line break: a trailing '=' continues on the next, unindented line.
    if (current && isQuotedPrintable(current.line) && current.line.endsWith('=')) {
      current.line = current.line.slice(0, -1) + line;
      continue;
    }
    if (current) yield current;
    current = line.trim() === '' ? null : { line, number: i + 1 };
  }
  if (current) yield current;
}

function isQuotedPrintable(line: string): boolean {
  const colon = line.indexOf(':');
  return colon > 0 && /QUOTED-PRINTABLE/i.test(line.slice(0, colon));
}

function parseProperty(line: string): VCardProperty | null {
  const colon = findValueColon(line);
  if (colon < 0) return null;
  const [nameWithGroup, ...rawParams] = splitUnescaped(line.slice(0, colon), ';', true);
  const dot = nameWithGroup.lastIndexOf('.');
  const params = emptyRecord<string[]>();
  for (const raw of rawParams) {
    const eq = raw.indexOf('=');
    const key = eq < 0 ? 'TYPE' : raw.slice(0, eq).trim().toUpperCase();
    const rawValue = eq < 0 ? raw : raw.slice(eq + 1);
    const values = rawValue
      .replace(/^"|"$/g, '')
      .split(',')
      .map((v) => v.trim());
    // vCard 2.1 writes ENCODING and CHARSET values bare too: ";QUOTED-PRINTABLE"
    const bareKey = eq < 0 && /^(QUOTED-PRINTABLE|BASE64|B|8BIT)$/i.test(raw) ? 'ENCODING' : key;
    (params[bareKey] ??= []).push(...values);
  }
  let value = line.slice(colon + 1);
  if ((params.ENCODING ?? []).some((e) => e.toUpperCase() === 'QUOTED-PRINTABLE')) {
    value = decodeQuotedPrintable(value, params.CHARSET?.[0]);
  }
  return {
    group: dot > 0 ? nameWithGroup.slice(0, dot) : null,
    name: nameWithGroup
      .slice(dot + 1)
      .trim()
      .toUpperCase(),
    params,
    value,
  };
}

// The first ':' outside a double-quoted parameter value.
function findValueColon(line: string): number {
  let inQuotes = false;
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '"') inQuotes = !inQuotes;
    else if (line[i] === ':' && !inQuotes) return i;
  }
  return -1;
}

function decodeQuotedPrintable(value: string, charset = 'utf-8'): string {
  const bytes: number[] = [];
  for (let i = 0; i < value.length; i++) {
    const hex = value.slice(i + 1, i + 3);
    if (value[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else if (value[i] !== '=') {
      bytes.push(...Buffer.from(value[i], 'utf8'));
    }
  }
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charset.toLowerCase() === 'us-ascii' ? 'utf-8' : charset);
  } catch {
    decoder = new TextDecoder('utf-8');
  }
  return decoder.decode(Uint8Array.from(bytes)).replace(/\r\n?/g, '\n');
}

function splitUnescaped(text: string, separator: string, respectQuotes = false): string[] {
  const parts: string[] = [];
  let current = '';
  let inQuotes = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\\' && i + 1 < text.length) {
      current += c + text[++i];
    } else if (respectQuotes && c === '"') {
      inQuotes = !inQuotes;
      current += c;
    } else if (c === separator && !inQuotes) {
      parts.push(current);
      current = '';
    } else {
      current += c;
    }
  }
  parts.push(current);
  return parts;
}

function splitStructured(value: string): string[] {
  return splitUnescaped(value, ';').map((part) => unescapeText(part).trim());
}

function unescapeText(value: string): string {
  return value.replace(/\\([nN,;:\\"])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}
