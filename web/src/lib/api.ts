/**
 * The typed client for the Rapport REST API. It sends the session cookie, adds the CSRF header to
 * every state-changing request and turns the API's error shape into ApiError exceptions.
 */
import type { components, operations } from './api-types';

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

  /** One line per field, for showing under form inputs. */
  fieldMessages(): Record<string, string> {
    return Object.fromEntries(Object.entries(this.fields).map(([k, v]) => [k, v.join('; ')]));
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

type QueryValue = string | number | boolean | null | undefined;
export type Query = Record<string, QueryValue | QueryValue[]>;

interface RequestOptions {
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

/** Where the browser downloads a backup of all data (a SQLite file, or JSON on PostgreSQL and MySQL). */
export function backupUrl(): string {
  return '/api/backup';
}

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  const form = typeof FormData !== 'undefined' && options.body instanceof FormData;
  if (options.body !== undefined && !form) headers['content-type'] = 'application/json';
  if (!safeMethods.has(method) && csrfToken) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : form ? (options.body as FormData) : JSON.stringify(options.body),
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
  /** A multipart form post (file uploads); the browser sets the boundary. */
  postForm: <T>(path: string, form: FormData) => request<T>('POST', path, { body: form }),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, { body }),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, { body }),
  del: <T = void>(path: string, query?: Query) => request<T>('DELETE', path, { query }),
};

// ---- Shapes the API answers with ----

/** Shapes the OpenAPI document names, generated into ./api-types.ts (`npm run api-types`). */
type Schemas = components['schemas'];
/** The JSON body of an operation's 200 response, by its operationId in the OpenAPI document. */
type Ok<K extends keyof operations> = operations[K] extends { responses: { 200: { content: { 'application/json': infer T } } } } ? T : never;

export type ApiRecord = { id: string } & Record<string, unknown>;

export interface Page<T = ApiRecord> {
  data: T[];
  next_cursor: string | null;
}

export type AuthStatus = Ok<'getAuthStatus'>;

export type Session = Schemas['Session'];

export type ApiToken = Schemas['ApiToken'];

export type CustomField = Schemas['CustomField'];

/** A score's trust: whether it rests on a reliable model, and where it came from in words. */
type ScoreReliability = Schemas['CustomerScores']['reliability']['p_alive'];

/** The scores of the 360 view: one story (churn risk = 1 - P(alive)), as of the latest insight run. */
export type CustomerScores = Schemas['CustomerScores'];

export type CustomerView = Schemas['CustomerView'];

export type TimelineItem = Ok<'getCustomersByIdTimeline'>['data'][number];

export const auth = {
  status: () => api.get<AuthStatus>('/api/auth/status'),
  setup: (email: string, password: string) => api.post<Session>('/api/auth/setup', { email, password }),
  login: (email: string, password: string) => api.post<Session>('/api/auth/login', { email, password }),
  logout: () => api.post<void>('/api/auth/logout'),
  changePassword: (current_password: string, new_password: string) => api.post<void>('/api/auth/password', { current_password, new_password }),
};

// ---- Reports ----

interface RangeQuery {
  from?: string;
  to?: string;
  bucket?: 'day' | 'week' | 'month';
}

type RevenuePoint = Schemas['RevenuePeriod'];

type CustomersPoint = Schemas['CustomersPeriod'];

export type DashboardReport = Schemas['DashboardReport'];

export type CohortReport = Schemas['CohortReport'];

export type BreakdownReport = Schemas['RevenueBreakdownReport'];

// ---- Insights ----

export type Segment = Schemas['Segment'];

export type Segmentation = Schemas['Segmentation'];

type ContactEntry = ContactList['data'][number];

export type ContactList = Ok<'getInsightsContactList'>;

export type Suggestion = Ok<'getCustomersByIdSuggestions'>['data'][number];

/** GET/PATCH /api/settings: the currency amounts are shown in, the time zone days are counted in. */
export type BusinessSettings = Schemas['BusinessSettings'];

export type InsightSettings = Ok<'getInsightsSettings'>;

export type InsightRunRecord = Schemas['InsightRunRecord'];

export type InsightRunStatus = Schemas['InsightRun'];

export type ModelRecord = Ok<'getModels'>['data'][number];

export type AbResult = Ok<'getInsightsAbTest'>;

// ---- Support inbox settings ----

export type Mailbox = Schemas['Mailbox'];
export type MailboxInput = Schemas['MailboxInput'];
export type MailboxTest = Ok<'postMailboxesByIdTest'>;
export type MailboxFetch = Ok<'postMailboxesByIdFetch'>;
export type InboundToken = Ok<'getInboundTokens'>['data'][number];
export type InboundTokenCreated = operations['postInboundTokens']['responses'][201]['content']['application/json'];
export type SlaSettings = Schemas['TicketSlaSettings'];
export type CannedReplyInput = Schemas['CannedReplyInput'];

// ---- Imports and duplicates ----

export type ImportKind = 'customers' | 'companies' | 'products' | 'orders' | 'interactions';

export type RowError = Schemas['ImportRowError'];

export type ImportPreview = Schemas['ImportPreview'];

export type ImportCounts = NonNullable<ImportJob['counts']>;

export type ImportJob = Ok<'getImportsById'>;

export type DuplicatePair = Ok<'getDuplicates'>['data'][number];
