/**
 * Worker thread that checkpoints an SQLite database's write-ahead log every few milliseconds, on a
 * connection of its own, until told to stop (see checkpointer.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import SqliteDatabase from 'better-sqlite3';

export interface CheckpointWorkerData {
  file: string;
  everyMs: number;
}

const { file, everyMs } = workerData as CheckpointWorkerData;
const db = new SqliteDatabase(file);
// A checkpoint that finds the log locked gives way at once and tries again at the next tick.
db.pragma('busy_timeout = 0');
const timer = setInterval(() => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch {
    // SQLITE_BUSY: another connection is checkpointing or resetting the log.
  }
}, everyMs);
parentPort!.once('message', () => {
  clearInterval(timer);
  db.close();
  parentPort!.postMessage('stopped');
  parentPort!.close();
});
parentPort!.postMessage('ready');
