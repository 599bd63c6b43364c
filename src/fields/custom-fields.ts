import { sql } from 'kysely';
import { z } from '@hono/zod-openapi';
import { columnTypes, readRows, type Database, type Db, type DialectName } from '../core/database.js';
import { conflict, invalid, notFound } from '../core/errors.js';
import { dropIndexIfExists, inTransactionIfDdlIs } from '../core/dialect.js';
import { newId } from '../core/ids.js';
import { renewSchemaStamp, schemaStamp } from '../core/schema-stamp.js';
import { entities, type EntityDef, type EntityName } from '../schema/entities.js';
import type { FieldDef } from '../schema/fields.js';

export const customFieldTypes = ['number', 'text', 'date', 'boolean', 'select'] as const;
export type CustomFieldType = (typeof customFieldTypes)[number];

export const customFieldInput = z
  .object({
    entity: z.enum(['customers']).default('customers'),
    name: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'must start with a letter and use only a-z, 0-9 and _ (at most 40 characters)'),
    label: z.string().trim().min(1).max(100).optional(),
    type: z.enum(customFieldTypes),
    options: z.array(z.string().trim().min(1).max(100)).max(200).optional(),
  })
  .strict();
export type CustomFieldInput = z.input<typeof customFieldInput>;

export interface CustomField {
  id: string;
  entity: EntityName;
  name: string;
  label: string;
  type: CustomFieldType;
  options: string[] | null;
  created_at: string;
}

const columnPrefix = 'cf_';

/** Names a custom field may not take: built-in fields and words the API reserves. */
const reserved = new Set(['q', 'sort', 'limit', 'cursor', 'fields', 'filter', 'segment', 'sources', 'stage', 'rfm', 'custom', 'erase']);

/**
 * Names that mean something to JavaScript objects: a record keyed by such a name would read the
 * inherited property (`constructor` is every object's), so they are refused outright.
 */
const objectWords = new Set([...Object.getOwnPropertyNames(Object.prototype), ...Object.getOwnPropertyNames(Function.prototype), 'prototype', 'then'].map((n) => n.toLowerCase()));

/** Why a name cannot be a custom field's, or null when it can. */
export function reservedNameProblem(name: string): string | null {
  if (objectWords.has(name)) return `${name} is reserved (a property every JavaScript object has)`;
  if (reserved.has(name)) return `${name} is reserved by the API's query parameters`;
  return null;
}

export function toFieldDef(field: CustomField): FieldDef {
  const type = field.type === 'date' ? 'date' : field.type === 'number' ? 'number' : field.type;
  return {
    name: field.name,
    label: field.label,
    type,
    column: columnPrefix + field.name,
    options: field.options ?? undefined,
    filterable: true,
    sortable: true,
    custom: true,
  };
}

function fromRow(row: Record<string, unknown>): CustomField {
  return {
    id: row.id as string,
    entity: row.entity as EntityName,
    name: row.name as string,
    label: row.label as string,
    type: row.type as CustomFieldType,
    options: row.options ? (JSON.parse(row.options as string) as string[]) : null,
    created_at: row.created_at as string,
  };
}

/** The custom fields this process read last, under the schema stamp they had then, and each entity's full field list. */
let lastRead: { stamp: string; fields: CustomField[]; fieldsOf: Map<EntityName, FieldDef[]> } | null = null;

/**
 * Every declared custom field. Read once per change of the columns: the schema's stamp (read once
 * per writing transaction with its other per-write reads) says whether the fields kept from the last
 * read are still the fields; they and their stamp are read in one statement, so they are of one moment.
 */
async function declaredFields(db: Db): Promise<{ stamp: string | null; fields: CustomField[] }> {
  const stamp = await schemaStamp(db);
  const kept = lastRead;
  if (stamp !== null && kept?.stamp === stamp) return kept;
  const rows = await readRows(
    db,
    db
      .selectFrom('schema_stamp as s')
      .leftJoin('custom_fields as f', (join) => join.onTrue())
      .select('s.stamp as schema_stamp')
      .selectAll('f')
      .where('s.id', '=', 1)
      .orderBy('f.created_at')
      .orderBy('f.id'),
  );
  // No stamp row (a backup restored from before stamps): the fields are read every time.
  if (rows.length === 0) return { stamp: null, fields: (await readRows(db, db.selectFrom('custom_fields').selectAll().orderBy('created_at').orderBy('id'))).map(fromRow) };
  const fields = rows.filter((r) => r.id !== null && r.id !== undefined).map(fromRow);
  lastRead = { stamp: rows[0].schema_stamp as string, fields, fieldsOf: new Map() };
  return lastRead;
}

