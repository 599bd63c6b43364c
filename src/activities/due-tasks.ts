/**
 * `task.due`: a task whose due time has come, not done, gets one event (per due time). Any server
 * process may look; each task is claimed once (SKIP LOCKED on PostgreSQL and MySQL, SQLite's single
 * writer), and the event commits with the claim.
 */
import { readRows, type Database, type Db } from '../core/database.js';
import { skippingLocked, traitsOf } from '../core/dialect.js';
import { appendEvents } from '../core/events.js';

const batch = 200;

export async function emitDueTasks(database: Database, now = new Date()): Promise<number> {
  const nowIso = now.toISOString();
  const notDone = traitsOf(database.dialect).falseValue;
  const due = (db: Db) =>
    db.selectFrom('tasks').select(['id', 'customer_id', 'due_at']).where('due_event_at', 'is', null).where('due_at', '<=', nowIso).where('done', '=', notDone).orderBy('due_at').limit(batch);
  // A look without a transaction first: most checks find nothing and then take no write lock.
  if ((await readRows(database.db, due(database.db).limit(1))).length === 0) return 0;
  return database.db.transaction().execute(async (trx) => {
    const rows = await skippingLocked(trx, due(trx)).execute();
    if (rows.length === 0) return 0;
    await trx
      .updateTable('tasks')
      .set({ due_event_at: nowIso })
      .where(
        'id',
        'in',
        rows.map((r) => r.id as string),
      )
      .execute();
    await appendEvents(
      trx,
      'system',
      rows.map((r) => ({ type: 'task.due' as const, entity: 'task', entityId: r.id as string, data: { customer_id: (r.customer_id as string | null) ?? null, due_at: r.due_at as string } })),
    );
    return rows.length;
  });
}

/** Checks for due tasks now and then every `everyMs` (default 30 s); returns a stop function. */
export function startDueTaskEvents(database: Database, everyMs = 30_000, onError: (e: unknown) => void = (e) => console.error('due tasks:', e)): () => void {
  let stopped = false;
  const tick = async () => {
    while (!stopped && (await emitDueTasks(database)) === batch);
  };
  tick().catch(onError);
  const timer = setInterval(() => tick().catch(onError), everyMs);
  timer.unref();
  return () => {
    stopped = true;
    clearInterval(timer);
  };
}
