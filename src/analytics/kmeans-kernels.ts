/**
 * k-means work on one block of rows, shared by the synchronous path and the worker threads.
 *
 * Every pass over the data is split into blocks of BLOCK_ROWS rows. Partial sums are written per block and
 * reduced by the caller in block order, so results are the same whichever thread ran which block and however
 * many threads there are.
 */

import { addCentreAndPotentialsFor, addCentreFor, candidatePotentialsFor, nearestCentresFor, squaredDistanceFor, type SquaredDistance } from './kmeans-compiled.js';

export const BLOCK_ROWS = 8192;

/** The passes a block can run. */
export const Op = {
  /** k-means++ first centre (candidate row 0): closest = squared distances, labels = 0; scalar 0 = sum. */
  seedFirst: 0,
  /**
   * Adds the centre chosen last (control[1], unless -1) to closest, second-closest and labels, then
   * scalar t = sum over rows of min(closest, squared distance to candidate t), for every candidate.
   */
  evaluateCandidates: 1,
  /** Adds the last centre, then the first assignment from the nearest and second-nearest chosen centres. */
  assignSeeded: 2,
  /** Hamerly's bounded assignment after the centres moved; scalar 0 = labels changed; sums and counts updated. */
  assignBounded: 3,
  /** Scalar 0 = sum of squared distances of rows to the centre of their label. */
  inertia: 4,
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

/** Working arrays of one k-means call. */
export interface KMeansArrays {
  /** n x d data, centred on its mean. */
  x: Float64Array;
  labels: Int32Array;
  /** k-means++: squared distance of each row to its nearest chosen centre. */
  closest: Float64Array;
  /**
   * Hamerly's bounds on the distance to the own centre (upper) and to any other (lower), stored as
   * upper - moved(own centre) and lower + largest move (cumulative, see `moves`). While seeding, `lower`
   * holds the squared distance to the second-nearest chosen centre.
   */
  upper: Float64Array;
  lower: Float64Array;
  centres: Float64Array;
  /** k-means++ candidates. */
  candidates: Float64Array;
  /**
   * How far each centre moved since the first assignment [0, k), half the distance from each centre to its
   * nearest other [k, 2k), then the sum over iterations of the largest move.
   */
  moves: Float64Array;
  /** blocks x k x d cluster sums and blocks x k counts of the current labels. */
  blockSums: Float64Array;
  blockCounts: Float64Array;
  /** blocks x scalarStride(shape) per-block results of the other passes. */
  blockScalars: Float64Array;
  /** [next block to take for threads sharing a pass, index of the centre to add or -1]. */
  control: Int32Array;
}

export function blockCount(n: number): number {
  return Math.ceil(n / BLOCK_ROWS);
}

export function scalarStride(shape: KMeansShape): number {
  return Math.max(1, shape.trials);
}

/** Allocates the working arrays, on SharedArrayBuffers when worker threads will read them. */
export function allocateArrays(shape: KMeansShape, shared: boolean): KMeansArrays {
  const { n, d, k, blocks } = shape;
  const trials = scalarStride(shape);
  const bytes = (count: number, width: number) => (shared ? new SharedArrayBuffer(count * width) : new ArrayBuffer(count * width));
  const float64 = (count: number) => new Float64Array(bytes(count, 8));
  return {
    x: float64(n * d),
    labels: new Int32Array(bytes(n, 4)),
    closest: float64(n),
    upper: float64(n),
    lower: float64(n),
    centres: float64(k * d),
    candidates: float64(trials * d),
    moves: float64(2 * k + 1),
    blockSums: float64(blocks * k * d),
    blockCounts: float64(blocks * k),
    blockScalars: float64(blocks * trials),
    control: new Int32Array(bytes(2, 4)),
  };
}

/** Runs one pass on one block of rows. */
function runBlock(op: Op, shape: KMeansShape, a: KMeansArrays, block: number): void {
  const rows: BlockRows = { block, start: block * BLOCK_ROWS, end: Math.min(shape.n, (block + 1) * BLOCK_ROWS), distance: squaredDistanceFor(shape.d) };
  switch (op) {
    case Op.seedFirst:
      return seedFirst(shape, a, rows);
    case Op.evaluateCandidates:
      return evaluateCandidates(shape, a, rows);
    case Op.assignSeeded:
      return assignSeeded(shape, a, rows);
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
    const b = Atomics.add(a.control, 0, 1);
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

function seedFirst(shape: KMeansShape, { x, labels, candidates, closest, lower, blockScalars }: KMeansArrays, { block, start, end, distance }: BlockRows): void {
  const { d } = shape;
  let sum = 0;
  for (let i = start; i < end; i++) {
    const v = distance(x, i * d, candidates, 0);
    closest[i] = v;
    lower[i] = Infinity;
    labels[i] = 0;
    sum += v;
  }
  blockScalars[block * scalarStride(shape)] = sum;
}

/**
 * Adds centre control[1] (unless -1) to the block's nearest and second-nearest chosen centres. The pass after
 * each k-means++ choice does this, so that choosing costs no pass of its own.
 */
function addPendingCentre({ d }: KMeansShape, { x, centres, labels, closest, lower, control }: KMeansArrays, start: number, end: number): void {
  const centre = control[1];
  if (centre >= 0) addCentreFor(d)(x, centres, centre * d, centre, labels, closest, lower, start, end);
}

/** Sums of one group of candidates, kept here so that passes allocate nothing. */
const groupSums = new Float64Array(4);

/**
 * The potential of each candidate on the block, four candidates per pass over the rows (a short group
 * repeats its last candidate and drops the extra sums); the first pass adds the pending centre on the way.
 */
function evaluateCandidates(shape: KMeansShape, a: KMeansArrays, { block, start, end }: BlockRows): void {
  const { d, trials } = shape;
  const { x, candidates, closest, blockScalars, centres, labels, lower, control } = a;
  const pending = control[1];
  const out = block * scalarStride(shape);
  const last = trials - 1;
  for (let first = 0; first < trials; first += 4) {
    const group = Math.min(4, trials - first);
    const rows = (t: number) => Math.min(first + t, last) * d;
    if (first === 0 && pending >= 0) {
      addCentreAndPotentialsFor(d)(x, candidates, closest, start, end, rows(0), rows(1), rows(2), rows(3), groupSums, centres, pending * d, pending, labels, lower);
    } else candidatePotentialsFor(d)(x, candidates, closest, start, end, rows(0), rows(1), rows(2), rows(3), groupSums);
    for (let t = 0; t < group; t++) blockScalars[out + first + t] = groupSums[t];
  }
}

/** First assignment, after adding the last chosen centre. The cumulative moves are zero here, so bounds are stored as they are. */
function assignSeeded(shape: KMeansShape, a: KMeansArrays, { block, start, end }: BlockRows): void {
  const { d, k } = shape;
  const { x, labels, closest, upper, lower, blockSums, blockCounts } = a;
  addPendingCentre(shape, a, start, end);
  const sumOffset = block * k * d;
  const countOffset = block * k;
  blockSums.fill(0, sumOffset, sumOffset + k * d);
  blockCounts.fill(0, countOffset, countOffset + k);
  for (let i = start; i < end; i++) {
    const xo = i * d;
    const label = labels[i];
    upper[i] = Math.sqrt(closest[i]);
    lower[i] = Math.sqrt(lower[i]);
    blockCounts[countOffset + label]++;
    const so = sumOffset + label * d;
    for (let j = 0; j < d; j++) blockSums[so + j] += x[xo + j];
  }
}

/** [distance to the nearest centre, distance to the second-nearest] from the last full scan of a row. */
const nearest = new Float64Array(2);

/**
 * Hamerly (2010): a row keeps its label when the upper bound on the distance to its centre is no more than
 * either the lower bound on the distance to any other centre or half the distance from its centre to the
 * nearest other centre. Only rows failing the test are measured again, first against their own centre, then
 * against all. Bounds are stored net of the centres' cumulative moves (`moves`), so rows that pass cost no
 * writes. The block's cluster sums and counts are kept up to date by moving only the rows that changed
 * cluster.
 */
function assignBounded(shape: KMeansShape, a: KMeansArrays, { block, start, end, distance }: BlockRows): void {
  const { d, k } = shape;
  const { x, centres, labels, upper, lower, moves, blockSums, blockCounts, blockScalars } = a;
  const sumOffset = block * k * d;
  const countOffset = block * k;
  const drift = moves[2 * k];
  const nearestCentres = nearestCentresFor(d);
  let changed = 0;
  for (let i = start; i < end; i++) {
    const label = labels[i];
    const up = upper[i] + moves[label];
    const low = lower[i] - drift;
    const halfGap = moves[k + label];
    if (up <= halfGap || up <= low) continue;
    const xo = i * d;
    const own = distance(x, xo, centres, label * d);
    const tight = Math.sqrt(own);
    if (tight <= halfGap || tight <= low) {
      upper[i] = tight - moves[label];
      continue;
    }
    const next = nearestCentres(x, xo, centres, k, label, own, nearest);
    upper[i] = nearest[0] - moves[next];
    lower[i] = nearest[1] + drift;
    if (next !== label) {
      changed++;
      labels[i] = next;
      blockCounts[countOffset + label]--;
      blockCounts[countOffset + next]++;
      const from = sumOffset + label * d;
      const to = sumOffset + next * d;
      for (let j = 0; j < d; j++) {
        blockSums[from + j] -= x[xo + j];
        blockSums[to + j] += x[xo + j];
      }
    }
  }
  blockScalars[block * scalarStride(shape)] = changed;
}

function inertia(shape: KMeansShape, { x, centres, labels, blockScalars }: KMeansArrays, { block, start, end, distance }: BlockRows): void {
  const { d } = shape;
  let sum = 0;
  for (let i = start; i < end; i++) sum += distance(x, i * d, centres, labels[i] * d);
  blockScalars[block * scalarStride(shape)] = sum;
}
