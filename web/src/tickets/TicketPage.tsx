import { useEffect, useRef, useState } from 'react';
import { Badge, Button, Card, ErrorState, FormError, Loading, PageHeader } from '../components/ui';
import { useToast } from '../components/Toasts';
import { formatDateTime, formatMoney, formatNumber, formatShortDate } from '../lib/format';
import { useDocumentTitle } from '../lib/hooks';
import { stageLabels } from '../lib/insights';
import { Link, useLocation, type Params } from '../lib/router';
import { ticketsApi, useCannedReplies, useTicket } from './hooks';
import { dueText, statusLabel, statusTone, typingIn } from './format';
import type { TicketDetail, TicketMessage } from './types';
import './tickets.css';

function MessageItem({ ticketId, message }: { ticketId: string; message: TicketMessage }) {
  const who = message.direction === 'in' ? (message.from_address ?? 'Customer') : message.direction === 'out' ? 'You replied' : 'Internal note';
  // Remote images tell the sender the mail was read: only when the owner asks.
  const [images, setImages] = useState(false);
  return (
    <li className={`ticket-message ticket-message-${message.direction}`}>
      <div className="ticket-message-head">
        <strong>{who}</strong>
        {message.auto_reply && <Badge>automatic reply</Badge>}
        <span className="muted small">{formatDateTime(message.created_at)}</span>
      </div>
      {message.body_html !== null ? (
        <>
          {/* The mail's own layout, sanitised by the server and framed without scripts; the page folds its quoted part and holds back remote images. */}
          <iframe
            className="ticket-message-html"
            src={ticketsApi.messageHtmlUrl(ticketId, message.id, images)}
            sandbox="allow-popups allow-popups-to-escape-sandbox"
            referrerPolicy="no-referrer"
            title={`Message from ${who}`}
          />
          {message.remote_images && !images && (
            <Button size="sm" onClick={() => setImages(true)}>
              Load images
            </Button>
          )}
        </>
      ) : (
        <>
          <p className="ticket-message-text">{message.visible_text}</p>
          {message.folded_text && (
            <details>
              <summary>Show quoted text</summary>
              <p className="ticket-message-text muted">{message.folded_text}</p>
            </details>
          )}
        </>
      )}
      {message.attachments.length > 0 && (
        <ul className="ticket-attachments">
          {message.attachments.map((a) => (
            <li key={a.id}>
              <a href={ticketsApi.attachmentUrl(ticketId, a.id)}>{a.filename}</a> <span className="muted small">({formatNumber(Math.ceil(a.size / 1024), true)} KB)</span>
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

function ValuePanel({ context }: { context: TicketDetail['customer_context'] }) {
  const c = context.customer;
  if (!c)
    return (
      <Card title="Customer" id="ticket-customer">
        <p className="card-pad muted">No customer is linked.</p>
      </Card>
    );
  return (
    <Card title="Customer" id="ticket-customer">
      <div className="card-pad">
        <p>
          <Link to={`/customers/${encodeURIComponent(c.id)}`}>{c.name || c.email}</Link>
          {c.high_value && <Badge tone="accent">high value</Badge>}
          {c.at_risk && <Badge tone="danger">at risk</Badge>}
        </p>
        <dl className="ticket-facts">
          <dt>Stage</dt>
          <dd>{c.stage ? (stageLabels[c.stage] ?? c.stage) : '—'}</dd>
          <dt>CLV</dt>
          <dd>{c.clv === null ? '—' : formatMoney(c.clv)}</dd>
          <dt>Churn risk</dt>
          <dd>{c.churn_risk === null ? '—' : `${Math.round(c.churn_risk * 100)}%`}</dd>
        </dl>
        <h3 className="small">Open deals</h3>
        {context.open_deals.length ? (
          <ul>
            {context.open_deals.map((d) => (
              <li key={d.id}>
                <Link to={`/deals/${encodeURIComponent(d.id)}`}>{d.title}</Link> {d.value !== null && <span className="muted small">{formatMoney(d.value, d.currency)}</span>}
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted small">None</p>
        )}
        <h3 className="small">Recent orders</h3>
        {context.recent_orders.length ? (
          <ul>
            {context.recent_orders.map((o) => (
              <li key={o.id}>
                {formatShortDate(o.ordered_at)} · {formatMoney(o.total, o.currency)} <span className="muted small">{o.status}</span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted small">None</p>
        )}
        <h3 className="small">Previous tickets</h3>
        {context.previous_tickets.length ? (
          <ul>
            {context.previous_tickets.map((p) => (
              <li key={p.id}>
                <Link to={`/tickets/${encodeURIComponent(p.id)}`}>{p.reference}</Link> {p.subject} <span className="muted small">{p.status}</span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted small">None</p>
        )}
      </div>
    </Card>
  );
}

/** One ticket: the conversation with quoted text folded away, the reply box (r), resolve (e), and the customer's value beside it. */
export function TicketPage({ params }: { params: Params }) {
  const id = params.id ?? '';
  const detail = useTicket(id);
  const canned = useCannedReplies();
  const toast = useToast();
  const location = useLocation();
  const [text, setText] = useState('');
  const [cannedId, setCannedId] = useState('');
  const [mode, setMode] = useState<'reply' | 'note'>('reply');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const replyRef = useRef<HTMLTextAreaElement>(null);
  const ticket = detail.data?.ticket;
  useDocumentTitle(ticket ? `${ticket.reference} ${ticket.subject}` : 'Ticket');

  const setStatus = async (status: 'open' | 'resolved' | 'closed' | 'waiting') => {
    try {
      await ticketsApi.status(id, status);
      toast(`${ticket?.reference ?? 'Ticket'}: ${statusLabel[status]}`, 'success');
      detail.reload();
    } catch (e) {
      setError(e);
    }
  };

  useEffect(() => {
    if (location.search.get('reply') === '1') replyRef.current?.focus();
  }, [location.search, detail.data]);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (typingIn(event.target) || event.metaKey || event.ctrlKey || event.altKey) return;
      if (event.key === 'r') {
        setMode('reply');
        replyRef.current?.focus();
      } else if (event.key === 'e') void setStatus('resolved');
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  const send = async (after?: 'resolved') => {
    setBusy(true);
    setError(null);
    try {
      if (mode === 'note') await ticketsApi.note(id, text);
      else await ticketsApi.reply(id, { body_text: text, ...(cannedId ? { canned_reply_id: cannedId } : {}), ...(after ? { status: after } : {}) });
      setText('');
      setCannedId('');
      toast(mode === 'note' ? 'Note added' : 'Reply queued', 'success');
      detail.reload();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  if (detail.error) return <ErrorState error={detail.error} onRetry={detail.reload} />;
  if (!detail.data || !ticket) return <Loading />;
  return (
    <div className="page page-wide">
      <PageHeader
        title={`${ticket.reference} ${ticket.subject}`}
        subtitle={
          <>
            <Badge tone={statusTone[ticket.status]}>{statusLabel[ticket.status]}</Badge> {ticket.kind} · {ticket.priority} priority · {ticket.channel}
            {dueText(ticket) && <span className={ticket.breached ? 'ticket-breached' : undefined}> · {dueText(ticket)}</span>}
          </>
        }
        actions={
          <>
            <Link to="/tickets" className="btn btn-secondary">
              Inbox
            </Link>
            {ticket.status === 'resolved' || ticket.status === 'closed' ? (
              <Button onClick={() => setStatus('open')}>Reopen</Button>
            ) : (
              <Button variant="primary" onClick={() => setStatus('resolved')}>
                Resolve (e)
              </Button>
            )}
          </>
        }
      />
      <div className="ticket-layout">
        <div>
          <ol className="ticket-conversation" aria-label="Conversation">
            {detail.data.messages.map((m) => (
              <MessageItem key={m.id} ticketId={id} message={m} />
            ))}
          </ol>
          <Card title={mode === 'reply' ? 'Reply (r)' : 'Internal note'}>
            <div role="radiogroup" aria-label="Write" className="ticket-views">
              <button type="button" role="radio" aria-checked={mode === 'reply'} className={mode === 'reply' ? 'active' : ''} onClick={() => setMode('reply')}>
                Reply to customer
              </button>
              <button type="button" role="radio" aria-checked={mode === 'note'} className={mode === 'note' ? 'active' : ''} onClick={() => setMode('note')}>
                Internal note
              </button>
            </div>
            {mode === 'reply' && canned.data && canned.data.length > 0 && (
              <label>
                Canned reply{' '}
                <select value={cannedId} onChange={(e) => setCannedId(e.target.value)}>
                  <option value="">None</option>
                  {canned.data.map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.name}
                    </option>
                  ))}
                </select>
              </label>
            )}
            <label className="sr-only" htmlFor="ticket-reply">
              {mode === 'reply' ? 'Reply text' : 'Note text'}
            </label>
            <textarea id="ticket-reply" ref={replyRef} rows={6} value={text} onChange={(e) => setText(e.target.value)} className="ticket-reply" />
            <FormError error={error} />
            <div className="toolbar">
              <Button variant="primary" busy={busy} disabled={!text.trim() && !cannedId} onClick={() => send()}>
                {mode === 'reply' ? 'Send reply' : 'Add note'}
              </Button>
              {mode === 'reply' && (
                <Button busy={busy} disabled={!text.trim() && !cannedId} onClick={() => send('resolved')}>
                  Send and resolve
                </Button>
              )}
            </div>
          </Card>
        </div>
        <aside>
          <ValuePanel context={detail.data.customer_context} />
        </aside>
      </div>
    </div>
  );
}
