/**
 * Built-in flows to start from: a welcome series, a win-back on churn risk, a post-purchase cross-sell
 * with Rapport's next best offer, and a birthday greeting. Each is a plain definition the owner edits.
 */
import type { Definition } from './definition.js';

export interface FlowTemplate {
  key: string;
  name: string;
  description: string;
  definition: Definition;
}

export const flowTemplates: FlowTemplate[] = [
  {
    key: 'welcome',
    name: 'Welcome series',
    description: 'A new customer gets a welcome email, a tip three days later, and a nudge a week on unless they bought meanwhile.',
    definition: {
      trigger: { type: 'event', event: 'customer.created' },
      reentry: { policy: 'never' },
      goal: null,
      steps: [
        {
          id: 'welcome',
          kind: 'send_email',
          subject: 'Welcome, {{ customer.first_name | default: "there" }}',
          body: 'Hello {{ customer.first_name | default: "there" }},\n\nThank you for joining us. Reply to this email if there is anything we can help with.',
        },
        { id: 'wait-3d', kind: 'wait', days: 3, until_time: '10:00' },
        {
          id: 'tip',
          kind: 'send_email',
          subject: 'A tip to get started',
          body: 'Hello {{ customer.first_name | default: "there" }},\n\nHere is how most of our customers get the best out of their first order.',
        },
        { id: 'wait-7d', kind: 'wait', days: 7, until_time: '10:00' },
        { id: 'bought', kind: 'condition', if: { activity: 'purchased' }, then: 'exit', else: 'next' },
        {
          id: 'nudge',
          kind: 'send_email',
          subject: 'Your welcome code: {{ discount_code }}',
          body: 'Hello {{ customer.first_name | default: "there" }},\n\nYour first order is 10% off with the code {{ discount_code }}.',
        },
      ],
    },
  },
  {
    key: 'win_back',
    name: 'Win-back on churn risk',
    description: 'When the churn risk rises above 0.7: a personal offer, a reminder a week later unless they ordered, then a task to call. Ends at the next order.',
    definition: {
      trigger: { type: 'event', event: 'customer.score_crossed', match: { score: 'churn_risk', threshold: 0.7, direction: 'up' } },
      reentry: { policy: 'after_days', days: 90 },
      goal: { events: ['order.created'] },
      steps: [
        {
          id: 'offer',
          kind: 'send_email',
          subject: 'We miss you, {{ customer.first_name | default: "friend" }}',
          body: 'Hello {{ customer.first_name | default: "there" }},\n\nIt has been a while. Here is 15% off your next order: {{ discount_code }}.',
        },
        { id: 'tag', kind: 'add_tag', tag: 'win-back' },
        { id: 'wait-7d', kind: 'wait', days: 7, until_time: '10:00' },
        {
          id: 'reminder',
          kind: 'send_email',
          subject: 'Your code {{ discount_code }} is still waiting',
          body: 'Hello {{ customer.first_name | default: "there" }},\n\nYour 15% code {{ discount_code }} is still valid this week.',
        },
        { id: 'wait-5d', kind: 'wait', days: 5 },
        { id: 'call', kind: 'create_task', title: 'Call a customer at risk of churning', due_in_days: 1 },
      ],
    },
  },
  {
    key: 'cross_sell',
    name: 'Post-purchase cross-sell',
    description: "Three days after an order, Rapport's next best offer for the customer (products bought together with theirs).",
    definition: {
      trigger: { type: 'event', event: 'order.created' },
      reentry: { policy: 'after_days', days: 30 },
      goal: null,
      steps: [
        { id: 'wait-3d', kind: 'wait', days: 3, until_time: '10:00' },
        {
          id: 'suggest',
          kind: 'send_email',
          subject: '{% if offer %}You might like {{ offer.name }}{% else %}Thank you for your order{% endif %}',
          body: 'Hello {{ customer.first_name | default: "there" }},\n\nThank you for your order.{% if offer %} Customers who bought what you bought also chose {{ offer.name }}.{% endif %}',
        },
      ],
    },
  },
  {
    key: 'birthday',
    name: 'Birthday',
    description: 'On the birthday, at 09:00 in the business time zone, a greeting with a personal code.',
    definition: {
      trigger: { type: 'date', field: 'birthday', offset_days: 0, yearly: true },
      reentry: { policy: 'after_days', days: 300 },
      goal: null,
      steps: [
        { id: 'morning', kind: 'wait', until_time: '09:00' },
        {
          id: 'greeting',
          kind: 'send_email',
          subject: 'Happy birthday, {{ customer.first_name | default: "friend" }}!',
          body: 'Happy birthday!\n\nA present from us: {{ discount_code }} takes 20% off this week.',
        },
      ],
    },
  },
];
