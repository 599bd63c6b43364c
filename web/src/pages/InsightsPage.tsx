import { useMemo, useState, type FormEvent } from 'react';
import type { ChartOption } from '../components/Chart';
import { LazyChart } from '../components/LazyChart';
import { useToast } from '../components/Toasts';
import { Button, Card, EmptyState, ErrorState, FormError, Loading, PageHeader } from '../components/ui';
import { api, ApiError, type AbResult, type InsightRunRecord, type InsightRunStatus, type ModelRecord } from '../lib/api';
import { axis, tooltipStyle } from '../lib/chart-style';
import { formatDateTime, relativeTime } from '../lib/format';
import { invalidateShared, useAsync, useDocumentTitle, useInterval } from '../lib/hooks';
import { compact, num, percent, stageLabels, stageOrder } from '../lib/insights';
import { Link } from '../lib/router';

export function InsightsPage() {
  useDocumentTitle('Insights');
  const runs = useAsync((signal) => api.get<{ data: InsightRunRecord[] }>('/api/insights/runs', { limit: 1 }, signal), []);
  const models = useAsync((signal) => api.get<{ data: ModelRecord[] }>('/api/models', { limit: 8 }, signal), []);
  const reload = () => {
    runs.reload();
    models.reload();
    invalidateShared('segments');
  };
  return (
    <div className="page page-wide">
      <PageHeader title="Insights" subtitle="How the scores are made, how good the models are, and a calculator for your experiments." />
      <RunCard latest={runs.data?.data[0]} loading={runs.loading && !runs.data} error={runs.error} onRetry={runs.reload} onFinished={reload} />
      <div className="dash-grid section-gap">
        <ModelQuality models={models.data?.data} run={runs.data?.data[0]} loading={models.loading && !models.data} error={models.error} onRetry={models.reload} />
        <AbCalculator />
      </div>
    </div>
  );
}

