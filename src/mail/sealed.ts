/** Credentials kept encrypted at rest (SMTP password, DKIM private keys): AES-256-GCM under a key derived from the instance secret. */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { instanceSecret } from '../auth/secrets.js';
import type { Db } from '../core/database.js';

const version = 'v1';

async function keyFor(db: Db, purpose: string): Promise<Buffer> {
  return Buffer.from(hkdfSync('sha256', await instanceSecret(db), Buffer.alloc(0), `rapport ${purpose}`, 32));
}

/** `v1.<iv>.<tag>.<ciphertext>` (base64url parts). */
export async function seal(db: Db, purpose: string, plain: string): Promise<string> {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', await keyFor(db, purpose), iv);
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return [version, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), data.toString('base64url')].join('.');
}

/** The plain text of a sealed value; throws when it was sealed under another secret or changed. */
export async function unseal(db: Db, purpose: string, sealed: string): Promise<string> {
  const [v, iv, tag, data] = sealed.split('.');
  if (v !== version || !iv || !tag || data === undefined) throw new Error('not a sealed value');
  const decipher = createDecipheriv('aes-256-gcm', await keyFor(db, purpose), Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
}
