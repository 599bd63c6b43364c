/**
 * Gathers Today's candidates from the capabilities that own them (deals, quotes, contracts, tasks,
 * customer scores) and ranks them with the pure functions of rank.ts. Reads only.
 */
import { readRows, toNumber, type Db } from '../core/database.js';
import { dateOfDay, dayNumber, zoneOffset } from '../core/day-count.js';
import { traitsOf } from '../core/dialect.js';
import { contractsToRenew } from '../contracts/renewals.js';
import { topRottenDeals } from '../deals/rotten-top.js';
import { learntProbabilities, openDealsAtStake } from '../deals/stake.js';
import { customerScores, latestRunVerdict } from '../insights/customer-scores.js';
import { countQuotesAwaiting, quotesAwaitingAnswer } from '../quotes/awaiting.js';
import { getBusinessSettings, todayIn } from '../settings/business.js';
import {
  contractItem,
  contractStake,
  customerItem,
  customerStake,
  dealItem,
  dealStake,
  quoteItem,
  quoteStake,
  rankToday,
  taskItem,
  type CustomerInput,
  type DealInput,
  type QuoteInput,
  type RankContext,
  type Stake,
  type TaskInput,
  type TodayItem,
} from './rank.js';

/** What a due task linked to nothing with a value counts for, in the business currency (stated in its reason). */
const defaultTaskValue = 50;
/** Customers worth a call: the few with the most value at risk. */
const customersToCall = 10;
/** Tasks looked at: the oldest due first. */
const maxTasks = 500;
/** Below this many answered quotes, a quote without a deal is counted at an even chance. */
const minAnsweredQuotes = 5;
/** Waiting quotes read at a time, highest expected value first, while one of them can still make the list. */
const quotePage = 100;

export interface Today {
  as_of: string;
  today: string;
  time_zone: string;
  currency: string;
  default_task_value: number;
  /** How many candidates of each kind were considered (before the list was cut to `limit`). */
  counts: Record<TodayItem['kind'], number>;
  items: TodayItem[];
}

/** The first instant of the next day in the business time zone, as ISO text. */
function endOfDay(now: Date, timeZone: string): string {
  const next = Date.parse(`${dateOfDay(dayNumber(now, timeZone) + 1)}T00:00:00Z`);
  return new Date(next - zoneOffset(next, timeZone)).toISOString();
}

const personName = (r: Record<string, unknown>) => [r.first_name, r.last_name].filter((v) => typeof v === 'string' && v).join(' ') || (r.company as string) || (r.email as string) || (r.id as string);

const scoreColumns = [
  'id',
  'first_name',
  'last_name',
  'email',
  'company',
  'clv',
  'churn_risk',
  'p_alive',
  'value_at_risk',
  'score_basis',
  'usual_gap_days',
  'stage',
  'last_order_at',
  'order_count',
] as const;

/**
 * Customers whose value at risk rests on reliable figures, as the customer page shows them: the same
 * stored CLV, churn risk and value at risk, the same reason in words.
 */
async function customersAtRisk(db: Db, currency: string, timeZone: string, now: Date, ids?: string[]): Promise<CustomerInput[]> {
  let q = db
    .selectFrom('customers')
    .select([...scoreColumns])
    .where('value_at_risk', 'is not', null)
    .where('clv', 'is not', null)
    .where('erased_at', 'is', null);
  q = ids
    ? q.where('id', 'in', ids)
    : q
        // Both descending, so the (value_at_risk, id) index is read backwards and the read stops early.
        .orderBy('value_at_risk', 'desc')
        .orderBy('id', 'desc')
        .limit(customersToCall * 3);
  const rows = await readRows<Record<string, unknown>>(db, q);
  if (rows.length === 0) return [];
  const verdict = await latestRunVerdict(db);
  const out: CustomerInput[] = [];
  for (const r of rows) {
    const scores = customerScores(r, verdict, timeZone, now);
    if (!scores.reliability.clv.reliable || !scores.reliability.p_alive.reliable) continue;
    if (scores.clv === null || scores.churn_risk === null || scores.value_at_risk === null) continue;
    out.push({ id: r.id as string, name: personName(r), clv: scores.clv, churn_risk: scores.churn_risk, value_at_risk: scores.value_at_risk, currency, reason: scores.reason });
  }
  return ids ? out : out.slice(0, customersToCall);
}