function RunCard({ latest, loading, error, onRetry, onFinished }: { latest: InsightRunRecord | undefined; loading: boolean; error: unknown; onRetry: () => void; onFinished: () => void }) {
  const toast = useToast();
  const [jobId, setJobId] = useState<string | null>(null);
  const [status, setStatus] = useState<InsightRunStatus | null>(null);
  const [startError, setStartError] = useState<unknown>(null);
  const [starting, setStarting] = useState(false);

  async function start() {
    setStarting(true);
    setStartError(null);
    try {
      const r = await api.post<{ id: string; status: string }>('/api/insights/runs');
      setJobId(r.id);
      setStatus(null);
    } catch (e) {
      setStartError(e);
    } finally {
      setStarting(false);
    }
  }

  useInterval(
    () => {
      if (!jobId) return;
      api.get<InsightRunStatus>(`/api/insights/runs/${encodeURIComponent(jobId)}`).then(
        (s) => {
          setStatus(s);
          if (s.status === 'done' || (s.run && s.status !== 'running' && s.status !== 'queued')) {
            setJobId(null);
            toast('Insights updated: stages, scores and the contact list are fresh.');
            onFinished();
          } else if (s.status === 'failed') {
            setJobId(null);
            setStartError(new Error(s.error ?? 'The insight run failed.'));
          }
        },
        (e) => {
          setJobId(null);
          setStartError(e);
        },
      );
    },
    800,
    jobId !== null,
  );

  const running = jobId !== null;
  const p = status?.progress;
  const fraction = p && p.total ? Math.min(1, (p.done ?? 0) / p.total) : null;
  const stages = latest?.metrics?.stages ?? {};
  return (
    <Card
      title="Insight run"
      id="run"
      actions={
        <Button variant="primary" icon="chart" busy={starting || running} onClick={() => void start()}>
          {running ? 'Running…' : 'Run insights now'}
        </Button>
      }
    >
      <div className="card-pad">
        <p className="muted">
          The run sorts customers into lifecycle stages, scores RFM, fits the purchase models (BG/NBD, Gamma-Gamma, logistic regression), estimates lifetime value and churn risk, and learns which
          products sell together. It runs every night by itself; start it now after an import.
        </p>
        {running && (
          <div className="run-progress" role="status" aria-live="polite">
            <div
              className="progress"
              aria-label="Insight run progress"
              role="progressbar"
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={fraction === null ? undefined : Math.round(fraction * 100)}
            >
              <span className={fraction === null ? 'indeterminate' : undefined} style={fraction === null ? undefined : { width: `${Math.round(fraction * 100)}%` }} />
            </div>
            <span className="small muted">
              {status?.status === 'queued' || !status ? 'Waiting to start…' : `${p?.phase ? p.phase.replace(/_/g, ' ') : 'Working'}${fraction !== null ? ` · ${percent(fraction)}` : ''}`}
            </span>
          </div>
        )}
        <FormError error={startError} />
      </div>
      {loading ? (
        <Loading />
      ) : error ? (
        <ErrorState error={error} onRetry={onRetry} />
      ) : !latest ? (
        <p className="card-pad muted">No run yet. Scores appear on customers after the first one.</p>
      ) : (
        <div className="run-summary">
          <div className="figure">
            <span className="figure-label">Last run</span>
            <span className="figure-value" title={formatDateTime(latest.created_at)}>
              {relativeTime(latest.created_at)}
            </span>
            <span className="figure-hint">took {(latest.duration_ms / 1000).toFixed(1)} s</span>
          </div>
          <div className="figure">
            <span className="figure-label">Customers scored</span>
            <span className="figure-value">{compact(latest.counts?.customers)}</span>
            <span className="figure-hint">{compact(latest.counts?.buyers)} have bought</span>
          </div>
          <div className="figure">
            <span className="figure-label">Stage changes</span>
            <span className="figure-value">{compact(latest.counts?.stage_changes ?? 0)}</span>
          </div>
          {stageOrder.map((s) => (
            <div className="figure" key={s}>
              <span className="figure-label">{stageLabels[s]}</span>
              <span className="figure-value">
                <Link to={`/customers?stage=${s}`}>{compact(stages[s] ?? 0)}</Link>
              </span>
            </div>
          ))}
        </div>
      )}
    </Card>
  );
}

