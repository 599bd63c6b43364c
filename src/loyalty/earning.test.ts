import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../core/context.js';
import { inTransaction } from '../core/context.js';
import { customers } from '../customers/index.js';
import { runImport } from '../imports/importer.js';
import { orders } from '../sales/orders.js';
import { writeSetting } from '../settings/store.js';
import { engines, freshDatabase, type TestDatabase } from '../test/engines.js';
import { debitPoints, expirePoints, getBalance, pointsHistory } from './ledger.js';
import { referralCodeFor } from './referrals.js';
import { createRule } from './rules.js';
import { updateLoyaltySettings } from './settings.js';
import { createTier, recomputeAllTiers } from './tiers.js';

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();

describe.each(engines)('points follow orders and customers on %s', (engine) => {
  let t: TestDatabase;
  let ctx: Ctx;
  const make = (input: Record<string, unknown>) => inTransaction(ctx, async (trx) => (await customers.createIn(trx, ctx, [input]))[0].id as string);
  const balance = async (id: string) => (await getBalance(t.database.db, id)).points;
  const eventsOf = async (type: string, id: string) => t.database.db.selectFrom('events').select('data').where('type', '=', type).where('entity_id', '=', id).execute();

  beforeAll(async () => {
    t = await freshDatabase(engine);
    ctx = { database: t.database, actor: 'test' };
    await writeSetting(t.database, 'business', { currency: 'EUR', timeZone: 'UTC' });
    await createRule(t.database.db, { name: 'One point per euro', kind: 'order', points: 1 });
  });
  afterAll(() => t?.drop());

  it('earns on an API order (rounded down), not on a pending one or another currency, and reverses on cancel', async () => {
    const ann = await make({ first_name: 'Ann', email: 'ann@earn.example' });
    const [paid] = await orders.create(ctx, [{ customer_id: ann, ordered_at: daysAgo(3), total: 42.9 }]);
    await orders.create(ctx, [{ customer_id: ann, ordered_at: daysAgo(2), total: 100, status: 'pending' }]);
    await orders.create(ctx, [{ customer_id: ann, ordered_at: daysAgo(2), total: 100, currency: 'USD' }]);
    expect(await balance(ann)).toBe(42);
    expect((await eventsOf('loyalty.points_earned', ann)).map((e) => JSON.parse(e.data as string).points)).toEqual([42]);

    // Paying the pending order earns it; a cancelled order gives its points back.
    const pending = (await t.database.db.selectFrom('orders').select('id').where('customer_id', '=', ann).where('status', '=', 'pending').executeTakeFirstOrThrow()).id as string;
    await orders.update(ctx, [{ id: pending, patch: { status: 'paid' } }]);
    expect(await balance(ann)).toBe(142);
    await orders.update(ctx, [{ id: paid.id as string, patch: { status: 'cancelled' } }]);
    expect(await balance(ann)).toBe(100);
    const history = await pointsHistory(t.database.db, ann, { limit: 10 });
    expect(history.data.map((e) => [e.kind, e.points])).toEqual([
      ['reverse', -42],
      ['earn', 100],
      ['earn', 42],
    ]);
    // Cancelling again or editing the notes changes nothing.
    await orders.update(ctx, [{ id: paid.id as string, patch: { notes: 'called back' } }]);
    expect(await balance(ann)).toBe(100);
  });

  it('never takes a balance below zero: a reversal after the points were spent takes what is left', async () => {
    const bo = await make({ first_name: 'Bo', email: 'bo@earn.example' });
    const [order] = await orders.create(ctx, [{ customer_id: bo, ordered_at: daysAgo(1), total: 50 }]);
    await inTransaction(ctx, (trx) => debitPoints(trx, 'test', { customerId: bo, kind: 'spend', points: 30, reason: 'reward' }));
    await expect(inTransaction(ctx, (trx) => debitPoints(trx, 'test', { customerId: bo, kind: 'spend', points: 21, reason: 'reward' }))).rejects.toMatchObject({ status: 409 });
    await orders.update(ctx, [{ id: order.id as string, patch: { status: 'refunded' } }]);
    expect(await balance(bo)).toBe(0);
    const [reversal] = (await pointsHistory(t.database.db, bo, { limit: 1 })).data;
    expect(reversal).toMatchObject({ kind: 'reverse', points: -20 });
    expect(reversal.reason).toMatch(/30 of its points were spent already/);
    // Only an explicit adjustment may go below zero.
    await inTransaction(ctx, (trx) => debitPoints(trx, 'test', { customerId: bo, kind: 'adjust', points: 5, reason: 'goodwill taken back', allowNegative: true }));
    expect(await balance(bo)).toBe(-5);
  });

  it('earns on imported orders, in bulk, and attributes an imported discount code that is a referral code', async () => {
    const referrer = await make({ first_name: 'Ref', email: 'ref@earn.example' });
    const code = await inTransaction(ctx, (trx) => referralCodeFor(trx, referrer));
    await createRule(t.database.db, { name: 'Thanks for the friend', kind: 'referrer', points: 25 });
    await createRule(t.database.db, { name: 'Welcome, friend', kind: 'referred', points: 10 });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-loyalty-'));
    const file = path.join(dir, 'orders.csv');
    fs.writeFileSync(
      file,
      `order id,email,date,total,discount code\nL1,imp1@earn.example,${daysAgo(9).slice(0, 10)},40.00,\nL2,imp1@earn.example,${daysAgo(8).slice(0, 10)},15.50,\nL3,imp2@earn.example,${daysAgo(7).slice(0, 10)},99.99,${code.toLowerCase()}\nL4,imp2@earn.example,${daysAgo(6).slice(0, 10)},10,\n`,
    );
    // As the CLI imports: on SQLite, the second chunk commits with the checkpoints on their own thread.
    const result = await runImport({ ...ctx, actor: 'import:test' }, file, { kind: 'orders', source: 'shop', chunkSize: 2, checkpointThread: true });
    expect(result.counts).toMatchObject({ created: 4 });
    if (t.database.sqlite) expect(t.database.sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    const imp1 = (await t.database.db.selectFrom('customers').select('id').where('email', '=', 'imp1@earn.example').executeTakeFirstOrThrow()).id as string;
    const imp2 = (await t.database.db.selectFrom('customers').select('id').where('email', '=', 'imp2@earn.example').executeTakeFirstOrThrow()).id as string;
    expect(await balance(imp1)).toBe(40 + 15);
    // 99 + 10 for the orders, 10 for coming through a referral (rewarded once, on the first order).
    expect(await balance(imp2)).toBe(99 + 10 + 10);
    expect(await balance(referrer)).toBe(25);
    const referral = await t.database.db.selectFrom('referrals').selectAll().where('referred_id', '=', imp2).executeTakeFirstOrThrow();
    expect(referral).toMatchObject({ referrer_id: referrer, channel: 'import', status: 'rewarded' });
    expect(await eventsOf('referral.rewarded', imp2)).toHaveLength(1);
  });

  it('attributes a customer created through the API with a referral code, and rewards both after the first paid order', async () => {
    const referrer = await make({ first_name: 'Rita', email: 'rita@earn.example' });
    const code = await inTransaction(ctx, (trx) => referralCodeFor(trx, referrer));
    const friend = await make({ first_name: 'Finn', email: 'finn@earn.example', referral_code: code });
    expect(await t.database.db.selectFrom('referrals').select('status').where('referred_id', '=', friend).execute()).toEqual([{ status: 'attributed' }]);
    expect(await balance(referrer)).toBe(0);
    await orders.create(ctx, [{ customer_id: friend, ordered_at: daysAgo(0), total: 20, status: 'pending' }]);
    expect(await balance(referrer)).toBe(0);
    const [order] = await orders.create(ctx, [{ customer_id: friend, ordered_at: daysAgo(0), total: 30 }]);
    expect(await balance(referrer)).toBe(25);
    expect(await balance(friend)).toBe(30 + 10);
    expect((await t.database.db.selectFrom('referrals').select(['status', 'order_id']).where('referred_id', '=', friend).executeTakeFirstOrThrow()).order_id).toBe(order.id);
    // A second paid order rewards nobody again.
    await orders.create(ctx, [{ customer_id: friend, ordered_at: daysAgo(0), total: 5 }]);
    expect(await balance(referrer)).toBe(25);
    // Self-referral through the API: the same phone under another record is refused, nothing is rewarded.
    const phoneOwner = await make({ first_name: 'Pia', email: 'pia@earn.example', phones: ['+32 470 99 88 77'] });
    const piaCode = await inTransaction(ctx, (trx) => referralCodeFor(trx, phoneOwner));
    const twin = await make({ first_name: 'Pia2', email: 'pia2@earn.example', phones: ['+32470998877'], referral_code: piaCode });
    await orders.create(ctx, [{ customer_id: twin, ordered_at: daysAgo(0), total: 30 }]);
    expect(await t.database.db.selectFrom('referrals').select('id').where('referred_id', '=', twin).execute()).toEqual([]);
    expect(await balance(phoneOwner)).toBe(0);
  });

  it("refuses a referral whose new customer pays with the referrer's card or account, at attribution or at the reward", async () => {
    const rae = await make({ first_name: 'Rae', email: 'rae@earn.example' });
    const code = await inTransaction(ctx, (trx) => referralCodeFor(trx, rae));
    await orders.create(ctx, [{ customer_id: rae, ordered_at: daysAgo(9), total: 10, payment_fingerprint: 'fp_Rae0001', payment_card: 'Visa 4242' }]);
    const before = await balance(rae);
    const referralEntries = async (id: string) =>
      (await t.database.db.selectFrom('loyalty_entries').select('reason').where('customer_id', '=', id).execute()).filter((e) => String(e.reason).startsWith('referral'));

    // Attributed on sign-up (no payment seen yet), refused when the first order is paid with Rae's card fingerprint.
    const ned = await make({ first_name: 'Ned', email: 'ned@earn.example', referral_code: code });
    expect(await t.database.db.selectFrom('referrals').select('status').where('referred_id', '=', ned).execute()).toEqual([{ status: 'attributed' }]);
    const [nedOrder] = await orders.create(ctx, [{ customer_id: ned, ordered_at: daysAgo(0), total: 30, payment_fingerprint: 'fp_Rae0001' }]);
    const refusedRow = await t.database.db.selectFrom('referrals').select(['status', 'refused_reason', 'order_id', 'rewarded_at']).where('referred_id', '=', ned).executeTakeFirstOrThrow();
    expect(refusedRow).toMatchObject({ status: 'refused', order_id: nedOrder.id, rewarded_at: null });
    expect(refusedRow.refused_reason).toMatch(/self-referral.*fingerprint/);
    expect(await referralEntries(rae)).toEqual([]);
    expect(await referralEntries(ned)).toEqual([]);
    expect(await balance(rae)).toBe(before);
    expect((await eventsOf('referral.refused', ned)).map((e) => JSON.parse(e.data as string).referrer_id)).toEqual([rae]);
    // A second paid order does not bring the refused referral back.
    await orders.create(ctx, [{ customer_id: ned, ordered_at: daysAgo(0), total: 5, payment_fingerprint: 'fp_Ned0001' }]);
    expect((await t.database.db.selectFrom('referrals').select('status').where('referred_id', '=', ned).executeTakeFirstOrThrow()).status).toBe('refused');

    // An order that brings the code and is paid with Rae's card (brand and last four, however written): no attribution.
    const ola = await make({ first_name: 'Ola', email: 'ola@earn.example' });
    await orders.create(ctx, [{ customer_id: ola, ordered_at: daysAgo(0), total: 30, discount_code: code, payment_card: 'VISA •••• 4242' }]);
    expect(await t.database.db.selectFrom('referrals').select('id').where('referred_id', '=', ola).execute()).toEqual([]);
    // Another card with the same last four digits is another card: attributed and rewarded.
    const pat = await make({ first_name: 'Pat', email: 'pat@earn.example' });
    await orders.create(ctx, [{ customer_id: pat, ordered_at: daysAgo(0), total: 30, discount_code: code, payment_card: 'Mastercard 4242' }]);
    expect(await t.database.db.selectFrom('referrals').select('status').where('referred_id', '=', pat).execute()).toEqual([{ status: 'rewarded' }]);
    expect((await referralEntries(rae)).length).toBeGreaterThan(0);
  });

  it('earns sign-up and event rules once each, within their dates and caps', async () => {
    await createRule(t.database.db, { name: 'Welcome', kind: 'signup', points: 50 });
    await createRule(t.database.db, { name: 'Old promotion', kind: 'signup', points: 500, ends_at: daysAgo(30) });
    await createRule(t.database.db, { name: 'Thanks for your call', kind: 'event', event_type: 'interaction.created', points: 7, cap: 10 });
    const cy = await make({ first_name: 'Cy', email: 'cy@earn.example' });
    expect(await balance(cy)).toBe(50);
    for (let i = 0; i < 3; i++)
      await inTransaction(ctx, async (trx) => (await import('../activities/interactions.js')).interactions.createIn(trx, ctx, [{ type: 'call', direction: 'in', customer_id: cy }]));
    // 7, then 3 up to the cap of 10, then nothing.
    expect(await balance(cy)).toBe(60);
  });

  it('expires points oldest first, and only what is left of them', async () => {
    await updateLoyaltySettings(t.database, { expiry_days: 30 });
    const di = await make({ first_name: 'Di', email: 'di@earn.example' });
    await orders.create(ctx, [{ customer_id: di, ordered_at: daysAgo(40), total: 30 }]);
    await orders.create(ctx, [{ customer_id: di, ordered_at: daysAgo(35), total: 20 }]);
    await orders.create(ctx, [{ customer_id: di, ordered_at: daysAgo(5), total: 10 }]);
    // Welcome points (50, today) + 60 from orders; 35 spent come out of the oldest earning first.
    await inTransaction(ctx, (trx) => debitPoints(trx, 'test', { customerId: di, kind: 'spend', points: 35, reason: 'reward' }));
    expect(await balance(di)).toBe(75);
    const result = await expirePoints(t.database);
    expect(result.points).toBeGreaterThanOrEqual(15);
    // The 40-day-old 30 went to the spend; 5 of the 35-day-old 20 too; its other 15 expire.
    expect(await balance(di)).toBe(60);
    const [expiry] = (await pointsHistory(t.database.db, di, { limit: 1 })).data;
    expect(expiry).toMatchObject({ kind: 'expire', points: -15 });
    expect((await expirePoints(t.database)).points).toBe(0);
    await updateLoyaltySettings(t.database, { expiry_days: null });
  });

  it("moves a merged customer's points, code and referral to the customer they were merged into", async () => {
    const keep = await make({ first_name: 'Gus', email: 'gus@earn.example' });
    const dupe = await make({ first_name: 'Gus', email: 'gus2@earn.example' });
    const referrer = await make({ first_name: 'Hal', email: 'hal@earn.example' });
    const code = await inTransaction(ctx, (trx) => referralCodeFor(trx, referrer));
    await inTransaction(ctx, async (trx) => (await import('./referrals.js')).tryAttributeReferral(trx, ctx, dupe, code));
    await orders.create(ctx, [{ customer_id: dupe, ordered_at: daysAgo(2), total: 30 }]);
    const before = (await balance(keep)) + (await balance(dupe));
    const dupeCode = await inTransaction(ctx, (trx) => referralCodeFor(trx, dupe));
    await inTransaction(ctx, async (trx) => (await import('../duplicates/merge.js')).mergeCustomersIn(trx, ctx, keep, [dupe]));
    expect(await balance(keep)).toBe(before);
    expect(await t.database.db.selectFrom('loyalty_balances').select('customer_id').where('customer_id', '=', dupe).execute()).toEqual([]);
    expect(await t.database.db.selectFrom('loyalty_entries').select('id').where('customer_id', '=', dupe).execute()).toEqual([]);
    expect((await t.database.db.selectFrom('referral_codes').select('customer_id').where('code', '=', dupeCode).executeTakeFirstOrThrow()).customer_id).toBe(keep);
    expect((await t.database.db.selectFrom('referrals').select('referred_id').where('referrer_id', '=', referrer).executeTakeFirstOrThrow()).referred_id).toBe(keep);
  });

  it("gives an absorbed customer's points back by its own ledger entries when the merge is undone", async () => {
    const { mergeCustomersIn, undoMergeIn } = await import('../duplicates/merge.js');
    const kim = await make({ first_name: 'Kim', email: 'kim@earn.example' });
    const kit = await make({ first_name: 'Kit', email: 'kit@earn.example' });
    // Welcome points, when an earlier test set a sign-up rule.
    const w = await balance(kit);
    await orders.create(ctx, [{ customer_id: kim, ordered_at: daysAgo(4), total: 40 }]);
    const [waiting] = await orders
      .create(ctx, [
        { customer_id: kit, ordered_at: daysAgo(3), total: 25 },
        { customer_id: kit, ordered_at: daysAgo(2), total: 10, status: 'pending' },
      ])
      .then((rows) => rows.filter((r) => r.status === 'pending'));
    await inTransaction(ctx, (trx) => debitPoints(trx, 'test', { customerId: kit, kind: 'spend', points: 5, reason: 'reward' }));
    const kitCode = await inTransaction(ctx, (trx) => referralCodeFor(trx, kit));
    const kitEntries = (await pointsHistory(t.database.db, kit, { limit: 10 })).data.map((e) => e.id).sort();
    expect(await balance(kit)).toBe(w + 20);

    const { merge_id } = await inTransaction(ctx, (trx) => mergeCustomersIn(trx, ctx, kim, [kit]));
    expect(await balance(kim)).toBe(2 * w + 60);
    // While merged, Kit's pending order is paid (it earns for Kim) and Kim spends 15 of her own.
    await orders.update(ctx, [{ id: waiting.id as string, patch: { status: 'paid' } }]);
    await inTransaction(ctx, (trx) => debitPoints(trx, 'test', { customerId: kim, kind: 'spend', points: 15, reason: 'reward' }));
    expect(await balance(kim)).toBe(2 * w + 55);

    await inTransaction(ctx, (trx) => undoMergeIn(trx, ctx, merge_id));
    expect(await balance(kit)).toBe(w + 30);
    expect(await balance(kim)).toBe(w + 25);
    // Every balance is still the sum of its ledger; Kit's own entries are Kit's again, with the one its order earned meanwhile.
    for (const id of [kim, kit]) {
      const sum = await t.database.db.selectFrom('loyalty_entries').select(['points', 'remaining', 'kind']).where('customer_id', '=', id).execute();
      expect(sum.reduce((s, e) => s + Number(e.points), 0)).toBe(await balance(id));
      expect(sum.reduce((s, e) => s + Number(e.remaining), 0)).toBe(await balance(id));
    }
    const kitHistory = (await pointsHistory(t.database.db, kit, { limit: 10 })).data;
    expect(
      kitHistory
        .map((e) => e.id)
        .filter((id) => kitEntries.includes(id))
        .sort(),
    ).toEqual(kitEntries);
    expect(kitHistory.find((e) => e.order_id === waiting.id)).toMatchObject({ kind: 'earn', points: 10 });
    expect((await pointsHistory(t.database.db, kim, { limit: 10 })).data.map((e) => e.points).filter((p) => p !== w)).toEqual([-15, 40]);
    expect((await getBalance(t.database.db, kit)).earned).toBe(w + 35);
    expect((await getBalance(t.database.db, kim)).earned).toBe(w + 40);
    expect((await t.database.db.selectFrom('referral_codes').select('customer_id').where('code', '=', kitCode).executeTakeFirstOrThrow()).customer_id).toBe(kit);
    expect((await eventsOf('loyalty.points_adjusted', kit)).map((e) => JSON.parse(e.data as string).points)).toEqual([w + 30]);
    expect((await eventsOf('loyalty.points_adjusted', kim)).map((e) => JSON.parse(e.data as string).points)).toEqual([-(w + 30)]);
    expect(await t.database.db.selectFrom('loyalty_merges').select('merge_id').where('merge_id', '=', merge_id).execute()).toEqual([]);
  });

  it('moves customers between tiers on orders and nightly, with events', async () => {
    const silver = await createTier(t.database.db, { name: 'Silver', basis: 'spend', threshold: 100, benefits: 'Free shipping' });
    const gold = await createTier(t.database.db, { name: 'Gold', basis: 'spend', threshold: 500 });
    await expect(createTier(t.database.db, { name: 'Odd', basis: 'points', threshold: 5 })).rejects.toMatchObject({ status: 400 });
    const ed = await make({ first_name: 'Ed', email: 'ed@earn.example' });
    await orders.create(ctx, [{ customer_id: ed, ordered_at: daysAgo(364), total: 450 }]);
    expect((await getBalance(t.database.db, ed)).tier_id).toBe(silver.id);
    await orders.create(ctx, [{ customer_id: ed, ordered_at: daysAgo(1), total: 60 }]);
    expect((await getBalance(t.database.db, ed)).tier_id).toBe(gold.id);
    const moves = (await eventsOf('loyalty.tier_changed', ed)).map((e) => JSON.parse(e.data as string));
    expect(moves.map((m) => [m.to_name, m.direction])).toEqual([
      ['Silver', 'up'],
      ['Gold', 'up'],
    ]);
    // A few days later the old order leaves the 12-month window: the nightly pass moves Ed down.
    await recomputeAllTiers(t.database, new Date(Date.now() + 3 * 86_400_000));
    expect((await getBalance(t.database.db, ed)).tier_id).toBe(null);
    expect((await eventsOf('loyalty.tier_changed', ed)).map((e) => JSON.parse(e.data as string).direction)).toEqual(['up', 'up', 'down']);
  });
});
