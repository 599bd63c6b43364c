/**
 * Rows held out for evaluation: the given share of each outcome, those with the lowest hashes, so
 * that a small population still has buyers and non-buyers on both sides. Rows come back in order.
 */
export function heldOutSplit(hashes: readonly number[], labels: ArrayLike<number>, share: number): { trainRows: number[]; testRows: number[] } {
  const held = new Uint8Array(hashes.length);
  for (const outcome of [0, 1]) {
    const rows: number[] = [];
    for (let r = 0; r < hashes.length; r++) if (labels[r] === outcome) rows.push(r);
    rows.sort((p, q) => hashes[p] - hashes[q] || p - q);
    const count = rows.length < 2 ? 0 : Math.max(1, Math.round(rows.length * share));
    for (let k = 0; k < count; k++) held[rows[k]] = 1;
  }
  const trainRows: number[] = [];
  const testRows: number[] = [];
  for (let r = 0; r < hashes.length; r++) (held[r] ? testRows : trainRows).push(r);
  return { trainRows, testRows };
}
