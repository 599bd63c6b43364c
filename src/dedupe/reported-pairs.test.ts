import { describe, expect, it } from 'vitest';
import { findDuplicates } from './find-duplicates.js';
import { preparePerson, type PersonRecord } from './record.js';
import { DEFAULT_THRESHOLDS, scorePair } from './score.js';

/**
 * Pairs a shop owner saw on a real customer list: two people in Rapport twice that were never
 * suggested, and strangers suggested at 87-90%.
 */
const bob: PersonRecord = { id: 'bob', first_name: 'Bob', last_name: 'Smith', emails: ['bobsmith@gmail.com'], phones: ['+447700900123'], city: 'London', country: 'GB' };
// The same London mobile, written the national way (kept as typed when no country could read it).
const robert: PersonRecord = { id: 'robert', first_name: 'Robert', last_name: 'Smith', emails: ['r.smith@outlook.com'], phones: ['07700 900123'], city: 'London', country: 'GB' };
const bill: PersonRecord = { id: 'bill', first_name: 'Bill', last_name: 'Lambert', emails: ['bill.lambert@skynet.be'], city: 'Bruxelles', country: 'BE' };
const william: PersonRecord = { id: 'william', first_name: 'William', last_name: 'Lambert', emails: ['w.lambert@gmail.com'], city: 'Brussels', country: 'BE' };

const strangers: [PersonRecord, PersonRecord][] = [
  [
    { id: 'francois-thomas', first_name: 'François', last_name: 'Thomas', emails: ['francois.thomas@orange.fr'], phones: ['+33612345678'], city: 'Lyon', country: 'FR' },
    { id: 'thomas-francois', first_name: 'Thomas', last_name: 'François', emails: ['thomas.francois@gmail.com'], phones: ['+32470123456'], city: 'Liège', country: 'BE' },
  ],
  [
    { id: 'margaux-bertrand', first_name: 'Margaux', last_name: 'Bertrand', emails: ['margaux.bertrand@free.fr'], country: 'FR' },
    { id: 'margaux-bernard', first_name: 'Margaux', last_name: 'Bernard', emails: ['mbernard@gmail.com'], country: 'FR' },
  ],
  [
    { id: 'camille-martinez', first_name: 'Camille', last_name: 'Martinez', emails: ['camille.martinez@laposte.net'], country: 'FR' },
    { id: 'camille-martin', first_name: 'Camille', last_name: 'Martin', emails: ['cmartin@gmail.com'], country: 'FR' },
  ],
];

const found = (records: PersonRecord[], a: string, b: string) => {
  const { clusters, review } = findDuplicates(records);
  return clusters.some((c) => c.includes(a) && c.includes(b)) || review.some((p) => [p.a, p.b].sort().join() === [a, b].sort().join());
};

describe('reported pairs', () => {
  it('finds Bob and Robert Smith, one London mobile written two ways', () => {
    expect(found([bob, robert], 'bob', 'robert')).toBe(true);
    const pair = scorePair(preparePerson(bob), preparePerson(robert));
    expect(pair.corroborated).toBe(true);
    expect(pair.score).toBeGreaterThanOrEqual(DEFAULT_THRESHOLDS.merge);
  });

  it('queues Bill and William Lambert of Bruxelles and Brussels for review', () => {
    const { clusters, review } = findDuplicates([bill, william]);
    expect(clusters).toEqual([]);
    expect(review.map((p) => [p.a, p.b])).toEqual([['bill', 'william']]);
    expect(review[0].score).toBeGreaterThanOrEqual(DEFAULT_THRESHOLDS.review);
  });

  it.each(strangers)('scores the strangers $first_name $last_name and the other low, and never suggests them', (a, b) => {
    expect(scorePair(preparePerson(a), preparePerson(b)).score).toBeLessThan(0.25);
    expect(found([a, b], a.id, b.id)).toBe(false);
  });
});
