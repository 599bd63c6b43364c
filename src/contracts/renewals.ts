/**
 * The renewal job: contracts entering their notice period turn expiring and get a renewal task (and,
 * unless they renew by themselves, a renewal deal); contracts past their end roll over (auto-renew)
 * or end. Days are the business's days. Each contract is claimed by a conditional status change in
 * its own transaction, so the job may run twice, or in two processes at once, and act once.
 */
import { inTransaction, type Ctx } from '../core/context.js';
import type { Database } from '../core/database.js';
import { appendEvents } from '../core/events.js';
import { fromWallClock } from '../core/wall-clock.js';
import { tasks } from '../activities/interactions.js';
import { createDeal } from '../deals/service.js';
import { getBusinessSettings, todayIn } from '../settings/business.js';
import { addDays, daysBetween, nextTerm } from './dates.js';
import { contracts, defaultNoticeDays, setContractColumns } from './service.js';

export const contractRenewalKind = 'contracts.renewals';

/** Every hour at :07: the job is idempotent, and hourly runs turn the day at midnight in any time zone. */
export const contractSchedules = [{ cron: '7 * * * *', kind: contractRenewalKind, payload: {} }];

/** The renewal task is due this many days before the end (today when less is left), at 09:00. */
const taskLeadDays = 7;

export interface RenewalCounts {
  expiring: number;
  renewed: number;
  ended: number;
}

interface Candidate {
  id: string;
  title: string;
  customer_id: string | null;
  starts_on: string;
  ends_on: string;
  value: number | null;
  currency: string | null;
  renewal_notice_days: number | null;
  auto_renew: unknown;
  deal_id: string | null;
  quote_id: string | null;
  billing_period: string | null;
}

const truthy = (v: unknown) => v === true || v === 1 || v === '1';

