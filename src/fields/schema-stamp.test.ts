import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../core/context.js';
import { inTransaction } from '../core/context.js';
import { openDatabase, type Database } from '../core/database.js';
import { customers } from '../customers/index.js';
import { engines, freshDatabase, type TestDatabase } from '../test/engines.js';
import { addCustomField, listCustomFields, removeCustomField } from './custom-fields.js';

/**
 * A write keeps the custom fields under the schema's stamp and reads only the stamp (with its other
 * per-write reads): a field added or removed by another server process (here another connection,
 * which this process's cache knows nothing about) must be known, or gone, at the very next write.
 */
describe.each(engines)('custom fields kept under the schema stamp on %s', (engine) => {
  let t: TestDatabase;
  let other: Database;
  let ctx: Ctx;
  let n = 0;
  const create = (record: Record<string, unknown>) => inTransaction(ctx, async (trx) => (await customers.createIn(trx, ctx, [{ first_name: `Stamp${++n}`, ...record }]))[0]);
  const stamp = async () => (await t.database.db.selectFrom('schema_stamp').select('stamp').executeTakeFirst())?.stamp;

  beforeAll(async () => {
    t = await freshDatabase(engine);
    other = await openDatabase({ url: t.url!.includes('://') ? t.url : `sqlite:${t.url}` });
    ctx = { database: t.database, actor: 'test' };
  });
  afterAll(async () => {
    await other?.close();
    await t?.drop();
  });

  it('uses a field another process adds, and stops using one it removes, at the next write', async () => {
    expect(await create({})).not.toHaveProperty('shoe_size');
    await expect(create({ shoe_size: 42 })).rejects.toMatchObject({ fields: { shoe_size: ['unknown field'] } });

    const before = await stamp();
    await addCustomField(other, { name: 'shoe_size', type: 'number' });
    expect(await stamp()).not.toBe(before);
    const sized = await create({ shoe_size: 42 });
    expect(sized.shoe_size).toBe(42);
    const read = await t.database.db
      .selectFrom('customers')
      .select('cf_shoe_size')
      .where('id', '=', sized.id as string)
      .executeTakeFirstOrThrow();
    expect(Number(read.cf_shoe_size)).toBe(42);
    expect((await listCustomFields(t.database.db)).map((f) => f.name)).toEqual(['shoe_size']);

    const added = await stamp();
    await removeCustomField(other, 'shoe_size');
    expect(await stamp()).not.toBe(added);
    const plain = await create({});
    expect(plain).not.toHaveProperty('shoe_size');
    await expect(create({ shoe_size: 43 })).rejects.toMatchObject({ fields: { shoe_size: ['unknown field'] } });
    expect(await listCustomFields(t.database.db)).toEqual([]);
  });

  it('reads the fields every time when the stamp row is missing (a backup from before stamps), until a field change writes one', async () => {
    await t.database.db.deleteFrom('schema_stamp').execute();
    expect(await create({})).not.toHaveProperty('colour');
    await addCustomField(other, { name: 'colour', type: 'text' });
    expect(await stamp()).toBeTruthy();
    expect((await create({ colour: 'teal' })).colour).toBe('teal');
    await removeCustomField(other, 'colour');
  });
});
