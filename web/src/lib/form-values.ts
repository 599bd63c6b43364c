import type { FieldDef } from './fields';

/** What an input shows for a stored value. Booleans use "", "true", "false" (unknown, yes, no). */
export function toInput(field: FieldDef, value: unknown): string {
  if (value === null || value === undefined) return '';
  switch (field.type) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'string_list':
      return Array.isArray(value) ? value.join(', ') : '';
    case 'datetime': {
      const d = new Date(String(value));
      if (Number.isNaN(d.getTime())) return '';
      const local = new Date(d.getTime() - d.getTimezoneOffset() * 6e4);
      return local.toISOString().slice(0, 16);
    }
    case 'integer':
    case 'number':
      return typeof value === 'number' ? String(value) : '';
    default:
      return String(value);
  }
}

export type Parsed = { ok: true; value: unknown } | { ok: false; error: string };

/** The API value for what was typed; blank means null (a list becomes empty). */
export function fromInput(field: FieldDef, input: string): Parsed {
  const s = input.trim();
  switch (field.type) {
    case 'string_list':
      return {
        ok: true,
        value: [
          ...new Set(
            s
              .split(',')
              .map((t) => t.trim())
              .filter(Boolean),
          ),
        ],
      };
    case 'boolean':
      return { ok: true, value: s === '' ? null : s === 'true' };
    case 'integer':
    case 'number': {
      if (s === '') return { ok: true, value: null };
      const n = Number(s.replace(/\s/g, ''));
      if (!Number.isFinite(n)) return { ok: false, error: 'Enter a number' };
      if (field.type === 'integer' && !Number.isInteger(n)) return { ok: false, error: 'Enter a whole number' };
      return { ok: true, value: n };
    }
    case 'datetime': {
      if (s === '') return { ok: true, value: null };
      const d = new Date(s);
      return Number.isNaN(d.getTime()) ? { ok: false, error: 'Enter a date and time' } : { ok: true, value: d.toISOString() };
    }
    case 'longtext':
      return { ok: true, value: input === '' ? null : input };
    default:
      return { ok: true, value: s === '' ? null : s };
  }
}

/** Values that differ between two API values (lists compared by content). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) || Array.isArray(b)) return JSON.stringify(a ?? []) === JSON.stringify(b ?? []);
  return (a ?? null) === (b ?? null);
}
