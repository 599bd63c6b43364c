import { z } from '@hono/zod-openapi';
import { readRows, type Db } from '../core/database.js';
import { AppError, conflict, invalid, notFound } from '../core/errors.js';
import { newId } from '../core/ids.js';
import { issuesToFields } from '../records/validation.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { randomToken, sha256 } from './secrets.js';

export const credentialsInput = z
  .object({
    email: z.string().trim().toLowerCase().email({ message: 'must be a valid e-mail address' }).max(255),
    password: z.string().min(10, 'must be at least 10 characters').max(1024),
  })
  .strict();

const loginInput = z.object({ email: z.string().trim().toLowerCase().max(255), password: z.string().min(1).max(1024) }).strict();

export interface Principal {
  kind: 'session' | 'token';
  userId: string | null;
  /** The audit log's actor string. */
  actor: string;
  csrfToken?: string;
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

/** Rapport has one owner; creating a second account is refused. */
export async function createOwner(db: Db, input: unknown): Promise<{ id: string; email: string }> {
  const { email, password } = parseCredentials(input);
  if (await hasOwner(db)) throw conflict('the owner account already exists');
  const now = new Date().toISOString();
  const user = { id: newId('user'), email, password_hash: await hashPassword(password), created_at: now, updated_at: now };
  await db.insertInto('users').values(user).execute();
  return { id: user.id, email };
}

export async function changePassword(db: Db, userId: string, current: string, next: string): Promise<void> {
  const user = await db.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirst();
  if (!user || !(await verifyPassword(user.password_hash as string, current))) throw invalid('current password is wrong', { current_password: ['is wrong'] });
  const parsed = credentialsInput.shape.password.safeParse(next);
  if (!parsed.success) throw invalid('invalid new password', { new_password: parsed.error.issues.map((i) => i.message) });
  await db.updateTable('users').set({ password_hash: await hashPassword(next), updated_at: new Date().toISOString() }).where('id', '=', userId).execute();
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

// Failed logins: 5 per 15 minutes per key (client address and account), then a 15 minute lock.
const maxFailures = 5;
const windowMs = 15 * 60_000;

async function checkLock(db: Db, key: string) {
  const row = await db.selectFrom('login_attempts').selectAll().where('attempt_key', '=', key).executeTakeFirst();
  if (row?.locked_until && (row.locked_until as string) > new Date().toISOString()) {
    const seconds = Math.ceil((Date.parse(row.locked_until as string) - Date.now()) / 1000);
    throw new AppError('rate_limited', `too many failed logins; try again in ${seconds} seconds`);
  }
}

async function recordFailure(db: Db, key: string) {
  const now = new Date();
  const row = await db.selectFrom('login_attempts').selectAll().where('attempt_key', '=', key).executeTakeFirst();
  const fresh = !row || Date.parse(row.window_start as string) < now.getTime() - windowMs;
  const failures = fresh ? 1 : (row!.failures as number) + 1;
  const values = {
    failures,
    window_start: fresh ? now.toISOString() : (row!.window_start as string),
    locked_until: failures >= maxFailures ? new Date(now.getTime() + windowMs).toISOString() : null,
  };
  if (row) await db.updateTable('login_attempts').set(values).where('attempt_key', '=', key).execute();
  else await db.insertInto('login_attempts').values({ attempt_key: key, ...values }).execute();
}

export async function login(db: Db, input: unknown, clientKey: string): Promise<{ token: string; csrfToken: string; expiresAt: string; userId: string }> {
  const parsed = loginInput.safeParse(input);
  if (!parsed.success) throw invalid('invalid login', issuesToFields(parsed.error.issues));
  const { email, password } = parsed.data;
  const keys = [`client:${clientKey}`, `account:${email}`];
  for (const key of keys) await checkLock(db, key);
  const user = await db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
  if (!user || !(await verifyPassword(user.password_hash as string, password))) {
    for (const key of keys) await recordFailure(db, key);
    throw new AppError('unauthorized', 'wrong email or password');
  }
  await db.deleteFrom('login_attempts').where('attempt_key', 'in', keys).execute();
  const token = randomToken();
  const csrfToken = randomToken();
  const expiresAt = new Date(Date.now() + sessionDays * 86_400_000).toISOString();
  await db.insertInto('sessions').values({ id_hash: sha256(token), user_id: user.id, csrf_token: csrfToken, created_at: new Date().toISOString(), expires_at: expiresAt }).execute();
  await db.deleteFrom('sessions').where('expires_at', '<', new Date().toISOString()).execute();
  return { token, csrfToken, expiresAt, userId: user.id as string };
}

export async function logout(db: Db, token: string): Promise<void> {
  await db.deleteFrom('sessions').where('id_hash', '=', sha256(token)).execute();
}

export async function sessionPrincipal(db: Db, token: string): Promise<Principal | null> {
  const row = await db.selectFrom('sessions').selectAll().where('id_hash', '=', sha256(token)).executeTakeFirst();
  if (!row || (row.expires_at as string) < new Date().toISOString()) return null;
  return { kind: 'session', userId: row.user_id as string, actor: `user:${row.user_id}`, csrfToken: row.csrf_token as string };
}

export interface ApiToken {
  id: string;
  name: string;
  prefix: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

/** A new personal API token; the secret is returned once and only its hash is kept. */
export async function createToken(db: Db, name: string): Promise<ApiToken & { token: string }> {
  const trimmed = name.trim();
  if (!trimmed || trimmed.length > 100) throw invalid('token name must be 1 to 100 characters', { name: ['1 to 100 characters'] });
  const token = tokenPrefix + randomToken();
  const row = { id: newId('token'), name: trimmed, token_hash: sha256(token), prefix: token.slice(0, 10), created_at: new Date().toISOString(), last_used_at: null, revoked_at: null };
  await db.insertInto('api_tokens').values(row).execute();
  const { token_hash: _hash, ...rest } = row;
  return { ...rest, token };
}

export async function listTokens(db: Db): Promise<ApiToken[]> {
  return (await db.selectFrom('api_tokens').select(['id', 'name', 'prefix', 'created_at', 'last_used_at', 'revoked_at']).orderBy('created_at').execute()) as ApiToken[];
}

export async function revokeToken(db: Db, idOrName: string): Promise<ApiToken> {
  const row = await db.selectFrom('api_tokens').select('id').where((eb) => eb.or([eb('id', '=', idOrName), eb('name', '=', idOrName)])).where('revoked_at', 'is', null).executeTakeFirst();
  if (!row) throw notFound('active token', idOrName);
  await db.updateTable('api_tokens').set({ revoked_at: new Date().toISOString() }).where('id', '=', row.id).execute();
  return (await listTokens(db)).find((t) => t.id === row.id)!;
}

export async function tokenPrincipal(db: Db, token: string): Promise<Principal | null> {
  if (!token.startsWith(tokenPrefix)) return null;
  const [row] = await readRows(db, db.selectFrom('api_tokens').select(['id', 'revoked_at', 'last_used_at']).where('token_hash', '=', sha256(token)));
  if (!row || row.revoked_at) return null;
  // last_used_at is kept to the minute so that a busy client does not write on every request.
  const now = new Date();
  if (!row.last_used_at || Date.parse(row.last_used_at as string) < now.getTime() - 60_000) {
    await db.updateTable('api_tokens').set({ last_used_at: now.toISOString() }).where('id', '=', row.id).execute();
  }
  return { kind: 'token', userId: null, actor: `token:${row.id}` };
}
