/**
 * A customer's create and update bodies: their schemas and the one parse every write path runs. Pure
 * (no database), so that an import's cleaning thread can run it beside the writes (see ParsedCustomer).
 */
import { z } from '@hono/zod-openapi';
import { AppError, invalid, newFieldErrors, type FieldErrors } from '../core/errors.js';
import type { ApiRecord } from '../records/codec.js';
import { createSchema, issuesToFields, updateSchema, validateCustomFields } from '../records/validation.js';
import { customerEntity } from '../schema/entities.js';
import type { FieldDef } from '../schema/fields.js';

export const sourceRef = z.object({ source: z.string().trim().min(1).max(64), source_id: z.string().trim().min(1).max(255) }).strict();
export type SourceRef = z.infer<typeof sourceRef>;
const sourceList = z.array(sourceRef).max(100);
const sourcesField = { sources: sourceList.optional() };

export const customerCreateInput = createSchema(customerEntity, sourcesField);
export const customerUpdateInput = updateSchema(customerEntity, sourcesField);
const builtInKeys = new Set([...customerEntity.fields.map((f) => f.name), 'sources']);

/**
 * Validates a create or update body, custom fields included, as every write path must: the customer's
 * own values, and apart from them its ids in other systems (undefined when the body names none).
 */
export function parseCustomerInput(fields: FieldDef[], raw: unknown, mode: 'create' | 'update'): { input: ApiRecord; sources: SourceRef[] | undefined } {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw invalid('a customer must be a JSON object', { body: ['expected an object'] });
  const schema = mode === 'create' ? customerCreateInput : customerUpdateInput;
  const result = schema.safeParse(raw);
  const errors: FieldErrors = result.success ? newFieldErrors() : issuesToFields(result.error.issues);
  let custom: ApiRecord = {};
  try {
    custom = validateCustomFields(fields, raw as ApiRecord, builtInKeys);
  } catch (e) {
    if (!(e instanceof AppError) || !e.fields) throw e;
    for (const key of Object.keys(e.fields)) errors[key] = e.fields[key];
  }
  if (Object.keys(errors).length || !result.success) throw invalid(`invalid customer: ${Object.keys(errors).join(', ')}`, errors);
  const out: [string, unknown][] = [];
  for (const [k, v] of Object.entries(result.data as ApiRecord)) if (builtInKeys.has(k) && k !== 'sources') out.push([k, v]);
  for (const [k, v] of Object.entries(custom)) if (!builtInKeys.has(k)) out.push([k, v]);
  // Own keys defined in one go: no key can reach the prototype, and the record stays a fast object that copies quickly.
  return { input: Object.fromEntries(out), sources: (result.data as { sources?: SourceRef[] }).sources };
}

/**
 * A create body that parseCustomerInput has accepted already, with the same fields, and its ids in other
 * systems: the write pipe takes its values as they are. An import parses its rows on the thread that
 * cleans them, so the thread that writes does not parse them again; the ids are checked here, since the
 * import adds them after parsing (later edits by the import keep the values valid: a primary email set
 * to none; rows that are merged are parsed again).
 */
export class ParsedCustomer {
  readonly sources: SourceRef[];
  /**
   * @param searchText the search text made for this input where it was parsed, as createdSearchText makes
   *   it with the same fields and the writing ctx's default country (derived with the parse, like the parse).
   */
  constructor(
    readonly input: ApiRecord,
    sources: SourceRef[],
    readonly searchText?: string,
  ) {
    const checked = sourceList.safeParse(sources);
    if (!checked.success) {
      const errors = issuesToFields(checked.error.issues.map((i) => ({ ...i, path: ['sources', ...i.path] })));
      throw invalid(`invalid customer: ${Object.keys(errors).join(', ')}`, errors);
    }
    this.sources = checked.data;
  }
}
