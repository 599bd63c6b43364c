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
  'customer.segment_changed': 'A new k-means segmentation put the customer in another segment (`data.from`, `data.to`: id, label, name, segmentation_id; `data.segmentation_id`); a customer without a segment before emits nothing.',
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
  'message.queued': 'An email was queued for sending (`data.purpose`, `data.customer_id`, `data.related`).',
  'message.sent': 'The SMTP server accepted an email (`data.purpose`, `data.customer_id`, `data.attempts`).',
  'message.failed': 'An email could not be sent and will not be retried (`data.error`, `data.attempts`).',
  'message.suppressed': 'An email was not sent: the address is suppressed or a marketing email lacks consent (`data.reason`).',
  'message.bounced': 'An email bounced (`data.kind`: soft or hard) or was reported as spam (`data.kind`: complaint).',
  'message.opened': 'A tracked email was opened for the first time (inflated by mail privacy proxies).',
  'message.clicked': 'A tracked link in an email was clicked for the first time.',
  'customer.unsubscribed': 'A customer unsubscribed from marketing email (one-click or the preference page); their email consent is withdrawn.',
  'suppression.added': 'An address was added to the suppression list (`data.reason`).',
  'suppression.removed': 'An address was taken off the suppression list.',
  'task.created': 'A task was created.',
  'task.updated': 'A task changed.',
  'task.completed': 'A task was marked done.',
  'task.due': 'A task reached its due time.',
  'task.deleted': 'A task was deleted.',
  'loyalty.points_earned': 'A customer earned loyalty points (`data.points`, `data.balance`, `data.reasons`, `data.order_ids`).',
  'loyalty.points_redeemed': 'A customer spent points on a reward (`data.points`, `data.balance`, `data.reward_id`, `data.redemption_id`).',
  'loyalty.points_expired': 'Points reached their expiry date, oldest first (`data.points`, `data.balance`).',
  'loyalty.points_reversed': 'Points of a cancelled, refunded or deleted order were taken back (`data.points`, `data.balance`, `data.order_ids`).',
  'loyalty.points_adjusted': 'The owner adjusted a balance by hand (`data.points`, `data.balance`).',
  'loyalty.tier_changed': 'A customer moved to another membership tier (`data.from`, `data.to`, `data.direction`).',
  'referral.attributed': 'A new customer was attributed to the customer whose referral code they came with (`data.referrer_id`, `data.channel`).',
  'referral.rewarded': 'A referred customer paid a first order; both sides were rewarded (`data.referrer_id`, `data.order_id`, `data.referrer_points`, `data.referred_points`).',
  'pipeline.created': 'A sales pipeline was created with its stages.',
  'pipeline.updated': 'A pipeline or its stages changed (`data.changed`).',
  'pipeline.deleted': 'A pipeline was deleted.',
  'deal.created': 'A deal was opened (`data.record`: pipeline, stage, value, currency, source...).',
  'deal.updated': 'A deal changed; `data.changed` names the fields.',
  'deal.stage_changed': 'A deal moved to another stage (`data.from`, `data.to`, `data.pipeline_id`, `data.status`).',
  'deal.won': 'A deal reached a won stage (`data.value`, `data.currency`, `data.stage_id`).',
  'deal.lost': 'A deal reached a lost stage (`data.value`, `data.currency`, `data.stage_id`).',
  'deal.deleted': 'A deal was deleted.',
  'import.completed': 'An import finished (`data.counts`).',
  'webhook.test': 'A test event sent from Settings → Webhooks.',
} as const satisfies Record<string, string>;

export type EventType = keyof typeof eventCatalogue;

export const eventTypes = Object.keys(eventCatalogue) as EventType[];

export function isEventType(value: string): value is EventType {
  return Object.hasOwn(eventCatalogue, value);
}
  'settings.updated': 'Business settings changed (`data.changed` names them, `data.previous` their old values); a new currency refreshes every customer\'s figures.',
