import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { useToast } from '../components/Toasts';
import { Badge, Button, Card, ErrorState, FormError, Loading } from '../components/ui';
import { ApiError } from '../lib/api';
import { smsApi, useSmsSettings } from './hooks';
import type { SmsSettings } from './types';

interface Draft {
  account_sid: string;
  auth_token: string;
  from_number: string;
  messaging_service_sid: string;
  base_url: string;
  allow_private_base_url: boolean;
}

const draftOf = (s: SmsSettings): Draft => ({
  account_sid: s.account_sid ?? '',
  auth_token: '',
  from_number: s.from_number ?? '',
  messaging_service_sid: s.messaging_service_sid ?? '',
  base_url: s.base_url,
  allow_private_base_url: s.allow_private_base_url,
});

const orNull = (v: string) => (v.trim() ? v.trim() : null);

function Field({ id, label, error, hint, children }: { id: string; label: string; error?: string; hint?: ReactNode; children: ReactNode }) {
  return (
    <div className={`field${error ? ' has-error' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children}
      {error ? <span className="field-error">{error}</span> : hint ? <span className="field-hint">{hint}</span> : null}
    </div>
  );
}

/** Settings → SMS: the provider account (Twilio or a compatible API), the sending number and the callback URLs to set there. */
export function SmsSettingsCard() {
  const settings = useSmsSettings();
  return (
    <Card title="SMS" id="sms">
      <p className="card-lead">
        Texts go out through a Twilio-compatible provider. The auth token is stored encrypted and never shown again; it also checks the signature of the provider's delivery reports and of STOP/START
        replies.
      </p>
      {settings.loading && !settings.data ? (
        <Loading />
      ) : settings.error ? (
        <ErrorState error={settings.error} onRetry={settings.reload} />
      ) : settings.data ? (
        <SmsSettingsForm settings={settings.data} onSaved={settings.reload} />
      ) : null}
    </Card>
  );
}

export function SmsSettingsForm({ settings, onSaved }: { settings: SmsSettings; onSaved: () => void }) {
  const toast = useToast();
  const [draft, setDraft] = useState<Draft>(() => draftOf(settings));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => setDraft(draftOf(settings)), [settings]);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  async function save(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setErrors({});
    try {
      await smsApi.save({
        account_sid: orNull(draft.account_sid),
        ...(draft.auth_token ? { auth_token: draft.auth_token } : {}),
        from_number: orNull(draft.from_number),
        messaging_service_sid: orNull(draft.messaging_service_sid),
        base_url: draft.base_url.trim(),
        allow_private_base_url: draft.allow_private_base_url,
      });
      toast('SMS settings saved.');
      onSaved();
    } catch (err) {
      if (err instanceof ApiError) setErrors(err.fieldMessages());
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="inline-form" onSubmit={save} noValidate aria-label="SMS settings">
      <p>
        <Badge tone={settings.configured ? 'success' : 'warning'}>{settings.configured ? 'Ready to send' : 'Not set up'}</Badge>
      </p>
      <div className="form-grid">
        <Field id="sms-account" label="Account SID" error={errors.account_sid}>
          <input id="sms-account" value={draft.account_sid} onChange={(e) => set('account_sid', e.target.value)} placeholder="AC…" autoComplete="off" />
        </Field>
        <Field id="sms-token" label="Auth token" error={errors.auth_token} hint={settings.auth_token_set ? 'A token is stored; type a new one to replace it.' : 'No token stored.'}>
          <input id="sms-token" type="password" value={draft.auth_token} onChange={(e) => set('auth_token', e.target.value)} autoComplete="new-password" />
        </Field>
        <Field id="sms-from" label="From number" error={errors.from_number} hint="International form, e.g. +15017122661">
          <input id="sms-from" type="tel" value={draft.from_number} onChange={(e) => set('from_number', e.target.value)} />
        </Field>
        <Field id="sms-service" label="Messaging service SID" error={errors.messaging_service_sid} hint="Optional: send from a messaging service instead of one number.">
          <input id="sms-service" value={draft.messaging_service_sid} onChange={(e) => set('messaging_service_sid', e.target.value)} placeholder="MG…" autoComplete="off" />
        </Field>
        <Field id="sms-base-url" label="Provider API address" error={errors.base_url} hint="https://api.twilio.com for Twilio, or a compatible provider's address.">
          <input id="sms-base-url" type="url" value={draft.base_url} onChange={(e) => set('base_url', e.target.value)} />
        </Field>
      </div>
      <label className="check">
        <input type="checkbox" checked={draft.allow_private_base_url} onChange={(e) => set('allow_private_base_url', e.target.checked)} /> The provider is on this machine or the local network
      </label>
      {settings.status_callback_url ? (
        <dl className="small">
          <dt>Delivery reports (sent with each text)</dt>
          <dd>
            <code>{settings.status_callback_url}</code>
          </dd>
          <dt>Incoming messages webhook (set it on your number at the provider)</dt>
          <dd>
            <code>{settings.inbound_url}</code>
          </dd>
        </dl>
      ) : (
        <p className="notice" role="status">
          Set the public address of Rapport in Settings → Email: without it the provider cannot report deliveries or STOP replies.
        </p>
      )}
      <Button type="submit" variant="primary" busy={busy}>
        Save SMS settings
      </Button>
      <FormError error={error} />
    </form>
  );
}
