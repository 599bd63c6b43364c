import { z } from '@hono/zod-openapi';

export type FieldType = 'id' | 'text' | 'longtext' | 'email' | 'integer' | 'number' | 'date' | 'datetime' | 'boolean' | 'select' | 'string_list' | 'phone_list';

/** Import parsing of a field beyond what its type says (see `FieldDef.importAs`). */
type ImportParsing = 'name' | 'emails' | 'phone' | 'address' | 'country' | 'money' | 'interaction_type' | 'direction' | 'time_zone';

/** One field of an entity: everything the API, filters, import, export and UI need to know. */
export interface FieldDef {
  name: string;
  label: string;
  type: FieldType;
  /** Column name when it differs from the field name; null = not a column (computed on read). */
  column?: string | null;
  options?: readonly string[];
  /** Set by Rapport, never by a client (ids, figures, timestamps). */
  readOnly?: boolean;
  /**
   * The column is NOT NULL in the schema (a test compares with the migrated database): sorting and
   * keyset paging on it need no care for missing values. Unset: the column may hold NULL.
   */
  notNull?: boolean;
  required?: boolean;
  filterable?: boolean;
  sortable?: boolean;
  /** Part of CSV export and import mapping (default true). */
  exportable?: boolean;
  /** Alternative header names that import mapping recognises. */
  synonyms?: readonly string[];
  /**
   * How import cleaning reads the field from a file when its type alone does not tell: a person's name
   * part, a list of emails, one phone, a street address, a country (kept as ISO 3166-1 alpha-2), an
   * amount of money, an interaction type or direction spelled as sources spell them.
   */
  importAs?: ImportParsing;
  /** A text field of a stricter form: `time_zone` accepts an IANA time zone and stores its canonical spelling. */
  format?: 'time_zone';
  custom?: boolean;
  description?: string;
  /** The section of the record's form the field shows in (in registry order); fields without one go under "More". */
  section?: string;
  /**
   * Holds data about a person (GDPR): erased by `DELETE /api/customers/{id}?erase=true` and listed by
   * the customer's export. Every built-in field says yes or no (a test checks); custom fields count as
   * personal, since the user may put anything in them.
   */
  personal?: boolean;
}

/** Whether a field holds personal data: its own flag, or true for a custom field. */
export const isPersonal = (field: FieldDef): boolean => field.personal ?? !!field.custom;

export const maxShortText = 255;
export const maxLongText = 100_000;

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

function validDate(s: string): boolean {
  if (!isoDate.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** Accepts any ISO 8601 date-time (or a bare date) and stores it as UTC with milliseconds. */
export const dateTimeInput = z
  .string()
  .refine((s) => /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(s) && !Number.isNaN(Date.parse(s)), {
    message: 'must be an ISO 8601 date-time, e.g. 2026-03-01T09:30:00Z',
  })
  .transform((s) => new Date(/T|\s/.test(s) && !/(Z|[+-]\d{2}:?\d{2})$/.test(s) ? `${s.replace(' ', 'T')}Z` : s).toISOString());

const dateInput = z.string().refine(validDate, { message: 'must be a date in the form YYYY-MM-DD' });

const phoneEntry = z
  .object({
    raw: z.string().max(maxShortText),
    e164: z.string().nullable(),
    reason: z.string().optional(),
  })
  .strict();
export type PhoneEntry = z.infer<typeof phoneEntry>;

/** An IANA time zone's canonical spelling (`europe/paris` → `Europe/Paris`), or undefined when it names none. */
export function canonicalTimeZone(value: string): string | undefined {
  const name = value.trim();
  if (!name || name.length > 64) return undefined;
  try {
    return new Intl.DateTimeFormat('en', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

const timeZoneInput = z
  .string()
  .refine((s) => canonicalTimeZone(s) !== undefined, { message: 'must be an IANA time zone, e.g. Europe/Paris or America/New_York' })
  .transform((s) => canonicalTimeZone(s)!);

/** The zod type of a field's value as a client sends it (before nullability). */
export function inputSchema(field: FieldDef): z.ZodTypeAny {
  switch (field.type) {
    case 'id':
      return z.string().min(1).max(40);
    case 'text':
      if (field.format === 'time_zone') return timeZoneInput;
      return z.string().trim().max(maxShortText);
    case 'longtext':
      return z.string().max(maxLongText);
    case 'email':
      return z.string().trim().max(maxShortText).email({ message: 'must be a valid e-mail address' });
    case 'integer':
      return z.number().int().min(-1e12).max(1e12);
    case 'number':
      return z.number().finite().min(-1e15).max(1e15);
    case 'date':
      return dateInput;
    case 'datetime':
      return dateTimeInput;
    case 'boolean':
      return z.boolean();
    case 'select':
      return field.options && field.options.length > 0 ? z.enum(field.options as [string, ...string[]]) : z.string().max(maxShortText);
    case 'string_list':
      return z.array(z.string().trim().min(1).max(maxShortText)).max(1000);
    case 'phone_list':
      return z.array(z.union([z.string().max(maxShortText), phoneEntry])).max(100);
  }
}

/**
 * A field's value in a record the API returns: null only where its column may hold NULL; a built-in
 * choice is one of its options (a custom field's options can change after values were stored).
 */
export function outputSchema(field: FieldDef): z.ZodTypeAny {
  const maybeNull = (schema: z.ZodTypeAny) => (isNotNull(field) ? schema : schema.nullable());
  switch (field.type) {
    case 'select':
      return maybeNull(!field.custom && field.options && field.options.length > 0 ? z.enum(field.options as [string, ...string[]]) : z.string());
    case 'integer':
    case 'number':
      return maybeNull(z.number());
    case 'boolean':
      return maybeNull(z.boolean());
    case 'string_list':
      return z.array(z.string());
    case 'phone_list':
      return z.array(phoneEntry);
    default:
      return maybeNull(z.string());
  }
}

/** Whether the field's column never holds NULL (see `FieldDef.notNull`). */
export const isNotNull = (field: FieldDef): boolean => field.notNull === true;

export const columnOf = (field: FieldDef): string | null => (field.column === undefined ? field.name : field.column);

export function isNumeric(field: FieldDef): boolean {
  return field.type === 'integer' || field.type === 'number';
}

export function isList(field: FieldDef): boolean {
  return field.type === 'string_list' || field.type === 'phone_list';
}
