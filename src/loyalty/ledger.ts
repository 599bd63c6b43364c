/**
 * The points ledger: append-only entries per customer (earn, spend, expire, reverse, adjust) and one
 * balance row per customer kept in the same transaction, so a balance read is one primary-key lookup.
 * Debits take points from the oldest earn entries first (`remaining`), which is what expiry reads.
 */
import { sql } from 'kysely';
import type { Db } from '../core/database.js';
import { toNumber } from '../core/database.js';
import { insertValues, upsertAddingValues } from '../core/insert-values.js';
import { appendEvents, type DomainEvent } from '../core/events.js';
import { conflict, invalid } from '../core/errors.js';
import { newId } from '../core/ids.js';
import type { EventType } from '../schema/events.js';

export const entryKinds = ['earn', 'spend', 'expire', 'reverse', 'adjust'] as const;
type EntryKind = (typeof entryKinds)[number];

export interface Balance {
  customer_id: string;
  points: number;
  /** Points earned over the customer's life (earn entries and positive adjustments, less reversals). */
  earned: number;
  tier_id: string | null;
  tier_since: string | null;
}

export interface Credit {
  customerId: string;
  points: number;
  reason: string;
  ruleId?: string | null;
  orderId?: string | null;
  /** Makes a credit happen once: a second credit with the same key is skipped. */
  sourceKey?: string | null;
  /** When the points were earned (an order's date); expiry counts from here. */
  at?: string;
  kind?: 'earn' | 'adjust';
}

const chunk = <T>(items: readonly T[], size: number): T[][] => Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, i * size + size));

export async function getBalance(db: Db, customerId: string): Promise<Balance> {
  const row = await db.selectFrom('loyalty_balances').select(['customer_id', 'points', 'earned', 'tier_id', 'tier_since']).where('customer_id', '=', customerId).executeTakeFirst();
  return row
    ? { customer_id: customerId, points: Number(row.points), earned: Number(row.earned), tier_id: (row.tier_id as string | null) ?? null, tier_since: (row.tier_since as string | null) ?? null }
    : { customer_id: customerId, points: 0, earned: 0, tier_id: null, tier_since: null };
}

export async function getBalances(db: Db, customerIds: readonly string[]): Promise<Map<string, Balance>> {
  const out = new Map<string, Balance>();
  for (const ids of chunk([...new Set(customerIds)], 500)) {
    const rows = await db.selectFrom('loyalty_balances').select(['customer_id', 'points', 'earned', 'tier_id', 'tier_since']).where('customer_id', 'in', ids).execute();
    for (const r of rows)
      out.set(r.customer_id as string, {
        customer_id: r.customer_id as string,
        points: Number(r.points),
        earned: Number(r.earned),
        tier_id: (r.tier_id as string | null) ?? null,
        tier_since: (r.tier_since as string | null) ?? null,
      });
  }
  return out;
}

const balanceColumns = ['customer_id', 'points', 'earned', 'tier_id', 'tier_since', 'updated_at'];

/**
 * Adds deltas to balances in a few multi-row statements, creating the rows that are missing.
 * Returns the points each balance holds now where the engine tells in the same statement, else null.
 */
export async function addToBalances(trx: Db, deltas: Map<string, { points: number; earned: number }>): Promise<Map<string, number> | null> {
  const now = new Date().toISOString();
  const stored = await upsertAddingValues(
    trx,
    'loyalty_balances',
    balanceColumns,
    [...deltas].map(([customerId, d]) => [customerId, d.points, d.earned, null, null, now]),
    { key: ['customer_id'], add: ['points', 'earned'], set: ['updated_at'], returning: ['customer_id', 'points'] },
  );
  return stored && new Map(stored.map((r) => [r.customer_id as string, Number(r.points)]));
}

function addDays(iso: string, days: number): string {
  return new Date(Date.parse(iso) + days * 86_400_000).toISOString();
}

interface EntryRow {
  id: string;
  customer_id: string;
  kind: EntryKind;
  points: number;
  remaining: number;
  reason: string | null;
  rule_id: string | null;
  order_id: string | null;
  redemption_id: string | null;
  source_key: string | null;
  expires_at: string | null;
  actor: string;
  created_at: string;
}

