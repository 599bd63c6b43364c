/** Insight settings: thresholds and horizons stored in the settings table under one key. */
import { z } from '@hono/zod-openapi';
import type { Database, Db } from '../core/database.js';
import { invalid } from '../core/errors.js';
import { issuesToFields } from '../records/validation.js';
import { readSetting, writeSetting } from './db.js';
import { defaultScoreThresholds } from './score-events.js';

const settingsKey = 'insights';

export const insightSettingsSchema = z
  .object({
    /** Last purchase within this many days: active. */
    active_days: z.number().int().min(0).max(3650),
    /** Within this many days (but not active): inactive; older: churned. */
    inactive_days: z.number().int().min(0).max(36500),
    /** RFM quantile bins: 4 or 5 (or any 2..10). */
    rfm_bins: z.number().int().min(2).max(10),
    /** Time unit of the BG/NBD model. */
    time_unit: z.enum(['days', 'weeks']),
    /** Horizon of expected purchases and purchase probability, in days. */
    horizon_days: z.number().int().min(1).max(3650),
    /** CLV horizon in months and monthly discount rate. */
    clv_months: z.number().int().min(1).max(120),
    monthly_discount_rate: z.number().min(0).max(1),
    /** Purchase-probability window (label = bought within this many days after the cutoff). */
    prediction_window_days: z.number().int().min(1).max(3650),
    /** Thresholds whose crossing between two runs emits customer.score_crossed (P(alive) and churn risk 0..1, CLV in money). */
    score_thresholds: z
      .object({
        p_alive: z.array(z.number().min(0).max(1)).max(10),
        churn_risk: z.array(z.number().min(0).max(1)).max(10),
        clv: z.array(z.number().min(0).max(1e12)).max(10),
      })
      .strict(),
  })
  .strict();

export type InsightSettings = z.infer<typeof insightSettingsSchema>;

export const defaultSettings: InsightSettings = {
  active_days: 90,
  inactive_days: 365,
  rfm_bins: 5,
  time_unit: 'weeks',
  horizon_days: 90,
  clv_months: 12,
  monthly_discount_rate: 0.01,
  prediction_window_days: 90,
  score_thresholds: defaultScoreThresholds,
};

export async function getInsightSettings(db: Db): Promise<InsightSettings> {
  const stored = await readSetting<Partial<InsightSettings>>(db, settingsKey);
  const merged = { ...defaultSettings, ...(stored ?? {}) };
  const parsed = insightSettingsSchema.safeParse(merged);
  return parsed.success ? parsed.data : defaultSettings;
}

export async function updateInsightSettings(database: Database, patch: unknown): Promise<InsightSettings> {
  const current = await getInsightSettings(database.db);
  const parsed = insightSettingsSchema.partial().strict().safeParse(patch);
  if (!parsed.success) throw invalid('invalid insight settings', issuesToFields(parsed.error.issues));
  const next = { ...current, ...parsed.data };
  if (next.inactive_days < next.active_days) throw invalid('inactive_days must be at least active_days', { inactive_days: ['must be at least active_days'] });
  await writeSetting(database, settingsKey, next);
  return next;
}
