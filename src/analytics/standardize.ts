/** Column z-scoring for row-major n x d matrices, keeping means and standard deviations to map results back. */

export interface Standardized {
  data: Float64Array;
  means: Float64Array;
  /** Population standard deviations; constant columns get 1 so they map to 0. */
  stds: Float64Array;
}

/** Z-scores each column of a row-major n x d matrix. */
export function standardize(data: Float64Array, n: number, d: number): Standardized {
  if (data.length !== n * d || n < 1) throw new RangeError(`standardize: data length ${data.length} does not match n=${n} x d=${d}`);
  const means = new Float64Array(d);
  const stds = new Float64Array(d);
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) means[j] += data[i * d + j];
  for (let j = 0; j < d; j++) means[j] /= n;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++) {
      const v = data[i * d + j] - means[j];
      stds[j] += v * v;
    }
  }
  for (let j = 0; j < d; j++) stds[j] = Math.sqrt(stds[j] / n) || 1;
  const out = new Float64Array(n * d);
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) out[i * d + j] = (data[i * d + j] - means[j]) / stds[j];
  return { data: out, means, stds };
}

/** Maps standardised rows (e.g. centroids) back to original units. */
export function unstandardize(rows: Float64Array, d: number, means: Float64Array, stds: Float64Array): Float64Array {
  const out = new Float64Array(rows.length);
  for (let i = 0; i < rows.length; i++) out[i] = rows[i] * stds[i % d] + means[i % d];
  return out;
}
