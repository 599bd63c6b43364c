import { z } from '@hono/zod-openapi';
import { sql } from 'kysely';
import { readRows, toBool, type Db } from '../core/database.js';
import { AppError, conflict, invalid, notFound } from '../core/errors.js';
import { newId } from '../core/ids.js';
import { issuesToFields } from '../records/validation.js';
import { insertOrIgnore } from '../core/dialect.js';
import { hashPassword, isCommonPassword, maxPasswordLength, minPasswordLength, verifyNothing, verifyPassword } from './passwords.js';
import { randomToken, sha256 } from './secrets.js';

/** A new password: long enough, and not one of the most common passwords. */
export const passwordInput = z
  .string()
  .min(minPasswordLength, `must be at least ${minPasswordLength} characters`)
  .max(maxPasswordLength)
  .refine((p) => !isCommonPassword(p), 'is one of the most common passwords; choose another');

export const credentialsInput = z
  .object({
    email: z.string().trim().toLowerCase().email({ message: 'must be a valid e-mail address' }).max(255),
    password: passwordInput,
  })
  .strict();

const loginInput = z.object({ email: z.string().trim().toLowerCase().max(255), password: z.string().min(1).max(maxPasswordLength) }).strict();

export interface Principal {
  kind: 'session' | 'token';
  userId: string | null;
  /** The audit log's actor string. */
  actor: string;
  csrfToken?: string;
  /** Whether this principal may create API tokens: the signed-in owner, or a token created with that right. */
  canCreateTokens: boolean;
}

const sessionDays = 30;
const tokenPrefix = 'rpt_';

function parseCredentials(input: unknown) {
  const parsed = credentialsInput.safeParse(input);
  if (!parsed.success) throw invalid('invalid credentials', issuesToFields(parsed.error.issues));
  return parsed.data;
}

export async function hasOwner(db: Db): Promise<boolean> {
  return !!(await db.selectFrom('users').select('id').limit(1).executeTakeFirst());
}

/**
 * Rapport has one owner. Of any number of concurrent setups exactly one wins: the owner's claim in
 * `auth_claims` has a primary key, so only one transaction can insert it; the others get 409.
 */
export async function createOwner(db: Db, input: unknown): Promise<{ id: string; email: string }> {
  const { email, password } = parseCredentials(input);
  const taken = () => conflict('the owner account already exists');
  if (await hasOwner(db)) throw taken();
  const now = new Date().toISOString();
  const user = { id: newId('user'), email, password_hash: await hashPassword(password), created_at: now, updated_at: now };
  try {
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('auth_claims').values({ claim: 'owner', claimed_at: now }).execute();
      await trx.insertInto('users').values(user).execute();
    });
  } catch (error) {
    // A duplicate claim is the lost race; anything else is a real failure.
    if (await db.selectFrom('auth_claims').select('claim').where('claim', '=', 'owner').executeTakeFirst()) throw taken();
    throw error;
  }
  return { id: user.id, email };
}

