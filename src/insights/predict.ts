/**
 * Purchase probability for a hypothetical customer from the newest logistic model, with the inputs it
 * used (and where each value came from), the inputs it ignored and why, and warnings where the answer is
 * an extrapolation or the model is weak.
 */
import { z } from '@hono/zod-openapi';
import { sigmoid } from '../analytics/index.js';
import type { Ctx } from '../core/context.js';
import { conflict, invalid, newFieldErrors } from '../core/errors.js';
import { parseJson } from './db.js';
import { purchaseFeatures, purchaseModelQuality, type IgnoredInput } from './purchase-model.js';
import { findSegment, missingSegmentMessage } from './segmentation.js';

export const predictParams = [...purchaseFeatures, 'segment'] as const;

/** Segmentation features that describe a model input: a segment's centre on them stands in for an input not given. */
const segmentFeatureInputs: Record<string, string> = {
  age: 'age',
  income: 'income',
  order_count: 'order_count',
  revenue: 'revenue',
  monetary: 'revenue',
  purchase_frequency: 'purchase_frequency',
  recency: 'days_since_last_order',
};

export const predictionSchema = z
  .object({
    predicted_purchase_probability: z.number().openapi({ description: 'Probability of buying within window_days' }),
    window_days: z.number().int(),
    inputs: z
      .array(
        z.object({
          name: z.string(),
          value: z.number(),
          source: z.enum(['given', 'segment', 'training_median']).openapi({ description: 'given in the query, the segment centre, or the median of the customers the model was trained on' }),
          coefficient: z.number().openapi({ description: 'Change in the log-odds per unit of this input' }),
        }),
      )
      .openapi({ description: 'The inputs the model used, with the value of each' }),
    ignored: z.array(z.object({ name: z.string(), reason: z.string() })).openapi({ description: 'Inputs the model does not use, and why' }),
    segment: z
      .object({ number: z.number().int(), id: z.string(), segmentation_id: z.string(), supplied: z.array(z.string()) })
      .nullable()
      .openapi({ description: 'The segment given, and the inputs its centre supplied' }),
    warnings: z.array(z.string()),
    model: z.object({
      id: z.string(),
      run_id: z.string().nullable(),
      created_at: z.string(),
      auc: z.number().nullable(),
      brier: z.number().nullable(),
      baseline_auc: z.number().nullable(),
      quality: z.string().nullable().openapi({ description: 'strong, useful, weak, no better than guessing, or no better than recency alone (held-out AUC)' }),
    }),
  })
  .openapi('PurchasePrediction');
export type Prediction = z.infer<typeof predictionSchema>;

interface StoredModel {
  id: string;
  params: Record<string, unknown>;
  metrics: Record<string, unknown>;
  created_at: string;
  run_id: string | null;
}

