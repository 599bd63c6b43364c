/**
 * The typed client for the Rapport REST API. It sends the session cookie, adds the CSRF header to
 * every state-changing request and turns the API's error shape into ApiError exceptions.
 */

export type FieldErrors = Record<string, string[]>;

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: FieldErrors;

  constructor(status: number, code: string, message: string, fields: FieldErrors = {}) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fields = fields;
  }

  /** The message for one field, if the server named it. */
  fieldMessage(name: string): string | undefined {
    return this.fields[name]?.join('; ');
  }
}

export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

/** A message fit to show a person, whatever was thrown. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error) return error.message;
  return 'Something went wrong.';
}

export type QueryValue = string | number | boolean | null | undefined;
export type Query = Record<string, QueryValue | QueryValue[]>;

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
}

let csrfToken: string | null = null;
const unauthorizedListeners = new Set<() => void>();

export function setCsrfToken(token: string | null) {
  csrfToken = token;
}

/** Called when a request answers 401: the session ended (expired, signed out elsewhere). */
export function onUnauthorized(listener: () => void): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

export function buildUrl(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, raw] of Object.entries(query)) {
    const values = Array.isArray(raw) ? raw : [raw];
    for (const v of values) if (v !== undefined && v !== null && v !== '') params.append(key, String(v));
  }
  const qs = params.toString();
  return qs ? `${path}${path.includes('?') ? '&' : '?'}${qs}` : path;
}

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (!safeMethods.has(method) && csrfToken) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (error) {
    if (isAbort(error)) throw error;
    throw new ApiError(0, 'network', 'Rapport could not be reached. Check your connection and try again.');
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  let parsed: unknown = null;
  if (text) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = null;
    }
  }
  if (!res.ok) {
    const err = (parsed as { error?: { code?: string; message?: string; fields?: FieldErrors } } | null)?.error;
    const apiError = new ApiError(res.status, err?.code ?? `http_${res.status}`, err?.message ?? `The server answered ${res.status} ${res.statusText}`.trim(), err?.fields ?? {});
    if (res.status === 401) for (const l of unauthorizedListeners) l();
    throw apiError;
  }
  return parsed as T;
}

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => request<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, { body: body ?? {} }),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, { body }),
  del: <T = void>(path: string, query?: Query) => request<T>('DELETE', path, { query }),
};

// ---- Shapes the API answers with ----

export type ApiRecord = { id: string } & Record<string, unknown>;

export interface Page<T = ApiRecord> {
  data: T[];
  next_cursor: string | null;
}

export interface AuthStatus {
  needs_setup: boolean;
  signed_in: boolean;
  csrf_token: string | null;
}

export interface Session {
  user_id: string;
  csrf_token: string;
  expires_at: string;
}

export interface ApiToken {
  id: string;
  name: string;
  prefix: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface CustomField {
  id: string;
  entity: string;
  name: string;
  label: string;
  type: 'number' | 'text' | 'date' | 'boolean' | 'select';
  options: string[] | null;
  created_at: string;
}

export interface CustomerView {
  customer: ApiRecord;
  company: ApiRecord | null;
  figures: Record<string, unknown>;
  recent_orders: ApiRecord[];
  recent_interactions: ApiRecord[];
  open_tasks: ApiRecord[];
}

export interface TimelineItem {
  kind: 'order' | 'interaction' | 'task';
  at: string;
  id: string;
  record: ApiRecord;
}

export const auth = {
  status: () => api.get<AuthStatus>('/api/auth/status'),
  setup: (email: string, password: string) => api.post<Session>('/api/auth/setup', { email, password }),
  login: (email: string, password: string) => api.post<Session>('/api/auth/login', { email, password }),
  logout: () => api.post<void>('/api/auth/logout'),
  changePassword: (current_password: string, new_password: string) => api.post<void>('/api/auth/password', { current_password, new_password }),
};
