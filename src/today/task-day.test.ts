import { describe, expect, it } from 'vitest';
import { quoteItem, taskItem, type RankContext } from './rank.js';

const task = (due_at: string) => ({ id: 'tsk_1', title: 'Call back', due_at, priority: null, customer_id: null, linked_entity: null, linked_id: null });

/** The days Today names are days in the business time zone, not in UTC. */
describe('days on Today', () => {
  // Kiritimati is UTC+14: 19:00 UTC on the 5th is 09:00 on the 6th there.
  const ctx: RankContext = { currency: 'EUR', today: '2026-12-06', timeZone: 'Pacific/Kiritimati', defaultTaskValue: 50 };

  it('calls a task due later today "due today", though its UTC date is yesterday', () => {
    expect(taskItem(task('2026-12-05T19:00:00.000Z'), null, ctx).reason).toMatch(/^Due today:/);
  });

  it('dates an overdue task by its day in the business time zone', () => {
    expect(taskItem(task('2026-12-04T12:00:00.000Z'), null, ctx).reason).toMatch(/^Overdue since 2026-12-05:/);
    expect(taskItem(task('2026-12-05T09:00:00.000Z'), null, { ...ctx, timeZone: 'America/Los_Angeles', today: '2026-12-05' }).reason).toMatch(/^Due today:/);
    expect(taskItem(task('2026-12-05T07:00:00.000Z'), null, { ...ctx, timeZone: 'America/Los_Angeles', today: '2026-12-05' }).reason).toMatch(/^Overdue since 2026-12-04:/);
  });

  it('says which day a quote was viewed in the business time zone', () => {
    const quote = {
      id: 'quo_1',
      number: 'Q-2026-0007',
      title: 'Hosting',
      customer_id: 'cus_1',
      deal_id: null,
      status: 'viewed' as const,
      total: 1200,
      currency: 'EUR',
      viewed_at: '2026-12-04T20:00:00.000Z',
      valid_until: '2026-12-20',
      days_waiting: 1,
      days_left: 14,
    };
    expect(quoteItem(quote, { value: 0.5, words: 'an even chance' }, ctx).reason).toMatch(/^Quote viewed on 2026-12-05,/);
  });
});
