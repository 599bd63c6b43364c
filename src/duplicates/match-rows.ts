import { matchKeys } from '../dedupe/blocking.js';
import { packProfile } from '../dedupe/profile.js';
import { preparePerson, type PersonRecord } from '../dedupe/record.js';

/** A page of customers' match keys and profiles, as stored: key i belongs to ids[owners[i]]. */
export interface MatchRows {
  ids: string[];
  keys: Int32Array;
  owners: Int32Array;
  profiles: string[];
}

export function matchRows(people: readonly PersonRecord[]): MatchRows {
  const ids: string[] = [];
  const profiles: string[] = [];
  const keyLists: Int32Array[] = [];
  let total = 0;
  for (const record of people) {
    const person = preparePerson(record);
    const keys = matchKeys(person);
    ids.push(record.id);
    profiles.push(packProfile({ person, keys }));
    keyLists.push(keys);
    total += keys.length;
  }
  const keys = new Int32Array(total);
  const owners = new Int32Array(total);
  let at = 0;
  keyLists.forEach((list, owner) => {
    keys.set(list, at);
    owners.fill(owner, at, at + list.length);
    at += list.length;
  });
  return { ids, keys, owners, profiles };
}
