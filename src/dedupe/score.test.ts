import { describe, expect, it } from 'vitest';
import { preparePerson, type PersonRecord } from './record.js';
import { candidateScore, DEFAULT_THRESHOLDS, scorePair, spellsName, WEIGHTS } from './score.js';

const score = (a: Omit<PersonRecord, 'id'>, b: Omit<PersonRecord, 'id'>) => scorePair(preparePerson({ id: 'a', ...a }), preparePerson({ id: 'b', ...b })).score;

const switchboard = { phones: ['+442079460958'], address: '1 Canada Square', city: 'London', postcode: 'E14 5AB' };

describe('scorePair', () => {
  it('scores in 0..1 and is symmetric', () => {
    const a = { first_name: 'Robert', last_name: 'Smith', birthday: '1980-01-02' };
    const b = { first_name: 'Bob', last_name: 'Smith', birthday: '1980-01-02' };
    expect(score(a, b)).toBeGreaterThan(0);
    expect(score(a, b)).toBeLessThanOrEqual(1);
    expect(score(a, b)).toBe(score(b, a));
  });

  it('merges on an exact email with a matching name, or on a source id', () => {
    expect(score({ first_name: 'Ann', emails: ['ann@x.com'] }, { first_name: 'Ann', emails: ['ann@x.com'] })).toBeGreaterThanOrEqual(DEFAULT_THRESHOLDS.merge);
    expect(score({ source_id: 'C-17' }, { source_id: 'C-17' })).toBeGreaterThanOrEqual(DEFAULT_THRESHOLDS.merge);
  });

  it('merges nicknames with the same surname and birthday', () => {
    expect(score({ first_name: 'Bill', last_name: 'Bridge', birthday: '1986-05-01' }, { first_name: 'William', last_name: 'Bridge', birthday: '1986-05-01' })).toBeGreaterThanOrEqual(
      DEFAULT_THRESHOLDS.merge,
    );
  });

  it('does not merge on a shared phone and address alone (a company switchboard)', () => {
    expect(score(switchboard, switchboard)).toBeLessThan(DEFAULT_THRESHOLDS.merge);
    expect(score({ ...switchboard, first_name: 'Ann', last_name: 'Lee' }, { ...switchboard, first_name: 'Raj', last_name: 'Patel' })).toBeLessThan(DEFAULT_THRESHOLDS.review);
  });

  it('does not merge a household: same surname, phone and address, different first names', () => {
    const home = { ...switchboard, last_name: 'Lee' };
    expect(score({ ...home, first_name: 'Ann' }, { ...home, first_name: 'Tom' })).toBeLessThan(DEFAULT_THRESHOLDS.merge);
  });

  it('tolerates swapped names, typos and a day/month swap', () => {
    expect(score({ first_name: 'Isla', last_name: 'Hall', birthday: '1985-02-07' }, { first_name: 'Hall', last_name: 'Isla', birthday: '1985-07-02' })).toBeGreaterThanOrEqual(
      DEFAULT_THRESHOLDS.merge,
    );
    expect(score({ first_name: 'Oliver', last_name: 'Griffiths', birthday: '1991-10-26' }, { first_name: 'Olivr', last_name: 'Grifiths', birthday: '1991-10-26' })).toBeGreaterThanOrEqual(
      DEFAULT_THRESHOLDS.merge,
    );
  });

  it('keeps apart people who share only a common first name', () => {
    expect(score({ first_name: 'Elizabeth', birthday: '1983-04-18' }, { first_name: 'Elizabeth', birthday: '2016-09-01' })).toBeLessThan(DEFAULT_THRESHOLDS.review);
  });

  it('does not take a mailbox spelt from the name at another provider as evidence beyond the name', () => {
    const koch = (email: string) => ({ first_name: 'Michael', last_name: 'Koch', emails: [email], city: 'Berlin' });
    expect(spellsName('mkoch', preparePerson({ id: 'x', ...koch('mkoch@gmx.net') }))).toBe(true);
    expect(spellsName('skipper42', preparePerson({ id: 'x', ...koch('skipper42@gmx.net') }))).toBe(false);
    const a = preparePerson({ id: 'a', ...koch('mkoch@gmx.net') });
    expect(scorePair(a, preparePerson({ id: 'b', ...koch('mkoch@web.de') })).corroborated).toBe(false);
    expect(scorePair(a, preparePerson({ id: 'b', ...koch('mkoch@gmx.nte') })).corroborated).toBe(true);
    expect(scorePair(preparePerson({ id: 'a', ...koch('skipper42@gmx.net') }), preparePerson({ id: 'b', ...koch('skipper42@web.de') })).corroborated).toBe(true);
  });
});

describe('candidateScore', () => {
  const ann = preparePerson({ id: 'a', first_name: 'Ann', last_name: 'Lee', city: 'Leeds' });
  const other = preparePerson({ id: 'b', first_name: 'Ann', last_name: 'Lee', city: 'Leeds' });

  it('never merges a name-only match without asking, and scores it lower the more records share its key', () => {
    const inPair = candidateScore(ann, other, 2);
    const inCrowd = candidateScore(ann, other, 25);
    expect(inPair.mergeable).toBe(false);
    expect(inPair.score).toBeGreaterThanOrEqual(DEFAULT_THRESHOLDS.review);
    expect(inCrowd.score).toBeLessThan(inPair.score);
  });

  it('leaves a corroborated pair at its own score whatever the block size', () => {
    const withEmail = (id: string) => preparePerson({ id, first_name: 'Ann', last_name: 'Lee', emails: ['ann.lee@x.com'] });
    const pair = scorePair(withEmail('a'), withEmail('b')).score;
    expect(candidateScore(withEmail('a'), withEmail('b'), 25)).toEqual({ score: pair, mergeable: true });
    expect(pair).toBeGreaterThanOrEqual(DEFAULT_THRESHOLDS.merge);
  });
});

describe('places, phones and countries', () => {
  it('matches a city by its name in another language', () => {
    for (const [x, y] of [
      ['Bruxelles', 'Brussels'],
      ['Brüssel', 'Brussel'],
      ['München', 'Munich'],
      ['Köln', 'Cologne'],
      ['Firenze', 'Florence'],
      ['Wien', 'Vienna'],
      ['Genève', 'Genf'],
    ]) {
      expect(preparePerson({ id: 'a', city: x }).city).toBe(preparePerson({ id: 'b', city: y }).city);
    }
    expect(preparePerson({ id: 'a', city: 'Brussels' }).city).not.toBe(preparePerson({ id: 'b', city: 'Bruges' }).city);
  });

  it('reads one phone written the international and the national way as one number', () => {
    const mobile = (phone: string) => preparePerson({ id: phone, first_name: 'Ann', last_name: 'Lee', phones: [phone] });
    expect(scorePair(mobile('+447700900123'), mobile('07700 900123')).corroborated).toBe(true);
    expect(scorePair(mobile('+447700900123'), mobile('07700 900124')).corroborated).toBe(false);
  });

  it('counts another country against a match, but not a code against a name', () => {
    const person = (country: string) => preparePerson({ id: country, first_name: 'Ann', last_name: 'Lee', emails: ['ann@lee.example'], country });
    const same = scorePair(person('BE'), person('be')).weight;
    expect(scorePair(person('BE'), person('FR')).weight).toBe(same + WEIGHTS.country.different);
    expect(scorePair(person('BE'), person('Belgique')).weight).toBe(same);
  });
});
