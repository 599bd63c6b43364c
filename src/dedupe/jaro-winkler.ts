// Reused match flags: similarity is computed millions of times during duplicate detection.
const buffers = [new Uint8Array(64), new Uint8Array(64)];

function scratch(which: 0 | 1, length: number): Uint8Array {
  if (buffers[which].length < length) buffers[which] = new Uint8Array(length * 2);
  const buffer = buffers[which];
  buffer.fill(0, 0, length);
  return buffer;
}

/** Jaro similarity of two strings, 0 (nothing in common) to 1 (equal). */
export function jaro(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length === 0 || b.length === 0) return 0;
  const window = Math.max(0, Math.floor(Math.max(a.length, b.length) / 2) - 1);
  const aMatched = scratch(0, a.length);
  const bMatched = scratch(1, b.length);
  let matches = 0;
  for (let i = 0; i < a.length; i++) {
    const from = Math.max(0, i - window);
    const to = Math.min(b.length - 1, i + window);
    for (let j = from; j <= to; j++) {
      if (!bMatched[j] && a[i] === b[j]) {
        aMatched[i] = bMatched[j] = 1;
        matches++;
        break;
      }
    }
  }
  if (matches === 0) return 0;
  let transpositions = 0;
  let k = 0;
  for (let i = 0; i < a.length; i++) {
    if (!aMatched[i]) continue;
    while (!bMatched[k]) k++;
    if (a[i] !== b[k]) transpositions++;
    k++;
  }
  return (matches / a.length + matches / b.length + (matches - transpositions / 2) / matches) / 3;
}

/** Jaro-Winkler similarity: Jaro with a bonus for a shared prefix of up to four characters. */
export function jaroWinkler(a: string, b: string, prefixScale = 0.1): number {
  const similarity = jaro(a, b);
  let prefix = 0;
  while (prefix < 4 && prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  return similarity + prefix * prefixScale * (1 - similarity);
}
