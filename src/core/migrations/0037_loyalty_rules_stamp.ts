import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { columnTypes, type DialectName } from '../database.js';
import { ddl } from './ddl.js';

/**
 * The earn rules' stamp: one row whose value changes, to a new random one, in the transaction of
 * every rule change. A process keeps the active rules it read under the stamp it read with them, so
 * the loyalty subscriber reads this one row per write instead of the rules, and never uses rules
 * another process has changed since. Random rather than counted: two databases never share a stamp.
 */
export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  const t = columnTypes(dialect);
  const { table } = ddl(db, dialect);
  await table('loyalty_rules_stamp', [
    ['id', t.integer, 'PRIMARY KEY'],
    ['stamp', t.shortText, 'NOT NULL'],
  ]);
  await db.insertInto('loyalty_rules_stamp').values({ id: 1, stamp: randomUUID() }).execute();
}
