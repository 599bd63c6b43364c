import { useEffect, useMemo, useState, type CSSProperties, type ReactNode } from 'react';
import type { ChartOption } from '../components/Chart';
import { DateRangePicker } from '../components/DateRange';
import { LazyChart } from '../components/LazyChart';
import { useToast } from '../components/Toasts';
import { Badge, Card, EmptyState, ErrorState, FormError, Loading, PageHeader } from '../components/ui';
import { api, type ApiRecord, type CohortReport, type ContactList, type DashboardReport, type Page } from '../lib/api';
import { axis, palette, tooltipStyle } from '../lib/chart-style';
import { displayName } from '../lib/fields';
import { formatMoney, relativeTime } from '../lib/format';
import { useReportRange } from '../lib/report-range';
import { useAsync, useDocumentTitle } from '../lib/hooks';
import { capitalise, compact, money, percent, stageColors, stageLabels, stageOrder, stageTones } from '../lib/insights';
import { Link, navigate } from '../lib/router';
import { useSegments } from '../lib/shared-data';
import { TaskRow } from './CustomerPage';
import { FirstSteps } from '../components/FirstSteps';
import { TodayCard } from '../today/TodayPage';

const taskCap = 200;
const monthFmt = new Intl.DateTimeFormat(undefined, { month: 'short', year: '2-digit' });
const dayFmt = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' });

/** "2026-03" -> "Mar 26", "2026-03-02" -> "Mar 2". */
function periodLabel(period: string): string {
  if (/^\d{4}-\d{2}$/.test(period)) return monthFmt.format(new Date(`${period}-01T00:00:00`));
  if (/^\d{4}-\d{2}-\d{2}$/.test(period)) return dayFmt.format(new Date(`${period}T00:00:00`));
  return period;
}

/** "2026-08-28" -> "2026-08-01". */
export function monthStart(day: string): string {
  return `${day.slice(0, 7)}-01`;
}

/** The rows of a page whose lifetime value is above zero. */
export function withPositiveClv(page: Page): Page {
  return { ...page, data: page.data.filter((r) => typeof r.clv === 'number' && r.clv > 0) };
}

