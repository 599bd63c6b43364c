/**
 * Logistic regression with intercept and L2 penalty, fitted by Newton's method (IRLS) on standardised
 * features. The penalty (lambda / 2) * ||w||^2 applies to standardised slopes, never to the intercept.
 */
import { standardize } from './standardize.js';

export interface LogisticOptions {
  /** L2 strength on the summed log-loss; 0 gives plain maximum likelihood. */
  l2?: number;
  maxIterations?: number;
  /** Stop when the largest Newton step component is below this. */
  tolerance?: number;
}

export interface LogisticModel {
  /** Intercept and slopes in the original feature units. */
  intercept: number;
  coefficients: Float64Array;
  /** Slopes per standard deviation of each feature (comparable importance). */
  standardizedCoefficients: Float64Array;
  iterations: number;
  converged: boolean;
}

export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/** Fits on a row-major n x d feature matrix and 0/1 labels. */
export function fitLogistic(features: Float64Array, n: number, d: number, labels: ArrayLike<number>, options: LogisticOptions = {}): LogisticModel {
  const { l2 = 1, maxIterations = 100, tolerance = 1e-10 } = options;
  if (labels.length !== n) throw new RangeError('logistic: labels must have n entries');
  const { data: z, means, stds } = standardize(features, n, d);
  const m = d + 1; // parameter 0 is the intercept
  const beta = new Float64Array(m);
  const gradient = new Float64Array(m);
  const hessian = new Float64Array(m * m);
  const step = new Float64Array(m);
  const trial = new Float64Array(m);

  const objective = (b: Float64Array): number => {
    let loss = 0;
    for (let i = 0; i < n; i++) {
      let eta = b[0];
      for (let j = 0; j < d; j++) eta += b[j + 1] * z[i * d + j];
      // log(1 + e^eta) - y * eta, stable for large |eta|
      loss += (eta > 0 ? eta + Math.log1p(Math.exp(-eta)) : Math.log1p(Math.exp(eta))) - labels[i] * eta;
    }
    let penalty = 0;
    for (let j = 1; j < m; j++) penalty += b[j] * b[j];
    return loss + 0.5 * l2 * penalty;
  };

  let value = objective(beta);
  let iterations = 0;
  let converged = false;
  while (iterations < maxIterations && !converged) {
    iterations++;
    gradient.fill(0);
    hessian.fill(0);
    for (let i = 0; i < n; i++) {
      let eta = beta[0];
      for (let j = 0; j < d; j++) eta += beta[j + 1] * z[i * d + j];
      const p = sigmoid(eta);
      const residual = p - labels[i];
      const w = p * (1 - p);
      for (let j = 0; j < m; j++) {
        const zj = j === 0 ? 1 : z[i * d + j - 1];
        gradient[j] += residual * zj;
        for (let l = 0; l <= j; l++) hessian[j * m + l] += w * zj * (l === 0 ? 1 : z[i * d + l - 1]);
      }
    }
    for (let j = 1; j < m; j++) {
      gradient[j] += l2 * beta[j];
      hessian[j * m + j] += l2;
    }
    // Tiny ridge keeps the system solvable when the data are separable and l2 = 0.
    for (let j = 0; j < m; j++) hessian[j * m + j] += 1e-10;
    solveSymmetric(hessian, gradient, m, step);
    // Damped Newton: halve the step until the objective does not increase.
    let scale = 1;
    let next = value;
    for (let h = 0; h < 50; h++) {
      for (let j = 0; j < m; j++) trial[j] = beta[j] - scale * step[j];
      next = objective(trial);
      if (next <= value) break;
      scale /= 2;
    }
    if (!(next <= value)) break;
    let largest = 0;
    for (let j = 0; j < m; j++) largest = Math.max(largest, Math.abs(trial[j] - beta[j]));
    beta.set(trial);
    value = next;
    converged = largest < tolerance;
  }

  const coefficients = new Float64Array(d);
  let intercept = beta[0];
  for (let j = 0; j < d; j++) {
    coefficients[j] = beta[j + 1] / stds[j];
    intercept -= coefficients[j] * means[j];
  }
  return { intercept, coefficients, standardizedCoefficients: beta.slice(1), iterations, converged };
}

/** Solves A x = b for symmetric positive-definite A whose lower triangle is filled (Cholesky). */
function solveSymmetric(a: Float64Array, b: Float64Array, m: number, x: Float64Array): void {
  const l = new Float64Array(m * m);
  for (let j = 0; j < m; j++) {
    let diagonal = a[j * m + j];
    for (let k = 0; k < j; k++) diagonal -= l[j * m + k] * l[j * m + k];
    const root = Math.sqrt(Math.max(diagonal, 1e-300));
    l[j * m + j] = root;
    for (let i = j + 1; i < m; i++) {
      let s = a[i * m + j];
      for (let k = 0; k < j; k++) s -= l[i * m + k] * l[j * m + k];
      l[i * m + j] = s / root;
    }
  }
  for (let i = 0; i < m; i++) {
    let s = b[i];
    for (let k = 0; k < i; k++) s -= l[i * m + k] * x[k];
    x[i] = s / l[i * m + i];
  }
  for (let i = m - 1; i >= 0; i--) {
    let s = x[i];
    for (let k = i + 1; k < m; k++) s -= l[k * m + i] * x[k];
    x[i] = s / l[i * m + i];
  }
}

/** P(y = 1) for each row of a row-major n x d matrix. */
export function predictProbability(model: LogisticModel, features: Float64Array, n: number): Float64Array {
  const d = model.coefficients.length;
  if (features.length !== n * d) throw new RangeError('logistic: feature matrix does not match the model');
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let eta = model.intercept;
    for (let j = 0; j < d; j++) eta += model.coefficients[j] * features[i * d + j];
    out[i] = sigmoid(eta);
  }
  return out;
}
