import { lazy, Suspense, useMemo, useState } from 'react';
import type { ChartOption } from '../components/Chart';
import { Icon } from '../components/Icon';
import { useToast } from '../components/Toasts';
import { Card, EmptyState, ErrorState, FormError, Loading, PageHeader } from '../components/ui';
import { api, type ApiRecord, type Page } from '../lib/api';
import { displayName } from '../lib/fields';
import { formatDate, relativeTime } from '../lib/format';
import { useAsync, useDocumentTitle } from '../lib/hooks';
import { Link } from '../lib/router';
import { TaskRow } from './CustomerPage';

// ECharts loads with the dashboard only, keeping the first page load small.
const Chart = lazy(() => import('../components/Chart'));

const taskCap = 200;
const newCap = 500;

/** Counts that stay cheap however big the data: each reads one bounded page. */
function bounded(page: Page, cap: number): string {
  return page.next_cursor ? `${cap}+` : String(page.data.length);
}

export function DashboardPage() {
  useDocumentTitle('Dashboard');
  const toast = useToast();
  const monthStart = useMemo(() => {
    const d = new Date();
    return new Date(d.getFullYear(), d.getMonth(), 1).toISOString();
  }, []);
  const tasks = useAsync((signal) => api.get<Page>('/api/tasks', { done: 'false', sort: 'due_at', limit: taskCap }, signal), []);
  const recent = useAsync((signal) => api.get<Page>('/api/customers', { sort: '-created_at', limit: 6, fields: 'id,first_name,last_name,email,company,created_at' }, signal), []);
  const newThisMonth = useAsync((signal) => api.get<Page>('/api/customers', { 'created_at[gte]': monthStart, limit: newCap, fields: 'id' }, signal), [monthStart]);
  const [busy, setBusy] = useState<string | null>(null);
  const [taskError, setTaskError] = useState<unknown>(null);

  const customerIds = useMemo(() => [...new Set((tasks.data?.data ?? []).slice(0, 12).map((t) => t.customer_id).filter((x): x is string => typeof x === 'string'))], [tasks.data]);
  const names = useAsync(
    (signal) => (customerIds.length ? api.get<Page>('/api/customers', { 'id[in]': customerIds.join(','), limit: customerIds.length, fields: 'id,first_name,last_name,email' }, signal) : Promise.resolve({ data: [], next_cursor: null } as Page)),
    [customerIds.join(',')],
  );
  const nameOf = (id: unknown) => {
    const c = names.data?.data.find((r) => r.id === id);
    return c ? { id: c.id, name: displayName(c) } : undefined;
  };

  const buckets = useMemo(() => {
    const list = tasks.data?.data ?? [];
    const now = new Date();
    const endToday = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1).getTime();
    const endWeek = endToday + 6 * 864e5;
    const b = { Overdue: 0, Today: 0, 'Next 7 days': 0, Later: 0, 'No date': 0 };
    for (const t of list) {
      if (!t.due_at) b['No date']++;
      else {
        const at = new Date(String(t.due_at)).getTime();
        if (at < now.getTime()) b.Overdue++;
        else if (at < endToday) b.Today++;
        else if (at < endWeek) b['Next 7 days']++;
        else b.Later++;
      }
    }
    return b;
  }, [tasks.data]);

  const option: ChartOption = useMemo(
    () => ({
      grid: { left: 8, right: 8, top: 16, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'category', data: Object.keys(buckets), axisTick: { show: false }, axisLine: { lineStyle: { color: '#d5d9e0' } }, axisLabel: { color: '#5b6472', fontSize: 12 } },
      yAxis: { type: 'value', minInterval: 1, splitLine: { lineStyle: { color: '#eef0f3' } }, axisLabel: { color: '#5b6472', fontSize: 12 } },
      series: [
        {
          type: 'bar',
          name: 'Open tasks',
          barMaxWidth: 36,
          data: Object.entries(buckets).map(([k, v]) => ({ value: v, itemStyle: { color: k === 'Overdue' ? '#c2410c' : '#3451b2', borderRadius: [4, 4, 0, 0] } })),
        },
      ],
    }),
    [buckets],
  );

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

  const hour = new Date().getHours();
  const greeting = hour < 12 ? 'Good morning' : hour < 18 ? 'Good afternoon' : 'Good evening';

  return (
    <div className="page page-wide">
      <PageHeader title={greeting} subtitle="What needs your attention today." />

      <section className="stats" aria-label="Key numbers">
        <Stat label="Open tasks" loading={tasks.loading} error={tasks.error} value={tasks.data && bounded(tasks.data, taskCap)} />
        <Stat label="Overdue" loading={tasks.loading} error={tasks.error} value={tasks.data && (tasks.data.next_cursor && buckets.Overdue === taskCap ? `${taskCap}+` : String(buckets.Overdue))} tone={buckets.Overdue > 0 ? 'warning' : undefined} />
        <Stat label="New customers this month" loading={newThisMonth.loading} error={newThisMonth.error} value={newThisMonth.data && bounded(newThisMonth.data, newCap)} />
      </section>

      <div className="dash-grid">
        <Card title="Open tasks" id="dash-tasks" actions={<span className="muted small">Soonest due first</span>}>
          {tasks.loading && !tasks.data ? (
            <Loading />
          ) : tasks.error ? (
            <ErrorState error={tasks.error} onRetry={tasks.reload} />
          ) : tasks.data!.data.length === 0 ? (
            <EmptyState icon="task" title="You are all caught up">
              Add tasks from a customer’s page.
            </EmptyState>
          ) : (
            <ul className="task-list">
              {tasks.data!.data.slice(0, 12).map((t) => (
                <TaskRow key={t.id} task={t} busy={busy === t.id} onDone={() => void complete(t)} customer={nameOf(t.customer_id)} />
              ))}
            </ul>
          )}
          <FormError error={taskError} />
          {tasks.data && tasks.data.data.length > 12 && <p className="muted small card-pad">{tasks.data.next_cursor ? `More than ${taskCap}` : tasks.data.data.length} open tasks; the 12 due soonest are shown.</p>}
        </Card>

        <Card title="Open tasks by due date" id="dash-chart">
          {tasks.loading && !tasks.data ? <Loading /> : tasks.error ? <ErrorState error={tasks.error} onRetry={tasks.reload} /> : <Suspense fallback={<Loading label="Loading chart…" />}><Chart option={option} label={`Open tasks: ${Object.entries(buckets).map(([k, v]) => `${k} ${v}`).join(', ')}`} /></Suspense>}
          {tasks.data?.next_cursor && <p className="muted small card-pad">Counts the {taskCap} open tasks due soonest.</p>}
        </Card>

        <Card title="Newest customers" id="dash-recent" actions={<Link to="/customers">All customers</Link>}>
          {recent.loading && !recent.data ? (
            <Loading />
          ) : recent.error ? (
            <ErrorState error={recent.error} onRetry={recent.reload} />
          ) : recent.data!.data.length === 0 ? (
            <EmptyState title="No customers yet" action={<Link to="/customers" className="btn btn-primary btn-md">Add a customer</Link>} />
          ) : (
            <ul className="people-list">
              {recent.data!.data.map((c) => (
                <li key={c.id}>
                  <Link to={`/customers/${encodeURIComponent(c.id)}`}>{displayName(c)}</Link>
                  <span className="muted small">{[c.company, c.email].filter(Boolean).join(' · ')}</span>
                  <time className="muted small" dateTime={String(c.created_at)} title={formatDate(c.created_at)}>
                    {relativeTime(c.created_at)}
                  </time>
                </li>
              ))}
            </ul>
          )}
        </Card>

        <div className="slots">
          <ReportSlot title="Revenue by month" endpoint="/api/reports/revenue" />
          <ReportSlot title="Customers gained and lost" endpoint="/api/reports/customers" />
        </div>
      </div>
    </div>
  );
}

function Stat({ label, value, loading, error, tone }: { label: string; value: string | undefined; loading: boolean; error: unknown; tone?: 'warning' }) {
  return (
    <div className={`stat${tone ? ` stat-${tone}` : ''}`}>
      <span className="stat-label">{label}</span>
      <span className="stat-value">{error ? '—' : loading && value === undefined ? <span className="skeleton skeleton-num" /> : value}</span>
    </div>
  );
}

/**
 * A reserved place for a chart fed by the reports API. It shows no numbers until that endpoint
 * exists; then this component is replaced by one that reads `endpoint`.
 */
function ReportSlot({ title, endpoint }: { title: string; endpoint: string }) {
  return (
    <section className="card report-slot" data-report-endpoint={endpoint} aria-label={title}>
      <header className="card-header">
        <h2>{title}</h2>
      </header>
      <div className="report-slot-body">
        <Icon name="chart" size={22} />
        <p>
          <strong>Not available yet.</strong> This chart appears once reports are part of your Rapport server. No figures are estimated here.
        </p>
      </div>
    </section>
  );
}
