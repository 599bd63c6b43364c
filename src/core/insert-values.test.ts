import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, freshDatabase, type TestDatabase } from '../test/engines.js';
import { insertValues } from './insert-values.js';

describe.each(engines)('insertValues on %s', (engine) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await freshDatabase(engine);
  });
  afterAll(() => t?.drop());

  it('stores every row as given, in statements of any size, inside the transaction', async () => {
    const columns = ['id', 'type', 'entity', 'entity_id', 'occurred_at', 'actor', 'data'];
    const rows = Array.from({ length: 613 }, (_, i) => [
      `evt_iv${String(i).padStart(5, '0')}`,
      'webhook.test',
      'webhook',
      `wh_${i}`,
      '2026-01-01T00:00:00.000Z',
      i % 3 === 0 ? `it's "quoted" \`${i}\`` : 'test',
      i % 2 ? null : JSON.stringify({ n: i, ok: true }),
    ]);
    await t.database.db.transaction().execute(async (trx) => {
      await insertValues(trx, 'events', columns, []);
      await insertValues(trx, 'events', columns, rows.slice(0, 1));
      await insertValues(trx, 'events', columns, rows.slice(1));
    });
    const stored = await t.database.db.selectFrom('events').select(columns).where('id', 'like', 'evt_iv%').orderBy('id').execute();
    expect(stored.map((r) => columns.map((c) => r[c]))).toEqual(rows);
  });

  it('writes nothing when the transaction rolls back, and nothing of a statement that fails', async () => {
    const row = (id: string) => [id, 'webhook.test', 'webhook', 'wh_x', '2026-01-01T00:00:00.000Z', 'test', null];
    await expect(
      t.database.db.transaction().execute(async (trx) => {
        await insertValues(trx, 'events', ['id', 'type', 'entity', 'entity_id', 'occurred_at', 'actor', 'data'], [row('evt_rb1'), row('evt_rb2')]);
        // The id is unique: a second copy fails, and the first rows go with it.
        await insertValues(trx, 'events', ['id', 'type', 'entity', 'entity_id', 'occurred_at', 'actor', 'data'], [row('evt_rb1')]);
      }),
    ).rejects.toThrow();
    expect(await t.database.db.selectFrom('events').select('id').where('id', 'in', ['evt_rb1', 'evt_rb2']).execute()).toEqual([]);
  });
});