export async function runContractRenewals(database: Database, now = new Date()): Promise<RenewalCounts> {
  const ctx: Ctx = { database, actor: 'system' };
  const { timeZone } = await getBusinessSettings(database.db);
  const today = todayIn(timeZone, now);
  const counts: RenewalCounts = { expiring: 0, renewed: 0, ended: 0 };
  const columns = ['id', 'title', 'customer_id', 'starts_on', 'ends_on', 'value', 'currency', 'renewal_notice_days', 'auto_renew', 'deal_id', 'quote_id', 'billing_period'] as const;

  // Past their end first: a contract found late ends (or renews) rather than turning expiring.
  const over = (await database.db.selectFrom('contracts').select(columns).where('status', 'in', ['active', 'expiring']).where('ends_on', '<', today).orderBy('ends_on').execute()) as Candidate[];
  for (const c of over) {
    await inTransaction(ctx, async (trx) => {
      if (truthy(c.auto_renew)) {
        const claimed = await setContractColumns(trx, ctx, c.id, { status: 'renewed' }, ['active', 'expiring']);
        if (!claimed) return;
        const term = nextTerm(c.starts_on, c.ends_on);
        const [next] = await contracts.createIn(trx, ctx, [
          {
            title: c.title,
            customer_id: c.customer_id,
            deal_id: c.deal_id,
            quote_id: c.quote_id,
            starts_on: term.startsOn,
            ends_on: term.endsOn,
            value: c.value,
            currency: c.currency,
            billing_period: c.billing_period,
            renewal_notice_days: c.renewal_notice_days ?? defaultNoticeDays,
            auto_renew: true,
            status: 'active',
          },
        ]);
        await setContractColumns(trx, ctx, next.id as string, { renewed_from_id: c.id });
        await setContractColumns(trx, ctx, c.id, { renewed_to_id: next.id });
        await appendEvents(trx, ctx.actor, [{ type: 'contract.renewed', entity: 'contract', entityId: c.id, data: { renewed_to_id: next.id, starts_on: term.startsOn, ends_on: term.endsOn } }]);
        counts.renewed++;
      } else {
        const claimed = await setContractColumns(trx, ctx, c.id, { status: 'ended' }, ['active', 'expiring']);
        if (!claimed) return;
        await appendEvents(trx, ctx.actor, [{ type: 'contract.ended', entity: 'contract', entityId: c.id, data: { ends_on: c.ends_on } }]);
        counts.ended++;
      }
    });
  }

  // Within their notice period: ends_on - notice <= today <= ends_on.
  const maxNotice = await database.db
    .selectFrom('contracts')
    .select((eb) => eb.fn.max<number>('renewal_notice_days').as('n'))
    .where('status', '=', 'active')
    .executeTakeFirst();
  const horizon = addDays(today, Number(maxNotice?.n ?? defaultNoticeDays));
  const soon = (await database.db
    .selectFrom('contracts')
    .select(columns)
    .where('status', '=', 'active')
    .where('ends_on', '>=', today)
    .where('ends_on', '<=', horizon)
    .orderBy('ends_on')
    .execute()) as Candidate[];
  for (const c of soon) {
    const notice = c.renewal_notice_days ?? defaultNoticeDays;
    if (addDays(c.ends_on, -notice) > today) continue;
    await inTransaction(ctx, async (trx) => {
      const claimed = await setContractColumns(trx, ctx, c.id, { status: 'expiring', expiring_at: now.toISOString() }, ['active']);
      if (!claimed) return;
      const autoRenew = truthy(c.auto_renew);
      const dueDay = [addDays(c.ends_on, -taskLeadDays), today].sort()[1];
      const due = fromWallClock({ year: +dueDay.slice(0, 4), month: +dueDay.slice(5, 7), day: +dueDay.slice(8, 10), hour: 9, minute: 0, second: 0 }, timeZone);
      const [task] = await tasks.createIn(trx, ctx, [
        {
          title: autoRenew ? `Contract renews by itself on ${addDays(c.ends_on, 1)}: cancel or adjust before then if needed` : `Renew the contract (ends ${c.ends_on})`,
          due_at: due.toISOString(),
          priority: 'high',
          customer_id: c.customer_id,
          linked_entity: 'contract',
          linked_id: c.id,
        },
      ]);
      const deal = autoRenew
        ? null
        : await createDeal(trx, ctx, {
            title: `Renewal: ${c.title}`,
            customer_id: c.customer_id,
            value: c.value,
            currency: c.currency,
            expected_close_date: c.ends_on,
            source: 'renewal',
          });
      await setContractColumns(trx, ctx, c.id, { renewal_task_id: task.id, renewal_deal_id: deal?.id ?? null });
      await appendEvents(trx, ctx.actor, [
        { type: 'contract.expiring', entity: 'contract', entityId: c.id, data: { ends_on: c.ends_on, renewal_task_id: task.id, renewal_deal_id: deal?.id ?? null } },
      ]);
      counts.expiring++;
    });
  }
  return counts;
}

/** What "contracts to renew" means for Today: expiring, not yet renewed or ended, soonest end first. */
export async function contractsToRenew(db: Database['db'], now = new Date()) {
  const { timeZone } = await getBusinessSettings(db);
  const today = todayIn(timeZone, now);
  const rows = await db
    .selectFrom('contracts')
    .select(['id', 'title', 'customer_id', 'ends_on', 'value', 'currency', 'billing_period', 'auto_renew', 'renewal_task_id', 'renewal_deal_id'])
    .where('status', '=', 'expiring')
    .orderBy('ends_on')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id as string,
    title: r.title as string,
    customer_id: (r.customer_id as string | null) ?? null,
    ends_on: r.ends_on as string,
    days_left: Math.max(0, daysBetween(today, r.ends_on as string)),
    value: r.value === null ? null : Number(r.value),
    currency: (r.currency as string | null) ?? null,
    billing_period: (r.billing_period as string | null) ?? null,
    auto_renew: truthy(r.auto_renew),
    renewal_task_id: (r.renewal_task_id as string | null) ?? null,
    renewal_deal_id: (r.renewal_deal_id as string | null) ?? null,
  }));
}
