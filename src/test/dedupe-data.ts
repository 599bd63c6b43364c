import { readFileSync } from 'node:fs';
import { fnv1a } from '../dedupe/blocking.js';
import { candidatePairs } from '../dedupe/blocks.js';
import { preparePerson, type PersonRecord } from '../dedupe/record.js';
import { candidateScore, scorePair } from '../dedupe/score.js';
import { fixturePath } from './fixtures.js';

/**
 * The labelled person data sets in test/fixtures/dedupe, read as the records duplicate detection
 * takes, with the truth kept apart (never given to the matcher).
 */
export interface LabelledRecords {
  name: string;
  records: PersonRecord[];
  /** Record id -> true entity. */
  entityOf: Map<string, string>;
}

function csvRows(file: string, separator: string): string[][] {
  return readFileSync(fixturePath('dedupe', file), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.replace(/\r$/, '').split(separator));
}

/** A FEBRL data set (rec-N-org, rec-N-dup-K with the same N are one person); the social security number is left out: a CRM has none. */
function loadFebrl(file: string, name = file): LabelledRecords {
  const entityOf = new Map<string, string>();
  const records = csvRows(file, ', ').map(([recId, given, surname, streetNumber, address1, address2, suburb, postcode, , dob]): PersonRecord => {
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
  });
  return { name, records, entityOf };
}

/** Splink's fake_1000; the `cluster` column is the truth. */
export function loadSplink(): LabelledRecords {
  const entityOf = new Map<string, string>();
  const records = csvRows('splink_fake_1000.csv', ',').map(([id, first, surname, dob, city, email, cluster]): PersonRecord => {
    entityOf.set(id, cluster);
    return { id, first_name: first, last_name: surname, birthday: dob || undefined, city, emails: email ? [email] : [] };
  });
  return { name: 'Splink fake_1000', records, entityOf };
}

/** Splink's 3,176 hand-labelled pairs of fake_1000 records: [left id, right id, is the same person]. */
function splinkLabelledPairs(): [string, string, boolean][] {
  return csvRows('splink_fake_1000_labels.csv', ',').map(([left, , right, , score]) => [left, right, Number(score) >= 0.5]);
}

export const febrl1 = () => loadFebrl('febrl_dataset1.csv', 'FEBRL dataset 1');
/** The first 624 records of FEBRL dataset 3 (see test/fixtures/README.md); never used to choose weights. */
export const febrl3Part = () => loadFebrl('febrl_dataset3_part.csv', 'FEBRL dataset 3 (first 624 records)');

/** Pairwise precision, recall and F1 of predicted groups against the truth. */
export function pairwiseF1(predicted: string[][], entityOf: Map<string, string>): { precision: number; recall: number; f1: number } {
  const byEntity = new Map<string, string[]>();
  for (const [id, entity] of entityOf) byEntity.set(entity, [...(byEntity.get(entity) ?? []), id]);
  const truth = pairsWithin([...byEntity.values()]);
  const found = pairsWithin(predicted);
  let correct = 0;
  for (const pair of found) if (truth.has(pair)) correct++;
  const precision = found.size ? correct / found.size : 1;
  const recall = truth.size ? correct / truth.size : 1;
  return { precision, recall, f1: (2 * precision * recall) / (precision + recall || 1) };
}

function pairsWithin(groups: string[][]): Set<string> {
  const pairs = new Set<string>();
  for (const group of groups) {
    const sorted = [...group].sort();
    for (let i = 0; i < sorted.length; i++) for (let j = i + 1; j < sorted.length; j++) pairs.add(`${sorted[i]}|${sorted[j]}`);
  }
  return pairs;
}

/** A labelled pair with its match weight and the probability shown for it. */
export interface ScoredLabelledPair {
  a: string;
  b: string;
  /** Raw match weight in bits (scorePair): what the calibration maps. */
  weight: number;
  /** The probability shown: the candidate score, with its block's penalties. */
  score: number;
  same: boolean;
}

/** Every candidate pair the blocking yields on a labelled data set, scored, with the truth. */
export function scoredCandidatePairs(data: LabelledRecords): ScoredLabelledPair[] {
  const people = data.records.map(preparePerson);
  const oversized = new Map<number, number>();
  const pairs: ScoredLabelledPair[] = [];
  for (const [i, j, blockSize] of candidatePairs(people, {}, oversized)) {
    const [a, b] = [people[i], people[j]];
    pairs.push({ a: a.id, b: b.id, weight: scorePair(a, b).weight, score: candidateScore(a, b, blockSize, oversized).score, same: data.entityOf.get(a.id) === data.entityOf.get(b.id) });
  }
  return pairs;
}

/** Splink's hand-labelled pairs, scored as a pair on its own (no block penalties). */
export function scoredSplinkLabelledPairs(): ScoredLabelledPair[] {
  const people = new Map(loadSplink().records.map((r) => [r.id, preparePerson(r)]));
  return splinkLabelledPairs().map(([left, right, same]) => {
    const { weight, score } = scorePair(people.get(left)!, people.get(right)!);
    return { a: left, b: right, weight, score, same };
  });
}

/** Whether a pair is in the half the calibration is fitted on; the other half is held out to check it. */
export function inTrainingHalf(pair: { a: string; b: string }): boolean {
  return (fnv1a(pair.a < pair.b ? `${pair.a}|${pair.b}` : `${pair.b}|${pair.a}`) & 1) === 0;
}

/**
 * The pairs the calibration is fitted on: the training half of the candidate pairs that blocking
 * yields on FEBRL dataset 1 and on Splink's fake_1000, the pairs a scan scores and shows. (Splink's
 * hand-labelled pairs were picked with two matches for each non-match, far richer in duplicates than
 * any customer list's candidates; they are held out to check the fit, as FEBRL dataset 3 is.)
 */
export function calibrationTrainingPairs(): ScoredLabelledPair[] {
  return [...scoredCandidatePairs(febrl1()), ...scoredCandidatePairs(loadSplink())].filter(inTrainingHalf);
}
