import { useState, type FormEvent } from 'react';
import { useToast } from '../components/Toasts';
import { Button, Card, EmptyState, ErrorState, FormError, Loading, PageHeader } from '../components/ui';
import { useDocumentTitle } from '../lib/hooks';
import { starterMjml, templatesApi, useMergeFields, useTemplates } from './hooks';
import type { RenderedMail, Template } from './types';
import './templates.css';

/** Email templates: a list, and an editor with the MJML source beside a preview (as a customer or with sample values). */
export function TemplatesPage() {
  useDocumentTitle('Email templates');
  const templates = useTemplates();
  const [editing, setEditing] = useState<Template | 'new' | null>(null);
  return (
    <div className="page page-wide">
      <PageHeader
        title="Email templates"
        subtitle="MJML (responsive HTML) with Liquid merge fields; the plain-text part is generated"
        actions={
          <Button variant="primary" onClick={() => setEditing('new')}>
            New template
          </Button>
        }
      />
      {templates.error ? (
        <ErrorState error={templates.error} onRetry={templates.reload} />
      ) : !templates.data ? (
        <Loading />
      ) : templates.data.length === 0 && editing === null ? (
        <EmptyState icon="file" title="No templates yet" action={<Button onClick={() => setEditing('new')}>Write the first one</Button>}>
          Campaigns and flows send templates.
        </EmptyState>
      ) : (
        <Card title="Templates">
          <ul className="task-list" aria-label="Templates">
            {templates.data.map((t) => (
              <li key={t.id} className="task-row">
                <span>
                  <strong>{t.name}</strong> <span className="muted">— {t.subject}</span>
                </span>
                <Button size="sm" variant="ghost" onClick={() => setEditing(t)}>
                  Edit
                </Button>
              </li>
            ))}
          </ul>
        </Card>
      )}
      {editing && (
        <TemplateEditor
          key={editing === 'new' ? 'new' : editing.id}
          template={editing === 'new' ? null : editing}
          onSaved={() => {
            templates.reload();
            setEditing(null);
          }}
          onClose={() => setEditing(null)}
        />
      )}
    </div>
  );
}

function TemplateEditor({ template, onSaved, onClose }: { template: Template | null; onSaved: (t: Template) => void; onClose: () => void }) {
  const toast = useToast();
  const fields = useMergeFields();
  const [form, setForm] = useState({ name: template?.name ?? '', subject: template?.subject ?? 'News for {{ customer.first_name }}', mjml: template?.mjml ?? starterMjml, text: template?.text ?? '' });
  const [customerId, setCustomerId] = useState('');
  const [testTo, setTestTo] = useState('');
  const [preview, setPreview] = useState<RenderedMail | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const source = () => ({ subject: form.subject, mjml: form.mjml, text: form.text.trim() ? form.text : null });
  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const save = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const saved = template ? await templatesApi.update(template.id, { name: form.name, ...source() }) : await templatesApi.create({ name: form.name, ...source() });
      toast('Template saved');
      onSaved(saved);
    });
  };
  const showPreview = () => void run(async () => setPreview(await templatesApi.preview({ template: source(), ...(customerId.trim() ? { customer_id: customerId.trim() } : {}) })));
  const sendTest = () =>
    void run(async () => {
      if (!template) throw new Error('Save the template before sending a test');
      await templatesApi.test(template.id, { to: testTo, ...(customerId.trim() ? { customer_id: customerId.trim() } : {}) });
      toast(`Test queued to ${testTo}`);
    });
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [k]: e.target.value });
  return (
    <Card
      title={template ? `Edit ${template.name}` : 'New template'}
      id="template-editor"
      actions={
        <Button variant="ghost" onClick={onClose}>
          Close
        </Button>
      }
    >
      <form onSubmit={save} aria-label="Template" className="template-editor">
        <div className="template-source">
          <div className="field">
            <label htmlFor="tpl-name">Name</label>
            <input id="tpl-name" value={form.name} onChange={set('name')} required maxLength={255} />
          </div>
          <div className="field">
            <label htmlFor="tpl-subject">Subject</label>
            <input id="tpl-subject" value={form.subject} onChange={set('subject')} required />
          </div>
          <div className="field">
            <label htmlFor="tpl-mjml">MJML</label>
            <textarea id="tpl-mjml" className="code" rows={16} value={form.mjml} onChange={set('mjml')} spellCheck={false} />
          </div>
          <div className="field">
            <label htmlFor="tpl-text">Plain text (optional; generated from the HTML when empty)</label>
            <textarea id="tpl-text" rows={4} value={form.text} onChange={set('text')} />
          </div>
          <details>
            <summary>Merge fields</summary>
            <ul className="merge-fields">
              {(fields.data ?? []).map((f) => (
                <li key={f.name}>
                  <code>{`{{ ${f.name} }}`}</code> <span className="muted small">{f.label}</span>
                </li>
              ))}
            </ul>
          </details>
          <div className="field">
            <label htmlFor="tpl-customer">Preview as customer (id; sample values when empty)</label>
            <input id="tpl-customer" value={customerId} onChange={(e) => setCustomerId(e.target.value)} placeholder="cus_…" />
          </div>
          <div className="row-actions">
            <Button type="submit" variant="primary" busy={busy}>
              Save
            </Button>
            <Button onClick={showPreview} busy={busy}>
              Preview
            </Button>
          </div>
          {template && (
            <div className="field inline">
              <label htmlFor="tpl-test">Send a test to</label>
              <input id="tpl-test" type="email" value={testTo} onChange={(e) => setTestTo(e.target.value)} placeholder="you@example.com" />
              <Button onClick={sendTest} disabled={!testTo} busy={busy}>
                Send test
              </Button>
            </div>
          )}
          <FormError error={error} />
        </div>
        <div className="template-preview" aria-live="polite">
          {preview ? (
            <>
              <p>
                <strong>Subject:</strong> <span data-testid="preview-subject">{preview.subject}</span>
              </p>
              {preview.html ? <iframe title="HTML preview" sandbox="" srcDoc={preview.html} /> : null}
              <details>
                <summary>Plain-text part</summary>
                <pre data-testid="preview-text">{preview.text}</pre>
              </details>
            </>
          ) : (
            <p className="muted">Preview shows the message as it will be sent.</p>
          )}
        </div>
      </form>
    </Card>
  );
}
