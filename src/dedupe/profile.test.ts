import { describe, expect, it } from 'vitest';
import { matchKeys } from './blocking.js';
import { packProfile, unpackProfile } from './profile.js';
import { preparePerson } from './record.js';

describe('match profiles', () => {
  it('unpack what was packed', () => {
    const person = preparePerson({
      id: 'cus_1',
      source_id: 'S-1',
      first_name: 'Bob',
      last_name: "O'Néil",
      emails: ['Bob.Oneil@gmail.com'],
      phones: ['+15551234567'],
      birthday: '1980-03-22',
      address: 'Apt 4, 12 Main Street',
      city: 'Springfield',
      postcode: '94107',
    });
    const keys = matchKeys(person);
    expect(unpackProfile(packProfile({ person, keys }))).toEqual({ person, keys: [...keys] });
    const bare = preparePerson({ id: 'cus_2' });
    expect(unpackProfile(packProfile({ person: bare, keys: matchKeys(bare) }))).toEqual({ person: bare, keys: [] });
  });
});
