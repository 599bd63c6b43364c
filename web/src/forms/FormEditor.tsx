import { useState, type FormEvent } from 'react';
import { askableFields } from '../../../src/forms/askable.js';
import { Dialog } from '../components/Dialog';
import { Button, FormError } from '../components/ui';
import { useCustomerFields } from '../lib/fields';
import { formsApi } from './hooks';
import type { LeadForm } from './types';

const lines = (text: string) =>
  text
    .split(/\s+/)
    .map((s) => s.trim())
    .filter(Boolean);

/** A new web-to-lead form: its fields (chosen from the customer fields), consent wording, source and origins. */
export function FormEditor({ open, onClose, onSaved }: { open: boolean; onClose: () => void; onSaved: (form: LeadForm) => void }) {
  const { fields } = useCustomerFields();
  const choices = askableFields(fields);
  const [name, setName] = useState('Contact us');
  const [source, setSource] = useState('website form');
  const [chosen, setChosen] = useState<Record<string, 'off' | 'optional' | 'required'>>({ first_name: 'required', last_name: 'optional', email: 'required', notes: 'optional' });
  const [consent, setConsent] = useState('Yes, send me news and offers by email. I can unsubscribe at any time.');
  const [origins, setOrigins] = useState('');
  const [redirect, setRedirect] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const form = await formsApi.create({
        name,
        lead_source: source,
        fields: choices.filter((f) => (chosen[f.name] ?? 'off') !== 'off').map((f) => ({ field: f.name, required: chosen[f.name] === 'required' })),
        consent_wording: consent.trim() || null,
        success_message: null,
        redirect_url: redirect.trim() || null,
        allowed_origins: lines(origins),
      });
      onSaved(form);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open={open} onClose={onClose} title="New lead form" size="lg">
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
          {choices.map((f) => (
            <div className="field" key={f.name}>
              <label htmlFor={`form-field-${f.name}`}>{f.label}</label>
              <select id={`form-field-${f.name}`} value={chosen[f.name] ?? 'off'} onChange={(e) => setChosen((c) => ({ ...c, [f.name]: e.target.value as 'off' }))}>
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
            Create form
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
