import { useMemo, useState, type FormEvent } from 'react';
import type { ChartOption } from '../components/Chart';
import { DateRangePicker, type ResolvedRange } from '../components/DateRange';
import { Dialog } from '../components/Dialog';
import { LazyChart } from '../components/LazyChart';
import { useToast } from '../components/Toasts';
import { Badge, Button, Card, EmptyState, ErrorState, FormError, Loading, PageHeader } from '../components/ui';
import { api, ApiError, type ApiRecord, type BreakdownReport, type InsightRunRecord, type Page, type Segment, type Segmentation } from '../lib/api';
import { axis, palette, tooltipStyle } from '../lib/chart-style';
import { displayName, useCustomerFields } from '../lib/fields';
import { formatDate, relativeTime } from '../lib/format';
import { invalidateShared, useAsync, useDocumentTitle } from '../lib/hooks';
import { capitalise, compact, featureLabel, featureValue, money, percent, readableTextOn, rfmColors, rfmGrid, rfmMeaning, rfmSegments, stageLabels, stageTones } from '../lib/insights';
import { useReportRange } from '../lib/report-range';
import { Link, navigate, useLocation, type Params } from '../lib/router';

const builtInFeatures = ['recency', 'purchase_frequency', 'monetary', 'order_count', 'average_order_value', 'clv', 'p_alive', 'churn_risk', 'purchase_probability', 'age', 'income'];
/** Revenue shares cover the report period the dashboard shows (one choice for both pages). */
const periodOf = (range: ResolvedRange) => ({ from: range.from, to: range.to });

