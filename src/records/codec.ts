import { toBool, toNumber } from '../core/database.js';
import type { FieldDef } from '../schema/fields.js';
import { columnOf } from '../schema/fields.js';

export type Row = Record<string, unknown>;
export type ApiRecord = Record<string, unknown>;

function parseJsonList(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (typeof value !== 'string' || value === '') return [];
  try {
    const parsed = JSON.parse(value);
    return Array.isArray(parsed) ? parsed : [];
  } catch {
    return [];
  }
}

/** A database value as the API shows it. */
export function decodeValue(field: FieldDef, value: unknown): unknown {
  switch (field.type) {
    case 'integer':
    case 'number':
      return toNumber(value);
    case 'boolean':
      return toBool(value);
    case 'string_list':
    case 'phone_list':
      return parseJsonList(value);
    default:
      return value === undefined ? null : value;
  }
}

/** An API value as the database stores it. */
function encodeValue(field: FieldDef, value: unknown): unknown {
  if (value === undefined || value === null) {
    return field.type === 'string_list' || field.type === 'phone_list' ? '[]' : null;
  }
  switch (field.type) {
    case 'boolean':
      return value ? 1 : 0;
    case 'string_list':
    case 'phone_list':
      return JSON.stringify(value);
    default:
      return value;
  }
}

export function rowToRecord(fields: FieldDef[], row: Row, only?: ReadonlySet<string>): ApiRecord {
  const out: ApiRecord = {};
  for (const field of fields) {
    if (only && !only.has(field.name)) continue;
    const column = columnOf(field);
    if (column === null) continue;
    out[field.name] = decodeValue(field, row[column]);
  }
  return out;
}

/** Only the keys present in `input` are encoded, so a PATCH touches only what it names. */
export function recordToRow(fields: FieldDef[], input: ApiRecord): Row {
  const row: Row = {};
  for (const field of fields) {
    const column = columnOf(field);
    // Own keys only: a field named like an inherited property (`constructor`) is not "present".
    if (column === null || !Object.hasOwn(input, field.name)) continue;
    row[column] = encodeValue(field, input[field.name]);
  }
  return row;
}
