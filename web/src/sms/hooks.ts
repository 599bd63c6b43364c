import { api } from '../lib/api';
import { useAsync } from '../lib/hooks';
import type { Sms, SmsPurpose, SmsSegmentCount, SmsSettings, SmsSettingsInput } from './types';

export function useSmsSettings() {
  return useAsync((signal) => api.get<SmsSettings>('/api/sms/settings', undefined, signal), []);
}

export function useSmsLog() {
  return useAsync((signal) => api.get<{ data: Sms[]; next_cursor: string | null }>('/api/sms', { limit: '50' }, signal).then((r) => r.data), []);
}

export const smsApi = {
  save: (body: SmsSettingsInput) => api.put<SmsSettings>('/api/sms/settings', body),
  segments: (body: string) => api.post<SmsSegmentCount>('/api/sms/segments', { body }),
  send: (input: { customer_id: string; body: string; purpose: SmsPurpose }) => api.post<Sms>('/api/sms', input),
};
