import { describe, it, expect } from 'vitest';
import { associationRules, buildCoPurchaseModel, evaluateHitRate, popularItems, recommendItems } from './association.js';

// Items: 0 bread, 1 butter, 2 jam, 3 honey
const baskets = [
  [0, 1, 2],
  [0, 1],
  [0, 2],
  [1, 2],
  [0, 1, 3, 3],
];

describe('associationRules', () => {
  const model = buildCoPurchaseModel(baskets);
  const rules = associationRules(model);
  const rule = (a: number, b: number) => rules.find((r) => r.antecedent === a && r.consequent === b);

  it('counts items once per basket', () => {
    expect(Array.from(model.itemBaskets)).toEqual([4, 4, 3, 1]);
  });

  it('computes support, confidence and lift', () => {
    // bread and butter together in 3 of 5 baskets; bread in 4, butter in 4
    expect(rule(0, 1)?.support).toBeCloseTo(0.6, 12);
    expect(rule(0, 1)?.confidence).toBeCloseTo(0.75, 12);
    expect(rule(0, 1)?.lift).toBeCloseTo(0.75 / 0.8, 12);
    // honey only ever with bread: confidence 1, lift 1 / 0.8
    expect(rule(3, 0)?.confidence).toBe(1);
    expect(rule(3, 0)?.lift).toBeCloseTo(1.25, 12);
    expect(rule(0, 3)?.confidence).toBeCloseTo(0.25, 12);
    expect(rule(2, 0)?.lift).toBeCloseTo(2 / 3 / 0.8, 12);
    expect(rule(2, 3)).toBeUndefined();
  });

  it('filters by thresholds and sorts by lift', () => {
    const strong = associationRules(model, { minSupport: 0.3, minConfidence: 0.6 });
    expect(strong.every((r) => r.support >= 0.3 && r.confidence >= 0.6)).toBe(true);
    expect(strong.map((r) => [r.antecedent, r.consequent])).toEqual([
      [0, 1],
      [1, 0],
      [2, 0],
      [2, 1],
    ]);
    for (let i = 1; i < rules.length; i++) expect(rules[i - 1].lift).toBeGreaterThanOrEqual(rules[i].lift);
  });
});

describe('recommendItems', () => {
  const model = buildCoPurchaseModel(baskets);

  it('ranks by co-purchase and excludes what the customer owns', () => {
    expect(recommendItems(model, [3], 2)).toEqual([0, 1]);
    // jam buyers: bread 2/3, butter 2/3 -> popularity tie -> lower index; honey last
    expect(recommendItems(model, [2], 3)).toEqual([0, 1, 3]);
    expect(recommendItems(model, [0, 1, 2, 3])).toEqual([]);
  });

  it('falls back to popularity without evidence', () => {
    expect(recommendItems(model, [], 2)).toEqual([0, 1]);
    expect(popularItems(model, [0], 2)).toEqual([1, 2]);
  });
});

describe('evaluateHitRate', () => {
  it('beats the most-popular baseline when co-purchases predict the next item', () => {
    const train: number[][] = [];
    const test: number[][] = [];
    for (let i = 0; i < 10; i++) {
      train.push([0, 1]);
      test.push([]);
    }
    for (let i = 0; i < 10; i++) {
      train.push([0]);
      test.push([1, 0]);
    }
    for (let i = 0; i < 30; i++) {
      train.push([2, 3]);
      test.push([2]);
    }
    const result = evaluateHitRate(train, test, 2);
    expect(result).toEqual({ hitRate: 1, baselineHitRate: 0, evaluated: 10 });
  });
});
