import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Badge, Button, Card, EmptyState, ErrorState, FormError, Loading, PageHeader } from '../components/ui';
import { ApiError } from '../lib/api';
import { formatShortDate } from '../lib/format';
import { useDocumentTitle, useLocalStorage } from '../lib/hooks';
import { Link } from '../lib/router';
import { chatApi, chime, useChatStream, useConversation, useConversations, useSites, type ChatPush } from './hooks';
import type { ChatMessage } from './types';
import './chat.css';

const time = (iso: string) => new Date(iso).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });

/** Live chats from the website widget: new chats and messages arrive as they are written. */
export function ChatPage() {
  useDocumentTitle('Live chat');
  const [status, setStatus] = useState('open');
  const [version, setVersion] = useState(0);
  const [selected, setSelected] = useState<string | null>(null);
  const [sound, setSound] = useLocalStorage('rapport.chat.sound', true);
  const [notify, setNotify] = useLocalStorage('rapport.chat.notify', false);
  const [live, setLive] = useState<ChatMessage[]>([]);
  const list = useConversations(status, version);
  const conversation = useConversation(selected);
  const selectedRef = useRef(selected);
  selectedRef.current = selected;

  useChatStream((push: ChatPush) => {
    if (push.type === 'conversation') {
      setVersion((v) => v + 1);
      if (sound) chime();
      if (notify && 'Notification' in window && Notification.permission === 'granted') new Notification('New chat', { body: push.message?.body ?? '' });
      return;
    }
    if (push.message && push.conversation_id === selectedRef.current) setLive((prev) => (prev.some((m) => m.id === push.message!.id) ? prev : [...prev, push.message!]));
    else if (push.message?.direction === 'in') {
      setVersion((v) => v + 1);
      if (sound) chime();
    }
  });
  useEffect(() => setLive([]), [selected, conversation.data]);

  const askNotify = async (on: boolean) => {
    if (on && 'Notification' in window && Notification.permission === 'default') await Notification.requestPermission();
    setNotify(on);
  };

  return (
    <div className="page page-wide">
      <PageHeader title="Live chat" subtitle="Chats from the widget on your website. Visitors see you online while this page is open." />
      <div className="toolbar chat-options">
        <select aria-label="Status" value={status} onChange={(e) => setStatus(e.target.value)}>
          <option value="open">Open chats</option>
          <option value="closed">Resolved chats</option>
          <option value="">All chats</option>
        </select>
        <label>
          <input type="checkbox" checked={sound} onChange={(e) => setSound(e.target.checked)} /> Sound on new chats
        </label>
        <label>
          <input type="checkbox" checked={notify} onChange={(e) => void askNotify(e.target.checked)} /> Desktop notifications
        </label>
      </div>
      <div className="chat-layout">
        <nav aria-label="Chats" className="chat-list">
          {list.error ? (
            <ErrorState error={list.error} onRetry={list.reload} />
          ) : !list.data ? (
            <Loading />
          ) : list.data.data.length === 0 ? (
            <EmptyState icon="note" title="No chats">
              Add the widget to your site below.
            </EmptyState>
          ) : (
            <ul>
              {list.data.data.map((c) => (
                <li key={c.id}>
                  <button type="button" className={c.id === selected ? 'active' : ''} aria-current={c.id === selected ? 'true' : undefined} onClick={() => setSelected(c.id)}>
                    <strong>{c.name ?? c.email ?? 'Visitor'}</strong>
                    <span className="muted small">
                      {formatShortDate(c.last_message_at)} {time(c.last_message_at)}
                    </span>
                    {c.visitor_online && <Badge tone="success">online</Badge>}
                    {c.status === 'closed' && <Badge>resolved</Badge>}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </nav>
        <section className="chat-thread" aria-label="Conversation">
          {!selected ? (
            <p className="muted">Pick a chat.</p>
          ) : conversation.error ? (
            <ErrorState error={conversation.error} onRetry={conversation.reload} />
          ) : !conversation.data ? (
            <Loading />
          ) : (
            <Thread
              key={selected}
              data={conversation.data}
              live={live}
              onChanged={() => {
                conversation.reload();
                setVersion((v) => v + 1);
              }}
            />
          )}
        </section>
      </div>
      <SitesCard />
    </div>
  );
}

function Thread({ data, live, onChanged }: { data: NonNullable<ReturnType<typeof useConversation>['data']>; live: ChatMessage[]; onChanged: () => void }) {
  const [text, setText] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState<ChatMessage[]>([]);
  const logRef = useRef<HTMLOListElement>(null);
  const c = data.conversation;
  const seen = new Set<string>();
  const messages = [...data.messages, ...sent, ...live].filter((m) => (seen.has(m.id) ? false : (seen.add(m.id), true))).sort((a, b) => (a.id < b.id ? -1 : 1));
  useEffect(() => {
    logRef.current?.lastElementChild?.scrollIntoView({ block: 'nearest' });
  }, [messages.length]);

  const send = async (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim()) return;
    setBusy(true);
    setError(null);
    try {
      const r = await chatApi.reply(c.id, text);
      setSent((prev) => [...prev, r.message]);
      setText('');
      if (r.emailed) setError(new Error('The visitor has left: your answer went to them by email.'));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const resolve = async () => {
    setBusy(true);
    try {
      await chatApi.resolve(c.id);
      onChanged();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <header className="chat-thread-header">
        <div>
          <h2>{c.name ?? c.email ?? 'Visitor'}</h2>
          <p className="muted small">
            {c.email ?? 'no address'} · {c.origin ?? ''} {c.customer_id && <Link to={`/customers/${encodeURIComponent(c.customer_id)}`}>Customer</Link>}
          </p>
        </div>
        {c.status === 'open' && (
          <Button onClick={() => void resolve()} busy={busy}>
            Resolve
          </Button>
        )}
      </header>
      <ol className="chat-log" ref={logRef} aria-live="polite">
        {messages.map((m) => (
          <li key={m.id} className={`chat-msg chat-${m.direction}`}>
            <span className="sr-only">{m.direction === 'in' ? 'Visitor:' : m.direction === 'out' ? 'You:' : 'Note:'}</span>
            {m.body}
            <time className="muted small" dateTime={m.created_at}>
              {time(m.created_at)}
            </time>
          </li>
        ))}
      </ol>
      <form className="chat-reply" onSubmit={(e) => void send(e)}>
        <label htmlFor="chat-reply" className="sr-only">
          Reply
        </label>
        <textarea
          id="chat-reply"
          value={text}
          maxLength={2000}
          placeholder={c.visitor_online ? 'Write an answer…' : 'The visitor is away: your answer goes by email'}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.shiftKey) {
              e.preventDefault();
              void send(e);
            }
          }}
        />
        <Button type="submit" variant="primary" busy={busy}>
          Send
        </Button>
      </form>
      <FormError error={error} />
    </>
  );
}

function SitesCard() {
  const [version, setVersion] = useState(0);
  const sites = useSites(version);
  const [name, setName] = useState('');
  const [origins, setOrigins] = useState('');
  const [error, setError] = useState<unknown>(null);
  const add = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await chatApi.createSite({
        name,
        allowed_origins: origins
          .split(/[\s,]+/)
          .map((o) => o.trim())
          .filter(Boolean),
      });
      setName('');
      setOrigins('');
      setVersion((v) => v + 1);
    } catch (err) {
      setError(err);
    }
  };
  const field = (key: string) =>
    error instanceof ApiError
      ? Object.entries(error.fields)
          .find(([k]) => k === key || k.startsWith(`${key}.`))?.[1]
          .join('; ')
      : undefined;
  return (
    <Card title="Widget on your sites" id="chat-sites">
      {sites.data?.length ? (
        <ul className="chat-sites">
          {sites.data.map((s) => (
            <li key={s.id}>
              <strong>{s.name}</strong> <span className="muted small">{s.allowed_origins.join(', ')}</span>
              <code>{`<script src="${location.origin}/chat/widget.js?key=${s.site_key}" async></script>`}</code>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">No site yet.</p>
      )}
      <form className="form-grid" onSubmit={(e) => void add(e)}>
        <label>
          Site name
          <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={200} aria-invalid={!!field('name')} />
          {field('name') && <span className="field-error">{field('name')}</span>}
        </label>
        <label>
          Allowed origins (e.g. https://www.example.com)
          <input value={origins} onChange={(e) => setOrigins(e.target.value)} required aria-invalid={!!field('allowed_origins')} />
          {field('allowed_origins') && <span className="field-error">{field('allowed_origins')}</span>}
        </label>
        <div>
          <Button type="submit" variant="primary">
            Add site
          </Button>
        </div>
      </form>
      {!(error instanceof ApiError && Object.keys(error.fields).length) && <FormError error={error} />}
    </Card>
  );
}
