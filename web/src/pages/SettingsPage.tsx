import { useState, type FormEvent } from 'react';
import { ConfirmDialog } from '../components/Dialog';
import { useToast } from '../components/Toasts';
import { Icon } from '../components/Icon';
import { Badge, Button, Card, EmptyState, ErrorState, FormError, Loading, PageHeader } from '../components/ui';
import { api, ApiError, auth, backupUrl, type ApiToken, type BusinessSettings, type CustomField, type InsightSettings, type Page } from '../lib/api';
import { reloadCustomFields, useCustomerFields } from '../lib/fields';
import { formatDate, relativeTime } from '../lib/format';
import { invalidateShared, useAsync, useDocumentTitle } from '../lib/hooks';
import { useBusinessSettings } from '../lib/shared-data';
import { useSession } from '../session';
import { WebhooksCard } from '../webhooks/WebhooksCard';
import { CalendarFeedCard } from '../tasks/CalendarFeedCard';
import { MailSettingsCard } from '../mail/MailSettingsCard';
import { SmsSettingsCard } from '../sms/SmsSettingsCard';
import { SecretReveal } from '../components/SecretReveal';

export function SettingsPage() {
  useDocumentTitle('Settings');
  return (
    <div className="page">
      <PageHeader title="Settings" subtitle="Currency and time zone, custom fields, lifecycle thresholds, API access, backups and your account." />
      <nav className="subnav" aria-label="Settings sections">
        <a href="#business">Business</a>
        <a href="#fields">Custom fields</a>
        <a href="#lifecycle">Lifecycle</a>
        <a href="#tokens">API tokens</a>
        <a href="#email">Email</a>
        <a href="#sms">SMS</a>
        <a href="#webhooks">Webhooks</a>
        <a href="#calendar">Calendar feed</a>
        <a href="#backup">Backup</a>
        <a href="#account">Account</a>
      </nav>
      <div className="stack-lg">
        <Business />
        <CustomFields />
        <Lifecycle />
        <Tokens />
        <MailSettingsCard />
        <SmsSettingsCard />
        <WebhooksCard />
        <CalendarFeedCard />
        <Backup />
        <Account />
      </div>
    </div>
  );
}

/** Field errors, the form's error and busy state of a settings form; `send` runs the request and records a failure. */
function useSubmit() {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  async function send(request: () => Promise<void>) {
    setBusy(true);
    try {
      await request();
    } catch (err) {
      if (err instanceof ApiError) setErrors(err.fieldMessages());
      setError(err);
    } finally {
      setBusy(false);
    }
  }
  return { errors, setErrors, error, setError, busy, send };
}

/** Discard (while there is a draft) and the save button of a settings form. */
function SaveActions({ dirty, onDiscard, busy, label }: { dirty: boolean; onDiscard: () => void; busy: boolean; label: string }) {
  return (
    <div className="form-actions">
      {dirty && (
        <Button variant="ghost" onClick={onDiscard}>
          Discard
        </Button>
      )}
      <Button type="submit" variant="primary" busy={busy}>
        {label}
      </Button>
    </div>
  );
}

const currencies = Intl.supportedValuesOf('currency');
const timeZones = ['UTC', ...Intl.supportedValuesOf('timeZone').filter((z) => z !== 'UTC')];
const currencyNames = new Intl.DisplayNames(undefined, { type: 'currency' });