const entryColumns: (keyof EntryRow)[] = ['id', 'customer_id', 'kind', 'points', 'remaining', 'reason', 'rule_id', 'order_id', 'redemption_id', 'source_key', 'expires_at', 'actor', 'created_at'];

const eventFor: Record<EntryKind, EventType> = {
  earn: 'loyalty.points_earned',
  spend: 'loyalty.points_redeemed',
  expire: 'loyalty.points_expired',
  reverse: 'loyalty.points_reversed',
  adjust: 'loyalty.points_adjusted',
};

/** One event per customer and kind for a batch of entries: a 1,000-order import chunk is a few events, not thousands. */
async function entryEvents(trx: Db, actor: string, entries: EntryRow[], extra: Record<string, unknown> = {}, known: Map<string, number> | null = null): Promise<void> {
  const groups = new Map<string, EntryRow[]>();
  for (const e of entries) {
    const key = `${e.customer_id}\u0000${e.kind}`;
    const list = groups.get(key);
    if (list) list.push(e);
    else groups.set(key, [e]);
  }
  if (groups.size === 0) return;
  const balances = known ?? new Map([...(await getBalances(trx, [...new Set(entries.map((e) => e.customer_id))]))].map(([id, b]) => [id, b.points]));
  const events: DomainEvent[] = [];
  for (const list of groups.values()) {
    const { customer_id, kind } = list[0];
    const orderIds = [...new Set(list.map((e) => e.order_id).filter((id): id is string => !!id))];
    events.push({
      type: eventFor[kind],
      entity: 'customer',
      entityId: customer_id,
      data: { points: list.reduce((s, e) => s + e.points, 0), balance: balances.get(customer_id) ?? 0, entries: list.length, ...(orderIds.length ? { order_ids: orderIds } : {}), ...extra },
    });
  }
  await appendEvents(trx, actor, events);
}

/**
 * Credits points (earn entries, or positive adjustments) in a few multi-row writes: the entries,
 * the balances and one event per customer. Credits whose source key was used before are skipped.
 * Returns the entries written.
 */
export async function creditPoints(trx: Db, actor: string, credits: Credit[], expiryDays: number | null): Promise<EntryRow[]> {
  let wanted = credits.filter((c) => Number.isInteger(c.points) && c.points > 0);
  const keys = wanted.map((c) => c.sourceKey).filter((k): k is string => !!k);
  if (keys.length) {
    const used = new Set<string>();
    for (const part of chunk(keys, 500))
      for (const r of await trx.selectFrom('loyalty_entries').select('source_key').where('source_key', 'is not', null).where('source_key', 'in', part).execute()) used.add(r.source_key as string);
    const seen = new Set<string>();
    wanted = wanted.filter((c) => !c.sourceKey || (!used.has(c.sourceKey) && !seen.has(c.sourceKey) && seen.add(c.sourceKey)));
  }
  if (wanted.length === 0) return [];
  const now = new Date().toISOString();
  const rows: EntryRow[] = wanted.map((c) => {
    const at = c.at ?? now;
    return {
      id: newId('loyaltyEntry'),
      customer_id: c.customerId,
      kind: c.kind ?? 'earn',
      points: c.points,
      remaining: c.points,
      reason: c.reason.slice(0, 255),
      rule_id: c.ruleId ?? null,
      order_id: c.orderId ?? null,
      redemption_id: null,
      source_key: c.sourceKey ?? null,
      expires_at: expiryDays ? addDays(at, expiryDays) : null,
      actor,
      created_at: at < now ? at : now,
    };
  });
  await insertValues(
    trx,
    'loyalty_entries',
    entryColumns,
    rows.map((r) => entryColumns.map((c) => r[c])),
  );
  const deltas = new Map<string, { points: number; earned: number }>();
  for (const r of rows) {
    const d = deltas.get(r.customer_id) ?? { points: 0, earned: 0 };
    d.points += r.points;
    d.earned += r.points;
    deltas.set(r.customer_id, d);
  }
  await entryEvents(trx, actor, rows, {}, await addToBalances(trx, deltas));
  return rows;
}

