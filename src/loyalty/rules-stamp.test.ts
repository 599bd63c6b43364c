import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../core/context.js';
import { inTransaction } from '../core/context.js';
import { openDatabase, type Database } from '../core/database.js';
import { customers } from '../customers/index.js';
import { orders } from '../sales/orders.js';
import { writeSetting } from '../settings/store.js';
import { engines, freshDatabase, type TestDatabase } from '../test/engines.js';
import { getBalance } from './ledger.js';
import { createRule, deleteRule, updateRule } from './rules.js';

class Rollback extends Error {}

/**
 * The loyalty subscriber keeps the active rules under the rules' stamp and reads only the stamp per
 * write: a rule changed by another server process (here another connection, which the cache of this
 * process knows nothing about) must still be used by the very next write.
 */
describe.each(engines)('earn rules kept under their stamp on %s', (engine) => {
  let t: TestDatabase;
  let other: Database;
  let ctx: Ctx;
  const make = (first_name: string) => inTransaction(ctx, async (trx) => (await customers.createIn(trx, ctx, [{ first_name, email: `${first_name.toLowerCase()}@stamp.example` }]))[0].id as string);
  const buy = async (customer_id: string, total: number) => orders.create(ctx, [{ customer_id, ordered_at: new Date().toISOString(), total }]);
  const balance = async (id: string) => (await getBalance(t.database.db, id)).points;
  const stamp = async () => (await t.database.db.selectFrom('loyalty_rules_stamp').select('stamp').executeTakeFirst())?.stamp;

  beforeAll(async () => {
    t = await freshDatabase(engine);
    other = await openDatabase({ url: t.url!.includes('://') ? t.url : `sqlite:${t.url}` });
    ctx = { database: t.database, actor: 'test' };
    await writeSetting(t.database, 'business', { currency: 'EUR', timeZone: 'UTC' });
  });
  afterAll(async () => {
    await other?.close();
    await t?.drop();
  });

  it('uses a rule created, changed, stopped or deleted by another process at the next write', async () => {
    const ann = await make('Ann');
    await buy(ann, 10);
    expect(await balance(ann)).toBe(0);

    const rule = await createRule(other.db, { name: 'A point per euro', kind: 'order', points: 1 });
    await buy(ann, 10);
    expect(await balance(ann)).toBe(10);

    await updateRule(other.db, rule.id, { points: 3 });
    await buy(ann, 10);
    expect(await balance(ann)).toBe(40);

    await updateRule(other.db, rule.id, { active: false });
    await buy(ann, 10);
    expect(await balance(ann)).toBe(40);

    await updateRule(other.db, rule.id, { active: true });
    const signup = await createRule(other.db, { name: 'Welcome', kind: 'signup', points: 5 });
    const bo = await make('Bo');
    expect(await balance(bo)).toBe(5);
    await buy(bo, 2);
    expect(await balance(bo)).toBe(11);

    await deleteRule(other.db, rule.id);
    await deleteRule(other.db, signup.id);
    await buy(bo, 100);
    expect(await balance(bo)).toBe(11);
    expect(await balance(await make('Cy'))).toBe(0);
  });

  it('changes the stamp with every rule change, and not when the change rolls back', async () => {
    const before = await stamp();
    const rule = await createRule(t.database.db, { name: 'Two per euro', kind: 'order', points: 2 });
    const created = await stamp();
    expect(created).not.toBe(before);
    const dee = await make('Dee');

    // A rule added in a transaction that rolls back, with an order that earned by it meanwhile.
    await expect(
      t.database.db.transaction().execute(async (trx) => {
        await createRule(trx, { name: 'Ten per euro', kind: 'order', points: 10 });
        await orders.createIn(trx, ctx, [{ customer_id: dee, ordered_at: new Date().toISOString(), total: 1 }]);
        expect((await getBalance(trx, dee)).points).toBe(12);
        throw new Rollback();
      }),
    ).rejects.toBeInstanceOf(Rollback);
    expect(await stamp()).toBe(created);
    await buy(dee, 1);
    expect(await balance(dee)).toBe(2);
    await deleteRule(t.database.db, rule.id);
  });

  it('reads the rules every time when the stamp row is missing (a backup from before stamps), until a rule change writes one', async () => {
    await t.database.db.deleteFrom('loyalty_rules_stamp').execute();
    const eve = await make('Eve');
    await buy(eve, 10);
    expect(await balance(eve)).toBe(0);
    // Written without the stamp, as a backup restored from before stamps holds its rules.
    await t.database.db
      .insertInto('loyalty_rules')
      .values({
        id: 'lyr_restored',
        name: 'Restored',
        kind: 'order',
        event_type: null,
        points: 1,
        starts_at: null,
        ends_at: null,
        cap: null,
        active: 1,
        created_at: new Date().toISOString(),
        updated_at: new Date().toISOString(),
      })
      .execute();
    await buy(eve, 10);
    expect(await balance(eve)).toBe(10);
    await updateRule(other.db, 'lyr_restored', { points: 2 });
    expect(await stamp()).toBeTruthy();
    await buy(eve, 10);
    expect(await balance(eve)).toBe(30);
  });
});
