/**
 * What keeps bots out of public forms without a captcha: a honeypot field people never see, a signed
 * fill token that says when the form was handed out (a submission faster than a person can type is a
 * bot's), and submission counters per client address and per form, kept in the database so every
 * process serving the form shares them.
 */
import { createHmac } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../core/database.js';
import { insertOrIgnore } from '../core/dialect.js';
import { safeEqual, sha256 } from '../auth/secrets.js';

/** Name of the honeypot input: hidden from people by CSS, filled in by form-filling bots. */
export const honeypotField = 'website_url';
/** Name of the input that carries the fill token. */
export const fillTokenField = '_rapport_t';
/** Faster than this from handing out the form to submitting it is not a person. */
const minFillMs = 2_000;
/** A form handed out longer ago than this must be reloaded. */
const maxFillMs = 24 * 3600_000;

const mac = (key: string, formId: string, issuedAt: number) => createHmac('sha256', key).update(`${formId}.${issuedAt}`).digest('base64url');

/** The token put into a form when it is handed out: when, signed with the form's key. */
export function fillToken(form: { id: string; signing_key: string }, issuedAt = Date.now()): string {
  return `${issuedAt}.${mac(form.signing_key, form.id, issuedAt)}`;
}

export type FillCheck = { ok: true } | { ok: false; reason: 'missing' | 'forged' | 'expired' | 'too_fast' };

export function checkFillToken(form: { id: string; signing_key: string }, token: unknown, now = Date.now()): FillCheck {
  if (typeof token !== 'string' || !/^\d{1,16}\.[\w-]{43}$/.test(token)) return { ok: false, reason: 'missing' };
  const [issued, signature] = token.split('.');
  const issuedAt = Number(issued);
  if (!safeEqual(signature, mac(form.signing_key, form.id, issuedAt))) return { ok: false, reason: 'forged' };
  if (now - issuedAt > maxFillMs || issuedAt - now > 60_000) return { ok: false, reason: 'expired' };
  if (now - issuedAt < minFillMs) return { ok: false, reason: 'too_fast' };
  return { ok: true };
}

export interface RateLimit {
  /** Submissions allowed per window. */
  max: number;
  windowMs: number;
}

/** Per client address and form: a person sends a form a few times at most. */
export const perClientLimit: RateLimit = { max: 5, windowMs: 10 * 60_000 };
/** Per form, whatever the address: a flood from many addresses stops here. */
export const perFormLimit: RateLimit = { max: 100, windowMs: 10 * 60_000 };

/**
 * Takes one hit of a counter, or returns false when the window's hits are used up. The check and the
 * count are one UPDATE, so concurrent submissions (in one process or several) never pass the limit
 * between them. Keys are hashed: no client address is stored in the clear.
 */
export async function takeHit(db: Db, key: string, limit: RateLimit, now = new Date()): Promise<boolean> {
  const hashed = sha256(key);
  const nowIso = now.toISOString();
  const cutoff = new Date(now.getTime() - limit.windowMs).toISOString();
  await insertOrIgnore(db, 'form_rate_limits', { limit_key: hashed, hits: 0, window_start: nowIso }, ['limit_key']);
  const expired = sql<boolean>`${sql.ref('window_start')} < ${cutoff}`;
  const result = await db
    .updateTable('form_rate_limits')
    // MySQL assigns left to right: `hits` must be computed while `window_start` still holds the old value.
    .set({
      hits: sql`case when ${expired} then 1 else ${sql.ref('hits')} + 1 end`,
      window_start: sql`case when ${expired} then ${nowIso} else ${sql.ref('window_start')} end`,
    })
    .where('limit_key', '=', hashed)
    .where((eb) => eb.or([eb('window_start', '<', cutoff), eb('hits', '<', limit.max)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Removes counters whose window ended long ago (they limit nothing). */
async function pruneRateLimits(db: Db, now = new Date()): Promise<number> {
  const longest = Math.max(perClientLimit.windowMs, perFormLimit.windowMs);
  const result = await db
    .deleteFrom('form_rate_limits')
    .where('window_start', '<', new Date(now.getTime() - longest).toISOString())
    .executeTakeFirst();
  return Number(result.numDeletedRows ?? 0);
}
