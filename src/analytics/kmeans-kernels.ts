/**
 * k-means work on one block of rows, shared by the synchronous path and the worker threads.
 *
 * Every pass over the data is split into blocks of BLOCK_ROWS rows. Partial sums are written per block and
 * reduced by the caller in block order, so results are the same whichever thread ran which block and however
 * many threads there are.
 */

export const BLOCK_ROWS = 8192;

/** The passes a block can run. */
export const Op = {
  /** closest = squared distance to candidate row 0; scalar 0 = their sum. */
  seedFirst: 0,
  /** Scalar t = sum over rows of min(closest, squared distance to candidate t), for every candidate. */
  evaluateCandidates: 1,
  /** closest = min(closest, squared distance to candidate row 0). */
  updateClosest: 2,
  /** Nearest and second-nearest centre of every row from scratch; per-block sums and counts per cluster. */
  assignAll: 3,
  /** Hamerly's bounded assignment after the centres moved; scalar 0 = labels changed; sums and counts updated. */
  assignBounded: 4,
  /** Scalar 0 = sum of squared distances of rows to the centre of their label. */
  inertia: 5,
} as const;
export type Op = (typeof Op)[keyof typeof Op];

export interface KMeansShape {
  n: number;
  d: number;
  k: number;
  /** k-means++ candidates per centre. */
  trials: number;
  blocks: number;
}

/**
 * Working arrays of one k-means call. `moves` holds, for Hamerly's bounds: the distance each centre moved
 * [0, k), half the distance from each centre to its nearest other centre [k, 2k), then the largest move,
 * the second-largest move and the index of the largest.
 */
export interface KMeansArrays {
  /** n x d data, centred on its mean. */
  x: Float64Array;
  /** k-means++: squared distance of each row to its nearest chosen centre. */
  closest: Float64Array;
  labels: Int32Array;
  /** Hamerly: upper bound on the distance to the own centre, lower bound on the distance to any other. */
  upper: Float64Array;
  lower: Float64Array;
  centres: Float64Array;
  candidates: Float64Array;
  moves: Float64Array;
  /** blocks x k x d cluster sums and blocks x k counts of the current labels. */
  blockSums: Float64Array;
  blockCounts: Float64Array;
  /** blocks x scalarStride(shape) per-block results of the other passes. */
  blockScalars: Float64Array;
  /** Next block to take, for threads sharing a pass. */
  counter: Int32Array;
}

export function blockCount(n: number): number {
  return Math.ceil(n / BLOCK_ROWS);
}

export function scalarStride(shape: KMeansShape): number {
  return Math.max(1, shape.trials);
}

/** Allocates the working arrays, on SharedArrayBuffers when worker threads will read them. */
export function allocateArrays(shape: KMeansShape, shared: boolean): KMeansArrays {
  const { n, d, k, trials, blocks } = shape;
  const bytes = (count: number, width: number) => (shared ? new SharedArrayBuffer(count * width) : new ArrayBuffer(count * width));
  const float64 = (count: number) => new Float64Array(bytes(count, 8));
  return {
    x: float64(n * d),
    closest: float64(n),
    labels: new Int32Array(bytes(n, 4)),
    upper: float64(n),
    lower: float64(n),
    centres: float64(k * d),
    candidates: float64(Math.max(1, trials) * d),
    moves: float64(2 * k + 3),
    blockSums: float64(blocks * k * d),
    blockCounts: float64(blocks * k),
    blockScalars: float64(blocks * scalarStride(shape)),
    counter: new Int32Array(bytes(1, 4)),
  };
}

/** Squared Euclidean distance between row `xo` of `x` and row `co` of `c`, both with the same width. */
export type SquaredDistance = (x: Float64Array, xo: number, c: Float64Array, co: number) => number;

const distances = new Map<number, SquaredDistance>();

/**
 * Squared distance specialised for width d: the sum is written out term by term, which runs about twice as
 * fast as a loop over a width known only at run time. Compiled once per width and thread.
 */
export function squaredDistanceFor(d: number): SquaredDistance {
  let distance = distances.get(d);
  if (!distance) {
    if (!Number.isInteger(d) || d < 1) throw new RangeError(`k-means: width must be a positive integer, got ${d}`);
    const differences = Array.from({ length: d }, (_, j) => `const v${j} = x[xo + ${j}] - c[co + ${j}];`).join('\n');
    const sum = Array.from({ length: d }, (_, j) => `v${j} * v${j}`).join(' + ');
    distance = new Function('x', 'xo', 'c', 'co', `${differences}\nreturn ${sum};`) as SquaredDistance;
    distances.set(d, distance);
  }
  return distance;
}

/** [nearest, second-nearest] squared distances found by the last nearestCentre call on this thread. */
const nearestDistances = new Float64Array(2);

/** Index of the centre nearest to row `xo` (the lowest index on ties); see nearestDistances. */
function nearestCentre(distance: SquaredDistance, x: Float64Array, xo: number, centres: Float64Array, k: number, d: number): number {
  let best = Infinity;
  let second = Infinity;
  let label = 0;
  for (let c = 0; c < k; c++) {
    const v = distance(x, xo, centres, c * d);
    if (v < best) {
      second = best;
      best = v;
      label = c;
    } else if (v < second) second = v;
  }
  nearestDistances[0] = best;
  nearestDistances[1] = second;
  return label;
}

