/**
 * Today's list, ranked by money at stake: every candidate (a due task, a rotten deal, a quote waiting
 * for an answer, a contract to renew, a customer worth a call) becomes an item with its expected value
 * and the reason in words. Pure functions over plain data; src/today/load.ts gathers the data.
 */
import { todayIn } from '../settings/business.js';
import { moneyText } from '../settings/money-text.js';

export const todayKinds = ['task', 'deal', 'quote', 'contract', 'customer'] as const;
type TodayKind = (typeof todayKinds)[number];

export interface TodayItem {
  kind: TodayKind;
  /** The record's id (task, deal, quote, contract or customer). */
  id: string;
  title: string;
  /** Why it is on the list and how its value was reckoned, in words. */
  reason: string;
  /** The money at stake: value x probability (or the stated default for a task linked to nothing of value). */
  expected_value: number;
  value: number | null;
  probability: number | null;
  currency: string;
  /** False when the item is in another currency than the business's: listed after the ranked ones. */
  comparable: boolean;
  customer_id: string | null;
  /** When it is due (tasks), ends (contracts) or expires (quotes). */
  due: string | null;
  /** The web app page that opens the record. */
  link: string;
}

/** The stake of a record a task can point at: what acting on the task may win or keep. */
export interface Stake {
  value: number;
  probability: number;
  expected_value: number;
  currency: string;
  /** The stake in words, e.g. "deal Website at €5,000.00 x 40% (learnt)". */
  words: string;
}

export interface TaskInput {
  id: string;
  title: string;
  due_at: string;
  priority: string | null;
  customer_id: string | null;
  linked_entity: string | null;
  linked_id: string | null;
}

export interface DealInput {
  deal_id: string;
  title: string;
  customer_id: string | null;
  stage_name: string;
  value: number;
  currency: string | null;
  probability: number;
  probability_basis: 'learnt' | 'configured';
  expected_value: number;
  days_without_activity: number;
  rotten: boolean;
  rotten_days: number | null;
}

export interface QuoteInput {
  id: string;
  number: string;
  title: string | null;
  customer_id: string;
  deal_id: string | null;
  status: 'sent' | 'viewed';
  total: number;
  currency: string;
  viewed_at: string | null;
  valid_until: string;
  days_waiting: number;
  days_left: number;
}

export interface ContractInput {
  id: string;
  title: string;
  customer_id: string | null;
  ends_on: string;
  days_left: number;
  value: number | null;
  currency: string | null;
  billing_period: string | null;
  auto_renew: boolean;
}

export interface CustomerInput {
  id: string;
  name: string;
  clv: number;
  churn_risk: number;
  value_at_risk: number;
  currency: string;
  /** The churn risk in words, as the customer page says it. */
  reason: string | null;
}

export interface RankContext {
  currency: string;
  /** Today's date in the business time zone (YYYY-MM-DD). */
  today: string;
  /** The business time zone (IANA), in which a task's due day is counted. */
  timeZone: string;
  /** What a task linked to nothing of value counts for, in the business currency. */
  defaultTaskValue: number;
}

const percent = (p: number) => `${Math.round(p * 100)}%`;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function dealStake(d: DealInput, fallbackCurrency: string): Stake {
  const currency = d.currency ?? fallbackCurrency;
  return {
    value: d.value,
    probability: d.probability,
    expected_value: d.expected_value,
    currency,
    words: `deal "${d.title}" at ${moneyText(d.value, currency, fallbackCurrency)} x ${percent(d.probability)} (${d.probability_basis} probability of ${d.stage_name || 'its stage'})`,
  };
}

export function quoteStake(q: QuoteInput, probability: { value: number; words: string }, businessCurrency: string): Stake {
  return {
    value: q.total,
    probability: probability.value,
    expected_value: q.total * probability.value,
    currency: q.currency,
    words: `quote ${q.number} at ${moneyText(q.total, q.currency, businessCurrency)} x ${percent(probability.value)} (${probability.words})`,
  };
}

export function contractStake(c: ContractInput, fallbackCurrency: string): Stake | null {
  if (c.value === null) return null;
  const currency = c.currency ?? fallbackCurrency;
  return {
    value: c.value,
    probability: 1,
    expected_value: c.value,
    currency,
    words: `contract "${c.title}" worth ${moneyText(c.value, currency, fallbackCurrency)}${c.billing_period && c.billing_period !== 'one_off' ? ` ${c.billing_period}` : ''}`,
  };
}

export function customerStake(c: CustomerInput, businessCurrency: string): Stake {
  return {
    value: c.clv,
    probability: c.churn_risk,
    expected_value: c.value_at_risk,
    currency: c.currency,
    words: `${c.name}'s lifetime value ${moneyText(c.clv, c.currency, businessCurrency)} x churn risk ${percent(c.churn_risk)}`,
  };
}

