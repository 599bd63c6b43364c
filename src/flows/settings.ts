/** Flow settings: the global daily sending budget shared by every flow's email and SMS steps. */
import { z } from '@hono/zod-openapi';
import type { Database, Db } from '../core/database.js';
import { invalid } from '../core/errors.js';
import { issuesToFields } from '../records/validation.js';
import { readSetting, writeSetting } from '../settings/store.js';

const flowSettingsKey = 'flows';

export const flowSettingsSchema = z
  .object({
    daily_send_budget: z.number().int().min(0).max(1_000_000).openapi({
      description: 'Emails and SMS all flows together may send per day (business time zone); a step over budget waits for the next day',
      example: 500,
    }),
  })
  .strict()
  .openapi('FlowSettings');

export type FlowSettings = z.infer<typeof flowSettingsSchema>;
const defaultFlowSettings: FlowSettings = { daily_send_budget: 500 };

export async function getFlowSettings(db: Db): Promise<FlowSettings> {
  const stored = await readSetting<Partial<FlowSettings>>(db, flowSettingsKey);
  const parsed = flowSettingsSchema.safeParse({ ...defaultFlowSettings, ...(stored ?? {}) });
  return parsed.success ? parsed.data : defaultFlowSettings;
}

export async function updateFlowSettings(database: Database, patch: unknown): Promise<FlowSettings> {
  const parsed = flowSettingsSchema.partial().strict().safeParse(patch);
  if (!parsed.success) throw invalid('invalid flow settings', issuesToFields(parsed.error.issues));
  const next = { ...(await getFlowSettings(database.db)), ...parsed.data };
  await writeSetting(database, flowSettingsKey, next);
  return next;
}
