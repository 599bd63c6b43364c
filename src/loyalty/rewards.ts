/**
 * The rewards catalogue (a discount code, a free product, or something custom) with a points price,
 * and redeeming: the points, the code or the order line, and the redemption are written in the
 * caller's transaction, so a redemption happens whole or not at all.
 */
import { randomBytes } from 'node:crypto';
import { z } from '@hono/zod-openapi';
import type { Ctx } from '../core/context.js';
import type { Db } from '../core/database.js';
import { toBool, toNumber } from '../core/database.js';
import { conflict, invalid, notFound } from '../core/errors.js';
import { newId } from '../core/ids.js';
import { issuesToFields } from '../records/validation.js';
import { createOrdersIn, updateOrdersIn } from '../sales/orders.js';
import { debitPoints } from './ledger.js';

const rewardKinds = ['discount_code', 'free_product', 'custom'] as const;

export const rewardSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: z.enum(rewardKinds),
    points_price: z.number().int(),
    description: z.string().nullable(),
    discount_amount: z.number().nullable().openapi({ description: 'Discount codes: an amount off in the business currency' }),
    discount_percent: z.number().nullable().openapi({ description: 'Discount codes: a percentage off' }),
    product_id: z.string().nullable().openapi({ description: 'Free products: the product given' }),
    uses_per_code: z.number().int().nullable().openapi({ description: 'Discount codes: how many orders may use one code (1 unless set; null: unlimited)' }),
    active: z.boolean(),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .openapi('LoyaltyReward');
export type Reward = z.infer<typeof rewardSchema>;

const fields = {
  name: z.string().trim().min(1).max(255),
  kind: z.enum(rewardKinds),
  points_price: z.number().int().positive().max(1e9),
  description: z.string().max(5000).nullable().optional(),
  discount_amount: z.number().finite().positive().max(1e9).nullable().optional(),
  discount_percent: z.number().finite().positive().max(100).nullable().optional(),
  product_id: z.string().max(40).nullable().optional(),
  uses_per_code: z.number().int().positive().max(1e9).nullable().optional(),
  active: z.boolean().optional(),
};
export const rewardCreateInput = z.object(fields).strict().openapi('LoyaltyRewardCreate');
export const rewardUpdateInput = z.object(fields).partial().strict().openapi('LoyaltyRewardUpdate');

export const redemptionSchema = z
  .object({
    id: z.string(),
    customer_id: z.string(),
    reward_id: z.string(),
    points: z.number().int(),
    code: z.string().nullable().openapi({ description: 'The discount code made for the customer' }),
    uses_left: z.number().int().nullable(),
    order_id: z.string().nullable().openapi({ description: 'The order holding the free product' }),
    created_at: z.string(),
  })
  .openapi('LoyaltyRedemption');
export type Redemption = z.infer<typeof redemptionSchema>;

const toReward = (r: Record<string, unknown>): Reward => ({
  id: r.id as string,
  name: r.name as string,
  kind: r.kind as Reward['kind'],
  points_price: Number(r.points_price),
  description: (r.description as string | null) ?? null,
  discount_amount: toNumber(r.discount_amount),
  discount_percent: toNumber(r.discount_percent),
  product_id: (r.product_id as string | null) ?? null,
  uses_per_code: r.uses_per_code === null || r.uses_per_code === undefined ? null : Number(r.uses_per_code),
  active: toBool(r.active) ?? false,
  created_at: r.created_at as string,
  updated_at: r.updated_at as string,
});

const toRedemption = (r: Record<string, unknown>): Redemption => ({
  id: r.id as string,
  customer_id: r.customer_id as string,
  reward_id: r.reward_id as string,
  points: Number(r.points),
  code: (r.code as string | null) ?? null,
  uses_left: r.uses_left === null || r.uses_left === undefined ? null : Number(r.uses_left),
  order_id: (r.order_id as string | null) ?? null,
  created_at: r.created_at as string,
});

