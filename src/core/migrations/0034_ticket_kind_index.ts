import type { Kysely } from 'kysely';
import type { DialectName } from '../database.js';
import { ddl } from './ddl.js';

/**
 * The inbox filtered to one kind (complaints only) in its "what matters first" order: read in order from
 * the kind's slice of the index instead of walking every ticket by due time until enough complaints turn
 * up (with complaints at 1 in 100 tickets that walk read 10,000 rows for a page of 50 at 100k tickets).
 */
export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  const { index } = ddl(db, dialect);
  await index('tickets', ['kind', 'attention_at', 'id']);
}
