import { useState } from 'react';
import './messages.css';
import { Badge, Card, EmptyState, ErrorState, Loading, PageHeader } from '../components/ui';
import { formatDateTime } from '../lib/format';
import { useDocumentTitle } from '../lib/hooks';
import { Link, type Params } from '../lib/router';
import { MailNotSetUp } from './MailNotSetUp';
import { useMessage, useMessages } from './messages-hooks';
import type { MailBounce, MessageStatus } from './types';

const statuses: MessageStatus[] = ['queued', 'sending', 'sent', 'failed', 'suppressed', 'bounced_soft', 'bounced_hard', 'complained'];
const tone = (s: MessageStatus) => (s === 'sent' ? 'success' : s === 'queued' || s === 'sending' ? 'neutral' : s === 'bounced_soft' || s === 'suppressed' ? 'warning' : 'danger');
const label = (s: MessageStatus) => s.replace('_', ' ');

/** Sent email: every message with its status, newest first. */
export function MessagesPage() {
  useDocumentTitle('Sent email');
  const [status, setStatus] = useState<MessageStatus | ''>('');
  const messages = useMessages(status);
  return (
    <div className="page page-wide">
      <PageHeader title="Sent email" subtitle="Every message with its delivery status; bounces and complaints show the report received" />
      <MailNotSetUp />
      <Card>
        <div className="field">
          <label htmlFor="message-status">Status</label>
          <select id="message-status" value={status} onChange={(e) => setStatus(e.target.value as MessageStatus | '')}>
            <option value="">All</option>
            {statuses.map((s) => (
              <option key={s} value={s}>
                {label(s)}
              </option>
            ))}
          </select>
        </div>
        {messages.loading && !messages.data ? (
          <Loading />
        ) : messages.error ? (
          <ErrorState error={messages.error} onRetry={messages.reload} />
        ) : !messages.data?.length ? (
          <EmptyState icon="mail" title="No messages" />
        ) : (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">To</th>
                <th scope="col">Subject</th>
                <th scope="col">Purpose</th>
                <th scope="col">Status</th>
                <th scope="col">Queued</th>
              </tr>
            </thead>
            <tbody>
              {messages.data.map((m) => (
                <tr key={m.id}>
                  <td>{m.to_address}</td>
                  <td>
                    <Link to={`/mail/messages/${encodeURIComponent(m.id)}`}>{m.subject || '(no subject)'}</Link>
                  </td>
                  <td>{m.purpose}</td>
                  <td>
                    <Badge tone={tone(m.status)}>{label(m.status)}</Badge>
                  </td>
                  <td>{formatDateTime(m.created_at)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
    </div>
  );
}

function BounceReport({ bounce }: { bounce: MailBounce }) {
  return (
    <li data-testid="bounce-report">
      <p>
        <Badge tone={bounce.kind === 'soft' ? 'warning' : 'danger'}>{bounce.kind === 'complaint' ? 'complaint' : `${bounce.kind} bounce`}</Badge> {bounce.status ?? ''} · received{' '}
        {formatDateTime(bounce.received_at)} ({bounce.source})
      </p>
      {bounce.diagnostic && (
        <p>
          Server answer: <code>{bounce.diagnostic}</code>
        </p>
      )}
      {bounce.reason && <p className="muted small">{bounce.reason}</p>}
      {bounce.raw !== null ? (
        <details>
          <summary>Raw report ({Math.ceil(bounce.raw_size / 1024)} KB, kept 30 days)</summary>
          <pre className="raw-mail">{bounce.raw}</pre>
        </details>
      ) : (
        <p className="muted small">The raw report was removed on {formatDateTime(bounce.raw_purged_at)} (kept 30 days).</p>
      )}
    </li>
  );
}

/** One message: what was sent, its status and the bounce or complaint reports about it. */
export function MessagePage({ params }: { params: Params }) {
  const state = useMessage(params.id);
  useDocumentTitle(state.data?.message.subject ?? 'Message');
  if (state.loading && !state.data) return <Loading />;
  if (state.error) return <ErrorState error={state.error} onRetry={state.reload} />;
  if (!state.data) return null;
  const { message: m, bounces } = state.data;
  return (
    <div className="page page-wide">
      <PageHeader title={m.subject || '(no subject)'} subtitle={`To ${m.to_address} · ${m.purpose}`} />
      <Card title="Delivery">
        <p>
          <Badge tone={tone(m.status)}>{label(m.status)}</Badge> queued {formatDateTime(m.created_at)}
          {m.sent_at && <> · sent {formatDateTime(m.sent_at)}</>}
          {m.opened_at && <> · opened {formatDateTime(m.opened_at)}</>}
          {m.clicked_at && <> · clicked {formatDateTime(m.clicked_at)}</>}
        </p>
        {m.error && <p className="notice">{m.error}</p>}
        {m.provider_response && (
          <p className="muted small">
            Server: <code>{m.provider_response}</code>
          </p>
        )}
        {m.customer_id && <Link to={`/customers/${encodeURIComponent(m.customer_id)}`}>Open the customer</Link>}
      </Card>
      <Card title="Bounces and complaints">
        {bounces.length === 0 ? (
          <p className="muted">No report received about this message.</p>
        ) : (
          <ul className="plain-list">
            {bounces.map((b) => (
              <BounceReport key={b.id} bounce={b} />
            ))}
          </ul>
        )}
      </Card>
      <Card title="Text">
        <pre className="raw-mail">{m.text_body}</pre>
      </Card>
    </div>
  );
}
