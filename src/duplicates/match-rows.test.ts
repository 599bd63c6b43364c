import { describe, expect, it } from 'vitest';
import { matchKeys } from '../dedupe/blocking.js';
import { unpackProfile } from '../dedupe/profile.js';
import { preparePerson, type PersonRecord } from '../dedupe/record.js';
import { withMatchKeyWorkers } from './match-key-pool.js';
import { matchRows } from './match-rows.js';
import { PERSON_COLUMNS } from './people.js';

const people: PersonRecord[] = [
  { id: 'cus_a', first_name: 'Robert', last_name: 'Smith', emails: ['bob@example.com'], phones: ['+4930123456'], birthday: '1980-02-03', city: 'Berlin', postcode: '10115', address: '12 Main Street' },
  { id: 'cus_b', first_name: 'Ana' },
  { id: 'cus_c', last_name: 'Müller', emails: ['a.mueller@example.de', 'ANNA@example.de'] },
];

describe('match rows', () => {
  it('files each key under its own customer and packs a profile per customer', () => {
    const rows = matchRows(people);
    expect(rows.ids).toEqual(['cus_a', 'cus_b', 'cus_c']);
    expect(rows.keys.length).toBe(rows.owners.length);
    people.forEach((person, owner) => {
      const expected = Array.from(matchKeys(preparePerson(person)));
      const filed = Array.from(rows.keys).filter((_, i) => rows.owners[i] === owner);
      expect(filed).toEqual(expected);
      expect(Array.from(unpackProfile(rows.profiles[owner]).keys)).toEqual(expected);
    });
  });

  it('computes the same rows in worker threads from rows read as arrays', async () => {
    const asColumns = people.map((p) =>
      PERSON_COLUMNS.map((c) =>
        c === 'emails'
          ? JSON.stringify(p.emails ?? [])
          : c === 'phones'
            ? JSON.stringify((p.phones ?? []).map((e164) => ({ raw: e164, e164 })))
            : ((p as unknown as Record<string, unknown>)[c] ?? null),
      ),
    );
    const fromWorkers = await withMatchKeyWorkers(2, (compute) => Promise.all([compute(asColumns.slice(0, 2)), compute(asColumns.slice(2))]));
    const local = matchRows(people);
    expect(fromWorkers.flatMap((r) => r.ids)).toEqual(local.ids);
    expect(fromWorkers.flatMap((r) => r.profiles)).toEqual(local.profiles);
    expect(fromWorkers.flatMap((r) => Array.from(r.keys))).toEqual(Array.from(local.keys));
  });
});
