import { useCallback, useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { Dialog } from '../components/Dialog';
import { FieldForm } from '../components/FieldForm';
import { Icon, type IconName } from '../components/Icon';
import { useToast } from '../components/Toasts';
import { Badge, Button, Card, EmptyState, ErrorState, FormError, Loading, Spinner } from '../components/ui';
import { api, ApiError, isAbort, type ApiRecord, type CustomerScores, type CustomerView, type Page, type Suggestion, type TimelineItem } from '../lib/api';
import { daysAgo, daysSince, explainScores, relativeScoredAt } from '../lib/insights';
import { useBusinessSettings, useInsightSettings } from '../lib/shared-data';
import { customerSections, displayName, editableFields, useCustomerFields } from '../lib/fields';
import { formatDate, formatDateTime, formatMoney, formatNumber, formatShortDate, initials, relativeTime } from '../lib/format';
import { countryName, customerSince, phoneText } from '../lib/customer-facts';
import { useAsync, useDocumentTitle } from '../lib/hooks';
import { Link, navigate, type Params } from '../lib/router';
import { CustomerDeals } from '../deals/CustomerDeals';
import { CustomerContracts } from '../contracts/CustomerContracts';
import { CustomerQuotes } from '../quotes/CustomerQuotes';
import { PointsCard } from '../loyalty/PointsCard';
import { CustomerFeedbackCard } from '../surveys/CustomerFeedbackCard';
import { CustomerFlows } from '../flows/CustomerFlows';

export function CustomerPage({ params }: { params: Params }) {
  const id = params.id;
  const view = useAsync((signal) => api.get<CustomerView>(`/api/customers/${encodeURIComponent(id)}`, undefined, signal), [id]);
  const [timelineTick, setTimelineTick] = useState(0);
  const name = view.data ? displayName(view.data.customer) : '';
  useDocumentTitle(name || 'Customer');

  const refresh = useCallback(() => {
    view.reload();
    setTimelineTick((t) => t + 1);
  }, [view]);

  if (view.error) {
    const notFound = view.error instanceof ApiError && view.error.status === 404;
    return (
      <div className="page">
        <BackLink />
        {notFound ? (
          <EmptyState
            icon="users"
            title="Customer not found"
            action={
              <Link to="/customers" className="btn btn-secondary btn-md">
                Back to customers
              </Link>
            }
          >
            It may have been deleted.
          </EmptyState>
        ) : (
          <ErrorState error={view.error} onRetry={view.reload} />
        )}
      </div>
    );
  }
  if (!view.data)
    return (
      <div className="page">
        <BackLink />
        <Loading label="Loading customer…" />
      </div>
    );
  const { customer, company, figures, scores, open_tasks } = view.data;

  return (
    <div className="page page-wide">
      <BackLink />
      <ProfileHeader customer={customer} onChanged={refresh} />
      <Figures figures={figures} timeZone={scores.time_zone} />
      <Scores customer={customer} scores={scores} />
      <div className="detail-grid">
        <div className="detail-main">
          <DetailTabs
            customer={customer}
            onSaved={(updated) => view.setData((v) => (v ? { ...v, customer: updated as CustomerView['customer'] } : v))}
            onLogged={refresh}
            timelineTick={timelineTick}
          />
        </div>
        <aside className="detail-aside">
          <OpenTasks tasks={open_tasks} onChanged={refresh} />
          <CustomerDeals customerId={customer.id} />
          <CustomerContracts customerId={customer.id} />
          <CustomerQuotes customerId={customer.id} />
          <PointsCard customerId={customer.id} />
          <CustomerFeedbackCard customerId={customer.id} />
          <CustomerFlows customerId={customer.id} />
          <Suggestions customerId={customer.id} />
          <Card title="Contact" id="contact">
            <dl className="facts">
              <Fact label="Email" value={customer.email} href={customer.email ? `mailto:${customer.email}` : undefined} />
              {Array.isArray(customer.emails) && customer.emails.length > 1 && <Fact label="Other emails" value={(customer.emails as string[]).slice(1).join(', ')} />}
              <Fact label="Phone" value={phoneText(customer)} href={customer.phone ? `tel:${customer.phone}` : undefined} />
              <Fact label="Location" value={[customer.city, customer.region, countryName(customer.country as string | null)].filter(Boolean).join(', ')} />
              <Fact label="Source" value={sourcesText(customer)} />
              <Fact
                label="Email opt-in"
                value={customer.consent_email == null ? '' : customer.consent_email ? `Yes, ${customer.consent_email_at ? `since ${formatDate(customer.consent_email_at)}` : 'date unknown'}` : 'No'}
              />
              <Fact label="Customer since" value={customerSince(customer) ? formatDate(customerSince(customer)!) : 'unknown'} />
            </dl>
          </Card>
          <Card title="Company" id="company">
            {company ? (
              <>
                <dl className="facts">
                  <Fact label="Name" value={company.name} />
                  <Fact label="Domain" value={company.domain} />
                  <Fact label="Industry" value={company.industry} />
                  <Fact label="City" value={[company.city, countryName(company.country as string | null)].filter(Boolean).join(', ')} />
                </dl>
                {/* A list of terms and descriptions holds nothing else: the link follows it. */}
                <p className="fact-link">
                  <Link to={`/customers?company_id=${encodeURIComponent(company.id)}&company_name=${encodeURIComponent(String(company.name ?? ''))}`}>Everyone at this company</Link>
                </p>
              </>
            ) : (
              <p className="muted card-pad">No company. Set one in the profile.</p>
            )}
          </Card>
        </aside>
      </div>
    </div>
  );
}

/** The customer's source field and the systems its records came from (e.g. "shopify"), without repeats. */
function sourcesText(customer: Record<string, unknown>): string {
  const systems = Array.isArray(customer.sources) ? (customer.sources as { source: string }[]).map((s) => s.source) : [];
  return [...new Set([customer.source, ...systems].filter((s): s is string => typeof s === 'string' && s !== ''))].join(', ');
}

function BackLink() {
  return (
    <Link to="/customers" className="back-link">
      <span aria-hidden="true">←</span> Customers
    </Link>
  );
}

function Fact({ label, value, href }: { label: string; value: unknown; href?: string }) {
  const text = value === null || value === undefined || value === '' ? null : String(value);
  return (
    <div className="fact">
      <dt>{label}</dt>
      <dd>{text ? href ? <a href={href}>{text}</a> : text : <span className="muted">—</span>}</dd>
    </div>
  );
}

function ProfileHeader({ customer, onChanged }: { customer: ApiRecord; onChanged: () => void }) {
  const toast = useToast();
  const [confirm, setConfirm] = useState<null | 'erase' | 'delete'>(null);
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const name = displayName(customer);
  const tags = Array.isArray(customer.tags) ? (customer.tags as string[]) : [];

  async function run() {
    setBusy(true);
    setError(null);
    try {
      if (confirm === 'erase') {
        await api.del(`/api/customers/${encodeURIComponent(customer.id)}`, { erase: 'true' });
        toast('Personal data erased. Orders remain, anonymised.');
        setConfirm(null);
        onChanged();
      } else {
        await api.del(`/api/customers/${encodeURIComponent(customer.id)}`);
        toast(`${name} was deleted.`);
        navigate('/customers');
      }
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <header className="profile-header">
      <span className="avatar avatar-lg" aria-hidden="true">
        {initials(name)}
      </span>
      <div className="profile-title">
        <h1>{name}</h1>
        <p className="profile-meta">{[customer.title, customer.company].filter(Boolean).join(' at ') || <span className="muted">No job title or company</span>}</p>
        {tags.length > 0 && (
          <div className="tag-list">
            {tags.map((t) => (
              <Badge key={t} tone="accent">
                {t}
              </Badge>
            ))}
          </div>
        )}
      </div>
      <div className="page-actions">
        <a className="btn btn-secondary btn-md" href={`/api/customers/${encodeURIComponent(customer.id)}/export`} download={`${customer.id}.json`}>
          <Icon name="download" size={17} /> Export data
        </a>
        <Button icon="shield" onClick={() => (setConfirm('erase'), setTyped(''), setError(null))}>
          Erase…
        </Button>
        <Button variant="ghost" icon="trash" onClick={() => (setConfirm('delete'), setError(null))} aria-label={`Delete ${name}`}>
          Delete
        </Button>
      </div>
      <Dialog
        open={confirm !== null}
        onClose={() => setConfirm(null)}
        title={confirm === 'erase' ? 'Erase personal data?' : `Delete ${name}?`}
        size="sm"
        footer={
          <>
            <Button variant="ghost" onClick={() => setConfirm(null)}>
              Cancel
            </Button>
            <Button variant="danger" busy={busy} disabled={confirm === 'erase' && typed.trim().toUpperCase() !== 'ERASE'} onClick={() => void run()}>
              {confirm === 'erase' ? 'Erase permanently' : 'Delete permanently'}
            </Button>
          </>
        }
      >
        {confirm === 'erase' ? (
          <>
            <p>
              This answers a right-to-erasure request. Every personal field, custom field, contact key, interaction text and task note of <strong>{name}</strong> is removed, and older audit entries
              lose their copies. Orders stay with their amounts only, so your revenue figures remain true. This cannot be undone.
            </p>
            <p className="muted">Download an export first if you need to send the person their data.</p>
            <div className="field">
              <label htmlFor="erase-confirm">Type ERASE to confirm</label>
              <input id="erase-confirm" value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" />
            </div>
          </>
        ) : (
          <p>The customer record is deleted permanently; there is no undo. A copy stays in the audit log. To remove personal data everywhere, use Erase instead.</p>
        )}
        <FormError error={error} />
      </Dialog>
    </header>
  );
}

interface OtherCurrency {
  currency: string;
  orders: number;
  revenue: number;
}

/** "also 2 orders in USD (USD 50.00), not included": what the customer's amounts leave out. */
export function otherCurrenciesNote(figures: Record<string, unknown>): string | undefined {
  const other = Array.isArray(figures.other_currencies) ? (figures.other_currencies as OtherCurrency[]) : [];
  if (other.length === 0) return undefined;
  return `also ${other.map((o) => `${o.orders} ${o.orders === 1 ? 'order' : 'orders'} in ${o.currency} (${formatMoney(o.revenue, o.currency)})`).join(', ')}, not included`;
}

function Figures({ figures, timeZone }: { figures: Record<string, unknown>; timeZone: string }) {
  const otherNote = otherCurrenciesNote(figures);
  const items: { label: string; value: string; hint?: string }[] = [
    { label: 'Revenue', value: formatMoney(figures.revenue ?? 0), hint: otherNote },
    { label: 'Orders', value: formatNumber(figures.order_count, true) || '0', hint: otherNote ? 'in every currency' : undefined },
    { label: 'Average order', value: formatMoney(figures.average_order_value), hint: otherNote && typeof figures.currency === 'string' ? `of the orders in ${figures.currency}` : undefined },
    { label: 'Orders per month', value: formatNumber(figures.purchase_frequency) || '—' },
    { label: 'Last order', value: formatShortDate(figures.last_order_at) || '—', hint: daysAgo(figures.last_order_at, timeZone) },
    { label: 'Last interaction', value: formatShortDate(figures.last_interaction_at) || '—', hint: relativeTime(figures.last_interaction_at) },
  ];
  return (
    <section className="figures" aria-label="Figures">
      {items.map((i) => (
        <div key={i.label} className="figure">
          <span className="figure-label">{i.label}</span>
          <span className="figure-value">{i.value}</span>
          {i.hint && <span className="figure-hint">{i.hint}</span>}
        </div>
      ))}
    </section>
  );
}

function Scores({ customer, scores: view }: { customer: ApiRecord; scores: CustomerScores }) {
  const settings = useInsightSettings();
  const scores = explainScores(customer, settings.data, view);
  const scored = typeof customer.scored_at === 'string';
  return (
    <section className="scores card" aria-labelledby="scores-title">
      <header className="card-header">
        <h2 id="scores-title">Scores</h2>
        <span className="muted small">
          {scored ? `Scored ${relativeScoredAt(customer.scored_at, view.time_zone)}${view.as_of ? ` (as of ${formatDate(view.as_of)})` : ''}` : 'Not scored yet'} ·{' '}
          <Link to="/insights">How scores work</Link>
        </span>
      </header>
      <dl className="score-grid">
        {scores.map((s) => (
          <div key={s.key} className={`score${s.tone ? ` score-${s.tone}` : ''}`}>
            <dt>{s.label}</dt>
            <dd>
              <span className="score-value">{s.value}</span>
              {s.badge && <Badge tone="warning">{s.badge}</Badge>}
              {s.meter !== undefined && (
                <span className="meter" aria-hidden="true">
                  <span style={{ width: `${Math.round(Math.min(1, Math.max(0, s.meter)) * 100)}%` }} />
                </span>
              )}
              <span className="score-why">{s.explanation}</span>
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function Suggestions({ customerId }: { customerId: string }) {
  const list = useAsync((signal) => api.get<{ data: Suggestion[]; model_id: string | null }>(`/api/customers/${encodeURIComponent(customerId)}/suggestions`, { limit: 5 }, signal), [customerId]);
  return (
    <Card title="Suggested products" id="suggestions">
      {list.loading && !list.data ? (
        <Loading />
      ) : list.error ? (
        <ErrorState error={list.error} onRetry={list.reload} />
      ) : list.data!.data.length === 0 ? (
        <p className="muted card-pad">
          {list.data!.model_id
            ? 'Nothing to suggest: no product is often bought with what this customer has.'
            : 'Suggestions come from products bought together; they appear after an insight run with order lines.'}
        </p>
      ) : (
        <ul className="suggestion-list">
          {list.data!.data.map((s) => (
            <li key={s.product_id}>
              <span className="suggestion-name">{s.name ?? s.sku ?? s.product_id}</span>
              <span className="muted small">{s.reason}</span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

type Tab = 'activity' | 'profile';

function DetailTabs({ customer, onSaved, onLogged, timelineTick }: { customer: ApiRecord; onSaved: (c: ApiRecord) => void; onLogged: () => void; timelineTick: number }) {
  const [tab, setTab] = useState<Tab>('activity');
  const { fields } = useCustomerFields();
  const toast = useToast();
  const tabs: { id: Tab; label: string }[] = [
    { id: 'activity', label: 'Activity' },
    { id: 'profile', label: 'Profile' },
  ];
  const onKey = (e: KeyboardEvent) => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    const next = tabs[(tabs.findIndex((t) => t.id === tab) + 1) % tabs.length].id;
    setTab(next);
    document.getElementById(`tab-${next}`)?.focus();
  };
  return (
    <div className="card">
      <div className="tabs" role="tablist" aria-label="Customer details" onKeyDown={onKey}>
        {tabs.map((t) => (
          <button
            key={t.id}
            id={`tab-${t.id}`}
            type="button"
            role="tab"
            aria-selected={tab === t.id}
            aria-controls={`panel-${t.id}`}
            tabIndex={tab === t.id ? 0 : -1}
            className="tab"
            onClick={() => setTab(t.id)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div id={`panel-${tab}`} role="tabpanel" aria-labelledby={`tab-${tab}`} className="tab-panel">
        {tab === 'activity' ? (
          <>
            <Composer customerId={customer.id} onLogged={onLogged} />
            <Timeline customerId={customer.id} tick={timelineTick} />
          </>
        ) : (
          <FieldForm
            fields={editableFields(fields)}
            record={customer}
            sections={customerSections}
            idPrefix="profile"
            submitLabel="Save changes"
            onSubmit={async (patch) => {
              if (!Object.keys(patch).length) return;
              const updated = await api.patch<ApiRecord>(`/api/customers/${encodeURIComponent(customer.id)}`, patch);
              onSaved(updated);
              toast('Changes saved.');
            }}
          />
        )}
      </div>
    </div>
  );
}

type ComposerKind = 'call' | 'note' | 'task';

function nowLocal(): string {
  const d = new Date();
  return new Date(d.getTime() - d.getTimezoneOffset() * 6e4).toISOString().slice(0, 16);
}

function Composer({ customerId, onLogged }: { customerId: string; onLogged: () => void }) {
  const toast = useToast();
  const [kind, setKind] = useState<ComposerKind>('call');
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const [direction, setDirection] = useState<'out' | 'in'>('out');
  const [when, setWhen] = useState(nowLocal);
  const [due, setDue] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [fieldError, setFieldError] = useState('');
  const [busy, setBusy] = useState(false);
  const kinds: { id: ComposerKind; label: string; icon: IconName }[] = [
    { id: 'call', label: 'Log a call', icon: 'phone' },
    { id: 'note', label: 'Add a note', icon: 'note' },
    { id: 'task', label: 'Add a task', icon: 'task' },
  ];

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    setFieldError('');
    if (kind === 'note' && !body.trim()) return setFieldError('Write the note first');
    if (kind === 'task' && !subject.trim()) return setFieldError('Give the task a title');
    setBusy(true);
    try {
      if (kind === 'task') {
        await api.post('/api/tasks', { title: subject.trim(), customer_id: customerId, due_at: due ? new Date(`${due}T09:00:00`).toISOString() : null, notes: body.trim() || null });
      } else {
        await api.post('/api/interactions', {
          type: kind,
          customer_id: customerId,
          direction: kind === 'call' ? direction : null,
          occurred_at: when ? new Date(when).toISOString() : new Date().toISOString(),
          subject: subject.trim() || null,
          body: body.trim() || null,
        });
      }
      toast(kind === 'call' ? 'Call logged.' : kind === 'note' ? 'Note added.' : 'Task added.');
      setSubject('');
      setBody('');
      setDue('');
      setWhen(nowLocal());
      onLogged();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="composer" onSubmit={submit} aria-label="Log activity">
      <div className="segmented" role="radiogroup" aria-label="What to add">
        {kinds.map((k) => (
          <label key={k.id} className={`segment${kind === k.id ? ' on' : ''}`}>
            <input type="radio" name="composer-kind" value={k.id} checked={kind === k.id} onChange={() => (setKind(k.id), setFieldError(''))} className="sr-only" />
            <Icon name={k.icon} size={15} />
            {k.label}
          </label>
        ))}
      </div>
      <div className="composer-fields">
        {kind !== 'note' && (
          <div className={`field${fieldError && kind === 'task' ? ' has-error' : ''}`}>
            <label htmlFor="composer-subject">{kind === 'task' ? 'Task' : 'Subject'}</label>
            <input id="composer-subject" value={subject} onChange={(e) => setSubject(e.target.value)} placeholder={kind === 'task' ? 'e.g. Send the quote' : 'e.g. Follow-up on the proposal'} />
          </div>
        )}
        {kind === 'call' && (
          <div className="composer-row">
            <div className="field">
              <label htmlFor="composer-direction">Direction</label>
              <select id="composer-direction" value={direction} onChange={(e) => setDirection(e.target.value as 'out' | 'in')}>
                <option value="out">I called them</option>
                <option value="in">They called me</option>
              </select>
            </div>
            <div className="field">
              <label htmlFor="composer-when">When</label>
              <input id="composer-when" type="datetime-local" value={when} onChange={(e) => setWhen(e.target.value)} />
            </div>
          </div>
        )}
        {kind === 'task' && (
          <div className="field">
            <label htmlFor="composer-due">Due date</label>
            <input id="composer-due" type="date" value={due} onChange={(e) => setDue(e.target.value)} />
          </div>
        )}
        <div className={`field${fieldError && kind === 'note' ? ' has-error' : ''}`}>
          <label htmlFor="composer-body">{kind === 'note' ? 'Note' : kind === 'task' ? 'Details (optional)' : 'Notes (optional)'}</label>
          <textarea id="composer-body" rows={kind === 'note' ? 4 : 2} value={body} onChange={(e) => setBody(e.target.value)} />
        </div>
        {fieldError && (
          <p className="field-error" role="alert">
            {fieldError}
          </p>
        )}
        <FormError error={error} />
        <div className="form-actions">
          <Button type="submit" variant="primary" busy={busy}>
            {kinds.find((k) => k.id === kind)!.label}
          </Button>
        </div>
      </div>
    </form>
  );
}

const interactionIcons: Record<string, IconName> = { call: 'phone', note: 'note', email: 'mail', meeting: 'calendar', sms: 'mail', chat: 'mail', web_visit: 'search', campaign: 'mail' };

function Timeline({ customerId, tick }: { customerId: string; tick: number }) {
  const timeZone = useBusinessSettings().data?.time_zone ?? 'UTC';
  const [items, setItems] = useState<TimelineItem[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [status, setStatus] = useState<'loading' | 'ready' | 'more' | 'error'>('loading');
  const [error, setError] = useState<unknown>(null);
  const controller = useRef<AbortController | null>(null);

  const load = useCallback(
    async (after: string | null) => {
      controller.current?.abort();
      const c = new AbortController();
      controller.current = c;
      setStatus(after ? 'more' : 'loading');
      try {
        const page = await api.get<Page<TimelineItem>>(`/api/customers/${encodeURIComponent(customerId)}/timeline`, { limit: 20, cursor: after ?? undefined }, c.signal);
        setItems((prev) => (after ? [...prev, ...page.data] : page.data));
        setCursor(page.next_cursor);
        setStatus('ready');
      } catch (e) {
        if (isAbort(e) || c.signal.aborted) return;
        setError(e);
        setStatus('error');
      }
    },
    [customerId],
  );
  useEffect(() => {
    void load(null);
    return () => controller.current?.abort();
  }, [load, tick]);

  return (
    <section className="timeline" aria-labelledby="timeline-title">
      <h2 id="timeline-title" className="section-title">
        Timeline
      </h2>
      {status === 'loading' && !items.length ? (
        <Loading label="Loading timeline…" />
      ) : status === 'error' && !items.length ? (
        <ErrorState error={error} onRetry={() => void load(null)} />
      ) : items.length === 0 ? (
        <EmptyState icon="calendar" title="Nothing here yet">
          Calls, notes, tasks and orders of this customer appear here, newest first.
        </EmptyState>
      ) : (
        <ol className="timeline-list">
          {items.map((item) => (
            <TimelineEntry key={`${item.kind}-${item.id}`} item={item} timeZone={timeZone} />
          ))}
        </ol>
      )}
      {cursor && (
        <div className="table-footer">
          <Button size="sm" busy={status === 'more'} onClick={() => void load(cursor)}>
            Show older activity
          </Button>
        </div>
      )}
    </section>
  );
}

function TimelineEntry({ item, timeZone }: { item: TimelineItem; timeZone: string }) {
  let icon: IconName = 'note';
  let title = '';
  let body: string | null = null;
  let badge: string | null = null;
  switch (item.kind) {
    case 'order': {
      const r = item.record;
      icon = 'cart';
      title = `Order ${r.total != null ? `of ${formatMoney(r.total, r.currency)}` : ''}`.trim();
      badge = r.status ?? '';
      body = r.notes;
      break;
    }
    case 'task': {
      const r = item.record;
      icon = 'task';
      title = `Task: ${r.title}`;
      badge = r.done ? 'done' : r.due_at ? `due ${formatDate(r.due_at)}` : 'open';
      body = r.notes;
      break;
    }
    case 'feedback': {
      const r = item.record;
      icon = 'spark';
      title = r.kind === 'nps' ? `NPS answer: ${r.score} of 10` : `Satisfaction: ${r.score} of 5`;
      body = r.comment;
      break;
    }
    case 'interaction': {
      const r = item.record;
      const type = r.type ?? 'note';
      icon = interactionIcons[type] ?? 'note';
      const label =
        type === 'call'
          ? r.direction === 'in'
            ? 'Incoming call'
            : r.direction === 'out'
              ? 'Outgoing call'
              : 'Call'
          : type === 'web_visit'
            ? 'Web visit'
            : type.charAt(0).toUpperCase() + type.slice(1);
      title = r.subject ? `${label}: ${r.subject}` : label;
      body = r.body;
      break;
    }
  }
  return (
    <li className={`timeline-item kind-${item.kind}`}>
      <span className="timeline-icon" aria-hidden="true">
        <Icon name={icon} size={16} />
      </span>
      <div className="timeline-body">
        <div className="timeline-head">
          <span className="timeline-title">{title}</span>
          {badge && <Badge>{badge}</Badge>}
          <time dateTime={item.at} title={formatDateTime(item.at)}>
            {/* Past today, the shared calendar-day count, as next to "Last order". */}
            {daysSince(item.at, Date.now(), timeZone) ? daysAgo(item.at, timeZone) : relativeTime(item.at)}
          </time>
        </div>
        {body && <p className="timeline-text">{body}</p>}
      </div>
    </li>
  );
}

function OpenTasks({ tasks, onChanged }: { tasks: ApiRecord[]; onChanged: () => void }) {
  const toast = useToast();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  async function complete(t: ApiRecord) {
    setBusy(t.id);
    setError(null);
    try {
      await api.patch(`/api/tasks/${encodeURIComponent(t.id)}`, { done: true });
      toast('Task done.');
      onChanged();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  }
  return (
    <Card title="Open tasks" id="open-tasks">
      {tasks.length === 0 ? (
        <p className="muted card-pad">No open tasks.</p>
      ) : (
        <ul className="task-list">
          {tasks.map((t) => (
            <TaskRow key={t.id} task={t} busy={busy === t.id} onDone={() => void complete(t)} />
          ))}
        </ul>
      )}
      <FormError error={error} />
    </Card>
  );
}

export function TaskRow({ task, busy, onDone, customer }: { task: ApiRecord; busy: boolean; onDone: () => void; customer?: { id: string; name: string } }) {
  const overdue = typeof task.due_at === 'string' && new Date(task.due_at).getTime() < Date.now();
  return (
    <li className="task-row">
      {busy ? <Spinner small /> : <input type="checkbox" id={`task-${task.id}`} onChange={onDone} aria-label={`Mark “${task.title}” done`} />}
      <div className="task-text">
        <span className="task-title">{String(task.title ?? '')}</span>
        <span className={`task-due${overdue ? ' overdue' : ''}`}>
          {task.due_at ? `${overdue ? 'Overdue · ' : 'Due '}${formatDate(task.due_at)}` : 'No due date'}
          {customer && (
            <>
              {' · '}
              <Link to={`/customers/${encodeURIComponent(customer.id)}`}>{customer.name}</Link>
            </>
          )}
        </span>
      </div>
    </li>
  );
}
