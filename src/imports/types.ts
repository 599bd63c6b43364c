export type EntityKind = 'customers' | 'companies' | 'products' | 'orders' | 'interactions';

/** A problem with one row of an import; `column` is the source column name when known. */
export interface RowError {
  row: number;
  column: string | null;
  reason: string;
}

/** One record from a reader: source column name -> raw text. */
export interface SourceRow {
  rowNumber: number;
  values: Record<string, string>;
  errors: RowError[];
}

type CustomFieldType = 'number' | 'text' | 'date' | 'boolean' | 'select';

export interface CustomFieldDefinition {
  name: string;
  type: CustomFieldType;
  options?: string[];
}

/** Object without a prototype, so keys such as `__proto__` are plain data. */
export function emptyRecord<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}
