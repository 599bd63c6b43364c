/** Small seeded pseudo-random generator (mulberry32) so that analytics are reproducible. */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
}

export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n: number) => Math.floor(next() * n) };
}

/** Standard normal draw (Box-Muller). */
export function normalDraw(rng: Rng): number {
  let u = rng.next();
  while (u === 0) u = rng.next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.next());
}

/** k distinct indices from [0, n) in random order (partial Fisher-Yates). */
export function sampleIndices(n: number, k: number, rng: Rng): Int32Array {
  const m = Math.min(n, k);
  const pool = new Int32Array(n);
  for (let i = 0; i < n; i++) pool[i] = i;
  for (let i = 0; i < m; i++) {
    const j = i + rng.int(n - i);
    const tmp = pool[i];
    pool[i] = pool[j];
    pool[j] = tmp;
  }
  return pool.slice(0, m);
}

/** Gamma(shape, scale = 1) draw (Marsaglia & Tsang 2000). */
export function gammaDraw(shape: number, rng: Rng): number {
  if (shape < 1) {
    // Boost: Gamma(k) = Gamma(k + 1) * U^(1/k)
    let u = rng.next();
    while (u === 0) u = rng.next();
    return gammaDraw(shape + 1, rng) * Math.pow(u, 1 / shape);
  }
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let z: number;
    let v: number;
    do {
      z = normalDraw(rng);
      v = 1 + c * z;
    } while (v <= 0);
    v = v * v * v;
    const u = rng.next();
    if (u < 1 - 0.0331 * z ** 4 || Math.log(u) < 0.5 * z * z + d * (1 - v + Math.log(v))) return d * v;
  }
}

/** Beta(a, b) draw from two gamma draws. */
export function betaDraw(a: number, b: number, rng: Rng): number {
  const x = gammaDraw(a, rng);
  return x / (x + gammaDraw(b, rng));
}
