/**
 * k-means clustering on row-major n x d matrices, following scikit-learn's KMeans: greedy k-means++ seeding,
 * Lloyd iterations on mean-centred data, tolerance relative to the mean feature variance, empty clusters
 * re-seeded from the points farthest from their centres, best of nInit runs by inertia.
 *
 * Lloyd iterations use Hamerly's bounds, so once centres settle most rows are not measured again; labels are
 * those of plain Lloyd. Passes run over blocks of rows (kmeans-kernels.ts), on worker threads for large
 * inputs; partial sums are reduced in block order, so a seed gives the same result on any number of threads.
 */
import { availableParallelism } from 'node:os';
import { allocateArrays, BLOCK_ROWS, blockCount, Op, runAllBlocks, scalarStride, type KMeansArrays, type KMeansShape } from './kmeans-kernels.js';
import { squaredDistanceFor } from './kmeans-compiled.js';
import { mortonRanks } from './kmeans-order.js';
import { withKMeansWorkers } from './kmeans-pool.js';
import { createRng, sampleIndices, type Rng } from './random.js';

export interface KMeansOptions {
  k: number;
  /** Independent seedings; the run with the lowest inertia wins. */
  nInit?: number;
  /**
   * More seedings after the first nInit while the best inertia is rare: stop once the best has been reached
   * `confirmations` times, or after `maxInit` seedings in all. On small inputs a single run is cheap while
   * the best solution may come from one seeding in hundreds (restartBudget picks maxInit).
   */
  untilConfirmed?: { maxInit: number; confirmations: number };
  maxIterations?: number;
  /** Convergence threshold on the total squared centre shift, relative to the mean feature variance. */
  tol?: number;
  seed?: number;
  /**
   * Worker threads for the passes over the data; 1 runs on the calling thread. Default: one per available
   * core from PARALLEL_MIN_ROWS rows, else 1. Results do not depend on it.
   */
  threads?: number;
}

export interface KMeansResult {
  /** k x d centroids, row-major. */
  centroids: Float64Array;
  labels: Int32Array;
  /** Sum of squared distances of points to their centroid. */
  inertia: number;
  iterations: number;
  k: number;
  d: number;
  /** Seedings run. */
  runs: number;
  /** Seedings whose inertia equalled the best (within a relative 1e-9). */
  bestRuns: number;
}

/** Below this many rows k-means runs on the calling thread by default: starting workers would cost more. */
const PARALLEL_MIN_ROWS = 50_000;

/**
 * From this many rows k-means works on the rows in Morton order (kmeans-order.ts), which makes its passes
 * faster; labels are returned in the caller's order. Results still depend only on the data and the seed.
 */
export const SPATIAL_ORDER_MIN_ROWS = 50_000;

function checkShape(data: Float64Array, n: number, d: number): void {
  if (!Number.isInteger(n) || !Number.isInteger(d) || n < 1 || d < 1 || data.length !== n * d) {
    throw new RangeError(`k-means: data length ${data.length} does not match n=${n} x d=${d}`);
  }
}

interface Problem {
  shape: KMeansShape;
  arrays: KMeansArrays;
  mean: Float64Array;
  /** Row i of the caller's data is row position[i] of the working data, or null when rows keep their order. */
  position: Int32Array | null;
  /** Tolerance on the total squared centre shift. */
  tolerance: number;
  nInit: number;
  maxInit: number;
  confirmations: number;
  maxIterations: number;
  seed: number;
}

