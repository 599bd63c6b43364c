import { describe, expect, it } from 'vitest';
import { contractItem, customerItem, dealItem, dealStake, quoteItem, rankToday, taskItem, type DealInput, type RankContext } from './rank.js';

const ctx: RankContext = { currency: 'EUR', today: '2026-12-05', timeZone: 'UTC', defaultTaskValue: 50 };
const deal = (over: Partial<DealInput> = {}): DealInput => ({
  deal_id: 'dea_1',
  title: 'Website redesign',
  customer_id: 'cus_1',
  stage_name: 'Proposal',
  value: 5000,
  currency: 'EUR',
  probability: 0.4,
  probability_basis: 'learnt',
  expected_value: 2000,
  days_without_activity: 42,
  rotten: true,
  rotten_days: 30,
  ...over,
});

describe('Today ranking', () => {
  it('orders by expected value, not by due date, and says why each item is there', () => {
    const rotten = dealItem(deal(), ctx);
    const bigQuoteInput = () => ({
      id: 'quo_1',
      number: 'Q-2026-0007',
      title: 'Shop',
      customer_id: 'cus_2',
      deal_id: null,
      status: 'viewed' as const,
      total: 12_000,
      currency: 'EUR',
      viewed_at: '2026-12-01T10:00:00.000Z' as string | null,
      valid_until: '2026-12-20',
      days_waiting: 6,
      days_left: 15,
    });
    const bigQuote = quoteItem(bigQuoteInput(), { value: 0.5, words: 'an even chance: only 2 quotes answered so far' }, ctx);
    const overdueTask = taskItem({ id: 'tsk_1', title: 'Call back', due_at: '2026-11-28T09:00:00.000Z', priority: 'high', customer_id: null, linked_entity: null, linked_id: null }, null, ctx);
    const linkedTask = taskItem(
      { id: 'tsk_2', title: 'Send the proposal', due_at: '2026-12-05T15:00:00.000Z', priority: null, customer_id: 'cus_1', linked_entity: 'deal', linked_id: 'dea_1' },
      dealStake(deal(), 'EUR'),
      ctx,
    );
    const renewal = contractItem(
      { id: 'con_1', title: 'Hosting', customer_id: 'cus_3', ends_on: '2026-12-31', days_left: 26, value: 900, currency: 'EUR', billing_period: 'yearly', auto_renew: false },
      ctx,
    );
    const call = customerItem({ id: 'cus_4', name: 'Ada Lovelace', clv: 3000, churn_risk: 0.7, value_at_risk: 2100, currency: 'EUR', reason: '90 days since the last order; usually every 30' }, ctx);
    const ranked = rankToday([overdueTask, rotten, renewal, bigQuote, linkedTask, call]);
    expect(ranked.map((i) => `${i.kind}:${i.id}`)).toEqual(['quote:quo_1', 'customer:cus_4', 'task:tsk_2', 'deal:dea_1', 'contract:con_1', 'task:tsk_1']);
    expect(ranked.map((i) => i.expected_value)).toEqual([6000, 2100, 2000, 2000, 900, 50]);
    expect(bigQuote.reason).toBe('Quote viewed on 2026-12-01, no answer after 6 days; valid for 15 more days; €12,000.00 x 50% (an even chance: only 2 quotes answered so far)');
    // A quote sent today has had no time to be answered.
    const sentToday = quoteItem({ ...bigQuoteInput(), status: 'sent', viewed_at: null, days_waiting: 0 }, { value: 0.5, words: 'an even chance' }, ctx);
    expect(sentToday.reason).toBe('Quote sent but not opened yet, no answer yet; valid for 15 more days; €12,000.00 x 50% (an even chance)');
    expect(rotten.reason).toBe('Rotten: no activity for 42 days (rotten after 30); €5,000.00 x 40% learnt probability of Proposal');
    expect(overdueTask.reason).toBe('Overdue since 2026-11-28 (high priority): linked to nothing with a value, counted at the default €50.00');
    expect(linkedTask.reason).toBe('Due today: deal "Website redesign" at €5,000.00 x 40% (learnt probability of Proposal)');
    expect(renewal.reason).toBe('Ends on 2026-12-31 (in 26 days); needs renewing; worth €900.00 yearly');
    expect(call.reason).toContain('lifetime value €3,000.00 x churn risk 70% = €2,100.00 at risk');
    // Another currency than the business's goes by its code, as the web app writes it.
    expect(dealStake(deal({ currency: 'USD', value: 50 }), 'EUR').words).toContain('at USD\u00a050.00 x 40%');
  });

  it('lists amounts in another currency after the ranked ones, since they cannot be compared', () => {
    const dollars = dealItem(deal({ deal_id: 'dea_usd', currency: 'USD', value: 100_000, expected_value: 40_000 }), ctx);
    const euros = dealItem(deal({ deal_id: 'dea_eur', value: 100, expected_value: 40 }), ctx);
    const ranked = rankToday([dollars, euros]);
    expect(ranked.map((i) => i.id)).toEqual(['dea_eur', 'dea_usd']);
    expect(ranked[1].comparable).toBe(false);
  });

  it('breaks ties by kind, then by due date, then by id, and cuts the list to the limit', () => {
    const a = taskItem({ id: 'tsk_b', title: 'b', due_at: '2026-12-02T09:00:00.000Z', priority: null, customer_id: null, linked_entity: null, linked_id: null }, null, ctx);
    const b = taskItem({ id: 'tsk_a', title: 'a', due_at: '2026-12-03T09:00:00.000Z', priority: null, customer_id: null, linked_entity: null, linked_id: null }, null, ctx);
    const c = contractItem({ id: 'con_9', title: 'c', customer_id: null, ends_on: '2026-12-09', days_left: 4, value: 50, currency: null, billing_period: null, auto_renew: true }, ctx);
    expect(rankToday([c, b, a]).map((i) => i.id)).toEqual(['tsk_b', 'tsk_a', 'con_9']);
    expect(rankToday([c, b, a], 2)).toHaveLength(2);
    expect(c.reason).toContain('renews by itself unless cancelled');
  });
});
