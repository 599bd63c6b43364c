import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { columnTypes, type DialectName } from '../database.js';
import { ddl } from './ddl.js';

/**
 * The schema's stamp: one row whose value changes, to a new random one, with every change of the
 * tables' columns (a custom field added or removed, a backup restored, migrations applied). What a
 * process derives from the columns is kept under the stamp it was read with (see
 * src/core/schema-stamp.ts). Random rather than counted: two databases never share a stamp.
 */
export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  const t = columnTypes(dialect);
  const { table } = ddl(db, dialect);
  await table('schema_stamp', [
    ['id', t.integer, 'PRIMARY KEY'],
    ['stamp', t.shortText, 'NOT NULL'],
  ]);
  await db.insertInto('schema_stamp').values({ id: 1, stamp: randomUUID() }).execute();
}
