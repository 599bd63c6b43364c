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
  for (const [given, family] of [[first, last], [last, first]]) {
    if (!family) continue;
    if (birth) keys.add(`ny:${family.slice(0, 3)}|${birth.year}`);
    if (given) keys.add(`sx:${soundex(family)}|${given[0]}`);
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

export interface CandidateOptions {
  /**
   * Blocks larger than this are not compared all-pairs: after sorting by name, each record meets only
   * its next `maxBlockSize` neighbours (sorted neighbourhood).
   */
  maxBlockSize?: number;
}

/**
 * Pairs of record indexes that share at least one blocking key. Work is bounded by
 * records x keys x maxBlockSize, never records squared, and no set of all pairs is kept:
 * a pair is emitted by the first small block both records share. Pairs that meet only in
 * oversized blocks are emitted from each such block whose window holds them, so may repeat.
 */
export function* candidatePairs(people: PreparedPerson[], options: CandidateOptions = {}): Generator<[number, number]> {
  const maxBlockSize = options.maxBlockSize ?? 50;
  const blockIds = new Map<string, number>();
  const members: number[][] = [];
  const blocksOf: number[][] = people.map((person, index) =>
    blockingKeys(person).map((key) => {
      let id = blockIds.get(key);
      if (id === undefined) {
        id = members.length;
        blockIds.set(key, id);
        members.push([]);
      }
      members[id].push(index);
      return id;
    }),
  );
  const isSmall = (id: number) => members[id].length <= maxBlockSize;
  const sortKeys = people.map((person) => `${person.last} ${person.first}`);

  for (let block = 0; block < members.length; block++) {
    const records = members[block];
    if (records.length < 2) continue;
    const small = isSmall(block);
    if (!small) records.sort((a, b) => (sortKeys[a] < sortKeys[b] ? -1 : sortKeys[a] > sortKeys[b] ? 1 : a - b));
    for (let i = 0; i < records.length; i++) {
      const end = small ? records.length : Math.min(records.length, i + maxBlockSize);
      for (let j = i + 1; j < end; j++) {
        const first = firstSharedSmallBlock(blocksOf[records[i]], blocksOf[records[j]], isSmall);
        if (small ? first !== block : first !== -1) continue;
        yield records[i] < records[j] ? [records[i], records[j]] : [records[j], records[i]];
      }
    }
  }
}

function firstSharedSmallBlock(a: number[], b: number[], isSmall: (id: number) => boolean): number {
  let first = -1;
  for (const id of a) if ((first === -1 || id < first) && isSmall(id) && b.includes(id)) first = id;
  return first;
}
