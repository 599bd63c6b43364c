/**
 * A campaign's report: per variant and in total, what the mail worker did with its messages (sent,
 * delivered, bounced, complained, suppressed, failed), opens (inflated by mail privacy proxies that
 * fetch every image) and clicks, unsubscribes through its messages, and the orders and revenue
 * attributed to it: a recipient's orders within the attribution window after their first click, and
 * orders that redeemed one of its personal discount codes (see discounts.ts).
 * Attributed amounts are in the business currency only (currencies are not converted): attributed
 * orders in other currencies are counted apart, per currency, and the report says so in words.
 * Campaign touches recorded as interactions under the same campaign name (imported from another
 * tool, as in GET /api/reports/campaigns) are shown beside it.
 */
import { z } from '@hono/zod-openapi';
import { sql } from 'kysely';
import type { Db } from '../core/database.js';
import { countedOrderStatuses } from '../schema/entities.js';
import { getBusinessSettings } from '../settings/business.js';
import { discountFigures, redeemingOrders } from './discounts.js';
import { abStanding } from './send.js';
import { abResultSchema, getCampaign } from './service.js';

const figures = z.object({
  recipients: z.number().int(),
  queued: z.number().int().openapi({ description: 'Waiting for the mail worker (or held by a pause)' }),
  sent: z.number().int().openapi({ description: 'Accepted by the mail server (delivered + bounced + complained)' }),
  delivered: z.number().int().openapi({ description: 'Accepted and not bounced' }),
  bounced: z.number().int(),
  bounced_hard: z.number().int(),
  bounced_soft: z.number().int(),
  complained: z.number().int(),
  suppressed: z.number().int().openapi({ description: 'Not sent: suppressed address or consent withdrawn before sending' }),
  failed: z.number().int(),
  not_sent: z.number().int().openapi({ description: 'Dropped by a cancel before going out' }),
  opened: z.number().int().openapi({ description: 'Inflated: mail privacy proxies (Apple Mail Privacy Protection, Gmail image proxy) fetch every image' }),
  clicked: z.number().int(),
  unsubscribed: z.number().int(),
  attributed_orders: z.number().int(),
  attributed_revenue: z.number(),
  click_rate: z.number().nullable().openapi({ description: 'clicked / delivered' }),
});

export const campaignReportSchema = z
  .object({
    campaign_id: z.string(),
    name: z.string(),
    status: z.string(),
    attribution_days: z.number().int(),
    currency: z.string().openapi({ description: 'The business currency: attributed orders and revenue count orders in it only' }),
    other_currencies: z
      .array(z.object({ currency: z.string(), orders: z.number().int(), revenue: z.number() }))
      .openapi({ description: 'Attributed orders in other currencies, left out of attributed_orders and attributed_revenue (amounts are not converted)' }),
    attribution: z.string().openapi({ description: 'What the attributed figures count, in words' }),
    discount_codes: z
      .object({
        issued: z.number().int().openapi({ description: "Personal codes put in the campaign's messages" }),
        redeemed: z.number().int().openapi({ description: 'Codes redeemed by at least one order' }),
        orders: z.number().int().openapi({ description: 'Orders that redeemed a code (attributed to the campaign)' }),
        refused: z.number().int().openapi({ description: 'Orders that brought a code already used as often as the campaign allows: not attributed' }),
      })
      .openapi({ description: "The campaign's personal discount codes and their redemptions" }),
    opens_inflated: z.literal(true).openapi({ description: 'Opens are counted but overstated by mail privacy proxies; judge by clicks' }),
    totals: figures,
    variants: z.array(figures.extend({ key: z.string() })),
    ab: z
      .object({
        metric: z.enum(['click', 'conversion']),
        threshold: z.number(),
        phase: z.enum(['not_started', 'testing', 'decided']),
        confidence: z.string().openapi({ description: 'How sure the test is, in words' }),
        variants: z.array(
          z.object({
            key: z.string(),
            recipients: z.number().int(),
            trials: z.number().int(),
            successes: z.number().int(),
            rate: z.number().nullable(),
            p_best: z.number().nullable(),
            expected_loss: z.number().nullable(),
          }),
        ),
        result: abResultSchema.nullable(),
        decides_at: z.string().nullable(),
      })
      .nullable(),
    interactions: z
      .object({ sent: z.number().int(), opened: z.number().int(), clicked: z.number().int(), converted: z.number().int(), revenue: z.number() })
      .nullable()
      .openapi({ description: 'Campaign touches recorded as interactions under this campaign name (the campaigns report), when there are any' }),
  })
  .openapi('CampaignReportDetail');
export type CampaignReport = z.infer<typeof campaignReportSchema>;

