import { useEffect, useState, type FormEvent } from 'react';
import { useToast } from '../components/Toasts';
import { Badge, Button, Card, ErrorState, FormError, Loading } from '../components/ui';
import { ApiError } from '../lib/api';
import { mailApi, useMailSettings } from './hooks';
import { SendersList } from './SendersList';
import type { MailSettings, MailTestResult, SmtpSecurity } from './types';

interface Draft {
  host: string;
  port: string;
  security: SmtpSecurity;
  user: string;
  password: string;
  from_name: string;
  from_address: string;
  reply_to: string;
  owner_address: string;
  public_url: string;
  track_opens: boolean;
  track_clicks: boolean;
  bounce_domain: string;
}

const draftOf = (s: MailSettings): Draft => ({
  host: s.host ?? '',
  port: String(s.port),
  security: s.security,
  user: s.user ?? '',
  password: '',
  from_name: s.from_name ?? '',
  from_address: s.from_address ?? '',
  reply_to: s.reply_to ?? '',
  owner_address: s.owner_address ?? '',
  public_url: s.public_url ?? '',
  track_opens: s.track_opens,
  track_clicks: s.track_clicks,
  bounce_domain: s.bounce_domain ?? '',
});

const orNull = (v: string) => (v.trim() ? v.trim() : null);

/** Settings → Email: the SMTP server, the default sender, a test send, sender identities with DKIM. */
export function MailSettingsCard() {
  const settings = useMailSettings();
  return (
    <Card title="Email" id="email">
      <p className="card-lead">Quotes, reminders and campaigns go out through your mail provider's SMTP server. The password is stored encrypted and never shown again.</p>
      {settings.loading && !settings.data ? (
        <Loading />
      ) : settings.error ? (
        <ErrorState error={settings.error} onRetry={settings.reload} />
      ) : settings.data ? (
        <SmtpForm settings={settings.data} onSaved={settings.reload} />
      ) : null}
      <SendersList />
    </Card>
  );
}

