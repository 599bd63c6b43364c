import { Badge, Card, ErrorState, Loading } from '../components/ui';
import { api } from '../lib/api';
import { formatShortDate } from '../lib/format';
import { useAsync } from '../lib/hooks';
import { Link } from '../lib/router';
import type { FlowEnrolment } from './types';

/** The flows a customer went through (their enrolment history), newest first, on their 360 view. */
export function CustomerFlows({ customerId }: { customerId: string }) {
  const list = useAsync((signal) => api.get<{ data: FlowEnrolment[] }>('/api/flow-enrolments', { customer_id: customerId, limit: 20 }, signal).then((r) => r.data), [customerId]);
  return (
    <Card title="Flows" id="customer-flows">
      {list.error ? (
        <ErrorState error={list.error} onRetry={list.reload} />
      ) : !list.data ? (
        <Loading />
      ) : list.data.length === 0 ? (
        <p className="muted card-pad">Not in any flow.</p>
      ) : (
        <ul className="task-list">
          {list.data.map((e) => {
            const last = e.history[e.history.length - 1];
            return (
              <li key={e.id} className="task-row">
                <Link to={`/flows/${encodeURIComponent(e.flow_id)}`}>{e.flow_name}</Link>{' '}
                <Badge tone={e.status === 'active' ? 'accent' : e.status === 'failed' ? 'danger' : 'neutral'}>{e.status}</Badge>
                <span className="muted small">
                  {' '}
                  entered {formatShortDate(e.entered_at)}
                  {last ? ` · last: ${last.step_id} ${last.outcome}` : ''}
                  {e.exit_reason && e.exit_reason !== 'completed' ? ` · ${e.exit_reason.replace('_', ' ')}` : ''}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </Card>
  );
}