function ModelQuality({ models, run, loading, error, onRetry }: { models: ModelRecord[] | undefined; run: InsightRunRecord | undefined; loading: boolean; error: unknown; onRetry: () => void }) {
  const purchase = models?.find((m) => m.kind === 'purchase_probability');
  const bg = models?.find((m) => m.kind === 'bgnbd');
  const gg = models?.find((m) => m.kind === 'gamma_gamma');
  const cross = models?.find((m) => m.kind === 'cross_sell');
  type HeldOut = { auc?: number | null; brier?: number | null; calibration?: { count: number; mean_predicted: number; observed_rate: number }[] };
  const pm = (purchase?.metrics ?? {}) as HeldOut & {
    log_loss?: number;
    base_rate?: number;
    train?: number;
    test?: number;
    window_days?: number;
    quality?: string | null;
    baseline?: HeldOut & { name?: string };
    feedback?: { used: boolean; reason: string; auc_without: number | null; auc_with: number | null; customers_with_feedback: number };
  };
  const skipped = (run?.metrics?.purchase_probability as { skipped?: string } | undefined)?.skipped;
  const auc = num(pm.auc);
  const baselineAuc = num(pm.baseline?.auc);
  const verdict =
    auc === null
      ? ''
      : auc < 0.6
        ? 'no better than guessing yet'
        : pm.quality === 'no better than recency alone'
          ? 'weak: no better than days since the last order alone, treat with care'
          : auc >= 0.8
            ? 'strong: it ranks buyers well above non-buyers'
            : auc >= 0.7
              ? 'useful: clearly better than guessing'
              : 'weak: better than guessing, treat with care';
  const cm = (cross?.metrics ?? {}) as { hit_rate_at_5?: number | null; baseline_hit_rate_at_5?: number | null };
  return (
    <Card title="Model quality" id="models">
      {loading ? (
        <Loading />
      ) : error ? (
        <ErrorState error={error} onRetry={onRetry} />
      ) : !models?.length ? (
        <EmptyState icon="chart" title="No models yet">
          {skipped ? `The last run could not train the purchase model: ${skipped}.` : 'Models are fitted by the insight run once there are orders.'}
        </EmptyState>
      ) : (
        <div className="card-pad stack">
          {purchase ? (
            <>
              <div className="quality-head">
                <div>
                  <span className="figure-label">Purchase model AUC</span>
                  <span className="quality-auc">{auc === null ? '—' : auc.toFixed(2)}</span>
                </div>
                <p className="muted small">
                  On {compact(pm.test)} customers held out from training ({compact(pm.train)} trained on): {verdict}. 0.5 is a coin toss, 1 is perfect. Base rate {percent(pm.base_rate)} bought within{' '}
                  {pm.window_days ?? '…'} days.
                  {(pm.test ?? 0) < 100 && ' With so few held-out customers, treat these numbers as rough.'}
                </p>
                <table className="model-compare small">
                  <caption className="sr-only">Held-out figures of the purchase model and of the recency-only baseline</caption>
                  <thead>
                    <tr>
                      <th scope="col">On held-out customers</th>
                      <th scope="col">AUC (higher is better)</th>
                      <th scope="col">Brier score (lower is better)</th>
                    </tr>
                  </thead>
                  <tbody>
                    <tr>
                      <th scope="row">Purchase model</th>
                      <td>{auc === null ? '—' : auc.toFixed(3)}</td>
                      <td>{num(pm.brier) === null ? '—' : (pm.brier as number).toFixed(3)}</td>
                    </tr>
                    <tr>
                      <th scope="row">Days since the last order alone</th>
                      <td>{baselineAuc === null ? '—' : baselineAuc.toFixed(3)}</td>
                      <td>{num(pm.baseline?.brier) === null ? '—' : (pm.baseline?.brier as number).toFixed(3)}</td>
                    </tr>
                  </tbody>
                </table>
                {pm.feedback && (
                  <p className="muted small">
                    Feedback as an input (the latest CSAT and NPS score known at the cutoff, {compact(pm.feedback.customers_with_feedback)} customers had given some):{' '}
                    <strong>{pm.feedback.used ? 'used' : 'not used'}</strong>: {pm.feedback.used ? `it ${pm.feedback.reason}` : pm.feedback.reason}.
                  </p>
                )}
              </div>
              {pm.calibration?.length ? <CalibrationChart points={pm.calibration} /> : null}
            </>
          ) : (
            <p className="muted">{skipped ? `Purchase model not trained: ${skipped}.` : 'No purchase model yet.'}</p>
          )}
          <ul className="model-list">
            {bg && (
              <li>
                <strong>BG/NBD</strong> (repeat purchases and P(alive)): {(bg.metrics as { converged?: boolean })?.converged ? 'fitted' : 'did not fully converge'} on{' '}
                {compact((bg.metrics as { customers?: number })?.customers)} buyers{bgVerdict(bg.metrics)}
              </li>
            )}
            {gg && (
              <li>
                <strong>Gamma-Gamma</strong> (order value for lifetime value): {(gg.metrics as { converged?: boolean })?.converged ? 'fitted' : 'did not fully converge'} on{' '}
                {compact((gg.metrics as { customers?: number })?.customers)} repeat buyers.
              </li>
            )}
            {cross && (
              <li>
                <strong>Product suggestions</strong>: hit rate {percent(cm.hit_rate_at_5, true)} in the top 5
                {cm.baseline_hit_rate_at_5 != null ? ` against ${percent(cm.baseline_hit_rate_at_5, true)} for simply suggesting best-sellers` : ''}.
              </li>
            )}
          </ul>
        </div>
      )}
    </Card>
  );
}

