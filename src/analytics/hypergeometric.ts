import { lgamma } from './special.js';

const EPS = 1e-16;
const MAX_TERMS = 1_000_000;

function isNonPositiveInteger(v: number): boolean {
  return v <= 0 && Number.isInteger(v);
}

/** Plain Maclaurin series; converges for |z| < 1 (terminates when a or b is a non-positive integer). */
function series(a: number, b: number, c: number, z: number): number {
  let term = 1;
  let sum = 1;
  let small = 0;
  for (let n = 0; n < MAX_TERMS; n++) {
    term *= (((a + n) * (b + n)) / ((c + n) * (n + 1))) * z;
    sum += term;
    if (term === 0) return sum;
    // Two consecutive negligible terms: guards against a term that is small only by accident.
    if (Math.abs(term) <= EPS * Math.abs(sum)) {
      if (++small >= 2) return sum;
    } else {
      small = 0;
    }
  }
  throw new Error(`hyp2f1: series did not converge (a=${a}, b=${b}, c=${c}, z=${z})`);
}

/** sign * exp(sum lgamma(num) - sum lgamma(den)); 0 when a denominator sits on a pole. */
function gammaRatio(num: number[], den: number[]): number {
  let logValue = 0;
  let sign = 1;
  for (const v of den) {
    if (isNonPositiveInteger(v)) return 0;
    logValue -= lgamma(v);
    if (v < 0 && Math.floor(v) % 2 !== 0) sign = -sign;
  }
  for (const v of num) {
    logValue += lgamma(v);
    if (v < 0 && Math.floor(v) % 2 !== 0) sign = -sign;
  }
  return sign * Math.exp(logValue);
}

/** Series on [0, 1), using Euler's transform when it makes the terms decay faster. */
function seriesWithEuler(a: number, b: number, c: number, z: number): number {
  const s = c - a - b;
  if (s < 0 && !isNonPositiveInteger(a) && !isNonPositiveInteger(b)) {
    // 2F1(a,b;c;z) = (1-z)^(c-a-b) 2F1(c-a,c-b;c;z); terms decay like n^(c-a-b-1) instead of n^(a+b-c-1).
    return Math.pow(1 - z, s) * series(c - a, c - b, c, z);
  }
  return series(a, b, c, z);
}

/** Connection formula around z = 1 (valid when c - a - b is not an integer). */
function aroundOne(a: number, b: number, c: number, z: number): number {
  const s = c - a - b;
  const w = 1 - z;
  const first = gammaRatio([c, s], [c - a, c - b]) * series(a, b, 1 - s, w);
  const second = gammaRatio([c, -s], [a, b]) * Math.pow(w, s) * series(c - a, c - b, 1 + s, w);
  return first + second;
}

/**
 * Gauss hypergeometric function 2F1(a, b; c; z) for real arguments and z <= 1.
 * Negative z goes through Pfaff's transform to (0, 1); z close to 1 uses the connection formula
 * when c - a - b is safely non-integer, otherwise the (Euler-transformed) series.
 */
export function hyp2f1(a: number, b: number, c: number, z: number): number {
  if (isNonPositiveInteger(c)) throw new RangeError(`hyp2f1: c must not be a non-positive integer (c=${c})`);
  if (!(z <= 1)) throw new RangeError(`hyp2f1: z must be <= 1 (z=${z})`);
  if (z === 0 || a === 0 || b === 0) return 1;
  if (z === 1) {
    const s = c - a - b;
    if (s <= 0) return Infinity;
    return gammaRatio([c, s], [c - a, c - b]);
  }
  if (z < 0) {
    // Pfaff: 2F1(a,b;c;z) = (1-z)^(-a) 2F1(a, c-b; c; z/(z-1)), with z/(z-1) in (0, 1).
    return Math.pow(1 - z, -a) * hyp2f1(a, c - b, c, z / (z - 1));
  }
  const s = c - a - b;
  const distanceToInteger = Math.abs(s - Math.round(s));
  if (z > 0.9 && distanceToInteger > 1e-2 && !isNonPositiveInteger(a) && !isNonPositiveInteger(b)) {
    return aroundOne(a, b, c, z);
  }
  return seriesWithEuler(a, b, c, z);
}
