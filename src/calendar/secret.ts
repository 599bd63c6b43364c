/**
 * The calendar feed's secret: a random nonce signed with the instance secret (HMAC), handed out once;
 * only its SHA-256 is stored. A forged token fails the signature without a database read; a rotated
 * one no longer matches the stored hash. Both checks always run, with constant-time comparisons.
 */
import { createHmac, randomBytes } from 'node:crypto';
import type { Database, Db } from '../core/database.js';
import { instanceSecret, safeEqual, sha256 } from '../auth/secrets.js';
import { readSetting, writeSetting } from '../settings/store.js';

const feedSettingKey = 'calendar.feed';
const nonceChars = 22; // 16 bytes, base64url
const signatureChars = 43; // 32 bytes, base64url

interface StoredFeed {
  token_sha256: string;
  created_at: string;
}

const sign = (secret: Buffer, nonce: string) => createHmac('sha256', secret).update(`calendar-feed\n${nonce}`).digest('base64url');

export async function feedStatus(db: Db): Promise<{ active: boolean; created_at: string | null }> {
  const stored = await readSetting<StoredFeed | null>(db, feedSettingKey);
  return { active: !!stored?.token_sha256, created_at: stored?.created_at ?? null };
}

/** Makes a new feed secret (the previous one stops working) and returns it: the only time it is seen. */
export async function rotateFeedSecret(database: Database): Promise<{ token: string; created_at: string }> {
  const nonce = randomBytes(16).toString('base64url');
  const token = nonce + sign(await instanceSecret(database.db), nonce);
  const created_at = new Date().toISOString();
  await writeSetting(database, feedSettingKey, { token_sha256: sha256(token), created_at } satisfies StoredFeed);
  return { token, created_at };
}

export async function disableFeed(database: Database): Promise<void> {
  await writeSetting(database, feedSettingKey, null);
}

/** Whether a token is the current feed secret. */
export async function isFeedToken(db: Db, token: string): Promise<boolean> {
  const wellFormed = token.length === nonceChars + signatureChars && /^[\w-]+$/.test(token);
  const candidate = wellFormed ? token : 'x'.repeat(nonceChars + signatureChars);
  const signed = safeEqual(sign(await instanceSecret(db), candidate.slice(0, nonceChars)), candidate.slice(nonceChars));
  const stored = await readSetting<StoredFeed | null>(db, feedSettingKey);
  const matches = safeEqual(sha256(candidate), stored?.token_sha256 ?? sha256('no feed'));
  return wellFormed && signed && matches && !!stored?.token_sha256;
}
