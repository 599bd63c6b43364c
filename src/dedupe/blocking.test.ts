import { describe, expect, it } from 'vitest';
import { blockingKeys, matchKeys } from './blocking.js';
import { candidatePairs, firstComparedSharedKey } from './blocks.js';
import { preparePerson, type PersonRecord } from './record.js';

const person = (id: string, fields: Omit<PersonRecord, 'id'>) => preparePerson({ id, ...fields });

describe('blockingKeys', () => {
  it('files a record under email, phone, name and place keys', () => {
    const keys = blockingKeys(
      person('1', { first_name: 'Robert', last_name: 'Smith', emails: ['bob.smith@x.com'], phones: ['+15551234567'], birthday: '1980-03-22', postcode: '94107', address: '12 Main St' }),
    );
    expect(keys).toEqual(expect.arrayContaining(['e:bob.smith@x.com', 'p:551234567', 'ny:smi|1980', 'sx:S530|r', 'pc:94107|r', 'fb:robert|03-22', 'a:12|main|94107']));
  });

  it('puts a nickname and its formal name under one key', () => {
    const bob = blockingKeys(person('1', { first_name: 'Bob', birthday: '1980-03-22' }));
    const robert = blockingKeys(person('2', { first_name: 'Robert', birthday: '1980-03-22' }));
    expect(bob.filter((key) => robert.includes(key))).toContain('fb:robert|03-22');
  });

  it('files a nickname under the initial of its formal name, so Bob Smith and Robert Smith share a name key', () => {
    const bob = blockingKeys(person('1', { first_name: 'Bob', last_name: 'Smith' }));
    const robert = blockingKeys(person('2', { first_name: 'Robert', last_name: 'Smith' }));
    expect(bob.filter((key) => robert.includes(key))).toEqual(['sx:S530|r']);
  });
});

describe('candidatePairs', () => {
  it('emits each pair once even when records share several keys, with its block size', () => {
    const people = [
      person('1', { first_name: 'Ann', last_name: 'Lee', emails: ['ann@x.com'], birthday: '1990-01-01' }),
      person('2', { first_name: 'Ann', last_name: 'Lee', emails: ['ann@x.com'], birthday: '1990-01-01' }),
      person('3', { first_name: 'Zed', last_name: 'Quist' }),
    ];
    expect([...candidatePairs(people)]).toEqual([[0, 1, 2]]);
  });

  it('skips blocks over the cap, yet finds pairs through a smaller block they share', () => {
    const people = Array.from({ length: 1000 }, (_, i) => person(String(i), { first_name: `n${i}`, emails: ['shared@x.com'] }));
    people.push(person('twin', { first_name: 'n7', emails: ['shared@x.com'], phones: ['+15550000007'] }));
    people[7] = person('7', { first_name: 'n7', emails: ['shared@x.com'], phones: ['+15550000007'] });
    const pairs = [...candidatePairs(people, { maxBlockSize: 10 })];
    expect(pairs).toEqual([[7, 1000, 2]]);
  });
});

describe('firstComparedSharedKey', () => {
  it('finds the lowest shared key that is not oversized', () => {
    const a = Int32Array.of(-5, 1, 4, 9);
    const b = Int32Array.of(1, 4, 8, 9);
    expect(firstComparedSharedKey(a, b, new Map())).toBe(1);
    expect(firstComparedSharedKey(a, b, new Map([[1, 30]]))).toBe(4);
    expect(
      firstComparedSharedKey(
        a,
        b,
        new Map([
          [1, 30],
          [4, 30],
          [9, 30],
        ]),
      ),
    ).toBeNull();
  });

  it('matchKeys are sorted and distinct', () => {
    const keys = matchKeys(person('1', { first_name: 'Robert', last_name: 'Smith', emails: ['bob@x.com', 'BOB@x.com'], birthday: '1980-03-22' }));
    expect([...keys]).toEqual([...new Set(keys)].sort((x, y) => x - y));
  });
});
