import { useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { ApiError } from '../lib/api';
import type { FieldDef } from '../lib/fields';
import { fromInput, sameValue, toInput } from '../lib/form-values';
import { Button, FormError } from './ui';

function FieldInput({ field, value, onChange, error, idPrefix = 'f' }: { field: FieldDef; value: string; onChange: (v: string) => void; error?: string; idPrefix?: string }) {
  const id = `${idPrefix}-${field.name}`;
  const describedBy = [error ? `${id}-error` : '', field.type === 'string_list' ? `${id}-hint` : ''].filter(Boolean).join(' ') || undefined;
  const common = { id, name: field.name, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy, required: field.required };
  let control: ReactNode;
  switch (field.type) {
    case 'longtext':
      control = <textarea {...common} rows={4} value={value} onChange={(e) => onChange(e.target.value)} />;
      break;
    case 'boolean':
      control = (
        <select {...common} value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">Not set</option>
          <option value="true">Yes</option>
          <option value="false">No</option>
        </select>
      );
      break;
    case 'select':
      control = (
        <select {...common} value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">Not set</option>
          {(field.options ?? []).map((o) => (
            <option key={o} value={o}>
              {o.replace(/_/g, ' ')}
            </option>
          ))}
        </select>
      );
      break;
    default: {
      const type =
        field.type === 'email' ? 'email' : field.type === 'date' ? 'date' : field.type === 'datetime' ? 'datetime-local' : field.type === 'integer' || field.type === 'number' ? 'text' : 'text';
      const inputMode = field.type === 'integer' ? 'numeric' : field.type === 'number' ? 'decimal' : undefined;
      const autoComplete =
        { first_name: 'given-name', last_name: 'family-name', email: 'email', phone: 'tel', postcode: 'postal-code', city: 'address-level2', country: 'country-name', address: 'street-address' }[
          field.name
        ] ?? 'off';
      control = <input {...common} type={type} inputMode={inputMode} autoComplete={autoComplete} value={value} onChange={(e) => onChange(e.target.value)} />;
    }
  }
  return (
    <div className={`field field-${field.type}${error ? ' has-error' : ''}`}>
      <label htmlFor={id}>
        {field.label}
        {field.required && <span aria-hidden="true"> *</span>}
      </label>
      {control}
      {field.type === 'string_list' && (
        <span className="field-hint" id={`${id}-hint`}>
          Separate with commas
        </span>
      )}
      {error && (
        <span className="field-error" id={`${id}-error`}>
          {error}
        </span>
      )}
    </div>
  );
}

export interface FieldFormProps {
  fields: FieldDef[];
  /** The stored record; only changed fields are submitted when editing. */
  record?: Record<string, unknown>;
  sections?: { title: string; fields: string[] }[];
  submitLabel?: string;
  onSubmit: (values: Record<string, unknown>) => Promise<unknown>;
  onCancel?: () => void;
  idPrefix?: string;
  /** In create mode every non-empty field is sent; in edit mode only what changed. */
  mode?: 'create' | 'edit';
  /** Controls the caller renders inside the form after the fields (pickers), and whether they hold a change to save. */
  extra?: ReactNode;
  extraChanged?: boolean;
}

/** A form generated from field metadata: the right control per type, client checks, server field errors. */
const noRecord: Record<string, unknown> = {};

export function FieldForm({ fields, record = noRecord, sections, submitLabel = 'Save', onSubmit, onCancel, idPrefix = 'f', mode = 'edit', extra, extraChanged = false }: FieldFormProps) {
  const initial = useMemo(() => Object.fromEntries(fields.map((f) => [f.name, toInput(f, record[f.name])])), [fields, record]);
  const [values, setValues] = useState<Record<string, string>>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [baseline, setBaseline] = useState(initial);
  if (baseline !== initial) {
    // The record changed underneath (saved elsewhere, reloaded): start from it again.
    setBaseline(initial);
    setValues(initial);
    setErrors({});
  }
  const dirty = extraChanged || fields.some((f) => values[f.name] !== initial[f.name]);

  const groups = useMemo(() => {
    if (!sections) return [{ title: '', fields }];
    const placed = new Set(sections.flatMap((s) => s.fields));
    const out = sections.map((s) => ({ title: s.title, fields: s.fields.map((n) => fields.find((f) => f.name === n)).filter((f): f is FieldDef => !!f) }));
    const rest = fields.filter((f) => !placed.has(f.name));
    if (rest.length) out.push({ title: 'More', fields: rest });
    return out.filter((g) => g.fields.length);
  }, [fields, sections]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const out: Record<string, unknown> = {};
    const problems: Record<string, string> = {};
    for (const f of fields) {
      const raw = values[f.name] ?? '';
      if (mode === 'edit' && raw === initial[f.name]) continue;
      const parsed = fromInput(f, raw);
      if (!parsed.ok) {
        problems[f.name] = parsed.error;
        continue;
      }
      if (f.required && (parsed.value === null || parsed.value === '')) {
        problems[f.name] = 'Required';
        continue;
      }
      if (mode === 'create' && (parsed.value === null || (Array.isArray(parsed.value) && parsed.value.length === 0))) continue;
      if (mode === 'edit' && sameValue(parsed.value, record[f.name])) continue;
      out[f.name] = parsed.value;
    }
    setErrors(problems);
    setFormError(null);
    if (Object.keys(problems).length) {
      document.getElementById(`${idPrefix}-${Object.keys(problems)[0]}`)?.focus();
      return;
    }
    setBusy(true);
    try {
      await onSubmit(out);
    } catch (error) {
      if (error instanceof ApiError && Object.keys(error.fields).length) {
        const known = Object.fromEntries(Object.entries(error.fieldMessages()).filter(([k]) => fields.some((f) => f.name === k)));
        setErrors(known);
        if (Object.keys(known).length < Object.keys(error.fields).length || !Object.keys(known).length) setFormError(error);
        const first = Object.keys(known)[0];
        if (first) document.getElementById(`${idPrefix}-${first}`)?.focus();
      } else setFormError(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="field-form" onSubmit={submit} noValidate>
      {groups.map((g) => (
        <fieldset key={g.title || 'all'} className="form-section">
          {g.title && <legend>{g.title}</legend>}
          <div className="form-grid">
            {g.fields.map((f) => (
              <FieldInput key={f.name} field={f} idPrefix={idPrefix} value={values[f.name] ?? ''} error={errors[f.name]} onChange={(v) => setValues((s) => ({ ...s, [f.name]: v }))} />
            ))}
          </div>
        </fieldset>
      ))}
      {extra}
      <FormError error={formError} />
      <div className="form-actions">
        {onCancel && (
          <Button variant="ghost" onClick={onCancel}>
            Cancel
          </Button>
        )}
        {mode === 'edit' && onCancel === undefined && dirty && (
          <Button variant="ghost" onClick={() => (setValues(initial), setErrors({}))}>
            Discard changes
          </Button>
        )}
        <Button type="submit" variant="primary" busy={busy} disabled={mode === 'edit' && !dirty}>
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}
