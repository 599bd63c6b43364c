import type { Kysely } from 'kysely';
import { columnTypes, type DialectName } from '../database.js';
import { ddl } from './ddl.js';

/**
 * Duplicate detection's blocking keys, one row per customer and key (a 32-bit hash of e.g. an
 * email, a phone or a name with a birth year), so that candidate blocks are read in key order
 * from the database instead of being gathered in memory.
 */
export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  const t = columnTypes(dialect);
  const { table, index } = ddl(db, dialect);
  await table('customer_match_keys', [
    ['match_key', t.integer, 'NOT NULL'],
    ['customer_id', t.id, 'NOT NULL'],
  ], ['PRIMARY KEY (match_key, customer_id)']);
  await index('customer_match_keys', ['customer_id']);
}