function Field({ id, label, error, hint, children }: { id: string; label: string; error?: string; hint?: string; children: React.ReactNode }) {
  return (
    <div className={`field${error ? ' has-error' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children}
      {error ? <span className="field-error">{error}</span> : hint ? <span className="field-hint">{hint}</span> : null}
    </div>
  );
}

function SmtpForm({ settings, onSaved }: { settings: MailSettings; onSaved: () => void }) {
  const toast = useToast();
  const [draft, setDraft] = useState<Draft>(() => draftOf(settings));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [testTo, setTestTo] = useState('');
  const [testing, setTesting] = useState(false);
  const [result, setResult] = useState<MailTestResult | null>(null);
  useEffect(() => setDraft(draftOf(settings)), [settings]);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  async function save(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setErrors({});
    try {
      await mailApi.save({
        host: orNull(draft.host),
        port: Number(draft.port),
        security: draft.security,
        user: orNull(draft.user),
        ...(draft.password ? { password: draft.password } : {}),
        from_name: orNull(draft.from_name),
        from_address: orNull(draft.from_address),
        reply_to: orNull(draft.reply_to),
        owner_address: orNull(draft.owner_address),
        public_url: orNull(draft.public_url),
        track_opens: draft.track_opens,
        track_clicks: draft.track_clicks,
        bounce_domain: orNull(draft.bounce_domain),
      });
      toast('Email settings saved.');
      onSaved();
    } catch (err) {
      if (err instanceof ApiError) setErrors(err.fieldMessages());
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  async function sendTest() {
    setTesting(true);
    setResult(null);
    setError(null);
    try {
      setResult(await mailApi.test(orNull(testTo) ?? undefined));
    } catch (err) {
      setError(err);
    } finally {
      setTesting(false);
    }
  }

  return (
    <>
      {settings.warnings.map((w) => (
        <p key={w} className="notice" role="status">
          {w}
        </p>
      ))}
      <form className="inline-form" onSubmit={save} noValidate aria-label="Email settings">
        <div className="form-grid">
          <Field id="mail-host" label="SMTP host" error={errors.host}>
            <input id="mail-host" value={draft.host} onChange={(e) => set('host', e.target.value)} placeholder="smtp.example.com" autoComplete="off" />
          </Field>
          <Field id="mail-port" label="Port" error={errors.port}>
            <input id="mail-port" inputMode="numeric" value={draft.port} onChange={(e) => set('port', e.target.value)} />
          </Field>
          <Field id="mail-security" label="Security" error={errors.security} hint="None only for a mail sink on this machine.">
            <select id="mail-security" value={draft.security} onChange={(e) => set('security', e.target.value as SmtpSecurity)}>
              <option value="starttls">STARTTLS (port 587)</option>
              <option value="tls">TLS (port 465)</option>
              <option value="none">None (loopback only)</option>
            </select>
          </Field>
          <Field id="mail-user" label="User name" error={errors.user}>
            <input id="mail-user" value={draft.user} onChange={(e) => set('user', e.target.value)} autoComplete="off" />
          </Field>
          <Field id="mail-password" label="Password" error={errors.password} hint={settings.password_set ? 'A password is stored; type a new one to replace it.' : 'No password stored.'}>
            <input id="mail-password" type="password" value={draft.password} onChange={(e) => set('password', e.target.value)} autoComplete="new-password" />
          </Field>
          <Field id="mail-from-name" label="From name" error={errors.from_name}>
            <input id="mail-from-name" value={draft.from_name} onChange={(e) => set('from_name', e.target.value)} />
          </Field>
          <Field id="mail-from-address" label="From address" error={errors.from_address}>
            <input id="mail-from-address" type="email" value={draft.from_address} onChange={(e) => set('from_address', e.target.value)} />
          </Field>
          <Field id="mail-reply-to" label="Reply-to" error={errors.reply_to}>
            <input id="mail-reply-to" type="email" value={draft.reply_to} onChange={(e) => set('reply_to', e.target.value)} />
          </Field>
          <Field id="mail-owner" label="Notifications to" error={errors.owner_address} hint="Empty: the email you sign in with.">
            <input id="mail-owner" type="email" value={draft.owner_address} onChange={(e) => set('owner_address', e.target.value)} />
          </Field>
          <Field id="mail-public-url" label="Public address of Rapport" error={errors.public_url} hint="For unsubscribe and tracking links, e.g. https://crm.example.com">
            <input id="mail-public-url" type="url" value={draft.public_url} onChange={(e) => set('public_url', e.target.value)} />
          </Field>
          <Field
            id="mail-bounce-domain"
            label="Bounce domain"
            error={errors.bounce_domain}
            hint="Optional. Each message is sent with the return path bounces+<message id>@ this domain, so a bounce names its message; point its MX at the mailbox Rapport reads bounces from."
          >
            <input id="mail-bounce-domain" value={draft.bounce_domain} onChange={(e) => set('bounce_domain', e.target.value)} placeholder="bounce.example.com" autoComplete="off" />
          </Field>
        </div>
        <fieldset className="field">
          <legend>Tracking (only for customers who consented to email)</legend>
          <label className="check">
            <input type="checkbox" checked={draft.track_opens} onChange={(e) => set('track_opens', e.target.checked)} /> Opens (counts are inflated by mail privacy proxies)
          </label>
          <label className="check">
            <input type="checkbox" checked={draft.track_clicks} onChange={(e) => set('track_clicks', e.target.checked)} /> Clicks
          </label>
        </fieldset>
        <Button type="submit" variant="primary" busy={busy}>
          Save email settings
        </Button>
      </form>
      <div className="inline-form" role="group" aria-label="Send a test message">
        <h3>Send a test message</h3>
        <Field id="mail-test-to" label="To" hint="Empty: your notification address.">
          <input id="mail-test-to" type="email" value={testTo} onChange={(e) => setTestTo(e.target.value)} />
        </Field>
        <Button busy={testing} disabled={!settings.configured} onClick={() => void sendTest()}>
          Send test
        </Button>
        {!settings.configured && <p className="muted small">Save a host and a from address first.</p>}
        {result && (
          <p role="status" data-testid="mail-test-result">
            <Badge tone={result.ok ? 'success' : 'danger'}>{result.ok ? 'Accepted' : 'Failed'}</Badge> {result.ok ? `${result.to}: ${result.response ?? ''}` : result.error}
          </p>
        )}
      </div>
      <FormError error={error} />
    </>
  );
}
