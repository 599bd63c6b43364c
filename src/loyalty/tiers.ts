/**
 * Membership tiers: by points earned or by spend (paid orders in the business currency), both over
 * the last 12 months; all tiers of a programme use one basis. Recomputed for the customers of each
 * batch of order and points events, and nightly for everyone (a year's window moves every day).
 */
import { z } from '@hono/zod-openapi';
import { sql } from 'kysely';
import type { Database, Db } from '../core/database.js';
import { toNumber } from '../core/database.js';
import { appendEvents, type DomainEvent } from '../core/events.js';
import { invalid, notFound } from '../core/errors.js';
import { newId } from '../core/ids.js';
import { issuesToFields } from '../records/validation.js';
import { getBusinessSettings } from '../settings/business.js';
import { addToBalances, getBalances } from './ledger.js';

const tierBases = ['points', 'spend'] as const;

export const tierSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    basis: z.enum(tierBases).openapi({ description: 'points: points earned in the last 12 months; spend: paid orders in the business currency in the last 12 months' }),
    threshold: z.number().openapi({ description: 'The least points or spend that reaches the tier' }),
    benefits: z.string().nullable(),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .openapi('LoyaltyTier');
export type Tier = z.infer<typeof tierSchema>;

const fields = { name: z.string().trim().min(1).max(255), basis: z.enum(tierBases), threshold: z.number().finite().min(0).max(1e12), benefits: z.string().max(5000).nullable().optional() };
export const tierCreateInput = z.object(fields).strict().openapi('LoyaltyTierCreate');
export const tierUpdateInput = z.object(fields).partial().strict().openapi('LoyaltyTierUpdate');

const toTier = (r: Record<string, unknown>): Tier => ({
  id: r.id as string,
  name: r.name as string,
  basis: r.basis as Tier['basis'],
  threshold: toNumber(r.threshold) ?? 0,
  benefits: (r.benefits as string | null) ?? null,
  created_at: r.created_at as string,
  updated_at: r.updated_at as string,
});

export async function listTiers(db: Db): Promise<Tier[]> {
  return (await db.selectFrom('loyalty_tiers').selectAll().orderBy('threshold').orderBy('id').execute()).map(toTier);
}

async function getTier(db: Db, id: string): Promise<Tier> {
  const row = await db.selectFrom('loyalty_tiers').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('tier', id);
  return toTier(row);
}

async function checkTier(db: Db, tier: Tier): Promise<void> {
  const others = (await listTiers(db)).filter((t) => t.id !== tier.id);
  if (others.some((t) => t.basis !== tier.basis)) throw invalid(`all tiers use one basis: the others are by ${others[0].basis}`, { basis: [`must be ${others[0].basis}, as the other tiers`] });
  if (others.some((t) => t.threshold === tier.threshold)) throw invalid('another tier has this threshold', { threshold: ['must differ from the other tiers'] });
}

function parse<T extends z.ZodTypeAny>(schema: T, input: unknown): z.infer<T> {
  const result = schema.safeParse(input);
  if (!result.success) throw invalid('invalid tier', issuesToFields(result.error.issues));
  return result.data;
}

export async function createTier(db: Db, input: unknown): Promise<Tier> {
  const data = parse(tierCreateInput, input);
  const now = new Date().toISOString();
  const tier: Tier = { id: newId('loyaltyTier'), name: data.name, basis: data.basis, threshold: data.threshold, benefits: data.benefits ?? null, created_at: now, updated_at: now };
  await checkTier(db, tier);
  await db.insertInto('loyalty_tiers').values(tier).execute();
  return tier;
}

export async function updateTier(db: Db, id: string, input: unknown): Promise<Tier> {
  const tier = { ...(await getTier(db, id)), ...parse(tierUpdateInput, input), updated_at: new Date().toISOString() } as Tier;
  await checkTier(db, tier);
  const { id: _id, created_at: _c, ...set } = tier;
  await db.updateTable('loyalty_tiers').set(set).where('id', '=', id).execute();
  return tier;
}

/** Customers in a deleted tier drop to the tier they now qualify for at the next recompute. */
export async function deleteTier(db: Db, id: string): Promise<void> {
  await getTier(db, id);
  await db.deleteFrom('loyalty_tiers').where('id', '=', id).execute();
}

const yearAgo = (now: Date) => new Date(now.getTime() - 365 * 86_400_000).toISOString();

