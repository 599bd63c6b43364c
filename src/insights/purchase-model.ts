/**
 * The purchase-probability model: logistic regression on what each customer had done by a cutoff day,
 * labelled by whether they bought again in the window after it, evaluated on a held-out fifth against a
 * recency-only baseline.
 *
 * Every feature of a training row is computed from orders on or before the cutoff, plus age and income,
 * which orders do not change. The customer's segment is not a feature: today's segments are computed from
 * today's figures, including the very purchases the model is asked to predict, so a segment indicator
 * leaks the label. /api/predict uses a segment to describe a typical member instead (predict.ts).
 */
import { evaluateBinary, fitLogistic, predictProbability, type BinaryEvaluation } from '../analytics/index.js';
import { heldOutSplit } from '../analytics/split.js';
import { isoOfDay } from './db.js';
import type { CustomerArrays } from './customer-arrays.js';

/** Inputs of the model, in order; also the query parameters of /api/predict besides `segment`. */
export const purchaseFeatures = ['age', 'income', 'order_count', 'revenue', 'purchase_frequency', 'days_since_last_order', 'days_since_first_order'] as const;
type PurchaseFeature = (typeof purchaseFeatures)[number];

/**
 * Feedback inputs (the latest CSAT and NPS score known at the cutoff; see customer-arrays.ts), tried
 * beside the others on the same split and kept only when they raise the held-out AUC by
 * `feedbackMinGain`: a churn signal where unhappy customers leave, noise where they do not.
 */
const feedbackFeatures = ['last_csat', 'last_nps'] as const;
const feedbackMinGain = 0.01;
const modelFeatures = [...purchaseFeatures, ...feedbackFeatures];

/** How a feature reads in a sentence ("no customer has an income"). */
const featureNouns: Record<(typeof modelFeatures)[number], string> = {
  age: 'an age',
  income: 'an income',
  order_count: 'an order count',
  revenue: 'a revenue',
  purchase_frequency: 'a purchase frequency',
  days_since_last_order: 'a last order',
  days_since_first_order: 'a first order',
  last_csat: 'a CSAT answer',
  last_nps: 'an NPS answer',
};

/** Days per month, as customers' purchase_frequency (orders per month) counts them. */
const monthDays = 365.25 / 12;

/**
 * One customer's features as of `day` (modelFeatures, in order) into out[o..]: from the orders and
 * feedback on or before the cutoff ('cutoff', for training) or up to the as-of day ('end', for today's
 * scores). NaN = unknown.
 */
function purchaseFeatureRow(a: CustomerArrays, i: number, asOf: 'cutoff' | 'end', day: number, out: Float64Array, o = 0): void {
  const cut = asOf === 'cutoff';
  const count = cut ? a.cutOrderCount[i] : a.orderCount[i];
  const first = cut ? a.cutFirstDay[i] : a.firstDay[i];
  const last = cut ? a.cutLastDay[i] : a.lastDay[i];
  out[o] = a.age[i];
  out[o + 1] = a.income[i];
  out[o + 2] = count;
  out[o + 3] = cut ? a.cutRevenue[i] : a.revenue[i];
  out[o + 4] = count > 0 ? count / Math.max(1, (day - first) / monthDays) : NaN;
  out[o + 5] = count > 0 ? day - last : NaN;
  out[o + 6] = count > 0 ? day - first : NaN;
  out[o + 7] = cut ? a.cutCsat[i] : a.csat[i];
  out[o + 8] = cut ? a.cutNps[i] : a.nps[i];
}

interface PurchaseTrainingSet {
  /** Customer slots (indexes into the arrays), one per row. */
  customers: number[];
  /** Row-major features as of the cutoff, modelFeatures.length per row; NaN = unknown. */
  x: Float64Array;
  /** 1 = bought after the cutoff, within the window. */
  y: Uint8Array;
}

/** Training rows: every customer who had bought by the cutoff, described as of the cutoff. */
function purchaseTrainingSet(a: CustomerArrays, cutoffDay: number): PurchaseTrainingSet {
  const d = modelFeatures.length;
  const customers: number[] = [];
  for (let i = 0; i < a.n; i++) if (a.cutOrderCount[i] > 0) customers.push(i);
  const x = new Float64Array(customers.length * d);
  const y = new Uint8Array(customers.length);
  customers.forEach((i, r) => {
    purchaseFeatureRow(a, i, 'cutoff', cutoffDay, x, r * d);
    y[r] = a.label[i];
  });
  return { customers, x, y };
}

export interface IgnoredInput {
  name: string;
  reason: string;
}

