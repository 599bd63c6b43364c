import { api } from '../lib/api';
import { useAsync } from '../lib/hooks';
import type { AudienceCount, Campaign, CampaignAudience, CampaignReport } from './types';

const path = (id: string, rest = '') => `/api/campaigns/${encodeURIComponent(id)}${rest}`;

export const useCampaigns = () => useAsync((signal) => api.get<{ data: Campaign[] }>('/api/campaigns', undefined, signal).then((r) => r.data), []);
export const useCampaign = (id: string) => useAsync((signal) => api.get<Campaign>(path(id), undefined, signal), [id]);
export const useCampaignReport = (id: string, key: unknown) => useAsync((signal) => api.get<CampaignReport>(path(id, '/report'), undefined, signal), [id, key]);

export const campaignsApi = {
  create: (body: Record<string, unknown>) => api.post<Campaign>('/api/campaigns', body),
  update: (id: string, body: Record<string, unknown>) => api.patch<Campaign>(path(id), body),
  remove: (id: string) => api.del(path(id)),
  count: (body: { audience: CampaignAudience; variants?: number; ab?: Record<string, unknown> }) => api.post<AudienceCount>('/api/campaigns/audience/count', body),
  schedule: (id: string, at?: string) => api.post<Campaign>(path(id, '/schedule'), at ? { at } : {}),
  pause: (id: string) => api.post<Campaign>(path(id, '/pause'), {}),
  cancel: (id: string) => api.post<Campaign>(path(id, '/cancel'), {}),
  test: (id: string, body: { to: string; customer_id?: string }) => api.post<{ message_ids: string[] }>(path(id, '/test'), body),
};

export const statusTone = (status: string) =>
  status === 'sent' ? 'success' : status === 'sending' || status === 'scheduled' ? 'accent' : status === 'paused' ? 'warning' : status === 'cancelled' ? 'danger' : 'neutral';
