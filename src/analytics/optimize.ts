/** Unconstrained minimisers. Models that need positive parameters optimise over their logarithms. */

export type Objective = (x: Float64Array) => number;
/** Returns f(x) and writes the gradient into `grad`. */
export type ValueAndGradient = (x: Float64Array, grad: Float64Array) => number;

export interface OptimizeResult {
  x: Float64Array;
  value: number;
  iterations: number;
  evaluations: number;
  converged: boolean;
}

export interface NelderMeadOptions {
  maxIterations?: number;
  /** Stop when every vertex is within this distance of the best (per coordinate). */
  xTolerance?: number;
  /** ...and every vertex value is within this of the best. */
  fTolerance?: number;
  /** Size of the initial simplex steps (relative for coordinates far from 0). */
  initialStep?: number;
  /** Restart from the best point until a restart stops improving, at most this many times. */
  restarts?: number;
}

/** Nelder-Mead simplex with adaptive coefficients (Gao & Han 2012) and restarts. */
export function nelderMead(f: Objective, x0: ArrayLike<number>, options: NelderMeadOptions = {}): OptimizeResult {
  const { maxIterations = 5000, xTolerance = 1e-10, fTolerance = 1e-12, initialStep = 0.1, restarts = 3 } = options;
  let best: Float64Array = Float64Array.from(x0);
  let bestValue = f(best);
  let evaluations = 1;
  let iterations = 0;
  let converged = false;
  for (let attempt = 0; attempt <= restarts; attempt++) {
    const run = nelderMeadRun(f, best, maxIterations, xTolerance, fTolerance, initialStep);
    evaluations += run.evaluations;
    iterations += run.iterations;
    converged = run.converged;
    const improvement = bestValue - run.value;
    if (run.value <= bestValue) {
      best = run.x;
      bestValue = run.value;
    }
    if (attempt > 0 && improvement <= fTolerance * Math.max(1, Math.abs(bestValue))) break;
  }
  return { x: best, value: bestValue, iterations, evaluations, converged };
}

function nelderMeadRun(f: Objective, start: Float64Array, maxIterations: number, xTolerance: number, fTolerance: number, initialStep: number): OptimizeResult {
  const n = start.length;
  const alpha = 1;
  const beta = 1 + 2 / n; // expansion
  const gammaC = 0.75 - 1 / (2 * n); // contraction
  const delta = 1 - 1 / n; // shrink
  const simplex: Float64Array[] = [];
  const values = new Float64Array(n + 1);
  for (let i = 0; i <= n; i++) {
    const v = Float64Array.from(start);
    if (i > 0) v[i - 1] += v[i - 1] !== 0 ? initialStep * Math.max(1, Math.abs(v[i - 1])) : initialStep;
    simplex.push(v);
    values[i] = f(v);
  }
  let evaluations = n + 1;
  const order = Array.from({ length: n + 1 }, (_, i) => i);
  const centroid = new Float64Array(n);
  const reflected = new Float64Array(n);
  const trial = new Float64Array(n);
  let iterations = 0;
  let converged = false;
  const at = (weight: number, out: Float64Array, worst: Float64Array): void => {
    for (let j = 0; j < n; j++) out[j] = centroid[j] + weight * (worst[j] - centroid[j]);
  };
  for (; iterations < maxIterations; iterations++) {
    order.sort((p, q) => values[p] - values[q]);
    const bestV = simplex[order[0]];
    let xSpread = 0;
    let fSpread = 0;
    for (let i = 1; i <= n; i++) {
      const v = simplex[order[i]];
      for (let j = 0; j < n; j++) xSpread = Math.max(xSpread, Math.abs(v[j] - bestV[j]));
      fSpread = Math.max(fSpread, Math.abs(values[order[i]] - values[order[0]]));
    }
    if (xSpread <= xTolerance && fSpread <= fTolerance) {
      converged = true;
      break;
    }
    centroid.fill(0);
    for (let i = 0; i < n; i++) {
      const v = simplex[order[i]];
      for (let j = 0; j < n; j++) centroid[j] += v[j] / n;
    }
    const worstIndex = order[n];
    const worst = simplex[worstIndex];
    at(-alpha, reflected, worst);
    const fr = f(reflected);
    evaluations++;
    if (fr < values[order[0]]) {
      at(-alpha * beta, trial, worst);
      const fe = f(trial);
      evaluations++;
      if (fe < fr) {
        worst.set(trial);
        values[worstIndex] = fe;
      } else {
        worst.set(reflected);
        values[worstIndex] = fr;
      }
      continue;
    }
    if (fr < values[order[n - 1]]) {
      worst.set(reflected);
      values[worstIndex] = fr;
      continue;
    }
    // Outside contraction if the reflection beat the worst point, inside contraction otherwise.
    const outside = fr < values[worstIndex];
    at(outside ? -alpha * gammaC : gammaC, trial, worst);
    const fc = f(trial);
    evaluations++;
    if (fc < (outside ? fr : values[worstIndex])) {
      worst.set(trial);
      values[worstIndex] = fc;
      continue;
    }
    for (let i = 1; i <= n; i++) {
      const v = simplex[order[i]];
      for (let j = 0; j < n; j++) v[j] = bestV[j] + delta * (v[j] - bestV[j]);
      values[order[i]] = f(v);
      evaluations++;
    }
  }
  let bestIndex = 0;
  for (let i = 1; i <= n; i++) if (values[i] < values[bestIndex]) bestIndex = i;
  return { x: Float64Array.from(simplex[bestIndex]), value: values[bestIndex], iterations, evaluations, converged };
}

