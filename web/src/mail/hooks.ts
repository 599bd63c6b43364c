import { api } from '../lib/api';
import { useAsync } from '../lib/hooks';
import type { DnsRecordCheck, MailSettings, MailSettingsInput, MailTestResult, Sender } from './types';

export function useMailSettings() {
  return useAsync((signal) => api.get<MailSettings>('/api/mail/settings', undefined, signal), []);
}

export function useSenders() {
  return useAsync((signal) => api.get<{ data: Sender[] }>('/api/senders', undefined, signal).then((r) => r.data), []);
}

export const mailApi = {
  save: (body: MailSettingsInput) => api.put<MailSettings>('/api/mail/settings', body),
  test: (to?: string) => api.post<MailTestResult>('/api/mail/test', to ? { to } : {}),
  createSender: (body: { name: string; address: string; reply_to?: string | null }) => api.post<Sender>('/api/senders', body),
  removeSender: (id: string) => api.del(`/api/senders/${encodeURIComponent(id)}`),
  makeDefault: (id: string) => api.patch<Sender>(`/api/senders/${encodeURIComponent(id)}`, { is_default: true }),
  checkDns: (id: string) => api.get<{ data: DnsRecordCheck[] }>(`/api/senders/${encodeURIComponent(id)}/dns-check`).then((r) => r.data),
};
