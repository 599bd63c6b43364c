import { describe, expect, it } from 'vitest';
import { findDuplicates } from './find-duplicates.js';
import type { PersonRecord } from './record.js';
import { febrl1, febrl3Part, loadSplink, pairwiseF1 } from '../test/dedupe-data.js';

function exactEmailClusters(records: PersonRecord[]): string[][] {
  const byEmail = new Map<string, string[]>();
  for (const record of records) {
    const email = record.emails?.[0]?.toLowerCase();
    if (email) byEmail.set(email, [...(byEmail.get(email) ?? []), record.id]);
  }
  return [...byEmail.values()];
}

const format = ({ precision, recall, f1 }: { precision: number; recall: number; f1: number }) => `precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}, F1 ${f1.toFixed(4)}`;

describe('findDuplicates quality', () => {
  it('FEBRL dataset 1: pairwise F1 of automatic merges >= 0.975', () => {
    const { records, entityOf } = febrl1();
    const result = pairwiseF1(findDuplicates(records).clusters, entityOf);
    console.info(`FEBRL1: ${format(result)}`);
    expect(result.f1).toBeGreaterThanOrEqual(0.975);
  });

  it('FEBRL dataset 3, never used to choose a weight or the calibration: pairwise F1 >= 0.95', () => {
    const { records, entityOf } = febrl3Part();
    const result = pairwiseF1(findDuplicates(records).clusters, entityOf);
    console.info(`FEBRL3 (first 624 records): ${format(result)}`);
    expect(result.f1).toBeGreaterThanOrEqual(0.95);
  });

  it('Splink fake_1000: pairwise F1 >= 0.94, against about 0.50 for exact email alone', () => {
    const { records, entityOf } = loadSplink();
    const baseline = pairwiseF1(exactEmailClusters(records), entityOf);
    const result = pairwiseF1(findDuplicates(records).clusters, entityOf);
    console.info(`Splink fake_1000: ${format(result)}; exact email only: ${format(baseline)}`);
    expect(baseline.f1).toBeGreaterThan(0.45);
    expect(baseline.f1).toBeLessThan(0.55);
    expect(result.f1).toBeGreaterThanOrEqual(0.94);
  });
});
