import { sql, type Kysely } from 'kysely';
import { columnTypes, type DialectName } from '../database.js';
import { ddl } from './ddl.js';

/**
 * Auth without races.
 * - `auth_claims`: one row per thing only one request may ever do (`owner`: first-run setup). Its
 *   primary key lets exactly one of any number of concurrent setups insert the claim; an existing
 *   owner is claimed here so a setup can never add a second one.
 * - `login_clients`: the (account, client address) pairs that have signed in before, hashed. The
 *   lock on an account after failed logins applies only to addresses not in this table, so a stranger
 *   failing logins with the owner's email cannot lock the owner out of their usual machine.
 * - `api_tokens.expires_at` (optional) and `api_tokens.can_create_tokens` (off for existing tokens:
 *   a token mints tokens only when created with that right).
 */
export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  const t = columnTypes(dialect);
  const { table, addColumn } = ddl(db, dialect);
  await table('auth_claims', [
    ['claim', 'varchar(32)', 'PRIMARY KEY'],
    ['claimed_at', t.timestamp, 'NOT NULL'],
  ]);
  const owner = await db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  if (owner) await db.insertInto('auth_claims').values({ claim: 'owner', claimed_at: new Date().toISOString() }).execute();
  await table('login_clients', [
    ['client_hash', 'varchar(64)', 'PRIMARY KEY'],
    ['last_login_at', t.timestamp, 'NOT NULL'],
  ]);
  await addColumn('api_tokens', 'expires_at', t.timestamp);
  await addColumn('api_tokens', 'can_create_tokens', `${t.boolean} NOT NULL DEFAULT ${dialect === 'postgres' ? 'false' : '0'}`);
  // Any lock written under the old non-atomic counter starts afresh under the new one.
  await sql`DELETE FROM login_attempts`.execute(db);
}
