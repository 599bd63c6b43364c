/** Quotes waiting for the client's answer, for Today: sent or viewed, still valid, the newest version. */
import type { Db } from '../core/database.js';
import { toNumber } from '../core/database.js';
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

export async function quotesAwaitingAnswer(db: Db, now: Date = new Date(), options: { customerId?: string; limit?: number } = {}): Promise<QuoteAwaitingAnswer[]> {
  const today = todayIn((await getBusinessSettings(db)).timeZone, now);
  let q = db
    .selectFrom('quotes')
    .select(['id', 'number', 'version', 'title', 'customer_id', 'deal_id', 'status', 'total', 'currency', 'sent_at', 'viewed_at', 'valid_until'])
    .where('status', 'in', ['sent', 'viewed'])
    .where('valid_until', '>=', today)
    .where('superseded_by_id', 'is', null)
    .orderBy('total', 'desc')
    .orderBy('id');
  if (options.customerId) q = q.where('customer_id', '=', options.customerId);
  if (options.limit) q = q.limit(options.limit);
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
