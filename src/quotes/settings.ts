/**
 * What quotes say about the business (name, address, logo) and their defaults (terms, validity),
 * kept under one key of the settings table. The logo is a small PNG or JPEG kept as a data URL.
 */
import { z } from '@hono/zod-openapi';
import type { Database, Db } from '../core/database.js';
import { invalid } from '../core/errors.js';
import { issuesToFields } from '../records/validation.js';
import { readSetting, writeSetting } from '../settings/store.js';

const quoteSettingsKey = 'quotes';
const maxLogoBytes = 256 * 1024;

const logoPattern = /^data:image\/(png|jpeg);base64,([A-Za-z0-9+/]+={0,2})$/;

export const quoteSettingsSchema = z
  .object({
    business_name: z.string().trim().max(255).nullable().openapi({ description: 'Shown at the top of every quote and in the email' }),
    business_address: z.string().max(1000).nullable().openapi({ description: 'Several lines: street, city, VAT number...' }),
    logo: z
      .string()
      .nullable()
      .openapi({ description: `A PNG or JPEG as a data URL (data:image/png;base64,...), ${maxLogoBytes / 1024} KB at most` }),
    default_terms: z.string().max(20_000).nullable().openapi({ description: 'Terms a new quote starts with' }),
    validity_days: z.number().int().min(1).max(365).openapi({ description: 'A new quote is valid this many days unless it says otherwise' }),
    follow_up_days: z.number().int().min(0).max(90).openapi({ description: 'The follow-up task of an accepted quote is due this many days later' }),
  })
  .openapi('QuoteSettings');
export type QuoteSettings = z.infer<typeof quoteSettingsSchema>;

export const quoteSettingsPatch = quoteSettingsSchema
  .partial()
  .strict()
  .superRefine((v, ctx) => {
    if (v.logo === undefined || v.logo === null) return;
    const m = logoPattern.exec(v.logo);
    if (!m) ctx.addIssue({ code: 'custom', path: ['logo'], message: 'must be a PNG or JPEG data URL (data:image/png;base64,...)' });
    else if (Buffer.from(m[2], 'base64').length > maxLogoBytes) ctx.addIssue({ code: 'custom', path: ['logo'], message: `larger than ${maxLogoBytes / 1024} KB` });
  })
  .openapi('QuoteSettingsPatch');

export const defaultQuoteSettings: QuoteSettings = { business_name: null, business_address: null, logo: null, default_terms: null, validity_days: 30, follow_up_days: 2 };

export async function getQuoteSettings(db: Db): Promise<QuoteSettings> {
  const stored = (await readSetting<Partial<QuoteSettings>>(db, quoteSettingsKey)) ?? {};
  return { ...defaultQuoteSettings, ...stored };
}

export async function updateQuoteSettings(database: Database, patch: unknown): Promise<QuoteSettings> {
  const parsed = quoteSettingsPatch.safeParse(patch);
  if (!parsed.success) throw invalid('invalid quote settings', issuesToFields(parsed.error.issues));
  const next = { ...(await getQuoteSettings(database.db)), ...parsed.data };
  await writeSetting(database, quoteSettingsKey, next);
  return next;
}

/** The logo's bytes and kind, when one is set. */
export function logoImage(settings: QuoteSettings): { data: Buffer; type: 'png' | 'jpeg' } | null {
  const m = settings.logo ? logoPattern.exec(settings.logo) : null;
  return m ? { data: Buffer.from(m[2], 'base64'), type: m[1] as 'png' | 'jpeg' } : null;
}
