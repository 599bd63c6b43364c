/**
 * Public links to a quote (`/q/{token}`): a random value signed with the instance secret, so a changed
 * link is refused before anything is looked up; only its SHA-256 is stored. A link works while its
 * quote version is current; accepting is refused once the quote has expired.
 */
import { randomToken, sha256, signPayload, verifySigned } from '../auth/secrets.js';
import type { Db } from '../core/database.js';
import { newId } from '../core/ids.js';

const prefix = 'q1.';

export function newLinkToken(secret: Buffer): string {
  return signPayload(secret, `${prefix}${randomToken(24)}`);
}

/** Whether a token is well-formed and carries our signature (no database needed). */
function tokenSigned(secret: Buffer, token: string): boolean {
  if (token.length > 200) return false;
  const payload = verifySigned(secret, token);
  return !!payload && payload.startsWith(prefix);
}

export async function storeLink(trx: Db, quoteId: string, token: string, validUntil: string): Promise<void> {
  const now = new Date().toISOString();
  await trx
    .insertInto('quote_links')
    .values({ id: newId('quoteLink'), quote_id: quoteId, token_hash: sha256(token), expires_at: `${validUntil}T23:59:59.999Z`, created_at: now })
    .execute();
}

/** The quote a signed token opens, or null (unknown, or signed by another instance). */
export async function quoteIdOfToken(db: Db, secret: Buffer, token: string): Promise<string | null> {
  if (!tokenSigned(secret, token)) return null;
  const row = await db.selectFrom('quote_links').select('quote_id').where('token_hash', '=', sha256(token)).executeTakeFirst();
  return (row?.quote_id as string | undefined) ?? null;
}
