import { useEffect, useState } from 'react';
import { parseMoney } from '../../../src/imports/values/numbers.js';
import { Badge, Button, EmptyState, ErrorState, Loading, PageHeader } from '../components/ui';
import type { Query } from '../lib/api';
import { formatMoney, formatShortDate, relativeTime } from '../lib/format';
import { useDebounced, useDocumentTitle } from '../lib/hooks';
import { Link } from '../lib/router';
import { dealsApi, usePipelines } from './hooks';
import type { Deal } from './types';
import './deals.css';

const sorts: Record<string, string> = { '-created_at': 'Newest', '-value': 'Highest value', expected_close_date: 'Closing soonest', last_activity_at: 'Longest without activity' };
export const statusTone = { open: 'accent', won: 'success', lost: 'neutral' } as const;

/** Every deal in a table: search, filters (status, pipeline, stage, source, value) and sort, a page at a time. */
export function DealsListPage() {
  useDocumentTitle('Deals');
  const pipelines = usePipelines();
  const [q, setQ] = useState('');
  const [status, setStatus] = useState('');
  const [pipelineId, setPipelineId] = useState('');
  const [stageId, setStageId] = useState('');
  const [source, setSource] = useState('');
  const [minValue, setMinValue] = useState('');
  const [sort, setSort] = useState('-created_at');
  const [rows, setRows] = useState<Deal[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const search = useDebounced(q, 250);
  const sourceText = useDebounced(source, 250);
  const stageNames = new Map((pipelines.data ?? []).flatMap((p) => p.stages.map((s) => [s.id, s.name] as const)));
  const stages = pipelines.data?.find((p) => p.id === pipelineId)?.stages ?? [];
  const query: Query = {
    sort,
    limit: 50,
    q: search || undefined,
    status: status || undefined,
    pipeline_id: pipelineId || undefined,
    stage_id: stageId || undefined,
    'source[contains]': sourceText || undefined,
    'value[gte]': parseMoney(minValue) ?? undefined,
  };
  const key = JSON.stringify(query);

  useEffect(() => {
    let live = true;
    setLoading(true);
    setError(null);
    dealsApi.page(query).then(
      (page) => {
        if (!live) return;
        setRows(page.data);
        setCursor(page.next_cursor);
        setLoading(false);
      },
      (err) => live && (setError(err), setLoading(false)),
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  const more = async () => {
    if (!cursor) return;
    const page = await dealsApi.page({ ...query, cursor });
    setRows((r) => [...r, ...page.data]);
    setCursor(page.next_cursor);
  };

  return (
    <div className="page page-wide">
      <PageHeader
        title="Deals"
        actions={
          <Link to="/deals" className="btn btn-secondary btn-md">
            Board
          </Link>
        }
      />
      <div className="filter-bar toolbar" role="search">
        <input type="search" aria-label="Search deal titles" placeholder="Search titles" value={q} onChange={(e) => setQ(e.target.value)} />
        <select aria-label="Status" value={status} onChange={(e) => setStatus(e.target.value)}>
          <option value="">Any status</option>
          <option value="open">Open</option>
          <option value="won">Won</option>
          <option value="lost">Lost</option>
        </select>
        <select aria-label="Pipeline" value={pipelineId} onChange={(e) => (setPipelineId(e.target.value), setStageId(''))}>
          <option value="">Any pipeline</option>
          {(pipelines.data ?? []).map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
        <select aria-label="Stage" value={stageId} onChange={(e) => setStageId(e.target.value)} disabled={!pipelineId}>
          <option value="">Any stage</option>
          {stages.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
        <input aria-label="Lead source contains" placeholder="Source" value={source} onChange={(e) => setSource(e.target.value)} className="input-narrow" />
        <input
          aria-label="Minimum value"
          placeholder="Value at least"
          inputMode="decimal"
          value={minValue}
          onChange={(e) => setMinValue(e.target.value)}
          aria-invalid={minValue.trim() !== '' && parseMoney(minValue) === null}
          className="input-narrow"
        />
        <select aria-label="Sort" value={sort} onChange={(e) => setSort(e.target.value)}>
          {Object.entries(sorts).map(([k, v]) => (
            <option key={k} value={k}>
              {v}
            </option>
          ))}
        </select>
      </div>
      {error ? (
        <ErrorState error={error} />
      ) : loading ? (
        <Loading />
      ) : rows.length === 0 ? (
        <EmptyState icon="chart" title="No deals match" />
      ) : (
        <div className="table-card table-scroll">
          <table className="table">
            <caption className="sr-only">Deals, sorted by {sorts[sort]}</caption>
            <thead>
              <tr>
                <th scope="col">Title</th>
                <th scope="col">Stage</th>
                <th scope="col">Status</th>
                <th scope="col">Value</th>
                <th scope="col">Expected close</th>
                <th scope="col">Source</th>
                <th scope="col">Last activity</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((d) => (
                <tr key={d.id}>
                  <td>
                    <Link to={`/deals/${encodeURIComponent(d.id)}`}>{d.title}</Link>
                  </td>
                  <td>{stageNames.get(d.stage_id) ?? '—'}</td>
                  <td>
                    <Badge tone={statusTone[d.status]}>{d.status}</Badge>
                  </td>
                  <td>{formatMoney(d.value, d.currency)}</td>
                  <td>{d.expected_close_date ? formatShortDate(d.expected_close_date) : '—'}</td>
                  <td>{d.source ?? '—'}</td>
                  <td>{relativeTime(d.last_activity_at)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {cursor && (
            <div className="table-footer">
              <Button onClick={more}>Load more</Button>
            </div>
          )}
        </div>
      )}
    </div>
  );
}
