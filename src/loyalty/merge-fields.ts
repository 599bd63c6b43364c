/**
 * The loyalty merge fields of email templates: `{{ points }}` (the balance), `{{ tier }}` (the tier's
 * name, null without one) and `{{ referral_link }}` (the customer's link, absolute so that it works in
 * a mail), for many customers in a few reads. A customer without a referral code gets one here.
 */
import type { Db } from '../core/database.js';
import { getMailSettings } from '../mail/settings.js';
import { getBalances } from './ledger.js';
import { referralCodeFor } from './referrals.js';
import { getLoyaltySettings, publicLink } from './settings.js';
import { listTiers } from './tiers.js';

export interface LoyaltyMergeFields {
  points: number;
  tier: string | null;
  referral_link: string;
}

export async function loyaltyMergeFields(db: Db, customerIds: readonly string[]): Promise<Map<string, LoyaltyMergeFields>> {
  const out = new Map<string, LoyaltyMergeFields>();
  if (customerIds.length === 0) return out;
  const balances = await getBalances(db, customerIds);
  const tierNames = new Map((await listTiers(db)).map((t) => [t.id, t.name]));
  const loyalty = await getLoyaltySettings(db);
  // The loyalty settings' public address, else the one mails already use for their links.
  const settings = { ...loyalty, public_url: loyalty.public_url || (await getMailSettings(db)).public_url };
  const codes = new Map<string, string>();
  for (let i = 0; i < customerIds.length; i += 500) {
    const rows = await db
      .selectFrom('referral_codes')
      .select(['customer_id', 'code'])
      .where('customer_id', 'in', customerIds.slice(i, i + 500))
      .execute();
    for (const r of rows) codes.set(r.customer_id as string, r.code as string);
  }
  for (const id of customerIds) {
    const balance = balances.get(id);
    const code = codes.get(id) ?? (await referralCodeFor(db, id));
    out.set(id, { points: balance?.points ?? 0, tier: balance?.tier_id ? (tierNames.get(balance.tier_id) ?? null) : null, referral_link: publicLink(settings, `/r/${code}`) });
  }
  return out;
}
