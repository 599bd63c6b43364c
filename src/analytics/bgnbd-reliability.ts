/**
 * Is a BG/NBD fit fit to be shown? A fit can converge and still be useless: on a small shop the optimiser
 * may drive a towards 0 and b towards infinity (nobody ever drops out, so P(alive) is 100% for everyone),
 * or the data may hold too few repeat buyers to pin four parameters down. Three checks, each explained in
 * words: parameters inside sane bounds, enough repeat buyers, and forecasts on a hold-out period that beat
 * a simpler model (each customer's own past rate). A fit that fails any check is unreliable; the insight
 * run then falls back to the purchase rhythm and keeps the model's figures out of rankings.
 */
import { conditionalExpectedPurchases, fitBgNbd, type BgNbdFit, type BgNbdParams } from './bgnbd.js';

/** Fewer repeat buyers than this cannot pin down four parameters. */
const MIN_REPEAT_BUYERS = 30;
/** r, a and b outside [low, high] (and alpha outside that range times the mean customer age) mark a degenerate fit. */
const PARAMETER_BOUNDS = { low: 1e-3, high: 1e3 } as const;
/** A hold-out period with fewer customers than this is not evaluated. */
const MIN_HOLDOUT_CUSTOMERS = 20;
/** Larger populations are judged on an evenly spread sample of this many customers (the verdict needs no more). */
export const MAX_HOLDOUT_CUSTOMERS = 100_000;

export interface PurchaseHistories {
  /** Repeat purchases x. */
  frequency: ArrayLike<number>;
  /** Time of the last purchase since the first, t_x. */
  recency: ArrayLike<number>;
  /** Time since the first purchase, T. */
  age: ArrayLike<number>;
}

export interface HoldoutComparison {
  customers: number;
  /** Length of the hold-out period in model time units. */
  length: number;
  actual_purchases: number;
  bgnbd_predicted: number;
  baseline_predicted: number;
  /** Mean squared error per customer of the purchases predicted in the hold-out period. */
  bgnbd_mse: number;
  baseline_mse: number;
  baseline: string;
  params: BgNbdParams | null;
}

interface ReliabilityCheck {
  passed: boolean | null;
  detail: string;
}

export interface BgNbdReliability {
  reliable: boolean;
  /** Why the fit is unreliable, in words (empty when reliable). */
  reasons: string[];
  checks: { converged: ReliabilityCheck; parameters: ReliabilityCheck; repeat_buyers: ReliabilityCheck; holdout: ReliabilityCheck };
  holdout: HoldoutComparison | null;
}

const fmt = (v: number) => (Math.abs(v) >= 1000 || (Math.abs(v) < 0.01 && v !== 0) ? v.toExponential(1) : String(Math.round(v * 1000) / 1000));

/**
 * Fits BG/NBD on the calibration histories and compares its forecasts of each customer's purchases in the
 * hold-out period with the simpler model's (their own past rate, x / T, times the period's length).
 */
export function compareOnHoldout(all: PurchaseHistories, allActual: ArrayLike<number>, length: number): HoldoutComparison | null {
  if (all.frequency.length < MIN_HOLDOUT_CUSTOMERS || !(length > 0)) return null;
  const { histories: calibration, actual } = evenSample(all, allActual, MAX_HOLDOUT_CUSTOMERS);
  const n = calibration.frequency.length;
  let repeat = 0;
  for (let i = 0; i < n; i++) if (calibration.frequency[i] > 0) repeat++;
  let params: BgNbdFit | null = null;
  if (repeat > 0) {
    try {
      params = fitBgNbd(calibration.frequency, calibration.recency, calibration.age);
    } catch {
      params = null;
    }
  }
  let actualTotal = 0;
  let bgTotal = 0;
  let baseTotal = 0;
  let bgSq = 0;
  let baseSq = 0;
  const cache = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const x = calibration.frequency[i];
    const tx = calibration.recency[i];
    const T = calibration.age[i];
    let bg = NaN;
    if (params) {
      const key = `${x}|${tx}|${T}`;
      // A fit the maths cannot evaluate (a pole, an overflow) predicts nothing: the check then fails.
      bg = cache.get(key) ?? safely(() => conditionalExpectedPurchases(params!, length, x, tx, T));
      cache.set(key, bg);
    }
    const base = T > 0 ? (x / T) * length : 0;
    const y = actual[i];
    actualTotal += y;
    bgTotal += bg;
    baseTotal += base;
    bgSq += (bg - y) ** 2;
    baseSq += (base - y) ** 2;
  }
  return {
    customers: n,
    length,
    actual_purchases: actualTotal,
    bgnbd_predicted: bgTotal,
    baseline_predicted: baseTotal,
    bgnbd_mse: bgSq / n,
    baseline_mse: baseSq / n,
    baseline: "each customer's own past rate (repeat purchases / time since first purchase)",
    params: params ? { r: params.r, alpha: params.alpha, a: params.a, b: params.b } : null,
  };
}

