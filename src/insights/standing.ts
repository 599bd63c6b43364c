/**
 * The scoring step of the insight run: one consistent standing per buyer. The BG/NBD fit is judged first
 * (bounds, repeat buyers, a hold-out period against a simpler model); only a reliable fit's figures are
 * used. Then per buyer: lifecycle stage (the fixed rule), P(alive) and churn risk (one figure, its
 * complement), expected purchases, purchase probability and CLV, all resting on the same P(alive), and the
 * reason in words.
 */
import {
  TIME_UNITS_PER_MONTH,
  assessBgNbdFit,
  assessStanding,
  churnReason,
  compareOnHoldout,
  conditionalExpectedAverageProfit,
  conditionalExpectedPurchases,
  lifecycleStage,
  populationPurchaseGap,
  probabilityAlive,
  probabilityOfPurchase,
  type BgNbdFit,
  type BgNbdReliability,
  type GammaGammaFit,
  type LifecycleStage,
  type ScoreBasis,
  type TimeUnit,
} from '../analytics/index.js';
import type { CustomerArrays } from './customer-arrays.js';

/** Per-buyer model inputs, in model time units (one slot per buyer, in the order of `buyers`). */
export interface BuyerHistories {
  /** Customer slot of each buyer. */
  buyers: number[];
  x: Float64Array;
  tx: Float64Array;
  T: Float64Array;
  /** Mean spend in the business currency per repeat purchase day with such spend (0 without). */
  m: Float64Array;
  /** Repeat purchase days with spend in the business currency: the Gamma-Gamma frequency of `m`. */
  mx: Float64Array;
}

/**
 * The verdict on the BG/NBD fit. The hold-out check refits on purchases up to the cutoff and compares each
 * customer's forecast for the rest of the period with their own past rate.
 */
export function judgeBgNbdFit(bg: BgNbdFit, a: CustomerArrays, h: BuyerHistories, endDay: number, cutoffDay: number, perUnit: number): BgNbdReliability {
  const slots: number[] = [];
  for (let i = 0; i < a.n; i++) if (a.cutDistinctDays[i] > 0) slots.push(i);
  const calibration = {
    frequency: Float64Array.from(slots, (i) => a.cutDistinctDays[i] - 1),
    recency: Float64Array.from(slots, (i) => (a.cutLastDay[i] - a.cutFirstDay[i]) / perUnit),
    age: Float64Array.from(slots, (i) => (cutoffDay - a.cutFirstDay[i]) / perUnit),
  };
  const actual = Float64Array.from(slots, (i) => a.distinctDays[i] - a.cutDistinctDays[i]);
  const holdout = compareOnHoldout(calibration, actual, (endDay - cutoffDay) / perUnit);
  let repeatBuyers = 0;
  let meanAge = 0;
  for (let b = 0; b < h.buyers.length; b++) {
    if (h.x[b] > 0) repeatBuyers++;
    meanAge += h.T[b] / h.buyers.length;
  }
  return assessBgNbdFit(bg, { customers: h.buyers.length, repeatBuyers, meanAge }, holdout);
}

export interface StandingOptions {
  endDay: number;
  timeUnit: TimeUnit;
  horizonDays: number;
  clvMonths: number;
  monthlyDiscountRate: number;
  activeDays: number;
  inactiveDays: number;
}

export interface Standings {
  stages: LifecycleStage[];
  pAlive: Float64Array;
  risk: Float64Array;
  expected: Float64Array;
  pPurchase: Float64Array;
  clv: Float64Array;
  basis: (ScoreBasis | null)[];
  usualGapDays: Float64Array;
  reasons: (string | null)[];
  populationGapDays: number;
  distinctHistories: number;
}

/**
 * Scores every customer. `bg` is used only when reliable; without it, P(alive) comes from the purchase
 * rhythm and the model's forecasts (expected purchases, purchase probability, CLV) are left empty.
 */
