/** A cleaned customer row as the customer write pipe's input, and that input parsed as the pipe parses it. */
import { AppError } from '../core/errors.js';
import { parseCustomerInput } from '../customers/input.js';
import type { ApiRecord } from '../records/codec.js';
import { customerEntity } from '../schema/entities.js';
import type { FieldDef } from '../schema/fields.js';
import type { CleanRecord } from './cleaning.js';
import type { MappingPlan } from './mapping.js';
import type { RowError } from './types.js';

const customerInputFields = new Set(customerEntity.fields.filter((f) => !f.readOnly && f.column !== null).map((f) => f.name));

/** A cleaned row as the customer service's input: built-in fields plus custom fields, flat. */
export function customerInput(value: CleanRecord): ApiRecord {
  const input: ApiRecord = {};
  // The phone list was read in the row's own country; the primary phone is its head, never re-read as text.
  const skipPhone = !!value.phones;
  for (const k in value) {
    const v = value[k];
    if (v !== undefined && customerInputFields.has(k) && !(skipPhone && k === 'phone') && Object.hasOwn(value, k)) input[k] = v;
  }
  for (const [k, v] of Object.entries(value.custom ?? {})) input[k] = v;
  return input;
}

/**
 * Stands for a parsed create body that is the cleaned row's own values (customerInput of it, key order
 * aside), as the parse gives back for most rows: the cleaning thread sends it instead of a second copy
 * of the row, which the importing thread would take the time to copy in (see rowInput).
 */
export const asCleaned = 'as-cleaned';

/** A clean customer row's create body as parsed: the parse's own, or the row's values when the parse gave them back. */
export function rowInput(input: ApiRecord | typeof asCleaned | undefined, value: CleanRecord): ApiRecord | undefined {
  return input === asCleaned ? customerInput(value) : input;
}

/** Whether two JSON-like values are equal, key order aside (anything but plain objects and arrays by identity). */
function sameValues(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameValues(a[i], b[i])) return false;
    return true;
  }
  if (Object.getPrototypeOf(a) !== Object.prototype || Object.getPrototypeOf(b) !== Object.prototype) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  for (const k of keys) if (!Object.hasOwn(b, k) || !sameValues((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
  return true;
}

/**
 * A clean customer row's input parsed as a create body with `fields` (the customer's fields, custom ones
 * included), or why the pipe would refuse it: one error per field, naming the file's column it came from.
 */
export function parseCustomerRow(fields: FieldDef[], plan: MappingPlan, row: number, value: CleanRecord): { input: ApiRecord | typeof asCleaned; parsed: ApiRecord } | { errors: RowError[] } {
  try {
    const body = customerInput(value);
    const { input } = parseCustomerInput(fields, body, 'create');
    // `input` is what to send (see asCleaned); `parsed`, the parse's own, for what this thread derives from it.
    return { input: sameValues(input, body) ? asCleaned : input, parsed: input };
  } catch (error) {
    if (!(error instanceof AppError) || !error.fields) throw error;
    return {
      errors: Object.entries(error.fields).map(([field, messages]) => ({
        row,
        column: plan.assignments.find((a) => a.field === field)?.column ?? null,
        reason: `${field}: ${messages.join('; ')}`,
      })),
    };
  }
}
