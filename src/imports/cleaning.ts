import { canonicalTimeZone, maxLongText, maxShortText } from '../schema/fields.js';
import { FIELDS, type FieldSpec } from './fields.js';
import type { MappedRow, MappedValue } from './mapping.js';
import type { CustomFieldDefinition, EntityKind, RowError } from './types.js';
import { emptyRecord } from './types.js';
import { parseBoolean } from './values/boolean.js';
import { parseDate, parseDateTime, type DateOrder } from './values/dates.js';
import { countryCode } from '../customers/country.js';
import { normaliseEmail, splitEmails } from './values/email.js';
import { fixNameCase, splitFullName } from './values/names.js';
import { parseInteger, parseMoney } from './values/numbers.js';
import { normalisePhone, splitPhones, type PhoneValue } from './values/phone.js';
import { cleanMultilineText, cleanText, splitTags } from './values/text.js';

export interface CleanOptions {
  /**
   * ISO 3166 alpha-2 country for phone numbers written without `+` in rows that name no country.
   * A row's own country (a code or a name) always wins, and an unrecognised one is never replaced by it.
   */
  defaultCountry?: string;
  /** How to read ambiguous dates such as 03/04/2021; month first unless told otherwise. */
  dateOrder?: DateOrder;
  customFields?: CustomFieldDefinition[];
}

type CleanValue = string | number | boolean | string[] | PhoneValue[];

/** A typed record with snake_case Rapport field names; custom field values sit under `custom`. */
export interface CleanRecord {
  [field: string]: CleanValue | Record<string, CleanValue> | undefined;
  custom?: Record<string, CleanValue>;
}

export interface CleanResult {
  /** null when the row cannot be imported at all. */
  value: CleanRecord | null;
  errors: RowError[];
  /** Values kept as written because they could not be cleaned (a phone that is not valid for the row's country, an unknown country). */
  warnings: RowError[];
}

const INTERACTION_TYPES: Record<string, string> = {
  email: 'email',
  'e-mail': 'email',
  mail: 'email',
  call: 'call',
  phone: 'call',
  'phone call': 'call',
  meeting: 'meeting',
  appointment: 'meeting',
  visit: 'meeting',
  note: 'note',
  comment: 'note',
  sms: 'sms',
  text: 'sms',
  'text message': 'sms',
  chat: 'chat',
  'live chat': 'chat',
  whatsapp: 'chat',
  web_visit: 'web_visit',
  'web visit': 'web_visit',
  'page view': 'web_visit',
  pageview: 'web_visit',
  campaign: 'campaign',
  newsletter: 'campaign',
};

const DIRECTIONS: Record<string, string> = {
  in: 'in',
  inbound: 'in',
  incoming: 'in',
  received: 'in',
  out: 'out',
  outbound: 'out',
  outgoing: 'out',
  sent: 'out',
};

/** Fields of which at least one must be present for a row to say who or what it is. */
const IDENTITY: Record<EntityKind, { fields: string[]; reason: string }> = {
  customers: { fields: ['first_name', 'last_name', 'email', 'phone', 'source_id'], reason: 'no name, email, phone or id to identify the customer' },
  companies: { fields: ['name', 'domain', 'source_id'], reason: 'no name, domain or id to identify the company' },
  products: { fields: ['sku', 'name', 'source_id'], reason: 'no SKU, name or id to identify the product' },
  orders: { fields: ['source_id'], reason: 'no order id' },
  interactions: { fields: ['customer_source_id', 'customer_email'], reason: 'no customer id or email to attach the interaction to' },
};

/** Turns mapped source text into typed values, collecting a reason for every value it had to drop. */
export function cleanRow(kind: EntityKind, mapped: MappedRow, options: CleanOptions = {}): CleanResult {
  const row = mapped.rowNumber;
  const errors: RowError[] = [...mapped.errors];
  const warnings: RowError[] = [];
  const record: CleanRecord = emptyRecord();
  const fail = (column: string | null, reason: string) => errors.push({ row, column, reason });
  const warn = (column: string | null, reason: string) => warnings.push({ row, column, reason });
  const context: FieldContext = { options, phoneCountry: phoneCountry(mapped, options), fail, warn };
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
  fillNamesFromFullName(record, 'customer_');

  const identity = IDENTITY[kind];
  if (!identity.fields.some((field) => record[field] !== undefined)) {
    fail(null, identity.reason);
    return { value: null, errors, warnings };
  }
  return { value: record, errors, warnings };
}

/** How national phone numbers of a row are read. */
type PhoneCountry = { code: string | undefined } | { unknown: string };

interface FieldContext {
  options: CleanOptions;
  phoneCountry: PhoneCountry;
  fail: (column: string | null, reason: string) => void;
  warn: (column: string | null, reason: string) => void;
}

/** The longest value each kind of field stores (the API's limits); a longer cell rejects its row. */
function lengthLimit(type: FieldSpec['type']): number | null {
  switch (type) {
    case 'long_text':
      return maxLongText;
    case 'id':
    case 'text':
    case 'name':
    case 'full_name':
    case 'address':
    case 'email':
    case 'country':
      return maxShortText;
    default:
      return null;
  }
}

/** Google Contacts writes several values of one label into one cell, separated by " ::: ". */
const GOOGLE_SEPARATOR = /\s*:::\s*/;

