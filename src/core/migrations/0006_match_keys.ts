import type { Kysely } from 'kysely';
import { columnTypes, type DialectName } from '../database.js';
import { ddl } from './ddl.js';

/**
 * Duplicate detection's stored state. customer_match_keys: one row per customer and blocking key
 * (a 32-bit hash of e.g. an email, a phone or a name with a birth year), so that candidate blocks
 * are read in key order from the database instead of being gathered in memory. Its indexes are
 * plain (not unique) so that a full rebuild can drop them, load, and build them again in one sort.
 * customer_match_profiles: each customer's fields normalised for comparison with its keys, so a
 * scan reads one small row per block member instead of the customer.
 */
export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  const t = columnTypes(dialect);
  const { table, index } = ddl(db, dialect);
  await table('customer_match_keys', [
    ['match_key', t.integer, 'NOT NULL'],
    ['customer_id', t.id, 'NOT NULL'],
  ]);
  await index('customer_match_keys', ['match_key', 'customer_id']);
  await index('customer_match_keys', ['customer_id']);
  await table('customer_match_profiles', [
    ['customer_id', t.id, 'PRIMARY KEY'],
    ['profile', t.longText, 'NOT NULL'],
  ]);
}