function Business() {
  const toast = useToast();
  const settings = useBusinessSettings();
  const [draft, setDraft] = useState<BusinessSettings | null>(null);
  const { errors, setErrors, error, setError, busy, send } = useSubmit();
  const values = draft ?? settings.data;

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!draft || !settings.data) return toast('Nothing changed.', 'info');
    setError(null);
    setErrors({});
    await send(async () => {
      await api.patch<BusinessSettings>('/api/settings', draft);
      setDraft(null);
      invalidateShared('business-settings');
      toast('Currency and time zone saved.');
    });
  }

  return (
    <Card title="Business" id="business">
      <p className="card-lead">Amounts are shown in your currency; orders in another currency are labelled and left out of totals. Days (reports, “3 days ago”) are counted in your time zone.</p>
      {!values ? (
        settings.error ? (
          <ErrorState error={settings.error} onRetry={settings.reload} />
        ) : (
          <Loading />
        )
      ) : (
        <form className="inline-form" onSubmit={submit} noValidate aria-label="Business settings">
          <div className="form-grid">
            <div className={`field${errors.currency ? ' has-error' : ''}`}>
              <label htmlFor="biz-currency">Currency</label>
              <select id="biz-currency" value={values.currency} onChange={(e) => setDraft({ ...values, currency: e.target.value })} aria-invalid={errors.currency ? true : undefined}>
                {currencies.map((c) => (
                  <option key={c} value={c}>
                    {c} · {currencyNames.of(c)}
                  </option>
                ))}
              </select>
              {errors.currency && <span className="field-error">{errors.currency}</span>}
            </div>
            <div className={`field${errors.time_zone ? ' has-error' : ''}`}>
              <label htmlFor="biz-time-zone">Time zone</label>
              <select id="biz-time-zone" value={values.time_zone} onChange={(e) => setDraft({ ...values, time_zone: e.target.value })} aria-invalid={errors.time_zone ? true : undefined}>
                {(timeZones.includes(values.time_zone) ? timeZones : [values.time_zone, ...timeZones]).map((z) => (
                  <option key={z} value={z}>
                    {z.replace(/_/g, ' ')}
                  </option>
                ))}
              </select>
              {errors.time_zone && <span className="field-error">{errors.time_zone}</span>}
            </div>
          </div>
          <FormError error={Object.keys(errors).length ? null : error} />
          <SaveActions dirty={!!draft} onDiscard={() => (setDraft(null), setErrors({}))} busy={busy} label="Save" />
        </form>
      )}
    </Card>
  );
}

const typeLabels: Record<CustomField['type'], string> = { text: 'Text', number: 'Number', date: 'Date', boolean: 'Yes / no', select: 'Choice list' };

