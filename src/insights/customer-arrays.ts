/**
 * The per-customer figures an insight run fits its models on, as typed arrays with one slot per
 * customer: filled by the loader in run.ts, read by the pure fitting and scoring modules.
 */
export interface CustomerArrays {
  n: number;
  ids: string[];
  oldStage: (string | null)[];
  oldStageChangedAt: (string | null)[];
  /** The previous run's scores (NaN: not scored), for the threshold-crossing events. */
  oldScores: { p_alive: Float64Array; churn_risk: Float64Array; clv: Float64Array };
  age: Float64Array;
  income: Float64Array;
  firstDay: Float64Array;
  lastDay: Float64Array;
  /** Distinct purchase days; x = distinctDays - 1. */
  distinctDays: Int32Array;
  /** Counted orders in any currency. */
  orderCount: Int32Array;
  /** Counted orders in the business currency: the only ones whose amounts are summed. */
  moneyOrderCount: Int32Array;
  /** Spend in the business currency (amounts are never converted). */
  revenue: Float64Array;
  /** Spend in the business currency on days other than the first purchase day. */
  repeatSpend: Float64Array;
  /** Repeat purchase days with spend in the business currency (the Gamma-Gamma frequency). */
  moneyRepeatDays: Int32Array;
  /** As of the prediction cutoff (revenue in the business currency, as above). */
  cutOrderCount: Int32Array;
  cutRevenue: Float64Array;
  cutFirstDay: Float64Array;
  cutLastDay: Float64Array;
  /** Distinct purchase days up to the cutoff (the BG/NBD hold-out check's calibration histories). */
  cutDistinctDays: Int32Array;
  /** Bought after the cutoff (within the window up to the as-of day). */
  label: Uint8Array;
  /**
   * Feedback: the latest CSAT (1-5) and NPS (0-10) score, as of the as-of day and as known at the cutoff
   * (answered and last changed on or before it). NaN: none.
   */
  csat: Float64Array;
  nps: Float64Array;
  cutCsat: Float64Array;
  cutNps: Float64Array;
}

/** Arrays for `capacity` customers, unscored (NaN) where a figure may be missing. */
export function allocateCustomerArrays(capacity: number): CustomerArrays {
  const nan = (n: number) => new Float64Array(n).fill(NaN);
  return {
    n: 0,
    ids: [],
    oldStage: [],
    oldStageChangedAt: [],
    oldScores: { p_alive: nan(capacity), churn_risk: nan(capacity), clv: nan(capacity) },
    age: nan(capacity),
    income: nan(capacity),
    firstDay: nan(capacity),
    lastDay: nan(capacity),
    distinctDays: new Int32Array(capacity),
    orderCount: new Int32Array(capacity),
    moneyOrderCount: new Int32Array(capacity),
    revenue: new Float64Array(capacity),
    repeatSpend: new Float64Array(capacity),
    moneyRepeatDays: new Int32Array(capacity),
    cutOrderCount: new Int32Array(capacity),
    cutRevenue: new Float64Array(capacity),
    cutFirstDay: nan(capacity),
    cutLastDay: nan(capacity),
    cutDistinctDays: new Int32Array(capacity),
    label: new Uint8Array(capacity),
    csat: nan(capacity),
    nps: nan(capacity),
    cutCsat: nan(capacity),
    cutNps: nan(capacity),
  };
}
