/** The follow-up cadence: days between follow-ups, Fibonacci by default. */
import { z } from '@hono/zod-openapi';
import type { Database, Db } from '../core/database.js';
import { invalid } from '../core/errors.js';
import { issuesToFields } from '../records/validation.js';
import { readSetting, writeSetting } from '../settings/store.js';

const followupSettingsKey = 'followups';
const defaultIntervals = [1, 2, 3, 5, 8, 13];

export const followupSettingsSchema = z
  .object({
    enabled: z.boolean().openapi({ description: 'Whether sent quotes and form leads start a cadence' }),
    intervals: z.array(z.number().int().min(1).max(365)).min(1).max(20).openapi({
      description: 'Days between follow-ups: the first is due this many days after the quote was sent or the lead came in, each next one this many days after the one before',
      example: defaultIntervals,
    }),
  })
  .strict()
  .openapi('FollowupSettings');

export type FollowupSettings = z.infer<typeof followupSettingsSchema>;

export async function getFollowupSettings(db: Db): Promise<FollowupSettings> {
  const stored = await readSetting<Partial<FollowupSettings>>(db, followupSettingsKey);
  const parsed = followupSettingsSchema.safeParse({ enabled: stored?.enabled ?? true, intervals: stored?.intervals ?? defaultIntervals });
  return parsed.success ? parsed.data : { enabled: true, intervals: defaultIntervals };
}

export async function updateFollowupSettings(database: Database, patch: unknown): Promise<FollowupSettings> {
  const parsed = followupSettingsSchema.partial().strict().safeParse(patch);
  if (!parsed.success) throw invalid('invalid follow-up settings', issuesToFields(parsed.error.issues));
  const next = { ...(await getFollowupSettings(database.db)), ...parsed.data };
  await writeSetting(database, followupSettingsKey, next);
  return next;
}
