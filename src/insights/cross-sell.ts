/**
 * Cross-sell from co-purchases: baskets per customer from order lines, an item-item model evaluated on a
 * time split (hit rate at 5 against a most-popular baseline), and the strongest affinities per product
 * stored so that suggestions for a customer are one indexed query.
 */
import { buildCoPurchaseModel, evaluateHitRate, type Basket } from '../analytics/index.js';
import type { Ctx } from '../core/context.js';
import type { Database } from '../core/database.js';
import { notFound } from '../core/errors.js';
import { countedOrderStatuses } from '../schema/entities.js';
import { batchInsert, dayFromIso, isoOfDay, parseJson } from './db.js';

export interface CrossSellSummary {
  params: Record<string, unknown> | null;
  metrics: Record<string, unknown>;
}

const neighboursKept = 20;

export async function runCrossSell(database: Database, options: { endDay: number; cutoffDay: number; pageSize?: number }): Promise<CrossSellSummary> {
  const db = database.db;
  const endIso = isoOfDay(options.endDay + 1);
  const pageSize = options.pageSize ?? 5000;
  const productIndex = new Map<string, number>();
  const products: string[] = [];
  const train: number[][] = [];
  const test: number[][] = [];
  const full: number[][] = [];
  let lines = 0;
  // Customers page by page (keyset on id), with their order lines for that id range.
  let lastId: string | null = null;
  for (;;) {
    let q = db.selectFrom('customers').select('id').orderBy('id').limit(pageSize);
    if (lastId !== null) q = q.where('id', '>', lastId);
    const page = await q.execute();
    if (page.length === 0) break;
    const first = page[0].id as string;
    lastId = page[page.length - 1].id as string;
    const rows = await db
      .selectFrom('order_lines as l')
      .innerJoin('orders as o', 'o.id', 'l.order_id')
      .select(['o.customer_id as customer_id', 'l.product_id as product_id', 'o.ordered_at as ordered_at'])
      .where('o.customer_id', '>=', first)
      .where('o.customer_id', '<=', lastId)
      .where('o.status', 'in', [...countedOrderStatuses])
      .where('o.ordered_at', '<', endIso)
      .where('l.product_id', 'is not', null)
      .orderBy('o.customer_id')
      .execute();
    let current: string | null = null;
    let tr: number[] = [];
    let te: number[] = [];
    let fu: number[] = [];
    const flush = () => {
      if (current === null) return;
      train.push(tr);
      test.push(te);
      full.push(fu);
    };
    for (const r of rows) {
      lines++;
      if (r.customer_id !== current) {
        flush();
        current = r.customer_id as string;
        tr = [];
        te = [];
        fu = [];
      }
      let item = productIndex.get(r.product_id as string);
      if (item === undefined) {
        item = products.length;
        products.push(r.product_id as string);
        productIndex.set(r.product_id as string, item);
      }
      fu.push(item);
      if (dayFromIso(r.ordered_at as string) <= options.cutoffDay) tr.push(item);
      else te.push(item);
    }
    flush();
    if (page.length < pageSize) break;
  }
  if (full.length === 0 || products.length < 2) {
    return { params: null, metrics: { skipped: 'no order lines with products', lines } };
  }
  const evaluation = evaluateHitRate(train as Basket[], test as Basket[], 5);
  const model = buildCoPurchaseModel(full as Basket[], products.length);
  const baskets = model.baskets;
  const affinities: Record<string, unknown>[] = [];
  for (let item = 0; item < model.itemCount; item++) {
    const base = model.itemBaskets[item];
    if (base === 0) continue;
    const top = [...model.neighbours[item]].sort((p, q) => q.count - p.count || p.item - q.item).slice(0, neighboursKept);
    for (const { item: other, count } of top) {
      const confidence = count / base;
      affinities.push({
        product_id: products[item],
        other_product_id: products[other],
        together: count,
        support: count / baskets,
        confidence,
        lift: confidence / (model.itemBaskets[other] / baskets),
      });
    }
  }
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('product_affinities').execute();
    await batchInsert(trx, 'product_affinities', affinities);
  });
  const popular = Array.from({ length: model.itemCount }, (_, i) => i)
    .sort((p, q) => model.itemBaskets[q] - model.itemBaskets[p] || p - q)
    .slice(0, 50)
    .map((i) => ({ product_id: products[i], customers: model.itemBaskets[i] }));
  return {
    params: { popular, neighbours_kept: neighboursKept },
    metrics: {
      hit_rate_at_5: Number.isFinite(evaluation.hitRate) ? evaluation.hitRate : null,
      baseline_hit_rate_at_5: Number.isFinite(evaluation.baselineHitRate) ? evaluation.baselineHitRate : null,
      evaluated_customers: evaluation.evaluated,
      baskets,
      products: products.length,
      lines,
      affinities: affinities.length,
      cutoff: isoOfDay(options.cutoffDay).slice(0, 10),
    },
  };
}

