import type { FieldDef } from '../schema/fields.js';

/** Field types a visitor can type into a plain HTML input. */
const askableTypes = new Set<FieldDef['type']>(['text', 'longtext', 'email', 'date', 'integer', 'number', 'select']);
/** Customer fields a form never asks for: set by Rapport or by the form itself (source, consent). */
const notAskable = new Set([
  'source',
  'tags',
  'company_id',
  'customer_since',
  'emails',
  'phones',
  'consent_email',
  'consent_email_at',
  'consent_email_method',
  'consent_sms',
  'consent_sms_at',
  'consent_sms_method',
]);

/** The customer fields a form may ask for, custom fields included (pure: the web app uses it too). */
export function askableFields(fields: FieldDef[]): FieldDef[] {
  return fields.filter((f) => !f.readOnly && !notAskable.has(f.name) && askableTypes.has(f.type));
}