export async function listCustomFields(db: Db, entity?: EntityName): Promise<CustomField[]> {
  const { fields } = await declaredFields(db);
  return entity ? fields.filter((f) => f.entity === entity) : [...fields];
}

/**
 * Built-in fields plus the custom fields declared now. The same array while the schema's stamp stays
 * (a token for what is kept per set of columns, as `columnsAsStored` does); a new one after any change.
 */
export async function fieldsOf(db: Db, entity: EntityDef): Promise<FieldDef[]> {
  if (!entity.customFields) return entity.fields;
  const read = await declaredFields(db);
  const kept = read.stamp !== null && lastRead?.stamp === read.stamp ? lastRead.fieldsOf.get(entity.name) : undefined;
  if (kept) return kept;
  const custom = read.fields.filter((f) => f.entity === entity.name);
  const fields = [...entity.fields, ...custom.map(toFieldDef)];
  if (read.stamp !== null && lastRead?.stamp === read.stamp) lastRead.fieldsOf.set(entity.name, fields);
  return fields;
}

/** Declares a custom field: one real, indexed column, so filters and sorting stay fast. */
export async function addCustomField(database: Database, input: CustomFieldInput): Promise<CustomField> {
  const parsed = customFieldInput.safeParse(input);
  if (!parsed.success) {
    const fields: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) (fields[issue.path.join('.') || 'body'] ??= []).push(issue.message);
    throw invalid('invalid custom field', fields);
  }
  const { entity: entityName, name, type, options } = parsed.data;
  const entity = entities[entityName];
  if (type === 'select' && (!options || options.length === 0)) throw invalid('a select field needs options', { options: ['required for select fields'] });
  const problem = reservedNameProblem(name);
  if (problem) throw invalid(problem, { name: [problem] });
  if (entity.fields.some((f) => f.name === name)) throw conflict(`${name} is a built-in field name`, { name: ['already a built-in field'] });
  const existing = await database.db.selectFrom('custom_fields').select('id').where('entity', '=', entityName).where('name', '=', name).executeTakeFirst();
  if (existing) throw conflict(`custom field ${name} already exists`, { name: ['already exists'] });

  const column = columnPrefix + name;
  const row = {
    id: newId('field'),
    entity: entityName,
    name,
    label: parsed.data.label ?? name.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase()),
    type,
    options: options ? JSON.stringify(options) : null,
    created_at: new Date().toISOString(),
  };
  // DDL commits implicitly on MySQL, so the column comes first and the declaration second.
  await inTransactionIfDdlIs(database, async (db) => {
    await addCustomFieldColumn(db, database.dialect, entity.table, column, type);
    await db.insertInto('custom_fields').values(row).execute();
    await renewSchemaStamp(db);
  });
  return fromRow(row);
}

/**
 * Removes a custom field: its declaration, its column and so every value it held. On MySQL, where
 * DDL commits by itself, the declaration goes first, so a failure leaves at worst an unused column.
 */
export async function removeCustomField(database: Database, name: string, entityName: EntityName = 'customers'): Promise<CustomField> {
  const entity = entities[entityName];
  const [declared] = await readRows(database.db, database.db.selectFrom('custom_fields').selectAll().where('entity', '=', entityName).where('name', '=', name));
  if (!declared) throw notFound('custom field', name);
  const field = fromRow(declared);
  await inTransactionIfDdlIs(database, async (db) => {
    await db.deleteFrom('custom_fields').where('id', '=', field.id).execute();
    await renewSchemaStamp(db);
    await dropCustomFieldColumn(db, entity.table, columnPrefix + field.name);
  });
  return field;
}

/** The column (and its index) that holds a custom field's values. */
export async function addCustomFieldColumn(db: Db, dialect: DialectName, table: string, column: string, type: string): Promise<void> {
  const t = columnTypes(dialect);
  const columnType = ({ number: t.real, text: t.shortText, date: t.date, boolean: t.boolean, select: t.shortText } as Record<string, string>)[type] ?? t.shortText;
  await sql`ALTER TABLE ${sql.table(table)} ADD COLUMN ${sql.ref(column)} ${sql.raw(columnType)}`.execute(db);
  await db.schema.createIndex(`${table}_${column}_ix`).on(table).column(column).execute();
}

export async function dropCustomFieldColumn(db: Db, table: string, column: string): Promise<void> {
  await dropIndexIfExists(db, table, `${table}_${column}_ix`);
  await sql`ALTER TABLE ${sql.table(table)} DROP COLUMN ${sql.ref(column)}`.execute(db);
}