export function DashboardPage() {
  useDocumentTitle('Dashboard');
  // The chart code loads while the figures do, rather than after them.
  useEffect(() => void import('../components/Chart'), []);
  const { value: rangeValue, setValue: setRangeValue, range } = useReportRange();
  const q = { from: range.from, to: range.to, bucket: range.bucket };
  const key = `${range.from}|${range.to}|${range.bucket}`;

  // Every card loads on its own, in parallel; aggregates come from the server, never from big lists.
  const report = useAsync((signal) => api.get<DashboardReport>('/api/reports/dashboard', q, signal), [key]);
  // Cohorts are whole months: a range starting mid-month would show a first cohort of a few days only.
  const cohorts = useAsync((signal) => api.get<CohortReport>('/api/reports/cohorts', { from: monthStart(range.from), to: range.to }, signal), [key]);
  // Sorted by lifetime value alone, which the clv index answers at once; customers without a positive value are left out here.
  const top = useAsync(
    async (signal) =>
      withPositiveClv(await api.get<Page>('/api/customers', { sort: '-clv', limit: 10, fields: 'id,first_name,last_name,email,company,clv,stage,rfm_segment,churn_risk,order_count' }, signal)),
    [],
  );
  const contacts = useAsync((signal) => api.get<ContactList>('/api/insights/contact-list', { limit: 6 }, signal), []);
  const segments = useSegments();

  const hour = new Date().getHours();
  const greeting = hour < 12 ? 'Good morning' : hour < 18 ? 'Good afternoon' : 'Good evening';
  const k = report.data?.kpis;

  return (
    <div className="page page-wide">
      <PageHeader title={greeting} subtitle="What needs your attention today, and how the business is doing." actions={<DateRangePicker value={rangeValue} onChange={setRangeValue} />} />

      <TodayCard />

      {k && k.customers === 0 && (
        <Card title="Welcome to Rapport" id="dash-first-steps" className="section-gap">
          <FirstSteps />
        </Card>
      )}

      <section className="stats stats-6" aria-label="Key numbers">
        <Stat label="Revenue" value={k && money(k.revenue)} loading={report.loading} error={report.error} />
        <Stat label="Orders" value={k && compact(k.orders)} loading={report.loading} error={report.error} />
        <Stat label="Average order" value={k && money(k.average_order_value)} loading={report.loading} error={report.error} />
        <Stat label="Buying customers" value={k && compact(k.active_customers)} loading={report.loading} error={report.error} hint="bought in the period" />
        <Stat label="New customers" value={k && compact(k.new_customers)} loading={report.loading} error={report.error} hint="first order in the period" />
        <Stat
          label="Churned"
          value={k && compact(k.churned_customers)}
          loading={report.loading}
          error={report.error}
          tone={k && k.churned_customers > 0 ? 'warning' : undefined}
          hint="went quiet in the period"
        />
      </section>

      <div className="dash-grid dash-grid-3">
        <Card
          title="Revenue and orders"
          id="dash-revenue"
          className="span-2"
          actions={
            <span className="muted small">
              {range.label} · by {range.bucket}
            </span>
          }
        >
          <Async state={report}>{(r) => <RevenueChart report={r} />}</Async>
        </Card>
        <Card title="Customers by lifecycle stage" id="dash-stages" actions={k ? <span className="muted small">{compact(k.customers)} in total</span> : null}>
          <Async state={report}>{(r) => <StageChart stages={r.customers_by_stage} />}</Async>
        </Card>
      </div>

      <div className="dash-grid">
        <Card title="Contact this week" id="dash-contact" actions={<span className="muted small">Most value at risk first</span>}>
          <Async state={contacts}>{(c) => <ContactListView list={c} />}</Async>
        </Card>
        <OpenTasksCard />
      </div>

      <div className="dash-grid">
        <Card title="Top customers by lifetime value" id="dash-top" actions={<Link to="/customers">All customers</Link>}>
          <Async state={top}>{(p) => <TopCustomers rows={p.data} unreliable={contacts.data?.ranking === 'spend_at_risk' ? contacts.data.note : null} />}</Async>
        </Card>
        <Card title="Segments" id="dash-segments" actions={<Link to="/segments">Segments and insights</Link>}>
          {segments.loading ? (
            <Loading />
          ) : segments.error ? (
            <ErrorState error={segments.error} onRetry={segments.reload} />
          ) : (
            <SegmentChart segments={segments.data ?? []} revenue={report.data?.revenue_by_segment} />
          )}
          {report.data && (segments.data ?? []).some((s) => s.kind === 'model') && (
            <p className="muted small card-pad">Customers per segment, and each segment’s share of revenue in {range.label.toLowerCase()}.</p>
          )}
        </Card>
      </div>

      <div className="dash-grid dash-grid-3">
        <Card title="Retention by first-purchase month" id="dash-cohorts" className="span-2" actions={<span className="muted small">Share of each cohort buying again</span>}>
          <Async state={cohorts}>{(c) => <CohortHeatmap report={c} />}</Async>
        </Card>
        <Card title="Customers gained and lost" id="dash-flow" actions={<span className="muted small">by {range.bucket}</span>}>
          <Async state={report}>{(r) => <FlowChart report={r} />}</Async>
        </Card>
      </div>
      {report.data?.generated_at && (
        <p className="muted small dash-foot">
          Figures as of {relativeTime(report.data.generated_at)}. Amounts are totals of orders in {report.data.currency ?? 'your currency'}
          {report.data.other_currencies?.length ? (
            <>
              ; left out, as currencies are not converted:{' '}
              {report.data.other_currencies.map((o) => `${o.orders} ${o.orders === 1 ? 'order' : 'orders'} in ${o.currency} (${formatMoney(o.revenue, o.currency)})`).join(', ')}
            </>
          ) : null}
          .
        </p>
      )}
    </div>
  );
}

function Async<T>({ state, children }: { state: { data: T | undefined; loading: boolean; error: unknown; reload: () => void }; children: (data: T) => ReactNode }) {
  if (state.error) return <ErrorState error={state.error} onRetry={state.reload} />;
  if (state.data === undefined) return <Loading />;
  return <div className={state.loading ? 'is-stale' : undefined}>{children(state.data)}</div>;
}

function Stat({ label, value, loading, error, tone, hint }: { label: string; value: string | undefined; loading: boolean; error: unknown; tone?: 'warning'; hint?: string }) {
  return (
    <div className={`stat${tone ? ` stat-${tone}` : ''}`}>
      <span className="stat-label">{label}</span>
      <span className="stat-value" style={{ '--chars': value?.length ?? 1 } as CSSProperties}>
        {error ? '—' : loading && value === undefined ? <span className="skeleton skeleton-num" /> : value}
      </span>
      {hint && <span className="stat-hint">{hint}</span>}
    </div>
  );
}

