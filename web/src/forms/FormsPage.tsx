import { useState } from 'react';
import { Badge, Button, Card, EmptyState, ErrorState, Loading, PageHeader } from '../components/ui';
import { useDocumentTitle } from '../lib/hooks';
import { FormEditor } from './FormEditor';
import { embedSnippet, formsApi, useForms } from './hooks';
import type { LeadForm } from './types';

function FormRow({ form, onChanged, onEdit }: { form: LeadForm; onChanged: () => void; onEdit: () => void }) {
  const hosted = `${window.location.origin}${form.hosted_url}`;
  return (
    <tr>
      <td>
        <strong>{form.name}</strong>
        <div className="muted small">
          {form.fields.map((f) => `${f.label}${f.required ? '*' : ''}`).join(', ')} · source “{form.lead_source}”
        </div>
      </td>
      <td>
        <a href={hosted} target="_blank" rel="noreferrer">
          Hosted page
        </a>
        <label className="sr-only" htmlFor={`embed-${form.id}`}>
          Embed code of {form.name}
        </label>
        <input id={`embed-${form.id}`} className="small" readOnly value={embedSnippet(form)} onFocus={(e) => e.currentTarget.select()} />
      </td>
      <td>{form.active ? <Badge tone="success">active</Badge> : <Badge>off</Badge>}</td>
      <td className="row-actions">
        <Button size="sm" onClick={onEdit} aria-label={`Edit ${form.name}`}>
          Edit
        </Button>
        <Button size="sm" onClick={() => formsApi.update(form.id, { active: !form.active }).then(onChanged)}>
          {form.active ? 'Switch off' : 'Switch on'}
        </Button>
        <Button
          size="sm"
          variant="danger"
          aria-label={`Delete ${form.name}`}
          onClick={() => {
            if (window.confirm(`Delete the form “${form.name}”? Its page and embed code stop working; its submissions stay as the consent record.`)) void formsApi.remove(form.id).then(onChanged);
          }}
        >
          Delete
        </Button>
      </td>
    </tr>
  );
}

/** Web-to-lead forms: a hosted page and an embed snippet each; submissions become customers and deals. */
export function FormsPage() {
  useDocumentTitle('Lead forms');
  const forms = useForms();
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<LeadForm | null>(null);
  return (
    <div className="page">
      <PageHeader
        title="Lead forms"
        subtitle="Each submission creates or matches the customer, records the lead source and consent wording, and opens a deal."
        actions={
          <Button variant="primary" icon="plus" onClick={() => setCreating(true)}>
            New form
          </Button>
        }
      />
      <Card>
        {forms.error ? (
          <ErrorState error={forms.error} onRetry={forms.reload} />
        ) : !forms.data ? (
          <Loading />
        ) : forms.data.length === 0 ? (
          <EmptyState icon="file" title="No lead forms yet">
            Create one and put it on your site.
          </EmptyState>
        ) : (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Form</th>
                <th scope="col">Where</th>
                <th scope="col">Status</th>
                <th scope="col">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {forms.data.map((f) => (
                <FormRow key={f.id} form={f} onChanged={forms.reload} onEdit={() => setEditing(f)} />
              ))}
            </tbody>
          </table>
        )}
      </Card>
      <FormEditor
        open={creating || !!editing}
        form={editing ?? undefined}
        onClose={() => {
          setCreating(false);
          setEditing(null);
        }}
        onSaved={() => {
          setCreating(false);
          setEditing(null);
          forms.reload();
        }}
      />
    </div>
  );
}