/** Takes points from the customer's earn entries, oldest first (or from `first` before the others). */
async function consume(trx: Db, customerId: string, points: number, first?: (q: any) => any): Promise<void> {
  let left = points;
  const pick = async (narrow?: (q: any) => any) => {
    let q = trx.selectFrom('loyalty_entries').select(['id', 'remaining']).where('customer_id', '=', customerId).where('remaining', '>', 0).orderBy('created_at').orderBy('id').limit(200);
    if (narrow) q = narrow(q);
    return q.execute();
  };
  for (const narrow of first ? [first, undefined] : [undefined]) {
    while (left > 0) {
      const rows = await pick(narrow);
      if (rows.length === 0) break;
      for (const r of rows) {
        if (left <= 0) break;
        const take = Math.min(left, Number(r.remaining));
        await trx
          .updateTable('loyalty_entries')
          .set({ remaining: Number(r.remaining) - take })
          .where('id', '=', r.id as string)
          .execute();
        left -= take;
      }
    }
  }
}

export interface Debit {
  customerId: string;
  kind: 'spend' | 'expire' | 'reverse' | 'adjust';
  points: number;
  reason: string;
  orderId?: string | null;
  redemptionId?: string | null;
  /** Adjustments may take a balance below zero; every other debit needs the points. */
  allowNegative?: boolean;
  /** For reversals: take from this order's earn entries first. */
  fromOrder?: string;
  sourceKey?: string | null;
  /** Expiry has already emptied the entries it expires. */
  skipConsume?: boolean;
}

/**
 * Debits points. The balance is lowered by a conditional update first (`points >= n`), which also
 * locks the row: of two transactions spending the last points, the second finds too few and fails
 * with 409, and nothing of it is written. Then the oldest earn entries give up the points.
 */
export async function debitPoints(trx: Db, actor: string, debit: Debit, extra: Record<string, unknown> = {}): Promise<EntryRow> {
  const { customerId, points } = debit;
  if (!Number.isInteger(points) || points <= 0) throw invalid('points must be a positive whole number', { points: ['must be a positive whole number'] });
  const now = new Date().toISOString();
  let update = trx
    .updateTable('loyalty_balances')
    .set({ points: sql`${sql.ref('points')} - ${sql.lit(points)}`, updated_at: now, ...(debit.kind === 'reverse' ? { earned: sql`${sql.ref('earned')} - ${sql.lit(points)}` } : {}) })
    .where('customer_id', '=', customerId);
  if (!debit.allowNegative) update = update.where('points', '>=', points);
  const result = await update.executeTakeFirst();
  if (Number(result.numUpdatedRows ?? 0) === 0) {
    if (debit.allowNegative) await addToBalances(trx, new Map([[customerId, { points: -points, earned: 0 }]]));
    else {
      const balance = await getBalance(trx, customerId);
      throw conflict(`not enough points: the balance is ${balance.points}, ${points} needed`, { points: [`the balance is ${balance.points}`] });
    }
  }
  const fromOrder = debit.fromOrder;
  if (!debit.skipConsume) await consume(trx, customerId, points, fromOrder ? (q) => q.where('order_id', '=', fromOrder) : undefined);
  const row: EntryRow = {
    id: newId('loyaltyEntry'),
    customer_id: customerId,
    kind: debit.kind,
    points: -points,
    remaining: 0,
    reason: debit.reason.slice(0, 255),
    rule_id: null,
    order_id: debit.orderId ?? null,
    redemption_id: debit.redemptionId ?? null,
    source_key: debit.sourceKey ?? null,
    expires_at: null,
    actor,
    created_at: now,
  };
  await trx.insertInto('loyalty_entries').values(row).execute();
  await entryEvents(trx, actor, [row], extra);
  return row;
}

