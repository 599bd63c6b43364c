import { isPersonal, type FieldDef, type PhoneEntry } from '../schema/fields.js';
import type { ApiRecord } from '../records/codec.js';

/**
 * The values a person is known by, gathered from every version of their record that Rapport holds
 * (the current one, merged-away records, earlier versions in the audit log and in import changes).
 * Copies that carry no link to the person (a rejected import row, another customer's history) are
 * found by these values.
 */
export interface PersonValues {
  /** Every personal string value, lower-cased: what redaction removes from other records' copies. */
  all: Set<string>;
  /** Lower-cased email addresses. */
  emails: Set<string>;
  /** The last nine digits of each phone: the part every way of writing the number shares. */
  phoneDigits: Set<string>;
  /** Lower-cased first and last name pairs. */
  names: { first: string; last: string }[];
}

const phoneTailLength = 9;

export function emptyPersonValues(): PersonValues {
  return { all: new Set(), emails: new Set(), phoneDigits: new Set(), names: [] };
}

const digitsOf = (s: string) => s.replace(/\D/g, '');

function addPhone(values: PersonValues, text: string) {
  const digits = digitsOf(text);
  if (digits.length >= phoneTailLength) values.phoneDigits.add(digits.slice(-phoneTailLength));
}

function addString(values: PersonValues, field: FieldDef, value: string) {
  const text = value.trim().toLowerCase();
  if (!text) return;
  values.all.add(text);
  if (field.type === 'email' || field.name === 'emails') values.emails.add(text);
  if (field.name === 'phone') addPhone(values, text);
}

/** Adds the personal values of one version of a customer record (an API record, decoded). */
export function addRecordValues(values: PersonValues, fields: FieldDef[], record: ApiRecord): void {
  for (const field of fields) {
    if (!isPersonal(field) || !Object.hasOwn(record, field.name)) continue;
    const value = record[field.name];
    if (typeof value === 'string') addString(values, field, value);
    else if (Array.isArray(value)) {
      for (const item of value) {
        if (typeof item === 'string') addString(values, field, item);
        else if (item && typeof item === 'object') {
          for (const part of [(item as PhoneEntry).raw, (item as PhoneEntry).e164]) {
            if (typeof part !== 'string' || !part) continue;
            values.all.add(part.toLowerCase());
            addPhone(values, part);
          }
        }
      }
    }
  }
  const first = typeof record.first_name === 'string' ? record.first_name.trim().toLowerCase() : '';
  const last = typeof record.last_name === 'string' ? record.last_name.trim().toLowerCase() : '';
  if (first && last && !values.names.some((n) => n.first === first && n.last === last)) values.names.push({ first, last });
}

/**
 * Whether free text (a rejected import row) names the person: one of their emails, one of their
 * phones however written, or their first and last name together.
 */
export function namesPerson(values: PersonValues, text: string): boolean {
  const lower = text.toLowerCase();
  for (const email of values.emails) if (lower.includes(email)) return true;
  if (values.phoneDigits.size) {
    for (const run of lower.match(/[\d\s().+-]{9,}/g) ?? []) {
      const digits = digitsOf(run);
      for (const tail of values.phoneDigits) if (digits.includes(tail)) return true;
    }
  }
  return values.names.some((n) => lower.includes(n.first) && lower.includes(n.last));
}

/**
 * A copy of a JSON value without the person: array items that are their records (by id) are
 * dropped, as are merge conflicts that came from them, and any string equal to one of their values
 * becomes null.
 */
export function redactValue(value: unknown, values: PersonValues, ids: ReadonlySet<string>): unknown {
  if (typeof value === 'string') return values.all.has(value.trim().toLowerCase()) ? null : value;
  if (Array.isArray(value)) {
    return value
      .filter((item) => !(item && typeof item === 'object' && (ids.has((item as ApiRecord).id as string) || ids.has((item as ApiRecord).from as string))))
      .map((item) => redactValue(item, values, ids));
  }
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = redactValue(v, values, ids);
    return out;
  }
  return value;
}
