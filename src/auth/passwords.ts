import { hash, verify } from '@node-rs/argon2';

/** Argon2id (algorithm 2) with OWASP's recommended memory and time costs. */
const argon2idOptions = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string) => hash(password, argon2idOptions);

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}
