/**
 * RFM scoring by quantile bins, reproducing pandas.qcut(values, q, labels=False, duplicates='drop'):
 * numpy linear-interpolation quantile edges, duplicate edges dropped, right-closed bins with the lowest
 * value included. Heavily tied columns therefore get fewer than q distinct scores, as in pandas.
 */

/**
 * numpy.quantile(sorted, p) with the default 'linear' method; `sorted` must be ascending. The virtual index
 * is computed in numpy's order of operations so that edges agree to the last bit.
 */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) throw new RangeError('quantile of an empty array');
  const h = Math.min(Math.max(n * p + (1 - p) - 1, 0), n - 1);
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  const t = h - lo;
  const a = sorted[lo];
  const b = sorted[hi];
  // numpy's lerp: stable at both ends of the interval
  return t < 0.5 ? a + (b - a) * t : b - (b - a) * (1 - t);
}

export interface QuantileBins {
  /** Bin of each value, 0-based; -1 for NaN. */
  codes: Int32Array;
  /** Bin edges after dropping duplicates (number of bins = edges.length - 1; a constant column gives [v, v]). */
  edges: number[];
}

/** Equal-frequency binning into (at most) q bins, as pandas.qcut with duplicates='drop'. */
export function qcut(values: ArrayLike<number>, q: number): QuantileBins {
  if (!Number.isInteger(q) || q < 1) throw new RangeError(`qcut: q must be a positive integer, got ${q}`);
  const finite = Float64Array.from(Array.from(values).filter((v) => !Number.isNaN(v))).sort();
  const codes = new Int32Array(values.length).fill(-1);
  if (finite.length === 0) return { codes, edges: [] };
  const step = 1 / q;
  const edges: number[] = [];
  for (let i = 0; i <= q; i++) {
    // pandas takes numpy.linspace(0, 1, q + 1) points (i * step, last pinned to 1) through percentiles (x100, /100).
    const p = ((i === q ? 1 : i * step) * 100) / 100;
    const edge = quantileSorted(finite, p);
    if (edges.length === 0 || edge !== edges[edges.length - 1]) edges.push(edge);
  }
  if (edges.length === 1) {
    // All values equal: one bin holding everyone.
    codes.fill(0);
    return { codes, edges: [edges[0], edges[0]] };
  }
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isNaN(v)) continue;
    // Right-closed (lo, hi]: code = (number of edges strictly below v) - 1, the minimum goes to bin 0.
    let lo = 0;
    let hi = edges.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (edges[mid] < v) lo = mid + 1;
      else hi = mid;
    }
    codes[i] = Math.min(Math.max(lo - 1, 0), edges.length - 2);
  }
  return { codes, edges };
}

export type RfmSegment = 'champions' | 'loyal' | 'potential loyalist' | 'new' | 'promising' | 'need attention' | 'about to sleep' | 'at risk' | 'cannot lose' | 'hibernating' | 'lost';

/**
 * Segment from recency and frequency scores on a 1..bins scale (rescaled to 1..5), using the widely used
 * 5 x 5 R-F grid:
 *   R\F   1              2              3              4          5
 *   5     new            potential      potential      champions  champions
 *   4     promising      potential      potential      loyal      loyal
 *   3     about to sleep about to sleep need attention loyal      loyal
 *   2     hibernating    hibernating    at risk        at risk    cannot lose
 *   1     lost           hibernating    at risk        at risk    cannot lose
 * "lost" is the bottom-left cell of the grid's hibernating block: least recent and least frequent.
 */
export function rfmSegment(recencyScore: number, frequencyScore: number, bins = 5): RfmSegment {
  const toFive = (s: number): number => (bins === 1 ? 1 : 1 + Math.round(((s - 1) * 4) / (bins - 1)));
  const r = toFive(recencyScore);
  const f = toFive(frequencyScore);
  if (r <= 2) {
    if (f === 5) return 'cannot lose';
    if (f >= 3) return 'at risk';
    return r === 1 && f === 1 ? 'lost' : 'hibernating';
  }
  if (r === 3) {
    if (f >= 4) return 'loyal';
    return f === 3 ? 'need attention' : 'about to sleep';
  }
  if (f >= 4) return r === 5 ? 'champions' : 'loyal';
  if (f >= 2) return 'potential loyalist';
  return r === 5 ? 'new' : 'promising';
}

export interface RfmInput {
  /** Days (or any time unit) since the last purchase; smaller is better. */
  recency: ArrayLike<number>;
  frequency: ArrayLike<number>;
  monetary: ArrayLike<number>;
}

export interface RfmScores {
  recency: Int32Array;
  frequency: Int32Array;
  monetary: Int32Array;
  /** Score strings such as "434" (R, F, M). */
  codes: string[];
  segments: RfmSegment[];
}

/**
 * Scores 1..bins per dimension (bin index + 1). Recency is reversed so the most recent bin scores highest:
 * score = (number of bins formed) - (bin index).
 */
export function rfmScores(input: RfmInput, bins = 5): RfmScores {
  const n = input.recency.length;
  if (input.frequency.length !== n || input.monetary.length !== n) throw new RangeError('rfm: columns must have equal length');
  for (const column of [input.recency, input.frequency, input.monetary]) {
    for (let i = 0; i < n; i++) if (!Number.isFinite(column[i])) throw new RangeError('rfm: values must be finite numbers');
  }
  const r = qcut(input.recency, bins);
  const f = qcut(input.frequency, bins);
  const m = qcut(input.monetary, bins);
  const recencyBins = r.edges.length - 1;
  const scores: RfmScores = {
    recency: Int32Array.from(r.codes, (c) => recencyBins - c),
    frequency: Int32Array.from(f.codes, (c) => c + 1),
    monetary: Int32Array.from(m.codes, (c) => c + 1),
    codes: [],
    segments: [],
  };
  for (let i = 0; i < n; i++) {
    scores.codes.push(`${scores.recency[i]}${scores.frequency[i]}${scores.monetary[i]}`);
    scores.segments.push(rfmSegment(scores.recency[i], scores.frequency[i], bins));
  }
  return scores;
}