/** Wraps an objective with central-difference gradients. */
export function numericalGradient(f: Objective, relativeStep = 1e-6): ValueAndGradient {
  return (x, grad) => {
    const probe = Float64Array.from(x);
    for (let i = 0; i < x.length; i++) {
      const h = relativeStep * Math.max(1, Math.abs(x[i]));
      probe[i] = x[i] + h;
      const up = f(probe);
      probe[i] = x[i] - h;
      const down = f(probe);
      probe[i] = x[i];
      grad[i] = (up - down) / (2 * h);
    }
    return f(x);
  };
}

export interface LbfgsOptions {
  maxIterations?: number;
  /** Stop when the largest gradient component is below this. */
  gradientTolerance?: number;
  /** Stop when the relative decrease of f in one step is below this. */
  fTolerance?: number;
  /** Number of correction pairs kept. */
  memory?: number;
}

/** Limited-memory BFGS with a strong-Wolfe line search. */
export function lbfgs(fg: ValueAndGradient, x0: ArrayLike<number>, options: LbfgsOptions = {}): OptimizeResult {
  const { maxIterations = 500, gradientTolerance = 1e-8, fTolerance = 1e-15, memory = 8 } = options;
  const n = x0.length;
  const x = Float64Array.from(x0);
  const g = new Float64Array(n);
  let value = fg(x, g);
  let evaluations = 1;
  const sList: Float64Array[] = [];
  const yList: Float64Array[] = [];
  const rho: number[] = [];
  const direction = new Float64Array(n);
  const alphas = new Float64Array(memory);
  const xNew = new Float64Array(n);
  const gNew = new Float64Array(n);
  let iterations = 0;
  let converged = maxAbs(g) <= gradientTolerance;
  while (!converged && iterations < maxIterations) {
    iterations++;
    // Two-loop recursion: direction = -H g
    for (let i = 0; i < n; i++) direction[i] = -g[i];
    for (let k = sList.length - 1; k >= 0; k--) {
      alphas[k] = rho[k] * dot(sList[k], direction);
      axpy(-alphas[k], yList[k], direction);
    }
    if (sList.length > 0) {
      const last = sList.length - 1;
      scale(direction, dot(sList[last], yList[last]) / dot(yList[last], yList[last]));
    } else {
      scale(direction, 1 / Math.max(1, maxAbs(g)));
    }
    for (let k = 0; k < sList.length; k++) {
      const beta = rho[k] * dot(yList[k], direction);
      axpy(alphas[k] - beta, sList[k], direction);
    }
    let slope = dot(g, direction);
    if (!(slope < 0)) {
      // Not a descent direction (curvature information went stale): fall back to steepest descent.
      sList.length = yList.length = rho.length = 0;
      for (let i = 0; i < n; i++) direction[i] = -g[i] / Math.max(1, maxAbs(g));
      slope = dot(g, direction);
    }
    const search = wolfeLineSearch(fg, x, value, direction, slope, xNew, gNew);
    evaluations += search.evaluations;
    if (!search.ok) break;
    const s = new Float64Array(n);
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      s[i] = xNew[i] - x[i];
      y[i] = gNew[i] - g[i];
    }
    const sy = dot(s, y);
    const previous = value;
    x.set(xNew);
    g.set(gNew);
    value = search.value;
    if (sy > 1e-12 * Math.sqrt(dot(s, s) * dot(y, y))) {
      if (sList.length === memory) {
        sList.shift();
        yList.shift();
        rho.shift();
      }
      sList.push(s);
      yList.push(y);
      rho.push(1 / sy);
    }
    if (maxAbs(g) <= gradientTolerance) converged = true;
    else if (previous - value <= fTolerance * Math.max(1, Math.abs(value))) converged = true;
  }
  return { x, value, iterations, evaluations, converged };
}

