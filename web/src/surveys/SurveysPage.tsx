import { useState, type FormEvent } from 'react';
import { Button, Card, EmptyState, ErrorState, FormError, Loading, PageHeader } from '../components/ui';
import { ApiError } from '../lib/api';
import { formatShortDate } from '../lib/format';
import { useDocumentTitle } from '../lib/hooks';
import { figure, surveysApi, useFeedbackReport, useSurveys, type Survey, type SurveyInput } from './hooks';

/** Feedback: NPS and CSAT trends with their intervals, response rates, and the NPS surveys. */
export function SurveysPage() {
  useDocumentTitle('Feedback');
  const [version, setVersion] = useState(0);
  const [months, setMonths] = useState(12);
  const report = useFeedbackReport(months, version);
  const surveys = useSurveys(version);
  const refresh = () => setVersion((v) => v + 1);
  return (
    <div className="page page-wide">
      <PageHeader title="Feedback" subtitle="CSAT is asked when a ticket is resolved; NPS surveys go to an audience or some days after someone became a customer." />
      <Card
        title="NPS and CSAT"
        id="feedback-report"
        actions={
          <select aria-label="Period" value={months} onChange={(e) => setMonths(Number(e.target.value))}>
            <option value={3}>Last 3 months</option>
            <option value={12}>Last 12 months</option>
            <option value={36}>Last 36 months</option>
          </select>
        }
      >
        {report.error ? (
          <ErrorState error={report.error} onRetry={report.reload} />
        ) : !report.data ? (
          <Loading />
        ) : (
          <>
            <dl className="facts">
              <div className="fact">
                <dt>NPS</dt>
                <dd data-testid="nps">{figure(report.data.nps.nps, report.data.nps.low, report.data.nps.high)}</dd>
              </div>
              <div className="fact">
                <dt>CSAT (4 or 5 of 5)</dt>
                <dd data-testid="csat">{figure(report.data.csat.csat, report.data.csat.low, report.data.csat.high, '%')}</dd>
              </div>
              <div className="fact">
                <dt>NPS response rate</dt>
                <dd>{rate(report.data.nps_requests)}</dd>
              </div>
              <div className="fact">
                <dt>CSAT response rate</dt>
                <dd>{rate(report.data.csat_requests)}</dd>
              </div>
            </dl>
            <table className="table">
              <caption className="sr-only">NPS and CSAT by month</caption>
              <thead>
                <tr>
                  <th scope="col">Month</th>
                  <th scope="col">NPS (95% interval)</th>
                  <th scope="col" className="num">
                    NPS answers
                  </th>
                  <th scope="col">CSAT (95% interval)</th>
                  <th scope="col" className="num">
                    CSAT answers
                  </th>
                </tr>
              </thead>
              <tbody>
                {report.data.months.map((m) => (
                  <tr key={m.month}>
                    <td>{m.month}</td>
                    <td>{figure(m.nps.nps, m.nps.low, m.nps.high)}</td>
                    <td className="num">{m.nps.answers}</td>
                    <td>{figure(m.csat.csat, m.csat.low, m.csat.high, '%')}</td>
                    <td className="num">{m.csat.answers}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p className="muted small">With few answers the interval is wide: read the trend, not one month.</p>
          </>
        )}
      </Card>
      <Card title="NPS surveys" id="nps-surveys">
        {surveys.error ? (
          <ErrorState error={surveys.error} onRetry={surveys.reload} />
        ) : !surveys.data ? (
          <Loading />
        ) : surveys.data.length === 0 ? (
          <EmptyState icon="chart" title="No NPS survey yet" />
        ) : (
          <ul className="plain-list">
            {surveys.data.map((s) => (
              <SurveyRow key={s.id} survey={s} onChanged={refresh} />
            ))}
          </ul>
        )}
        <NewSurvey onCreated={refresh} />
      </Card>
    </div>
  );
}

const rate = (r: { sent: number; answered: number; response_rate: number | null }) => (r.response_rate === null ? '—' : `${Math.round(r.response_rate * 100)}% (${r.answered} of ${r.sent})`);

function SurveyRow({ survey, onChanged }: { survey: Survey; onChanged: () => void }) {
  const [error, setError] = useState<unknown>(null);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const send = async () => {
    setBusy(true);
    setError(null);
    try {
      const r = await surveysApi.send(survey.id);
      setNote(`${r.sent} sent.`);
      onChanged();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const audience = [survey.stage ? `stage ${survey.stage}` : null, survey.segment_id ? 'a segment' : null].filter(Boolean).join(', ') || 'everyone with an address';
  return (
    <li>
      <strong>{survey.name}</strong> <span className="muted small">to {audience}</span>
      {survey.after_days && <span className="muted small"> · automatically {survey.after_days} days after becoming a customer</span>}
      <div className="small">
        Sent {survey.sent}, answered {survey.answered}
        {survey.response_rate !== null && ` (${Math.round(survey.response_rate * 100)}%)`} · created {formatShortDate(survey.created_at)}
      </div>
      <Button size="sm" onClick={() => void send()} busy={busy} disabled={!survey.active}>
        Send now
      </Button>{' '}
      {note && (
        <span role="status" className="small">
          {note}
        </span>
      )}
      <FormError error={error} />
    </li>
  );
}

function NewSurvey({ onCreated }: { onCreated: () => void }) {
  const [name, setName] = useState('');
  const [stage, setStage] = useState('');
  const [afterDays, setAfterDays] = useState('');
  const [error, setError] = useState<unknown>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await surveysApi.create({ name, stage: (stage || null) as SurveyInput['stage'], after_days: afterDays ? Number(afterDays) : null });
      setName('');
      setStage('');
      setAfterDays('');
      onCreated();
    } catch (err) {
      setError(err);
    }
  };
  const field = (key: string) => (error instanceof ApiError ? error.fieldMessage(key) : undefined);
  return (
    <form className="form-grid" aria-label="New NPS survey" onSubmit={(e) => void submit(e)}>
      <label>
        Name
        <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={200} aria-invalid={!!field('name')} />
        {field('name') && <span className="field-error">{field('name')}</span>}
      </label>
      <label>
        Lifecycle stage (empty: everyone)
        <select value={stage} onChange={(e) => setStage(e.target.value)}>
          <option value="">Everyone with an address</option>
          {['lead', 'active', 'inactive', 'churned'].map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </label>
      <label>
        Send automatically after (days as a customer)
        <input type="number" min={1} max={3650} value={afterDays} onChange={(e) => setAfterDays(e.target.value)} aria-invalid={!!field('after_days')} />
        {field('after_days') && <span className="field-error">{field('after_days')}</span>}
      </label>
      <div>
        <Button type="submit" variant="primary">
          Add survey
        </Button>
      </div>
      {!(error instanceof ApiError && Object.keys(error.fields).length) && <FormError error={error} />}
    </form>
  );
}