export function scoreStandings(a: CustomerArrays, h: BuyerHistories, bg: BgNbdFit | null, gg: GammaGammaFit | null, o: StandingOptions): Standings {
  const { endDay } = o;
  const perUnit = o.timeUnit === 'weeks' ? 7 : 1;
  const horizon = o.horizonDays / perUnit;
  const unitsPerMonth = TIME_UNITS_PER_MONTH[o.timeUnit];
  const nan = () => new Float64Array(a.n).fill(NaN);
  const s: Standings = {
    stages: new Array(a.n),
    pAlive: nan(),
    risk: nan(),
    expected: nan(),
    pPurchase: nan(),
    clv: nan(),
    basis: new Array(a.n).fill(null),
    usualGapDays: nan(),
    reasons: new Array(a.n).fill(null),
    populationGapDays: NaN,
    distinctHistories: 0,
  };
  const thresholds = { activeDays: o.activeDays, inactiveDays: o.inactiveDays };
  for (let i = 0; i < a.n; i++) s.stages[i] = lifecycleStage(a.distinctDays[i] > 0 ? a.lastDay[i] : null, endDay, thresholds);

  const spanDays = Float64Array.from(h.buyers, (i) => a.lastDay[i] - a.firstDay[i]);
  const repeats = Float64Array.from(h.buyers, (i) => a.distinctDays[i] - 1);
  let gap = populationPurchaseGap(repeats, spanDays);
  if (!Number.isFinite(gap)) gap = o.activeDays;
  s.populationGapDays = gap;

  // Model figures per distinct history: P(alive), expected purchases and purchase probability over the
  // horizon, and the discounted expected purchases per month over the CLV horizon.
  const cache = new Map<string, [number, number, number, number]>();
  const modelFigures = (params: BgNbdFit, b: number): [number, number, number, number] => {
    const key = `${h.x[b]}|${h.tx[b]}|${h.T[b]}`;
    let v = cache.get(key);
    if (!v) {
      let discounted = 0;
      let previous = 0;
      for (let month = 1; month <= o.clvMonths; month++) {
        const cumulative = conditionalExpectedPurchases(params, month * unitsPerMonth, h.x[b], h.tx[b], h.T[b]);
        discounted += (cumulative - previous) / Math.pow(1 + o.monthlyDiscountRate, month);
        previous = cumulative;
      }
      v = [
        probabilityAlive(params, h.x[b], h.tx[b], h.T[b]),
        conditionalExpectedPurchases(params, horizon, h.x[b], h.tx[b], h.T[b]),
        probabilityOfPurchase(params, horizon, h.x[b], h.tx[b], h.T[b]),
        discounted,
      ];
      cache.set(key, v);
    }
    return v;
  };

  h.buyers.forEach((i, b) => {
    const v = bg ? modelFigures(bg, b) : null;
    const daysSince = endDay - a.lastDay[i];
    const standing = assessStanding({ modelPAlive: v && repeats[b] > 0 ? v[0] : null, repeatPurchases: repeats[b], purchaseSpanDays: spanDays[b], daysSinceLastPurchase: daysSince }, gap);
    s.pAlive[i] = standing.pAlive;
    s.risk[i] = standing.risk;
    s.basis[i] = standing.basis;
    s.usualGapDays[i] = standing.usualGapDays;
    s.reasons[i] = churnReason({ basis: standing.basis, pAlive: standing.pAlive, daysSinceLastPurchase: daysSince, usualGapDays: standing.usualGapDays, stage: s.stages[i], ...thresholds }).slice(
      0,
      255,
    );
    if (v) {
      // The model's forecasts rest on its own P(alive); scaled to the P(alive) shown (the same for repeat
      // buyers; for one-time buyers, where the model assumes 100%, the rhythm's), so they tell one story.
      const scale = v[0] > 0 ? standing.pAlive / v[0] : 0;
      s.expected[i] = v[1] * scale;
      s.pPurchase[i] = v[2] * scale;
      // A value in the business currency needs spend in it: a customer who only buys in other currencies has none.
      if (gg && gg.q > 1 && a.moneyOrderCount[i] > 0) s.clv[i] = conditionalExpectedAverageProfit(gg, h.mx[b], h.m[b] > 0 ? h.m[b] : 0) * v[3] * scale;
    }
  });
  s.distinctHistories = cache.size;
  return s;
}