function CalibrationChart({ points: raw }: { points: { count: number; mean_predicted: number; observed_rate: number }[] }) {
  // Empty bins (possible with few held-out customers) say nothing; points go left to right.
  const points = raw.filter((p) => p.count > 0 && Number.isFinite(p.mean_predicted) && Number.isFinite(p.observed_rate)).sort((a, b) => a.mean_predicted - b.mean_predicted);
  const option: ChartOption = useMemo(
    () => ({
      grid: { left: 8, right: 16, top: 24, bottom: 28, containLabel: true },
      tooltip: {
        trigger: 'item',
        ...tooltipStyle,
        formatter: (p: { value: [number, number, number] }) => `Predicted ${percent(p.value[0])} · observed ${percent(p.value[1])}<br/>${p.value[2]} customers`,
      },
      xAxis: {
        type: 'value',
        min: 0,
        max: 1,
        name: 'predicted',
        nameLocation: 'middle',
        nameGap: 24,
        nameTextStyle: { color: '#7a8391', fontSize: 11 },
        splitLine: axis.split,
        axisLabel: { ...axis.label, formatter: (v: number) => `${Math.round(v * 100)}%` },
      },
      yAxis: {
        type: 'value',
        min: 0,
        max: 1,
        name: 'observed',
        nameTextStyle: { color: '#7a8391', fontSize: 11 },
        splitLine: axis.split,
        axisLabel: { ...axis.label, formatter: (v: number) => `${Math.round(v * 100)}%` },
      },
      series: [
        {
          type: 'line',
          data: [
            [0, 0],
            [1, 1],
          ],
          symbol: 'none',
          lineStyle: { color: '#a9b0bb', type: 'dashed', width: 1 },
          tooltip: { show: false },
          silent: true,
        },
        {
          type: 'line',
          data: points.map((p) => [p.mean_predicted, p.observed_rate, p.count]),
          symbol: 'circle',
          symbolSize: (v: number[]) => Math.min(16, 6 + Math.sqrt(v[2])),
          itemStyle: { color: '#3451b2' },
          lineStyle: { color: '#3451b2', width: 2, opacity: 0.6 },
        },
      ],
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [raw],
  );
  return (
    <figure className="chart-figure">
      <LazyChart option={option} height={240} label="Calibration: predicted against observed purchase rates, by tenth of predicted probability" />
      <figcaption className="muted small">Calibration: the closer the dots to the dashed line, the more a predicted 30% really means 30%.</figcaption>
    </figure>
  );
}

function AbCalculator() {
  const [v, setV] = useState({ visitors_a: '1000', conversions_a: '50', visitors_b: '1000', conversions_b: '65' });
  const [confidence, setConfidence] = useState('0.95');
  const [result, setResult] = useState<AbResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const p: Record<string, string> = {};
    for (const [k, val] of Object.entries(v)) if (!/^\d+$/.test(val.trim())) p[k] = 'A whole number';
    if (!p.visitors_a && Number(v.visitors_a) < 1) p.visitors_a = 'At least 1';
    if (!p.visitors_b && Number(v.visitors_b) < 1) p.visitors_b = 'At least 1';
    if (!p.conversions_a && Number(v.conversions_a) > Number(v.visitors_a)) p.conversions_a = 'More than the visitors';
    if (!p.conversions_b && Number(v.conversions_b) > Number(v.visitors_b)) p.conversions_b = 'More than the visitors';
    setProblems(p);
    if (Object.keys(p).length) return;
    setBusy(true);
    setError(null);
    try {
      setResult(await api.get<AbResult>('/api/insights/ab-test', { ...v, confidence }));
    } catch (err) {
      if (err instanceof ApiError) setProblems(Object.fromEntries(Object.entries(err.fields).map(([k, m]) => [k, m.join('; ')])));
      setError(err);
      setResult(null);
    } finally {
      setBusy(false);
    }
  }
  const input = (key: keyof typeof v, label: string) => (
    <div className={`field${problems[key] ? ' has-error' : ''}`}>
      <label htmlFor={`ab-${key}`}>{label}</label>
      <input id={`ab-${key}`} inputMode="numeric" value={v[key]} onChange={(e) => setV({ ...v, [key]: e.target.value })} aria-invalid={problems[key] ? true : undefined} />
      {problems[key] && <span className="field-error">{problems[key]}</span>}
    </div>
  );
  const level = Number(confidence);
  const significant = result ? result.p_value < 1 - level : false;
  return (
    <Card title="A/B test calculator" id="ab">
      <form className="card-pad stack" onSubmit={submit} noValidate aria-label="A/B test">
        <div className="ab-grid">
          <span className="ab-arm">A</span>
          {input('visitors_a', 'Visitors A')}
          {input('conversions_a', 'Conversions A')}
          <span className="ab-arm ab-arm-b">B</span>
          {input('visitors_b', 'Visitors B')}
          {input('conversions_b', 'Conversions B')}
        </div>
        <div className="row-form">
          <div className="field">
            <label htmlFor="ab-confidence">Confidence</label>
            <select id="ab-confidence" value={confidence} onChange={(e) => setConfidence(e.target.value)}>
              <option value="0.9">90%</option>
              <option value="0.95">95%</option>
              <option value="0.99">99%</option>
            </select>
          </div>
          <Button type="submit" variant="primary" busy={busy}>
            Compare
          </Button>
        </div>
        <FormError error={Object.keys(problems).length ? null : error} />
      </form>
      {result && (
        <div className="ab-result" role="status" aria-live="polite">
          <p className={`ab-verdict ${significant ? (result.difference > 0 ? 'good' : 'bad') : 'neutral'}`}>
            {significant
              ? `B ${result.difference > 0 ? 'beats' : 'does worse than'} A: ${percent(result.rate_b, true)} against ${percent(result.rate_a, true)}, a difference this large is unlikely to be chance.`
              : `No clear winner yet: ${percent(result.rate_b, true)} against ${percent(result.rate_a, true)} could still be chance at ${percent(level)} confidence.`}
          </p>
          <dl className="ab-figures">
            <div>
              <dt>Difference (B − A)</dt>
              <dd>
                {result.difference >= 0 ? '+' : ''}
                {(result.difference * 100).toFixed(2)} pts
                <span className="muted small">
                  {' '}
                  ({(result.confidence_interval[0] * 100).toFixed(2)} to {(result.confidence_interval[1] * 100).toFixed(2)})
                </span>
              </dd>
            </div>
            <div>
              <dt>p-value</dt>
              <dd>{result.p_value < 0.0001 ? '< 0.0001' : result.p_value.toFixed(4)}</dd>
            </div>
            <div>
              <dt>Chance B is better</dt>
              <dd>{percent(result.probability_b_beats_a, true)}</dd>
            </div>
            <div>
              <dt>Expected loss choosing B</dt>
              <dd>{(result.expected_loss_choosing_b * 100).toFixed(3)} pts</dd>
            </div>
          </dl>
          {result.sample_size_per_arm_for_observed_difference !== null && (
            <p className="muted small">To confirm a difference this size reliably, plan for about {compact(result.sample_size_per_arm_for_observed_difference)} visitors per variant.</p>
          )}
        </div>
      )}
    </Card>
  );
}

/** The BG/NBD reliability verdict in words: unreliable fits are not used for scores (see src/analytics/bgnbd-reliability.ts). */
function bgVerdict(metrics: unknown): string {
  const m = metrics as { reliable?: boolean; reliability?: { reasons?: string[] } } | null;
  if (m?.reliable === undefined) return '.';
  return m.reliable
    ? '; it passed the reliability checks (sane parameters, enough repeat buyers, better than each customer’s own past rate on a hold-out period).'
    : `; unreliable on this data (${(m.reliability?.reasons ?? []).join('; ')}), so P(alive) and churn risk come from each customer’s purchase rhythm and lifetime values are not estimated.`;
}
