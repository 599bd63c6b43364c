import { describe, expect, it } from 'vitest';
import { customerOf, eventMatches } from './triggers.js';

describe('flow event triggers', () => {
  it('match facts of the event data: numbers as numbers, text as text, nested ones by a dotted path', () => {
    const crossed = { type: 'customer.score_crossed' as const, data: { score: 'churn_risk', threshold: 0.7, direction: 'up', from: 0.5, to: 0.8 } };
    const trigger = { type: 'event' as const, event: 'customer.score_crossed' as const, match: { score: 'churn_risk', threshold: 0.7, direction: 'up' } };
    expect(eventMatches(trigger, crossed)).toBe(true);
    expect(eventMatches(trigger, { ...crossed, data: { ...crossed.data, direction: 'down' } })).toBe(false);
    expect(eventMatches(trigger, { ...crossed, data: { ...crossed.data, threshold: 0.3 } })).toBe(false);
    expect(eventMatches({ ...trigger, event: 'order.created' }, crossed)).toBe(false);
    const moved = { type: 'customer.segment_changed' as const, data: { from: { id: 'seg_a' }, to: { id: 'seg_b', label: 'Loyal' } } };
    expect(eventMatches({ type: 'event', event: 'customer.segment_changed', match: { 'to.id': 'seg_b' } }, moved)).toBe(true);
    expect(eventMatches({ type: 'event', event: 'customer.segment_changed', match: { 'to.id': 'seg_a' } }, moved)).toBe(false);
    expect(eventMatches({ type: 'event', event: 'customer.segment_changed', match: { 'to.__proto__': 'x' } }, moved)).toBe(false);
  });

  it('find the customer of an event: the customer itself, or the one an order, deal or quote names', () => {
    expect(customerOf({ entity: 'customer', entity_id: 'cus_1', data: null })).toBe('cus_1');
    expect(customerOf({ entity: 'order', entity_id: 'ord_1', data: { record: { customer_id: 'cus_2' } } })).toBe('cus_2');
    expect(customerOf({ entity: 'quote', entity_id: 'quo_1', data: { customer_id: 'cus_3' } })).toBe('cus_3');
    expect(customerOf({ entity: 'product', entity_id: 'prd_1', data: { record: { name: 'x' } } })).toBeNull();
  });
});
