/**
 * Signed tokens in the links of a message: one-click unsubscribe and the preference page (`/u/{token}`),
 * the open pixel and click redirects (`/t/...`). Each names the message and is signed with the instance
 * secret, so a changed token is refused before anything is looked up; a click token also signs its
 * target, so `/t/c/...` redirects only where the message linked to (no open redirect).
 */
import { createHmac } from 'node:crypto';
import { safeEqual } from '../auth/secrets.js';

/** `payload.signature`, the signature an HMAC-SHA256 of the payload under the instance secret (cut to 128 bits). */
const signPayload = (secret: Buffer, payload: string) => `${payload}.${createHmac('sha256', secret).update(`rapport mail link\n${payload}`).digest('base64url').slice(0, 22)}`;

function verifySigned(secret: Buffer, signed: string): string | null {
  const dot = signed.lastIndexOf('.');
  if (dot <= 0) return null;
  const payload = signed.slice(0, dot);
  return safeEqual(signPayload(secret, payload), signed) ? payload : null;
}

const idPattern = /^msg_[0-9a-z]{26}$/;

export const unsubscribeToken = (secret: Buffer, messageId: string) => signPayload(secret, `u1-${messageId}`);
export const openToken = (secret: Buffer, messageId: string) => signPayload(secret, `o1-${messageId}`);
export const clickToken = (secret: Buffer, messageId: string, url: string) => signPayload(secret, `c1-${messageId}-${Buffer.from(url, 'utf8').toString('base64url')}`);

function read(secret: Buffer, token: string, kind: string): string[] | null {
  if (token.length > 4000) return null;
  const payload = verifySigned(secret, token);
  if (!payload) return null;
  const parts = payload.split('-');
  if (parts[0] !== kind || !idPattern.test(parts[1] ?? '')) return null;
  return parts.slice(1);
}

/** The message id of a valid unsubscribe token, else null. */
export const readUnsubscribeToken = (secret: Buffer, token: string) => read(secret, token, 'u1')?.[0] ?? null;
export const readOpenToken = (secret: Buffer, token: string) => read(secret, token, 'o1')?.[0] ?? null;

export function readClickToken(secret: Buffer, token: string): { messageId: string; url: string } | null {
  const parts = read(secret, token, 'c1');
  if (!parts || parts.length !== 2) return null;
  const url = Buffer.from(parts[1], 'base64url').toString('utf8');
  return /^https?:\/\//i.test(url) ? { messageId: parts[0], url } : null;
}