function prepare(data: Float64Array, n: number, d: number, options: KMeansOptions, shared: boolean): Problem {
  checkShape(data, n, d);
  const { k, nInit = 1, maxIterations = 300, tol = 1e-4, seed = 0, untilConfirmed } = options;
  if (!Number.isInteger(k) || k < 1 || k > n) throw new RangeError(`k-means: k must be in [1, n], got ${k}`);
  const shape: KMeansShape = { n, d, k, trials: 2 + Math.floor(Math.log(k)), blocks: blockCount(n) };
  const arrays = allocateArrays(shape, shared);
  // Work on centred data, as scikit-learn does, for precision of the sums.
  const mean = new Float64Array(d);
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) mean[j] += data[i * d + j];
  for (let j = 0; j < d; j++) mean[j] /= n;
  const position = n >= SPATIAL_ORDER_MIN_ROWS ? mortonRanks(data, n, d) : null;
  const { x } = arrays;
  let totalVariance = 0;
  for (let i = 0; i < n; i++) {
    const r = position ? position[i] : i;
    for (let j = 0; j < d; j++) {
      const v = data[i * d + j] - mean[j];
      x[r * d + j] = v;
      totalVariance += v * v;
    }
  }
  const runs = Math.max(1, nInit);
  return {
    shape,
    arrays,
    mean,
    position,
    tolerance: (tol * totalVariance) / n / d,
    nInit: runs,
    maxInit: Math.max(runs, untilConfirmed?.maxInit ?? runs),
    confirmations: untilConfirmed?.confirmations ?? 0,
    maxIterations,
    seed,
  };
}

function defaultThreads(n: number): number {
  return n >= PARALLEL_MIN_ROWS ? availableParallelism() : 1;
}

/** k-means; large inputs are split over worker threads (see KMeansOptions.threads). */
export async function kmeans(data: Float64Array, n: number, d: number, options: KMeansOptions): Promise<KMeansResult> {
  const threads = options.threads ?? defaultThreads(n);
  if (!Number.isInteger(threads) || threads < 1) throw new RangeError(`k-means: threads must be a positive integer, got ${threads}`);
  // More threads than blocks of rows would have nothing to do.
  if (Math.min(threads, blockCount(n)) === 1) return kmeansSync(data, n, d, options);
  const problem = prepare(data, n, d, options, true);
  return withKMeansWorkers(Math.min(threads, problem.shape.blocks), problem.shape, problem.arrays, async (runPass) => {
    const steps = fit(problem);
    for (let step = steps.next(); ; step = steps.next()) {
      if (step.done) return step.value;
      await runPass(step.value);
    }
  });
}

/** k-means on the calling thread, for small inputs and synchronous callers. */
export function kmeansSync(data: Float64Array, n: number, d: number, options: KMeansOptions): KMeansResult {
  const problem = prepare(data, n, d, options, false);
  const steps = fit(problem);
  for (let step = steps.next(); ; step = steps.next()) {
    if (step.done) return step.value;
    runAllBlocks(step.value, problem.shape, problem.arrays);
  }
}

/**
 * The whole fit as a sequence of passes: yields each pass to run over all blocks and resumes once it is
 * done, so the same steps drive the synchronous path and the worker threads.
 */
function* fit(problem: Problem): Generator<Op, KMeansResult, void> {
  const { shape, arrays, mean } = problem;
  const { d, k } = shape;
  const rng = createRng(problem.seed);
  let best: KMeansResult | null = null;
  let run = 0;
  while (run < problem.nInit || (run < problem.maxInit && (best as KMeansResult).bestRuns < problem.confirmations)) {
    run++;
    yield* seedCentres(shape, arrays, rng);
    const { inertia, iterations } = yield* lloyd(shape, arrays, problem.maxIterations, problem.tolerance);
    // Equal inertias up to rounding are the same solution reached again.
    if (best !== null && Math.abs(inertia - best.inertia) <= 1e-9 * best.inertia) best.bestRuns++;
    else if (best === null || inertia < best.inertia) {
      best = { centroids: Float64Array.from(arrays.centres), labels: Int32Array.from(arrays.labels), inertia, iterations, k, d, runs: 0, bestRuns: 1 };
    }
  }
  const result = best as KMeansResult;
  result.runs = run;
  for (let c = 0; c < k; c++) for (let j = 0; j < d; j++) result.centroids[c * d + j] += mean[j];
  const { position } = problem;
  if (position) result.labels = Int32Array.from(position, (r) => result.labels[r]);
  return result;
}

