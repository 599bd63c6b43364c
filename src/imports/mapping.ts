import { FIELD_ALIASES, FIELDS, normaliseHeader } from './fields.js';
import { detectPreset, presetById, presetColumn, type Preset } from './presets.js';
import { emptyRecord, type CustomFieldDefinition, type EntityKind, type RowError, type SourceRow } from './types.js';

export class MappingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MappingError';
  }
}

interface ColumnAssignment {
  column: string;
  field: string;
  /** Lower wins: the first non-empty value of a single field, the primary of a list. */
  rank: number;
}

export interface MappingPlan {
  kind: EntityKind;
  preset: string | null;
  assignments: ColumnAssignment[];
  unmapped: string[];
  customFields: CustomFieldDefinition[];
}

/** `["Column Name=field", "Other="]` (empty field: ignore the column) or `{ "Column Name": "field" | null }`. */
export type MappingOverrides = string[] | Record<string, string | null>;

export interface PlanOptions {
  kind?: EntityKind;
  /** A preset id, `false` to disable detection; detected from the headers when omitted. */
  preset?: string | false;
  overrides?: MappingOverrides;
  customFields?: CustomFieldDefinition[];
}

const AUTO_RANK = 1000;

/** Decides which Rapport field each source column feeds. */
export function planMapping(headers: string[], options: PlanOptions = {}): MappingPlan {
  const preset = choosePreset(headers, options);
  const kind = options.kind ?? preset?.kind ?? 'customers';
  const customFields = options.customFields ?? [];
  checkCustomFields(kind, customFields);
  const autoTargets = autoTargetIndex(kind, customFields);

  const targets = new Map<string, { field: string | null; rank: number }>();
  headers.forEach((column, index) => {
    const known = preset ? presetColumn(preset, column) : undefined;
    if (known) targets.set(column, known);
    else targets.set(column, { field: autoTarget(autoTargets, column), rank: AUTO_RANK + index });
  });
  for (const [column, field] of overrideEntries(options.overrides)) {
    const header = headers.find((h) => h === column) ?? headers.find((h) => normaliseHeader(h) === normaliseHeader(column));
    if (header === undefined) throw new MappingError(`Column "${column}" is not in the file.`);
    const target = field ? resolveField(kind, customFields, field) : null;
    targets.set(header, { field: target, rank: targets.get(header)?.rank ?? 0 });
  }

  const assignments: ColumnAssignment[] = [];
  const unmapped: string[] = [];
  for (const column of headers) {
    const { field, rank } = targets.get(column)!;
    if (field) assignments.push({ column, field, rank });
    else unmapped.push(column);
  }
  assignments.sort((a, b) => a.rank - b.rank);
  return { kind, preset: preset?.id ?? null, assignments, unmapped, customFields };
}

export interface MappedValue {
  column: string;
  value: string;
}

/** Source values grouped by Rapport field, in priority order; empty cells are left out. */
export interface MappedRow {
  rowNumber: number;
  fields: Record<string, MappedValue[]>;
  errors: RowError[];
}

export function mapRow(plan: MappingPlan, row: SourceRow): MappedRow {
  const fields = emptyRecord<MappedValue[]>();
  for (const { column, field } of plan.assignments) {
    const value = row.values[column];
    if (value === undefined || value.trim() === '') continue;
    (fields[field] ??= []).push({ column, value });
  }
  return { rowNumber: row.rowNumber, fields, errors: row.errors };
}

function choosePreset(headers: string[], options: PlanOptions): Preset | null {
  if (options.preset === false) return null;
  if (options.preset) {
    const preset = presetById(options.preset);
    if (!preset) throw new MappingError(`Unknown preset "${options.preset}".`);
    return preset;
  }
  const match = detectPreset(headers);
  if (!match || (options.kind && match.preset.kind !== options.kind)) return null;
  return match.preset;
}

function checkCustomFields(kind: EntityKind, customFields: CustomFieldDefinition[]): void {
  for (const custom of customFields) {
    if (Object.hasOwn(FIELDS[kind], custom.name) || Object.hasOwn(FIELD_ALIASES[kind] ?? {}, custom.name)) {
      throw new MappingError(`Custom field "${custom.name}" has the name of a built-in field.`);
    }
  }
}

function autoTargetIndex(kind: EntityKind, customFields: CustomFieldDefinition[]): Map<string, string> {
  const index = new Map<string, string>();
  for (const custom of customFields) index.set(normaliseHeader(custom.name), custom.name);
  for (const [field, spec] of Object.entries(FIELDS[kind])) {
    for (const name of [field, ...spec.synonyms]) {
      const key = normaliseHeader(name);
      if (!index.has(key)) index.set(key, field);
    }
  }
  return index;
}

function autoTarget(index: Map<string, string>, column: string): string | null {
  const key = normaliseHeader(column);
  // "Email 2", "Phone_3": numbered copies of a known column
  return index.get(key) ?? index.get(key.replace(/\d+/g, '')) ?? null;
}

function resolveField(kind: EntityKind, customFields: CustomFieldDefinition[], name: string): string {
  const aliases = FIELD_ALIASES[kind] ?? {};
  const field = Object.hasOwn(aliases, name) ? aliases[name] : name;
  if (Object.hasOwn(FIELDS[kind], field) || customFields.some((c) => c.name === field)) return field;
  const valid = [...Object.keys(FIELDS[kind]), ...customFields.map((c) => c.name)].join(', ');
  throw new MappingError(`"${name}" is not a ${kind} field. Valid fields: ${valid}.`);
}

function overrideEntries(overrides: MappingOverrides | undefined): [string, string | null][] {
  if (!overrides) return [];
  if (!Array.isArray(overrides)) return Object.entries(overrides);
  return overrides.map((entry) => {
    const at = entry.lastIndexOf('=');
    if (at < 0) throw new MappingError(`Mapping "${entry}" should look like "Column Name=field".`);
    const field = entry.slice(at + 1).trim();
    return [entry.slice(0, at).trim(), field === '' || field === '-' ? null : field];
  });
}
