import { api } from '../lib/api';
import { useAsync } from '../lib/hooks';
import type { EventType, Webhook, WebhookDelivery } from './types';

export function useWebhooks() {
  return useAsync((signal) => api.get<{ data: Webhook[] }>('/api/webhooks', undefined, signal).then((r) => r.data), []);
}

export function useEventTypes() {
  return useAsync((signal) => api.get<{ data: EventType[] }>('/api/events/types', undefined, signal).then((r) => r.data), []);
}

export function useDeliveries(webhookId: string) {
  return useAsync((signal) => api.get<{ data: WebhookDelivery[] }>(`/api/webhooks/${encodeURIComponent(webhookId)}/deliveries`, { limit: 20 }, signal).then((r) => r.data), [webhookId]);
}

export const webhooksApi = {
  create: (body: { url: string; event_types: string[]; description?: string | null }) => api.post<Webhook & { secret: string }>('/api/webhooks', body),
  update: (id: string, body: Partial<Pick<Webhook, 'url' | 'event_types' | 'description' | 'active'>>) => api.patch<Webhook>(`/api/webhooks/${encodeURIComponent(id)}`, body),
  remove: (id: string) => api.del(`/api/webhooks/${encodeURIComponent(id)}`),
  test: (id: string) => api.post<{ event_id: string }>(`/api/webhooks/${encodeURIComponent(id)}/test`, {}),
  replay: (id: string, deliveryId: string) => api.post<WebhookDelivery>(`/api/webhooks/${encodeURIComponent(id)}/deliveries/${encodeURIComponent(deliveryId)}/replay`, {}),
};
