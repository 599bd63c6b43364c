import type { Db } from '../core/database.js';
import type { OversizedKeys } from '../dedupe/blocks.js';
import { unpackProfile, type MatchProfile } from '../dedupe/profile.js';

export interface StoredBlock {
  key: number;
  /** The customers filed under the key, in id order. */
  members: MatchProfile[];
}

export interface BlockPlan {
  /** Keys whose blocks are compared (2..maxBlockSize customers), ascending, read a page at a time. */
  pages(): AsyncGenerator<number[]>;
  /** The keys over the cap with their sizes (for a limited scan, those of the customers scanned). */
  oversized: OversizedKeys;
}

const PAGE = 1000;

/** Every block of 2..maxBlockSize customers, in key order, with the oversized keys known up front. */
export async function allBlocks(db: Db, maxBlockSize: number): Promise<BlockPlan> {
  const oversized = new Map<number, number>();
  const over = await db
    .selectFrom('customer_match_keys')
    .select(['match_key', (eb) => eb.fn.countAll().as('n')])
    .groupBy('match_key')
    .having((eb) => eb.fn.countAll(), '>', maxBlockSize)
    .execute();
  for (const row of over) oversized.set(Number(row.match_key), Number(row.n));
  return {
    oversized,
    async *pages() {
      let after: number | null = null;
      for (;;) {
        let query = db.selectFrom('customer_match_keys').select('match_key');
        if (after !== null) query = query.where('match_key', '>', after);
        const rows = await query
          .groupBy('match_key')
          .having((eb) => eb.fn.countAll(), '>', 1)
          .having((eb) => eb.fn.countAll(), '<=', maxBlockSize)
          .orderBy('match_key')
          .limit(PAGE)
          .execute();
        if (rows.length === 0) return;
        yield rows.map((r) => Number(r.match_key));
        if (rows.length < PAGE) return;
        after = Number(rows[rows.length - 1].match_key);
      }
    },
  };
}

/** The blocks holding any of `customerIds` (an import's customers), in key order. */
export async function blocksTouching(db: Db, customerIds: readonly string[], maxBlockSize: number): Promise<BlockPlan> {
  const touchedKeys = new Set<number>();
  for (let i = 0; i < customerIds.length; i += 500) {
    const rows = await db
      .selectFrom('customer_match_keys')
      .select('match_key')
      .where('customer_id', 'in', customerIds.slice(i, i + 500))
      .execute();
    for (const row of rows) touchedKeys.add(Number(row.match_key));
  }
  const keys = Int32Array.from(touchedKeys).sort();
  const oversized = new Map<number, number>();
  const compared: number[] = [];
  for (let i = 0; i < keys.length; i += 500) {
    const rows = await db
      .selectFrom('customer_match_keys')
      .select(['match_key', (eb) => eb.fn.countAll().as('n')])
      .where('match_key', 'in', [...keys.subarray(i, i + 500)])
      .groupBy('match_key')
      .orderBy('match_key')
      .execute();
    for (const row of rows) {
      const n = Number(row.n);
      if (n > maxBlockSize) oversized.set(Number(row.match_key), n);
      else if (n > 1) compared.push(Number(row.match_key));
    }
  }
  return {
    oversized,
    async *pages() {
      for (let i = 0; i < compared.length; i += PAGE) yield compared.slice(i, i + PAGE);
    },
  };
}

/** The members of the blocks with these keys, block by block in key order, from their stored profiles. */
export async function readBlocks(db: Db, keys: number[]): Promise<StoredBlock[]> {
  const rows = await db
    .selectFrom('customer_match_keys as k')
    .innerJoin('customer_match_profiles as p', 'p.customer_id', 'k.customer_id')
    .select(['k.match_key', 'p.profile'])
    .where('k.match_key', 'in', keys)
    .orderBy('k.match_key')
    .orderBy('k.customer_id')
    .execute();
  const blocks: StoredBlock[] = [];
  for (const row of rows) {
    const key = Number(row.match_key);
    const member = unpackProfile(row.profile as string);
    const last = blocks[blocks.length - 1];
    if (last?.key === key) last.members.push(member);
    else blocks.push({ key, members: [member] });
  }
  return blocks;
}
