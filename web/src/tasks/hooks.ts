import { api } from '../lib/api';
import type { components } from '../lib/api-types';
import { useAsync } from '../lib/hooks';

type Schemas = components['schemas'];
export type Reminder = Schemas['Reminder'];
export type FeedStatus = Schemas['CalendarFeedStatus'];

export function useReminders() {
  return useAsync((signal) => api.get<{ data: Reminder[]; count: number }>('/api/reminders', undefined, signal), []);
}

export function useFeedStatus() {
  return useAsync((signal) => api.get<FeedStatus>('/api/calendar/feed', undefined, signal), []);
}

export const tasksApi = {
  create: (body: Record<string, unknown>) => api.post<{ id: string }>('/api/tasks', body),
  complete: (id: string) => api.patch(`/api/tasks/${encodeURIComponent(id)}`, { done: true }),
  rotateFeed: () => api.post<FeedStatus & { path: string; url: string }>('/api/calendar/feed'),
  disableFeed: () => api.del('/api/calendar/feed'),
};
