import { hash, verify } from '@node-rs/argon2';
import { createRequire } from 'node:module';
import { randomToken } from './secrets.js';

/** Argon2id (algorithm 2) with OWASP's recommended memory and time costs. */
const argon2idOptions = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export const minPasswordLength = 10;
export const maxPasswordLength = 1024;

export const hashPassword = (password: string) => hash(password, argon2idOptions);

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/**
 * Spends the time a real check takes, for an email that has no account, so that a login's timing
 * does not tell whether an email is the owner's. Always false.
 */
export async function verifyNothing(password: string): Promise<false> {
  dummyHash ??= hashPassword(randomToken());
  await verifyPassword(await dummyHash, password);
  return false;
}

interface CommonPasswordList {
  test(password: string): boolean;
}
let commonList: CommonPasswordList | undefined;

/**
 * Whether a password is among the 50,000 most common ones (Mozilla's fxa-common-password-list, MPL-2.0:
 * the most frequent passwords of eight characters or more in the public "10 million passwords" list,
 * lower-cased). Compared without case, so "Password123" counts as "password123". The list is loaded
 * on first use: only setup and password changes need it.
 */
export function isCommonPassword(password: string): boolean {
  commonList ??= createRequire(import.meta.url)('fxa-common-password-list') as CommonPasswordList;
  return commonList.test(password.trim().toLowerCase());
}
