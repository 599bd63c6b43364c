import type { Db } from '../core/database.js';
import { processIsGone } from '../core/liveness.js';

const interruptedMessage = 'interrupted: the process running this import stopped; import the same file again to complete it, or undo it';

/**
 * At start-up: imports still "running" whose process on this host is gone (killed, crashed, the machine
 * restarted) are marked interrupted at once. An import run by a process on another host keeps the
 * rule of ten silent minutes (see toBatch). Returns the batches marked.
 */
export async function markInterruptedImports(db: Db): Promise<string[]> {
  const running = await db.selectFrom('import_batches').select(['id', 'runner']).where('status', '=', 'running').execute();
  const gone = running.filter((row) => processIsGone(row.runner as string | null)).map((row) => row.id as string);
  if (gone.length === 0) return [];
  await db.updateTable('import_batches').set({ status: 'interrupted', error: interruptedMessage }).where('id', 'in', gone).where('status', '=', 'running').execute();
  return gone;
}
