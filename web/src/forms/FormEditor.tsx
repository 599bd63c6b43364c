import { useState, type FormEvent } from 'react';
import { askableFields } from '../../../src/forms/askable.js';
import { Dialog } from '../components/Dialog';
import { Button, FormError } from '../components/ui';
import { useCustomerFields, type FieldDef } from '../lib/fields';
import { formsApi } from './hooks';
import type { LeadForm, LeadFormInput } from './types';

type Asked = 'off' | 'optional' | 'required';

const lines = (text: string) =>
  text
    .split(/\s+/)
    .map((s) => s.trim())
    .filter(Boolean);

const newFormFields: Record<string, Asked> = { first_name: 'required', last_name: 'optional', email: 'required', notes: 'optional' };

/**
 * The settings of a web-to-lead form: its fields (chosen from the customer fields, in the order they
 * are listed), consent wording, lead source, thank-you message and the sites allowed to embed it.
 * Empty for a new form, filled with the form's settings when one is given.
 */
export function LeadFormFields({
  form,
  choices,
  onSubmit,
  submitLabel,
}: {
  form?: LeadForm;
  choices: Pick<FieldDef, 'name' | 'label'>[];
  onSubmit: (input: LeadFormInput) => Promise<void>;
  submitLabel: string;
}) {
  const [name, setName] = useState(form?.name ?? 'Contact us');
  const [source, setSource] = useState(form?.lead_source ?? 'website form');
  const [chosen, setChosen] = useState<Record<string, Asked>>(form ? Object.fromEntries(form.fields.map((f) => [f.field, f.required ? 'required' : 'optional'])) : newFormFields);
  const [consent, setConsent] = useState(form ? (form.consent_wording ?? '') : 'Yes, send me news and offers by email. I can unsubscribe at any time.');
  const [success, setSuccess] = useState(form?.success_message ?? '');
  const [origins, setOrigins] = useState((form?.allowed_origins ?? []).join('\n'));
  const [redirect, setRedirect] = useState(form?.redirect_url ?? '');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  // A form asking a field that is no longer offered (a custom field deleted since) keeps asking it until changed here.
  const listed = [...choices, ...(form?.fields ?? []).filter((f) => !choices.some((c) => c.name === f.field)).map((f) => ({ name: f.field, label: f.label }))];

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await onSubmit({
        name,
        lead_source: source,
        fields: listed.filter((f) => (chosen[f.name] ?? 'off') !== 'off').map((f) => ({ field: f.name, required: chosen[f.name] === 'required' })),
        consent_wording: consent.trim() || null,
        success_message: success.trim() || null,
        redirect_url: redirect.trim() || null,
        allowed_origins: lines(origins),
      });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} className="form-grid">
      <div className="field">
        <label htmlFor="form-name">Name</label>
        <input id="form-name" value={name} onChange={(e) => setName(e.target.value)} required maxLength={255} />
      </div>
      <div className="field">
        <label htmlFor="form-source">Lead source</label>
        <input id="form-source" value={source} onChange={(e) => setSource(e.target.value)} required maxLength={64} />
      </div>
      <fieldset className="form-section field-longtext">
        <legend>Fields (email or phone is needed to match a lead)</legend>
        {listed.map((f) => (
          <div className="field" key={f.name}>
            <label htmlFor={`form-field-${f.name}`}>{f.label}</label>
            <select id={`form-field-${f.name}`} value={chosen[f.name] ?? 'off'} onChange={(e) => setChosen((c) => ({ ...c, [f.name]: e.target.value as Asked }))}>
              <option value="off">Not asked</option>
              <option value="optional">Optional</option>
              <option value="required">Required</option>
            </select>
          </div>
        ))}
      </fieldset>
      <div className="field field-longtext">
        <label htmlFor="form-consent">Email opt-in wording (empty: no checkbox)</label>
        <textarea id="form-consent" value={consent} onChange={(e) => setConsent(e.target.value)} maxLength={255} />
      </div>
      <div className="field field-longtext">
        <label htmlFor="form-success">Thank-you message (optional)</label>
        <input id="form-success" value={success} onChange={(e) => setSuccess(e.target.value)} maxLength={500} />
      </div>
      <div className="field field-longtext">
        <label htmlFor="form-origins">Sites allowed to embed it (one origin per line, e.g. https://www.example.com)</label>
        <textarea id="form-origins" value={origins} onChange={(e) => setOrigins(e.target.value)} />
      </div>
      <div className="field field-longtext">
        <label htmlFor="form-redirect">Send visitors to this address afterwards (optional; on an allowed site)</label>
        <input id="form-redirect" type="url" value={redirect} onChange={(e) => setRedirect(e.target.value)} />
      </div>
      <FormError error={error} />
      <div className="field-longtext">
        <Button type="submit" variant="primary" busy={busy}>
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}

/** A web-to-lead form in a dialog: a new one, or the settings of `form` to change. */
export function FormEditor({ open, form, onClose, onSaved }: { open: boolean; form?: LeadForm; onClose: () => void; onSaved: (form: LeadForm) => void }) {
  const { fields } = useCustomerFields();
  const choices = askableFields(fields);
  return (
    <Dialog open={open} onClose={onClose} title={form ? `Edit “${form.name}”` : 'New lead form'} size="lg">
      {open && (
        <LeadFormFields
          key={form?.id ?? 'new'}
          form={form}
          choices={choices}
          submitLabel={form ? 'Save changes' : 'Create form'}
          onSubmit={async (input) => onSaved(form ? await formsApi.update(form.id, input) : await formsApi.create(input))}
        />
      )}
    </Dialog>
  );
}
