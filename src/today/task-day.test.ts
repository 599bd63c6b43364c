import { describe, expect, it } from 'vitest';
import { taskItem, type RankContext } from './rank.js';

const task = (due_at: string) => ({ id: 'tsk_1', title: 'Call back', due_at, priority: null, customer_id: null, linked_entity: null, linked_id: null });

/** A task's day is its day in the business time zone, not in UTC. */
describe('the day of a due task on Today', () => {
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
});
