import { afterAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { freshDatabase, type TestDatabase } from '../test/engines.js';
import { refreshOrderFigures } from '../sales/figures.js';
import { loyaltyReport } from '../loyalty/report.js';
import { generateDemo } from './generate.js';

describe('demo data', () => {
  const opened: TestDatabase[] = [];
  afterAll(async () => {
    for (const t of opened) await t.drop();
  });
  const asOf = new Date('2026-03-01T00:00:00Z');
  async function build(seed: number) {
    const t = await freshDatabase('sqlite');
    opened.push(t);
    await generateDemo(t.database, { customers: 3000, seed, asOf });
    return t.database;
  }
  const summary = (database: Awaited<ReturnType<typeof build>>) =>
    database.db
      .selectFrom('orders')
      .select([sql<number>`count(*)`.as('orders'), sql<number>`round(sum(total), 2)`.as('total'), sql<string>`max(ordered_at)`.as('last'), sql<string>`min(ordered_at)`.as('first')])
      .executeTakeFirstOrThrow();

  it('is the same for the same seed, and has no order after its as-of date', async () => {
    const [a, b, c] = [await build(7), await build(7), await build(8)];
    const [sa, sb, sc] = [await summary(a), await summary(b), await summary(c)];
    expect(sa).toEqual(sb);
    expect(sc).not.toEqual(sa);
    for (const s of [sa, sc]) {
      expect(s.orders).toBeGreaterThan(3000);
      expect(s.last < asOf.toISOString()).toBe(true);
    }
  }, 60_000);

  it("has referrals, rewarded after the referred customer's first paid order, that the loyalty report compares with intervals", async () => {
    const database = opened[0].database;
    const referrals = await database.db.selectFrom('referrals').selectAll().execute();
    expect(referrals.length).toBeGreaterThan(100);
    const people = new Map((await database.db.selectFrom('customers').select(['id', 'created_at', 'referral_code', 'source']).execute()).map((c) => [c.id as string, c]));
    const codes = new Map((await database.db.selectFrom('referral_codes').select(['code', 'customer_id']).execute()).map((c) => [c.code as string, c.customer_id as string]));
    for (const r of referrals) {
      expect(codes.get(r.code as string)).toBe(r.referrer_id);
      const referred = people.get(r.referred_id as string)!;
      expect(referred).toMatchObject({ referral_code: r.code, source: 'referral' });
      expect(r.referrer_id).not.toBe(r.referred_id);
      // The referrer had ordered before the new customer arrived.
      const referrerFirst = await database.db
        .selectFrom('orders')
        .select(sql<string>`min(ordered_at)`.as('at'))
        .where('customer_id', '=', r.referrer_id as string)
        .executeTakeFirstOrThrow();
      expect(referrerFirst.at < (referred.created_at as string)).toBe(true);
      if (r.status === 'rewarded') {
        const order = await database.db
          .selectFrom('orders')
          .select(['customer_id', 'status', 'ordered_at'])
          .where('id', '=', r.order_id as string)
          .executeTakeFirstOrThrow();
        expect(order.customer_id).toBe(r.referred_id);
        expect(['paid', 'fulfilled']).toContain(order.status);
      } else expect(r.status).toBe('attributed');
    }
    const report = await loyaltyReport(database.db);
    expect(report.referrals.enough_data).toBe(true);
    expect(report.referrals.message).toBeNull();
    const orderCount = report.referrals.comparisons.find((c) => c.measure === 'order_count')!;
    expect(orderCount.referred_n).toBeGreaterThanOrEqual(30);
    expect(orderCount.low).not.toBeNull();
    expect(orderCount.high).not.toBeNull();
    expect(orderCount.low!).toBeLessThanOrEqual(orderCount.difference!);
    expect(orderCount.high!).toBeGreaterThanOrEqual(orderCount.difference!);
  }, 60_000);

  it('stores each customer’s figures as the orders give them', async () => {
    const database = opened[0].database;
    const before = await database.db.selectFrom('customers').select(['id', 'order_count', 'revenue', 'first_order_at', 'last_order_at']).orderBy('id').execute();
    await refreshOrderFigures(
      database.db,
      before.map((r) => r.id as string),
      asOf,
    );
    const after = await database.db.selectFrom('customers').select(['id', 'order_count', 'revenue', 'first_order_at', 'last_order_at']).orderBy('id').execute();
    expect(after).toEqual(before);
  }, 60_000);
});