async function dueTasks(db: Db, before: string): Promise<TaskInput[]> {
  const rows = await readRows<Record<string, unknown>>(
    db,
    db
      .selectFrom('tasks')
      .select(['id', 'title', 'due_at', 'priority', 'customer_id', 'linked_entity', 'linked_id'])
      .where('done', '=', traitsOf(db).falseValue)
      .where('due_at', 'is not', null)
      .where('due_at', '<', before)
      .orderBy('due_at')
      .orderBy('id')
      .limit(maxTasks),
  );
  return rows.map((r) => ({
    id: r.id as string,
    title: (r.title as string | null) ?? '(untitled task)',
    due_at: r.due_at as string,
    priority: (r.priority as string | null) ?? null,
    customer_id: (r.customer_id as string | null) ?? null,
    linked_entity: (r.linked_entity as string | null) ?? null,
    linked_id: (r.linked_id as string | null) ?? null,
  }));
}

/** The chance a quote without an open deal is accepted: this business's acceptance rate, or an even chance. */
async function quoteAcceptance(db: Db): Promise<{ value: number; words: string }> {
  const rows = await readRows<{ status: string; n: unknown }>(
    db,
    db
      .selectFrom('quotes')
      .select(['status', (eb) => eb.fn.countAll().as('n')])
      .where('status', 'in', ['accepted', 'converted', 'declined'])
      .groupBy('status'),
  );
  let accepted = 0;
  let answered = 0;
  for (const r of rows) {
    const n = toNumber(r.n) ?? 0;
    answered += n;
    if (r.status !== 'declined') accepted += n;
  }
  if (answered < minAnsweredQuotes) return { value: 0.5, words: `an even chance: only ${answered} quotes answered so far` };
  return { value: accepted / answered, words: `acceptance rate, ${accepted} of ${answered} quotes answered` };
}

async function orderStakes(db: Db, ids: string[], currency: string): Promise<Map<string, Stake>> {
  const out = new Map<string, Stake>();
  if (ids.length === 0) return out;
  const rows = await readRows<Record<string, unknown>>(db, db.selectFrom('orders').select(['id', 'total', 'currency']).where('id', 'in', ids));
  for (const r of rows) {
    const total = toNumber(r.total);
    if (total === null) continue;
    const c = (r.currency as string | null) ?? currency;
    out.set(r.id as string, { value: total, probability: 1, expected_value: total, currency: c, words: `order of ${total} ${c}` });
  }
  return out;
}

/**
 * Today's list. Waiting quotes are read highest expected value first, a page at a time, and only
 * while the next one could still make the list: once the expected values left fall below the list's
 * last place, the other quotes are only counted.
 * `exhaustive` reads every waiting quote instead (the same list, for tests to compare with).
 */
