import fs from 'node:fs';
import SqliteDatabase from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, type TestDatabase } from '../test/engines.js';
import { purgeDeletedData } from './purge.js';

describe('purging deleted data from SQLite files', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await freshDatabase('sqlite');
  });
  afterAll(async () => t?.drop());

  it('runs with secure_delete on, and empties the WAL unless a reader holds it, without blocking the event loop', async () => {
    const { database } = t;
    expect(database.sqlite!.pragma('secure_delete', { simple: true })).toBe(1);
    const wal = `${database.sqlitePath}-wal`;
    await database.db
      .insertInto('settings')
      .values({ setting_key: 'purge.test', value: 'x'.repeat(10_000), updated_at: new Date().toISOString() })
      .execute();
    await database.db.deleteFrom('settings').where('setting_key', '=', 'purge.test').execute();
    expect(fs.statSync(wal).size).toBeGreaterThan(0);

    // Another connection in the middle of a read keeps the WAL's frames in use.
    const reader = new SqliteDatabase(database.sqlitePath!);
    reader.prepare('begin').run();
    reader.prepare('select count(*) from settings').get();
    let ticks = 0;
    const timer = setInterval(() => ticks++, 10);
    const busy = await purgeDeletedData(database, [], { checkpointAttempts: 4 });
    clearInterval(timer);
    expect(busy.complete).toBe(false);
    expect(ticks).toBeGreaterThan(20);
    expect(database.sqlite!.pragma('busy_timeout', { simple: true })).toBe(10000);

    reader.prepare('commit').run();
    reader.close();
    const done = await purgeDeletedData(database, []);
    expect(done.complete).toBe(true);
    expect(fs.statSync(wal).size).toBe(0);
  });
});
