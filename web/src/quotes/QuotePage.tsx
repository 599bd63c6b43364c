import { useState } from 'react';
import { Badge, Button, Card, ErrorState, FormError, Loading, PageHeader } from '../components/ui';
import { useToast } from '../components/Toasts';
import { formatDateTime, formatMoney, formatShortDate, getBusinessCurrency } from '../lib/format';
import { useDocumentTitle } from '../lib/hooks';
import { MailNotSetUp } from '../mail/MailNotSetUp';
import { Link, navigate, useLocation, type Params } from '../lib/router';
import { quotesApi, useQuote, useQuoteActivity } from './hooks';
import { QuoteEditor } from './QuoteEditor';
import { quoteLabel, statusTone } from './status';
import type { Quote } from './types';
import './quotes.css';

/** A new quote for the customer in the path (`?deal=ID` links it to one of their deals). */
export function NewQuotePage({ params }: { params: Params }) {
  useDocumentTitle('New quote');
  const deal = useLocation().search.get('deal') ?? undefined;
  return (
    <div className="page">
      <Link to={`/customers/${encodeURIComponent(params.id)}`} className="back-link">
        ← Customer
      </Link>
      <PageHeader title="New quote" subtitle="Lines from the catalogue take its price; totals follow as you type." />
      <QuoteEditor
        customerId={params.id}
        dealId={deal}
        defaultCurrency={getBusinessCurrency()}
        saveLabel="Save draft"
        onSave={async (body) => {
          const created = await quotesApi.create({ ...body, customer_id: params.id });
          navigate(`/quotes/${encodeURIComponent(created.id)}`);
        }}
      />
    </div>
  );
}