function parse<T extends z.ZodTypeAny>(schema: T, input: unknown): z.infer<T> {
  const result = schema.safeParse(input);
  if (!result.success) throw invalid('invalid reward', issuesToFields(result.error.issues));
  return result.data;
}

async function checkReward(db: Db, reward: Reward): Promise<void> {
  if (reward.kind === 'discount_code' && (reward.discount_amount === null) === (reward.discount_percent === null))
    throw invalid('a discount code needs an amount or a percentage (one of them)', { discount_amount: ['give discount_amount or discount_percent'] });
  if (reward.kind === 'free_product') {
    if (!reward.product_id) throw invalid('a free product reward needs a product', { product_id: ['required for free products'] });
    if (!(await db.selectFrom('products').select('id').where('id', '=', reward.product_id).executeTakeFirst()))
      throw invalid(`product ${reward.product_id} does not exist`, { product_id: ['no such product'] });
  }
}

export async function listRewards(db: Db): Promise<Reward[]> {
  return (await db.selectFrom('loyalty_rewards').selectAll().orderBy('points_price').orderBy('id').execute()).map(toReward);
}

async function getReward(db: Db, id: string): Promise<Reward> {
  const row = await db.selectFrom('loyalty_rewards').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('reward', id);
  return toReward(row);
}

const storable = (r: Reward) => ({ ...r, active: r.active ? 1 : 0 });

export async function createReward(db: Db, input: unknown): Promise<Reward> {
  const d = parse(rewardCreateInput, input);
  const now = new Date().toISOString();
  const reward: Reward = {
    id: newId('loyaltyReward'),
    name: d.name,
    kind: d.kind,
    points_price: d.points_price,
    description: d.description ?? null,
    discount_amount: d.discount_amount ?? null,
    discount_percent: d.discount_percent ?? null,
    product_id: d.product_id ?? null,
    uses_per_code: d.uses_per_code === undefined ? 1 : d.uses_per_code,
    active: d.active ?? true,
    created_at: now,
    updated_at: now,
  };
  await checkReward(db, reward);
  await db.insertInto('loyalty_rewards').values(storable(reward)).execute();
  return reward;
}

export async function updateReward(db: Db, id: string, input: unknown): Promise<Reward> {
  const reward = { ...(await getReward(db, id)), ...parse(rewardUpdateInput, input), updated_at: new Date().toISOString() } as Reward;
  await checkReward(db, reward);
  const { id: _id, created_at: _c, ...set } = storable(reward);
  await db.updateTable('loyalty_rewards').set(set).where('id', '=', id).execute();
  return reward;
}

/** A reward that was redeemed is switched off rather than deleted: its redemptions name it. */
export async function deleteReward(db: Db, id: string): Promise<void> {
  await getReward(db, id);
  if (await db.selectFrom('loyalty_redemptions').select('id').where('reward_id', '=', id).limit(1).executeTakeFirst()) {
    await db.updateTable('loyalty_rewards').set({ active: 0, updated_at: new Date().toISOString() }).where('id', '=', id).execute();
  } else await db.deleteFrom('loyalty_rewards').where('id', '=', id).execute();
}

const codeAlphabet = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
function rewardCode(): string {
  let out = 'RW';
  for (const b of randomBytes(10)) out += codeAlphabet[b % codeAlphabet.length];
  return out;
}

export const redeemInput = z
  .object({
    reward_id: z.string().min(1).max(40),
    order_id: z.string().min(1).max(40).optional().openapi({ description: 'Free products: add the line to this order of the customer instead of a new order' }),
  })
  .strict()
  .openapi('LoyaltyRedeem');

/**
 * Redeems a reward for a customer in the caller's transaction: the points are spent (409 when the
 * balance is short, and then nothing is written), and the discount code, or the free product's
 * order line, and the redemption row are written with them.
 */
