/**
 * Redeeming the personal discount codes that campaigns and flows hand out. Each code put in a message
 * is recorded (discount_codes) with the campaign or flow it came from; an order that carries one (its
 * `discount_code`, from the API or an import) redeems it, once per order, and counts for that campaign
 * or flow in its report. A code takes as many orders as its campaign allows (one by default; a flow's
 * codes take one): a further order with it is recorded as refused and not attributed. Follows
 * `order.created`, and `order.updated` when the code changed, in the writing transaction, so a
 * redemption is never missed nor counted twice.
 */
import { sql } from 'kysely';
import { toBool, type Db } from '../core/database.js';
import { insertOrIgnore } from '../core/dialect.js';
import type { StoredEvent, Subscription } from '../core/events.js';

/** Where a code came from: a campaign or a flow. */
export type CodeSource = { campaign_id: string } | { flow_id: string };

/** Records codes put in messages; a code already recorded (the same customer, the same source) stays as it was. */
export async function recordIssuedCodes(trx: Db, source: CodeSource, codes: readonly { code: string; customer_id: string }[], issuedAt = new Date().toISOString()): Promise<void> {
  const rows = codes.map((c) => ({ code: c.code, customer_id: c.customer_id, issued_at: issuedAt, campaign_id: null, flow_id: null, ...source }));
  for (let k = 0; k < rows.length; k += 100) await insertOrIgnore(trx, 'discount_codes', rows.slice(k, k + 100), ['code']);
}

/** Codes are compared as written in the message: trimmed, in capitals. */
const normaliseCode = (code: string): string => code.trim().toUpperCase();

function codesOf(events: readonly StoredEvent[]): { orderId: string; code: string }[] {
  const out: { orderId: string; code: string }[] = [];
  for (const e of events) {
    if (e.type === 'order.updated' && !((e.data?.changed as string[] | undefined) ?? []).includes('discount_code')) continue;
    const code = (e.data?.record as { discount_code?: unknown } | undefined)?.discount_code;
    if (typeof code === 'string' && code.trim()) out.push({ orderId: e.entity_id, code: normaliseCode(code) });
  }
  return out;
}

async function redeem(trx: Db, events: StoredEvent[]): Promise<void> {
  const wanted = codesOf(events);
  if (wanted.length === 0) return;
  const issued = await trx
    .selectFrom('discount_codes as d')
    .leftJoin('campaigns as c', 'c.id', 'd.campaign_id')
    .select(['d.code as code', 'd.campaign_id as campaign_id', 'd.flow_id as flow_id', 'c.discount_uses as uses'])
    .where(
      'd.code',
      'in',
      wanted.map((w) => w.code),
    )
    .execute();
  if (issued.length === 0) return;
  const byCode = new Map(issued.map((r) => [r.code as string, r]));
  const now = new Date().toISOString();
  for (const { orderId, code } of wanted) {
    const d = byCode.get(code);
    if (!d) continue;
    // Writing the code's row first holds it (a row lock on PostgreSQL and MariaDB; SQLite writes one
    // transaction at a time), so two orders redeeming a single-use code at once cannot both be accepted.
    await trx.updateTable('discount_codes').set({ code }).where('code', '=', code).execute();
    const used = await trx
      .selectFrom('discount_redemptions')
      .select([sql<number>`count(*)`.as('n')])
      .where('code', '=', code)
      .where('accepted', '=', 1 as never)
      .where('order_id', '<>', orderId)
      .executeTakeFirstOrThrow();
    // A flow's code is one customer's, for one order.
    const uses = d.flow_id ? 1 : Number(d.uses);
    const accepted = uses === 0 || Number(used.n) < uses;
    // One redemption per order: an order updated later, or its events read again, changes nothing.
    await insertOrIgnore(trx, 'discount_redemptions', { order_id: orderId, code, campaign_id: d.campaign_id ?? null, flow_id: d.flow_id ?? null, accepted: accepted ? 1 : 0, redeemed_at: now }, [
      'order_id',
    ]);
  }
}

export const discountRedemptionSubscription: Subscription = { types: ['order.created', 'order.updated'], handle: redeem };

export interface DiscountFigures {
  /** Codes put in the campaign's messages. */
  issued: number;
  /** Codes redeemed by at least one order. */
  redeemed: number;
  /** Orders that redeemed a code (within its uses). */
  orders: number;
  /** Orders that brought a code already used up: not counted for the campaign. */
  refused: number;
}

/** A campaign's or flow's codes: issued, redeemed, and the orders that redeemed one (accepted and refused). */
export async function discountFigures(db: Db, source: CodeSource): Promise<DiscountFigures> {
  const [column, id] = 'flow_id' in source ? (['flow_id', source.flow_id] as const) : (['campaign_id', source.campaign_id] as const);
  const issued = await db
    .selectFrom('discount_codes')
    .select(sql<number>`count(*)`.as('n'))
    .where(column, '=', id)
    .executeTakeFirstOrThrow();
  const rows = await db
    .selectFrom('discount_redemptions')
    .select(['accepted', sql<number>`count(*)`.as('n'), sql<number>`count(distinct code)`.as('codes')])
    .where(column, '=', id)
    .groupBy('accepted')
    .execute();
  const figures: DiscountFigures = { issued: Number(issued.n), redeemed: 0, orders: 0, refused: 0 };
  for (const r of rows) {
    if (toBool(r.accepted)) {
      figures.orders += Number(r.n);
      figures.redeemed += Number(r.codes);
    } else figures.refused += Number(r.n);
  }
  return figures;
}

/** Orders that redeemed one of the campaign's codes (accepted only), with the recipient the code was made for. */
export async function redeemingOrders(db: Db, campaignId: string): Promise<{ order_id: string; customer_id: string }[]> {
  const rows = await db
    .selectFrom('discount_redemptions as r')
    .innerJoin('discount_codes as d', 'd.code', 'r.code')
    .select(['r.order_id as order_id', 'd.customer_id as customer_id'])
    .where('r.campaign_id', '=', campaignId)
    .where('r.accepted', '=', 1 as never)
    .execute();
  return rows.map((r) => ({ order_id: r.order_id as string, customer_id: r.customer_id as string }));
}