function RevenueChart({ report }: { report: DashboardReport }) {
  const option: ChartOption = useMemo(
    () => ({
      grid: { left: 8, right: 8, top: 36, bottom: 4, containLabel: true },
      legend: { top: 0, left: 0, itemWidth: 12, itemHeight: 8, textStyle: { color: '#3f4753', fontSize: 12 } },
      tooltip: { trigger: 'axis', ...tooltipStyle },
      xAxis: { type: 'category', data: report.revenue.map((p) => periodLabel(p.period)), axisTick: { show: false }, axisLine: axis.line, axisLabel: axis.label },
      yAxis: [
        { type: 'value', splitLine: axis.split, axisLabel: { ...axis.label, formatter: (v: number) => compact(v) } },
        { type: 'value', splitLine: { show: false }, minInterval: 1, axisLabel: axis.label },
      ],
      series: [
        { type: 'bar', name: 'Revenue', data: report.revenue.map((p) => p.revenue), itemStyle: { color: '#3451b2', borderRadius: [3, 3, 0, 0] }, barMaxWidth: 28 },
        {
          type: 'line',
          name: 'Orders',
          yAxisIndex: 1,
          data: report.revenue.map((p) => p.orders),
          smooth: 0.2,
          symbol: 'circle',
          symbolSize: 5,
          itemStyle: { color: '#d97706' },
          lineStyle: { width: 2 },
        },
      ],
    }),
    [report],
  );
  const total = report.revenue.reduce((s, p) => s + p.orders, 0);
  if (total === 0)
    return (
      <EmptyState icon="chart" title="No orders in this period">
        Orders you record or import show up here by {report.revenue.length > 40 ? 'day' : 'period'}.
      </EmptyState>
    );
  return <LazyChart option={option} height={280} label={`Revenue and orders per period, ${report.from} to ${report.to}. Total revenue ${money(report.kpis.revenue)}, ${report.kpis.orders} orders.`} />;
}