function cleanField(field: string, spec: FieldSpec, values: MappedValue[], record: CleanRecord, context: FieldContext): void {
  const { options, fail, warn } = context;
  let first = values[0];
  const limit = lengthLimit(spec.type);
  const tooLong = values.find((v) => limit !== null && v.value.trim().length > limit);
  if (tooLong) return fail(tooLong.column, `${tooLong.value.trim().length.toLocaleString('en')} characters; ${field} holds at most ${limit!.toLocaleString('en')}`);
  if (limit === maxShortText && GOOGLE_SEPARATOR.test(first.value)) {
    // A single-value field given several values: the first is kept, and the row says so.
    const [kept] = first.value.split(GOOGLE_SEPARATOR);
    warn(first.column, `several values ("${cleanText(first.value)}"); kept the first`);
    first = { column: first.column, value: kept };
  }
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
    case 'address': {
      const address = values
        .map((v) => cleanText(v.value.split(GOOGLE_SEPARATOR)[0]))
        .filter((v) => v !== '')
        .join(', ');
      if (address.length > maxShortText) return fail(first.column, `the address lines together are ${address.length} characters; at most ${maxShortText} fit`);
      return set(address);
    }
    case 'country': {
      const result = countryCode(cleanText(first.value));
      if ('code' in result) return set(result.code);
      warn(first.column, result.reason);
      return set(result.raw);
    }
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
      const phone = readPhone(cleanText(first.value), first.column, context);
      return set(phone.e164 ?? phone.raw);
    }
    case 'phones': {
      const phones = new Map<string, PhoneValue>();
      for (const { column, value } of values) {
        for (const part of splitPhones(cleanText(value))) {
          if (part.length > maxShortText) return fail(column, `${part.length} characters; a phone holds at most ${maxShortText}`);
          const phone = readPhone(part, column, context);
          const key = phone.e164 ?? phone.raw;
          if (!phones.has(key)) phones.set(key, phone);
        }
      }
      if (phones.size === 0) return;
      const list = [...phones.values()];
      record[field] = list;
      if (field === 'phones') record.phone = list[0].e164 ?? list[0].raw;
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
      const longTag = tags.find((t) => t.length > maxShortText);
      if (longTag) return fail(first.column, `a tag of ${longTag.length} characters; a tag holds at most ${maxShortText}`);
      if (tags.length > 0) record.tags = tags;
      return;
    }
    case 'interaction_type':
      return setFromTable(INTERACTION_TYPES, first, set, fail, 'interaction type');
    case 'direction':
      return setFromTable(DIRECTIONS, first, set, fail, 'direction (in or out)');
    case 'time_zone': {
      const zone = canonicalTimeZone(cleanText(first.value));
      if (zone === undefined) return fail(first.column, `"${first.value.trim()}" is not an IANA time zone (e.g. Europe/Paris)`);
      return set(zone);
    }
  }
}

function setFromTable(table: Record<string, string>, { column, value }: MappedValue, set: (value: string) => void, fail: FieldContext['fail'], what: string): void {
  const key = cleanText(value).toLowerCase();
  if (Object.hasOwn(table, key)) set(table[key]);
  else fail(column, `"${value.trim()}" is not a known ${what}`);
}

function cleanCustom(custom: CustomFieldDefinition, { column, value }: MappedValue, context: FieldContext): CleanValue | undefined {
  const text = cleanText(value);
  switch (custom.type) {
    case 'text':
      if (text.length > maxShortText) context.fail(column, `${text.length} characters; ${custom.name} holds at most ${maxShortText}`);
      return text.length > maxShortText ? undefined : text;
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

/** Splits `full_name` (or an order's `customer_full_name`) into first and last name when those are missing. */
function fillNamesFromFullName(record: CleanRecord, prefix = ''): void {
  const fullName = record[`${prefix}full_name`];
  delete record[`${prefix}full_name`];
  if (typeof fullName !== 'string' || record[`${prefix}first_name`] !== undefined || record[`${prefix}last_name`] !== undefined) return;
  const { first, last } = splitFullName(fullName);
  if (first) record[`${prefix}first_name`] = fixNameCase(first);
  if (last) record[`${prefix}last_name`] = fixNameCase(last);
}

/**
 * The country a row's national phone numbers belong to: the row's own country (a customer's
 * address country, an order's billing country) first, the import's default country only when
 * the row names none. A country the row names but Rapport cannot read is not replaced by the default.
 */
function phoneCountry(mapped: MappedRow, options: CleanOptions): PhoneCountry {
  const given = (mapped.fields.country ?? mapped.fields.customer_country)?.[0];
  if (!given) return { code: options.defaultCountry };
  const result = countryCode(cleanText(given.value.split(GOOGLE_SEPARATOR)[0]));
  return 'code' in result ? { code: result.code } : { unknown: result.raw };
}

/** A phone read in the row's country; one that cannot be read is kept as written, with the reason as a warning. */
function readPhone(text: string, column: string, context: FieldContext): PhoneValue {
  const country = context.phoneCountry;
  let phone = normalisePhone(text, 'code' in country ? country.code : undefined);
  if (!phone.e164 && 'unknown' in country && !text.startsWith('+')) {
    phone = { ...phone, reason: `the row's country "${country.unknown}" is not recognised, so a number without + cannot be read` };
  }
  if (!phone.e164) context.warn(column, `phone "${text}" kept as written: ${phone.reason}`);
  return phone;
}