export interface Suggestion {
  product_id: string;
  name: string | null;
  sku: string | null;
  score: number;
  because: string[];
  reason: string;
}

/** Products a customer has not bought, scored by the summed confidence of rules from what they bought. */
export async function suggestionsFor(ctx: Ctx, customerId: string, limit = 5): Promise<{ customer_id: string; data: Suggestion[]; model_id: string | null }> {
  const db = ctx.database.db;
  const customer = await db.selectFrom('customers').select('id').where('id', '=', customerId).executeTakeFirst();
  if (!customer) throw notFound('customer', customerId);
  const owned = await db
    .selectFrom('order_lines as l')
    .innerJoin('orders as o', 'o.id', 'l.order_id')
    .select('l.product_id as product_id')
    .distinct()
    .where('o.customer_id', '=', customerId)
    .where('o.status', 'in', [...countedOrderStatuses])
    .where('l.product_id', 'is not', null)
    .execute();
  const ownedIds = new Set(owned.map((r) => r.product_id as string));
  const score = new Map<string, number>();
  const because = new Map<string, string[]>();
  const ownedList = [...ownedIds];
  for (let i = 0; i < ownedList.length; i += 500) {
    const rows = await db
      .selectFrom('product_affinities')
      .selectAll()
      .where('product_id', 'in', ownedList.slice(i, i + 500))
      .execute();
    for (const r of rows) {
      const other = r.other_product_id as string;
      if (ownedIds.has(other)) continue;
      score.set(other, (score.get(other) ?? 0) + Number(r.confidence));
      const list = because.get(other) ?? [];
      list.push(r.product_id as string);
      because.set(other, list);
    }
  }
  const model = await db.selectFrom('models').select(['id', 'params']).where('kind', '=', 'cross_sell').orderBy('created_at', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst();
  const popular: { product_id: string; customers: number }[] = model ? (parseJson(model.params).popular ?? []) : [];
  const popularity = new Map(popular.map((p, rank) => [p.product_id, popular.length - rank]));
  const candidates = [...score.keys()].sort((p, q) => score.get(q)! - score.get(p)! || (popularity.get(q) ?? 0) - (popularity.get(p) ?? 0) || (p < q ? -1 : 1));
  for (const p of popular) if (!ownedIds.has(p.product_id) && !score.has(p.product_id)) candidates.push(p.product_id);
  const chosen = candidates.slice(0, limit);
  const names = new Map<string, { name: string | null; sku: string | null }>();
  const lookup = [...new Set([...chosen, ...chosen.flatMap((c) => because.get(c) ?? [])])];
  if (lookup.length) {
    const rows = await db.selectFrom('products').select(['id', 'name', 'sku']).where('id', 'in', lookup).execute();
    for (const r of rows) names.set(r.id as string, { name: r.name as string | null, sku: r.sku as string | null });
  }
  const data = chosen.map((productId) => {
    const from = (because.get(productId) ?? []).sort((p, q) => (p < q ? -1 : 1));
    const fromNames = from.slice(0, 3).map((f) => names.get(f)?.name ?? f);
    return {
      product_id: productId,
      name: names.get(productId)?.name ?? null,
      sku: names.get(productId)?.sku ?? null,
      score: Math.round((score.get(productId) ?? 0) * 1e6) / 1e6,
      because: from,
      reason: from.length ? `often bought together with ${fromNames.join(', ')}` : 'popular with other customers',
    };
  });
  return { customer_id: customerId, data, model_id: (model?.id as string | undefined) ?? null };
}
