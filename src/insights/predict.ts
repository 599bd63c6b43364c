/** Purchase probability for a hypothetical customer from the newest logistic model. */
import { sigmoid } from '../analytics/index.js';
import type { Ctx } from '../core/context.js';
import { conflict, invalid, newFieldErrors } from '../core/errors.js';
import { parseJson } from './db.js';
import { baseFeatures } from './run.js';

export const predictParams = [...baseFeatures, 'segment'] as const;

export interface PurchaseModelParams {
  features: string[];
  intercept: number;
  coefficients: Record<string, number>;
  medians: Record<string, number>;
  segments: number;
}

export async function latestModel(ctx: Ctx, kind: string): Promise<{ id: string; params: any; metrics: any; created_at: string; run_id: string | null } | null> {
  const row = await ctx.database.db.selectFrom('models').selectAll().where('kind', '=', kind).orderBy('created_at', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst();
  if (!row) return null;
  return { id: row.id as string, params: parseJson(row.params), metrics: parseJson(row.metrics), created_at: row.created_at as string, run_id: (row.run_id as string | null) ?? null };
}

/**
 * `{predicted_purchase_probability: p}` for the features given in the query string. Features not given
 * are imputed with the training medians; `segment` is a position (1, 2, ...) in the segmentation the
 * model was trained with, or a segment id of it.
 */
export async function predictPurchaseProbability(ctx: Ctx, query: Record<string, string[]>): Promise<{ predicted_purchase_probability: number }> {
  const errors = newFieldErrors();
  const values = new Map<string, number>();
  let segment: number | null = null;
  let segmentRef: string | null = null;
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
      if (/^\d+$/.test(raw) && Number(raw) >= 1) segment = Number(raw);
      else if (/^seg_[0-9a-z]{26}$/.test(raw)) segmentRef = raw;
      else errors[key] = ['must be a segment number (1, 2, ...) or a segment id'];
      continue;
    }
    const n = raw === '' ? NaN : Number(raw);
    if (!Number.isFinite(n)) errors[key] = ['must be a number'];
    else values.set(key, n);
  }
  if (Object.keys(errors).length) throw invalid(`invalid prediction input: ${Object.keys(errors).join(', ')}`, errors);
  const model = await latestModel(ctx, 'purchase_probability');
  if (!model) throw conflict('no purchase-probability model yet: run the insights first (POST /api/insights/runs)');
  const params = model.params as PurchaseModelParams & { segment_ids?: string[] };
  if (segmentRef !== null) {
    const position = (params.segment_ids ?? []).indexOf(segmentRef);
    if (position < 0) throw invalid('segment is not part of the segmentation the model was trained with', { segment: ['unknown segment for this model'] });
    segment = position + 1;
  }
  if (segment !== null && params.segments > 0 && segment > params.segments) {
    throw invalid(`segment must be between 1 and ${params.segments}`, { segment: [`must be between 1 and ${params.segments}`] });
  }
  let eta = params.intercept;
  for (const f of params.features) {
    let x: number;
    const m = /^segment_(\d+)$/.exec(f);
    if (m) x = segment === null ? params.medians[f] : Number(m[1]) === segment ? 1 : 0;
    else x = values.has(f) ? values.get(f)! : params.medians[f];
    eta += params.coefficients[f] * x;
  }
  return { predicted_purchase_probability: Math.round(sigmoid(eta) * 1e6) / 1e6 };
}
