import type { Kysely } from 'kysely';
import { columnTypes, type DialectName } from '../database.js';
import { ddl } from './ddl.js';

/**
 * An import batch names the process that runs it (`host:pid`), so that at the next start an import
 * whose process was killed is marked interrupted at once instead of looking "running" until it has
 * been silent for ten minutes.
 */
export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  await ddl(db, dialect).addColumn('import_batches', 'runner', columnTypes(dialect).shortText);
}
