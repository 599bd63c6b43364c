import { randomBytes } from 'node:crypto';

export const idPrefixes = {
  customer: 'cus',
  company: 'com',
  product: 'prd',
  order: 'ord',
  orderLine: 'oln',
  interaction: 'int',
  task: 'tsk',
  field: 'fld',
  user: 'usr',
  token: 'tok',
  audit: 'aud',
  batch: 'bat',
  job: 'job',
  segmentation: 'sgm',
  merge: 'mrg',
  duplicate: 'dup',
  segment: 'seg',
  model: 'mdl',
} as const;

export type IdKind = keyof typeof idPrefixes;

const alphabet = '0123456789abcdefghjkmnpqrstvwxyz'; // Crockford base32, lower case

// Random bytes are drawn from the OS in blocks: one call per id costs more than the rest of newId.
let pool = Buffer.alloc(0);
let offset = 0;
function randomChunk(size: number): Buffer {
  if (offset + size > pool.length) {
    pool = randomBytes(4096);
    offset = 0;
  }
  offset += size;
  return pool.subarray(offset - size, offset);
}

/**
 * A new id: type prefix, 48-bit millisecond time, 80 random bits. Ids sort by creation time
 * (useful as a pagination tie-breaker) and are never reused because of the random part.
 */
export function newId(kind: IdKind, now = Date.now()): string {
  let time = '';
  let t = now;
  for (let i = 0; i < 10; i++) {
    time = alphabet[t % 32] + time;
    t = Math.floor(t / 32);
  }
  const bytes = randomChunk(10);
  let rand = '';
  let acc = 0;
  let bits = 0;
  for (const byte of bytes) {
    acc = (acc << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      rand += alphabet[(acc >> bits) & 31];
    }
  }
  return `${idPrefixes[kind]}_${time}${rand}`;
}

export function hasPrefix(id: string, kind: IdKind): boolean {
  return id.startsWith(`${idPrefixes[kind]}_`);
}
