import type { Kysely } from 'kysely';
import type { DialectName } from '../database.js';
import { ddl } from './ddl.js';

/**
 * Indexes for Today: customers by value at risk with their id (the few worth a call are read from the
 * top of it), and open deals by their last activity within a pipeline (the rotten ones are a range).
 */
export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  const { index } = ddl(db, dialect);
  await index('customers', ['value_at_risk', 'id']);
  await index('deals', ['pipeline_id', 'status', 'last_activity_at']);
}
