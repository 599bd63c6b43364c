import { describe, expect, it } from 'vitest';
import { calibrationTrainingPairs, febrl1, febrl3Part, inTrainingHalf, loadSplink, scoredCandidatePairs, scoredSplinkLabelledPairs, type ScoredLabelledPair } from '../test/dedupe-data.js';
import { applyPlatt, brierScore, calibrationError, fitPlatt, formatReliability, reliabilityTable } from './calibration.js';
import { CALIBRATION } from './score.js';

describe('fitPlatt', () => {
  it('recovers the map that generated the outcomes', () => {
    // Deterministic outcomes at the generating probability: 1,000 pairs per weight from -6 to 10.
    const pairs = [];
    for (let weight = -6; weight <= 10; weight++) {
      const p = applyPlatt({ slope: 0.7, intercept: -1.5 }, weight);
      for (let i = 0; i < 1000; i++) pairs.push({ value: weight, same: i < Math.round(p * 1000) });
    }
    const fitted = fitPlatt(pairs);
    expect(fitted.slope).toBeCloseTo(0.7, 1);
    expect(fitted.intercept).toBeCloseTo(-1.5, 1);
  });

  it('reports an uninformative predictor honestly: Brier 0.25 and a one-bin table', () => {
    const pairs = Array.from({ length: 100 }, (_, i) => ({ value: 0.5, same: i % 2 === 0 }));
    expect(brierScore(pairs)).toBeCloseTo(0.25, 10);
    expect(reliabilityTable(pairs)).toEqual([{ from: 0.5, to: 0.6, pairs: 100, predicted: 0.5, observed: 0.5 }]);
  });
});

/** Held-out pairs as (shown probability, truth). */
const heldOut = (pairs: ScoredLabelledPair[], all = false) => pairs.filter((p) => all || !inTrainingHalf(p)).map((p) => ({ value: p.score, same: p.same }));

describe('duplicate score calibration', () => {
  it('is the fit on the training half of the labelled candidate pairs (run src/test/fit-dedupe-calibration.ts after changing a weight)', () => {
    const fitted = fitPlatt(calibrationTrainingPairs().map((p) => ({ value: p.weight, same: p.same })));
    expect(CALIBRATION.slope).toBeCloseTo(fitted.slope, 5);
    expect(CALIBRATION.intercept).toBeCloseTo(fitted.intercept, 5);
  });

  // Held out: the other half of the pairs of the data sets it was fitted on, Splink's hand-labelled
  // pairs (picked by Splink, two matches for each non-match), and FEBRL dataset 3, never used.
  it.each([
    ['FEBRL dataset 1 candidates, held-out half', () => heldOut(scoredCandidatePairs(febrl1()))],
    ['Splink fake_1000 candidates, held-out half', () => heldOut(scoredCandidatePairs(loadSplink()))],
    ['Splink hand-labelled pairs, held-out half', () => heldOut(scoredSplinkLabelledPairs())],
    ['FEBRL dataset 3 (first 624 records), all candidates', () => heldOut(scoredCandidatePairs(febrl3Part()), true)],
  ])('holds on %s: shown probabilities match observed shares', (name, load) => {
    const pairs = load();
    const rows = reliabilityTable(pairs);
    console.info([`${name}: ${pairs.length} pairs, Brier ${brierScore(pairs).toFixed(4)}, calibration error ${calibrationError(rows).toFixed(3)}`, ...formatReliability(rows)].join('\n'));
    expect(brierScore(pairs)).toBeLessThan(0.03);
    expect(calibrationError(rows)).toBeLessThan(0.05);
    // Where a decision is made (90% and up: merged or first in the queue), what is shown is what is observed.
    const top = rows.filter((r) => r.from >= 0.9);
    expect(top.reduce((n, r) => n + r.pairs, 0)).toBeGreaterThan(50);
    for (const row of top) expect(Math.abs(row.observed - row.predicted)).toBeLessThan(0.06);
  });
});
