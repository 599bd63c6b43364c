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
  /** Blocks up to this size are compared all-pairs. */
  maxBlockSize?: number;
  /** In larger blocks, sorted by name, each record meets only this many following neighbours. */
  window?: number;
}

/**
 * Pairs of record indexes that share at least one blocking key, without comparing all pairs.
 * Keys are hashed and sorted as packed numbers, so memory stays at a few bytes per key even for
 * millions of records. A pair is emitted by the first small block (by hash) both records share;
 * pairs that meet only in oversized blocks come from each window that holds them, so may repeat.
 * A hash collision only merges two blocks, adding candidates, never losing one.
 */
export function* candidatePairs(people: PreparedPerson[], options: CandidateOptions = {}): Generator<[number, number]> {
  const maxBlockSize = options.maxBlockSize ?? 25;
  const window = options.window ?? 6;
  const { keys, offsets } = hashedKeys(people);
  const indexBits = Math.max(1, Math.ceil(Math.log2(people.length + 1)));
  const hashShift = Math.max(0, 32 - (53 - indexBits));
  const packed = new Float64Array(keys.length);
  for (let person = 0; person < people.length; person++) {
    for (let k = offsets[person]; k < offsets[person + 1]; k++) {
      keys[k] = keys[k] >>> hashShift;
      packed[k] = keys[k] * 2 ** indexBits + person;
    }
  }
  packed.sort();

  const blockSize = new Uint32Array(keys.length);
  const runs: [number, number][] = [];
  for (let start = 0; start < packed.length; ) {
    const hash = Math.floor(packed[start] / 2 ** indexBits);
    let end = start + 1;
    while (end < packed.length && Math.floor(packed[end] / 2 ** indexBits) === hash) end++;
    for (let at = start; at < end; at++) {
      const person = packed[at] % 2 ** indexBits;
      for (let k = offsets[person]; k < offsets[person + 1]; k++) if (keys[k] === hash) blockSize[k] = end - start;
    }
    if (end - start > 1) runs.push([start, end]);
    start = end;
  }

  // The smallest hash of a block of at most maxBlockSize that both records are in, or -1.
  const firstSharedSmallBlock = (a: number, b: number): number => {
    let first = -1;
    for (let x = offsets[a]; x < offsets[a + 1]; x++) {
      if (blockSize[x] > maxBlockSize || (first !== -1 && keys[x] >= first)) continue;
      for (let y = offsets[b]; y < offsets[b + 1]; y++) {
        if (keys[y] === keys[x]) {
          first = keys[x];
          break;
        }
      }
    }
    return first;
  };

  const sortKeys = people.map((person) => `${person.last} ${person.first}`);
  for (const [start, end] of runs) {
    const hash = Math.floor(packed[start] / 2 ** indexBits);
    const members = Array.from(packed.subarray(start, end), (value) => value % 2 ** indexBits);
    const small = members.length <= maxBlockSize;
    if (!small) members.sort((a, b) => (sortKeys[a] < sortKeys[b] ? -1 : sortKeys[a] > sortKeys[b] ? 1 : a - b));
    for (let i = 0; i < members.length; i++) {
      const last = small ? members.length : Math.min(members.length, i + 1 + window);
      for (let j = i + 1; j < last; j++) {
        const [a, b] = members[i] < members[j] ? [members[i], members[j]] : [members[j], members[i]];
        if (a === b) continue;
        const first = firstSharedSmallBlock(a, b);
        if (small ? first !== hash : first !== -1) continue;
        yield [a, b];
      }
    }
  }
}

function hashedKeys(people: PreparedPerson[]): { keys: Uint32Array; offsets: Int32Array } {
  const offsets = new Int32Array(people.length + 1);
  const keys: number[] = [];
  for (let i = 0; i < people.length; i++) {
    for (const hash of new Set(blockingKeys(people[i]).map(fnv1a))) keys.push(hash);
    offsets[i + 1] = keys.length;
  }
  return { keys: Uint32Array.from(keys), offsets };
}

/** 32-bit FNV-1a hash of a string. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
