/** What the loyalty programme holds about a person, for their data-subject export. */
import { z } from '@hono/zod-openapi';
import type { Db } from '../core/database.js';
import { getBalance } from './ledger.js';

export const loyaltyExportSchema = z
  .object({
    points: z.number().int(),
    tier_id: z.string().nullable(),
    referral_code: z.string().nullable(),
    referred_by: z.string().nullable(),
    entries: z.array(
      z.object({ kind: z.string(), points: z.number().int(), reason: z.string().nullable(), order_id: z.string().nullable(), expires_at: z.string().nullable(), created_at: z.string() }),
    ),
    redemptions: z.array(z.object({ reward_id: z.string(), points: z.number().int(), code: z.string().nullable(), order_id: z.string().nullable(), created_at: z.string() })),
  })
  .openapi('LoyaltyExport');

export async function exportLoyalty(db: Db, customerId: string): Promise<z.infer<typeof loyaltyExportSchema>> {
  const balance = await getBalance(db, customerId);
  const code = await db.selectFrom('referral_codes').select('code').where('customer_id', '=', customerId).executeTakeFirst();
  const referredBy = await db.selectFrom('referrals').select('referrer_id').where('referred_id', '=', customerId).executeTakeFirst();
  const entries = await db
    .selectFrom('loyalty_entries')
    .select(['kind', 'points', 'reason', 'order_id', 'expires_at', 'created_at'])
    .where('customer_id', '=', customerId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const redemptions = await db
    .selectFrom('loyalty_redemptions')
    .select(['reward_id', 'points', 'code', 'order_id', 'created_at'])
    .where('customer_id', '=', customerId)
    .orderBy('created_at')
    .execute();
  return {
    points: balance.points,
    tier_id: balance.tier_id,
    referral_code: (code?.code as string | undefined) ?? null,
    referred_by: (referredBy?.referrer_id as string | undefined) ?? null,
    entries: entries.map((e) => ({
      kind: e.kind as string,
      points: Number(e.points),
      reason: (e.reason as string | null) ?? null,
      order_id: (e.order_id as string | null) ?? null,
      expires_at: (e.expires_at as string | null) ?? null,
      created_at: e.created_at as string,
    })),
    redemptions: redemptions.map((r) => ({
      reward_id: r.reward_id as string,
      points: Number(r.points),
      code: (r.code as string | null) ?? null,
      order_id: (r.order_id as string | null) ?? null,
      created_at: r.created_at as string,
    })),
  };
}
