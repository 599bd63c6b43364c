/**
 * Reads of one value each (a stamp row: the schema's, the loyalty earn rules') that a write needs once
 * per transaction. The first one asked for in a writing transaction reads every registered one in a
 * single statement, and later asks in that transaction take the values read then; so a customer write
 * pays one round trip for all of them. Outside a transaction each ask reads its own value, every time.
 *
 * Reading early in the transaction is as good as reading late: a change committed in between is one
 * the write is ordered before, as it would be had it committed a moment later. A transaction that
 * itself changes what one of these reads (a stamp it sets anew) forgets what it read (`forgetWriteReads`).
 */
import { CompiledQuery } from 'kysely';
import type { Db } from './database.js';

interface Registered {
  /** A query of one value: one row, one column, no parameters, the same text on every engine. */
  text: string;
  /** Whether it is wanted now (a subscriber's read, only while subscribers run). */
  wanted: () => boolean;
}

const registered: Registered[] = [];
const made = new WeakMap<Db, Map<string, unknown>>();

/** Adds a read to the set that the first ask of every writing transaction reads. */
export function registerWriteRead(text: string, wanted: () => boolean = () => true): void {
  if (!registered.some((r) => r.text === text)) registered.push({ text, wanted });
}

/** The value `text` reads (null when it finds no row), read at most once per transaction (see above). */
export async function writeRead(db: Db, text: string): Promise<unknown> {
  const kept = db.isTransaction ? made.get(db) : undefined;
  if (kept?.has(text)) return kept.get(text);
  const texts = [text];
  if (db.isTransaction) for (const r of registered) if (r.text !== text && !kept?.has(r.text) && r.wanted()) texts.push(r.text);
  const [row] = (await db.executeQuery<Record<string, unknown>>(CompiledQuery.raw(`SELECT ${texts.map((t, i) => `(${t}) AS read_${i}`).join(', ')}`))).rows;
  if (db.isTransaction) {
    const values = kept ?? new Map<string, unknown>();
    texts.forEach((t, i) => values.set(t, row?.[`read_${i}`] ?? null));
    made.set(db, values);
  }
  return row?.[`read_0`] ?? null;
}

/** What this transaction has read so far (appendEvents takes its subscribers' reads from here). */
export function writeReadsMade(db: Db): ReadonlyMap<string, unknown> | undefined {
  return db.isTransaction ? made.get(db) : undefined;
}

/** Forgets this transaction's reads: it has just changed what one of them reads. */
export function forgetWriteReads(db: Db): void {
  made.delete(db);
}