/** Sum of one per-block scalar over all blocks, in block order. */
function sumBlocks(shape: KMeansShape, blockScalars: Float64Array, column: number): number {
  const stride = scalarStride(shape);
  let sum = 0;
  for (let b = 0; b < shape.blocks; b++) sum += blockScalars[b * stride + column];
  return sum;
}

/**
 * Greedy k-means++ (scikit-learn's variant): at each step try 2 + floor(ln k) candidates, keep the best.
 * Each row's nearest and second-nearest chosen centres are tracked on the way, for the first assignment of
 * the Lloyd iterations; a chosen centre is added to them by the next pass.
 */
function* seedCentres(shape: KMeansShape, arrays: KMeansArrays, rng: Rng): Generator<Op, void, void> {
  const { n, d, k, trials, blocks } = shape;
  const { x, centres, candidates, blockScalars, control } = arrays;
  const stride = scalarStride(shape);
  const first = rng.int(n);
  centres.set(x.subarray(first * d, first * d + d), 0);
  candidates.set(x.subarray(first * d, first * d + d), 0);
  yield Op.seedFirst;
  const blockPotentials = new Float64Array(blocks);
  for (let b = 0; b < blocks; b++) blockPotentials[b] = blockScalars[b * stride];
  let potential = sumBlocks(shape, blockScalars, 0);
  control[1] = -1;
  for (let c = 1; c < k; c++) {
    for (let t = 0; t < trials; t++) {
      const id = sampleByPotential(shape, arrays, blockPotentials, rng.next() * potential);
      candidates.set(x.subarray(id * d, id * d + d), t * d);
    }
    yield Op.evaluateCandidates;
    let bestPotential = Infinity;
    let bestTrial = 0;
    for (let t = 0; t < trials; t++) {
      const p = sumBlocks(shape, blockScalars, t);
      if (p < bestPotential) {
        bestPotential = p;
        bestTrial = t;
      }
    }
    centres.set(candidates.subarray(bestTrial * d, bestTrial * d + d), c * d);
    for (let b = 0; b < blocks; b++) blockPotentials[b] = blockScalars[b * stride + bestTrial];
    potential = bestPotential;
    control[1] = c;
  }
}

/**
 * Row drawn with probability proportional to its squared distance to the nearest chosen centre: the first
 * row whose cumulative sum reaches `value` (numpy searchsorted, side='left'), the cumulative sum taken block
 * by block as the potentials were. Counts the centre not yet added to `closest` (control[1]).
 */
function sampleByPotential({ n, d }: KMeansShape, { x, centres, closest, control }: KMeansArrays, blockPotentials: Float64Array, value: number): number {
  const pending = control[1];
  const distance = squaredDistanceFor(d);
  let before = 0;
  for (let b = 0; b < blockPotentials.length; b++) {
    if (before + blockPotentials[b] >= value) {
      const start = b * BLOCK_ROWS;
      const end = Math.min(n, start + BLOCK_ROWS);
      let running = 0;
      for (let i = start; i < end; i++) {
        const current = closest[i];
        const v = pending >= 0 ? distance(x, i * d, centres, pending * d) : current;
        running += v < current ? v : current;
        if (before + running >= value) return i;
      }
      return end - 1;
    }
    before += blockPotentials[b];
  }
  return n - 1;
}

