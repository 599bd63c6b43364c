import type { Kysely } from 'kysely';
import { columnTypes, type DialectName } from '../database.js';
import { ddl } from './ddl.js';

/** When `task.due` was emitted for a task's current due time (cleared when the due time changes). */
export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  const t = columnTypes(dialect);
  const { addColumn, index } = ddl(db, dialect);
  await addColumn('tasks', 'due_event_at', t.timestamp);
  await index('tasks', ['due_event_at', 'due_at']);
}
