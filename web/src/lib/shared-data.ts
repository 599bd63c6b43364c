import { api, type BusinessSettings, type InsightSettings, type Segment } from './api';
import { useShared } from './hooks';

/** Segments (latest segmentation plus saved filters), shared by the list filters, dashboard and segment pages. */
export function useSegments() {
  return useShared('segments', () => api.get<{ data: Segment[] }>('/api/segments').then((r) => r.data), 30_000);
}

export function useInsightSettings() {
  return useShared('insight-settings', () => api.get<InsightSettings>('/api/insights/settings'), 5 * 60_000);
}

/** The business currency and time zone: every amount and day count on screen uses them. */
export function useBusinessSettings() {
  return useShared('business-settings', () => api.get<BusinessSettings>('/api/settings'), 5 * 60_000);
}