function* lloyd(shape: KMeansShape, arrays: KMeansArrays, maxIterations: number, tolerance: number): Generator<Op, { inertia: number; iterations: number }, void> {
  const { n, d, k, blocks } = shape;
  const { centres, blockSums, blockCounts, blockScalars } = arrays;
  const sums = new Float64Array(k * d);
  const counts = new Float64Array(k);
  arrays.moves.fill(0);
  let iterations = 0;
  let strictConvergence = false;
  while (iterations < maxIterations) {
    iterations++;
    yield iterations === 1 ? Op.assignSeeded : Op.assignBounded;
    const changed = iterations === 1 ? n : sumBlocks(shape, blockScalars, 0);
    sums.fill(0);
    counts.fill(0);
    for (let b = 0; b < blocks; b++) {
      for (let e = 0; e < k * d; e++) sums[e] += blockSums[b * k * d + e];
      for (let c = 0; c < k; c++) counts[c] += blockCounts[b * k + c];
    }
    relocateEmptyClusters(shape, arrays, sums, counts);
    const shift = moveCentres(shape, arrays, sums, counts);
    if (changed === 0) {
      strictConvergence = true;
      break;
    }
    if (shift <= tolerance) break;
  }
  // Centres moved after the last assignment unless labels were stable: assign once more for consistency.
  if (!strictConvergence) yield Op.assignBounded;
  yield Op.inertia;
  return { inertia: sumBlocks(shape, blockScalars, 0), iterations };
}

/**
 * New centres = cluster means; adds for Hamerly's bounds how far each centre moved and the largest move,
 * and records half the distance from each centre to its nearest other. Returns the total squared shift.
 */
function moveCentres({ d, k }: KMeansShape, { centres, moves }: KMeansArrays, sums: Float64Array, counts: Float64Array): number {
  let shift = 0;
  let largest = 0;
  for (let c = 0; c < k; c++) {
    let moved = 0;
    for (let j = 0; j < d; j++) {
      const next = sums[c * d + j] / counts[c];
      const delta = next - centres[c * d + j];
      moved += delta * delta;
      centres[c * d + j] = next;
    }
    shift += moved;
    const step = Math.sqrt(moved);
    moves[c] += step;
    if (step > largest) largest = step;
  }
  moves[2 * k] += largest;
  const distance = squaredDistanceFor(d);
  for (let c = 0; c < k; c++) {
    let nearest = Infinity;
    for (let o = 0; o < k; o++) if (o !== c) nearest = Math.min(nearest, distance(centres, c * d, centres, o * d));
    moves[k + c] = Math.sqrt(nearest) / 2;
  }
  return shift;
}

/**
 * Gives each empty cluster one of the points farthest from their centre in the last assignment
 * (scikit-learn's rule; ties go to the lower row), moving it out of its cluster's sums.
 */
function relocateEmptyClusters({ n, d, k }: KMeansShape, { x, centres, labels }: KMeansArrays, sums: Float64Array, counts: Float64Array): void {
  const empty: number[] = [];
  for (let c = 0; c < k; c++) if (counts[c] === 0) empty.push(c);
  if (empty.length === 0) return;
  const distances = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < d; j++) {
      const v = x[i * d + j] - centres[labels[i] * d + j];
      s += v * v;
    }
    distances[i] = s;
  }
  const taken = new Uint8Array(n);
  for (const c of empty) {
    let i = -1;
    for (let r = 0; r < n; r++) if (!taken[r] && (i < 0 || distances[r] > distances[i])) i = r;
    taken[i] = 1;
    const from = labels[i];
    const o = i * d;
    for (let j = 0; j < d; j++) {
      sums[from * d + j] -= x[o + j];
      sums[c * d + j] = x[o + j];
    }
    counts[from]--;
    counts[c] = 1;
  }
}

/**
 * Row x centre x feature products that seedings may add up to: about a second of work for 10,000 rows
 * (50 seedings at k = 8 on 3 features), 2,500 seedings on 200 rows, and no extra seeding from about
 * 100,000 rows on. A work measure rather than a clock, so a seed always gives the same segments.
 */
const RESTART_WORK_BUDGET = 1.2e7;

/**
 * Most seedings worth running on an n x d input at this k: as many as the work budget allows, from
 * `minimum` up to `cap`. Small inputs get hundreds, a million rows gets `minimum`.
 */
