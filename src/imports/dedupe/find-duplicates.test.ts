import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findDuplicates } from './find-duplicates.js';
import type { PersonRecord } from './record.js';
import { fixturePath } from '../../test/fixtures.js';

const DATA = fixturePath('dedupe');

interface Labelled {
  records: PersonRecord[];
  entityOf: Map<string, string>;
}

function csvLines(file: string, separator: string): string[][] {
  return readFileSync(join(DATA, file), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.replace(/\r$/, '').split(separator));
}

/** FEBRL dataset 1; rec_id holds the truth (rec-N-org, rec-N-dup-K) and is not given to the matcher. */
function loadFebrl(): Labelled {
  const entityOf = new Map<string, string>();
  const records = csvLines('febrl_dataset1.csv', ', ').map(
    ([recId, given, surname, streetNumber, address1, address2, suburb, postcode, , dob]): PersonRecord => {
      entityOf.set(recId, recId.split('-')[1]);
      return {
        id: recId,
        first_name: given,
        last_name: surname,
        address: [`${streetNumber} ${address1}`.trim(), address2].filter(Boolean).join(', '),
        city: suburb,
        postcode,
        birthday: /^\d{8}$/.test(dob) ? `${dob.slice(0, 4)}-${dob.slice(4, 6)}-${dob.slice(6)}` : undefined,
      };
    },
  );
  return { records, entityOf };
}

/** Splink's fake_1000; the `cluster` column is the truth and is not given to the matcher. */
function loadSplink(): Labelled {
  const entityOf = new Map<string, string>();
  const records = csvLines('splink_fake_1000.csv', ',').map(([id, first, surname, dob, city, email, cluster]): PersonRecord => {
    entityOf.set(id, cluster);
    return { id, first_name: first, last_name: surname, birthday: dob, city, emails: email ? [email] : [] };
  });
  return { records, entityOf };
}

function pairsWithin(groups: string[][]): Set<string> {
  const pairs = new Set<string>();
  for (const group of groups) {
    const sorted = [...group].sort();
    for (let i = 0; i < sorted.length; i++) for (let j = i + 1; j < sorted.length; j++) pairs.add(`${sorted[i]}|${sorted[j]}`);
  }
  return pairs;
}

function pairwiseF1(predicted: string[][], entityOf: Map<string, string>) {
  const byEntity = new Map<string, string[]>();
  for (const [id, entity] of entityOf) byEntity.set(entity, [...(byEntity.get(entity) ?? []), id]);
  const truth = pairsWithin([...byEntity.values()]);
  const found = pairsWithin(predicted);
  const correct = [...found].filter((pair) => truth.has(pair)).length;
  const precision = found.size ? correct / found.size : 1;
  const recall = correct / truth.size;
  return { precision, recall, f1: (2 * precision * recall) / (precision + recall || 1) };
}

function exactEmailClusters(records: PersonRecord[]): string[][] {
  const byEmail = new Map<string, string[]>();
  for (const record of records) {
    const email = record.emails?.[0]?.toLowerCase();
    if (email) byEmail.set(email, [...(byEmail.get(email) ?? []), record.id]);
  }
  return [...byEmail.values()];
}

const format = ({ precision, recall, f1 }: { precision: number; recall: number; f1: number }) =>
  `precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}, F1 ${f1.toFixed(4)}`;

describe('findDuplicates quality', () => {
  it('FEBRL dataset 1: pairwise F1 of automatic merges >= 0.977', () => {
    const { records, entityOf } = loadFebrl();
    const result = pairwiseF1(findDuplicates(records).clusters, entityOf);
    console.info(`FEBRL1: ${format(result)}`);
    expect(result.f1).toBeGreaterThanOrEqual(0.977);
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
