import { FIELDS, type FieldSpec } from './fields.js';
import type { MappedRow, MappedValue } from './mapping.js';
import type { CustomFieldDefinition, EntityKind, RowError } from './types.js';
import { emptyRecord } from './types.js';
import { parseBoolean } from './values/boolean.js';
import { parseDate, parseDateTime, type DateOrder } from './values/dates.js';
import { normaliseEmail, splitEmails } from './values/email.js';
import { fixNameCase, splitFullName } from './values/names.js';
import { parseInteger, parseMoney } from './values/numbers.js';
import { normalisePhone, splitPhones, type PhoneValue } from './values/phone.js';
import { cleanMultilineText, cleanText, splitTags } from './values/text.js';

export interface CleanOptions {
  /** ISO 3166 alpha-2 country for phone numbers written without `+`; a row's own 2-letter country wins. */
  defaultCountry?: string;
  /** How to read ambiguous dates such as 03/04/2021; month first unless told otherwise. */
  dateOrder?: DateOrder;
  customFields?: CustomFieldDefinition[];
}

export type CleanValue = string | number | boolean | string[] | PhoneValue[];

/** A typed record with snake_case Rapport field names; custom field values sit under `custom`. */
export interface CleanRecord {
  [field: string]: CleanValue | Record<string, CleanValue> | undefined;
  custom?: Record<string, CleanValue>;
}

export interface CleanResult {
  /** null when the row cannot be imported at all. */
  value: CleanRecord | null;
  errors: RowError[];
}

const INTERACTION_TYPES: Record<string, string> = {
  email: 'email', 'e-mail': 'email', mail: 'email',
  call: 'call', phone: 'call', 'phone call': 'call',
  meeting: 'meeting', appointment: 'meeting', visit: 'meeting',
  note: 'note', comment: 'note',
  sms: 'sms', text: 'sms', 'text message': 'sms',
  chat: 'chat', 'live chat': 'chat', whatsapp: 'chat',
  web_visit: 'web_visit', 'web visit': 'web_visit', 'page view': 'web_visit', pageview: 'web_visit',
  campaign: 'campaign', newsletter: 'campaign',
};

const DIRECTIONS: Record<string, string> = {
  in: 'in', inbound: 'in', incoming: 'in', received: 'in',
  out: 'out', outbound: 'out', outgoing: 'out', sent: 'out',
};

/** Fields of which at least one must be present for a row to say who or what it is. */
const IDENTITY: Record<EntityKind, { fields: string[]; reason: string }> = {
  customers: { fields: ['first_name', 'last_name', 'email', 'phone', 'source_id'], reason: 'no name, email, phone or id to identify the customer' },
  companies: { fields: ['name', 'domain', 'source_id'], reason: 'no name, domain or id to identify the company' },
  products: { fields: ['sku', 'name', 'source_id'], reason: 'no SKU, name or id to identify the product' },
  orders: { fields: ['source_id'], reason: 'no order id' },
  interactions: { fields: ['customer_source_id', 'customer_email'], reason: 'no customer id or email to attach the interaction to' },
};

/** The E.164 phone of a record whose `phone` cleaning found valid, so that writers need not parse it again. */
const validPhones = new WeakMap<CleanRecord, string>();

export function validatedPhone(record: CleanRecord): string | undefined {
  return validPhones.get(record);
}

/** Turns mapped source text into typed values, collecting a reason for every value it had to drop. */
export function cleanRow(kind: EntityKind, mapped: MappedRow, options: CleanOptions = {}): CleanResult {
  const row = mapped.rowNumber;
  const errors: RowError[] = [...mapped.errors];
  const record: CleanRecord = emptyRecord();
  const fail = (column: string | null, reason: string) => errors.push({ row, column, reason });
  const country = rowCountry(mapped.fields.country);
  const context: FieldContext = { options, phoneCountry: country ?? options.defaultCountry, fail };
  const customFields = options.customFields ?? [];

  for (const [field, values] of Object.entries(mapped.fields)) {
    const custom = customFields.find((c) => c.name === field);
    if (custom) {
      const value = cleanCustom(custom, values[0], context);
      if (value !== undefined) (record.custom ??= emptyRecord())[field] = value;
      continue;
    }
    const spec = Object.hasOwn(FIELDS[kind], field) ? FIELDS[kind][field] : undefined;
    if (!spec) continue;
    cleanField(field, spec, values, record, context);
  }
  fillNamesFromFullName(record);

  const identity = IDENTITY[kind];
  if (!identity.fields.some((field) => record[field] !== undefined)) {
    fail(null, identity.reason);
    return { value: null, errors };
  }
  return { value: record, errors };
}

interface FieldContext {
  options: CleanOptions;
  phoneCountry: string | undefined;
  fail: (column: string | null, reason: string) => void;
}

