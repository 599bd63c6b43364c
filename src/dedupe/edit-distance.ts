/**
 * Whether `a` becomes `b` with at most `max` single-character insertions, deletions,
 * substitutions or swaps of neighbours (optimal string alignment distance).
 */
export function withinEdits(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false;
  if (a === b) return true;
  // Rows of the distance table, two back for swaps; stop as soon as a whole row exceeds `max`.
  let beforePrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      let distance = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) distance = Math.min(distance, beforePrevious[j - 2] + 1);
      current[j] = distance;
      best = Math.min(best, distance);
    }
    if (best > max) return false;
    beforePrevious = previous;
    previous = current;
  }
  return previous[b.length] <= max;
}
