/**
 * k-means clustering on row-major n x d matrices, following scikit-learn's KMeans: greedy k-means++ seeding,
 * Lloyd iterations on mean-centred data, tolerance relative to the mean feature variance, empty clusters
 * re-seeded from the points farthest from their centres, best of nInit runs by inertia.
 */
import { createRng, sampleIndices, type Rng } from './random.js';

export interface KMeansOptions {
  k: number;
  /** Independent seedings; the run with the lowest inertia wins. */
  nInit?: number;
  maxIterations?: number;
  /** Convergence threshold on the total squared centre shift, relative to the mean feature variance. */
  tol?: number;
  seed?: number;
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
}

function checkShape(data: Float64Array, n: number, d: number): void {
  if (!Number.isInteger(n) || !Number.isInteger(d) || n < 1 || d < 1 || data.length !== n * d) {
    throw new RangeError(`k-means: data length ${data.length} does not match n=${n} x d=${d}`);
  }
}

export function kmeans(data: Float64Array, n: number, d: number, options: KMeansOptions): KMeansResult {
  checkShape(data, n, d);
  const { k, nInit = 1, maxIterations = 300, tol = 1e-4, seed = 0 } = options;
  if (!Number.isInteger(k) || k < 1 || k > n) throw new RangeError(`k-means: k must be in [1, n], got ${k}`);

  // Work on centred data for numerical precision of the ||x||^2 - 2 x.c + ||c||^2 expansion.
  const mean = new Float64Array(d);
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) mean[j] += data[i * d + j];
  for (let j = 0; j < d; j++) mean[j] /= n;
  const x = new Float64Array(n * d);
  const norms = new Float64Array(n);
  let totalVariance = 0;
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < d; j++) {
      const v = data[i * d + j] - mean[j];
      x[i * d + j] = v;
      s += v * v;
    }
    norms[i] = s;
    totalVariance += s;
  }
  const tolerance = (tol * totalVariance) / n / d;

  const rng = createRng(seed);
  let best: KMeansResult | null = null;
  for (let run = 0; run < Math.max(1, nInit); run++) {
    const centres = kmeansPlusPlus(x, norms, n, d, k, rng);
    const result = lloyd(x, norms, n, d, k, centres, maxIterations, tolerance);
    if (best === null || result.inertia < best.inertia) best = result;
  }
  const result = best as KMeansResult;
  for (let c = 0; c < k; c++) for (let j = 0; j < d; j++) result.centroids[c * d + j] += mean[j];
  return result;
}

/** Squared distances from point `row` to every point, written into `out`. */
function distancesTo(x: Float64Array, norms: Float64Array, n: number, d: number, row: number, out: Float64Array): void {
  const offset = row * d;
  const rowNorm = norms[row];
  for (let i = 0; i < n; i++) {
    let dotProduct = 0;
    const o = i * d;
    for (let j = 0; j < d; j++) dotProduct += x[o + j] * x[offset + j];
    const v = norms[i] - 2 * dotProduct + rowNorm;
    out[i] = v > 0 ? v : 0;
  }
}

/** Greedy k-means++ (scikit-learn's variant): at each step try 2 + floor(ln k) candidates, keep the best. */
function kmeansPlusPlus(x: Float64Array, norms: Float64Array, n: number, d: number, k: number, rng: Rng): Float64Array {
  const centres = new Float64Array(k * d);
  const trials = 2 + Math.floor(Math.log(k));
  const first = rng.int(n);
  centres.set(x.subarray(first * d, first * d + d), 0);
  const closest = new Float64Array(n);
  distancesTo(x, norms, n, d, first, closest);
  let potential = 0;
  for (let i = 0; i < n; i++) potential += closest[i];
  const cumulative = new Float64Array(n);
  const candidate = new Float64Array(n);
  const bestDistances = new Float64Array(n);
  for (let c = 1; c < k; c++) {
    let running = 0;
    for (let i = 0; i < n; i++) {
      running += closest[i];
      cumulative[i] = running;
    }
    let bestPotential = Infinity;
    let bestId = 0;
    for (let t = 0; t < trials; t++) {
      const id = Math.min(searchSortedLeft(cumulative, rng.next() * potential), n - 1);
      distancesTo(x, norms, n, d, id, candidate);
      let p = 0;
      for (let i = 0; i < n; i++) {
        if (candidate[i] > closest[i]) candidate[i] = closest[i];
        p += candidate[i];
      }
      if (p < bestPotential) {
        bestPotential = p;
        bestId = id;
        bestDistances.set(candidate);
      }
    }
    centres.set(x.subarray(bestId * d, bestId * d + d), c * d);
    closest.set(bestDistances);
    potential = bestPotential;
  }
  return centres;
}

