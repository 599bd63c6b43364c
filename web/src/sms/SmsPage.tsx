import { Badge, Card, EmptyState, ErrorState, Loading, PageHeader } from '../components/ui';
import { formatDate } from '../lib/format';
import { Link } from '../lib/router';
import { useDocumentTitle } from '../lib/hooks';
import { SmsComposer } from './SmsComposer';
import { useSmsLog } from './hooks';
import type { SmsStatus } from './types';

const tone: Record<SmsStatus, 'neutral' | 'accent' | 'success' | 'warning' | 'danger'> = {
  queued: 'neutral',
  sending: 'neutral',
  sent: 'accent',
  delivered: 'success',
  undelivered: 'danger',
  failed: 'danger',
  suppressed: 'warning',
};

/** SMS: write a text with its segment count, and the log of texts with their delivery status. */
export function SmsPage() {
  useDocumentTitle('SMS');
  const log = useSmsLog();
  return (
    <div className="page page-wide">
      <PageHeader title="SMS" subtitle="Texts to customers, with delivery reports; STOP and START replies change SMS consent" />
      <Card title="New text">
        <SmsComposer onSent={log.reload} />
      </Card>
      <Card title="Recent texts">
        {log.loading && !log.data ? (
          <Loading />
        ) : log.error ? (
          <ErrorState error={log.error} onRetry={log.reload} />
        ) : !log.data?.length ? (
          <EmptyState icon="note" title="No texts yet" />
        ) : (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">To</th>
                <th scope="col">Text</th>
                <th scope="col">Parts</th>
                <th scope="col">Status</th>
                <th scope="col">Queued</th>
              </tr>
            </thead>
            <tbody>
              {log.data.map((s) => (
                <tr key={s.id}>
                  <td>{s.customer_id ? <Link to={`/customers/${encodeURIComponent(s.customer_id)}`}>{s.to_number}</Link> : s.to_number}</td>
                  <td>{s.body.length > 80 ? `${s.body.slice(0, 80)}…` : s.body}</td>
                  <td>
                    {s.segments} ({s.encoding})
                  </td>
                  <td>
                    <Badge tone={tone[s.status]}>{s.status}</Badge>
                    {s.error && <div className="muted small">{s.error}</div>}
                  </td>
                  <td>{formatDate(s.created_at)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
    </div>
  );
}
