/** The webhooks API's shapes, generated from /api/openapi.json (Webhook, WebhookDelivery, GET /api/events/types). */
import type { components, operations } from '../lib/api-types';

export type Webhook = components['schemas']['Webhook'];

export type WebhookDelivery = components['schemas']['WebhookDelivery'];

type DeliveryStatus = WebhookDelivery['status'];

export type EventType = operations['listEventTypes']['responses'][200]['content']['application/json']['data'][number];
