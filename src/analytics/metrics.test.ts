import { describe, it, expect } from 'vitest';
import { auc, brierScore, calibrationByQuantile, evaluateBinary, logLoss } from './metrics.js';

describe('auc', () => {
  it('matches known small examples', () => {
    expect(auc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1])).toBeCloseTo(0.75, 12);
    expect(auc([1, 2, 3, 4], [0, 0, 1, 1])).toBe(1);
    expect(auc([4, 3, 2, 1], [0, 0, 1, 1])).toBe(0);
  });

  it('counts ties as half', () => {
    expect(auc([0.5, 0.5], [0, 1])).toBe(0.5);
    // Pairs (pos, neg): (2,1)=1, (2,2)=0.5, (3,1)=1, (3,2)=1
    expect(auc([1, 2, 2, 3], [0, 0, 1, 1])).toBeCloseTo(3.5 / 4, 12);
  });

  it('is NaN when a class is missing', () => {
    expect(auc([0.2, 0.3], [1, 1])).toBeNaN();
  });
});

describe('logLoss', () => {
  it('averages the cross-entropy and clips extremes', () => {
    expect(logLoss([0.9, 0.2], [1, 0])).toBeCloseTo(-(Math.log(0.9) + Math.log(0.8)) / 2, 12);
    expect(Number.isFinite(logLoss([0, 1], [1, 0]))).toBe(true);
  });
});

describe('calibrationByQuantile', () => {
  it('splits sorted predictions into near-equal bins', () => {
    const probabilities = [0.9, 0.1, 0.2, 0.8, 0.3];
    const labels = [1, 0, 0, 1, 1];
    const bins = calibrationByQuantile(probabilities, labels, 2);
    expect(bins.map((b) => b.count)).toEqual([3, 2]);
    expect(bins[0].meanPredicted).toBeCloseTo(0.2, 12);
    expect(bins[0].observedRate).toBeCloseTo(1 / 3, 12);
    expect(bins[1].meanPredicted).toBeCloseTo(0.85, 12);
    expect(bins[1].observedRate).toBe(1);
    expect(
      calibrationByQuantile(
        Array.from({ length: 100 }, (_, i) => i / 100),
        new Array(100).fill(0),
      ),
    ).toHaveLength(10);
  });
});

describe('brierScore and evaluateBinary', () => {
  it('averages the squared error of the probabilities', () => {
    expect(brierScore([0.9, 0.2, 0.6, 0.5], [1, 0, 0, 1])).toBeCloseTo((0.01 + 0.04 + 0.36 + 0.25) / 4, 12);
    expect(brierScore([1, 0], [1, 0])).toBe(0);
  });

  it('gives AUC, Brier score, log-loss and deciles of one set of predictions', () => {
    const p = Array.from({ length: 20 }, (_, i) => (i + 0.5) / 20);
    const y = p.map((v, i) => (v > 0.5 || i === 3 ? 1 : 0));
    const e = evaluateBinary(p, y);
    expect(e.auc).toBeCloseTo(auc(p, y), 12);
    expect(e.brier).toBeCloseTo(brierScore(p, y), 12);
    expect(e.logLoss).toBeCloseTo(logLoss(p, y), 12);
    expect(e.calibration).toHaveLength(10);
    expect(e.calibration[1]).toEqual({ count: 2, meanPredicted: expect.closeTo(0.15, 12), observedRate: 0.5 });
  });
});