/** What the evaluation says about the model, from its held-out AUC and the recency baseline's. */
export type PurchaseModelQuality = 'strong' | 'useful' | 'weak' | 'no better than guessing' | 'no better than recency alone';

export function purchaseModelQuality(auc: number | null, baselineAuc: number | null): PurchaseModelQuality | null {
  if (auc === null) return null;
  if (auc < 0.6) return 'no better than guessing';
  if (baselineAuc !== null && auc <= baselineAuc) return 'no better than recency alone';
  return auc >= 0.8 ? 'strong' : auc >= 0.7 ? 'useful' : 'weak';
}

export interface PurchaseModelOutcome {
  params: Record<string, unknown> | null;
  metrics: Record<string, unknown>;
  /** Today's probability per customer slot (NaN for customers who never bought). */
  scores: Float64Array | null;
}

function median(values: number[]): number {
  if (values.length === 0) return NaN;
  values.sort((p, q) => p - q);
  const mid = values.length >> 1;
  return values.length % 2 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
}

/** A stable pseudo-random number in [0, 1) from a customer id, for the held-out split. */
function idHash(id: string): number {
  let h = 2166136261;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  // Mixed (MurmurHash3's finaliser) so that ids made one after another, which differ only in their
  // last characters, still land on both sides of the split.
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) / 4294967296;
}

const finite = (v: number): number | null => (Number.isFinite(v) ? v : null);

/** The stored shape of a held-out evaluation. */
function evaluationRecord(e: BinaryEvaluation) {
  return {
    auc: finite(e.auc),
    brier: finite(e.brier),
    log_loss: finite(e.logLoss),
    calibration: e.calibration.map((b) => ({ count: b.count, mean_predicted: b.meanPredicted, observed_rate: b.observedRate })),
  };
}

/** Columns of a row-major matrix, rows in the given order. */
function pick(src: Float64Array, d: number, rows: number[], columns: number[]): Float64Array {
  const out = new Float64Array(rows.length * columns.length);
  rows.forEach((r, k) => columns.forEach((j, c) => (out[k * columns.length + c] = src[r * d + j])));
  return out;
}