export function restartBudget(n: number, d: number, k: number, minimum: number, cap = 5000): number {
  return Math.max(minimum, Math.min(cap, Math.floor(RESTART_WORK_BUDGET / (n * d * k))));
}

export interface SilhouetteOptions {
  /** Evaluate on a random subset of this many points (all points when omitted or larger than n). */
  sampleSize?: number;
  seed?: number;
}

/**
 * Mean silhouette coefficient (Euclidean). With a sample, distances are computed within the sample only,
 * as scikit-learn's silhouette_score(sample_size=...) does. NaN when fewer than two clusters are present.
 */
export function silhouetteScore(data: Float64Array, n: number, d: number, labels: Int32Array, options: SilhouetteOptions = {}): number {
  checkShape(data, n, d);
  const { sampleSize = n, seed = 0 } = options;
  const rows = sampleSize >= n ? Int32Array.from({ length: n }, (_, i) => i) : sampleIndices(n, sampleSize, createRng(seed));
  const m = rows.length;
  let k = 0;
  for (let s = 0; s < m; s++) k = Math.max(k, labels[rows[s]] + 1);
  const counts = new Float64Array(k);
  for (let s = 0; s < m; s++) counts[labels[rows[s]]]++;
  let present = 0;
  for (let c = 0; c < k; c++) if (counts[c] > 0) present++;
  if (present < 2) return NaN;
  const sums = new Float64Array(k);
  let total = 0;
  for (let s = 0; s < m; s++) {
    sums.fill(0);
    const o = rows[s] * d;
    for (let t = 0; t < m; t++) {
      if (t === s) continue;
      const p = rows[t] * d;
      let sq = 0;
      for (let j = 0; j < d; j++) {
        const v = data[o + j] - data[p + j];
        sq += v * v;
      }
      sums[labels[rows[t]]] += Math.sqrt(sq);
    }
    const own = labels[rows[s]];
    if (counts[own] < 2) continue; // singleton clusters score 0
    const a = sums[own] / (counts[own] - 1);
    let b = Infinity;
    for (let c = 0; c < k; c++) if (c !== own && counts[c] > 0) b = Math.min(b, sums[c] / counts[c]);
    const denominator = Math.max(a, b);
    if (denominator > 0) total += (b - a) / denominator;
  }
  return total / m;
}

export interface KSuggestionOptions {
  kMin?: number;
  kMax?: number;
  /** Points used for both fitting and scoring each k. */
  sampleSize?: number;
  nInit?: number;
  seed?: number;
}

export interface KSuggestion {
  /** k with the highest silhouette. */
  k: number;
  candidates: Array<{ k: number; inertia: number; silhouette: number }>;
}

/** Inertia (for an elbow plot) and silhouette for each k in [kMin, kMax], computed on a sample. */
export function suggestK(data: Float64Array, n: number, d: number, options: KSuggestionOptions = {}): KSuggestion {
  checkShape(data, n, d);
  const { kMin = 2, kMax = 10, sampleSize = 2000, nInit = 3, seed = 0 } = options;
  const rows = sampleSize >= n ? Int32Array.from({ length: n }, (_, i) => i) : sampleIndices(n, sampleSize, createRng(seed));
  const m = rows.length;
  const sample = new Float64Array(m * d);
  for (let s = 0; s < m; s++) sample.set(data.subarray(rows[s] * d, rows[s] * d + d), s * d);
  const candidates: KSuggestion['candidates'] = [];
  let bestK = Math.max(1, kMin);
  let bestSilhouette = -Infinity;
  for (let k = Math.max(1, kMin); k <= Math.min(kMax, m); k++) {
    const fit = kmeansSync(sample, m, d, { k, nInit, seed });
    const silhouette = silhouetteScore(sample, m, d, fit.labels);
    candidates.push({ k, inertia: fit.inertia, silhouette });
    if (silhouette > bestSilhouette) {
      bestSilhouette = silhouette;
      bestK = k;
    }
  }
  return { k: bestK, candidates };
}
