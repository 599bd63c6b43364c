/**
 * What became of a set of texts (those a flow step sent, say): how many wait, went out, were delivered,
 * failed or were held back, and how many were answered with an opt-out keyword. A STOP answers the
 * latest text its sender had received from Rapport, so it counts for that text only.
 */
import { z } from '@hono/zod-openapi';
import type { Db } from '../core/database.js';
import { optOutKeywords } from './service.js';

export const smsOutcomesSchema = z
  .object({
    texts: z.number().int(),
    queued: z.number().int().openapi({ description: 'Waiting for the provider' }),
    sent: z.number().int().openapi({ description: 'Accepted by the provider (delivered, undelivered or not yet reported)' }),
    delivered: z.number().int().openapi({ description: 'Reported delivered to the handset' }),
    failed: z.number().int().openapi({ description: 'Refused by the provider or reported undelivered' }),
    suppressed: z.number().int().openapi({ description: 'Not sent: the number opted out or consent was withdrawn before sending' }),
    stop_replies: z.number().int().openapi({ description: 'Texts answered with STOP (or another opt-out keyword) before any later text' }),
  })
  .openapi('SmsOutcomes');
export type SmsOutcomes = z.infer<typeof smsOutcomesSchema>;

const chunked = async <T, R>(items: T[], size: number, f: (chunk: T[]) => Promise<R[]>): Promise<R[]> => {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += size) out.push(...(await f(items.slice(i, i + size))));
  return out;
};

export async function smsOutcomes(db: Db, ids: readonly string[]): Promise<SmsOutcomes> {
  const out: SmsOutcomes = { texts: 0, queued: 0, sent: 0, delivered: 0, failed: 0, suppressed: 0, stop_replies: 0 };
  const texts = await chunked([...new Set(ids)], 500, (chunk) => db.selectFrom('sms_messages').select(['id', 'customer_id', 'status']).where('id', 'in', chunk).execute());
  for (const t of texts) {
    out.texts++;
    switch (t.status as string) {
      case 'queued':
      case 'sending':
        out.queued++;
        break;
      case 'sent':
        out.sent++;
        break;
      case 'delivered':
        out.sent++;
        out.delivered++;
        break;
      case 'undelivered':
        out.sent++;
        out.failed++;
        break;
      case 'suppressed':
        out.suppressed++;
        break;
      default:
        out.failed++;
    }
  }
  const customers = [...new Set(texts.map((t) => t.customer_id as string | null).filter((c): c is string => !!c))];
  if (customers.length === 0) return out;
  const stops = await chunked(customers, 500, (chunk) =>
    db.selectFrom('sms_inbound').select(['customer_id', 'received_at']).where('customer_id', 'in', chunk).where('keyword', 'in', optOutKeywords).execute(),
  );
  if (stops.length === 0) return out;
  // Every text the opting-out customers received, to find the one each STOP answered.
  const stopping = [...new Set(stops.map((s) => s.customer_id as string))];
  const received = await chunked(stopping, 500, (chunk) => db.selectFrom('sms_messages').select(['id', 'customer_id', 'created_at']).where('customer_id', 'in', chunk).execute());
  const byCustomer = new Map<string, { id: string; at: string }[]>();
  for (const r of received) {
    const list = byCustomer.get(r.customer_id as string) ?? [];
    list.push({ id: r.id as string, at: r.created_at as string });
    byCustomer.set(r.customer_id as string, list);
  }
  const ours = new Set(texts.map((t) => t.id as string));
  const answered = new Set<string>();
  for (const s of stops) {
    let latest: { id: string; at: string } | null = null;
    for (const r of byCustomer.get(s.customer_id as string) ?? []) if (r.at <= (s.received_at as string) && (!latest || r.at > latest.at)) latest = r;
    if (latest && ours.has(latest.id)) answered.add(latest.id);
  }
  out.stop_replies = answered.size;
  return out;
}
