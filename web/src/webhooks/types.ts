/** The webhooks API's shapes (see /api/openapi.json: Webhook, WebhookDelivery). */
export interface Webhook {
  id: string;
  url: string;
  description: string | null;
  event_types: string[];
  active: boolean;
  disabled_reason: string | null;
  failing_since: string | null;
  deliveries: Partial<Record<DeliveryStatus, number>>;
  created_at: string;
  updated_at: string;
}

export type DeliveryStatus = 'pending' | 'sending' | 'delivered' | 'failed';

export interface WebhookDelivery {
  id: string;
  webhook_id: string;
  event_id: string;
  event_type: string | null;
  status: DeliveryStatus;
  attempts: number;
  next_attempt_at: string | null;
  last_status_code: number | null;
  last_error: string | null;
  last_response: string | null;
  last_duration_ms: number | null;
  created_at: string;
  delivered_at: string | null;
}

export interface EventType {
  type: string;
  description: string;
}
