import { useCallback, useEffect, useRef, useState } from 'react';
import { isAbort } from './api';

export interface AsyncState<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => void;
  setData: (update: (prev: T | undefined) => T | undefined) => void;
}

/** Runs a request when its dependencies change, cancelling the previous one. */
export function useAsync<T>(run: (signal: AbortSignal) => Promise<T>, deps: unknown[]): AsyncState<T> {
  const [data, setDataState] = useState<T | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);
  const runRef = useRef(run);
  runRef.current = run;
  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    setError(undefined);
    runRef.current(controller.signal).then(
      (value) => {
        if (controller.signal.aborted) return;
        setDataState(value);
        setLoading(false);
      },
      (err) => {
        if (controller.signal.aborted || isAbort(err)) return;
        setError(err);
        setLoading(false);
      },
    );
    return () => controller.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  const setData = useCallback((update: (prev: T | undefined) => T | undefined) => setDataState(update), []);
  return { data, error, loading, reload, setData };
}

export function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return debounced;
}

/** True once `flag` has stayed true for `ms`: a busy look for slow loads only, so quick ones do not flicker. */
export function useDelayedFlag(flag: boolean, ms: number): boolean {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    if (!flag) {
      setShown(false);
      return;
    }
    const t = setTimeout(() => setShown(true), ms);
    return () => clearTimeout(t);
  }, [flag, ms]);
  return flag && shown;
}

export function useLocalStorage<T>(key: string, initial: T): [T, (v: T) => void] {
  const [value, setValue] = useState<T>(() => {
    try {
      const raw = window.localStorage.getItem(key);
      return raw ? (JSON.parse(raw) as T) : initial;
    } catch {
      return initial;
    }
  });
  const save = useCallback(
    (v: T) => {
      setValue(v);
      try {
        window.localStorage.setItem(key, JSON.stringify(v));
      } catch {
        // storage full or disabled: keep the choice for this visit only
      }
    },
    [key],
  );
  return [value, save];
}

export function useDocumentTitle(title: string) {
  useEffect(() => {
    document.title = title ? `${title} · Rapport` : 'Rapport';
  }, [title]);
}

interface SharedEntry {
  value?: unknown;
  error?: unknown;
  promise?: Promise<unknown>;
  fetcher?: () => Promise<unknown>;
  at: number;
  listeners: Set<() => void>;
}
const shared = new Map<string, SharedEntry>();

/**
 * Data several pages read (segments, insight settings): fetched once, kept for `maxAgeMs`, shared by
 * every component that asks, refreshed in the background when stale. `invalidateShared` forces a reload.
 */
export function useShared<T>(key: string, fetcher: () => Promise<T>, maxAgeMs = 60_000): { data: T | undefined; error: unknown; loading: boolean; reload: () => void } {
  const [, setTick] = useState(0);
  let entry = shared.get(key);
  if (!entry) {
    entry = { at: 0, listeners: new Set() };
    shared.set(key, entry);
  }
  const e = entry;
  e.fetcher = fetcher;
  const load = useCallback(() => loadShared(e), [e]);
  useEffect(() => {
    const l = () => setTick((t) => t + 1);
    e.listeners.add(l);
    if (!e.promise && Date.now() - e.at > maxAgeMs) load();
    return () => {
      e.listeners.delete(l);
    };
  }, [e, load, maxAgeMs]);
  return { data: e.value as T | undefined, error: e.value === undefined ? e.error : undefined, loading: e.value === undefined && e.error === undefined, reload: load };
}

function loadShared(e: SharedEntry) {
  if (e.promise || !e.fetcher) return;
  e.promise = e.fetcher().then(
    (v) => {
      e.value = v;
      e.error = undefined;
      e.at = Date.now();
    },
    (err) => {
      e.error = err;
      e.at = Date.now();
    },
  );
  void e.promise.finally(() => {
    e.promise = undefined;
    e.listeners.forEach((l) => l());
  });
}

/** Marks shared data stale; what is on screen reloads now, the rest on its next use. */
export function invalidateShared(prefix: string) {
  for (const [k, e] of shared)
    if (k.startsWith(prefix)) {
      e.at = 0;
      if (e.listeners.size) loadShared(e);
    }
}

/** Calls `fn` every `ms` while `active`, stopping on unmount. */
export function useInterval(fn: () => void, ms: number, active: boolean) {
  const ref = useRef(fn);
  ref.current = fn;
  useEffect(() => {
    if (!active) return;
    const t = setInterval(() => ref.current(), ms);
    return () => clearInterval(t);
  }, [ms, active]);
}
