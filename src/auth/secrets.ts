import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Db } from '../core/database.js';
import { insertOrIgnore } from '../core/dialect.js';

export const randomToken = (bytes = 32) => randomBytes(bytes).toString('base64url');
export const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * The instance secret: the key behind signed public links (HMAC) and credentials stored encrypted.
 * RAPPORT_SECRET when set (keep it out of the database and its backups), else 32 random bytes made on
 * first use and kept in the settings table. Read once per database handle.
 */
const instanceSecrets = new WeakMap<object, Promise<Buffer>>();
const instanceSecretKey = 'instance_secret';

export function instanceSecret(db: Db): Promise<Buffer> {
  const fromEnv = process.env.RAPPORT_SECRET;
  if (fromEnv) return Promise.resolve(createHash('sha256').update(fromEnv).digest());
  let secret = instanceSecrets.get(db);
  if (!secret) {
    secret = loadInstanceSecret(db);
    instanceSecrets.set(db, secret);
    secret.catch(() => instanceSecrets.delete(db));
  }
  return secret;
}

async function loadInstanceSecret(db: Db): Promise<Buffer> {
  const read = async () => (await db.selectFrom('settings').select('value').where('setting_key', '=', instanceSecretKey).executeTakeFirst())?.value as string | undefined;
  let stored = await read();
  if (!stored) {
    const row = { setting_key: instanceSecretKey, value: JSON.stringify(randomToken(32)), updated_at: new Date().toISOString() };
    // Two processes starting together: the first insert wins and both read it back.
    await insertOrIgnore(db, 'settings', row, ['setting_key']);
    stored = await read();
  }
  return Buffer.from(JSON.parse(stored!) as string, 'base64url');
}

/** HMAC-SHA256 of `value` under the instance secret, separated by `purpose` (base64url). */
export async function signWithInstanceSecret(db: Db, purpose: string, value: string): Promise<string> {
  return createHmac('sha256', await instanceSecret(db))
    .update(`${purpose}\n${value}`)
    .digest('base64url');
}

/** `payload.signature`: the payload (base64url text) with its HMAC-SHA256 under the secret. */
export function signPayload(secret: Buffer, payload: string): string {
  return `${payload}.${createHmac('sha256', secret).update(payload).digest('base64url')}`;
}

/** The payload of a signed value, or null when the signature does not match (tampered or foreign). */
export function verifySigned(secret: Buffer, signed: string): string | null {
  const dot = signed.lastIndexOf('.');
  if (dot <= 0) return null;
  const payload = signed.slice(0, dot);
  return safeEqual(signPayload(secret, payload), signed) ? payload : null;
}
