/** Programme settings: what a point is worth, when points expire, and where referral links lead. */
import { z } from '@hono/zod-openapi';
import type { Database, Db } from '../core/database.js';
import { invalid } from '../core/errors.js';
import { issuesToFields } from '../records/validation.js';
import { readSetting, writeSetting } from '../settings/store.js';

const loyaltySettingsKey = 'loyalty';

export const loyaltySettingsSchema = z
  .object({
    point_value: z.number().finite().min(0).max(1e6).openapi({ description: 'What one point is worth in the business currency when redeemed (for the liability report)' }),
    expiry_days: z.number().int().min(1).max(36500).nullable().openapi({ description: 'Points expire this many days after they were earned, oldest first; null: never' }),
    public_url: z.string().url().max(500).nullable().openapi({ description: 'The address customers reach Rapport at, for referral links and customer pages; null: links are relative' }),
    referral_form_id: z.string().max(40).nullable().openapi({ description: 'The lead form a referral link leads to (`/f/{id}?ref=CODE`)' }),
    shop_url: z.string().url().max(500).nullable().openapi({ description: 'The shop a referral link leads to (with `?ref=CODE`) when no form is set' }),
  })
  .openapi('LoyaltySettings');
export type LoyaltySettings = z.infer<typeof loyaltySettingsSchema>;

const defaultLoyaltySettings: LoyaltySettings = { point_value: 0.01, expiry_days: null, public_url: null, referral_form_id: null, shop_url: null };

export async function getLoyaltySettings(db: Db): Promise<LoyaltySettings> {
  const stored = await readSetting<Partial<LoyaltySettings>>(db, loyaltySettingsKey);
  const parsed = loyaltySettingsSchema.partial().safeParse(stored ?? {});
  return { ...defaultLoyaltySettings, ...(parsed.success ? parsed.data : {}) };
}

export async function updateLoyaltySettings(database: Database, patch: unknown): Promise<LoyaltySettings> {
  const parsed = loyaltySettingsSchema.partial().strict().safeParse(patch);
  if (!parsed.success) throw invalid('invalid loyalty settings', issuesToFields(parsed.error.issues));
  const next = { ...(await getLoyaltySettings(database.db)), ...parsed.data };
  await writeSetting(database, loyaltySettingsKey, next);
  return next;
}

/** An absolute link when the public address is known, else one relative to Rapport's root. */
export function publicLink(settings: LoyaltySettings, path: string): string {
  return settings.public_url ? `${settings.public_url.replace(/\/+$/, '')}${path}` : path;
}