export function SegmentsPage() {
  useDocumentTitle('Segments');
  const { search } = useLocation();
  const chosen = search.get('segmentation');
  const [creating, setCreating] = useState(false);
  const list = useAsync((signal) => api.get<{ data: Segmentation[] }>('/api/segmentations', undefined, signal), []);
  const currentId = chosen ?? list.data?.data[0]?.id ?? null;
  const current = useAsync((signal) => (currentId ? api.get<Segmentation>(`/api/segmentations/${encodeURIComponent(currentId)}`, undefined, signal) : Promise.resolve(null)), [currentId]);
  const { value: rangeValue, setValue: setRangeValue, range } = useReportRange();
  const revenue = useAsync((signal) => api.get<BreakdownReport>('/api/reports/revenue-by/segment', periodOf(range), signal), [range.from, range.to]);
  const filters = useAsync((signal) => api.get<{ data: Segment[] }>('/api/segments', undefined, signal).then((r) => r.data.filter((s) => s.kind === 'filter')), []);

  return (
    <div className="page page-wide">
      <PageHeader
        title="Segments"
        subtitle="Groups of customers who buy alike, found with k-means, and the classic RFM grid."
        actions={
          <>
            <DateRangePicker value={rangeValue} onChange={setRangeValue} />
            <Button variant="primary" icon="plus" onClick={() => setCreating(true)}>
              New segmentation
            </Button>
          </>
        }
      />
      {list.loading && !list.data ? (
        <Loading />
      ) : list.error ? (
        <ErrorState error={list.error} onRetry={list.reload} />
      ) : !currentId ? (
        <Card>
          <EmptyState
            icon="users"
            title="No segmentation yet"
            action={
              <Button variant="primary" onClick={() => setCreating(true)}>
                Create the first segmentation
              </Button>
            }
          >
            Pick what matters (how recently, how often and how much customers buy, for example) and Rapport groups similar customers together.
          </EmptyState>
        </Card>
      ) : current.error ? (
        <ErrorState error={current.error} onRetry={current.reload} />
      ) : !current.data ? (
        <Loading label="Loading segments…" />
      ) : (
        <SegmentationView seg={current.data} revenue={revenue.data} period={range.label} history={list.data!.data} />
      )}

      {filters.data && filters.data.length > 0 && (
        <Card title="Saved filters" id="saved-filters" className="section-gap">
          <table className="table table-compact">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Description</th>
                <th scope="col" className="num">
                  Customers
                </th>
              </tr>
            </thead>
            <tbody>
              {filters.data.map((s) => (
                <tr key={s.id}>
                  <td className="col-name">
                    <Link to={`/customers?segment=${encodeURIComponent(s.id)}`}>{s.name}</Link>
                  </td>
                  <td className="muted">{s.description}</td>
                  <td className="num">{s.size === null ? '—' : compact(s.size)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
      )}

      <RfmGrid />

      {creating && (
        <NewSegmentation
          onClose={() => setCreating(false)}
          onCreated={(s) => {
            setCreating(false);
            invalidateShared('segments');
            list.reload();
            revenue.reload();
            if (chosen) navigate('/segments');
            else current.setData(() => s);
          }}
        />
      )}
    </div>
  );
}

function SegmentationView({ seg, revenue, period, history }: { seg: Segmentation; revenue: BreakdownReport | undefined; period: string; history: Segmentation[] }) {
  const segments = seg.segments ?? [];
  const total = segments.reduce((s, x) => s + (x.size ?? 0), 0);
  const totalRevenue = revenue?.data.reduce((s, r) => s + r.revenue, 0) ?? 0;
  const revenueOf = (id: string) => (revenue && totalRevenue ? (revenue.data.find((r) => r.key === id)?.revenue ?? 0) / totalRevenue : null);
  return (
    <>
      <section className="seg-summary card" aria-label="Segmentation">
        <div className="seg-summary-main">
          <h2>
            {seg.k} segments of {compact(seg.customers ?? total)} customers
          </h2>
          <p className="muted">
            On {seg.features.map(featureLabel).join(', ').toLowerCase()}
            {seg.standardize ? ', standardised' : ', in original units'} · seed {seg.seed} · {seg.k_suggested ? 'k suggested by silhouette' : 'k chosen by hand'} · created{' '}
            {relativeTime(seg.created_at)}
          </p>
          {seg.inertia != null && (
            <p className="muted small">
              Inertia {seg.inertia.toFixed(seg.inertia < 1000 ? 2 : 0)}
              {seg.standardize ? ' (standardised units)' : ''}: the best of {seg.restarts ?? '…'} k-means++ restarts
              {seg.best_inertia_runs != null && seg.restarts != null && seg.restarts > 1 ? `, reached by ${seg.best_inertia_runs}` : ''}.
            </p>
          )}
          {seg.imputation_note && seg.imputation_note !== 'no missing values' && <p className="muted small">Note: {seg.imputation_note}.</p>}
        </div>
        {history.length > 1 && (
          <label className="seg-history">
            <span className="small muted">Segmentation</span>
            <select value={seg.id} onChange={(e) => navigate(e.target.value === history[0].id ? '/segments' : `/segments?segmentation=${encodeURIComponent(e.target.value)}`)}>
              {history.map((h, i) => (
                <option key={h.id} value={h.id}>
                  {formatDate(h.created_at)} · k={h.k}
                  {i === 0 ? ' (current)' : ''}
                </option>
              ))}
            </select>
          </label>
        )}
      </section>

      {seg.suggestion && (
        <Card title="Choosing the number of segments" id="elbow" className="section-gap" actions={<span className="muted small">Sample of {compact(seg.suggestion.sample_size)} customers</span>}>
          <ElbowChart suggestion={seg.suggestion} chosen={seg.k} />
          <p className="card-pad muted small chart-note">
            The elbow (blue) shows how much tighter the groups get with each extra segment; the silhouette (green) how clearly they separate. Rapport picked k = {seg.suggestion.k}, the best
            silhouette.
          </p>
        </Card>
      )}

      <h2 className="section-title">Segment profiles</h2>
      <div className="profile-grid">
        {segments.map((s, i) => (
          <article key={s.id} className="card seg-card" aria-labelledby={`seg-${s.id}`}>
            <header className="seg-card-head">
              <span className="seg-swatch" style={{ background: palette[i % palette.length] }} aria-hidden="true" />
              <h3 id={`seg-${s.id}`}>
                <Link to={`/segments/${encodeURIComponent(s.id)}`}>{s.name}</Link>
              </h3>
              <span className="muted small">{capitalise(s.description ?? '')}</span>
            </header>
            <div className="seg-figures">
              <div>
                <span className="figure-label">Customers</span>
                <strong>{compact(s.size)}</strong>
                <span className="muted small">{total ? percent((s.size ?? 0) / total) : ''}</span>
              </div>
              <div>
                <span className="figure-label">Revenue share</span>
                <strong>{percent(revenueOf(s.id))}</strong>
                <span className="muted small">{period.toLowerCase()}</span>
              </div>
            </div>
            {s.centroid && <CentroidTable centroid={s.centroid} means={seg.feature_means} />}
            <footer className="seg-card-foot">
              <Link to={`/customers?segment=${encodeURIComponent(s.id)}`}>View {compact(s.size)} members →</Link>
            </footer>
          </article>
        ))}
      </div>
    </>
  );
}

function CentroidTable({ centroid, means }: { centroid: Record<string, number>; means?: Record<string, number> }) {
  return (
    <table className="centroid-table">
      <thead>
        <tr>
          <th scope="col">Average</th>
          <th scope="col" className="num">
            Segment
          </th>
          {means && (
            <th scope="col" className="num">
              Everyone
            </th>
          )}
        </tr>
      </thead>
      <tbody>
        {Object.entries(centroid).map(([f, v]) => {
          const m = means?.[f];
          const diff = m !== undefined && m !== 0 ? (v - m) / Math.abs(m) : 0;
          return (
            <tr key={f}>
              <th scope="row">{featureLabel(f)}</th>
              <td className={`num${Math.abs(diff) > 0.25 ? ' stands-out' : ''}`}>
                {diff > 0.25 ? (
                  <span className="trend" aria-label="above average">
                    ▲
                  </span>
                ) : diff < -0.25 ? (
                  <span className="trend" aria-label="below average">
                    ▼
                  </span>
                ) : null}
                {featureValue(f, v)}
              </td>
              {means && <td className="num muted">{m === undefined ? '—' : featureValue(f, m)}</td>}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function ElbowChart({ suggestion, chosen }: { suggestion: NonNullable<Segmentation['suggestion']>; chosen: number }) {
  const option: ChartOption = useMemo(
    () => ({
      grid: { left: 8, right: 8, top: 36, bottom: 24, containLabel: true },
      legend: { top: 0, left: 0, itemWidth: 12, itemHeight: 8, textStyle: { color: '#3f4753', fontSize: 12 } },
      tooltip: { trigger: 'axis', ...tooltipStyle },
      xAxis: {
        type: 'category',
        data: suggestion.candidates.map((c) => String(c.k)),
        name: 'segments (k)',
        nameLocation: 'middle',
        nameGap: 26,
        nameTextStyle: { color: '#7a8391', fontSize: 11 },
        axisTick: { show: false },
        axisLine: axis.line,
        axisLabel: axis.label,
      },
      yAxis: [
        { type: 'value', name: 'inertia', nameTextStyle: { color: '#7a8391', fontSize: 11 }, splitLine: axis.split, axisLabel: { ...axis.label, formatter: (v: number) => compact(v) } },
        { type: 'value', name: 'silhouette', nameTextStyle: { color: '#7a8391', fontSize: 11 }, splitLine: { show: false }, axisLabel: axis.label },
      ],
      series: [
        { type: 'line', name: 'Inertia (elbow)', data: suggestion.candidates.map((c) => c.inertia), symbol: 'circle', symbolSize: 6, itemStyle: { color: '#3451b2' } },
        {
          type: 'line',
          name: 'Silhouette',
          yAxisIndex: 1,
          data: suggestion.candidates.map((c) => (c.silhouette === null ? null : Math.round(c.silhouette * 1000) / 1000)),
          symbol: 'circle',
          symbolSize: 6,
          itemStyle: { color: '#17803d' },
          markLine: { symbol: 'none', label: { formatter: `k = ${chosen}`, color: '#3f4753' }, lineStyle: { color: '#a9b0bb', type: 'dashed' }, data: [{ xAxis: String(chosen) }] },
        },
      ],
    }),
    [suggestion, chosen],
  );
  return <LazyChart option={option} height={260} label={`Elbow and silhouette by number of segments; k = ${chosen} chosen`} />;
}

function NewSegmentation({ onClose, onCreated }: { onClose: () => void; onCreated: (s: Segmentation) => void }) {
  const toast = useToast();
  const { custom } = useCustomerFields();
  const numericCustom = custom.filter((f) => f.type === 'number');
  const [features, setFeatures] = useState<string[]>(['recency', 'purchase_frequency', 'monetary']);
  const [mode, setMode] = useState<'auto' | 'fixed'>('auto');
  const [k, setK] = useState('4');
  const [standardize, setStandardize] = useState(true);
  const [seed, setSeed] = useState('0');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [problems, setProblems] = useState<Record<string, string>>({});

  async function submit(e: FormEvent) {
    e.preventDefault();
    const p: Record<string, string> = {};
    if (!features.length) p.features = 'Choose at least one feature';
    const kn = Number(k);
    if (mode === 'fixed' && (!Number.isInteger(kn) || kn < 1 || kn > 50)) p.k = 'A whole number from 1 to 50';
    const sn = Number(seed);
    if (!Number.isInteger(sn) || sn < 0) p.seed = 'A whole number, 0 or more';
    setProblems(p);
    if (Object.keys(p).length) return;
    setBusy(true);
    setError(null);
    try {
      const s = await api.post<Segmentation>('/api/segmentations', { features, k: mode === 'auto' ? 'auto' : kn, standardize, seed: sn });
      toast(`${s.k} segments created.`);
      onCreated(s);
    } catch (err) {
      if (err instanceof ApiError) setProblems(err.fieldMessages());
      setError(err);
      setBusy(false);
    }
  }

  const options = [...builtInFeatures.map((f) => ({ name: f, label: featureLabel(f) })), ...numericCustom.map((f) => ({ name: f.name, label: `${f.label} (custom)` }))];
  return (
    <Dialog
      open
      onClose={onClose}
      title="New segmentation"
      size="md"
      footer={
        <>
          <Button variant="ghost" onClick={onClose}>
            Cancel
          </Button>
          <Button variant="primary" type="submit" form="segmentation-form" busy={busy}>
            Create segments
          </Button>
        </>
      }
    >
      <form id="segmentation-form" onSubmit={submit} noValidate className="stack">
        <fieldset className={`field${problems.features ? ' has-error' : ''}`}>
          <legend className="field-label">Features</legend>
          <p className="field-hint">What customers should be alike in. Recency, frequency and spend is a good start.</p>
          <div className="check-grid">
            {options.map((o) => (
              <label key={o.name} className="check">
                <input type="checkbox" checked={features.includes(o.name)} onChange={(e) => setFeatures(e.target.checked ? [...features, o.name] : features.filter((f) => f !== o.name))} />
                {o.label}
              </label>
            ))}
          </div>
          {problems.features && <span className="field-error">{problems.features}</span>}
        </fieldset>
        <fieldset className="field">
          <legend className="field-label">Number of segments</legend>
          <div className="radio-row">
            <label className="check">
              <input type="radio" name="k-mode" checked={mode === 'auto'} onChange={() => setMode('auto')} />
              Suggest for me (elbow and silhouette)
            </label>
            <label className="check">
              <input type="radio" name="k-mode" checked={mode === 'fixed'} onChange={() => setMode('fixed')} />
              Exactly
            </label>
            <input
              aria-label="Number of segments (k)"
              className="input-narrow"
              type="number"
              min={1}
              max={50}
              value={k}
              disabled={mode !== 'fixed'}
              onChange={(e) => setK(e.target.value)}
              aria-invalid={problems.k ? true : undefined}
            />
          </div>
          {problems.k && <span className="field-error">{problems.k}</span>}
        </fieldset>
        <div className="form-grid">
          <label className="check">
            <input type="checkbox" checked={standardize} onChange={(e) => setStandardize(e.target.checked)} />
            Standardise features (recommended: puts days, counts and money on one scale)
          </label>
          <div className={`field${problems.seed ? ' has-error' : ''}`}>
            <label htmlFor="seg-seed">Seed</label>
            <input id="seg-seed" type="number" min={0} value={seed} onChange={(e) => setSeed(e.target.value)} className="input-narrow" aria-describedby="seg-seed-hint" />
            <span className="field-hint" id="seg-seed-hint">
              The same seed gives the same segments.
            </span>
            {problems.seed && <span className="field-error">{problems.seed}</span>}
          </div>
        </div>
        <FormError error={Object.keys(problems).length ? null : error} />
        <p className="muted small">Every customer is assigned to one segment; the newest segmentation is the one filters and the dashboard use.</p>
      </form>
    </Dialog>
  );
}

/** RFM segments on the recency x frequency grid, with counts from the latest insight run. */
function RfmGrid() {
  const { range } = useReportRange();
  const runs = useAsync((signal) => api.get<{ data: InsightRunRecord[] }>('/api/insights/runs', { limit: 1 }, signal), []);
  const revenue = useAsync((signal) => api.get<BreakdownReport>('/api/reports/revenue-by/rfm_segment', periodOf(range), signal), [range.from, range.to]);
  const run = runs.data?.data[0];
  const counts = run?.metrics?.rfm_segments ?? {};
  const total = Object.values(counts).reduce((s, n) => s + n, 0);
  const totalRevenue = revenue.data?.data.reduce((s, r) => s + r.revenue, 0) ?? 0;
  // The first cell of each segment (reading order) carries its label.
  const anchors = new Set<string>();
  const seen = new Set<string>();
  rfmGrid.forEach((row, r) =>
    row.forEach((name, f) => {
      if (!seen.has(name)) {
        seen.add(name);
        anchors.add(`${r}-${f}`);
      }
    }),
  );
  return (
    <Card
      title="RFM grid"
      id="rfm"
      className="section-gap"
      actions={
        run ? (
          <span className="muted small">
            From the insight run of {formatDate(run.created_at)} · revenue share over {range.label.toLowerCase()}
          </span>
        ) : null
      }
    >
      {runs.loading && !runs.data ? (
        <Loading />
      ) : runs.error ? (
        <ErrorState error={runs.error} onRetry={runs.reload} />
      ) : !run || total === 0 ? (
        <EmptyState
          icon="chart"
          title="No RFM scores yet"
          action={
            <Link to="/insights" className="btn btn-secondary btn-md">
              Run insights
            </Link>
          }
        >
          Recency, frequency and monetary scores are computed by the insight run for every customer who has bought.
        </EmptyState>
      ) : (
        <div className="rfm-layout">
          <div className="rfm-figure">
            <div className="rfm-ylabel" aria-hidden="true">
              Recency → more recent
            </div>
            <div className="rfm-grid" role="group" aria-label="RFM grid of recency by frequency, coloured by segment">
              {rfmGrid.map((row, r) =>
                row.map((name, f) => (
                  <Link
                    key={`${r}-${f}`}
                    to={`/customers?rfm_segment=${encodeURIComponent(name)}`}
                    className="rfm-cell"
                    style={{ background: rfmColors[name], color: readableTextOn(rfmColors[name]) }}
                    title={`${capitalise(name)}: R${5 - r} F${f + 1}`}
                    tabIndex={anchors.has(`${r}-${f}`) ? 0 : -1}
                  >
                    {anchors.has(`${r}-${f}`) && (
                      <>
                        <span className="rfm-name">{capitalise(name)}</span>
                        <span className="rfm-count">{compact(counts[name] ?? 0)}</span>
                      </>
                    )}
                  </Link>
                )),
              )}
            </div>
            <div className="rfm-xlabel" aria-hidden="true">
              Frequency → more orders
            </div>
          </div>
          <table className="table table-compact rfm-table">
            <thead>
              <tr>
                <th scope="col">Segment</th>
                <th scope="col" className="num">
                  Customers
                </th>
                <th scope="col" className="num">
                  Revenue share
                </th>
              </tr>
            </thead>
            <tbody>
              {rfmSegments.map((s) => {
                const rev = revenue.data?.data.find((r) => r.key === s.name)?.revenue ?? 0;
                return (
                  <tr key={s.name}>
                    <td>
                      <span className="dot" style={{ background: rfmColors[s.name] }} aria-hidden="true" />
                      <Link to={`/customers?rfm_segment=${encodeURIComponent(s.name)}`}>{capitalise(s.name)}</Link>
                      <span className="muted small cell-sub">{rfmMeaning(s.name)}</span>
                    </td>
                    <td className="num">
                      {compact(counts[s.name] ?? 0)} <span className="muted small">{percent((counts[s.name] ?? 0) / total)}</span>
                    </td>
                    <td className="num">{totalRevenue ? percent(rev / totalRevenue) : '—'}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}

/** One segment: its profile and a first page of members. */
export function SegmentPage({ params }: { params: Params }) {
  const id = params.id;
  const segment = useAsync((signal) => api.get<Segment>(`/api/segments/${encodeURIComponent(id)}`, undefined, signal), [id]);
  const segmentationId = segment.data?.segmentation_id ?? null;
  const seg = useAsync((signal) => (segmentationId ? api.get<Segmentation>(`/api/segmentations/${encodeURIComponent(segmentationId)}`, undefined, signal) : Promise.resolve(null)), [segmentationId]);
  const members = useAsync(
    (signal) => api.get<Page>('/api/customers', { segment: id, sort: '-revenue', limit: 12, fields: 'id,first_name,last_name,email,stage,revenue,order_count,last_order_at' }, signal),
    [id],
  );
  const { range } = useReportRange();
  const revenue = useAsync((signal) => api.get<BreakdownReport>('/api/reports/revenue-by/segment', periodOf(range), signal), [range.from, range.to]);
  useDocumentTitle(segment.data?.name ?? 'Segment');

  if (segment.error)
    return (
      <div className="page">
        <Link to="/segments" className="back-link">
          <span aria-hidden="true">←</span> Segments
        </Link>
        {segment.error instanceof ApiError && segment.error.status === 404 ? (
          <EmptyState title="Segment not found">It may belong to a segmentation that was replaced.</EmptyState>
        ) : (
          <ErrorState error={segment.error} onRetry={segment.reload} />
        )}
      </div>
    );
  if (!segment.data)
    return (
      <div className="page">
        <Loading />
      </div>
    );
  const s = segment.data;
  const total = seg.data?.segments?.reduce((a, x) => a + (x.size ?? 0), 0) ?? 0;
  const totalRevenue = revenue.data?.data.reduce((a, r) => a + r.revenue, 0) ?? 0;
  const rev = revenue.data?.data.find((r) => r.key === s.id)?.revenue ?? 0;
  return (
    <div className="page page-wide">
      <Link to="/segments" className="back-link">
        <span aria-hidden="true">←</span> Segments
      </Link>
      <PageHeader
        title={s.name}
        subtitle={capitalise(s.description ?? (s.kind === 'filter' ? 'Saved filter' : ''))}
        actions={
          <Link to={`/customers?segment=${encodeURIComponent(s.id)}`} className="btn btn-primary btn-md">
            Open {compact(s.size)} members in the customer list
          </Link>
        }
      />
      <section className="figures figures-4" aria-label="Segment figures">
        <div className="figure">
          <span className="figure-label">Customers</span>
          <span className="figure-value">{compact(s.size)}</span>
          {total > 0 && <span className="figure-hint">{percent((s.size ?? 0) / total)} of everyone</span>}
        </div>
        <div className="figure">
          <span className="figure-label">Revenue ({range.label.toLowerCase()})</span>
          <span className="figure-value">{money(rev)}</span>
          {totalRevenue > 0 && <span className="figure-hint">{percent(rev / totalRevenue)} of revenue</span>}
        </div>
        <div className="figure">
          <span className="figure-label">Kind</span>
          <span className="figure-value">{s.kind === 'model' ? 'K-means' : 'Saved filter'}</span>
          {s.label != null && (
            <span className="figure-hint">
              k-means label {s.label} (0 to {(seg.data?.k ?? 1) - 1})
            </span>
          )}
        </div>
        <div className="figure">
          <span className="figure-label">Created</span>
          <span className="figure-value">{formatDate(s.created_at)}</span>
        </div>
      </section>
      <div className="dash-grid">
        {s.centroid && (
          <Card title="Typical customer in this segment" id="centroid">
            <CentroidTable centroid={s.centroid} means={seg.data?.feature_means} />
          </Card>
        )}
        <Card title="Biggest spenders in the segment" id="members" actions={<Link to={`/customers?segment=${encodeURIComponent(s.id)}`}>All members</Link>}>
          {members.loading && !members.data ? (
            <Loading />
          ) : members.error ? (
            <ErrorState error={members.error} onRetry={members.reload} />
          ) : members.data!.data.length === 0 ? (
            <EmptyState title="No members" />
          ) : (
            <MemberTable rows={members.data!.data} />
          )}
        </Card>
      </div>
    </div>
  );
}

function MemberTable({ rows }: { rows: ApiRecord[] }) {
  return (
    <table className="table table-compact">
      <thead>
        <tr>
          <th scope="col">Customer</th>
          <th scope="col">Stage</th>
          <th scope="col" className="num">
            Orders
          </th>
          <th scope="col" className="num">
            Revenue
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id}>
            <td className="col-name">
              <Link to={`/customers/${encodeURIComponent(r.id)}`}>{displayName(r)}</Link>
            </td>
            <td>{typeof r.stage === 'string' ? <Badge tone={stageTones[r.stage]}>{stageLabels[r.stage] ?? r.stage}</Badge> : <span className="muted">—</span>}</td>
            <td className="num">{compact(r.order_count)}</td>
            <td className="num">{money(r.revenue)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
