import { useState } from 'react';
import { Badge, EmptyState, ErrorState, Loading, PageHeader } from '../components/ui';
import { formatMoney, formatShortDate } from '../lib/format';
import { useDebounced, useDocumentTitle } from '../lib/hooks';
import { Link } from '../lib/router';
import { useQuoteList } from './hooks';
import { QuoteReportCard } from './QuoteReportCard';
import { quoteLabel, statusTone } from './status';
import './quotes.css';

const statuses = ['draft', 'sent', 'viewed', 'accepted', 'declined', 'expired', 'converted'] as const;

/** Every quote, newest first, with a status filter and search by number or title. */
export function QuotesListPage() {
  useDocumentTitle('Quotes');
  const [q, setQ] = useState('');
  const [status, setStatus] = useState('');
  const search = useDebounced(q, 250);
  const list = useQuoteList({ sort: '-created_at', limit: 100, q: search || undefined, status: status || undefined });
  return (
    <div className="page page-wide">
      <PageHeader title="Quotes" subtitle="Start a quote from a customer's page." />
      <QuoteReportCard />
      <div className="filter-bar toolbar" role="search">
        <input type="search" aria-label="Search quote numbers and titles" placeholder="Number or title" value={q} onChange={(e) => setQ(e.target.value)} />
        <select aria-label="Status" value={status} onChange={(e) => setStatus(e.target.value)}>
          <option value="">Any status</option>
          {statuses.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </div>
      {list.error ? (
        <ErrorState error={list.error} onRetry={list.reload} />
      ) : !list.data ? (
        <Loading />
      ) : list.data.data.length === 0 ? (
        <EmptyState icon="file" title="No quotes">
          Open a customer and choose “New quote”.
        </EmptyState>
      ) : (
        <div className="table-scroll">
          <table className="table">
            <caption className="sr-only">Quotes</caption>
            <thead>
              <tr>
                <th scope="col">Number</th>
                <th scope="col">Title</th>
                <th scope="col">Status</th>
                <th scope="col" className="num">
                  Total
                </th>
                <th scope="col">Valid until</th>
                <th scope="col">Sent</th>
              </tr>
            </thead>
            <tbody>
              {list.data.data.map((quote) => (
                <tr key={quote.id}>
                  <td>
                    <Link to={`/quotes/${encodeURIComponent(quote.id)}`}>{quoteLabel(quote)}</Link>
                  </td>
                  <td>{quote.title ?? '—'}</td>
                  <td>
                    <Badge tone={statusTone[quote.status]}>{quote.status}</Badge>
                    {quote.superseded_by_id && <span className="muted small"> (revised)</span>}
                  </td>
                  <td className="num">{formatMoney(quote.total, quote.currency)}</td>
                  <td>{formatShortDate(quote.valid_until)}</td>
                  <td>{quote.sent_at ? formatShortDate(quote.sent_at) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
