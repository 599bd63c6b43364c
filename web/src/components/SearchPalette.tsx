import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { api, isAbort, type ApiRecord, type Page } from '../lib/api';
import { displayName } from '../lib/fields';
import { formatDate, formatMoney } from '../lib/format';
import { navigate } from '../lib/router';
import { Icon, type IconName } from './Icon';
import { Spinner } from './ui';

export interface SearchResult {
  kind: 'customer' | 'company' | 'order';
  id: string;
  title: string;
  detail: string;
  href: string;
}

export type SearchFn = (q: string, signal: AbortSignal) => Promise<SearchResult[]>;

/**
 * Runs `search` for what was typed once typing pauses for `delay` ms. A newer query aborts the
 * request of the older one, so a slow stale answer never overwrites a fresh one.
 */
function useLiveSearch(query: string, search: SearchFn | undefined, delay = 30) {
  const [state, setState] = useState<{ results: SearchResult[]; loading: boolean; error: unknown; for: string }>({ results: [], loading: false, error: null, for: '' });
  const searchRef = useRef(search);
  searchRef.current = search;
  useEffect(() => {
    const q = query.trim();
    if (!q || !searchRef.current) {
      setState({ results: [], loading: false, error: null, for: '' });
      return;
    }
    setState((s) => ({ ...s, loading: true }));
    const controller = new AbortController();
    const timer = setTimeout(() => {
      searchRef.current!(q, controller.signal).then(
        (results) => {
          if (!controller.signal.aborted) setState({ results, loading: false, error: null, for: q });
        },
        (error) => {
          if (!controller.signal.aborted && !isAbort(error)) setState({ results: [], loading: false, error, for: q });
        },
      );
    }, delay);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query, delay]);
  return state;
}

const noOrders: Page = { data: [], next_cursor: null };
const orderId = /^ord_/i;

function orderResult(o: ApiRecord): SearchResult {
  return {
    kind: 'order',
    id: o.id,
    title: `Order ${o.id}`,
    detail: [formatDate(o.ordered_at), o.status, o.total != null ? formatMoney(o.total, o.currency as string | null) : ''].filter(Boolean).join(' · '),
    href: `/customers/${encodeURIComponent(String(o.customer_id))}`,
  };
}

/** Customers by full-text search, companies by name, an order by its id: answers fast on any amount of data. */
const searchEverything: SearchFn = async (q, signal) => {
  const [customers, companies, orders] = await Promise.all([
    api.get<Page>('/api/customers', { q, limit: 6, fields: 'id,first_name,last_name,email,company,city' }, signal),
    api.get<Page>('/api/companies', { q, limit: 4, fields: 'id,name,domain,city' }, signal),
    orderId.test(q) ? api.get<Page>('/api/orders', { filter: JSON.stringify({ field: 'id', op: 'eq', value: q }), limit: 4 }, signal) : Promise.resolve(noOrders),
  ]);
  return [
    ...customers.data.map((c) => ({
      kind: 'customer' as const,
      id: c.id,
      title: displayName(c),
      detail: [c.email, c.company, c.city].filter(Boolean).join(' · '),
      href: `/customers/${encodeURIComponent(c.id)}`,
    })),
    ...companies.data.map((c) => ({
      kind: 'company' as const,
      id: c.id,
      title: String(c.name ?? c.id),
      detail: [c.domain, c.city].filter(Boolean).join(' · ') || 'Company',
      href: `/customers?company_id=${encodeURIComponent(c.id)}&company_name=${encodeURIComponent(String(c.name ?? ''))}`,
    })),
    ...orders.data.map(orderResult),
  ];
};

/**
 * Orders whose notes contain the text. Notes have no search index, so this reads every order: it runs
 * only once typing has paused, and its results join the fast ones when they come.
 */
const searchOrderNotes: SearchFn = async (q, signal) => {
  if (q.length < 3 || orderId.test(q)) return [];
  const orders = await api.get<Page>('/api/orders', { filter: JSON.stringify({ field: 'notes', op: 'contains', value: q }), limit: 4 }, signal);
  return orders.data.map(orderResult);
};

const groupTitles: Record<SearchResult['kind'], string> = { customer: 'Customers', company: 'Companies', order: 'Orders' };
const kindIcons: Record<SearchResult['kind'], IconName> = { customer: 'users', company: 'building', order: 'cart' };

