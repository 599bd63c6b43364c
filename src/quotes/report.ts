/**
 * Quote acceptance: of the quotes first sent in a period, how many were accepted (online, or
 * converted by the owner), declined, expired or are still open, and how long acceptance took.
 * A quote counts once per number: its revisions are the same offer, answered by its last answer.
 */
import { z } from '@hono/zod-openapi';
import type { Db } from '../core/database.js';
import { getBusinessSettings, todayIn } from '../settings/business.js';
import { statusOn } from './service.js';

const outcomeCounts = z.object({
  sent: z.number().int(),
  accepted: z.number().int().openapi({ description: 'Accepted on the public page' }),
  converted: z.number().int().openapi({ description: 'Turned into an order by the owner' }),
  declined: z.number().int(),
  expired: z.number().int(),
  open: z.number().int().openapi({ description: 'Sent or viewed, still valid' }),
  acceptance_rate: z.number().nullable().openapi({ description: '(accepted + converted) / sent; null when nothing was sent' }),
  median_days_to_accept: z.number().nullable().openapi({ description: 'Days from first sending to acceptance (online acceptances only)' }),
  mean_days_to_accept: z.number().nullable(),
});

export const quoteReportSchema = z
  .object({
    from: z.string(),
    to: z.string(),
    totals: outcomeCounts,
    months: z.array(outcomeCounts.extend({ month: z.string().openapi({ example: '2026-03' }) })),
  })
  .openapi('QuoteReport');
export type QuoteReport = z.infer<typeof quoteReportSchema>;

interface Offer {
  firstSent: string;
  outcome: 'accepted' | 'converted' | 'declined' | 'expired' | 'open';
  daysToAccept: number | null;
}

const round = (n: number, d = 2) => Math.round(n * 10 ** d) / 10 ** d;

function summarise(offers: Offer[]) {
  const count = (o: Offer['outcome']) => offers.filter((x) => x.outcome === o).length;
  const days = offers
    .map((o) => o.daysToAccept)
    .filter((d): d is number => d !== null)
    .sort((a, b) => a - b);
  const median = days.length === 0 ? null : days.length % 2 ? days[(days.length - 1) / 2] : (days[days.length / 2 - 1] + days[days.length / 2]) / 2;
  const accepted = count('accepted');
  const converted = count('converted');
  return {
    sent: offers.length,
    accepted,
    converted,
    declined: count('declined'),
    expired: count('expired'),
    open: count('open'),
    acceptance_rate: offers.length ? round((accepted + converted) / offers.length, 4) : null,
    median_days_to_accept: median === null ? null : round(median),
    mean_days_to_accept: days.length ? round(days.reduce((s, d) => s + d, 0) / days.length) : null,
  };
}

/** One offer per quote number, from its versions: first sending, and the answer of the newest answered version. */
function offersOf(rows: { number: string; version: number; status: string; valid_until: string; sent_at: string | null; accepted_at: string | null }[], today: string): Offer[] {
  const byNumber = new Map<string, typeof rows>();
  for (const r of rows) if (r.sent_at) byNumber.set(r.number, [...(byNumber.get(r.number) ?? []), r]);
  const offers: Offer[] = [];
  for (const versions of byNumber.values()) {
    versions.sort((a, b) => a.version - b.version);
    const firstSent = versions.map((v) => v.sent_at!).sort()[0];
    const newest = versions[versions.length - 1];
    const answered = [...versions].reverse().find((v) => ['accepted', 'converted', 'declined'].includes(v.status));
    const status = answered?.status ?? statusOn(newest.status, newest.valid_until, today);
    const outcome = (['accepted', 'converted', 'declined', 'expired'].includes(status) ? status : 'open') as Offer['outcome'];
    const acceptedAt = outcome === 'accepted' ? (answered?.accepted_at ?? null) : null;
    offers.push({ firstSent, outcome, daysToAccept: acceptedAt ? (Date.parse(acceptedAt) - Date.parse(firstSent)) / 86_400_000 : null });
  }
  return offers;
}

export async function quoteReport(db: Db, range: { from?: string; to?: string }): Promise<QuoteReport> {
  const { timeZone } = await getBusinessSettings(db);
  const today = todayIn(timeZone);
  const to = range.to ?? today;
  const from = range.from ?? `${String(Number(to.slice(0, 4)) - 1)}${to.slice(4, 8)}01`;
  const rows = await db.selectFrom('quotes').select(['number', 'version', 'status', 'valid_until', 'sent_at', 'accepted_at']).where('sent_at', 'is not', null).execute();
  const offers = offersOf(
    rows.map((r) => ({
      number: r.number as string,
      version: Number(r.version),
      status: r.status as string,
      valid_until: r.valid_until as string,
      sent_at: (r.sent_at as string | null) ?? null,
      accepted_at: (r.accepted_at as string | null) ?? null,
    })),
    today,
  )
    // The day a quote was first sent, in the business's time zone (as the other reports count days).
    .map((o) => ({ offer: o, day: todayIn(timeZone, new Date(o.firstSent)) }))
    .filter(({ day }) => day >= from && day <= to);
  const months = new Map<string, Offer[]>();
  for (const { offer, day } of offers) months.set(day.slice(0, 7), [...(months.get(day.slice(0, 7)) ?? []), offer]);
  return {
    from,
    to,
    totals: summarise(offers.map((o) => o.offer)),
    months: [...months.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([month, list]) => ({ month, ...summarise(list) })),
  };
}