/** Net points each order has given so far (earned less reversed). */
export async function pointsPerOrder(trx: Db, orderIds: readonly string[]): Promise<Map<string, { customerId: string; points: number }>> {
  const out = new Map<string, { customerId: string; points: number }>();
  for (const part of chunk([...new Set(orderIds)], 500)) {
    const rows = await trx
      .selectFrom('loyalty_entries')
      .select(['order_id', 'customer_id', sql<number>`sum(points)`.as('points')])
      .where('order_id', 'in', part)
      .where('kind', 'in', ['earn', 'reverse'])
      .groupBy(['order_id', 'customer_id'])
      .execute();
    for (const r of rows) out.set(r.order_id as string, { customerId: r.customer_id as string, points: toNumber(r.points) ?? 0 });
  }
  return out;
}

export interface HistoryEntry {
  id: string;
  kind: EntryKind;
  points: number;
  remaining: number;
  reason: string | null;
  rule_id: string | null;
  order_id: string | null;
  redemption_id: string | null;
  expires_at: string | null;
  actor: string;
  created_at: string;
}

/** A customer's entries, newest first, a page at a time (`before`: the last id of the previous page). */
export async function pointsHistory(db: Db, customerId: string, options: { limit: number; before?: string }): Promise<{ data: HistoryEntry[]; next_cursor: string | null }> {
  let q = db
    .selectFrom('loyalty_entries')
    .selectAll()
    .where('customer_id', '=', customerId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(options.limit + 1);
  if (options.before) {
    const anchor = await db.selectFrom('loyalty_entries').select(['created_at', 'id']).where('id', '=', options.before).where('customer_id', '=', customerId).executeTakeFirst();
    if (!anchor) throw invalid('unknown cursor', { cursor: ['no such entry'] });
    const at = anchor.created_at as string;
    const id = anchor.id as string;
    q = q.where((eb) => eb.or([eb('created_at', '<', at), eb.and([eb('created_at', '=', at), eb('id', '<', id)])]));
  }
  const rows = await q.execute();
  const data = rows.slice(0, options.limit).map((r) => ({
    id: r.id as string,
    kind: r.kind as EntryKind,
    points: Number(r.points),
    remaining: Number(r.remaining),
    reason: (r.reason as string | null) ?? null,
    rule_id: (r.rule_id as string | null) ?? null,
    order_id: (r.order_id as string | null) ?? null,
    redemption_id: (r.redemption_id as string | null) ?? null,
    expires_at: (r.expires_at as string | null) ?? null,
    actor: r.actor as string,
    created_at: r.created_at as string,
  }));
  return { data, next_cursor: rows.length > options.limit ? data[data.length - 1].id : null };
}

/**
 * Expires the points of earn entries whose date has passed, oldest first, customer by customer
 * (each in its own transaction). Never takes a balance below zero. Returns the points expired.
 */
export async function expirePoints(database: { db: Db }, now = new Date(), actor = 'job'): Promise<{ customers: number; points: number }> {
  let customers = 0;
  let total = 0;
  for (;;) {
    const due = await database.db
      .selectFrom('loyalty_entries')
      .select('customer_id')
      .where('expires_at', 'is not', null)
      .where('expires_at', '<=', now.toISOString())
      .where('remaining', '>', 0)
      .limit(200)
      .execute();
    const ids = [...new Set(due.map((r) => r.customer_id as string))];
    if (ids.length === 0) break;
    for (const customerId of ids) {
      total += await database.db.transaction().execute(async (trx) => {
        const rows = await trx
          .selectFrom('loyalty_entries')
          .select(['id', 'remaining'])
          .where('customer_id', '=', customerId)
          .where('expires_at', '<=', now.toISOString())
          .where('remaining', '>', 0)
          .orderBy('created_at')
          .orderBy('id')
          .execute();
        const points = rows.reduce((s, r) => s + Number(r.remaining), 0);
        for (const part of chunk(
          rows.map((r) => r.id as string),
          500,
        ))
          await trx.updateTable('loyalty_entries').set({ remaining: 0 }).where('id', 'in', part).execute();
        const balance = await getBalance(trx, customerId);
        const take = Math.min(points, Math.max(0, balance.points));
        if (take > 0)
          await debitPoints(trx, actor, { customerId, kind: 'expire', points: take, skipConsume: true, reason: `${rows.length} earning${rows.length === 1 ? '' : 's'} reached their expiry date` });
        return take;
      });
      customers++;
    }
  }
  return { customers, points: total };
}
