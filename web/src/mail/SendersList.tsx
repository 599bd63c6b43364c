import { useState, type FormEvent } from 'react';
import { useToast } from '../components/Toasts';
import { Badge, Button, EmptyState, ErrorState, FormError, Loading } from '../components/ui';
import { ApiError } from '../lib/api';
import { mailApi, useSenders } from './hooks';
import type { DnsRecordCheck, Sender } from './types';

/** Sender identities: each with its DKIM key and the DNS records to publish, and a check of what is published. */
export function SendersList() {
  const senders = useSenders();
  return (
    <section aria-labelledby="senders-title">
      <h3 id="senders-title">Senders and DNS</h3>
      {senders.loading && !senders.data ? (
        <Loading />
      ) : senders.error ? (
        <ErrorState error={senders.error} onRetry={senders.reload} />
      ) : (senders.data ?? []).length === 0 ? (
        <EmptyState icon="key" title="No senders">
          Add a sender to sign your mail with DKIM: Rapport makes the key and shows the records to publish.
        </EmptyState>
      ) : (
        <ul className="webhook-list">
          {senders.data!.map((s) => (
            <SenderRow key={s.id} sender={s} onChange={senders.reload} />
          ))}
        </ul>
      )}
      <NewSenderForm onCreated={senders.reload} />
    </section>
  );
}

const tone = (status: DnsRecordCheck['status']) => (status === 'ok' ? 'success' : status === 'error' ? 'danger' : 'warning');

function SenderRow({ sender, onChange }: { sender: Sender; onChange: () => void }) {
  const toast = useToast();
  const [checks, setChecks] = useState<DnsRecordCheck[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
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
  return (
    <li className="webhook-item">
      <div className="webhook-head">
        <strong>
          {sender.name} &lt;{sender.address}&gt;
        </strong>
        {sender.is_default && <Badge tone="accent">Default</Badge>}
      </div>
      <p className="muted small">
        Up to {sender.per_second || '∞'} a second, {sender.per_hour || '∞'} an hour, {sender.per_day || '∞'} a day
      </p>
      {sender.warnings.map((w) => (
        <p key={w} className="notice small">
          {w}
        </p>
      ))}
      <table className="table table-compact">
        <caption className="sr-only">DNS records for {sender.domain}</caption>
        <thead>
          <tr>
            <th scope="col">Record</th>
            <th scope="col">Name</th>
            <th scope="col">TXT value</th>
            <th scope="col">Published</th>
          </tr>
        </thead>
        <tbody>
          {sender.dns_records.map((r) => {
            const check = checks?.find((c) => c.kind === r.kind);
            return (
              <tr key={r.kind}>
                <td>{r.kind.toUpperCase()}</td>
                <td>
                  <code>{r.name}</code>
                </td>
                <td>
                  <code style={{ wordBreak: 'break-all' }}>{r.value}</code>
                </td>
                <td>
                  {check ? <Badge tone={tone(check.status)}>{check.status}</Badge> : '–'}
                  {check && <span className="muted small"> {check.detail}</span>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="row-actions">
        <Button size="sm" busy={busy} onClick={() => void run(async () => setChecks(await mailApi.checkDns(sender.id)))}>
          Check DNS
        </Button>
        {!sender.is_default && (
          <Button size="sm" variant="ghost" onClick={() => void run(async () => (await mailApi.makeDefault(sender.id), toast('Default sender changed.'), onChange()))}>
            Make default
          </Button>
        )}
        <Button
          size="sm"
          variant="ghost"
          aria-label={`Remove sender ${sender.address}`}
          onClick={() => void run(async () => (await mailApi.removeSender(sender.id), toast('Sender removed.'), onChange()))}
        >
          Remove
        </Button>
      </div>
      <FormError error={error} />
    </li>
  );
}

function NewSenderForm({ onCreated }: { onCreated: () => void }) {
  const [name, setName] = useState('');
  const [address, setAddress] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setErrors({});
    try {
      await mailApi.createSender({ name: name.trim(), address: address.trim() });
      setName('');
      setAddress('');
      onCreated();
    } catch (err) {
      if (err instanceof ApiError) setErrors(err.fieldMessages());
      setError(err);
    } finally {
      setBusy(false);
    }
  }
  return (
    <form className="inline-form" onSubmit={submit} noValidate aria-label="Add a sender">
      <div className="form-grid">
        <div className={`field${errors.name ? ' has-error' : ''}`}>
          <label htmlFor="sender-name">Name</label>
          <input id="sender-name" value={name} onChange={(e) => setName(e.target.value)} />
          {errors.name && <span className="field-error">{errors.name}</span>}
        </div>
        <div className={`field${errors.address ? ' has-error' : ''}`}>
          <label htmlFor="sender-address">Address</label>
          <input id="sender-address" type="email" value={address} onChange={(e) => setAddress(e.target.value)} />
          {errors.address && <span className="field-error">{errors.address}</span>}
        </div>
      </div>
      <Button type="submit" busy={busy}>
        Add sender
      </Button>
      <FormError error={error} />
    </form>
  );
}
