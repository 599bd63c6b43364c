import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { api, isAbort, type ApiRecord, type Page } from '../lib/api';
import { displayName } from '../lib/fields';
import { formatDate, formatNumber } from '../lib/format';
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
export function useLiveSearch(query: string, search: SearchFn, delay = 90) {
  const [state, setState] = useState<{ results: SearchResult[]; loading: boolean; error: unknown; for: string }>({ results: [], loading: false, error: null, for: '' });
  const searchRef = useRef(search);
  searchRef.current = search;
  useEffect(() => {
    const q = query.trim();
    if (!q) {
      setState({ results: [], loading: false, error: null, for: '' });
      return;
    }
    setState((s) => ({ ...s, loading: true }));
    const controller = new AbortController();
    const timer = setTimeout(() => {
      searchRef.current(q, controller.signal).then(
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

/** Customers by full-text search, companies by name, orders by their id or notes. */
export const searchEverything: SearchFn = async (q, signal) => {
  const orderFilter = JSON.stringify(
    /^ord_/i.test(q) ? { field: 'id', op: 'eq', value: q } : { field: 'notes', op: 'contains', value: q },
  );
  const [customers, companies, orders] = await Promise.all([
    api.get<Page>('/api/customers', { q, limit: 6, fields: 'id,first_name,last_name,email,company,city' }, signal),
    api.get<Page>('/api/companies', { q, limit: 4, fields: 'id,name,domain,city' }, signal),
    q.length >= 3 ? api.get<Page>('/api/orders', { filter: orderFilter, limit: 4 }, signal) : Promise.resolve({ data: [], next_cursor: null } as Page),
  ]);
  return [
    ...customers.data.map((c) => ({ kind: 'customer' as const, id: c.id, title: displayName(c), detail: [c.email, c.company, c.city].filter(Boolean).join(' · '), href: `/customers/${encodeURIComponent(c.id)}` })),
    ...companies.data.map((c) => ({ kind: 'company' as const, id: c.id, title: String(c.name ?? c.id), detail: [c.domain, c.city].filter(Boolean).join(' · ') || 'Company', href: `/customers?company_id=${encodeURIComponent(c.id)}&company_name=${encodeURIComponent(String(c.name ?? ''))}` })),
    ...orders.data.map((o: ApiRecord) => ({ kind: 'order' as const, id: o.id, title: `Order ${o.id}`, detail: [formatDate(o.ordered_at), o.status, o.total != null ? `${formatNumber(o.total)} ${o.currency ?? ''}`.trim() : ''].filter(Boolean).join(' · '), href: `/customers/${encodeURIComponent(String(o.customer_id))}` })),
  ];
};

const groupTitles: Record<SearchResult['kind'], string> = { customer: 'Customers', company: 'Companies', order: 'Orders' };
const kindIcons: Record<SearchResult['kind'], IconName> = { customer: 'users', company: 'building', order: 'cart' };

/** The Ctrl+K / Cmd+K search: a combobox with results grouped by kind, arrow keys and Enter. */
export function SearchPalette({ onClose, search = searchEverything, delay = 90 }: { onClose: () => void; search?: SearchFn; delay?: number }) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const { results, loading, error, for: answered } = useLiveSearch(query, search, delay);
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
  useEffect(() => setActive(0), [results]);

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
        {q && !loading && !error && answered === q && flat.length === 0 && <p className="palette-hint">Nothing matches “{q}”.</p>}
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
