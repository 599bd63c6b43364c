import { api, type Page, type Query } from '../lib/api';
import type { components } from '../lib/api-types';
import { useAsync } from '../lib/hooks';
import type { ProductOption, Quote, QuoteActivity, QuoteLine } from './types';

export function useQuote(id: string) {
  return useAsync((signal) => api.get<Quote>(`/api/quotes/${encodeURIComponent(id)}`, undefined, signal), [id]);
}

export function useQuoteList(query: Query) {
  const key = JSON.stringify(query);
  return useAsync((signal) => api.get<Page<Quote>>('/api/quotes', query, signal), [key]);
}

export function useQuoteActivity(id: string, version: unknown) {
  return useAsync((signal) => api.get<{ data: QuoteActivity[] }>(`/api/quotes/${encodeURIComponent(id)}/activity`, undefined, signal).then((r) => r.data), [id, version]);
}

/** The catalogue a line can be picked from (the first 500 products by name). */
export function useProducts() {
  return useAsync((signal) => api.get<Page<ProductOption>>('/api/products', { limit: 500, sort: 'name', fields: 'id,name,sku,price' }, signal).then((r) => r.data), []);
}

/** The customer's open deals, for linking a quote to one. */
export function useOpenDeals(customerId: string) {
  return useAsync(
    (signal) =>
      api.get<Page<{ id: string; title: string; status: string }>>('/api/deals', { customer_id: customerId, status: 'open', limit: 100, fields: 'id,title,status' }, signal).then((r) => r.data),
    [customerId],
  );
}

/** What the quote editor saves (a new quote adds its customer). */
export type QuoteBody = components['schemas']['QuoteUpdate'];

const path = (id: string, action = '') => `/api/quotes/${encodeURIComponent(id)}${action}`;

export const quotesApi = {
  create: (body: components['schemas']['QuoteCreate']) => api.post<Quote>('/api/quotes', body),
  update: (id: string, body: QuoteBody) => api.patch<Quote>(path(id), body),
  send: (id: string) => api.post<{ quote: Quote; message_id: string; url: string }>(path(id, '/send'), {}),
  revise: (id: string) => api.post<Quote>(path(id, '/revise'), {}),
  convert: (id: string) => api.post<Quote>(path(id, '/convert'), {}),
  page: (query: Query) => api.get<Page<Quote>>('/api/quotes', query),
  pdfUrl: (id: string) => path(id, '/pdf'),
};
