import { describe, it, expect } from 'vitest';
import { fitLogistic, predictProbability, sigmoid } from './logistic.js';
import { auc, logLoss } from './metrics.js';
import { createRng, normalDraw } from './random.js';

const logit = (p: number): number => Math.log(p / (1 - p));

/** One binary feature: 30 of 100 positives at x = 0 and 60 of 80 at x = 1. */
function twoByTwo(): { x: Float64Array; y: Float64Array } {
  const x: number[] = [];
  const y: number[] = [];
  for (let i = 0; i < 100; i++) {
    x.push(0);
    y.push(i < 30 ? 1 : 0);
  }
  for (let i = 0; i < 80; i++) {
    x.push(1);
    y.push(i < 60 ? 1 : 0);
  }
  return { x: Float64Array.from(x), y: Float64Array.from(y) };
}

describe('fitLogistic', () => {
  it('reproduces the log odds ratio of a 2x2 table without penalty', () => {
    const { x, y } = twoByTwo();
    const model = fitLogistic(x, x.length, 1, y, { l2: 0 });
    expect(model.converged).toBe(true);
    expect(model.intercept).toBeCloseTo(logit(0.3), 10);
    expect(model.coefficients[0]).toBeCloseTo(logit(0.75) - logit(0.3), 10);
    const p = predictProbability(model, Float64Array.from([0, 1]), 2);
    expect(p[0]).toBeCloseTo(0.3, 10);
    expect(p[1]).toBeCloseTo(0.75, 10);
  });

  it('shrinks slopes but not the intercept under a strong penalty', () => {
    const { x, y } = twoByTwo();
    const mild = fitLogistic(x, x.length, 1, y, { l2: 1 });
    const strong = fitLogistic(x, x.length, 1, y, { l2: 1e9 });
    expect(Math.abs(mild.coefficients[0])).toBeLessThan(logit(0.75) - logit(0.3));
    expect(Math.abs(strong.coefficients[0])).toBeLessThan(1e-6);
    // With slopes forced to 0 the intercept is the logit of the base rate.
    expect(strong.intercept).toBeCloseTo(logit(90 / 180), 5);
  });

  it('satisfies the penalised score equations at the optimum', () => {
    const rng = createRng(3);
    const n = 500;
    const d = 3;
    const features = new Float64Array(n * d);
    const labels = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < d; j++) features[i * d + j] = normalDraw(rng) * (j + 1) + j;
      labels[i] = rng.next() < sigmoid(features[i * d] - 0.5 * features[i * d + 1]) ? 1 : 0;
    }
    const l2 = 5;
    const model = fitLogistic(features, n, d, labels, { l2 });
    const p = predictProbability(model, features, n);
    // Intercept: residuals sum to zero; slopes: Z'(p - y) + l2 * w = 0 in standardised units.
    let residualSum = 0;
    for (let i = 0; i < n; i++) residualSum += p[i] - labels[i];
    expect(Math.abs(residualSum)).toBeLessThan(1e-8);
    for (let j = 0; j < d; j++) {
      let mean = 0;
      for (let i = 0; i < n; i++) mean += features[i * d + j] / n;
      let variance = 0;
      for (let i = 0; i < n; i++) variance += (features[i * d + j] - mean) ** 2 / n;
      const std = Math.sqrt(variance);
      let score = 0;
      for (let i = 0; i < n; i++) score += (p[i] - labels[i]) * ((features[i * d + j] - mean) / std);
      expect(Math.abs(score + l2 * model.standardizedCoefficients[j])).toBeLessThan(1e-8);
    }
  });

  it('recovers generating coefficients on a large synthetic set', () => {
    const rng = createRng(11);
    const n = 20_000;
    const truth = { intercept: -1, slopes: [2, -1, 0] };
    const features = new Float64Array(n * 3);
    const labels = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let eta = truth.intercept;
      for (let j = 0; j < 3; j++) {
        features[i * 3 + j] = normalDraw(rng);
        eta += truth.slopes[j] * features[i * 3 + j];
      }
      labels[i] = rng.next() < sigmoid(eta) ? 1 : 0;
    }
    const model = fitLogistic(features, n, 3, labels, { l2: 0 });
    expect(model.intercept).toBeCloseTo(truth.intercept, 1);
    truth.slopes.forEach((s, j) => expect(Math.abs(model.coefficients[j] - s)).toBeLessThan(0.08));
    const p = predictProbability(model, features, n);
    expect(auc(p, labels)).toBeGreaterThan(0.8);
    expect(logLoss(p, labels)).toBeLessThan(Math.log(2));
  });

  it('stays finite on perfectly separable data', () => {
    const x = Float64Array.from([-3, -2, -1, 1, 2, 3]);
    const y = Float64Array.from([0, 0, 0, 1, 1, 1]);
    const model = fitLogistic(x, 6, 1, y, { l2: 0.1 });
    expect(Number.isFinite(model.coefficients[0])).toBe(true);
    const p = predictProbability(model, x, 6);
    expect(p[0]).toBeLessThan(0.1);
    expect(p[5]).toBeGreaterThan(0.9);
  });
});