export function taskItem(t: TaskInput, stake: Stake | null, ctx: RankContext): TodayItem {
  const day = todayIn(ctx.timeZone, new Date(t.due_at));
  const overdue = day < ctx.today;
  const when = overdue ? `Overdue since ${day}` : 'Due today';
  const worth = stake ? `: ${stake.words}` : `: linked to nothing with a value, counted at the default ${moneyText(ctx.defaultTaskValue, ctx.currency, ctx.currency)}`;
  return {
    kind: 'task',
    id: t.id,
    title: t.title,
    reason: `${when}${t.priority && t.priority !== 'normal' ? ` (${t.priority} priority)` : ''}${worth}`,
    expected_value: stake ? stake.expected_value : ctx.defaultTaskValue,
    value: stake ? stake.value : null,
    probability: stake ? stake.probability : null,
    currency: stake ? stake.currency : ctx.currency,
    comparable: (stake ? stake.currency : ctx.currency) === ctx.currency,
    customer_id: t.customer_id,
    due: t.due_at,
    link: t.customer_id ? `/customers/${t.customer_id}` : '/tasks',
  };
}

export function dealItem(d: DealInput, ctx: RankContext): TodayItem {
  const stake = dealStake(d, ctx.currency);
  return {
    kind: 'deal',
    id: d.deal_id,
    title: d.title,
    reason: `Rotten: no activity for ${plural(d.days_without_activity, 'day')}${d.rotten_days !== null ? ` (rotten after ${d.rotten_days})` : ''}; ${moneyText(d.value, stake.currency, ctx.currency)} x ${percent(d.probability)} ${d.probability_basis} probability of ${d.stage_name || 'its stage'}`,
    expected_value: stake.expected_value,
    value: d.value,
    probability: d.probability,
    currency: stake.currency,
    comparable: stake.currency === ctx.currency,
    customer_id: d.customer_id,
    due: null,
    link: `/deals/${d.deal_id}`,
  };
}

export function quoteItem(q: QuoteInput, probability: { value: number; words: string }, ctx: RankContext): TodayItem {
  const stake = quoteStake(q, probability, ctx.currency);
  const seen = q.status === 'viewed' && q.viewed_at ? `viewed on ${todayIn(ctx.timeZone, new Date(q.viewed_at))}` : 'sent but not opened yet';
  return {
    kind: 'quote',
    id: q.id,
    title: q.title ? `${q.number}: ${q.title}` : q.number,
    reason: `Quote ${seen}, ${q.days_waiting === 0 ? 'no answer yet' : `no answer after ${plural(q.days_waiting, 'day')}`}; valid ${q.days_left === 0 ? 'until today' : `for ${plural(q.days_left, 'more day')}`}; ${moneyText(q.total, q.currency, ctx.currency)} x ${percent(probability.value)} (${probability.words})`,
    expected_value: stake.expected_value,
    value: q.total,
    probability: probability.value,
    currency: q.currency,
    comparable: q.currency === ctx.currency,
    customer_id: q.customer_id,
    due: q.valid_until,
    link: `/quotes/${q.id}`,
  };
}

export function contractItem(c: ContractInput, ctx: RankContext): TodayItem {
  const stake = contractStake(c, ctx.currency);
  const currency = stake?.currency ?? ctx.currency;
  return {
    kind: 'contract',
    id: c.id,
    title: c.title,
    reason: `Ends on ${c.ends_on} (${c.days_left === 0 ? 'today' : `in ${plural(c.days_left, 'day')}`}); ${c.auto_renew ? 'renews by itself unless cancelled' : 'needs renewing'}; ${stake ? `worth ${moneyText(stake.value, currency, ctx.currency)}${c.billing_period && c.billing_period !== 'one_off' ? ` ${c.billing_period}` : ''}` : 'no value recorded, counted at 0'}`,
    expected_value: stake?.expected_value ?? 0,
    value: c.value,
    probability: stake ? 1 : null,
    currency,
    comparable: currency === ctx.currency,
    customer_id: c.customer_id,
    due: c.ends_on,
    link: `/contracts/${c.id}`,
  };
}

export function customerItem(c: CustomerInput, ctx: RankContext): TodayItem {
  return {
    kind: 'customer',
    id: c.id,
    title: `Call ${c.name}`,
    reason: `Worth a call: lifetime value ${moneyText(c.clv, c.currency, ctx.currency)} x churn risk ${percent(c.churn_risk)} = ${moneyText(c.value_at_risk, c.currency, ctx.currency)} at risk${c.reason ? `; ${c.reason}` : ''}`,
    expected_value: c.value_at_risk,
    value: c.clv,
    probability: c.churn_risk,
    currency: c.currency,
    comparable: c.currency === ctx.currency,
    customer_id: c.id,
    due: null,
    link: `/customers/${c.id}`,
  };
}

/** Ties go to what is more pressing by kind: a due task before a deal, a deal before a quote, ... */
const kindOrder: Record<TodayKind, number> = { task: 0, deal: 1, quote: 2, contract: 3, customer: 4 };

/**
 * One list: items in the business currency by expected value, highest first; items in other currencies
 * after them (their amounts cannot be compared), each group in the same order. Stable for equal values.
 */
export function rankToday(items: readonly TodayItem[], limit = 50): TodayItem[] {
  return [...items]
    .sort(
      (a, b) =>
        Number(b.comparable) - Number(a.comparable) ||
        b.expected_value - a.expected_value ||
        kindOrder[a.kind] - kindOrder[b.kind] ||
        (a.due ?? '\uffff').localeCompare(b.due ?? '\uffff') ||
        a.id.localeCompare(b.id),
    )
    .slice(0, limit);
}
