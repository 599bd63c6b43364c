/** Quotes waiting for the client's answer, for Today: sent or viewed, still valid, the newest version. */
import { sql } from 'kysely';
import type { Db } from '../core/database.js';
import { toNumber } from '../core/database.js';
import { lastEventSeq } from '../core/events.js';
import { getBusinessSettings, todayIn } from '../settings/business.js';

export interface QuoteAwaitingAnswer {
  id: string;
  number: string;
  version: number;
  title: string | null;
  customer_id: string;
  deal_id: string | null;
  status: 'sent' | 'viewed';
  total: number;
  currency: string;
  sent_at: string;
  viewed_at: string | null;
  valid_until: string;
  /** Whole days since the quote was first sent. */
  days_waiting: number;
  /** Days left to accept, counting today (0 on the last valid day). */
  days_left: number;
}

const dayMs = 86_400_000;

const waiting = (db: Db, today: string) => db.selectFrom('quotes as q').where('q.status', 'in', ['sent', 'viewed']).where('q.valid_until', '>=', today).where('q.superseded_by_id', 'is', null);

/**
 * The count, kept per database and day while no event is appended (and for a minute at most): every
 * change to a quote's status (sent, viewed, answered, revised) appends an event in its
 * transaction, in whatever server process, and the day in the key drops quotes as they expire.
 * Counting thousands of waiting quotes on every Today read cost more than the rest of the quote part.
 */
const countMaxAgeMs = 60_000;
const counts = new WeakMap<object, { today: string; stamp: number; at: number; n: number }>();

/** How many quotes wait for an answer. */
export async function countQuotesAwaiting(db: Db, now: Date = new Date()): Promise<number> {
  const today = todayIn((await getBusinessSettings(db)).timeZone, now);
  if (db.isTransaction) return countWaiting(db, today);
  // The stamp is read before the count: a write committing in between leaves a newer stamp for the next read.
  const stamp = await lastEventSeq(db);
  const hit = counts.get(db);
  const at = Date.now();
  if (hit && hit.today === today && hit.stamp === stamp && at - hit.at < countMaxAgeMs && at >= hit.at) return hit.n;
  const n = await countWaiting(db, today);
  counts.set(db, { today, stamp, at, n });
  return n;
}

async function countWaiting(db: Db, today: string): Promise<number> {
  const row = await waiting(db, today)
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirst();
  return toNumber(row?.n) ?? 0;
}

export interface AwaitingOptions {
  customerId?: string;
  limit?: number;
  offset?: number;
  /** Only these quotes (those still waiting among them). */
  ids?: readonly string[];
  /** Only quotes in this currency, or only those in another one. */
  currency?: { is: string } | { not: string };
  /**
   * Highest expected value first instead of highest total: the total times the probability of the
   * stage of the quote's open deal, or `otherwise` for a quote without an open deal.
   */
  expected?: { stages: ReadonlyMap<string, number>; otherwise: number };
}

/** Quotes waiting for an answer, highest total (or expected value) first, then by id. */
export async function quotesAwaitingAnswer(db: Db, now: Date = new Date(), options: AwaitingOptions = {}): Promise<QuoteAwaitingAnswer[]> {
  const today = todayIn((await getBusinessSettings(db)).timeZone, now);
  const columns = ['id', 'number', 'version', 'title', 'customer_id', 'deal_id', 'status', 'total', 'currency', 'sent_at', 'viewed_at', 'valid_until'].map((c) => `q.${c}` as const);
  let q = waiting(db, today).select(columns);
  const expected = options.expected;
  if (expected) {
    // Probabilities go in as number literals (they are numbers, never text), so every engine multiplies two numbers.
    const probability = sql`case when ${sql.ref('d.id')} is null then ${sql.lit(expected.otherwise)}${sql.join(
      [...expected.stages].map(([stage, p]) => sql` when ${sql.ref('d.stage_id')} = ${stage} then ${sql.lit(p)}`),
      sql``,
    )} else ${sql.lit(0)} end`;
    q = q
      .leftJoin('deals as d', (join) => join.onRef('d.id', '=', 'q.deal_id').on('d.status', '=', 'open'))
      .orderBy(sql`${sql.ref('q.total')} * ${probability}`, 'desc')
      .orderBy('q.id');
  } else q = q.orderBy('q.total', 'desc').orderBy('q.id');
  if (options.customerId) q = q.where('q.customer_id', '=', options.customerId);
  if (options.ids) q = options.ids.length ? q.where('q.id', 'in', [...options.ids]) : q.where('q.id', 'is', null);
  const currency = options.currency;
  if (currency) q = 'is' in currency ? q.where('q.currency', '=', currency.is) : q.where('q.currency', '!=', currency.not);
  if (options.limit) q = q.limit(options.limit);
  if (options.offset) q = q.offset(options.offset);
  const rows = await q.execute();
  return rows.map((r) => ({
    id: r.id as string,
    number: r.number as string,
    version: Number(r.version),
    title: (r.title as string | null) ?? null,
    customer_id: r.customer_id as string,
    deal_id: (r.deal_id as string | null) ?? null,
    status: r.status as 'sent' | 'viewed',
    total: toNumber(r.total) ?? 0,
    currency: r.currency as string,
    sent_at: r.sent_at as string,
    viewed_at: (r.viewed_at as string | null) ?? null,
    valid_until: r.valid_until as string,
    days_waiting: Math.max(0, Math.floor((now.getTime() - Date.parse(r.sent_at as string)) / dayMs)),
    days_left: Math.round((Date.parse(`${r.valid_until}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / dayMs),
  }));
}
