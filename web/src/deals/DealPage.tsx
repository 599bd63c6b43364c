import { useState } from 'react';
import { Badge, Button, Card, ErrorState, Loading, PageHeader } from '../components/ui';
import { useToast } from '../components/Toasts';
import { formatDateTime, formatMoney, formatNumber, formatShortDate } from '../lib/format';
import { useDocumentTitle } from '../lib/hooks';
import { Link, type Params } from '../lib/router';
import { statusTone } from './DealsListPage';
import { MoveDialog } from './MoveDialog';
import { dealsApi, useDeal, useDealHistory, usePipelines } from './hooks';
import './deals.css';

/** One deal: its facts, its lines, and the stages it went through with the time spent in each. */
export function DealPage({ params }: { params: Params }) {
  const deal = useDeal(params.id);
  const pipelines = usePipelines();
  const [version, setVersion] = useState(0);
  const history = useDealHistory(params.id, version);
  const [moving, setMoving] = useState(false);
  const toast = useToast();
  useDocumentTitle(deal.data?.title ?? 'Deal');
  if (deal.error)
    return (
      <div className="page">
        <ErrorState error={deal.error} onRetry={deal.reload} />
      </div>
    );
  if (!deal.data)
    return (
      <div className="page">
        <Loading />
      </div>
    );
  const d = deal.data;
  const pipeline = pipelines.data?.find((p) => p.id === d.pipeline_id);
  const stage = pipeline?.stages.find((s) => s.id === d.stage_id);
  return (
    <div className="page">
      <Link to="/deals" className="back-link">
        ← Deals
      </Link>
      <PageHeader
        title={d.title}
        subtitle={
          <>
            {pipeline?.name} · {stage?.name} <Badge tone={statusTone[d.status]}>{d.status}</Badge>
          </>
        }
        actions={
          pipeline && (
            <Button variant="primary" onClick={() => setMoving(true)}>
              Move to…
            </Button>
          )
        }
      />
      <div className="detail-grid">
        <Card title="Deal" id="deal-facts">
          <dl className="facts card-pad">
            <div className="fact">
              <dt>Value</dt>
              <dd>{formatMoney(d.value, d.currency)}</dd>
            </div>
            <div className="fact">
              <dt>Expected close</dt>
              <dd>{d.expected_close_date ? formatShortDate(d.expected_close_date) : '—'}</dd>
            </div>
            <div className="fact">
              <dt>Customer</dt>
              <dd>{d.customer_id ? <Link to={`/customers/${encodeURIComponent(d.customer_id)}`}>Open the customer</Link> : '—'}</dd>
            </div>
            <div className="fact">
              <dt>Lead source</dt>
              <dd>{d.source ?? '—'}</dd>
            </div>
            {d.lost_reason && (
              <div className="fact">
                <dt>Lost reason</dt>
                <dd>{d.lost_reason}</dd>
              </div>
            )}
            <div className="fact">
              <dt>Last activity</dt>
              <dd>{formatDateTime(d.last_activity_at)}</dd>
            </div>
            {d.notes && (
              <div className="fact">
                <dt>Notes</dt>
                <dd>{d.notes}</dd>
              </div>
            )}
          </dl>
          {d.lines.length > 0 && (
            <table className="table table-compact">
              <caption className="sr-only">Products</caption>
              <thead>
                <tr>
                  <th scope="col">Product</th>
                  <th scope="col">Quantity</th>
                  <th scope="col">Unit price</th>
                </tr>
              </thead>
              <tbody>
                {d.lines.map((l) => (
                  <tr key={l.id}>
                    <td>{l.product_name ?? l.sku ?? '—'}</td>
                    <td>{formatNumber(l.quantity)}</td>
                    <td>{formatMoney(l.unit_price, d.currency)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Card>
        <Card title="Stage history" id="deal-history">
          {history.error ? (
            <ErrorState error={history.error} onRetry={history.reload} />
          ) : !history.data ? (
            <Loading />
          ) : (
            <ol className="stage-history card-pad" data-testid="stage-history">
              {history.data.map((h) => (
                <li key={h.id}>
                  <span>
                    <strong>{h.stage_name ?? 'Removed stage'}</strong> <span className="muted small">from {formatDateTime(h.entered_at)}</span>
                  </span>
                  <span className="muted">{h.left_at ? `${formatNumber(h.days_in_stage)} days` : `${formatNumber(h.days_in_stage)} days so far`}</span>
                </li>
              ))}
            </ol>
          )}
        </Card>
      </div>
      {moving && pipeline && (
        <MoveDialog
          open
          title={d.title}
          pipeline={pipeline}
          currentStageId={d.stage_id}
          onClose={() => setMoving(false)}
          onMove={async (s, reason) => {
            const moved = await dealsApi.move(d.id, s.id, reason);
            deal.setData(() => moved);
            setVersion((v) => v + 1);
            toast(`Moved to ${s.name}`);
          }}
        />
      )}
    </div>
  );
}