export async function changePassword(db: Db, userId: string, current: string, next: string): Promise<void> {
  const user = await db.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirst();
  if (!user || !(await verifyPassword(user.password_hash as string, current))) throw invalid('current password is wrong', { current_password: ['is wrong'] });
  const parsed = passwordInput.safeParse(next);
  if (!parsed.success) throw invalid('invalid new password', { new_password: parsed.error.issues.map((i) => i.message) });
  await db
    .updateTable('users')
    .set({ password_hash: await hashPassword(next), updated_at: new Date().toISOString() })
    .where('id', '=', userId)
    .execute();
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

// Login attempts: 5 per 15 minutes per key (the client address, and the account for addresses it has
// never signed in from). A key's window starts with its first attempt; once 5 are taken, further ones
// are refused until the window ends. A successful login clears its keys.
export const maxLoginAttempts = 5;
const windowMs = 15 * 60_000;

/**
 * Takes one of the key's attempts in the current window, or returns false when none is left. The
 * count and the check are one UPDATE, so concurrent requests (from one process or several sharing
 * the database) can never take more than the limit between them.
 */
async function takeAttempt(db: Db, key: string): Promise<boolean> {
  const now = new Date();
  const nowIso = now.toISOString();
  const cutoff = new Date(now.getTime() - windowMs).toISOString();
  await insertOrIgnore(db, 'login_attempts', { attempt_key: key, failures: 0, window_start: nowIso, locked_until: null }, ['attempt_key']);
  const expired = sql<boolean>`${sql.ref('window_start')} < ${cutoff}`;
  const result = await db
    .updateTable('login_attempts')
    // MySQL assigns left to right and later assignments see earlier ones: `failures` must come first,
    // while `window_start` still holds the old value.
    .set({
      failures: sql`case when ${expired} then 1 else ${sql.ref('failures')} + 1 end`,
      window_start: sql`case when ${expired} then ${nowIso} else ${sql.ref('window_start')} end`,
    })
    .where('attempt_key', '=', key)
    .where((eb) => eb.or([eb('window_start', '<', cutoff), eb('failures', '<', maxLoginAttempts)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

async function rateLimited(db: Db, key: string): Promise<AppError> {
  const row = await db.selectFrom('login_attempts').select('window_start').where('attempt_key', '=', key).executeTakeFirst();
  const until = row ? Date.parse(row.window_start as string) + windowMs : Date.now() + windowMs;
  const seconds = Math.max(1, Math.ceil((until - Date.now()) / 1000));
  return new AppError('rate_limited', `too many failed logins; try again in ${seconds} seconds`);
}

/** An (account, client address) pair, hashed: the addresses are not kept in the clear. */
const clientHash = (email: string, client: string) => sha256(`${email}\n${client}`);

/** Clears every login lock (`rapport user unlock`); returns how many keys were locked. */
export async function unlockLogins(db: Db): Promise<number> {
  const locked = await db
    .selectFrom('login_attempts')
    .select(sql<number>`count(*)`.as('n'))
    .where('failures', '>=', maxLoginAttempts)
    .executeTakeFirstOrThrow();
  await db.deleteFrom('login_attempts').execute();
  return Number(locked.n);
}

export async function login(db: Db, input: unknown, client: string): Promise<{ token: string; csrfToken: string; expiresAt: string; userId: string }> {
  const parsed = loginInput.safeParse(input);
  if (!parsed.success) throw invalid('invalid login', issuesToFields(parsed.error.issues));
  const { email, password } = parsed.data;
  const clientKey = `client:${client}`;
  const accountKey = `account:${email}`;
  if (!(await takeAttempt(db, clientKey))) throw await rateLimited(db, clientKey);
  // The account's limit stops guessing from many addresses; it does not apply where the owner has
  // signed in before, so a stranger failing logins with the owner's email cannot lock the owner out.
  const known = !!(await db.selectFrom('login_clients').select('client_hash').where('client_hash', '=', clientHash(email, client)).executeTakeFirst());
  if (!known && !(await takeAttempt(db, accountKey))) throw await rateLimited(db, accountKey);
  const user = await db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
  // An unknown email costs the same hash check as a wrong password.
  const ok = user ? await verifyPassword(user.password_hash as string, password) : await verifyNothing(password);
  if (!user || !ok) throw new AppError('unauthorized', 'wrong email or password');
  await db.deleteFrom('login_attempts').where('attempt_key', 'in', [clientKey, accountKey]).execute();
  // Counters whose window has ended limit nothing: those an attacker left behind go now.
  await db
    .deleteFrom('login_attempts')
    .where('window_start', '<', new Date(Date.now() - windowMs).toISOString())
    .execute();
  const now = new Date().toISOString();
  const hashOfClient = clientHash(email, client);
  await insertOrIgnore(db, 'login_clients', { client_hash: hashOfClient, last_login_at: now }, ['client_hash']);
  await db.updateTable('login_clients').set({ last_login_at: now }).where('client_hash', '=', hashOfClient).execute();
  const token = randomToken();
  const csrfToken = randomToken();
  const expiresAt = new Date(Date.now() + sessionDays * 86_400_000).toISOString();
  await db
    .insertInto('sessions')
    .values({ id_hash: sha256(token), user_id: user.id, csrf_token: csrfToken, created_at: now, expires_at: expiresAt })
    .execute();
  await db.deleteFrom('sessions').where('expires_at', '<', now).execute();
  return { token, csrfToken, expiresAt, userId: user.id as string };
}

export async function logout(db: Db, token: string): Promise<void> {
  await db.deleteFrom('sessions').where('id_hash', '=', sha256(token)).execute();
}

export async function sessionPrincipal(db: Db, token: string): Promise<Principal | null> {
  const row = await db.selectFrom('sessions').selectAll().where('id_hash', '=', sha256(token)).executeTakeFirst();
  if (!row || (row.expires_at as string) < new Date().toISOString()) return null;
  return { kind: 'session', userId: row.user_id as string, actor: `user:${row.user_id}`, csrfToken: row.csrf_token as string, canCreateTokens: true };
}

export interface ApiToken {
  id: string;
  name: string;
  prefix: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
  /** When the token stops working; null = until revoked. */
  expires_at: string | null;
  /** Whether requests made with this token may create further tokens. */
  can_create_tokens: boolean;
}

export interface TokenOptions {
  /** Days until the token expires; unset = until revoked. */
  expiresInDays?: number;
  canCreateTokens?: boolean;
}

export const tokenOptionsInput = z
  .object({
    expires_in_days: z.number().int().min(1).max(3650).optional(),
    can_create_tokens: z.boolean().optional(),
  })
  .strict();

/** A new personal API token; the secret is returned once and only its hash is kept. */
export async function createToken(db: Db, name: string, options: TokenOptions = {}): Promise<ApiToken & { token: string }> {
  const trimmed = name.trim();
  if (!trimmed || trimmed.length > 100) throw invalid('token name must be 1 to 100 characters', { name: ['1 to 100 characters'] });
  const days = options.expiresInDays;
  if (days !== undefined && (!Number.isInteger(days) || days < 1 || days > 3650)) throw invalid('expiry must be 1 to 3650 days', { expires_in_days: ['a whole number of days from 1 to 3650'] });
  const token = tokenPrefix + randomToken();
  const now = new Date();
  const row = {
    id: newId('token'),
    name: trimmed,
    token_hash: sha256(token),
    prefix: token.slice(0, 10),
    created_at: now.toISOString(),
    last_used_at: null,
    revoked_at: null,
    expires_at: days === undefined ? null : new Date(now.getTime() + days * 86_400_000).toISOString(),
    can_create_tokens: options.canCreateTokens ? 1 : 0,
  };
  await db.insertInto('api_tokens').values(row).execute();
  const { token_hash: _hash, ...rest } = row;
  return { ...rest, can_create_tokens: !!options.canCreateTokens, token };
}

export async function listTokens(db: Db): Promise<ApiToken[]> {
  const rows = await db.selectFrom('api_tokens').select(['id', 'name', 'prefix', 'created_at', 'last_used_at', 'revoked_at', 'expires_at', 'can_create_tokens']).orderBy('created_at').execute();
  return rows.map((r) => ({ ...r, can_create_tokens: toBool(r.can_create_tokens) ?? false }) as ApiToken);
}

export async function revokeToken(db: Db, idOrName: string): Promise<ApiToken> {
  const row = await db
    .selectFrom('api_tokens')
    .select('id')
    .where((eb) => eb.or([eb('id', '=', idOrName), eb('name', '=', idOrName)]))
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (!row) throw notFound('active token', idOrName);
  await db.updateTable('api_tokens').set({ revoked_at: new Date().toISOString() }).where('id', '=', row.id).execute();
  return (await listTokens(db)).find((t) => t.id === row.id)!;
}

export async function tokenPrincipal(db: Db, token: string): Promise<Principal | null> {
  if (!token.startsWith(tokenPrefix)) return null;
  const [row] = await readRows(db, db.selectFrom('api_tokens').select(['id', 'revoked_at', 'last_used_at', 'expires_at', 'can_create_tokens']).where('token_hash', '=', sha256(token)));
  const now = new Date();
  if (!row || row.revoked_at || (row.expires_at && (row.expires_at as string) <= now.toISOString())) return null;
  // last_used_at is kept to the minute so that a busy client does not write on every request.
  if (!row.last_used_at || Date.parse(row.last_used_at as string) < now.getTime() - 60_000) {
    await db.updateTable('api_tokens').set({ last_used_at: now.toISOString() }).where('id', '=', row.id).execute();
  }
  return { kind: 'token', userId: null, actor: `token:${row.id}`, canCreateTokens: toBool(row.can_create_tokens) ?? false };
}
