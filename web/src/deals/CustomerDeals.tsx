import { useState } from 'react';
import { Badge, Button, Card, ErrorState, Loading } from '../components/ui';
import { formatMoney, formatShortDate } from '../lib/format';
import { Link } from '../lib/router';
import { statusTone } from './DealsListPage';
import { NewDealDialog } from './NewDealDialog';
import { useDealList, usePipelines } from './hooks';

/** The customer's deals on their 360 view, newest first. */
export function CustomerDeals({ customerId }: { customerId: string }) {
  const deals = useDealList({ customer_id: customerId, sort: '-created_at', limit: 20 });
  const pipelines = usePipelines();
  const [creating, setCreating] = useState(false);
  return (
    <Card
      title="Deals"
      id="customer-deals"
      actions={
        <Button size="sm" icon="plus" onClick={() => setCreating(true)} disabled={!pipelines.data}>
          New deal
        </Button>
      }
    >
      {creating && pipelines.data && <NewDealDialog open pipelines={pipelines.data} customerId={customerId} onClose={() => setCreating(false)} onCreated={() => deals.reload()} />}
      {deals.error ? (
        <ErrorState error={deals.error} onRetry={deals.reload} />
      ) : !deals.data ? (
        <Loading />
      ) : deals.data.data.length === 0 ? (
        <p className="muted card-pad">No deals yet.</p>
      ) : (
        <ul className="task-list">
          {deals.data.data.map((d) => (
            <li key={d.id} className="task-row">
              <Link to={`/deals/${encodeURIComponent(d.id)}`}>{d.title}</Link> <Badge tone={statusTone[d.status]}>{d.status}</Badge>
              <span className="muted small">
                {' '}
                {formatMoney(d.value, d.currency)}
                {d.expected_close_date ? ` · closes ${formatShortDate(d.expected_close_date)}` : ''}
              </span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
