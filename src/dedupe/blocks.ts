import { matchKeys } from './blocking.js';
import type { PreparedPerson } from './record.js';

/** Blocks with more records than this share too common a key to compare all pairs, and are skipped. */
export const DEFAULT_MAX_BLOCK_SIZE = 10;

export interface BlockMember {
  person: PreparedPerson;
  /** The record's match keys, sorted (see matchKeys). */
  keys: ArrayLike<number>;
  /** Whether pairs with this record are wanted; a scan limited to an import's records wants only those. */
  wanted: boolean;
}

/** The keys over the block cap, with how many records share each: how common a name or a birthday is. */
export type OversizedKeys = ReadonlyMap<number, number>;

/** The smallest key two sorted key lists share whose block is compared, or null when there is none. */
export function firstComparedSharedKey(a: ArrayLike<number>, b: ArrayLike<number>, oversized: OversizedKeys): number | null {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] < b[j]) i++;
    else if (a[i] > b[j]) j++;
    else {
      if (!oversized.has(a[i])) return a[i];
      i++;
      j++;
    }
  }
  return null;
}

/**
 * The member index pairs of one block to compare. Records sharing several keys are compared once,
 * in the first (lowest) compared block they share, so blocks can be visited one at a time in key
 * order with no memory of pairs already seen.
 */
export function* blockPairs(key: number, members: readonly BlockMember[], oversized: OversizedKeys): Generator<[number, number]> {
  for (let i = 0; i < members.length; i++) {
    for (let j = i + 1; j < members.length; j++) {
      if (!members[i].wanted && !members[j].wanted) continue;
      if (firstComparedSharedKey(members[i].keys, members[j].keys, oversized) === key) yield [i, j];
    }
  }
}

interface MemoryBlock {
  key: number;
  /** Record indexes, ascending. */
  members: number[];
}

/**
 * Blocks of records held in memory, in ascending key order, with at least two and at most
 * `maxBlockSize` records, and the keys that were too common.
 */
function memoryBlocks(people: readonly PreparedPerson[], maxBlockSize = DEFAULT_MAX_BLOCK_SIZE): { keys: Int32Array[]; blocks: MemoryBlock[]; oversized: OversizedKeys } {
  const keys = people.map(matchKeys);
  let total = 0;
  for (const k of keys) total += k.length;
  const entryKey = new Int32Array(total);
  const entryPerson = new Uint32Array(total);
  for (let person = 0, at = 0; person < keys.length; person++) {
    for (const key of keys[person]) {
      entryKey[at] = key;
      entryPerson[at++] = person;
    }
  }
  const order = Uint32Array.from({ length: total }, (_, i) => i).sort((x, y) => entryKey[x] - entryKey[y] || entryPerson[x] - entryPerson[y]);
  const oversized = new Map<number, number>();
  const blocks: MemoryBlock[] = [];
  for (let start = 0; start < total;) {
    const key = entryKey[order[start]];
    let end = start + 1;
    while (end < total && entryKey[order[end]] === key) end++;
    if (end - start > maxBlockSize) oversized.set(key, end - start);
    else if (end - start > 1) blocks.push({ key, members: Array.from(order.subarray(start, end), (entry) => entryPerson[entry]) });
    start = end;
  }
  return { keys, blocks, oversized };
}

export interface CandidateOptions {
  /** Blocks up to this size are compared all-pairs; larger ones are skipped. */
  maxBlockSize?: number;
}

/**
 * Pairs of record indexes to compare, each once, with the size of the block that yielded it;
 * `oversized` is filled with the keys too common to compare.
 */
export function* candidatePairs(people: readonly PreparedPerson[], options: CandidateOptions = {}, oversized = new Map<number, number>()): Generator<[a: number, b: number, blockSize: number]> {
  const found = memoryBlocks(people, options.maxBlockSize);
  for (const [key, size] of found.oversized) oversized.set(key, size);
  for (const block of found.blocks) {
    const members = block.members.map((index) => ({ person: people[index], keys: found.keys[index], wanted: true }));
    for (const [i, j] of blockPairs(block.key, members, oversized)) yield [block.members[i], block.members[j], block.members.length];
  }
}
