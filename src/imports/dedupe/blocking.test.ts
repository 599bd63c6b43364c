import { describe, expect, it } from 'vitest';
import { blockingKeys, candidatePairs } from './blocking.js';
import { preparePerson, type PersonRecord } from './record.js';

const person = (id: string, fields: Omit<PersonRecord, 'id'>) => preparePerson({ id, ...fields });

describe('blockingKeys', () => {
  it('files a record under email, phone, name and place keys', () => {
    const keys = blockingKeys(
      person('1', { first_name: 'Robert', last_name: 'Smith', emails: ['bob.smith@x.com'], phones: ['+15551234567'], birthday: '1980-03-22', postcode: '94107', address: '12 Main St' }),
    );
    expect(keys).toEqual(
      expect.arrayContaining(['e:bob.smith@x.com', 'p:+15551234567', 'ny:smi|1980', 'sx:S530|r', 'pc:94107|r', 'fb:robert|03-22', 'a:12|main|94107']),
    );
  });

  it('puts a nickname and its formal name under one key', () => {
    const bob = blockingKeys(person('1', { first_name: 'Bob', birthday: '1980-03-22' }));
    const robert = blockingKeys(person('2', { first_name: 'Robert', birthday: '1980-03-22' }));
    expect(bob.filter((key) => robert.includes(key))).toContain('fb:robert|03-22');
  });
});

describe('candidatePairs', () => {
  it('emits each pair once even when records share several keys', () => {
    const people = [
      person('1', { first_name: 'Ann', last_name: 'Lee', emails: ['ann@x.com'], birthday: '1990-01-01' }),
      person('2', { first_name: 'Ann', last_name: 'Lee', emails: ['ann@x.com'], birthday: '1990-01-01' }),
      person('3', { first_name: 'Zed', last_name: 'Quist' }),
    ];
    expect([...candidatePairs(people)]).toEqual([[0, 1]]);
  });

  it('caps oversized blocks to a sorted window instead of all pairs', () => {
    const people = Array.from({ length: 1000 }, (_, i) => person(String(i), { first_name: `n${i}`, emails: ['shared@x.com'] }));
    const pairs = [...candidatePairs(people, { maxBlockSize: 10 })];
    // two oversized blocks (the address and its mailbox), each giving every record 9 neighbours at most
    expect(pairs.length).toBeLessThanOrEqual(2 * 1000 * 9);
    expect(new Set(pairs.map(([a, b]) => `${a}:${b}`)).size).toBeLessThanOrEqual(1000 * 9);
  });
});
