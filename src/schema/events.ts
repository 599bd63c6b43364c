/**
 * The catalogue of domain events: the only list of event types. Webhook subscriptions, the events API
 * and the documentation are checked against it; a capability that adds events adds them here.
 */
export const eventCatalogue = {
  'customer.created': 'A customer was created (API, import, lead form).',
  'customer.updated': 'A customer changed; `data.changed` names the fields.',
  'customer.deleted': 'A customer was deleted.',
  'customer.merged': 'Customers were merged into this one; `data.merged_ids` names the absorbed ones.',
  'customer.merge_undone': 'A merge was undone; `data.restored_ids` are back as separate customers.',
  'customer.erased': 'A customer\'s personal data was erased (GDPR art. 17); no personal data follows.',
  'customer.stage_changed': 'The lifecycle stage changed (`data.from`, `data.to`).',
  'customer.segment_changed': 'The k-means segment changed (`data.from`, `data.to`).',
  'customer.score_crossed': 'P(alive), churn risk or CLV crossed a configured threshold (`data.score`, `data.threshold`, `data.direction`, `data.from`, `data.to`).',
  'company.created': 'A company was created.',
  'company.updated': 'A company changed.',
  'company.deleted': 'A company was deleted.',
  'product.created': 'A product was created.',
  'product.updated': 'A product changed.',
  'product.deleted': 'A product was deleted.',
  'order.created': 'An order was created.',
  'order.updated': 'An order changed.',
  'order.deleted': 'An order was deleted.',
  'interaction.created': 'An interaction (email, call, meeting, campaign touch...) was recorded.',
  'interaction.updated': 'An interaction changed.',
  'interaction.deleted': 'An interaction was deleted.',
  'task.created': 'A task was created.',
  'task.updated': 'A task changed.',
  'task.completed': 'A task was marked done.',
  'task.due': 'A task reached its due time.',
  'task.deleted': 'A task was deleted.',
  'import.completed': 'An import finished (`data.counts`).',
  'webhook.test': 'A test event sent from Settings → Webhooks.',
} as const satisfies Record<string, string>;

export type EventType = keyof typeof eventCatalogue;

export const eventTypes = Object.keys(eventCatalogue) as EventType[];

export function isEventType(value: string): value is EventType {
  return Object.hasOwn(eventCatalogue, value);
}