export function trainPurchaseModel(a: CustomerArrays, endDay: number, cutoffDay: number): PurchaseModelOutcome {
  const names = modelFeatures;
  const d = names.length;
  const { customers, x, y } = purchaseTrainingSet(a, cutoffDay);
  const n = customers.length;
  const raw = x.slice();
  const cutoff = isoOfDay(cutoffDay).slice(0, 10);
  const metrics: Record<string, unknown> = { population: n, cutoff, window_days: endDay - cutoffDay };
  if (n < 20) return { params: null, metrics: { ...metrics, skipped: 'fewer than 20 customers had bought by the cutoff' }, scores: null };
  let positives = 0;
  for (let r = 0; r < n; r++) positives += y[r];
  if (positives === 0 || positives === n) return { params: null, metrics: { ...metrics, skipped: 'every customer in the window has the same outcome' }, scores: null };
  // Medians of the training population impute missing values, here and in /api/predict. A feature no
  // customer has, or that is the same for everyone, cannot move the prediction: it is left out, and said so.
  const medians: number[] = [];
  const ignored: IgnoredInput[] = [];
  const ranges: Record<string, { min: number; max: number }> = {};
  const imputed: Record<string, number> = {};
  const keep: number[] = [];
  for (let j = 0; j < d; j++) {
    const present: number[] = [];
    for (let r = 0; r < n; r++) if (!Number.isNaN(x[r * d + j])) present.push(x[r * d + j]);
    const m = median(present);
    medians.push(Number.isFinite(m) ? m : 0);
    imputed[names[j]] = n - present.length;
    for (let r = 0; r < n; r++) if (Number.isNaN(x[r * d + j])) x[r * d + j] = medians[j];
    if (present.length === 0) {
      ignored.push({ name: names[j], reason: `no customer has ${featureNouns[names[j]]} (of the ${n} who had bought by ${cutoff})` });
      continue;
    }
    const min = present[0];
    const max = present[present.length - 1];
    if (min === max) {
      ignored.push({ name: names[j], reason: `every customer who had bought by ${cutoff} has the same value (${min})` });
      continue;
    }
    ranges[names[j]] = { min, max };
    keep.push(j);
  }
  const { trainRows, testRows } = heldOutSplit(
    customers.map((i) => idHash(a.ids[i])),
    y,
    0.2,
  );
  const yTrain = Uint8Array.from(trainRows, (r) => y[r]);
  const yTest = Uint8Array.from(testRows, (r) => y[r]);
  const fit = (columns: number[]) => {
    const model = fitLogistic(pick(x, d, trainRows, columns), trainRows.length, columns.length, yTrain, { l2: 1 });
    const held = testRows.length > 0 ? evaluationRecord(evaluateBinary(predictProbability(model, pick(x, d, testRows, columns), testRows.length), yTest)) : null;
    return { model, held };
  };
  // Fitted without feedback and, when some customer had given any by the cutoff, with it: feedback
  // stays in only when it raises the held-out AUC.
  const isFeedback = (j: number) => (feedbackFeatures as readonly string[]).includes(names[j]);
  const withoutFeedback = fit(keep.filter((j) => !isFeedback(j)));
  const feedbackColumns = keep.filter(isFeedback);
  const withFeedback = feedbackColumns.length ? fit(keep) : null;
  const gain = withFeedback?.held?.auc != null && withoutFeedback.held?.auc != null ? withFeedback.held.auc - withoutFeedback.held.auc : null;
  const useFeedback = gain !== null && gain >= feedbackMinGain;
  const round3 = (v: number | null | undefined) => (v == null ? null : Math.round(v * 1000) / 1000);
  const feedbackReason = !feedbackColumns.length
    ? `none known at the cutoff to try: ${ignored
        .filter((e) => isFeedback(names.indexOf(e.name as never)))
        .map((e) => `${e.name}: ${e.reason}`)
        .join('; ')}`
    : gain === null
      ? 'could not be compared (no held-out customers)'
      : useFeedback
        ? `raises the held-out AUC from ${round3(withoutFeedback.held!.auc)} to ${round3(withFeedback!.held!.auc)}`
        : `does not raise the held-out AUC by ${feedbackMinGain} or more (${round3(withoutFeedback.held!.auc)} without, ${round3(withFeedback!.held!.auc)} with)`;
  const feedback = {
    used: useFeedback,
    reason: feedbackReason,
    auc_without: withoutFeedback.held?.auc ?? null,
    auc_with: withFeedback?.held?.auc ?? null,
    features: feedbackColumns.map((j) => names[j]),
    customers_with_feedback: customers.filter((_, r) => feedbackColumns.some((j) => !Number.isNaN(raw[r * d + j]))).length,
  };
  if (!useFeedback) {
    for (const j of feedbackColumns) {
      ignored.push({ name: names[j], reason: `left out: feedback ${feedbackReason}` });
      delete ranges[names[j]];
    }
    keep.splice(0, keep.length, ...keep.filter((j) => !isFeedback(j)));
  }
  const dk = keep.length;
  const { model, held: heldRecord } = useFeedback ? withFeedback! : withoutFeedback;
  // The baseline: the same regression on days since the last order alone.
  const recency = [names.indexOf('days_since_last_order')];
  const baseline = fitLogistic(pick(x, d, trainRows, recency), trainRows.length, 1, yTrain, { l2: 1 });
  const evaluation: Record<string, unknown> = { train: trainRows.length, test: testRows.length, base_rate: positives / n };
  let quality: PurchaseModelQuality | null = null;
  if (heldRecord) {
    const base = evaluationRecord(evaluateBinary(predictProbability(baseline, pick(x, d, testRows, recency), testRows.length), yTest));
    quality = purchaseModelQuality(heldRecord.auc, base.auc);
    Object.assign(evaluation, heldRecord, { baseline: { name: 'recency only', features: ['days_since_last_order'], ...base } });
  }
  const featureNames = keep.map((j) => names[j]);
  const params = {
    features: featureNames,
    intercept: model.intercept,
    coefficients: Object.fromEntries(featureNames.map((f, c) => [f, model.coefficients[c]])),
    standardized_coefficients: Object.fromEntries(featureNames.map((f, c) => [f, model.standardizedCoefficients[c]])),
    medians: Object.fromEntries(keep.map((j) => [names[j], medians[j]])),
    ranges,
    ignored,
    l2: 1,
    cutoff,
    window_days: endDay - cutoffDay,
  };
  // Scores for today: features as of the as-of day for everyone who has bought.
  const scores = new Float64Array(a.n).fill(NaN);
  const row = new Float64Array(d);
  const one = new Float64Array(dk);
  for (let i = 0; i < a.n; i++) {
    if (a.orderCount[i] === 0) continue;
    purchaseFeatureRow(a, i, 'end', endDay, row);
    keep.forEach((j, c) => (one[c] = Number.isNaN(row[j]) ? medians[j] : row[j]));
    scores[i] = predictProbability(model, one, 1)[0];
  }
  return { params, metrics: { ...metrics, ...evaluation, quality, imputed, converged: model.converged, feedback }, scores };
}
