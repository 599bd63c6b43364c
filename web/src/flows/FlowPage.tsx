import { useEffect, useState, type FormEvent } from 'react';
import { AmountInput } from '../components/AmountInput';
import { useToast } from '../components/Toasts';
import { Badge, Button, Card, ErrorState, FormError, Loading, PageHeader } from '../components/ui';
import { api, ApiError } from '../lib/api';
import { useAsync, useDocumentTitle } from '../lib/hooks';
import { Link, navigate, type Params } from '../lib/router';
import { describeStep, describeTrigger, newStep, stepLabels, statusTone } from './describe';
import { flowsApi, useEnrolments, useEventTypes, useFlow } from './hooks';
import { StepEditor } from './StepEditor';
import { DiscountCodes } from './DiscountCodes';
import type { Flow, FlowDefinition, FlowDryRun, FlowStep, FlowTrigger, StepKind } from './types';
import './flows.css';

const kinds = Object.keys(stepLabels) as StepKind[];

function TriggerEditor({ trigger, onChange, errors }: { trigger: FlowTrigger; onChange: (t: FlowTrigger) => void; errors: Record<string, string> }) {
  const events = useEventTypes();
  const match = (trigger.type === 'event' ? (trigger.match ?? {}) : {}) as Record<string, string | number | boolean>;
  const setMatch = (changes: Record<string, string | number | boolean | undefined>) => {
    if (trigger.type !== 'event') return;
    const next = { ...match, ...changes };
    for (const k of Object.keys(next)) if (next[k] === undefined || next[k] === '') delete next[k];
    onChange({ ...trigger, match: Object.keys(next).length ? (next as Record<string, string | number | boolean>) : undefined });
  };
  return (
    <div className="flow-step-row">
      <div className="field">
        <label htmlFor="trigger-type">Starts when</label>
        <select
          id="trigger-type"
          value={trigger.type}
          onChange={(e) => {
            const type = e.target.value;
            onChange(type === 'event' ? { type: 'event', event: 'customer.created' } : type === 'date' ? { type: 'date', field: 'birthday', offset_days: 0, yearly: true } : { type: 'manual' });
          }}
        >
          <option value="event">Something happens (an event)</option>
          <option value="date">A date comes</option>
          <option value="manual">I enrol customers</option>
        </select>
      </div>
      {trigger.type === 'event' && (
        <>
          <div className={`field${errors['trigger.event'] ? ' has-error' : ''}`}>
            <label htmlFor="trigger-event">Event</label>
            <select id="trigger-event" value={trigger.event} onChange={(e) => onChange({ type: 'event', event: e.target.value as typeof trigger.event })}>
              {(events.data ?? [trigger.event]).map((t) => (
                <option key={t} value={t}>
                  {t}
                </option>
              ))}
            </select>
          </div>
          {trigger.event === 'customer.score_crossed' ? (
            <>
              <div className="field">
                <label htmlFor="trigger-score">Score</label>
                <select id="trigger-score" value={String(match.score ?? '')} onChange={(e) => setMatch({ score: e.target.value })}>
                  <option value="">Any</option>
                  <option value="churn_risk">Churn risk</option>
                  <option value="p_alive">Probability active</option>
                  <option value="clv">Lifetime value</option>
                </select>
              </div>
              <div className="field">
                <label htmlFor="trigger-direction">Direction</label>
                <select id="trigger-direction" value={String(match.direction ?? '')} onChange={(e) => setMatch({ direction: e.target.value })}>
                  <option value="">Either</option>
                  <option value="up">Rises above</option>
                  <option value="down">Falls to or below</option>
                </select>
              </div>
              <div className="field">
                <label htmlFor="trigger-threshold">Threshold</label>
                <AmountInput id="trigger-threshold" className="input-narrow" value={match.threshold === undefined ? undefined : Number(match.threshold)} onValue={(n) => setMatch({ threshold: n })} />
              </div>
            </>
          ) : (
            <div className="field">
              <label htmlFor="trigger-match">Only when the event data has (key=value, comma separated)</label>
              <input
                id="trigger-match"
                defaultValue={Object.entries(match)
                  .map(([k, v]) => `${k}=${v}`)
                  .join(', ')}
                onBlur={(e) => {
                  const pairs = e.target.value
                    .split(',')
                    .map((p) => p.split('=').map((x) => x.trim()))
                    .filter((p) => p.length === 2 && p[0]);
                  if (trigger.type === 'event') onChange({ ...trigger, match: pairs.length ? Object.fromEntries(pairs) : undefined });
                }}
              />
            </div>
          )}
        </>
      )}
      {trigger.type === 'date' && (
        <>
          <div className={`field${errors['trigger.field'] ? ' has-error' : ''}`}>
            <label htmlFor="trigger-field">Date field</label>
            <input id="trigger-field" value={trigger.field} onChange={(e) => onChange({ ...trigger, field: e.target.value })} />
            {errors['trigger.field'] && <p className="field-error">{errors['trigger.field']}</p>}
          </div>
          <div className="field">
            <label htmlFor="trigger-offset">Days after (negative: before)</label>
            <input id="trigger-offset" className="input-narrow" type="number" value={trigger.offset_days} onChange={(e) => onChange({ ...trigger, offset_days: Number(e.target.value) || 0 })} />
          </div>
          <label className="check">
            <input type="checkbox" checked={trigger.yearly} onChange={(e) => onChange({ ...trigger, yearly: e.target.checked })} /> Every year
          </label>
        </>
      )}
    </div>
  );
}