/** The Ctrl+K / Cmd+K search: a combobox with results grouped by kind, arrow keys and Enter. */
export function SearchPalette({
  onClose,
  search = searchEverything,
  delay = 30,
  later = search === searchEverything ? searchOrderNotes : undefined,
  laterDelay = 400,
}: {
  onClose: () => void;
  search?: SearchFn;
  delay?: number;
  /** A slow search that runs only once typing has paused for `laterDelay` ms; its results are added to the fast ones. */
  later?: SearchFn;
  laterDelay?: number;
}) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const fast = useLiveSearch(query, search, delay);
  const slow = useLiveSearch(query, later, laterDelay);
  const { loading, error, for: answered } = fast;
  const results = useMemo(() => {
    const q = query.trim();
    if (fast.for !== q || slow.for !== q || !slow.results.length) return fast.results;
    const seen = new Set(fast.results.map((r) => `${r.kind}-${r.id}`));
    return [...fast.results, ...slow.results.filter((r) => !seen.has(`${r.kind}-${r.id}`))];
  }, [query, fast.results, fast.for, slow.results, slow.for]);
  const listId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const dialogRef = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const d = dialogRef.current;
    const previous = document.activeElement as HTMLElement | null;
    if (d && !d.open) d.showModal?.();
    inputRef.current?.focus();
    return () => previous?.focus?.();
  }, []);
  useEffect(() => setActive(0), [fast.results]);

  const grouped = useMemo(() => {
    const order: SearchResult['kind'][] = ['customer', 'company', 'order'];
    return order.map((k) => ({ kind: k, items: results.filter((r) => r.kind === k) })).filter((g) => g.items.length);
  }, [results]);
  const flat = grouped.flatMap((g) => g.items);

  function open(r: SearchResult) {
    onClose();
    navigate(r.href);
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setActive((a) => (flat.length ? (a + 1) % flat.length : 0));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => (flat.length ? (a - 1 + flat.length) % flat.length : 0));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      if (flat[active]) open(flat[active]);
    }
  }

  const q = query.trim();
  return (
    <dialog
      ref={dialogRef}
      className="dialog palette"
      aria-label="Search"
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      onMouseDown={(e) => {
        if (e.target === dialogRef.current) onClose();
      }}
    >
      <div className="palette-input">
        <Icon name="search" size={20} />
        <input
          ref={inputRef}
          type="text"
          role="combobox"
          aria-label="Search customers, companies and orders"
          aria-expanded={flat.length > 0}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={flat[active] ? `${listId}-${active}` : undefined}
          placeholder="Search customers, companies, orders…"
          autoComplete="off"
          spellCheck={false}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={onKeyDown}
        />
        {loading && <Spinner small />}
        <kbd className="kbd">Esc</kbd>
      </div>
      <div className="palette-results">
        <ul id={listId} role="listbox" aria-label="Results">
          {grouped.map((g) => (
            <li key={g.kind} role="presentation">
              <div className="palette-group" role="presentation">
                {groupTitles[g.kind]}
              </div>
              <ul role="group" aria-label={groupTitles[g.kind]}>
                {g.items.map((r) => {
                  const i = flat.indexOf(r);
                  return (
                    <li
                      key={`${r.kind}-${r.id}`}
                      id={`${listId}-${i}`}
                      role="option"
                      aria-selected={i === active}
                      className={`palette-item${i === active ? ' active' : ''}`}
                      onMouseMove={() => setActive(i)}
                      onClick={() => open(r)}
                    >
                      <span className="palette-icon">
                        <Icon name={kindIcons[r.kind]} size={16} />
                      </span>
                      <span className="palette-text">
                        <span className="palette-title">{r.title}</span>
                        {r.detail && <span className="palette-detail">{r.detail}</span>}
                      </span>
                    </li>
                  );
                })}
              </ul>
            </li>
          ))}
        </ul>
        {!q && <p className="palette-hint">Type a name, email, phone, company or order id.</p>}
        {q && !loading && !error && answered === q && flat.length === 0 && !(later && slow.loading) && <p className="palette-hint">Nothing matches “{q}”.</p>}
        {q.length >= 3 && later && slow.loading && !loading && <p className="palette-hint palette-later">Searching order notes…</p>}
        {error ? (
          <p className="palette-hint palette-error" role="alert">
            Search failed: {error instanceof Error ? error.message : 'unknown error'}
          </p>
        ) : null}
      </div>
      <div className="palette-footer" aria-hidden="true">
        <span>
          <kbd className="kbd">↑</kbd>
          <kbd className="kbd">↓</kbd> to move
        </span>
        <span>
          <kbd className="kbd">Enter</kbd> to open
        </span>
      </div>
    </dialog>
  );
}
