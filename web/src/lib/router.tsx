import { useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent, type ReactNode } from 'react';

/** A small history-API router: path patterns with :params, links and programmatic navigation. */

const listeners = new Set<() => void>();
/** Counts navigations (links, back and forward), not the quiet address updates of `replaceQuery`. */
let navigations = 0;
const snapshot = () => window.location.pathname + window.location.search;
/** The path and query the app shows: a link to `#section` of the same page is no navigation. */
let shown = typeof window === 'undefined' ? '' : snapshot();
const notify = () => {
  shown = snapshot();
  navigations++;
  listeners.forEach((l) => l());
};

// Back, forward, and links to a fragment fire popstate; only a change of page starts one afresh, so the
// browser's own scroll to `#section` is kept (a remount reloaded the page and lost it).
if (typeof window !== 'undefined') window.addEventListener('popstate', () => snapshot() !== shown && notify());

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function navigate(to: string, options: { replace?: boolean } = {}) {
  if (to === snapshot()) return;
  if (options.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  notify();
  if (!options.replace) window.scrollTo(0, 0);
}

/**
 * Writes `search` into the address without a navigation, so the page keeps its state (and the focus)
 * while the address stays bookmarkable: a search box mirrored as ?q=.
 */
export function replaceQuery(search: URLSearchParams) {
  const query = search.toString();
  window.history.replaceState(window.history.state, '', window.location.pathname + (query ? `?${query}` : ''));
  shown = snapshot();
}

/** A number that changes at each navigation: the key that starts a page afresh. */
export function useNavigationKey(): number {
  return useSyncExternalStore(
    subscribe,
    () => navigations,
    () => 0,
  );
}

/** The current path and query, re-rendering on navigation. */
export function useLocation(): { pathname: string; search: URLSearchParams; href: string } {
  const href = useSyncExternalStore(subscribe, snapshot, () => '/');
  const url = new URL(href, 'http://local');
  return { pathname: url.pathname, search: url.searchParams, href };
}

export type Params = Record<string, string>;

/** Matches "/customers/:id" against "/customers/cus_1" and returns { id: "cus_1" }. */
export function matchPath(pattern: string, pathname: string): Params | null {
  const a = pattern.split('/').filter(Boolean);
  const b = pathname.replace(/\/+$/, '').split('/').filter(Boolean);
  if (a.length !== b.length) return null;
  const params: Params = {};
  for (let i = 0; i < a.length; i++) {
    if (a[i].startsWith(':')) {
      try {
        params[a[i].slice(1)] = decodeURIComponent(b[i]);
      } catch {
        return null;
      }
    } else if (a[i] !== b[i]) return null;
  }
  return params;
}

type LinkProps = AnchorHTMLAttributes<HTMLAnchorElement> & { to: string; children: ReactNode };

export function Link({ to, onClick, children, ...rest }: LinkProps) {
  const handle = (e: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(e);
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey || rest.target) return;
    e.preventDefault();
    navigate(to);
  };
  return (
    <a href={to} onClick={handle} {...rest}>
      {children}
    </a>
  );
}