function safely(compute: () => number): number {
  try {
    return compute();
  } catch (error) {
    if (error instanceof RangeError) return NaN;
    throw error;
  }
}

/** Every k-th customer, so that at most `max` remain (all of them when there are fewer). */
function evenSample(h: PurchaseHistories, actual: ArrayLike<number>, max: number): { histories: PurchaseHistories; actual: ArrayLike<number> } {
  const n = h.frequency.length;
  if (n <= max) return { histories: h, actual };
  const pick = (v: ArrayLike<number>) => Float64Array.from({ length: max }, (_, k) => v[Math.floor((k * n) / max)]);
  return { histories: { frequency: pick(h.frequency), recency: pick(h.recency), age: pick(h.age) }, actual: pick(actual) };
}

/** The verdict on a fit, from the fit itself, the population and (when one could be run) the hold-out comparison. */
export function assessBgNbdFit(fit: BgNbdFit, population: { customers: number; repeatBuyers: number; meanAge: number }, holdout: HoldoutComparison | null): BgNbdReliability {
  const { low, high } = PARAMETER_BOUNDS;
  const reasons: string[] = [];

  const converged: ReliabilityCheck = fit.converged ? { passed: true, detail: 'the fit converged' } : { passed: false, detail: 'the fit did not converge' };
  if (!converged.passed) reasons.push(converged.detail);

  const outside: string[] = [];
  for (const name of ['r', 'a', 'b'] as const) if (!(fit[name] >= low && fit[name] <= high)) outside.push(`${name} = ${fmt(fit[name])}`);
  const ageScale = Math.max(population.meanAge, 1e-9);
  if (!(fit.alpha >= low * ageScale && fit.alpha <= high * ageScale)) outside.push(`alpha = ${fmt(fit.alpha)}`);
  const dropout = fit.a / (fit.a + fit.b);
  let parameters: ReliabilityCheck;
  if (outside.length > 0) {
    const noDropout = dropout < 1e-3 ? ': the model sees almost no customer ever leaving, so it would call everyone 100% still a customer' : '';
    parameters = { passed: false, detail: `degenerate fit, parameters at the bounds (${outside.join(', ')})${noDropout}` };
    reasons.push(parameters.detail);
  } else parameters = { passed: true, detail: `parameters within bounds (r = ${fmt(fit.r)}, alpha = ${fmt(fit.alpha)}, a = ${fmt(fit.a)}, b = ${fmt(fit.b)})` };

  const repeat_buyers: ReliabilityCheck =
    population.repeatBuyers >= MIN_REPEAT_BUYERS
      ? { passed: true, detail: `${population.repeatBuyers} repeat buyers of ${population.customers}` }
      : { passed: false, detail: `too few repeat buyers: ${population.repeatBuyers} of ${population.customers} customers bought more than once (at least ${MIN_REPEAT_BUYERS} are needed)` };
  if (!repeat_buyers.passed) reasons.push(repeat_buyers.detail);

  let holdoutCheck: ReliabilityCheck;
  if (!holdout) holdoutCheck = { passed: null, detail: 'not evaluated: too few customers before the hold-out period' };
  else if (!holdout.params || !Number.isFinite(holdout.bgnbd_mse)) {
    holdoutCheck = { passed: false, detail: 'the model could not be fitted on the data before the hold-out period' };
    reasons.push(holdoutCheck.detail);
  } else if (holdout.bgnbd_mse < holdout.baseline_mse) {
    holdoutCheck = { passed: true, detail: `on the hold-out period the model's error (${fmt(holdout.bgnbd_mse)}) is below the simpler model's (${fmt(holdout.baseline_mse)})` };
  } else {
    holdoutCheck = {
      passed: false,
      detail: `no better than a simpler model on the hold-out period (mean squared error ${fmt(holdout.bgnbd_mse)} vs ${fmt(holdout.baseline_mse)} for ${holdout.baseline})`,
    };
    reasons.push(holdoutCheck.detail);
  }
  return { reliable: reasons.length === 0, reasons, checks: { converged, parameters, repeat_buyers, holdout: holdoutCheck }, holdout };
}
