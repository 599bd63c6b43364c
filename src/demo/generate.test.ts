import { afterAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { freshDatabase, type TestDatabase } from '../test/engines.js';
import { refreshOrderFigures } from '../sales/figures.js';
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
