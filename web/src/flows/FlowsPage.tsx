import { useState, type FormEvent } from 'react';
import { Badge, Button, Card, EmptyState, ErrorState, FormError, Loading, PageHeader } from '../components/ui';
import { useDocumentTitle } from '../lib/hooks';
import { Link, navigate } from '../lib/router';
import { flowsApi, useFlowSettings, useFlows, useFlowTemplates } from './hooks';
import { describeTrigger, statusTone } from './describe';
import type { Flow } from './types';
import './flows.css';

function FlowRow({ flow }: { flow: Flow }) {
  const e = flow.counts?.enrolments ?? {};
  return (
    <tr>
      <td>
        <Link to={`/flows/${flow.id}`}>
          <strong>{flow.name}</strong>
        </Link>
        <div className="muted small">
          {describeTrigger(flow.definition.trigger)} · {flow.definition.steps.length} step{flow.definition.steps.length === 1 ? '' : 's'} · version {flow.version}
        </div>
      </td>
      <td>
        <Badge tone={statusTone(flow.status)}>{flow.status}</Badge>
      </td>
      <td className="num">{e.active ?? 0}</td>
      <td className="num">{(e.completed ?? 0) + (e.exited ?? 0) + (e.failed ?? 0)}</td>
    </tr>
  );
}

function NewFlowCard() {
  const templates = useFlowTemplates();
  const [choice, setChoice] = useState('blank');
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const flow =
        choice === 'blank'
          ? await flowsApi.create({
              name: name.trim() || 'New flow',
              definition: { trigger: { type: 'manual' }, goal: null, steps: [{ id: 'email-1', kind: 'send_email', subject: 'Hello {{ customer.first_name }}', body: 'Hello!' }] },
            })
          : await flowsApi.create({ template: choice, ...(name.trim() ? { name: name.trim() } : {}) });
      navigate(`/flows/${flow.id}`);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const chosen = templates.data?.find((t) => t.key === choice);
  return (
    <Card title="New flow" id="new-flow">
      <form className="form-grid card-pad" aria-label="New flow" onSubmit={submit}>
        <div className="field">
          <label htmlFor="new-flow-start">Start from</label>
          <select id="new-flow-start" value={choice} onChange={(e) => setChoice(e.target.value)}>
            <option value="blank">A blank flow</option>
            {templates.data?.map((t) => (
              <option key={t.key} value={t.key}>
                {t.name}
              </option>
            ))}
          </select>
          {chosen && <p className="field-hint">{chosen.description}</p>}
        </div>
        <div className="field">
          <label htmlFor="new-flow-name">Name</label>
          <input id="new-flow-name" value={name} placeholder={chosen?.name ?? 'New flow'} onChange={(e) => setName(e.target.value)} />
        </div>
        <FormError error={error} />
        <div className="form-actions">
          <Button type="submit" variant="primary" busy={busy}>
            Create flow
          </Button>
        </div>
      </form>
    </Card>
  );
}

function BudgetCard() {
  const settings = useFlowSettings();
  const [value, setValue] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  if (!settings.data) return null;
  const shown = value ?? String(settings.data.daily_send_budget);
  return (
    <Card title="Daily sending budget" id="flow-budget">
      <form
        className="inline-form card-pad"
        aria-label="Daily sending budget"
        onSubmit={async (e) => {
          e.preventDefault();
          setError(null);
          setSaved(false);
          try {
            await flowsApi.saveSettings({ daily_send_budget: Number(shown) });
            setSaved(true);
            settings.reload();
          } catch (err) {
            setError(err);
          }
        }}
      >
        <div className="field">
          <label htmlFor="flow-budget-input">Emails and texts per day, all flows together</label>
          <input id="flow-budget-input" className="input-narrow" type="number" min={0} value={shown} onChange={(e) => setValue(e.target.value)} />
        </div>
        <Button type="submit">Save budget</Button>
        {saved && <span className="muted">Saved</span>}
        <FormError error={error} />
      </form>
    </Card>
  );
}

/** Flows: a trigger and steps, acting on Rapport's own predictions. */
export function FlowsPage() {
  useDocumentTitle('Flows');
  const flows = useFlows();
  return (
    <div className="page">
      <PageHeader title="Flows" subtitle="A trigger (an event, a date, a prediction crossing a threshold, or your choice of customers) and the steps each customer then goes through." />
      <div className="dash-grid">
        <NewFlowCard />
        <BudgetCard />
      </div>
      <Card title="Your flows" id="flow-list" className="table-card section-gap">
        {flows.loading && !flows.data ? (
          <Loading />
        ) : flows.error ? (
          <ErrorState error={flows.error} onRetry={flows.reload} />
        ) : flows.data!.length === 0 ? (
          <EmptyState icon="spark" title="No flows yet">
            Start from a template: a welcome series, a win-back on churn risk, a cross-sell after an order, or a birthday greeting.
          </EmptyState>
        ) : (
          <div className="table-scroll">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Flow</th>
                  <th scope="col">Status</th>
                  <th scope="col" className="num">
                    In the flow
                  </th>
                  <th scope="col" className="num">
                    Finished
                  </th>
                </tr>
              </thead>
              <tbody>
                {flows.data!.map((f) => (
                  <FlowRow key={f.id} flow={f} />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
    </div>
  );
}
