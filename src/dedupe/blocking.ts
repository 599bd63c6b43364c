import { formalNames } from './nicknames.js';
import { soundex } from './phonetic.js';
import type { PreparedPerson } from './record.js';

/**
 * Keys under which a record is filed; two records are compared only when they share a key.
 * Each key is a plain string, so a database can group on it (sort or GROUP BY) instead of memory.
 */
export function blockingKeys(person: PreparedPerson): string[] {
  const keys = new Set<string>();
  const { first, last, birth, postcode } = person;
  const initial = first[0] ?? '';
  for (const email of person.emails) keys.add(`e:${email}`);
  for (const local of person.emailLocals) if (local.length >= 4) keys.add(`el:${local}`);
  for (const phone of person.phones) keys.add(`p:${phone}`);
  if (person.sourceId) keys.add(`id:${person.sourceId}`);
  // Names may come in either order, so each name is tried as the surname.
  for (const [given, family] of [
    [first, last],
    [last, first],
  ]) {
    if (!family) continue;
    if (birth) keys.add(`ny:${family.slice(0, 3)}|${birth.year}`);
    // A nickname files under its formal names' initials too: Bob Smith meets Robert Smith.
    if (given) for (const initial of new Set(formalNames(given).map((name) => name[0]))) keys.add(`sx:${soundex(family)}|${initial}`);
  }
  if (birth) {
    keys.add(`b:${birth.year}-${birth.month}-${birth.day}`);
    for (const name of first ? formalNames(first) : []) keys.add(`fb:${name}|${birth.month}-${birth.day}`);
  }
  if (postcode && initial) keys.add(`pc:${postcode}|${initial}`);
  if (postcode && last) keys.add(`pcl:${postcode}|${soundex(last)}`);
  if (person.address?.number && person.address.tokens.length > 1) {
    const streetWord = person.address.tokens.find((t) => /^[a-z]{3,}$/.test(t)) ?? '';
    keys.add(`a:${person.address.number}|${streetWord}|${postcode}`);
  }
  return [...keys];
}

/**
 * A record's blocking keys as sorted, distinct 32-bit hashes: the form stored in the database and
 * compared in memory. A hash collision only joins two blocks, adding candidates, never losing one.
 */
export function matchKeys(person: PreparedPerson): Int32Array {
  const hashes = Int32Array.from(new Set(blockingKeys(person).map(fnv1a)));
  return hashes.sort();
}

/** The key of a record's surname sound and first initial ("sx:S530|r"), hashed: its block size says how common the name is. */
export function nameKey(person: PreparedPerson): number | null {
  return person.last && person.first ? fnv1a(`sx:${soundex(person.last)}|${person.first[0]}`) : null;
}

/** 32-bit FNV-1a hash of a string, signed so that it fits an SQL integer column. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash | 0;
}