function DryRunPanel({ flow, saved }: { flow: Flow; saved: boolean }) {
  const [result, setResult] = useState<FlowDryRun | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [ids, setIds] = useState('');
  const manual = flow.definition.trigger.type === 'manual';
  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      setResult(await flowsApi.dryRun(flow.id, manual ? { customer_ids: ids.split(/[\s,]+/).filter(Boolean) } : {}));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title="Dry run" id="flow-dry-run">
      <div className="card-pad stack">
        <p className="muted">Who would enter today and what each would get. Nothing is written or sent.</p>
        {manual && (
          <div className="field">
            <label htmlFor="dry-run-ids">Customer ids to try</label>
            <input id="dry-run-ids" value={ids} onChange={(e) => setIds(e.target.value)} />
          </div>
        )}
        <div>
          <Button onClick={run} busy={busy} disabled={!saved} title={saved ? undefined : 'Save the flow first'}>
            Dry run
          </Button>
        </div>
        <FormError error={error} />
        {result && (
          <div className="dry-run" aria-label="Dry run result" role="region">
            <p>
              <strong>
                {result.total} customer{result.total === 1 ? '' : 's'} would enter today
              </strong>{' '}
              ({result.trigger}){result.excluded_by_reentry ? `; ${result.excluded_by_reentry} kept out by the re-entry rule` : ''}.
            </p>
            <ul className="flow-dry-list">
              {result.customers.map((c) => (
                <li key={c.customer_id}>
                  <Link to={`/customers/${c.customer_id}`}>{c.name}</Link> <span className="muted small">{c.why}</span>
                  <ol>
                    {c.steps.map((s, i) => (
                      <li key={i}>{s.summary}</li>
                    ))}
                  </ol>
                </li>
              ))}
            </ul>
          </div>
        )}
      </div>
    </Card>
  );
}

/** For a flow you enrol customers in: a segment (saved filter or k-means) or customer ids. */
function EnrolCard({ flow, onDone }: { flow: Flow; onDone: () => void }) {
  const segments = useAsync((signal) => api.get<{ data: { id: string; name: string; size?: number | null }[] }>('/api/segments', undefined, signal).then((r) => r.data), []);
  const [segment, setSegment] = useState('');
  const [ids, setIds] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const enrol = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const customerIds = ids.split(/[\s,]+/).filter(Boolean);
      const r = await flowsApi.enrol(flow.id, { ...(segment ? { segment_id: segment } : {}), ...(customerIds.length ? { customer_ids: customerIds } : {}) });
      setDone(`${r.enrolled} entered${r.skipped ? `, ${r.skipped} kept out by the re-entry rule` : ''}`);
      onDone();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title="Enrol customers" id="flow-enrol">
      <form className="card-pad stack" aria-label="Enrol customers" onSubmit={enrol}>
        <div className="field">
          <label htmlFor="enrol-segment">Segment</label>
          <select id="enrol-segment" value={segment} onChange={(e) => setSegment(e.target.value)}>
            <option value="">None</option>
            {segments.data?.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="enrol-ids">Customer ids</label>
          <input id="enrol-ids" value={ids} onChange={(e) => setIds(e.target.value)} />
        </div>
        <FormError error={error} />
        <div className="form-actions">
          <Button type="submit" busy={busy} disabled={flow.status !== 'active' || (!segment && !ids.trim())} title={flow.status === 'active' ? undefined : 'Activate the flow first'}>
            Enrol
          </Button>
          {done && <span className="muted">{done}</span>}
        </div>
      </form>
    </Card>
  );
}

