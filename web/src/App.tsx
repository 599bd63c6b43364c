import { createElement, useEffect, useState } from 'react';
import { Icon } from './components/Icon';
import { SearchPalette } from './components/SearchPalette';
import { ToastProvider } from './components/Toasts';
import { Button, ErrorState, Loading } from './components/ui';
import { setBusinessCurrency } from './lib/format';
import { Link, matchPath, navigate, useLocation, useNavigationKey } from './lib/router';
import { useBusinessSettings } from './lib/shared-data';
import { AuthPage } from './pages/AuthPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { navSections, routes } from './routes';
import { SessionProvider, useSession } from './session';

export function App() {
  return (
    <SessionProvider>
      <ToastProvider>
        <Gate />
      </ToastProvider>
    </SessionProvider>
  );
}

function Gate() {
  const session = useSession();
  if (session.status === 'loading') return <Loading label="Opening Rapport…" />;
  if (session.status === 'unreachable')
    return (
      <main className="auth-page">
        <ErrorState error={session.error} title="Rapport is not reachable" onRetry={session.recheck} />
      </main>
    );
  if (session.status === 'needs_setup') return <AuthPage mode="setup" />;
  if (session.status === 'signed_out') return <AuthPage mode="login" />;
  return <Shell />;
}

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

function Shell() {
  const { pathname, href } = useLocation();
  const navigationKey = useNavigationKey();
  // Amounts are formatted in the business currency from the first render that knows it.
  const business = useBusinessSettings();
  if (business.data) setBusinessCurrency(business.data.currency);
  const session = useSession();
  const [searchOpen, setSearchOpen] = useState(false);
  const [menuOpen, setMenuOpen] = useState(false);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'k') {
        e.preventDefault();
        setSearchOpen(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  useEffect(() => setMenuOpen(false), [pathname]);

  let page = <NotFoundPage />;
  for (const r of routes) {
    const params = matchPath(r.path, pathname);
    if (params) {
      const Page = r.component;
      // Keyed by navigation, so following a link to the same page with a new query starts fresh, while a
      // page that only mirrors its state into the address (replaceQuery) keeps it.
      page = <Page key={`${navigationKey}:${href.split('?')[0]}`} params={params} />;
      break;
    }
  }
  const current = (path: string) => (path === '/' ? pathname === '/' : pathname === path || pathname.startsWith(path + '/'));

  return (
    <div className={`shell${menuOpen ? ' menu-open' : ''}`}>
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <aside className="sidebar" aria-label="Navigation">
        <div className="sidebar-top">
          <Link to="/" className="brand">
            <span className="brand-mark" aria-hidden="true">
              R
            </span>
            <span className="brand-name">Rapport</span>
          </Link>
          <button type="button" className="icon-btn menu-btn" aria-label="Menu" aria-expanded={menuOpen} aria-controls="primary-nav" onClick={() => setMenuOpen((o) => !o)}>
            <Icon name={menuOpen ? 'x' : 'menu'} />
          </button>
        </div>
        <button type="button" className="search-trigger" onClick={() => setSearchOpen(true)} aria-keyshortcuts={isMac ? 'Meta+K' : 'Control+K'}>
          <Icon name="search" size={16} />
          <span>Search</span>
          <kbd className="kbd">{isMac ? '⌘' : 'Ctrl'} K</kbd>
        </button>
        <nav id="primary-nav" className="nav" aria-label="Main">
          {[undefined, ...navSections].map((section) => {
            const links = routes.filter((r) => r.nav && r.nav.section === section);
            if (links.length === 0) return null;
            return (
              <div key={section ?? 'top'} className="nav-group" role={section ? 'group' : undefined} aria-labelledby={section ? `nav-${section}` : undefined}>
                {section && (
                  <span className="nav-section" id={`nav-${section}`}>
                    {section}
                  </span>
                )}
                {links.map((r) => (
                  <Link key={r.path} to={r.path} className={`nav-link${current(r.path) ? ' active' : ''}`} aria-current={current(r.path) ? 'page' : undefined}>
                    <Icon name={r.nav!.icon} />
                    {r.nav!.label}
                    {r.nav!.badge ? createElement(r.nav!.badge) : null}
                  </Link>
                ))}
              </div>
            );
          })}
          <div className="nav-spacer" />
          <Button variant="ghost" className="nav-link signout" icon="logout" onClick={() => void session.signOut().then(() => navigate('/', { replace: true }))}>
            Sign out
          </Button>
        </nav>
      </aside>
      <main id="main" className="main" tabIndex={-1}>
        {page}
      </main>
      {searchOpen && <SearchPalette onClose={() => setSearchOpen(false)} />}
    </div>
  );
}
