import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { auth, onUnauthorized, setCsrfToken } from './lib/api';
import { resetCustomFields } from './lib/fields';

export type SessionStatus = 'loading' | 'needs_setup' | 'signed_out' | 'signed_in' | 'unreachable';

interface SessionValue {
  status: SessionStatus;
  error: unknown;
  signedIn: (csrf: string) => void;
  signOut: () => Promise<void>;
  /** After the session ended on the server (password changed, expired). */
  ended: (message?: string) => void;
  notice: string | null;
  recheck: () => void;
}

const SessionContext = createContext<SessionValue | null>(null);

export function useSession(): SessionValue {
  const v = useContext(SessionContext);
  if (!v) throw new Error('useSession outside SessionProvider');
  return v;
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<SessionStatus>('loading');
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [tick, setTick] = useState(0);

  useEffect(() => {
    let cancelled = false;
    auth.status().then(
      (s) => {
        if (cancelled) return;
        setCsrfToken(s.csrf_token);
        setStatus(s.needs_setup ? 'needs_setup' : s.signed_in ? 'signed_in' : 'signed_out');
      },
      (e) => {
        if (cancelled) return;
        setError(e);
        setStatus('unreachable');
      },
    );
    return () => {
      cancelled = true;
    };
  }, [tick]);

  const ended = useCallback((message?: string) => {
    setCsrfToken(null);
    resetCustomFields();
    setNotice(message ?? null);
    setStatus('signed_out');
  }, []);

  useEffect(() => onUnauthorized(() => ended('Your session ended. Please sign in again.')), [ended]);

  const value: SessionValue = {
    status,
    error,
    notice,
    signedIn: (csrf) => {
      setCsrfToken(csrf);
      setNotice(null);
      setStatus('signed_in');
    },
    signOut: async () => {
      try {
        await auth.logout();
      } finally {
        ended('You are signed out.');
      }
    },
    ended,
    recheck: () => {
      setStatus('loading');
      setTick((t) => t + 1);
    },
  };
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