/** Each customer's measure over the last 12 months for the tiers' basis. */
async function measures(trx: Db, basis: Tier['basis'], ids: string[], now: Date): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  const since = yearAgo(now);
  if (basis === 'points') {
    const rows = await trx
      .selectFrom('loyalty_entries')
      .select(['customer_id', sql<number>`sum(points)`.as('value')])
      .where('customer_id', 'in', ids)
      .where('kind', 'in', ['earn', 'reverse'])
      .where('created_at', '>=', since)
      .groupBy('customer_id')
      .execute();
    for (const r of rows) out.set(r.customer_id as string, toNumber(r.value) ?? 0);
  } else {
    const { currency } = await getBusinessSettings(trx);
    const rows = await trx
      .selectFrom('orders')
      .select(['customer_id', sql<number>`sum(total)`.as('value')])
      .where('customer_id', 'in', ids)
      .where('status', 'in', ['paid', 'fulfilled'])
      .where('currency', '=', currency)
      .where('ordered_at', '>=', since)
      .groupBy('customer_id')
      .execute();
    for (const r of rows) out.set(r.customer_id as string, toNumber(r.value) ?? 0);
  }
  return out;
}

/** The highest tier a measure reaches (tiers sorted by threshold), or null. */
function tierFor(tiers: readonly Tier[], value: number): Tier | null {
  let found: Tier | null = null;
  for (const t of tiers) if (value >= t.threshold) found = t;
  return found;
}

/**
 * Puts these customers in the tier their last 12 months reach, in the caller's transaction, with a
 * `loyalty.tier_changed` event for each change. Returns how many changed.
 */
export async function recomputeTiers(trx: Db, actor: string, customerIds: readonly string[], now = new Date(), tiers?: Tier[]): Promise<number> {
  const ladder = tiers ?? (await listTiers(trx));
  const ids = [...new Set(customerIds)];
  if (ids.length === 0) return 0;
  let changed = 0;
  for (let i = 0; i < ids.length; i += 500) {
    const part = ids.slice(i, i + 500);
    const balances = await getBalances(trx, part);
    const values = ladder.length ? await measures(trx, ladder[0].basis, part, now) : new Map<string, number>();
    const events: DomainEvent[] = [];
    const missing = new Map<string, { points: number; earned: number }>();
    const moves: { id: string; tier: Tier | null }[] = [];
    for (const id of part) {
      const tier = tierFor(ladder, values.get(id) ?? 0);
      const current = balances.get(id)?.tier_id ?? null;
      if ((tier?.id ?? null) === current) continue;
      if (!balances.has(id)) missing.set(id, { points: 0, earned: 0 });
      moves.push({ id, tier });
      const from = ladder.find((t) => t.id === current) ?? null;
      const direction = !from ? 'up' : !tier ? 'down' : tier.threshold > from.threshold ? 'up' : 'down';
      events.push({
        type: 'loyalty.tier_changed',
        entity: 'customer',
        entityId: id,
        data: { from: current, from_name: from?.name ?? null, to: tier?.id ?? null, to_name: tier?.name ?? null, direction },
      });
    }
    if (missing.size) await addToBalances(trx, missing);
    const at = now.toISOString();
    for (const m of moves)
      await trx
        .updateTable('loyalty_balances')
        .set({ tier_id: m.tier?.id ?? null, tier_since: at, updated_at: at })
        .where('customer_id', '=', m.id)
        .execute();
    await appendEvents(trx, actor, events);
    changed += moves.length;
  }
  return changed;
}

/** The nightly pass: every customer with a tier, points or an order in the last year, a chunk per transaction. */
export async function recomputeAllTiers(database: Database, now = new Date(), actor = 'job'): Promise<number> {
  const { db } = database;
  const tiers = await listTiers(db);
  const since = yearAgo(now);
  const ids = new Set<string>();
  for (const r of await db.selectFrom('loyalty_balances').select('customer_id').execute()) ids.add(r.customer_id as string);
  if (tiers.length) for (const r of await db.selectFrom('orders').select('customer_id').distinct().where('ordered_at', '>=', since).execute()) ids.add(r.customer_id as string);
  const all = [...ids];
  let changed = 0;
  for (let i = 0; i < all.length; i += 500) changed += await db.transaction().execute((trx) => recomputeTiers(trx, actor, all.slice(i, i + 500), now, tiers));
  return changed;
}