interface LineSearchResult {
  ok: boolean;
  value: number;
  evaluations: number;
}

/** Strong Wolfe conditions (Nocedal & Wright, algorithms 3.5 and 3.6) with bisection-safeguarded interpolation. */
function wolfeLineSearch(fg: ValueAndGradient, x: Float64Array, f0: number, d: Float64Array, slope0: number, xOut: Float64Array, gOut: Float64Array): LineSearchResult {
  const c1 = 1e-4;
  const c2 = 0.9;
  let evaluations = 0;
  const evaluate = (step: number): { f: number; slope: number } => {
    for (let i = 0; i < x.length; i++) xOut[i] = x[i] + step * d[i];
    const f = fg(xOut, gOut);
    evaluations++;
    return { f, slope: Number.isFinite(f) ? dot(gOut, d) : NaN };
  };
  const zoom = (lo: number, fLo: number, slopeLo: number, hi: number, fHi: number): LineSearchResult => {
    for (let k = 0; k < 60; k++) {
      // Quadratic interpolation from (lo, fLo, slopeLo) and (hi, fHi), kept inside the middle of the bracket.
      const width = hi - lo;
      const denominator = 2 * (fHi - fLo - slopeLo * width);
      let step = denominator > 0 ? lo - (slopeLo * width * width) / denominator : lo + 0.5 * width;
      const margin = 0.1 * Math.abs(width);
      if (!(step > Math.min(lo, hi) + margin && step < Math.max(lo, hi) - margin)) step = lo + 0.5 * width;
      const trial = evaluate(step);
      if (!Number.isFinite(trial.f) || trial.f > f0 + c1 * step * slope0 || trial.f >= fLo) {
        hi = step;
        fHi = Number.isFinite(trial.f) ? trial.f : Infinity;
      } else {
        if (Math.abs(trial.slope) <= -c2 * slope0) return { ok: true, value: trial.f, evaluations };
        if (trial.slope * (hi - lo) >= 0) {
          hi = lo;
          fHi = fLo;
        }
        lo = step;
        fLo = trial.f;
        slopeLo = trial.slope;
      }
      if (Math.abs(hi - lo) < 1e-16 * Math.max(1, Math.abs(lo))) break;
    }
    // Bracket collapsed: accept the best point found if it decreased f.
    if (lo > 0) {
      const final = evaluate(lo);
      return { ok: final.f < f0, value: final.f, evaluations };
    }
    return { ok: false, value: f0, evaluations };
  };
  let previousStep = 0;
  let previousF = f0;
  let previousSlope = slope0;
  let step = 1;
  for (let k = 0; k < 50; k++) {
    const trial = evaluate(step);
    if (!Number.isFinite(trial.f) || trial.f > f0 + c1 * step * slope0 || (k > 0 && trial.f >= previousF)) {
      return zoom(previousStep, previousF, previousSlope, step, Number.isFinite(trial.f) ? trial.f : Infinity);
    }
    if (Math.abs(trial.slope) <= -c2 * slope0) return { ok: true, value: trial.f, evaluations };
    if (trial.slope >= 0) return zoom(step, trial.f, trial.slope, previousStep, previousF);
    previousStep = step;
    previousF = trial.f;
    previousSlope = trial.slope;
    step *= 2;
  }
  return { ok: false, value: f0, evaluations };
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

function axpy(alpha: number, x: Float64Array, y: Float64Array): void {
  for (let i = 0; i < y.length; i++) y[i] += alpha * x[i];
}

function scale(x: Float64Array, factor: number): void {
  for (let i = 0; i < x.length; i++) x[i] *= factor;
}

function maxAbs(x: Float64Array): number {
  let m = 0;
  for (let i = 0; i < x.length; i++) m = Math.max(m, Math.abs(x[i]));
  return m;
}