export async function loadToday(db: Db, now = new Date(), options: { limit?: number; exhaustive?: boolean } = {}): Promise<Today> {
  const { currency, timeZone } = await getBusinessSettings(db);
  const today = todayIn(timeZone, now);
  const limit = options.limit ?? 50;
  const ctx: RankContext = { currency, today, timeZone, defaultTaskValue };
  const tasks = await dueTasks(db, endOfDay(now, timeZone));
  const taskLinks = (entity: string) => tasks.filter((t) => t.linked_entity === entity && t.linked_id).map((t) => t.linked_id!);
  // Quotes a due task is about are priced whatever their total; the others are read below.
  const quotes = new Map<string, QuoteInput>();
  const addQuotes = (list: QuoteInput[]) => list.filter((q) => !quotes.has(q.id) && quotes.set(q.id, q));
  addQuotes((await quotesAwaitingAnswer(db, now, options.exhaustive ? {} : { ids: [...new Set(taskLinks('quote'))] })) as QuoteInput[]);
  // Only the deals Today can show or price: the rotten ones that can make the list, and those a read quote or a due task names.
  const dealIdsOf = (list: QuoteInput[]) => list.map((q) => q.deal_id).filter((id): id is string => !!id);
  const namedDeals = [...dealIdsOf([...quotes.values()]), ...taskLinks('deal')];
  let deals: DealInput[];
  let rottenCount: number | null = null;
  if (options.exhaustive) deals = (await openDealsAtStake(db, now, { rottenOrIds: namedDeals })) as DealInput[];
  else {
    const top = await topRottenDeals(db, now, { limit, currency });
    rottenCount = top.count;
    const read = new Set(top.deals.map((d) => d.deal_id));
    deals = [...top.deals, ...(await openDealsAtStake(db, now, { ids: namedDeals.filter((id) => !read.has(id)) }))] as DealInput[];
  }
  const dealById = new Map(deals.map((d) => [d.deal_id, d]));
  const readDealsOf = async (list: QuoteInput[]) => {
    const missing = dealIdsOf(list).filter((id) => !dealById.has(id));
    if (missing.length) for (const d of (await openDealsAtStake(db, now, { ids: missing })) as DealInput[]) dealById.set(d.deal_id, d);
  };
  const [contracts, atRisk, acceptance] = [await contractsToRenew(db, now), await customersAtRisk(db, currency, timeZone, now), await quoteAcceptance(db)];
  const quoteProbability = (q: QuoteInput) => {
    const deal = q.deal_id ? dealById.get(q.deal_id) : undefined;
    return deal ? { value: deal.probability, words: `${deal.probability_basis} probability of its deal's stage ${deal.stage_name}` } : acceptance;
  };
  // What each due task is worth: the record it is linked to, else its customer's value at risk.
  const stakes = new Map<string, Stake>();
  for (const d of deals) stakes.set(`deal:${d.deal_id}`, dealStake(d, currency));
  for (const q of quotes.values()) stakes.set(`quote:${q.id}`, quoteStake(q, quoteProbability(q), currency));
  for (const c of contracts) {
    const s = contractStake(c, currency);
    if (s) stakes.set(`contract:${c.id}`, s);
  }
  for (const c of atRisk) stakes.set(`customer:${c.id}`, customerStake(c, currency));
  for (const [id, s] of await orderStakes(db, [...new Set(taskLinks('order'))], currency)) stakes.set(`order:${id}`, s);
  const taskCustomers = [...new Set(tasks.flatMap((t) => [t.customer_id, t.linked_entity === 'customer' ? t.linked_id : null]).filter((id): id is string => !!id && !stakes.has(`customer:${id}`)))];
  for (let i = 0; i < taskCustomers.length; i += 500)
    for (const c of await customersAtRisk(db, currency, timeZone, now, taskCustomers.slice(i, i + 500))) stakes.set(`customer:${c.id}`, customerStake(c, currency));
  const stakeOf = (t: TaskInput) =>
    (t.linked_entity && t.linked_id ? stakes.get(`${t.linked_entity}:${t.linked_id}`) : undefined) ?? (t.customer_id ? stakes.get(`customer:${t.customer_id}`) : undefined) ?? null;

  const rotten = deals.filter((d) => d.rotten);
  const items: TodayItem[] = [
    ...tasks.map((t) => taskItem(t, stakeOf(t), ctx)),
    ...rotten.map((d) => dealItem(d, ctx)),
    ...contracts.map((c) => contractItem(c, ctx)),
    ...atRisk.map((c) => customerItem(c, ctx)),
  ];
  if (!options.exhaustive) {
    // The expected value of the list's last place among items in the business currency (none while the list is short).
    const comparable = items.filter((i) => i.comparable).map((i) => i.expected_value);
    for (const q of quotes.values()) if (q.currency === currency) comparable.push(quoteItem(q, quoteProbability(q), ctx).expected_value);
    const lastPlace = () => (comparable.length < limit ? -Infinity : [...comparable].sort((a, b) => b - a)[limit - 1]);
    // Read in the order of their expected value as the list prices them (the stage of their open deal, else the acceptance rate).
    const expected = { stages: new Map((await learntProbabilities(db)).map((p) => [p.stage_id, p.used])), otherwise: acceptance.value };
    for (let offset = 0; ;) {
      const page = (await quotesAwaitingAnswer(db, now, { currency: { is: currency }, expected, limit: quotePage, offset })) as QuoteInput[];
      await readDealsOf(page);
      for (const q of addQuotes(page)) comparable.push(quoteItem(q, quoteProbability(q), ctx).expected_value);
      if (page.length < quotePage) {
        // Every quote in the business currency is in; quotes in other currencies rank after them all.
        if (comparable.length < limit) {
          const others = (await quotesAwaitingAnswer(db, now, { currency: { not: currency } })) as QuoteInput[];
          await readDealsOf(others);
          addQuotes(others);
        }
        break;
      }
      offset += page.length;
      // The quotes left are worth at most the last one read: done once it is below the list's last place.
      const last = quoteItem(page[page.length - 1], quoteProbability(page[page.length - 1]), ctx).expected_value;
      const place = lastPlace();
      if (last < place - Math.max(1e-9, Math.abs(place) * 1e-9)) break;
    }
  }
  items.push(...[...quotes.values()].map((q) => quoteItem(q, quoteProbability(q), ctx)));
  return {
    as_of: now.toISOString(),
    today,
    time_zone: timeZone,
    currency,
    default_task_value: defaultTaskValue,
    counts: {
      task: tasks.length,
      deal: rottenCount ?? rotten.length,
      quote: options.exhaustive ? quotes.size : await countQuotesAwaiting(db, now),
      contract: contracts.length,
      customer: atRisk.length,
    },
    items: rankToday(items, limit),
  };
}
