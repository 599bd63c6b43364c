/**
 * The calendar feed: open tasks with a due time (recurring ones with their rule), expected close
 * dates of open deals and end dates of running contracts, as one iCalendar document a calendar app
 * subscribes to.
 */
import type { Db } from '../core/database.js';
import { traitsOf } from '../core/dialect.js';
import { openDealsAtStake } from '../deals/stake.js';
import { getBusinessSettings } from '../settings/business.js';
import { renderCalendar, type AllDayItem, type TimedItem } from './ics.js';

/** How long a task blocks in the calendar (shown as free time: TRANSP:TRANSPARENT). */
const taskMinutes = 30;
const money = (value: number, currency: string | null) => `${Math.round(value * 100) / 100}${currency ? ` ${currency}` : ''}`;

async function taskItems(db: Db): Promise<TimedItem[]> {
  const rows = await db
    .selectFrom('tasks')
    .select(['id', 'title', 'due_at', 'priority', 'recurrence', 'linked_entity', 'linked_id', 'customer_id'])
    .where('done', '=', traitsOf(db).falseValue)
    .where('due_at', 'is not', null)
    .orderBy('due_at')
    .execute();
  return rows.map((r) => {
    const about = r.linked_entity && r.linked_id ? `About ${r.linked_entity} ${r.linked_id}.` : r.customer_id ? `Customer ${r.customer_id}.` : '';
    return {
      uid: `${r.id}@rapport`,
      summary: r.title as string,
      description: [about, `Task ${r.id} in Rapport.`].filter(Boolean).join('\n'),
      start: r.due_at as string,
      durationMinutes: taskMinutes,
      rrule: (r.recurrence as string | null) ?? null,
      priority: (r.priority as TimedItem['priority']) ?? null,
    };
  });
}

async function dealItems(db: Db, now: Date): Promise<AllDayItem[]> {
  const deals = await openDealsAtStake(db, now);
  return deals
    .filter((d) => d.expected_close_date)
    .map((d) => ({
      uid: `${d.deal_id}-close@rapport`,
      date: d.expected_close_date!,
      summary: `Expected close: ${d.title} (${money(d.value, d.currency)})`,
      description: `Deal ${d.deal_id}, stage ${d.stage_name}, ${Math.round(d.probability * 100)}% likely: expected ${money(d.expected_value, d.currency)}.`,
    }));
}

async function contractItems(db: Db): Promise<AllDayItem[]> {
  const rows = await db
    .selectFrom('contracts')
    .select(['id', 'title', 'ends_on', 'value', 'currency', 'auto_renew', 'status'])
    .where('status', 'in', ['active', 'expiring'])
    .where('ends_on', 'is not', null)
    .orderBy('ends_on')
    .execute();
  return rows.map((r) => ({
    uid: `${r.id}-end@rapport`,
    date: r.ends_on as string,
    summary: `Contract ends: ${r.title}`,
    description: `Contract ${r.id}${r.value !== null ? `, ${money(Number(r.value), r.currency as string | null)}` : ''}; ${r.auto_renew === true || r.auto_renew === 1 ? 'renews automatically' : 'does not renew by itself'}.`,
  }));
}

export async function calendarFeed(db: Db, now = new Date()): Promise<string> {
  const { timeZone } = await getBusinessSettings(db);
  const [timed, deals, contracts] = await Promise.all([taskItems(db), dealItems(db, now), contractItems(db)]);
  return renderCalendar({ name: 'Rapport', timeZone, timed, allDay: [...deals, ...contracts], now });
}
