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
 * A clean customer row's input parsed as a create body with `fields` (the customer's fields, custom ones
 * included), or why the pipe would refuse it: one error per field, naming the file's column it came from.
 */
export function parseCustomerRow(fields: FieldDef[], plan: MappingPlan, row: number, value: CleanRecord): { input: ApiRecord } | { errors: RowError[] } {
  try {
    return { input: parseCustomerInput(fields, customerInput(value), 'create').input };
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
