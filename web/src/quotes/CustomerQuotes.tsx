import { Badge, Card, ErrorState, Loading } from '../components/ui';
import { formatMoney, formatShortDate } from '../lib/format';
import { Link } from '../lib/router';
import { useQuoteList } from './hooks';
import { quoteLabel, statusTone } from './status';

/** The customer's quotes on their 360 view, newest first, with a way to start a new one. */
export function CustomerQuotes({ customerId }: { customerId: string }) {
  const quotes = useQuoteList({ customer_id: customerId, sort: '-created_at', limit: 20 });
  return (
    <Card
      title="Quotes"
      id="customer-quotes"
      actions={
        <Link to={`/customers/${encodeURIComponent(customerId)}/quotes/new`} className="btn btn-secondary btn-sm">
          New quote
        </Link>
      }
    >
      {quotes.error ? (
        <ErrorState error={quotes.error} onRetry={quotes.reload} />
      ) : !quotes.data ? (
        <Loading />
      ) : quotes.data.data.length === 0 ? (
        <p className="muted card-pad">No quotes yet.</p>
      ) : (
        <ul className="task-list">
          {quotes.data.data.map((q) => (
            <li key={q.id} className="task-row">
              <Link to={`/quotes/${encodeURIComponent(q.id)}`}>{quoteLabel(q)}</Link> <Badge tone={statusTone[q.status]}>{q.status}</Badge>
              <span className="muted small">
                {' '}
                {formatMoney(q.total, q.currency)}
                {q.title ? ` · ${q.title}` : ''} · valid until {formatShortDate(q.valid_until)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