/** One quote: its editor while a draft, else its lines, its status and what happened to it. */
export function QuotePage({ params }: { params: Params }) {
  const quote = useQuote(params.id);
  const [version, setVersion] = useState(0);
  const activity = useQuoteActivity(params.id, version);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [link, setLink] = useState<string | null>(null);
  const toast = useToast();
  useDocumentTitle(quote.data ? `Quote ${quoteLabel(quote.data)}` : 'Quote');
  if (quote.error)
    return (
      <div className="page">
        <ErrorState error={quote.error} onRetry={quote.reload} />
      </div>
    );
  if (!quote.data)
    return (
      <div className="page">
        <Loading />
      </div>
    );
  const q = quote.data;
  const run = async (name: string, work: () => Promise<unknown>, done: string) => {
    setBusy(name);
    setError(null);
    try {
      await work();
      toast(done);
      quote.reload();
      setVersion((v) => v + 1);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(null);
    }
  };
  const open = (q.status === 'sent' || q.status === 'viewed') && !q.superseded_by_id;
  const actions = (
    <>
      <a className="btn btn-secondary btn-md" href={quotesApi.pdfUrl(q.id)} target="_blank" rel="noopener">
        PDF
      </a>
      {(q.status === 'draft' || open) && (
        <Button
          variant="primary"
          busy={busy === 'send'}
          onClick={() => void run('send', async () => setLink((await quotesApi.send(q.id)).url), q.status === 'draft' ? 'Quote sent.' : 'Quote sent again.')}
        >
          {q.status === 'draft' ? 'Send to the customer' : 'Send again'}
        </Button>
      )}
      {q.status !== 'draft' && !q.superseded_by_id && (
        <Button busy={busy === 'revise'} onClick={() => void run('revise', async () => navigate(`/quotes/${encodeURIComponent((await quotesApi.revise(q.id)).id)}`), 'New version drafted.')}>
          Revise
        </Button>
      )}
      {(['draft', 'sent', 'viewed', 'expired'] as const).includes(q.status as 'draft') && !q.superseded_by_id && (
        <Button variant="ghost" busy={busy === 'convert'} onClick={() => void run('convert', () => quotesApi.convert(q.id), 'Converted: order and follow-up task created.')}>
          Accepted offline: convert to order
        </Button>
      )}
    </>
  );
  return (
    <div className="page">
      <Link to="/quotes" className="back-link">
        ← Quotes
      </Link>
      <PageHeader
        title={`Quote ${quoteLabel(q)}`}
        subtitle={
          <>
            {q.title ? `${q.title} · ` : ''}
            <Badge tone={statusTone[q.status]}>{q.status}</Badge> · valid until {formatShortDate(q.valid_until)} · <Link to={`/customers/${encodeURIComponent(q.customer_id)}`}>customer</Link>
            {q.deal_id && (
              <>
                {' '}
                · <Link to={`/deals/${encodeURIComponent(q.deal_id)}`}>deal</Link>
              </>
            )}
          </>
        }
        actions={actions}
      />
      <FormError error={error} />
      {(q.status === 'draft' || open) && <MailNotSetUp />}
      {link && (
        <p className="notice" role="status">
          Sent. The client&apos;s link (shown only now): <code>{link}</code>
        </p>
      )}
      {q.superseded_by_id && (
        <p className="notice" role="status">
          Replaced by <Link to={`/quotes/${encodeURIComponent(q.superseded_by_id)}`}>a newer version</Link>.
        </p>
      )}
      {q.status === 'draft' ? (
        <QuoteEditor
          key={q.updated_at}
          quote={q}
          customerId={q.customer_id}
          defaultCurrency={q.currency}
          saveLabel="Save draft"
          onSave={async (body) => void (await quotesApi.update(q.id, body), toast('Draft saved.'), quote.reload())}
        />
      ) : (
        <QuoteSummary quote={q} />
      )}
      <Card title="Trail" id="quote-trail">
        {activity.error ? (
          <ErrorState error={activity.error} onRetry={activity.reload} />
        ) : !activity.data ? (
          <Loading />
        ) : activity.data.length === 0 ? (
          <p className="muted card-pad">Nothing yet: the trail starts when the quote is sent.</p>
        ) : (
          <ul className="card-pad trail">
            {activity.data.map((a) => (
              <li key={a.id}>
                <strong>{a.kind}</strong> {formatDateTime(a.at)}
                {a.detail ? ` · ${a.detail}` : ''}
                {a.ip ? (
                  <span className="muted small">
                    {' '}
                    · from {a.ip}
                    {a.user_agent ? `, ${a.user_agent}` : ''}
                  </span>
                ) : null}
                {a.pdf_sha256 && a.kind === 'accepted' ? (
                  <span className="muted small">
                    {' '}
                    · PDF SHA-256 <code>{a.pdf_sha256}</code>
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}

function QuoteSummary({ quote: q }: { quote: Quote }) {
  const m = (n: number) => formatMoney(n, q.currency);
  return (
    <Card title="Lines" id="quote-summary">
      <table className="table table-compact">
        <caption className="sr-only">Lines of the quote</caption>
        <thead>
          <tr>
            <th scope="col">Description</th>
            <th scope="col" className="num">
              Quantity
            </th>
            <th scope="col" className="num">
              Unit price
            </th>
            <th scope="col" className="num">
              Discount
            </th>
            <th scope="col" className="num">
              Tax
            </th>
            <th scope="col" className="num">
              Amount
            </th>
          </tr>
        </thead>
        <tbody>
          {q.lines.map((l) => (
            <tr key={l.id}>
              <td>{l.name}</td>
              <td className="num">{l.quantity}</td>
              <td className="num">{m(l.unit_price)}</td>
              <td className="num">{l.discount_percent ? `${l.discount_percent}%` : ''}</td>
              <td className="num">{l.tax_rate ? `${l.tax_rate}%` : ''}</td>
              <td className="num">{m(l.net ?? 0)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="card-pad quote-totals">
        <div>
          <span>Subtotal</span>
          <span>{m(q.subtotal)}</span>
        </div>
        {q.discount_total > 0 && (
          <div>
            <span>Discount ({q.discount_percent}%)</span>
            <span>-{m(q.discount_total)}</span>
          </div>
        )}
        <div>
          <span>Tax</span>
          <span>{m(q.tax_total)}</span>
        </div>
        <div className="quote-total">
          <span>Total</span>
          <span>{m(q.total)}</span>
        </div>
        {q.accepted_at && (
          <p className="muted small">
            Accepted by {q.accepted_by} on {formatDateTime(q.accepted_at)}; PDF SHA-256 <code>{q.accepted_pdf_sha256}</code>
          </p>
        )}
        {q.declined_at && (
          <p className="muted small">
            Declined on {formatDateTime(q.declined_at)}
            {q.decline_reason ? `: ${q.decline_reason}` : ''}
          </p>
        )}
        {q.order_id && <p className="muted small">Order {q.order_id} and a follow-up task were created.</p>}
      </div>
    </Card>
  );
}