function CustomFields() {
  const toast = useToast();
  const { custom, ready } = useCustomerFields();
  const [label, setLabel] = useState('');
  const [name, setName] = useState('');
  const [nameTouched, setNameTouched] = useState(false);
  const [type, setType] = useState<CustomField['type']>('text');
  const [options, setOptions] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const derived = label
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^\w\s]/g, '')
    .trim()
    .replace(/\s+/g, '_')
    .replace(/^[^a-z]+/, '')
    .slice(0, 40);
  const fieldName = nameTouched ? name : derived;

  async function submit(e: FormEvent) {
    e.preventDefault();
    const problems: Record<string, string> = {};
    if (!label.trim()) problems.label = 'Give the field a label';
    if (!/^[a-z][a-z0-9_]{0,39}$/.test(fieldName)) problems.name = 'Start with a letter; use a–z, 0–9 and _ only';
    const opts = options
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    if (type === 'select' && opts.length === 0) problems.options = 'List the choices, separated by commas';
    setErrors(problems);
    setError(null);
    if (Object.keys(problems).length) return;
    setBusy(true);
    try {
      await api.post<CustomField>('/api/fields', { entity: 'customers', name: fieldName, label: label.trim(), type, ...(type === 'select' ? { options: opts } : {}) });
      await reloadCustomFields();
      toast(`Field “${label.trim()}” added to customers.`);
      setLabel('');
      setName('');
      setNameTouched(false);
      setOptions('');
      setType('text');
    } catch (err) {
      if (err instanceof ApiError) setErrors(err.fieldMessages());
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card title="Custom fields" id="fields">
      <p className="card-lead">Extra fields on every customer. They appear in forms, columns and filters, and the API accepts them like built-in fields.</p>
      {!ready ? (
        <Loading />
      ) : custom.length === 0 ? (
        <p className="muted card-pad">No custom fields yet.</p>
      ) : (
        <table className="table table-compact">
          <thead>
            <tr>
              <th scope="col">Label</th>
              <th scope="col">API name</th>
              <th scope="col">Type</th>
              <th scope="col">Added</th>
            </tr>
          </thead>
          <tbody>
            {custom.map((f) => (
              <tr key={f.id}>
                <td>{f.label}</td>
                <td>
                  <code>{f.name}</code>
                </td>
                <td>
                  {typeLabels[f.type] ?? f.type}
                  {f.options?.length ? <span className="muted"> ({f.options.join(', ')})</span> : null}
                </td>
                <td>{formatDate(f.created_at)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form className="inline-form" onSubmit={submit} noValidate aria-label="Add a custom field">
        <h3>Add a field</h3>
        <div className="form-grid">
          <div className={`field${errors.label ? ' has-error' : ''}`}>
            <label htmlFor="cf-label">Label</label>
            <input id="cf-label" value={label} onChange={(e) => setLabel(e.target.value)} placeholder="e.g. Loyalty tier" aria-invalid={errors.label ? true : undefined} />
            {errors.label && <span className="field-error">{errors.label}</span>}
          </div>
          <div className={`field${errors.name ? ' has-error' : ''}`}>
            <label htmlFor="cf-name">API name</label>
            <input
              id="cf-name"
              value={fieldName}
              onChange={(e) => (setName(e.target.value), setNameTouched(true))}
              aria-describedby="cf-name-hint"
              aria-invalid={errors.name ? true : undefined}
              spellCheck={false}
            />
            {errors.name ? (
              <span className="field-error">{errors.name}</span>
            ) : (
              <span className="field-hint" id="cf-name-hint">
                Used in the API and imports; cannot be changed later.
              </span>
            )}
          </div>
          <div className="field">
            <label htmlFor="cf-type">Type</label>
            <select id="cf-type" value={type} onChange={(e) => setType(e.target.value as CustomField['type'])}>
              {Object.entries(typeLabels).map(([k, v]) => (
                <option key={k} value={k}>
                  {v}
                </option>
              ))}
            </select>
          </div>
          {type === 'select' && (
            <div className={`field${errors.options ? ' has-error' : ''}`}>
              <label htmlFor="cf-options">Choices</label>
              <input id="cf-options" value={options} onChange={(e) => setOptions(e.target.value)} placeholder="gold, silver, bronze" aria-invalid={errors.options ? true : undefined} />
              {errors.options && <span className="field-error">{errors.options}</span>}
            </div>
          )}
        </div>
        <FormError error={Object.keys(errors).length ? null : error} />
        <div className="form-actions">
          <Button type="submit" variant="primary" busy={busy}>
            Add field
          </Button>
        </div>
      </form>
    </Card>
  );
}

const lifecycleFields: { key: keyof InsightSettings; label: string; hint: string; min: number; max: number; step?: number }[] = [
  { key: 'active_days', label: 'Active for', hint: 'days after the last purchase', min: 0, max: 3650 },
  { key: 'inactive_days', label: 'Churned after', hint: 'days without a purchase (inactive in between)', min: 0, max: 36500 },
  { key: 'rfm_bins', label: 'RFM score scale', hint: 'scores from 1 to this (4 or 5 is usual)', min: 2, max: 10 },
  { key: 'clv_months', label: 'Lifetime value horizon', hint: 'months ahead', min: 1, max: 120 },
  { key: 'horizon_days', label: 'Expected purchases horizon', hint: 'days ahead', min: 1, max: 3650 },
  { key: 'prediction_window_days', label: 'Purchase probability window', hint: 'days ahead', min: 1, max: 3650 },
  { key: 'monthly_discount_rate', label: 'Monthly discount rate', hint: 'for lifetime value, e.g. 0.01 = 1% a month', min: 0, max: 1, step: 0.001 },
];

function Lifecycle() {
  const toast = useToast();
  const settings = useAsync((signal) => api.get<InsightSettings>('/api/insights/settings', undefined, signal), []);
  const [draft, setDraft] = useState<Record<string, string> | null>(null);
  const { errors, setErrors, error, setError, busy, send } = useSubmit();
  const current = settings.data;
  const values: Record<string, string> = draft ?? (current ? Object.fromEntries(lifecycleFields.map((f) => [f.key, String(current[f.key])])) : {});

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!current) return;
    const problems: Record<string, string> = {};
    const patch: Record<string, number> = {};
    for (const f of lifecycleFields) {
      const n = Number(values[f.key]);
      if (values[f.key] === '' || !Number.isFinite(n) || n < f.min || n > f.max || (!f.step && !Number.isInteger(n)))
        problems[f.key] = `${f.step ? 'A number' : 'A whole number'} from ${f.min} to ${f.max}`;
      else if (n !== current[f.key]) patch[f.key] = n;
    }
    if (!problems.active_days && !problems.inactive_days && Number(values.inactive_days) < Number(values.active_days)) problems.inactive_days = 'Must be at least the active days';
    setErrors(problems);
    setError(null);
    if (Object.keys(problems).length) return;
    if (!Object.keys(patch).length) return toast('Nothing changed.', 'info');
    await send(async () => {
      const next = await api.patch<InsightSettings>('/api/insights/settings', patch);
      settings.setData(() => next);
      setDraft(null);
      invalidateShared('insight-settings');
      toast('Thresholds saved. They apply from the next insight run.');
    });
  }

  return (
    <Card title="Lifecycle thresholds" id="lifecycle">
      <p className="card-lead">
        How Rapport sorts customers into stages and scores them. A customer who bought within the active window is <strong>active</strong>, then <strong>inactive</strong>, then{' '}
        <strong>churned</strong>; someone who never bought is a <strong>lead</strong>.
      </p>
      {settings.loading && !current ? (
        <Loading />
      ) : settings.error ? (
        <ErrorState error={settings.error} onRetry={settings.reload} />
      ) : (
        <form className="inline-form" onSubmit={submit} noValidate aria-label="Lifecycle thresholds">
          <div className="form-grid">
            {lifecycleFields.map((f) => (
              <div key={f.key} className={`field${errors[f.key] ? ' has-error' : ''}`}>
                <label htmlFor={`ins-${f.key}`}>{f.label}</label>
                <input
                  id={`ins-${f.key}`}
                  type="number"
                  min={f.min}
                  max={f.max}
                  step={f.step ?? 1}
                  value={values[f.key] ?? ''}
                  onChange={(e) => setDraft({ ...values, [f.key]: e.target.value })}
                  aria-invalid={errors[f.key] ? true : undefined}
                  aria-describedby={`ins-${f.key}-hint`}
                />
                {errors[f.key] ? (
                  <span className="field-error">{errors[f.key]}</span>
                ) : (
                  <span className="field-hint" id={`ins-${f.key}-hint`}>
                    {f.hint}
                  </span>
                )}
              </div>
            ))}
          </div>
          <FormError error={Object.keys(errors).length ? null : error} />
          <SaveActions dirty={!!draft} onDiscard={() => (setDraft(null), setErrors({}))} busy={busy} label="Save thresholds" />
        </form>
      )}
    </Card>
  );
}

function Tokens() {
  const toast = useToast();
  const list = useAsync((signal) => api.get<Page<ApiToken>>('/api/tokens', undefined, signal), []);
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [created, setCreated] = useState<(ApiToken & { token: string }) | null>(null);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);
  const [revokeBusy, setRevokeBusy] = useState(false);

  async function create(e: FormEvent) {
    e.preventDefault();
    if (!name.trim()) return setNameError('Name the token after what will use it');
    setNameError('');
    setBusy(true);
    setError(null);
    try {
      const t = await api.post<ApiToken & { token: string }>('/api/tokens', { name: name.trim() });
      setCreated(t);
      setName('');
      list.reload();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  async function revoke() {
    if (!revoking) return;
    setRevokeBusy(true);
    try {
      await api.del(`/api/tokens/${encodeURIComponent(revoking.id)}`);
      toast(`Token “${revoking.name}” revoked.`);
      setRevoking(null);
      list.reload();
    } catch (err) {
      setError(err);
      setRevoking(null);
    } finally {
      setRevokeBusy(false);
    }
  }

  const tokens = list.data?.data ?? [];
  return (
    <Card title="API tokens" id="tokens">
      <p className="card-lead">
        Tokens let scripts and other tools use the REST API (<a href="/api/docs">API reference</a>). Send one as <code>Authorization: Bearer …</code>.
      </p>
      {created && <SecretReveal title="Copy your new token now. It is shown only once." secret={created.token} testId="new-token" onDone={() => setCreated(null)} />}
      {list.loading && !list.data ? (
        <Loading />
      ) : list.error ? (
        <ErrorState error={list.error} onRetry={list.reload} />
      ) : tokens.length === 0 ? (
        <EmptyState icon="key" title="No API tokens">
          Create one below when a script needs access.
        </EmptyState>
      ) : (
        <table className="table table-compact">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Starts with</th>
              <th scope="col">Created</th>
              <th scope="col">Last used</th>
              <th scope="col">Expires</th>
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {tokens.map((t) => (
              <tr key={t.id} className={t.revoked_at ? 'muted' : undefined}>
                <td>{t.name}</td>
                <td>
                  <code>{t.prefix}…</code>
                </td>
                <td>{formatDate(t.created_at)}</td>
                <td>{t.last_used_at ? relativeTime(t.last_used_at) : 'Never'}</td>
                <td>{t.expires_at ? formatDate(t.expires_at) : 'Never'}</td>
                <td className="num">
                  {t.revoked_at ? (
                    <Badge>Revoked</Badge>
                  ) : (
                    <Button size="sm" variant="ghost" onClick={() => setRevoking(t)} aria-label={`Revoke token ${t.name}`}>
                      Revoke
                    </Button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form className="inline-form row-form" onSubmit={create} noValidate aria-label="Create an API token">
        <div className={`field grow${nameError ? ' has-error' : ''}`}>
          <label htmlFor="token-name">New token name</label>
          <input id="token-name" value={name} onChange={(e) => setName(e.target.value)} placeholder="e.g. Shop sync" aria-invalid={nameError ? true : undefined} />
          {nameError && <span className="field-error">{nameError}</span>}
        </div>
        <Button type="submit" variant="primary" busy={busy}>
          Create token
        </Button>
      </form>
      <FormError error={error} />
      <ConfirmDialog open={revoking !== null} onCancel={() => setRevoking(null)} onConfirm={() => void revoke()} busy={revokeBusy} title="Revoke this token?" confirmLabel="Revoke token">
        <p>Anything using “{revoking?.name}” loses access immediately. This cannot be undone; create a new token if you need one again.</p>
      </ConfirmDialog>
    </Card>
  );
}

function Backup() {
  return (
    <Card title="Backup" id="backup">
      <p className="card-lead">
        A copy of everything in Rapport as it is at this moment: customers, companies, products, orders, activities and tasks, imports, segments and insight results, custom fields and settings. Your
        password, sessions and API tokens are left out. Rapport keeps running while the copy is made.
      </p>
      <div className="card-pad stack">
        <p>
          The file is JSON (<code>.json</code>), streamed as it is read. It holds your customers’ personal data, so keep it somewhere only you can reach.
        </p>
        <p>
          To bring it back, run <code>rapport restore FILE</code> on the server. The file is checked first, then it replaces all current data in one step (a restore that fails changes nothing), and
          your current password and tokens stay as they are; a running Rapport sees the restored data at once.
        </p>
        <p>
          <a className="btn btn-primary btn-md" href={backupUrl()} download>
            <Icon name="download" size={17} /> Download backup
          </a>
        </p>
      </div>
    </Card>
  );
}

function Account() {
  const session = useSession();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const problems: Record<string, string> = {};
    if (!current) problems.current_password = 'Enter your current password';
    if (next.length < 10) problems.new_password = 'Use at least 10 characters';
    if (repeat !== next) problems.repeat = 'The passwords do not match';
    setErrors(problems);
    setError(null);
    if (Object.keys(problems).length) return;
    setBusy(true);
    try {
      await auth.changePassword(current, next);
      session.ended('Password changed. Every session was signed out; sign in with your new password.');
    } catch (err) {
      if (err instanceof ApiError) setErrors(err.fieldMessages());
      setError(err);
      setBusy(false);
    }
  }
  const field = (id: string, label: string, value: string, set: (v: string) => void, autoComplete: string) => (
    <div className={`field${errors[id] ? ' has-error' : ''}`}>
      <label htmlFor={`pw-${id}`}>{label}</label>
      <input
        id={`pw-${id}`}
        type="password"
        autoComplete={autoComplete}
        value={value}
        onChange={(e) => set(e.target.value)}
        aria-invalid={errors[id] ? true : undefined}
        aria-describedby={errors[id] ? `pw-${id}-error` : undefined}
      />
      {errors[id] && (
        <span className="field-error" id={`pw-${id}-error`}>
          {errors[id]}
        </span>
      )}
    </div>
  );
  return (
    <Card title="Account" id="account">
      <form className="inline-form" onSubmit={submit} noValidate aria-label="Change password">
        <h3>Change password</h3>
        <p className="muted small">Changing it signs out every session, including this one.</p>
        <div className="form-grid">
          {field('current_password', 'Current password', current, setCurrent, 'current-password')}
          {field('new_password', 'New password', next, setNext, 'new-password')}
          {field('repeat', 'Repeat new password', repeat, setRepeat, 'new-password')}
        </div>
        <FormError error={Object.keys(errors).length ? null : error} />
        <div className="form-actions">
          <Button type="submit" variant="primary" busy={busy}>
            Change password
          </Button>
        </div>
      </form>
    </Card>
  );
}
