/**
 * The schema's stamp (migration 0040): one row given a new random value with every change of the
 * tables' columns: a custom field added or removed, a backup restored, migrations applied. What a
 * process derives from the columns (the custom fields' definitions, a table's column list) it keeps
 * under the stamp it read them with, so a write reads this one row (with the other per-write reads,
 * src/core/write-reads.ts) instead of the definitions, and never uses columns that another process
 * has changed since. A database without the row (restored from a backup made before stamps) has the
 * definitions read every time, until its next column change gives it a row.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from './database.js';
import { insertOrIgnore } from './dialect.js';
import { forgetWriteReads, registerWriteRead, writeRead } from './write-reads.js';

const schemaStampRead = 'SELECT stamp FROM schema_stamp WHERE id = 1';
registerWriteRead(schemaStampRead);

/** The schema's stamp as this transaction sees it (null without the row). */
export async function schemaStamp(db: Db): Promise<string | null> {
  const value = await writeRead(db, schemaStampRead);
  return typeof value === 'string' ? value : null;
}

/**
 * Gives a stamp table's one row (id 1) a new random value, in the caller's transaction where there is
 * one, writing the row first where it is missing (a database restored from before the stamp), and
 * forgets what this transaction had read of the stamps.
 */
export async function renewStamp(db: Db, table: 'schema_stamp' | 'loyalty_rules_stamp'): Promise<void> {
  await insertOrIgnore(db, table, [{ id: 1, stamp: randomUUID() }], ['id']);
  await db.updateTable(table).set({ stamp: randomUUID() }).where('id', '=', 1).execute();
  forgetWriteReads(db);
}

/** Gives the schema a new stamp, in the caller's transaction where there is one. */
export const renewSchemaStamp = (db: Db): Promise<void> => renewStamp(db, 'schema_stamp');
