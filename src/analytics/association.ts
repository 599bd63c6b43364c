/**
 * Cross-sell from co-purchases: pairwise association rules (support, confidence, lift) and item-to-item
 * recommendations. A basket is the set of product indices one customer has bought (repeats are ignored).
 */

export type Basket = ArrayLike<number>;

export interface CoPurchaseModel {
  baskets: number;
  itemCount: number;
  /** Number of baskets containing each item. */
  itemBaskets: Float64Array;
  /** For each item, the items bought alongside it and in how many baskets. */
  neighbours: Array<Array<{ item: number; count: number }>>;
}

function distinctItems(basket: Basket, itemCount: number): number[] {
  const items = Array.from(new Set(Array.from(basket)));
  for (const item of items) {
    if (!Number.isInteger(item) || item < 0 || item >= itemCount) throw new RangeError(`association: item ${item} is out of range`);
  }
  return items.sort((p, q) => p - q);
}

/** Counts items and item pairs; `itemCount` defaults to the largest index seen + 1. */
export function buildCoPurchaseModel(baskets: Basket[], itemCount?: number): CoPurchaseModel {
  let count = itemCount ?? 0;
  if (itemCount === undefined) for (const basket of baskets) for (let i = 0; i < basket.length; i++) count = Math.max(count, basket[i] + 1);
  const itemBaskets = new Float64Array(count);
  const pairs = new Map<number, number>();
  for (const basket of baskets) {
    const items = distinctItems(basket, count);
    for (let a = 0; a < items.length; a++) {
      itemBaskets[items[a]]++;
      for (let b = a + 1; b < items.length; b++) {
        const key = items[a] * count + items[b];
        pairs.set(key, (pairs.get(key) ?? 0) + 1);
      }
    }
  }
  const neighbours: CoPurchaseModel['neighbours'] = Array.from({ length: count }, () => []);
  for (const [key, together] of pairs) {
    const a = Math.floor(key / count);
    const b = key % count;
    neighbours[a].push({ item: b, count: together });
    neighbours[b].push({ item: a, count: together });
  }
  return { baskets: baskets.length, itemCount: count, itemBaskets, neighbours };
}

export interface AssociationRule {
  antecedent: number;
  consequent: number;
  /** Share of baskets containing both items. */
  support: number;
  /** P(consequent | antecedent). */
  confidence: number;
  /** confidence / P(consequent); above 1 means bought together more often than by chance. */
  lift: number;
}

export interface RuleOptions {
  minSupport?: number;
  minConfidence?: number;
  minLift?: number;
}

/** All single-item rules A -> B passing the thresholds, strongest lift first (then confidence, support). */
export function associationRules(model: CoPurchaseModel, options: RuleOptions = {}): AssociationRule[] {
  const { minSupport = 0, minConfidence = 0, minLift = 0 } = options;
  const rules: AssociationRule[] = [];
  const n = model.baskets;
  model.neighbours.forEach((list, antecedent) => {
    for (const { item: consequent, count } of list) {
      const support = count / n;
      const confidence = count / model.itemBaskets[antecedent];
      const lift = confidence / (model.itemBaskets[consequent] / n);
      if (support >= minSupport && confidence >= minConfidence && lift >= minLift) {
        rules.push({ antecedent, consequent, support, confidence, lift });
      }
    }
  });
  return rules.sort((p, q) => q.lift - p.lift || q.confidence - p.confidence || q.support - p.support || p.antecedent - q.antecedent || p.consequent - q.consequent);
}

/**
 * Top-k items the customer has not bought, scored by the summed confidence of rules from items in their basket.
 * Ties (including items with no co-purchase evidence) fall back to overall popularity.
 */
export function recommendItems(model: CoPurchaseModel, basket: Basket, k = 5): number[] {
  const owned = new Set(distinctItems(basket, model.itemCount));
  const score = new Float64Array(model.itemCount);
  for (const item of owned) {
    const base = model.itemBaskets[item];
    for (const { item: other, count } of model.neighbours[item]) score[other] += count / base;
  }
  const candidates: number[] = [];
  for (let item = 0; item < model.itemCount; item++) if (!owned.has(item) && model.itemBaskets[item] > 0) candidates.push(item);
  candidates.sort((p, q) => score[q] - score[p] || model.itemBaskets[q] - model.itemBaskets[p] || p - q);
  return candidates.slice(0, k);
}

/** The k most popular items the customer has not bought. */
export function popularItems(model: CoPurchaseModel, basket: Basket, k = 5): number[] {
  return recommendItems({ ...model, neighbours: model.neighbours.map(() => []) }, basket, k);
}

export interface HitRate {
  /** Share of evaluated customers with at least one recommended item among their new test purchases. */
  hitRate: number;
  /** The same for the most-popular baseline. */
  baselineHitRate: number;
  /** Customers who bought something new in the test period. */
  evaluated: number;
}

/**
 * Trains on `trainBaskets`, recommends k items per customer, and checks them against what each customer newly
 * bought in `testBaskets` (same customer order), next to a most-popular baseline.
 */
export function evaluateHitRate(trainBaskets: Basket[], testBaskets: Basket[], k = 5): HitRate {
  if (trainBaskets.length !== testBaskets.length) throw new RangeError('association: train and test need one basket per customer');
  let itemCount = 0;
  for (const basket of [...trainBaskets, ...testBaskets]) for (let i = 0; i < basket.length; i++) itemCount = Math.max(itemCount, basket[i] + 1);
  const model = buildCoPurchaseModel(trainBaskets, itemCount);
  let evaluated = 0;
  let hits = 0;
  let baselineHits = 0;
  trainBaskets.forEach((train, customer) => {
    const owned = new Set(Array.from(train));
    const fresh = new Set(Array.from(testBaskets[customer]).filter((item) => !owned.has(item)));
    if (fresh.size === 0) return;
    evaluated++;
    if (recommendItems(model, train, k).some((item) => fresh.has(item))) hits++;
    if (popularItems(model, train, k).some((item) => fresh.has(item))) baselineHits++;
  });
  return {
    hitRate: evaluated ? hits / evaluated : NaN,
    baselineHitRate: evaluated ? baselineHits / evaluated : NaN,
    evaluated,
  };
}
