import { api } from '../lib/api';
import type { components } from '../lib/api-types';
import { useAsync } from '../lib/hooks';

export type Survey = components['schemas']['Survey'];
export type FeedbackReport = components['schemas']['FeedbackReport'];
export type CustomerFeedback = components['schemas']['CustomerFeedback'];
export type SurveyInput = components['schemas']['SurveyInput'];

export function useSurveys(version: number) {
  return useAsync((signal) => api.get<{ data: Survey[] }>('/api/surveys', undefined, signal).then((r) => r.data), [version]);
}

export function useFeedbackReport(months: number, version: number) {
  return useAsync((signal) => api.get<FeedbackReport>('/api/reports/feedback', { months }, signal), [months, version]);
}

export function useCustomerFeedback(customerId: string) {
  return useAsync((signal) => api.get<CustomerFeedback>(`/api/customers/${encodeURIComponent(customerId)}/feedback`, undefined, signal), [customerId]);
}

export const surveysApi = {
  create: (body: SurveyInput) => api.post<Survey>('/api/surveys', body),
  update: (id: string, body: Partial<SurveyInput>) => api.patch<Survey>(`/api/surveys/${encodeURIComponent(id)}`, body),
  send: (id: string) => api.post<{ sent: number }>(`/api/surveys/${encodeURIComponent(id)}/send`, {}),
};

/** "NPS 40 (95%: 12 to 61)" or a dash without answers. */
export function figure(value: number | null, low: number | null, high: number | null, unit = ''): string {
  if (value === null) return '—';
  return `${value}${unit}${low !== null && high !== null ? ` (95%: ${low}${unit} to ${high}${unit})` : ''}`;
}