function cleanField(field: string, spec: FieldSpec, values: MappedValue[], record: CleanRecord, context: FieldContext): void {
  const { options, fail } = context;
  const first = values[0];
  const set = (value: CleanValue | undefined) => {
    if (value !== undefined && value !== '') record[field] = value;
  };
  switch (spec.type) {
    case 'id':
      return set(cleanText(first.value).replace(/^'/, ''));
    case 'text':
      return set(cleanText(first.value));
    case 'long_text':
      return set(cleanMultilineText(first.value));
    case 'name':
      return set(fixNameCase(cleanText(first.value)));
    case 'full_name':
      return set(cleanText(first.value));
    case 'address':
      return set(values.map((v) => cleanText(v.value)).filter((v) => v !== '').join(', '));
    case 'email': {
      const email = normaliseEmail(cleanText(first.value));
      if (email) return set(email);
      return fail(first.column, `"${first.value.trim()}" is not a valid email address`);
    }
    case 'emails': {
      const emails = new Set<string>();
      for (const { column, value } of values) {
        for (const part of splitEmails(value.normalize('NFC'))) {
          const email = normaliseEmail(part);
          if (email) emails.add(email);
          else fail(column, `"${part}" is not a valid email address`);
        }
      }
      if (emails.size === 0) return;
      record.emails = [...emails];
      record.email = record.emails[0];
      return;
    }
    case 'phone': {
      const phone = normalisePhone(cleanText(first.value), context.phoneCountry);
      if (phone.e164) validPhones.set(record, phone.e164);
      return set(phone.e164 ?? phone.raw);
    }
    case 'phones': {
      const phones = new Map<string, PhoneValue>();
      for (const { value } of values) {
        for (const part of splitPhones(cleanText(value))) {
          const phone = normalisePhone(part, context.phoneCountry);
          const key = phone.e164 ?? phone.raw;
          if (!phones.has(key)) phones.set(key, phone);
        }
      }
      if (phones.size === 0) return;
      record.phones = [...phones.values()];
      record.phone = record.phones[0].e164 ?? record.phones[0].raw;
      if (record.phones[0].e164) validPhones.set(record, record.phones[0].e164);
      return;
    }
    case 'date': {
      const result = parseDate(cleanText(first.value), options.dateOrder);
      if ('error' in result) return fail(first.column, result.error);
      return set('date' in result ? result.date : undefined);
    }
    case 'datetime': {
      const result = parseDateTime(cleanText(first.value), options.dateOrder);
      if ('error' in result) return fail(first.column, result.error);
      return set('value' in result ? result.value : undefined);
    }
    case 'int': {
      const value = parseInteger(first.value);
      if (value === null || value < 0) return fail(first.column, `"${first.value.trim()}" is not a whole number`);
      return set(value);
    }
    case 'number':
    case 'money': {
      const value = parseMoney(first.value);
      if (value === null) return fail(first.column, `"${first.value.trim()}" is not a number`);
      return set(value);
    }
    case 'boolean': {
      const value = parseBoolean(first.value);
      if (value === null) return fail(first.column, `"${first.value.trim()}" is not yes or no`);
      return set(value);
    }
    case 'tags': {
      const tags = [...new Set(values.flatMap((v) => splitTags(v.value)))];
      if (tags.length > 0) record.tags = tags;
      return;
    }
    case 'interaction_type':
      return setFromTable(INTERACTION_TYPES, first, set, fail, 'interaction type');
    case 'direction':
      return setFromTable(DIRECTIONS, first, set, fail, 'direction (in or out)');
  }
}

function setFromTable(
  table: Record<string, string>,
  { column, value }: MappedValue,
  set: (value: string) => void,
  fail: FieldContext['fail'],
  what: string,
): void {
  const key = cleanText(value).toLowerCase();
  if (Object.hasOwn(table, key)) set(table[key]);
  else fail(column, `"${value.trim()}" is not a known ${what}`);
}

function cleanCustom(custom: CustomFieldDefinition, { column, value }: MappedValue, context: FieldContext): CleanValue | undefined {
  const text = cleanText(value);
  switch (custom.type) {
    case 'text':
      return text;
    case 'number': {
      const number = parseMoney(text);
      if (number === null) context.fail(column, `"${text}" is not a number`);
      return number ?? undefined;
    }
    case 'date': {
      const result = parseDate(text, context.options.dateOrder);
      if ('error' in result) context.fail(column, result.error);
      return 'date' in result ? result.date : undefined;
    }
    case 'boolean': {
      const flag = parseBoolean(text);
      if (flag === null) context.fail(column, `"${text}" is not yes or no`);
      return flag ?? undefined;
    }
    case 'select': {
      const option = custom.options?.find((o) => o.toLowerCase() === text.toLowerCase());
      if (option === undefined) context.fail(column, `"${text}" is not one of: ${(custom.options ?? []).join(', ')}`);
      return option;
    }
  }
}

function fillNamesFromFullName(record: CleanRecord): void {
  const fullName = record.full_name;
  delete record.full_name;
  if (typeof fullName !== 'string' || record.first_name !== undefined || record.last_name !== undefined) return;
  const { first, last } = splitFullName(fullName);
  if (first) record.first_name = fixNameCase(first);
  if (last) record.last_name = fixNameCase(last);
}

function rowCountry(values: MappedValue[] | undefined): string | undefined {
  const text = values?.[0]?.value.trim().toUpperCase();
  if (!text || !/^[A-Z]{2}$/.test(text)) return undefined;
  return text === 'UK' ? 'GB' : text;
}