export async function redeemReward(trx: Db, ctx: Ctx, customerId: string, input: unknown): Promise<Redemption> {
  const { reward_id, order_id } = parse(redeemInput, input);
  if (!(await trx.selectFrom('customers').select('id').where('id', '=', customerId).executeTakeFirst())) throw notFound('customer', customerId);
  const reward = await getReward(trx, reward_id).catch(() => {
    throw invalid(`reward ${reward_id} does not exist`, { reward_id: ['no such reward'] });
  });
  if (!reward.active) throw conflict(`reward ${reward.name} is not offered any more`, { reward_id: ['inactive'] });
  // Read in this transaction (on SQLite the only connection is the one holding it), before anything is written.
  const order = reward.kind === 'free_product' && order_id ? await trx.selectFrom('orders').select(['customer_id', 'total']).where('id', '=', order_id).executeTakeFirst() : undefined;
  if (order_id && reward.kind === 'free_product' && (!order || order.customer_id !== customerId))
    throw invalid(`order ${order_id} is not an order of this customer`, { order_id: ['not an order of this customer'] });
  const id = newId('loyaltyRedemption');
  await debitPoints(trx, ctx.actor, { customerId, kind: 'spend', points: reward.points_price, redemptionId: id, reason: `redeemed: ${reward.name}` }, { reward_id: reward.id, redemption_id: id });
  let code: string | null = null;
  let orderId: string | null = null;
  if (reward.kind === 'discount_code') {
    for (;;) {
      code = rewardCode();
      if (!(await trx.selectFrom('loyalty_redemptions').select('id').where('code', '=', code).executeTakeFirst())) break;
    }
  } else if (reward.kind === 'free_product') {
    const line = { product_id: reward.product_id, quantity: 1, unit_price: 0 };
    if (order_id && order) {
      const lines = (await trx.selectFrom('order_lines').select(['product_id', 'sku', 'product_name', 'quantity', 'unit_price']).where('order_id', '=', order_id).orderBy('position').execute()).map(
        (l) => ({
          product_id: (l.product_id as string | null) ?? null,
          sku: (l.sku as string | null) ?? null,
          product_name: (l.product_name as string | null) ?? null,
          quantity: toNumber(l.quantity) ?? 1,
          unit_price: toNumber(l.unit_price) ?? 0,
        }),
      );
      await updateOrdersIn(trx, ctx, [{ id: order_id, patch: { total: toNumber(order.total), lines: [...lines, line] } }]);
      orderId = order_id;
    } else {
      // A reward order of zero: it is the customer's, fulfilled, and earns nothing.
      const [order] = await createOrdersIn(trx, ctx, [
        { customer_id: customerId, ordered_at: new Date().toISOString(), status: 'fulfilled', total: 0, notes: `Reward: ${reward.name}`, lines: [line] },
      ]);
      orderId = order.id as string;
    }
  }
  const row: Redemption = {
    id,
    customer_id: customerId,
    reward_id: reward.id,
    points: reward.points_price,
    code,
    uses_left: code ? reward.uses_per_code : null,
    order_id: orderId,
    created_at: new Date().toISOString(),
  };
  await trx.insertInto('loyalty_redemptions').values(row).execute();
  return row;
}

export async function listRedemptions(db: Db, customerId: string): Promise<Redemption[]> {
  return (await db.selectFrom('loyalty_redemptions').selectAll().where('customer_id', '=', customerId).orderBy('created_at', 'desc').orderBy('id', 'desc').limit(200).execute()).map(toRedemption);
}

/** Counts a use of each reward code an order was placed with (a code of unlimited uses is not counted down). */
export async function useRewardCodes(trx: Db, codes: readonly string[]): Promise<void> {
  for (const code of codes) {
    await trx
      .updateTable('loyalty_redemptions')
      .set((eb) => ({ uses_left: eb('uses_left', '-', 1) }))
      .where('code', '=', code.trim().toUpperCase())
      .where('uses_left', '>', 0)
      .execute();
  }
}