function EnrolmentsCard({ flow, version }: { flow: Flow; version: unknown }) {
  const list = useEnrolments(flow.id, version);
  return (
    <Card
      title="Enrolments"
      id="flow-enrolments"
      className="table-card"
      actions={
        <Button size="sm" onClick={list.reload}>
          Refresh
        </Button>
      }
    >
      {list.loading && !list.data ? (
        <Loading />
      ) : list.error ? (
        <ErrorState error={list.error} onRetry={list.reload} />
      ) : list.data!.length === 0 ? (
        <p className="card-pad muted">Nobody has entered this flow yet.</p>
      ) : (
        <div className="table-scroll">
          <table className="table table-compact">
            <thead>
              <tr>
                <th scope="col">Customer</th>
                <th scope="col">Status</th>
                <th scope="col">Entered</th>
                <th scope="col">Steps run</th>
              </tr>
            </thead>
            <tbody>
              {list.data!.map((e) => (
                <tr key={e.id}>
                  <td>
                    <Link to={`/customers/${e.customer_id}`}>{e.customer_id}</Link>
                    <div className="muted small">
                      version {e.version} · {e.source}
                    </div>
                  </td>
                  <td>
                    <Badge tone={e.status === 'active' ? 'accent' : e.status === 'failed' ? 'danger' : 'neutral'}>{e.status}</Badge>
                    {e.exit_reason && <div className="muted small">{e.exit_reason}</div>}
                  </td>
                  <td>{new Date(e.entered_at).toLocaleString()}</td>
                  <td className="small">{e.history.map((h) => `${h.step_id}: ${h.outcome}`).join(', ') || '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}

/** Errors from the API's `definition.…` field names, by step index and the rest of the path. */
function splitErrors(error: unknown) {
  const steps: Record<number, Record<string, string>> = {};
  const top: Record<string, string> = {};
  if (!(error instanceof ApiError)) return { steps, top };
  for (const [key, messages] of Object.entries(error.fields)) {
    const m = /^definition\.steps\.(\d+)\.?(.*)$/.exec(key);
    if (m) (steps[Number(m[1])] ??= {})[m[2]] = messages.join('; ');
    else top[key.replace(/^definition\./, '')] = messages.join('; ');
  }
  return { steps, top };
}

/** One flow: its trigger and step list to edit, activation, the dry run, per-step counts and enrolments. */
export function FlowPage({ params }: { params: Params }) {
  const flow = useFlow(params.id);
  const toast = useToast();
  const [name, setName] = useState('');
  const [draft, setDraft] = useState<FlowDefinition | null>(null);
  const [dirty, setDirty] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [enrolExisting, setEnrolExisting] = useState(false);
  const [addKind, setAddKind] = useState<StepKind>('send_email');
  useDocumentTitle(flow.data?.name ?? 'Flow');
  useEffect(() => {
    if (flow.data && !dirty) {
      setName(flow.data.name);
      setDraft(flow.data.definition);
    }
  }, [flow.data, dirty]);
  if (flow.loading && !flow.data) return <Loading />;
  if (flow.error) return <ErrorState error={flow.error} onRetry={flow.reload} />;
  const f = flow.data!;
  if (!draft) return <Loading />;
  const change = (d: FlowDefinition) => {
    setDraft(d);
    setDirty(true);
  };
  const setSteps = (steps: FlowStep[]) => change({ ...draft, steps });
  const { steps: stepErrors, top } = splitErrors(error);
  const counts = new Map((f.counts?.steps ?? []).map((c) => [c.step_id, c]));
  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      await flowsApi.update(f.id, { name, definition: draft });
      setDirty(false);
      toast('Flow saved');
      flow.reload();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const act = async (work: () => Promise<unknown>, message: string) => {
    setBusy(true);
    setError(null);
    try {
      const r = await work();
      const enrolled = (r as { enrolled?: number }).enrolled;
      toast(enrolled ? `${message}: ${enrolled} customer${enrolled === 1 ? '' : 's'} entered` : message);
      flow.reload();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const goals = draft.goal?.events ?? [];
  return (
    <div className="page">
      <Link to="/flows" className="back-link">
        ← Flows
      </Link>
      <PageHeader
        title={f.name}
        subtitle={
          <>
            <Badge tone={statusTone(f.status)}>{f.status}</Badge> {describeTrigger(f.definition.trigger)} · version {f.version}
          </>
        }
        actions={
          <>
            {f.status === 'active' ? (
              <Button onClick={() => act(() => flowsApi.pause(f.id), 'Flow paused')} busy={busy}>
                Pause
              </Button>
            ) : (
              <>
                {f.definition.trigger.type !== 'manual' && (
                  <label className="check">
                    <input type="checkbox" checked={enrolExisting} onChange={(e) => setEnrolExisting(e.target.checked)} /> Also enrol whoever the dry run lists
                  </label>
                )}
                <Button variant="primary" onClick={() => act(() => flowsApi.activate(f.id, enrolExisting), 'Flow activated')} busy={busy} disabled={dirty}>
                  Activate
                </Button>
              </>
            )}
            <Button
              variant="danger"
              onClick={() => {
                if (window.confirm(`Delete the flow “${f.name}” and its enrolments?`)) void flowsApi.remove(f.id).then(() => navigate('/flows'));
              }}
            >
              Delete
            </Button>
          </>
        }
      />
      <div className="flow-layout">
        <Card title="Flow" id="flow-editor">
          <form
            className="card-pad stack"
            aria-label="Flow editor"
            onSubmit={(e) => {
              e.preventDefault();
              void save();
            }}
          >
            <div className="field">
              <label htmlFor="flow-name">Flow name</label>
              <input id="flow-name" value={name} onChange={(e) => (setName(e.target.value), setDirty(true))} />
            </div>
            <TriggerEditor trigger={draft.trigger} onChange={(trigger) => change({ ...draft, trigger })} errors={top} />
            <div className="flow-step-row">
              <div className="field">
                <label htmlFor="flow-reentry">A customer may enter again</label>
                <select
                  id="flow-reentry"
                  value={draft.reentry?.policy ?? 'never'}
                  onChange={(e) => change({ ...draft, reentry: e.target.value === 'after_days' ? { policy: 'after_days', days: 30 } : { policy: e.target.value as 'never' | 'always' } })}
                >
                  <option value="never">Never</option>
                  <option value="after_days">After some days</option>
                  <option value="always">Any time (not twice at once)</option>
                </select>
              </div>
              {draft.reentry?.policy === 'after_days' && (
                <div className="field">
                  <label htmlFor="flow-reentry-days">Days</label>
                  <input
                    id="flow-reentry-days"
                    className="input-narrow"
                    type="number"
                    min={1}
                    value={draft.reentry.days}
                    onChange={(e) => change({ ...draft, reentry: { policy: 'after_days', days: Number(e.target.value) || 1 } })}
                  />
                </div>
              )}
              <label className="check">
                <input type="checkbox" checked={goals.includes('order.created')} onChange={(e) => change({ ...draft, goal: e.target.checked ? { events: ['order.created'] } : null })} /> Leave the flow
                when they order (goal)
              </label>
            </div>
            <h3 className="section-title">Steps</h3>
            <ol className="flow-steps">
              {draft.steps.map((s, i) => (
                <StepEditor
                  key={s.id}
                  step={s}
                  index={i}
                  count={draft.steps.length}
                  later={draft.steps.slice(i + 1).map((x) => x.id)}
                  errors={stepErrors[i] ?? {}}
                  counts={counts.get(s.id)}
                  onChange={(next) => setSteps(draft.steps.map((x, k) => (k === i ? next : x)))}
                  onMove={(by) => {
                    const steps = [...draft.steps];
                    [steps[i], steps[i + by]] = [steps[i + by], steps[i]];
                    setSteps(steps);
                  }}
                  onRemove={() => setSteps(draft.steps.filter((_, k) => k !== i))}
                />
              ))}
            </ol>
            <div className="inline-form">
              <div className="field">
                <label htmlFor="flow-add-kind">New step</label>
                <select id="flow-add-kind" value={addKind} onChange={(e) => setAddKind(e.target.value as StepKind)}>
                  {kinds.map((k) => (
                    <option key={k} value={k}>
                      {stepLabels[k]}
                    </option>
                  ))}
                </select>
              </div>
              <Button
                onClick={() =>
                  setSteps([
                    ...draft.steps,
                    newStep(
                      addKind,
                      draft.steps.map((s) => s.id),
                    ),
                  ])
                }
              >
                Add step
              </Button>
            </div>
            {top.steps && (
              <p className="field-error" role="alert">
                {top.steps}
              </p>
            )}
            <FormError error={error} />
            <div className="form-actions">
              <Button type="submit" variant="primary" busy={busy} disabled={!dirty}>
                Save flow
              </Button>
              {dirty && <span className="muted">Unsaved changes; a saved change is a new version (customers already in the flow keep theirs).</span>}
            </div>
          </form>
        </Card>
        <div className="stack">
          <DryRunPanel flow={f} saved={!dirty} />
          {f.definition.trigger.type === 'manual' && <EnrolCard flow={f} onDone={flow.reload} />}
          <DiscountCodes figures={f.counts?.discount_codes} named={JSON.stringify(f.definition.steps).includes('discount_code')} />
          <Card title="Steps at a glance" id="flow-summary">
            <ol className="card-pad flow-summary">
              {f.definition.steps.map((s) => (
                <li key={s.id}>{describeStep(s)}</li>
              ))}
            </ol>
          </Card>
        </div>
      </div>
      <EnrolmentsCard flow={f} version={f.updated_at} />
    </div>
  );
}
