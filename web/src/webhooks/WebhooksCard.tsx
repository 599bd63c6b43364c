import { useState, type FormEvent } from 'react';
import { ConfirmDialog } from '../components/Dialog';
import { SecretReveal } from '../components/SecretReveal';
import { useToast } from '../components/Toasts';
import { Badge, Button, Card, EmptyState, ErrorState, FormError, Loading } from '../components/ui';
import { ApiError } from '../lib/api';
import { relativeTime } from '../lib/format';
import { useDeliveries, useEventTypes, useWebhooks, webhooksApi } from './hooks';
import type { Webhook } from './types';

/** Settings → Webhooks: endpoints that receive Rapport's events, their health and delivery log. */
export function WebhooksCard() {
  const list = useWebhooks();
  const [secret, setSecret] = useState<string | null>(null);
  const hooks = list.data ?? [];
  const disabled = hooks.filter((h) => !h.active && h.disabled_reason);
  return (
    <Card title="Webhooks" id="webhooks">
      <p className="card-lead">
        Rapport sends each event you choose (a new customer, a stage change, P(alive) falling below a threshold…) to your URL, signed as{' '}
        <a href="https://www.standardwebhooks.com">Standard Webhooks</a>, and retries for about a day when it fails.
      </p>
      {disabled.map((h) => (
        <p key={h.id} className="notice" role="alert">
          <strong>{h.url}</strong> was switched off: {h.disabled_reason}. Fix the receiver, then turn it on again.
        </p>
      ))}
      {secret && <SecretReveal title="Copy the signing secret now. It is shown only once." secret={secret} testId="webhook-secret" onDone={() => setSecret(null)} />}
      {list.loading && !list.data ? (
        <Loading />
      ) : list.error ? (
        <ErrorState error={list.error} onRetry={list.reload} />
      ) : hooks.length === 0 ? (
        <EmptyState icon="key" title="No webhooks">
          Add an endpoint below to receive events as they happen.
        </EmptyState>
      ) : (
        <ul className="webhook-list">
          {hooks.map((h) => (
            <WebhookRow key={h.id} hook={h} onChange={list.reload} />
          ))}
        </ul>
      )}
      <NewWebhookForm
        onCreated={(s) => {
          setSecret(s);
          list.reload();
        }}
      />
    </Card>
  );
}

function health(h: Webhook): { tone: 'success' | 'warning' | 'danger' | 'neutral'; label: string } {
  if (!h.active) return { tone: h.disabled_reason ? 'danger' : 'neutral', label: h.disabled_reason ? 'Switched off' : 'Paused' };
  if (h.failing_since) return { tone: 'warning', label: `Failing since ${relativeTime(h.failing_since)}` };
  return { tone: 'success', label: 'Active' };
}

