import { api } from '../lib/api';
import { useAsync } from '../lib/hooks';

export interface Reminder {
  id: string;
  title: string;
  due_at: string | null;
  remind_at: string;
  reminded_at: string | null;
  priority: string;
  customer_id: string | null;
  linked_entity: string | null;
  linked_id: string | null;
}

export interface FeedStatus {
  active: boolean;
  created_at: string | null;
}

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
