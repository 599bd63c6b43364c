import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, freshDatabase, type TestDatabase } from '../test/engines.js';
import { insertValues, upsertAddingValues } from './insert-values.js';

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

  it('adds to the rows that exist, creates the others, keeps the columns it does not set, and returns what is stored where the engine can', async () => {
    const columns = ['customer_id', 'points', 'earned', 'tier_id', 'tier_since', 'updated_at'];
    const upsert = { key: ['customer_id'], add: ['points', 'earned'], set: ['updated_at'], returning: ['customer_id', 'points'] };
    const ids = Array.from({ length: 300 }, (_, i) => `cus_up${String(i).padStart(4, '0')}`);
    await insertValues(
      t.database.db,
      'loyalty_balances',
      columns,
      ids.slice(0, 100).map((id) => [id, 10, 10, 'tier_gold', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z']),
    );
    const returned = await t.database.db.transaction().execute((trx) =>
      upsertAddingValues(
        trx,
        'loyalty_balances',
        columns,
        ids.map((id, i) => [id, i, 1, null, null, '2026-02-01T00:00:00.000Z']),
        upsert,
      ),
    );
    const stored = await t.database.db.selectFrom('loyalty_balances').selectAll().where('customer_id', 'like', 'cus_up%').orderBy('customer_id').execute();
    expect(stored.map((r) => [r.customer_id, Number(r.points), Number(r.earned), r.tier_id, r.updated_at])).toEqual(
      ids.map((id, i) => (i < 100 ? [id, 10 + i, 11, 'tier_gold', '2026-02-01T00:00:00.000Z'] : [id, i, 1, null, '2026-02-01T00:00:00.000Z'])),
    );
    if (engine === 'mysql') expect(returned).toBeNull();
    else expect(new Map(returned!.map((r) => [r.customer_id, Number(r.points)]))).toEqual(new Map(ids.map((id, i) => [id, i < 100 ? 10 + i : i])));
  });
});
