import fs from 'node:fs';
import SqliteDatabase from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, type TestDatabase } from '../test/engines.js';
import { backgroundCheckpoints } from './checkpointer.js';
import { openDatabase } from './database.js';

describe('WAL checkpoints on a thread of their own (SQLite)', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await freshDatabase('sqlite', false);
  });
  afterAll(async () => t?.drop());

  it('copies committed pages into the database file while the writer only appends to the log, then hands checkpoints back', async () => {
    const raw = t.database.sqlite!;
    const file = t.database.sqlitePath!;
    raw.exec('CREATE TABLE scratch (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
    raw.pragma('wal_checkpoint(TRUNCATE)');
    const before = fs.statSync(file).size;
    const ownLimit = raw.pragma('wal_autocheckpoint', { simple: true });

    const checkpoints = backgroundCheckpoints(t.database, 10);
    await checkpoints.start();
    await checkpoints.start();
    // The writer now leaves the log to the thread: these 6,000 pages stay below its own limit.
    expect(raw.pragma('wal_autocheckpoint', { simple: true })).toBe(65_536);
    const insert = raw.prepare('INSERT INTO scratch (body) VALUES (?)');
    const body = 'x'.repeat(3_000);
    for (let chunk = 0; chunk < 20; chunk++) raw.transaction(() => Array.from({ length: 300 }, () => insert.run(body)))();

    // Only the thread copies pages into the file: it grows by the rows written (6,000 of 3 KB).
    const deadline = Date.now() + 10_000;
    while (fs.statSync(file).size - before < 6_000 * 3_000 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(fs.statSync(file).size - before).toBeGreaterThanOrEqual(6_000 * 3_000);

    await checkpoints.stop();
    expect(raw.pragma('wal_autocheckpoint', { simple: true })).toBe(ownLimit);
    const reader = new SqliteDatabase(file, { readonly: true });
    expect(reader.prepare('SELECT count(*) AS n FROM scratch').get()).toEqual({ n: 6_000 });
    reader.close();
    await checkpoints.stop();
  });

  it('does nothing for a database in memory', async () => {
    const memory = await openDatabase({ sqlitePath: ':memory:' });
    const checkpoints = backgroundCheckpoints(memory);
    await checkpoints.start();
    expect(memory.sqlite!.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    await checkpoints.stop();
    await memory.close();
  });
});