function WebhookRow({ hook, onChange }: { hook: Webhook; onChange: () => void }) {
  const toast = useToast();
  const [open, setOpen] = useState(false);
  const [removing, setRemoving] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const state = health(hook);
  const run = async (work: () => Promise<unknown>, done: string) => {
    setBusy(true);
    setError(null);
    try {
      await work();
      toast(done);
      onChange();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const counts = Object.entries(hook.deliveries)
    .map(([status, n]) => `${n} ${status}`)
    .join(', ');
  return (
    <li className="webhook-item">
      <div className="webhook-head">
        <code className="webhook-url">{hook.url}</code>
        <Badge tone={state.tone}>{state.label}</Badge>
      </div>
      <p className="muted small">
        {hook.event_types.includes('*') ? 'All events' : hook.event_types.join(', ')}
        {counts ? ` · ${counts}` : ''}
      </p>
      <div className="row-actions">
        <Button size="sm" busy={busy} onClick={() => void run(() => webhooksApi.test(hook.id), 'Test event queued.')} aria-label={`Send a test event to ${hook.url}`}>
          Send test event
        </Button>
        <Button size="sm" variant="ghost" onClick={() => setOpen((o) => !o)} aria-expanded={open} aria-label={`Deliveries of ${hook.url}`}>
          {open ? 'Hide deliveries' : 'Deliveries'}
        </Button>
        <Button size="sm" variant="ghost" onClick={() => void run(() => webhooksApi.update(hook.id, { active: !hook.active }), hook.active ? 'Webhook paused.' : 'Webhook turned on.')}>
          {hook.active ? 'Pause' : 'Turn on'}
        </Button>
        <Button size="sm" variant="ghost" onClick={() => setRemoving(true)} aria-label={`Remove webhook ${hook.url}`}>
          Remove
        </Button>
      </div>
      <FormError error={error} />
      {open && <DeliveryLog hook={hook} />}
      <ConfirmDialog
        open={removing}
        onCancel={() => setRemoving(false)}
        onConfirm={() => void run(() => webhooksApi.remove(hook.id), 'Webhook removed.').then(() => setRemoving(false))}
        busy={busy}
        title="Remove this webhook?"
        confirmLabel="Remove webhook"
      >
        <p>{hook.url} stops receiving events, and its delivery log is deleted.</p>
      </ConfirmDialog>
    </li>
  );
}

function DeliveryLog({ hook }: { hook: Webhook }) {
  const deliveries = useDeliveries(hook.id);
  const toast = useToast();
  if (deliveries.loading && !deliveries.data) return <Loading />;
  if (deliveries.error) return <ErrorState error={deliveries.error} onRetry={deliveries.reload} />;
  const rows = deliveries.data ?? [];
  if (rows.length === 0) return <p className="muted small">No deliveries yet.</p>;
  return (
    <table className="table table-compact">
      <thead>
        <tr>
          <th scope="col">Event</th>
          <th scope="col">Status</th>
          <th scope="col">Answer</th>
          <th scope="col">Attempts</th>
          <th scope="col">When</th>
          <th scope="col">
            <span className="sr-only">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((d) => (
          <tr key={d.id}>
            <td>{d.event_type ?? d.event_id}</td>
            <td>
              <Badge tone={d.status === 'delivered' ? 'success' : d.status === 'failed' ? 'danger' : 'warning'}>{d.status}</Badge>
            </td>
            <td title={d.last_response ?? undefined}>{d.last_status_code ?? d.last_error ?? '–'}</td>
            <td className="num">{d.attempts}</td>
            <td>{relativeTime(d.delivered_at ?? d.created_at)}</td>
            <td className="num">
              {d.status === 'failed' && (
                <Button
                  size="sm"
                  variant="ghost"
                  onClick={() =>
                    void webhooksApi.replay(hook.id, d.id).then(
                      () => {
                        toast('Delivery queued again.');
                        deliveries.reload();
                      },
                      () => toast('The delivery could not be queued again.'),
                    )
                  }
                >
                  Send again
                </Button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function NewWebhookForm({ onCreated }: { onCreated: (secret: string) => void }) {
  const types = useEventTypes();
  const [url, setUrl] = useState('');
  const [chosen, setChosen] = useState<string[]>(['customer.created']);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const local: Record<string, string> = {};
    if (!/^https?:\/\/\S+$/.test(url.trim())) local.url = 'Enter the http(s) URL that receives the events';
    if (chosen.length === 0) local.event_types = 'Choose at least one event';
    setErrors(local);
    if (Object.keys(local).length) return;
    setBusy(true);
    setError(null);
    try {
      const created = await webhooksApi.create({ url: url.trim(), event_types: chosen });
      setUrl('');
      onCreated(created.secret);
    } catch (err) {
      if (err instanceof ApiError) setErrors(err.fieldMessages());
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  const toggle = (type: string) => setChosen((c) => (c.includes(type) ? c.filter((t) => t !== type) : [...c, type]));
  return (
    <form className="inline-form" onSubmit={submit} noValidate aria-label="Add a webhook">
      <h3>Add an endpoint</h3>
      <div className={`field${errors.url ? ' has-error' : ''}`}>
        <label htmlFor="webhook-url">URL</label>
        <input id="webhook-url" type="url" value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://example.com/rapport" aria-invalid={errors.url ? true : undefined} />
        {errors.url && <span className="field-error">{errors.url}</span>}
      </div>
      <fieldset className={`field event-types${errors.event_types ? ' has-error' : ''}`}>
        <legend>Events</legend>
        <label className="check">
          <input type="checkbox" checked={chosen.includes('*')} onChange={() => toggle('*')} /> All events
        </label>
        {(types.data ?? [])
          .filter((t) => t.type !== 'webhook.test')
          .map((t) => (
            <label key={t.type} className="check" title={t.description}>
              <input type="checkbox" checked={chosen.includes(t.type)} onChange={() => toggle(t.type)} disabled={chosen.includes('*')} /> <code>{t.type}</code>
            </label>
          ))}
        {errors.event_types && <span className="field-error">{errors.event_types}</span>}
      </fieldset>
      <Button type="submit" variant="primary" busy={busy}>
        Add webhook
      </Button>
      <FormError error={error} />
    </form>
  );
}