/** First index i with sorted[i] >= value (numpy searchsorted, side='left'). */
function searchSortedLeft(sorted: Float64Array, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

interface AssignmentBuffers {
  labels: Int32Array;
  distances: Float64Array;
  centreNorms: Float64Array;
}

/** Nearest-centre assignment; returns the inertia and fills labels and squared distances. */
function assign(x: Float64Array, norms: Float64Array, n: number, d: number, k: number, centres: Float64Array, buffers: AssignmentBuffers): number {
  const { labels, distances, centreNorms } = buffers;
  for (let c = 0; c < k; c++) {
    let s = 0;
    for (let j = 0; j < d; j++) s += centres[c * d + j] * centres[c * d + j];
    centreNorms[c] = s;
  }
  let inertia = 0;
  for (let i = 0; i < n; i++) {
    const o = i * d;
    let best = Infinity;
    let label = 0;
    for (let c = 0; c < k; c++) {
      const co = c * d;
      let dotProduct = 0;
      for (let j = 0; j < d; j++) dotProduct += x[o + j] * centres[co + j];
      const v = centreNorms[c] - 2 * dotProduct;
      if (v < best) {
        best = v;
        label = c;
      }
    }
    labels[i] = label;
    const dist = norms[i] + best;
    distances[i] = dist > 0 ? dist : 0;
    inertia += distances[i];
  }
  return inertia;
}

function lloyd(
  x: Float64Array,
  norms: Float64Array,
  n: number,
  d: number,
  k: number,
  initial: Float64Array,
  maxIterations: number,
  tolerance: number,
): KMeansResult {
  let centres: Float64Array = initial;
  let next: Float64Array = new Float64Array(k * d);
  const counts = new Float64Array(k);
  const buffers: AssignmentBuffers = { labels: new Int32Array(n), distances: new Float64Array(n), centreNorms: new Float64Array(k) };
  const previousLabels = new Int32Array(n).fill(-1);
  let iterations = 0;
  let strictConvergence = false;
  while (iterations < maxIterations) {
    iterations++;
    assign(x, norms, n, d, k, centres, buffers);
    const { labels, distances } = buffers;
    next.fill(0);
    counts.fill(0);
    for (let i = 0; i < n; i++) {
      const c = labels[i];
      counts[c]++;
      const o = i * d;
      const co = c * d;
      for (let j = 0; j < d; j++) next[co + j] += x[o + j];
    }
    relocateEmptyClusters(x, n, d, k, labels, distances, next, counts);
    let shift = 0;
    for (let c = 0; c < k; c++) {
      const co = c * d;
      for (let j = 0; j < d; j++) {
        next[co + j] /= counts[c];
        const delta = next[co + j] - centres[co + j];
        shift += delta * delta;
      }
    }
    [centres, next] = [next, centres];
    let unchanged = true;
    for (let i = 0; i < n; i++) {
      if (labels[i] !== previousLabels[i]) {
        unchanged = false;
        break;
      }
    }
    if (unchanged) {
      strictConvergence = true;
      break;
    }
    if (shift <= tolerance) break;
    previousLabels.set(labels);
  }
  // Centres moved after the last assignment unless labels were stable: assign once more for consistency.
  const inertia = strictConvergence
    ? inertiaFor(x, n, d, centres, buffers.labels)
    : assign(x, norms, n, d, k, centres, buffers);
  return { centroids: Float64Array.from(centres), labels: buffers.labels, inertia, iterations, k, d };
}

function inertiaFor(x: Float64Array, n: number, d: number, centres: Float64Array, labels: Int32Array): number {
  let inertia = 0;
  for (let i = 0; i < n; i++) {
    const o = i * d;
    const co = labels[i] * d;
    for (let j = 0; j < d; j++) {
      const v = x[o + j] - centres[co + j];
      inertia += v * v;
    }
  }
  return inertia;
}

/** Gives each empty cluster one of the points farthest from its current centre (scikit-learn's rule). */
function relocateEmptyClusters(
  x: Float64Array,
  n: number,
  d: number,
  k: number,
  labels: Int32Array,
  distances: Float64Array,
  sums: Float64Array,
  counts: Float64Array,
): void {
  const empty: number[] = [];
  for (let c = 0; c < k; c++) if (counts[c] === 0) empty.push(c);
  if (empty.length === 0) return;
  const farthest = Array.from({ length: n }, (_, i) => i)
    .sort((p, q) => distances[q] - distances[p])
    .slice(0, empty.length);
  empty.forEach((c, e) => {
    const i = farthest[e];
    const from = labels[i];
    const o = i * d;
    for (let j = 0; j < d; j++) {
      sums[from * d + j] -= x[o + j];
      sums[c * d + j] = x[o + j];
    }
    counts[from]--;
    counts[c] = 1;
  });
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
    const fit = kmeans(sample, m, d, { k, nInit, seed });
    const silhouette = silhouetteScore(sample, m, d, fit.labels);
    candidates.push({ k, inertia: fit.inertia, silhouette });
    if (silhouette > bestSilhouette) {
      bestSilhouette = silhouette;
      bestK = k;
    }
  }
  return { k: bestK, candidates };
}
