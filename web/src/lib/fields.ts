import { useEffect, useSyncExternalStore } from 'react';
import { customerEntity, interactionTypes, orderStatuses, taskEntity, companyEntity } from '../../../src/schema/entities.js';
import type { FieldDef } from '../../../src/schema/fields.js';
import { api, type CustomField, type Page } from './api';

/**
 * Field metadata for the UI, read from the same registry the API validates with, plus the custom
 * fields declared at run time (GET /api/fields).
 */
export type { FieldDef };
export { customerEntity, taskEntity };

export function customFieldDef(f: CustomField): FieldDef {
  return { name: f.name, label: f.label, type: f.type, options: f.options ?? undefined, filterable: true, sortable: true, custom: true };
}

interface CustomFieldState {
  status: 'idle' | 'loading' | 'ready' | 'error';
  fields: CustomField[];
}

let state: CustomFieldState = { status: 'idle', fields: [] };
const listeners = new Set<() => void>();
const set = (next: CustomFieldState) => {
  state = next;
  listeners.forEach((l) => l());
};

export async function reloadCustomFields(): Promise<void> {
  set({ ...state, status: state.status === 'ready' ? 'ready' : 'loading' });
  try {
    const page = await api.get<Page<CustomField>>('/api/fields');
    set({ status: 'ready', fields: page.data });
  } catch {
    set({ ...state, status: 'error' });
  }
}

export function resetCustomFields() {
  state = { status: 'idle', fields: [] };
}

/** Built-in customer fields followed by the custom ones. */
export function useCustomerFields(): { fields: FieldDef[]; custom: CustomField[]; ready: boolean } {
  const s = useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => state,
  );
  useEffect(() => {
    if (s.status === 'idle') void reloadCustomFields();
  }, [s.status]);
  return { fields: withCustom(s.fields), custom: s.fields, ready: s.status === 'ready' || s.status === 'error' };
}

const cache = new WeakMap<CustomField[], FieldDef[]>();
function withCustom(custom: CustomField[]): FieldDef[] {
  let out = cache.get(custom);
  if (!out) {
    out = [...customerEntity.fields, ...custom.map(customFieldDef)];
    cache.set(custom, out);
  }
  return out;
}

/** Fields a person edits on the profile form, in registry order. */
const notEditable = new Set(['emails', 'phones', 'company_id', 'consent_email_at', 'consent_sms_at']);
export function editableFields(fields: FieldDef[]): FieldDef[] {
  return fields.filter((f) => !f.readOnly && f.type !== 'id' && f.type !== 'phone_list' && !notEditable.has(f.name));
}

/** A form's sections from the registry's `section` of each field, in registry order. */
export function sectionsOf(fields: FieldDef[]): { title: string; fields: string[] }[] {
  const out: { title: string; fields: string[] }[] = [];
  for (const f of fields) {
    if (!f.section) continue;
    const section = out.find((s) => s.title === f.section);
    if (section) section.fields.push(f.name);
    else out.push({ title: f.section, fields: [f.name] });
  }
  return out;
}

/** Sections of the customer form; fields without a section land in "More" (custom fields too). */
export const customerSections = sectionsOf(customerEntity.fields);

function fieldByName(fields: FieldDef[], name: string): FieldDef | undefined {
  return fields.find((f) => f.name === name);
}

export function displayName(record: Record<string, unknown>): string {
  if (record.erased_at) return 'Erased customer';
  const name = [record.first_name, record.last_name].filter((v) => typeof v === 'string' && v.trim()).join(' ');
  return name || (typeof record.email === 'string' && record.email) || 'Unnamed customer';
}
