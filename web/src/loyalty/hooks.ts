import { api } from '../lib/api';
import { useAsync } from '../lib/hooks';
import type { CustomerPoints, LoyaltyRedemption, LoyaltyReport, LoyaltyReward, LoyaltyRule, LoyaltySettings, LoyaltyTier } from './types';

const list =
  <T>(path: string) =>
  (signal: AbortSignal) =>
    api.get<{ data: T[] }>(path, undefined, signal).then((r) => r.data);

export const useRules = () => useAsync(list<LoyaltyRule>('/api/loyalty/rules'), []);
export const useRewards = () => useAsync(list<LoyaltyReward>('/api/loyalty/rewards'), []);
export const useTiers = () => useAsync(list<LoyaltyTier>('/api/loyalty/tiers'), []);
export const useLoyaltySettings = () => useAsync((signal) => api.get<LoyaltySettings>('/api/loyalty/settings', undefined, signal), []);
export const useLoyaltyReport = () => useAsync((signal) => api.get<LoyaltyReport>('/api/reports/loyalty', undefined, signal), []);
export const usePoints = (customerId: string) => useAsync((signal) => api.get<CustomerPoints>(`/api/customers/${encodeURIComponent(customerId)}/points`, { limit: 10 }, signal), [customerId]);

const catalogue = <T>(path: string) => ({
  create: (body: Record<string, unknown>) => api.post<T>(path, body),
  update: (id: string, body: Record<string, unknown>) => api.patch<T>(`${path}/${encodeURIComponent(id)}`, body),
  remove: (id: string) => api.del(`${path}/${encodeURIComponent(id)}`),
});

export const loyaltyApi = {
  rules: catalogue<LoyaltyRule>('/api/loyalty/rules'),
  rewards: catalogue<LoyaltyReward>('/api/loyalty/rewards'),
  tiers: catalogue<LoyaltyTier>('/api/loyalty/tiers'),
  saveSettings: (body: Partial<LoyaltySettings>) => api.put<LoyaltySettings>('/api/loyalty/settings', body),
  adjust: (customerId: string, body: { points: number; reason: string }) => api.post(`/api/customers/${encodeURIComponent(customerId)}/points/adjust`, body),
  redeem: (customerId: string, body: { reward_id: string }) => api.post<LoyaltyRedemption>(`/api/customers/${encodeURIComponent(customerId)}/points/redeem`, body),
};