/** Runs one pass on one block of rows. */
export function runBlock(op: Op, shape: KMeansShape, a: KMeansArrays, block: number): void {
  const rows: BlockRows = { block, start: block * BLOCK_ROWS, end: Math.min(shape.n, (block + 1) * BLOCK_ROWS), distance: squaredDistanceFor(shape.d) };
  switch (op) {
    case Op.seedFirst:
      return seedFirst(shape, a, rows);
    case Op.evaluateCandidates:
      return evaluateCandidates(shape, a, rows);
    case Op.updateClosest:
      return updateClosest(shape, a, rows);
    case Op.assignAll:
      return assignAll(shape, a, rows);
    case Op.assignBounded:
      return assignBounded(shape, a, rows);
    case Op.inertia:
      return inertia(shape, a, rows);
    default:
      throw new RangeError(`k-means: unknown pass ${op as number}`);
  }
}

/** Runs every block of a pass, in order, on the calling thread. */
export function runAllBlocks(op: Op, shape: KMeansShape, a: KMeansArrays): void {
  for (let b = 0; b < shape.blocks; b++) runBlock(op, shape, a, b);
}

/** Takes blocks from the shared counter until none are left (worker threads). */
export function runSharedBlocks(op: Op, shape: KMeansShape, a: KMeansArrays): void {
  for (;;) {
    const b = Atomics.add(a.counter, 0, 1);
    if (b >= shape.blocks) return;
    runBlock(op, shape, a, b);
  }
}

interface BlockRows {
  block: number;
  start: number;
  end: number;
  distance: SquaredDistance;
}

function seedFirst(shape: KMeansShape, { x, candidates, closest, blockScalars }: KMeansArrays, { block, start, end, distance }: BlockRows): void {
  const { d } = shape;
  let sum = 0;
  for (let i = start; i < end; i++) {
    const v = distance(x, i * d, candidates, 0);
    closest[i] = v;
    sum += v;
  }
  blockScalars[block * scalarStride(shape)] = sum;
}

function evaluateCandidates(shape: KMeansShape, { x, candidates, closest, blockScalars }: KMeansArrays, { block, start, end, distance }: BlockRows): void {
  const { d, trials } = shape;
  const stride = scalarStride(shape);
  for (let t = 0; t < trials; t++) {
    const co = t * d;
    let sum = 0;
    for (let i = start; i < end; i++) {
      const v = distance(x, i * d, candidates, co);
      const current = closest[i];
      sum += v < current ? v : current;
    }
    blockScalars[block * stride + t] = sum;
  }
}

function updateClosest({ d }: KMeansShape, { x, candidates, closest }: KMeansArrays, { start, end, distance }: BlockRows): void {
  for (let i = start; i < end; i++) {
    const v = distance(x, i * d, candidates, 0);
    if (v < closest[i]) closest[i] = v;
  }
}

/** Nearest centre of every row from scratch, with Hamerly's bounds and the block's cluster sums and counts. */
function assignAll({ d, k }: KMeansShape, a: KMeansArrays, { block, start, end, distance }: BlockRows): void {
  const { x, centres, labels, upper, lower, blockSums, blockCounts } = a;
  const sumOffset = block * k * d;
  const countOffset = block * k;
  blockSums.fill(0, sumOffset, sumOffset + k * d);
  blockCounts.fill(0, countOffset, countOffset + k);
  for (let i = start; i < end; i++) {
    const xo = i * d;
    const label = nearestCentre(distance, x, xo, centres, k, d);
    labels[i] = label;
    upper[i] = Math.sqrt(nearestDistances[0]);
    lower[i] = Math.sqrt(nearestDistances[1]);
    blockCounts[countOffset + label]++;
    const so = sumOffset + label * d;
    for (let j = 0; j < d; j++) blockSums[so + j] += x[xo + j];
  }
}

/**
 * Hamerly (2010): a row keeps its label when the upper bound on the distance to its centre is no more than
 * both the lower bound on the distance to any other centre and half the distance from its centre to the
 * nearest other centre. Bounds are loosened by how far the centres moved; only rows failing the test are
 * measured again, first against their own centre, then against all. The block's cluster sums and counts
 * are kept up to date by moving only the rows that changed cluster.
 */
function assignBounded(shape: KMeansShape, a: KMeansArrays, { block, start, end, distance }: BlockRows): void {
  const { d, k } = shape;
  const { x, centres, labels, upper, lower, moves, blockSums, blockCounts, blockScalars } = a;
  const sumOffset = block * k * d;
  const countOffset = block * k;
  const largest = moves[2 * k];
  const secondLargest = moves[2 * k + 1];
  const largestIndex = moves[2 * k + 2];
  let changed = 0;
  for (let i = start; i < end; i++) {
    const label = labels[i];
    let up = upper[i] + moves[label];
    let low = lower[i] - (label === largestIndex ? secondLargest : largest);
    const halfGap = moves[k + label];
    const bound = halfGap > low ? halfGap : low;
    if (up > bound) {
      const xo = i * d;
      up = Math.sqrt(distance(x, xo, centres, label * d));
      if (up > bound) {
        const nearest = nearestCentre(distance, x, xo, centres, k, d);
        up = Math.sqrt(nearestDistances[0]);
        low = Math.sqrt(nearestDistances[1]);
        if (nearest !== label) {
          changed++;
          labels[i] = nearest;
          blockCounts[countOffset + label]--;
          blockCounts[countOffset + nearest]++;
          const from = sumOffset + label * d;
          const to = sumOffset + nearest * d;
          for (let j = 0; j < d; j++) {
            blockSums[from + j] -= x[xo + j];
            blockSums[to + j] += x[xo + j];
          }
        }
      }
    }
    upper[i] = up;
    lower[i] = low;
  }
  blockScalars[block * scalarStride(shape)] = changed;
}

function inertia(shape: KMeansShape, { x, centres, labels, blockScalars }: KMeansArrays, { block, start, end, distance }: BlockRows): void {
  const { d } = shape;
  let sum = 0;
  for (let i = start; i < end; i++) sum += distance(x, i * d, centres, labels[i] * d);
  blockScalars[block * scalarStride(shape)] = sum;
}
