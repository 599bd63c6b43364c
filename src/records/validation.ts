import { z } from '@hono/zod-openapi';
import { invalid, newFieldErrors, type FieldErrors } from '../core/errors.js';
import type { EntityDef } from '../schema/entities.js';
import { inputSchema, outputSchema, type FieldDef } from '../schema/fields.js';
import type { ApiRecord } from './codec.js';

export const writableFields = (fields: FieldDef[]) => fields.filter((f) => !f.readOnly && f.column !== null);

/** Zod issues as the API's `fields` map: field name -> messages. */
export function issuesToFields(issues: readonly { path: PropertyKey[]; message: string; code?: string; keys?: string[] }[]): FieldErrors {
  const fields = newFieldErrors();
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys' && issue.keys) {
      for (const key of issue.keys) (fields[[...issue.path.map(String), key].join('.')] ??= []).push('unknown field');
      continue;
    }
    const key = issue.path.map(String).join('.') || 'body';
    (fields[key] ??= []).push(issue.message);
  }
  return fields;
}

function shape(fields: FieldDef[], forCreate: boolean) {
  const entries = writableFields(fields).map((f) => {
    let schema = inputSchema(f);
    if (!(forCreate && f.required)) schema = schema.nullable().optional();
    return [f.name, schema.openapi({ description: f.description ?? f.label })] as const;
  });
  return Object.fromEntries(entries);
}

/**
 * Request body schemas derived from the entity's fields. Entities with custom fields accept
 * extra keys here; `validateCustomFields` checks them against the fields declared at run time.
 */
export function createSchema(entity: EntityDef, extra: Record<string, z.ZodTypeAny> = {}) {
  const base = z.object({ ...shape(entity.fields, true), ...extra });
  return entity.customFields ? base.catchall(z.unknown()) : base.strict();
}

export function updateSchema(entity: EntityDef, extra: Record<string, z.ZodTypeAny> = {}) {
  const base = z.object({ ...shape(entity.fields, false), ...extra });
  return entity.customFields ? base.catchall(z.unknown()) : base.strict();
}

export function recordSchema(entity: EntityDef, extra: Record<string, z.ZodTypeAny> = {}) {
  const entries = entity.fields.filter((f) => f.column !== null).map((f) => [f.name, outputSchema(f)] as const);
  return z.object({ ...Object.fromEntries(entries), ...extra }).catchall(z.unknown());
}

/** Checks the keys a static schema let through: each must be a declared custom field with a valid value. */
export function validateCustomFields(allFields: FieldDef[], input: ApiRecord, knownKeys: ReadonlySet<string>): ApiRecord {
  const byName = new Map(allFields.filter((f) => f.custom).map((f) => [f.name, f]));
  const errors = newFieldErrors();
  const out: ApiRecord = Object.create(null);
  for (const key of Object.keys(input)) {
    if (knownKeys.has(key)) {
      out[key] = input[key];
      continue;
    }
    const field = byName.get(key);
    if (!field) {
      (errors[key] ??= []).push('unknown field');
      continue;
    }
    if (input[key] === null) {
      out[key] = null;
      continue;
    }
    const result = inputSchema(field).safeParse(input[key]);
    if (!result.success) (errors[key] ??= []).push(...result.error.issues.map((i) => i.message));
    else out[key] = result.data;
  }
  if (Object.keys(errors).length) throw invalid(`invalid fields: ${Object.keys(errors).join(', ')}`, errors);
  return out;
}