async function latestModel(ctx: Ctx, kind: string): Promise<StoredModel | null> {
  const row = await ctx.database.db.selectFrom('models').selectAll().where('kind', '=', kind).orderBy('created_at', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst();
  if (!row) return null;
  return {
    id: row.id as string,
    params: parseJson(row.params) as Record<string, unknown>,
    metrics: parseJson(row.metrics) as Record<string, unknown>,
    created_at: row.created_at as string,
    run_id: (row.run_id as string | null) ?? null,
  };
}

/** The stored purchase model's parameters (purchase-model.ts writes them). */
interface PurchaseModelParams {
  features: string[];
  intercept: number;
  coefficients: Record<string, number>;
  medians: Record<string, number>;
  ranges?: Record<string, { min: number; max: number }>;
  ignored?: IgnoredInput[];
  window_days?: number;
}

const numberOrNull = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** Reads the query: numbers for the model's inputs, a segment number (k-means label) or id. */
function parseQuery(query: Record<string, string[]>): { values: Map<string, number>; segment: string | null } {
  const errors = newFieldErrors();
  const values = new Map<string, number>();
  let segment: string | null = null;
  for (const [key, list] of Object.entries(query)) {
    if (!(predictParams as readonly string[]).includes(key)) {
      errors[key] = [`unknown parameter; use ${predictParams.join(', ')}`];
      continue;
    }
    if (list.length !== 1) {
      errors[key] = ['given more than once'];
      continue;
    }
    const raw = list[0].trim();
    if (key === 'segment') {
      if (/^\d{1,6}$/.test(raw) || /^seg_[0-9a-z]{26}$/.test(raw)) segment = raw;
      else errors[key] = ['must be a segment number (0, 1, ...: the k-means label in the newest segmentation) or a segment id'];
      continue;
    }
    const n = raw === '' ? NaN : Number(raw);
    if (!Number.isFinite(n)) errors[key] = ['must be a number'];
    else values.set(key, n);
  }
  if (Object.keys(errors).length) throw invalid(`invalid prediction input: ${Object.keys(errors).join(', ')}`, errors);
  return { values, segment };
}

/** A model segment's centre as model inputs, and the centre's features that are no model input. */
async function segmentInputs(ctx: Ctx, ref: string) {
  const row = await findSegment(ctx, ref);
  if (!row) {
    const message = await missingSegmentMessage(ctx, ref);
    throw invalid(message, { segment: [message] });
  }
  if (row.kind !== 'model') throw invalid('segment must be a k-means segment: a saved filter has no centre to describe a customer', { segment: ['is a saved-filter segment'] });
  const centre = parseJson(row.centroid) as Record<string, number>;
  const inputs = new Map<string, number>();
  for (const [feature, value] of Object.entries(centre)) {
    const input = segmentFeatureInputs[feature];
    if (input && Number.isFinite(value)) inputs.set(input, value);
  }
  return { number: Number(row.position) - 1, id: row.id as string, segmentation_id: row.segmentation_id as string, features: Object.keys(centre), inputs };
}

/**
 * The probability for the inputs in the query string. Each model input is, in order: the value given,
 * the centre of the segment given (any segmentation, so a new one answers at once), or the median of the
 * customers the model was trained on.
 */
export async function predictPurchaseProbability(ctx: Ctx, query: Record<string, string[]>): Promise<Prediction> {
  const { values, segment: segmentRef } = parseQuery(query);
  const model = await latestModel(ctx, 'purchase_probability');
  if (!model) throw conflict('no purchase-probability model yet: run the insights first (POST /api/insights/runs)');
  const segment = segmentRef === null ? null : await segmentInputs(ctx, segmentRef);
  const params = model.params as unknown as PurchaseModelParams;
  const warnings: string[] = [];
  const inputs: Prediction['inputs'] = [];
  const supplied: string[] = [];
  let eta = params.intercept;
  for (const f of params.features) {
    let value: number;
    let source: Prediction['inputs'][number]['source'];
    if (values.has(f)) [value, source] = [values.get(f)!, 'given'];
    else if (segment?.inputs.has(f)) {
      [value, source] = [segment.inputs.get(f)!, 'segment'];
      supplied.push(f);
    } else [value, source] = [params.medians[f], 'training_median'];
    eta += params.coefficients[f] * value;
    inputs.push({ name: f, value, source, coefficient: params.coefficients[f] });
    const range = params.ranges?.[f];
    if (range && source === 'given' && (value < range.min || value > range.max)) {
      warnings.push(`${f} ${value} is outside what the model was trained on (${range.min} to ${range.max}): the probability is an extrapolation`);
    }
  }
  const ignored: IgnoredInput[] = [...(params.ignored ?? [])];
  // A model stored before inputs were explained lists no reasons: name what it leaves out all the same.
  for (const f of purchaseFeatures)
    if (!params.features.includes(f) && !ignored.some((e) => e.name === f)) ignored.push({ name: f, reason: 'not an input of this model; run the insights again for the reason' });
  if (segment) {
    const unused = segment.features.filter((f) => !(segmentFeatureInputs[f] && params.features.includes(segmentFeatureInputs[f])));
    if (supplied.length === 0) {
      ignored.push({
        name: 'segment',
        reason: `the segment's centre supplied no input: ${segment.features.filter((f) => !unused.includes(f)).length ? 'every input it describes was given' : `the model uses none of its features (${segment.features.join(', ')})`}`,
      });
    }
    if (unused.length && supplied.length) warnings.push(`the segment's centre on ${unused.join(', ')} is not a model input and was not used`);
  }
  const auc = numberOrNull(model.metrics.auc);
  const baseline = model.metrics.baseline as { auc?: unknown } | undefined;
  const baselineAuc = numberOrNull(baseline?.auc);
  const quality = purchaseModelQuality(auc, baselineAuc);
  if (quality !== null && quality !== 'strong' && quality !== 'useful') warnings.push(`the model is ${quality} on held-out customers (AUC ${auc?.toFixed(2)}): treat the probability as rough`);
  return {
    predicted_purchase_probability: Math.round(sigmoid(eta) * 1e6) / 1e6,
    window_days: numberOrNull(params.window_days) ?? numberOrNull(model.metrics.window_days) ?? 0,
    inputs,
    ignored,
    segment: segment ? { number: segment.number, id: segment.id, segmentation_id: segment.segmentation_id, supplied } : null,
    warnings,
    model: { id: model.id, run_id: model.run_id, created_at: model.created_at, auc, brier: numberOrNull(model.metrics.brier), baseline_auc: baselineAuc, quality },
  };
}
