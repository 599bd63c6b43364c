/** Gamma-family special functions used by the probabilistic models. */

// Lanczos approximation, g = 7, n = 9 (relative error around 1e-15).
const LANCZOS_G = 7;
const LANCZOS_COEF = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];
const LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

/** Natural log of |Gamma(x)|. */
export function lgamma(x: number): number {
  if (x < 0.5) {
    // Reflection: Gamma(x) Gamma(1 - x) = pi / sin(pi x)
    return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - lgamma(1 - x);
  }
  const y = x - 1;
  let sum = LANCZOS_COEF[0];
  for (let i = 1; i < LANCZOS_COEF.length; i++) sum += LANCZOS_COEF[i] / (y + i);
  const t = y + LANCZOS_G + 0.5;
  return LOG_SQRT_2PI + (y + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** Gamma(x) with its sign; Infinity at the poles 0, -1, -2, ... */
export function gamma(x: number): number {
  if (x <= 0 && Number.isInteger(x)) return Infinity;
  const sign = x > 0 || Math.floor(x) % 2 === 0 ? 1 : -1;
  return sign * Math.exp(lgamma(x));
}

/** Digamma psi(x) = d/dx ln Gamma(x). */
export function digamma(x: number): number {
  let result = 0;
  if (x <= 0) {
    // Reflection: psi(1 - x) - psi(x) = pi cot(pi x)
    return digamma(1 - x) - Math.PI / Math.tan(Math.PI * x);
  }
  while (x < 12) {
    result -= 1 / x;
    x += 1;
  }
  const inv = 1 / x;
  const inv2 = inv * inv;
  // Asymptotic expansion with Bernoulli-number coefficients.
  result += Math.log(x) - 0.5 * inv - inv2 * (1 / 12 - inv2 * (1 / 120 - inv2 * (1 / 252 - inv2 * (1 / 240 - inv2 * (1 / 132)))));
  return result;
}