type Figures = z.infer<typeof figures>;
const empty = (): Figures => ({
  recipients: 0,
  queued: 0,
  sent: 0,
  delivered: 0,
  bounced: 0,
  bounced_hard: 0,
  bounced_soft: 0,
  complained: 0,
  suppressed: 0,
  failed: 0,
  not_sent: 0,
  opened: 0,
  clicked: 0,
  unsubscribed: 0,
  attributed_orders: 0,
  attributed_revenue: 0,
  click_rate: null,
});

const round2 = (x: number) => Math.round(x * 100) / 100;

export async function campaignReport(db: Db, id: string): Promise<CampaignReport> {
  const c = await getCampaign(db, id);
  const per = new Map<string, Figures>(c.variants.map((v) => [v.key, empty()]));
  const rows = await db
    .selectFrom('campaign_recipients as r')
    .leftJoin('messages as m', 'm.id', 'r.message_id')
    .select([
      'r.variant as variant',
      'm.status as status',
      sql<number>`count(*)`.as('n'),
      sql<number>`sum(case when m.opened_at is not null then 1 else 0 end)`.as('opened'),
      sql<number>`sum(case when m.clicked_at is not null then 1 else 0 end)`.as('clicked'),
    ])
    .where('r.campaign_id', '=', id)
    .groupBy(['r.variant', 'm.status'])
    .execute();
  for (const r of rows) {
    const f = per.get(r.variant as string) ?? empty();
    per.set(r.variant as string, f);
    const n = Number(r.n);
    f.recipients += n;
    f.opened += Number(r.opened ?? 0);
    f.clicked += Number(r.clicked ?? 0);
    switch (r.status as string | null) {
      case null:
        f.not_sent += n;
        break;
      case 'queued':
      case 'sending':
        f.queued += n;
        break;
      case 'sent':
        f.sent += n;
        f.delivered += n;
        break;
      case 'bounced_hard':
        f.sent += n;
        f.bounced += n;
        f.bounced_hard += n;
        break;
      case 'bounced_soft':
        f.sent += n;
        f.bounced += n;
        f.bounced_soft += n;
        break;
      case 'complained':
        f.sent += n;
        f.complained += n;
        break;
      case 'suppressed':
        f.suppressed += n;
        break;
      default:
        f.failed += n;
    }
  }
  const unsubscribed = await db
    .selectFrom('suppressions as s')
    .innerJoin('campaign_recipients as r', 'r.message_id', 's.message_id')
    .select(['r.variant as variant', sql<number>`count(*)`.as('n')])
    .where('r.campaign_id', '=', id)
    .where('s.reason', '=', 'unsubscribed')
    .groupBy('r.variant')
    .execute();
  for (const u of unsubscribed) per.get(u.variant as string)!.unsubscribed += Number(u.n);

  // Attribution: orders of a recipient from their click to the end of the window, and orders that
  // redeemed one of the campaign's discount codes (each order once, for the variant its recipient got).
  const attributed = new Map<string, string>();
  const clicks = await db
    .selectFrom('campaign_recipients as r')
    .innerJoin('messages as m', 'm.id', 'r.message_id')
    .select(['r.variant as variant', 'r.customer_id as customer_id', 'm.clicked_at as clicked_at'])
    .where('r.campaign_id', '=', id)
    .where('m.clicked_at', 'is not', null)
    .execute();
  const window = c.attribution_days * 86_400_000;
  for (let i = 0; i < clicks.length; i += 500) {
    const chunk = clicks.slice(i, i + 500);
    const byCustomer = new Map(chunk.map((k) => [k.customer_id as string, k]));
    const orders = await db
      .selectFrom('orders')
      .select(['id', 'customer_id', 'ordered_at'])
      .where('customer_id', 'in', [...byCustomer.keys()])
      .execute();
    for (const o of orders) {
      const k = byCustomer.get(o.customer_id as string)!;
      const from = new Date(k.clicked_at as string).getTime();
      const at = new Date(o.ordered_at as string).getTime();
      if (at >= from && at < from + window) attributed.set(o.id as string, k.variant as string);
    }
  }
  const redeemed = await redeemingOrders(db, id);
  if (redeemed.length) {
    const variantOf = new Map<string, string>();
    const holders = [...new Set(redeemed.map((r) => r.customer_id))];
    for (let i = 0; i < holders.length; i += 500) {
      const rows = await db
        .selectFrom('campaign_recipients')
        .select(['customer_id', 'variant'])
        .where('campaign_id', '=', id)
        .where('customer_id', 'in', holders.slice(i, i + 500))
        .execute();
      for (const r of rows) variantOf.set(r.customer_id as string, r.variant as string);
    }
    for (const r of redeemed) if (!attributed.has(r.order_id) && variantOf.has(r.customer_id)) attributed.set(r.order_id, variantOf.get(r.customer_id)!);
  }
  const { currency } = await getBusinessSettings(db);
  const other = new Map<string, { orders: number; revenue: number }>();
  const orderIds = [...attributed.keys()];
  for (let i = 0; i < orderIds.length; i += 500) {
    const orders = await db
      .selectFrom('orders')
      .select(['id', 'total', 'currency'])
      .where('id', 'in', orderIds.slice(i, i + 500))
      .where('status', 'in', [...countedOrderStatuses])
      .execute();
    for (const o of orders) {
      if (o.currency !== currency) {
        const x = other.get(o.currency as string) ?? { orders: 0, revenue: 0 };
        x.orders++;
        x.revenue += Number(o.total);
        other.set(o.currency as string, x);
        continue;
      }
      const f = per.get(attributed.get(o.id as string)!)!;
      f.attributed_orders++;
      f.attributed_revenue += Number(o.total);
    }
  }
  const variants = c.variants.map((v) => {
    const f = per.get(v.key)!;
    return { key: v.key, ...f, attributed_revenue: round2(f.attributed_revenue), click_rate: f.delivered ? Math.round((f.clicked / f.delivered) * 10000) / 10000 : null };
  });
  const totals = empty();
  for (const v of variants) for (const k of Object.keys(totals) as (keyof Figures)[]) if (k !== 'click_rate') (totals[k] as number) += v[k] as number;
  totals.attributed_revenue = round2(totals.attributed_revenue);
  totals.click_rate = totals.delivered ? Math.round((totals.clicked / totals.delivered) * 10000) / 10000 : null;

  let ab: CampaignReport['ab'] = null;
  if (c.ab) {
    const standing = await abStanding(db, c);
    ab = {
      metric: c.ab.metric,
      threshold: c.ab.threshold,
      phase: c.ab_result ? 'decided' : c.test_sent_at ? 'testing' : 'not_started',
      confidence: c.ab_result
        ? `Variant ${c.ab_result.variant} was chosen (${c.ab_result.reason === 'threshold' ? 'its P(best) reached the threshold' : 'the wait ended'}) with P(best) ${Math.round(c.ab_result.p_best[c.variants.findIndex((v) => v.key === c.ab_result!.variant)] * 100)} %. ${standing.confidence}`
        : standing.confidence,
      variants: standing.variants,
      result: c.ab_result,
      decides_at: c.test_sent_at && !c.ab_result ? new Date(new Date(c.test_sent_at).getTime() + c.ab.wait_hours * 3_600_000).toISOString() : null,
    };
  }

  const touch = await db
    .selectFrom('interactions as i')
    .leftJoin('orders as o', 'o.id', 'i.order_id')
    .select([
      sql<number>`count(*)`.as('sent'),
      sql<number>`sum(case when i.opened then 1 else 0 end)`.as('opened'),
      sql<number>`sum(case when i.clicked then 1 else 0 end)`.as('clicked'),
      sql<number>`sum(case when i.converted then 1 else 0 end)`.as('converted'),
      sql<number>`sum(case when o.status in (${sql.join([...countedOrderStatuses])}) then o.total else 0 end)`.as('revenue'),
    ])
    .where('i.type', '=', 'campaign')
    .where('i.campaign', '=', c.name)
    .executeTakeFirst();
  const interactions =
    touch && Number(touch.sent) > 0
      ? { sent: Number(touch.sent), opened: Number(touch.opened ?? 0), clicked: Number(touch.clicked ?? 0), converted: Number(touch.converted ?? 0), revenue: round2(Number(touch.revenue ?? 0)) }
      : null;

  const otherCurrencies = [...other].sort(([a], [b]) => (a < b ? -1 : 1)).map(([code, x]) => ({ currency: code, orders: x.orders, revenue: round2(x.revenue) }));
  const leftOut = otherCurrencies.map((o) => `${o.orders} in ${o.currency} (${o.revenue.toFixed(2)} ${o.currency})`).join(', ');
  const attribution = `Orders (${countedOrderStatuses.join(', ')}) of a recipient within ${c.attribution_days} days after their first click, and orders that redeemed one of the campaign's discount codes, in ${currency}${leftOut ? `; left out: ${leftOut}, as currencies are not converted` : ''}.`;
  return {
    campaign_id: c.id,
    name: c.name,
    status: c.status,
    attribution_days: c.attribution_days,
    currency,
    other_currencies: otherCurrencies,
    attribution,
    discount_codes: await discountFigures(db, { campaign_id: c.id }),
    opens_inflated: true,
    totals,
    variants,
    ab,
    interactions,
  };
}
