import { useEffect, useRef, useState } from 'react';
import { Badge, EmptyState, ErrorState, Loading, PageHeader } from '../components/ui';
import { useToast } from '../components/Toasts';
import { errorMessage } from '../lib/api';
import { formatMoney, relativeTime } from '../lib/format';
import { useDebounced, useDocumentTitle } from '../lib/hooks';
import { Link, navigate } from '../lib/router';
import { ticketsApi, useTicketList } from './hooks';
import { dueText, statusLabel, statusTone, typingIn } from './format';
import './tickets.css';

const views = {
  active: { label: 'Needs an answer', status: 'new,open' },
  waiting: { label: 'Waiting / snoozed', status: 'waiting,snoozed' },
  done: { label: 'Resolved / closed', status: 'resolved,closed' },
  all: { label: 'All', status: undefined },
} as const;

/**
 * The shared inbox: tickets sorted by what matters (breaching soonest first, complaints and high-value
 * customers brought forward), with filters. Keys: j/k move, Enter opens, r opens to reply, e resolves.
 */
export function InboxPage() {
  useDocumentTitle('Inbox');
  const toast = useToast();
  const [view, setView] = useState<keyof typeof views>('active');
  const [kind, setKind] = useState('');
  const [q, setQ] = useState('');
  const [breached, setBreached] = useState(false);
  const [cursor, setCursor] = useState<string | undefined>(undefined);
  const search = useDebounced(q, 250);
  const list = useTicketList({ status: views[view].status, kind: kind || undefined, q: search || undefined, breached: breached ? 'true' : undefined, limit: 50, cursor });
  const [selected, setSelected] = useState(0);
  const rows = list.data?.data ?? [];
  const tableRef = useRef<HTMLTableElement>(null);

  useEffect(() => setSelected(0), [list.data]);
  useEffect(() => {
    const onKey = async (event: KeyboardEvent) => {
      if (typingIn(event.target) || event.metaKey || event.ctrlKey || event.altKey || rows.length === 0) return;
      const current = rows[Math.min(selected, rows.length - 1)];
      if (event.key === 'j') setSelected((s) => Math.min(rows.length - 1, s + 1));
      else if (event.key === 'k') setSelected((s) => Math.max(0, s - 1));
      else if (event.key === 'Enter' || event.key === 'o') navigate(`/tickets/${encodeURIComponent(current.id)}`);
      else if (event.key === 'r') navigate(`/tickets/${encodeURIComponent(current.id)}?reply=1`);
      else if (event.key === 'e') {
        try {
          await ticketsApi.status(current.id, 'resolved');
          toast(`${current.reference} resolved`, 'success');
          list.reload();
        } catch (error) {
          toast(errorMessage(error), 'error');
        }
      } else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [rows, selected, list, toast]);
  useEffect(() => {
    tableRef.current?.querySelector<HTMLElement>(`[data-row="${selected}"]`)?.scrollIntoView?.({ block: 'nearest' });
  }, [selected]);

  return (
    <div className="page page-wide">
      <PageHeader title="Inbox" subtitle="Keys: j / k to move, Enter to open, r to reply, e to resolve." actions={<Link to="/tickets/settings">Support settings</Link>} />
      <div className="filter-bar toolbar" role="search">
        <div role="tablist" aria-label="Views" className="ticket-views">
          {(Object.keys(views) as (keyof typeof views)[]).map((v) => (
            <button key={v} role="tab" type="button" aria-selected={view === v} className={view === v ? 'active' : ''} onClick={() => (setView(v), setCursor(undefined))}>
              {views[v].label}
            </button>
          ))}
        </div>
        <input type="search" aria-label="Search subjects or a ticket number" placeholder="Subject or T-12" value={q} onChange={(e) => (setQ(e.target.value), setCursor(undefined))} />
        <select aria-label="Kind" value={kind} onChange={(e) => (setKind(e.target.value), setCursor(undefined))}>
          <option value="">Any kind</option>
          {['question', 'problem', 'complaint', 'request'].map((k) => (
            <option key={k} value={k}>
              {k}
            </option>
          ))}
        </select>
        <label className="checkbox">
          <input type="checkbox" checked={breached} onChange={(e) => (setBreached(e.target.checked), setCursor(undefined))} /> Breached only
        </label>
      </div>
      {list.error ? (
        <ErrorState error={list.error} onRetry={list.reload} />
      ) : !list.data ? (
        <Loading />
      ) : rows.length === 0 ? (
        <EmptyState icon="mail" title="Nothing here">
          Mail to your support mailbox and chats become tickets here.
        </EmptyState>
      ) : (
        <>
          <div className="table-scroll">
            <table className="table ticket-table" ref={tableRef} aria-describedby="inbox-keys">
              <caption className="sr-only" id="inbox-keys">
                Tickets; j and k move the selection
              </caption>
              <thead>
                <tr>
                  <th scope="col">Ticket</th>
                  <th scope="col">Subject</th>
                  <th scope="col">Customer</th>
                  <th scope="col">Status</th>
                  <th scope="col">Due</th>
                  <th scope="col">Last message</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((t, i) => (
                  <tr key={t.id} data-row={i} aria-selected={i === selected} className={i === selected ? 'selected' : undefined} onClick={() => setSelected(i)}>
                    <td>
                      <Link to={`/tickets/${encodeURIComponent(t.id)}`}>{t.reference}</Link>
                    </td>
                    <td>
                      {t.subject}
                      {t.kind === 'complaint' && <Badge tone="danger">complaint</Badge>}
                      {(t.priority === 'high' || t.priority === 'urgent') && <Badge tone="warning">{t.priority}</Badge>}
                    </td>
                    <td>
                      {t.customer ? t.customer.name || t.customer.email : '—'}
                      {t.customer?.clv ? <span className="muted small"> · CLV {formatMoney(t.customer.clv)}</span> : null}
                    </td>
                    <td>
                      <Badge tone={statusTone[t.status]}>{statusLabel[t.status]}</Badge>
                    </td>
                    <td className={t.breached ? 'ticket-breached' : undefined}>{dueText(t)}</td>
                    <td>{relativeTime(t.last_message_at)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {list.data.next_cursor && (
            <p>
              <button type="button" className="btn btn-secondary" onClick={() => setCursor(list.data!.next_cursor!)}>
                Next page
              </button>
            </p>
          )}
        </>
      )}
    </div>
  );
}