function StageChart({ stages }: { stages: Record<string, number> }) {
  const entries = [...stageOrder, 'unscored'].map((s) => ({ stage: s, n: stages[s] ?? 0 })).filter((e) => e.n > 0);
  const total = entries.reduce((s, e) => s + e.n, 0);
  const option: ChartOption = useMemo(
    () => ({
      tooltip: { trigger: 'item', ...tooltipStyle, formatter: (p: { name: string; value: number; percent: number }) => `${p.name}: ${p.value} (${p.percent}%)` },
      series: [
        {
          type: 'pie',
          radius: ['58%', '86%'],
          center: ['50%', '50%'],
          avoidLabelOverlap: true,
          label: { show: false },
          itemStyle: { borderColor: '#fff', borderWidth: 2 },
          data: entries.map((e) => ({ name: stageLabels[e.stage], value: e.n, itemStyle: { color: stageColors[e.stage] }, stage: e.stage })),
        },
      ],
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [JSON.stringify(entries)],
  );
  if (total === 0) return <EmptyState icon="users" title="No customers yet" />;
  const onlyUnscored = entries.length === 1 && entries[0].stage === 'unscored';
  return (
    <div className="stage-card">
      <LazyChart
        option={option}
        height={170}
        label={`Customers by stage: ${entries.map((e) => `${stageLabels[e.stage]} ${e.n}`).join(', ')}`}
        onClick={(e) => {
          const s = (e.data as { stage?: string })?.stage;
          if (s && s !== 'unscored') navigate(`/customers?stage=${s}`);
        }}
      />
      <ul className="legend-list">
        {entries.map((e) => (
          <li key={e.stage}>
            <span className="dot" style={{ background: stageColors[e.stage] }} aria-hidden="true" />
            {e.stage === 'unscored' ? <span>{stageLabels[e.stage]}</span> : <Link to={`/customers?stage=${e.stage}`}>{stageLabels[e.stage]}</Link>}
            <span className="legend-num">{compact(e.n)}</span>
            <span className="muted legend-pct">{percent(e.n / total)}</span>
          </li>
        ))}
      </ul>
      {onlyUnscored && (
        <p className="muted small card-pad">
          Stages appear after the first insight run. <Link to="/insights">Run insights</Link>
        </p>
      )}
    </div>
  );
}

function ContactListView({ list }: { list: ContactList }) {
  if (!list.run_id)
    return (
      <EmptyState
        icon="phone"
        title="No insight run yet"
        action={
          <Link to="/insights" className="btn btn-secondary btn-md">
            Run insights
          </Link>
        }
      >
        After a run, the customers most worth a call this week appear here, with the reason.
      </EmptyState>
    );
  if (list.data.length === 0)
    return (
      <EmptyState icon="check" title="Nobody needs chasing">
        No customer carries value at risk right now.
      </EmptyState>
    );
  const bySpend = list.ranking === 'spend_at_risk';
  return (
    <>
      {bySpend && list.note && (
        <p className="contact-note small" role="note">
          <Badge tone="warning">Unreliable model</Badge> {list.note}
        </p>
      )}
      <ul className="contact-list">
        {list.data.map((c) => (
          <li key={c.customer_id}>
            <div className="contact-main">
              <Link to={`/customers/${encodeURIComponent(c.customer_id)}`}>{c.name || c.email || 'Unnamed customer'}</Link>
              {c.stage && <Badge tone={stageTones[c.stage]}>{stageLabels[c.stage] ?? c.stage}</Badge>}
              {bySpend ? (
                <span className="contact-risk" title="Spend so far times churn risk (lifetime values are not estimated)">
                  {money(c.spend_at_risk)} of past spend at risk
                </span>
              ) : (
                <span className="contact-risk" title="Lifetime value times churn risk">
                  {money(c.value_at_risk)} at risk
                </span>
              )}
            </div>
            <p className="contact-reason">{capitalise(c.reason)}.</p>
            {(c.phone || c.email) && (
              <span className="contact-ways small">
                {c.phone && <a href={`tel:${c.phone}`}>{c.phone}</a>}
                {c.email && <a href={`mailto:${c.email}`}>{c.email}</a>}
              </span>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}

function TopCustomers({ rows, unreliable }: { rows: ApiRecord[]; unreliable: string | null }) {
  if (rows.length === 0 && unreliable)
    return (
      <EmptyState icon="chart" title="Lifetime values not estimated">
        The purchase model is unreliable on this data, so no customer is ranked by it. See the insight run for why.
      </EmptyState>
    );
  if (rows.length === 0)
    return (
      <EmptyState
        icon="chart"
        title="No lifetime values yet"
        action={
          <Link to="/insights" className="btn btn-secondary btn-md">
            Run insights
          </Link>
        }
      >
        Lifetime values are estimated from purchase history by the insight run.
      </EmptyState>
    );
  return (
    <div className="table-scroll">
      <table className="table table-compact">
        <thead>
          <tr>
            <th scope="col">Customer</th>
            <th scope="col">Stage</th>
            <th scope="col" className="num">
              Orders
            </th>
            <th scope="col" className="num">
              Lifetime value
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <td className="col-name">
                <Link to={`/customers/${encodeURIComponent(r.id)}`}>{displayName(r)}</Link>
                {typeof r.rfm_segment === 'string' && <span className="muted small cell-sub">{capitalise(r.rfm_segment)}</span>}
              </td>
              <td>{typeof r.stage === 'string' ? <Badge tone={stageTones[r.stage]}>{stageLabels[r.stage] ?? r.stage}</Badge> : <span className="muted">—</span>}</td>
              <td className="num">{compact(r.order_count)}</td>
              <td className="num strong">{money(r.clv)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function SegmentChart({ segments, revenue }: { segments: import('../lib/api').Segment[]; revenue: DashboardReport['revenue_by_segment'] | undefined }) {
  const model = segments.filter((s) => s.kind === 'model');
  const totalRevenue = revenue?.reduce((s, r) => s + r.revenue, 0) ?? 0;
  const share = (id: string) => {
    if (!revenue || !totalRevenue) return null;
    return (revenue.find((r) => r.key === id)?.revenue ?? 0) / totalRevenue;
  };
  const option: ChartOption = useMemo(
    () => ({
      grid: { left: 8, right: 96, top: 8, bottom: 4, containLabel: true },
      tooltip: {
        trigger: 'item',
        ...tooltipStyle,
        formatter: (p: { dataIndex: number }) => {
          const s = model[p.dataIndex];
          const sh = share(s.id);
          return `<b>${escapeHtml(s.name)}</b><br/>${escapeHtml(s.description ?? '')}<br/>${s.size ?? 0} customers${sh === null ? '' : ` · ${percent(sh)} of revenue in the period`}`;
        },
      },
      xAxis: { type: 'value', splitLine: axis.split, axisLabel: axis.label, minInterval: 1 },
      yAxis: { type: 'category', inverse: true, data: model.map((s) => s.name), axisTick: { show: false }, axisLine: axis.line, axisLabel: { ...axis.label, width: 110, overflow: 'truncate' } },
      series: [
        {
          type: 'bar',
          data: model.map((s, i) => ({ value: s.size ?? 0, itemStyle: { color: palette[i % palette.length], borderRadius: [0, 4, 4, 0] } })),
          barMaxWidth: 22,
          label: {
            show: true,
            position: 'right',
            color: '#3f4753',
            fontSize: 12,
            formatter: (p: { dataIndex: number; value: number }) => {
              const sh = share(model[p.dataIndex].id);
              return sh === null ? compact(p.value) : `${compact(p.value)} · ${percent(sh)} rev.`;
            },
          },
        },
      ],
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [segments, revenue],
  );
  if (model.length === 0)
    return (
      <EmptyState
        icon="users"
        title="No segments yet"
        action={
          <Link to="/segments" className="btn btn-secondary btn-md">
            Create a segmentation
          </Link>
        }
      >
        Group customers by how they buy with k-means.
      </EmptyState>
    );
  return (
    <LazyChart
      option={option}
      height={Math.max(160, model.length * 34 + 24)}
      label={`Segment sizes: ${model.map((s) => `${s.name} ${s.size ?? 0}`).join(', ')}`}
      onClick={(e) => navigate(`/segments/${encodeURIComponent(model[e.dataIndex].id)}`)}
    />
  );
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function CohortHeatmap({ report }: { report: CohortReport }) {
  const cohorts = report.data.slice(-12);
  const maxOffset = Math.min(12, Math.max(0, ...cohorts.map((c) => c.retention.length - 1)));
  const option: ChartOption = useMemo(() => {
    const data: [number, number, number | null][] = [];
    cohorts.forEach((c, y) => {
      for (let x = 1; x <= maxOffset; x++) {
        const cell = c.retention[x];
        if (cell) data.push([x - 1, y, cell.rate === null ? null : Math.round(cell.rate * 1000) / 10]);
      }
    });
    return {
      grid: { left: 8, right: 8, top: 8, bottom: 28, containLabel: true },
      tooltip: {
        ...tooltipStyle,
        formatter: (p: { value: [number, number, number] }) => {
          const c = cohorts[p.value[1]];
          const cell = c.retention[p.value[0] + 1];
          return `${periodLabel(c.cohort)} cohort (${c.size})<br/>Month ${p.value[0] + 1}: ${cell?.customers ?? 0} bought · ${p.value[2]}%`;
        },
      },
      xAxis: {
        type: 'category',
        data: Array.from({ length: maxOffset }, (_, i) => `+${i + 1}`),
        splitArea: { show: false },
        axisTick: { show: false },
        axisLine: axis.line,
        axisLabel: axis.label,
        name: 'months after first purchase',
        nameLocation: 'middle',
        nameGap: 24,
        nameTextStyle: { color: '#7a8391', fontSize: 11 },
      },
      yAxis: { type: 'category', inverse: true, data: cohorts.map((c) => `${periodLabel(c.cohort)} · ${c.size}`), axisTick: { show: false }, axisLine: axis.line, axisLabel: axis.label },
      visualMap: { show: false, min: 0, max: Math.max(5, ...data.map((d) => d[2] ?? 0)), inRange: { color: ['#eef2fd', '#bccaf3', '#4a66c8', '#2a4196'] } },
      series: [
        {
          type: 'heatmap',
          data: data.map((d) => ({ value: d, label: { color: (d[2] ?? 0) >= 45 ? '#fff' : '#161a20' } })),
          label: { show: maxOffset <= 12, fontSize: 11, color: '#161a20', formatter: (p: { value: [number, number, number | null] }) => (p.value[2] ? `${Math.round(p.value[2])}%` : '') },
          itemStyle: { borderColor: '#fff', borderWidth: 2, borderRadius: 3 },
        },
      ],
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [report]);
  if (cohorts.length === 0 || maxOffset === 0)
    return (
      <EmptyState icon="chart" title="Not enough history yet">
        Once customers buy again in the months after their first order, retention shows here.
      </EmptyState>
    );
  return <LazyChart option={option} height={Math.max(180, cohorts.length * 26 + 48)} label={`Retention heatmap for ${cohorts.length} monthly cohorts`} />;
}

function FlowChart({ report }: { report: DashboardReport }) {
  const option: ChartOption = useMemo(
    () => ({
      grid: { left: 8, right: 8, top: 36, bottom: 4, containLabel: true },
      legend: { top: 0, left: 0, itemWidth: 12, itemHeight: 8, textStyle: { color: '#3f4753', fontSize: 12 } },
      tooltip: { trigger: 'axis', ...tooltipStyle },
      xAxis: { type: 'category', data: report.customers.map((p) => periodLabel(p.period)), axisTick: { show: false }, axisLine: axis.line, axisLabel: axis.label },
      yAxis: { type: 'value', minInterval: 1, splitLine: axis.split, axisLabel: axis.label },
      series: [
        { type: 'bar', name: 'New', stack: 'flow', data: report.customers.map((p) => p.new_customers), itemStyle: { color: '#17803d' }, barMaxWidth: 18 },
        { type: 'bar', name: 'Churned', stack: 'flow', data: report.customers.map((p) => -p.churned_customers), itemStyle: { color: '#d46a2a' }, barMaxWidth: 18 },
      ],
    }),
    [report],
  );
  if (report.customers.every((p) => !p.new_customers && !p.churned_customers)) return <EmptyState icon="users" title="No customers gained or lost in this period" />;
  return <LazyChart option={option} height={Math.max(220, 0)} label="New customers and churned customers per period" />;
}

function OpenTasksCard() {
  const toast = useToast();
  const tasks = useAsync((signal) => api.get<Page>('/api/tasks', { done: 'false', sort: 'due_at', limit: taskCap, fields: 'id,title,due_at,customer_id,done' }, signal), []);
  const [busy, setBusy] = useState<string | null>(null);
  const [taskError, setTaskError] = useState<unknown>(null);
  const shown = tasks.data?.data.slice(0, 8) ?? [];
  const customerIds = [...new Set(shown.map((t) => t.customer_id).filter((x): x is string => typeof x === 'string'))];
  const names = useAsync(
    (signal) =>
      customerIds.length
        ? api.get<Page>('/api/customers', { 'id[in]': customerIds.join(','), limit: customerIds.length, fields: 'id,first_name,last_name,email' }, signal)
        : Promise.resolve({ data: [], next_cursor: null } as Page),
    [customerIds.join(',')],
  );
  const nameOf = (id: unknown) => {
    const c = names.data?.data.find((r) => r.id === id);
    return c ? { id: c.id, name: displayName(c) } : undefined;
  };
  const overdue = tasks.data?.data.filter((t) => typeof t.due_at === 'string' && Date.parse(t.due_at) < Date.now()).length ?? 0;

  async function complete(t: ApiRecord) {
    setBusy(t.id);
    setTaskError(null);
    try {
      await api.patch(`/api/tasks/${encodeURIComponent(t.id)}`, { done: true });
      toast('Task done.');
      tasks.setData((p) => (p ? { ...p, data: p.data.filter((x) => x.id !== t.id) } : p));
    } catch (e) {
      setTaskError(e);
    } finally {
      setBusy(null);
    }
  }

  const count = tasks.data ? (tasks.data.next_cursor ? `${taskCap}+` : String(tasks.data.data.length)) : null;
  return (
    <Card
      title="Open tasks"
      id="dash-tasks"
      actions={
        count !== null && (
          <span className="muted small">
            {count} open
            {overdue > 0 && (
              <>
                {' '}
                · <span className="text-warning">{overdue} overdue</span>
              </>
            )}
          </span>
        )
      }
    >
      {tasks.loading && !tasks.data ? (
        <Loading />
      ) : tasks.error ? (
        <ErrorState error={tasks.error} onRetry={tasks.reload} />
      ) : shown.length === 0 ? (
        <EmptyState icon="task" title="You are all caught up">
          Add tasks from a customer’s page.
        </EmptyState>
      ) : (
        <ul className="task-list">
          {shown.map((t) => (
            <TaskRow key={t.id} task={t} busy={busy === t.id} onDone={() => void complete(t)} customer={nameOf(t.customer_id)} />
          ))}
        </ul>
      )}
      <FormError error={taskError} />
      {tasks.data && tasks.data.data.length > shown.length && <p className="muted small card-pad">The {shown.length} due soonest are shown.</p>}
    </Card>
  );
}
