/** Insight routes: runs, models, settings, segmentations and segments, prediction, contact list, cross-sell, A/B. */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { bayesianAbTest, sampleSizePerArm, twoProportionZTest } from '../analytics/index.js';
import { body, idParam, json } from '../http/crud-routes.js';
import type { AppEnv } from '../http/env.js';
import { errorResponses } from '../http/errors.js';
import { invalid, notFound } from '../core/errors.js';
import { issuesToFields } from '../records/validation.js';
import { contactList, stageHistory } from './contact-list.js';
import { suggestionsFor } from './cross-sell.js';
import { parseJson } from './db.js';
import { enqueueInsightRun, getInsightRun, listInsightRuns } from './jobs.js';
import { predictionSchema, predictParams, predictPurchaseProbability } from './predict.js';
import { createFilterSegment, createSegmentation, deleteSegment, getSegment, getSegmentation, listSegmentations, listSegments, segmentationInput } from './segmentation.js';
import { getInsightSettings, insightSettingsSchema, updateInsightSettings } from './settings.js';

/** Stored JSON objects of a run (options, parameters, metrics, counts): named per model in /api/models. */
const jsonObject = z.record(z.string(), z.unknown());
const runRecordSchema = z
  .object({
    id: z.string(),
    as_of: z.string(),
    options: jsonObject.nullable(),
    params: jsonObject.nullable(),
    metrics: z
      .object({
        stages: z.record(z.string(), z.number()).optional().openapi({ description: 'Customers per lifecycle stage' }),
        rfm_segments: z.record(z.string(), z.number()).optional().openapi({ description: 'Customers per named RFM segment' }),
      })
      .catchall(z.unknown())
      .nullable()
      .openapi({ description: 'Fit metrics per model (bgnbd, gamma_gamma, purchase_probability, cross_sell), counts per stage and RFM segment, timings' }),
    counts: jsonObject.nullable(),
    duration_ms: z.number(),
    created_at: z.string(),
  })
  .openapi('InsightRunRecord');
const jobProgress = z
  .object({ phase: z.string().optional(), done: z.number().optional(), total: z.number().optional() })
  .catchall(z.unknown())
  .nullable()
  .openapi({ description: 'How far the run has come: its phase and, while writing, customers done of the total' });
const filterTree = jsonObject.openapi({ description: 'A filter tree as in GET /api/customers?filter=, e.g. {"field":"income","op":"gte","value":100000} or {"and":[...]}' });
const tags = ['insights'];

const runInput = z
  .object({
    as_of: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
      .optional(),
    time_unit: z.enum(['days', 'weeks']).optional(),
    decimals: z.number().int().min(0).max(6).optional(),
    horizon_days: z.number().int().min(1).max(3650).optional(),
    clv_months: z.number().int().min(1).max(120).optional(),
    monthly_discount_rate: z.number().min(0).max(1).optional(),
    rfm_bins: z.number().int().min(2).max(10).optional(),
    active_days: z.number().int().min(0).max(3650).optional(),
    inactive_days: z.number().int().min(0).max(36500).optional(),
    prediction_window_days: z.number().int().min(1).max(3650).optional(),
    cross_sell: z.boolean().optional(),
  })
  .strict()
  .openapi('InsightRunCreate');

const runStatus = z
  .object({
    id: z.string(),
    status: z.string(),
    progress: jobProgress,
    error: z.string().nullable(),
    attempts: z.number().nullable(),
    created_at: z.string(),
    updated_at: z.string(),
    run: runRecordSchema.nullable(),
  })
  .openapi('InsightRun');

const segmentRecord = z
  .object({
    id: z.string(),
    kind: z.enum(['model', 'filter']),
    name: z.string(),
    description: z.string().nullable(),
    segmentation_id: z.string().nullable(),
    position: z.number().nullable(),
    label: z.number().int().nullable().openapi({ description: 'k-means label (0 to k - 1) of a model segment: its number in ?segment=' }),
    size: z.number().nullable(),
    centroid: z.record(z.string(), z.number()).nullable(),
    filter: filterTree.nullable(),
    created_at: z.string(),
  })
  .openapi('Segment');

const segmentationSummary = {
  id: z.string(),
  features: z.array(z.string()),
  k: z.number().int(),
  standardize: z.boolean(),
  created_at: z.string(),
};
const segmentationRecord = z
  .object({
    ...segmentationSummary,
    seed: z.number().int(),
    customers: z.number().int().optional(),
    inertia: z.number().optional().openapi({ description: 'Sum of squared distances to the segment centres, in the space clustered (see inertia_space)' }),
    inertia_space: z.string().optional(),
    iterations: z.number().int().optional(),
    n_init: z.union([z.number().int(), z.literal('auto')]).optional(),
    restarts: z.number().int().optional().openapi({ description: 'k-means++ seedings run; the lowest inertia among them was kept' }),
    best_inertia_runs: z.number().int().optional().openapi({ description: 'How many of those seedings reached that inertia' }),
    k_suggested: z.boolean().optional(),
    suggestion: z
      .object({ k: z.number().int(), candidates: z.array(z.object({ k: z.number().int(), inertia: z.number(), silhouette: z.number().nullable() })), sample_size: z.number().int() })
      .nullable()
      .optional(),
    imputation: z.record(z.string(), z.object({ missing: z.number().int(), median: z.number() })).optional(),
    imputation_note: z.string().optional(),
    feature_means: z.record(z.string(), z.number()).optional(),
    feature_stds: z.record(z.string(), z.number()).optional(),
    duration_ms: z.number().optional(),
    segments: z.array(segmentRecord),
  })
  .openapi('Segmentation');

const calibrationBin = z.object({ count: z.number().int(), mean_predicted: z.number(), observed_rate: z.number() });
const heldOutFigures = {
  auc: z.number().nullable().openapi({ description: 'Area under the ROC curve on the held-out customers (0.5 is a coin toss)' }),
  brier: z.number().nullable().openapi({ description: 'Mean squared error of the probabilities on the held-out customers (0 is perfect)' }),
  log_loss: z.number().nullable(),
  calibration: z.array(calibrationBin).openapi({ description: 'Held-out customers in tenths of predicted probability: mean predicted against observed rate' }),
};
/** Metrics of a purchase_probability model: the held-out time split, next to the recency-only baseline. */
const purchaseModelMetrics = z
  .object({
    population: z.number().int(),
    cutoff: z.string(),
    window_days: z.number().int(),
    train: z.number().int(),
    test: z.number().int(),
    base_rate: z.number(),
    ...heldOutFigures,
    baseline: z.object({ name: z.string(), features: z.array(z.string()), ...heldOutFigures }),
    quality: z.string().nullable(),
    imputed: z.record(z.string(), z.number()),
    converged: z.boolean(),
    feedback: z
      .object({
        used: z.boolean(),
        reason: z.string(),
        auc_without: z.number().nullable().openapi({ description: 'Held-out AUC of the model without feedback' }),
        auc_with: z.number().nullable().openapi({ description: 'Held-out AUC with feedback (null when no customer had given any by the cutoff)' }),
        features: z.array(z.string()),
        customers_with_feedback: z.number().int().openapi({ description: 'Training customers with a CSAT or NPS answer known at the cutoff' }),
      })
      .optional()
      .openapi({ description: 'Whether feedback (the latest CSAT and NPS score known at the cutoff) is an input, and why: kept only when it raises the held-out AUC by 0.01 or more' }),
  })
  .openapi('PurchaseModelMetrics');
const modelRecord = z.object({
  id: z.string(),
  kind: z.string(),
  run_id: z.string().nullable(),
  params: z.record(z.string(), z.unknown()),
  metrics: z.union([purchaseModelMetrics, z.record(z.string(), z.unknown())]).openapi({ description: 'For kind purchase_probability: PurchaseModelMetrics' }),
  created_at: z.string(),
});

const contactEntry = z.object({
  customer_id: z.string(),
  name: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  stage: z.string().nullable(),
  clv: z.number().nullable(),
  churn_risk: z.number().nullable(),
  p_alive: z.number().nullable(),
  value_at_risk: z.number().nullable().openapi({ description: 'Lifetime value x churn risk; null when lifetime values are not estimated (unreliable purchase model)' }),
  spend_at_risk: z.number().nullable().openapi({ description: 'Revenue so far x churn risk: the ranking when lifetime values are not estimated' }),
  revenue: z.number().nullable(),
  last_order_at: z.string().nullable(),
  days_since_last_order: z.number().int().nullable().openapi({ description: 'Calendar days since the last order, in the business time zone' }),
  reason: z.string(),
});

const abQuery = z
  .object({
    visitors_a: z.coerce.number().int().min(1).max(1e9),
    conversions_a: z.coerce.number().int().min(0).max(1e9),
    visitors_b: z.coerce.number().int().min(1).max(1e9),
    conversions_b: z.coerce.number().int().min(0).max(1e9),
    confidence: z.coerce.number().gt(0).lt(1).optional(),
  })
  .strict();

function abTest(q: z.infer<typeof abQuery>) {
  if (q.conversions_a > q.visitors_a || q.conversions_b > q.visitors_b) {
    throw invalid('conversions cannot exceed visitors', {
      ...(q.conversions_a > q.visitors_a ? { conversions_a: ['must not exceed visitors_a'] } : {}),
      ...(q.conversions_b > q.visitors_b ? { conversions_b: ['must not exceed visitors_b'] } : {}),
    });
  }
  if (q.conversions_b > 100_000) throw invalid('conversions_b is too large for the exact sum', { conversions_b: ['at most 100000'] });
  const z2 = twoProportionZTest(q.conversions_a, q.visitors_a, q.conversions_b, q.visitors_b, q.confidence ?? 0.95);
  const bayes = bayesianAbTest(q.conversions_a, q.visitors_a, q.conversions_b, q.visitors_b);
  const lift = z2.difference;
  let sampleSize: number | null = null;
  if (z2.rateA > 0 && z2.rateA < 1 && lift !== 0 && z2.rateA + lift > 0 && z2.rateA + lift < 1) sampleSize = sampleSizePerArm(z2.rateA, Math.abs(lift));
  return {
    rate_a: z2.rateA,
    rate_b: z2.rateB,
    difference: z2.difference,
    z: z2.z,
    p_value: z2.pValue,
    confidence_interval: z2.confidenceInterval,
    probability_b_beats_a: bayes.probabilityBBeatsA,
    expected_loss_choosing_b: bayes.expectedLossChoosingB,
    expected_loss_choosing_a: bayes.expectedLossChoosingA,
    sample_size_per_arm_for_observed_difference: sampleSize,
  };
}

export function registerInsightRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/insights/runs',
      tags,
      summary: 'Queue an insight run (stages, RFM, BG/NBD, CLV, churn, purchase probability, cross-sell)',
      request: { body: { required: false, content: { 'application/json': { schema: runInput } } } },
      responses: { 202: json(z.object({ id: z.string(), status: z.string() }), 'Queued'), 400: errorResponses[400] },
    }),
    async (c) => {
      const text = await c.req.text();
      let raw: unknown = {};
      if (text.trim()) raw = JSON.parse(text);
      const parsed = runInput.safeParse(raw);
      if (!parsed.success) throw invalid('invalid run options', issuesToFields(parsed.error.issues));
      const p = parsed.data;
      const id = await enqueueInsightRun(c.get('ctx').database, {
        asOf: p.as_of,
        timeUnit: p.time_unit,
        decimals: p.decimals,
        horizonDays: p.horizon_days,
        clvMonths: p.clv_months,
        monthlyDiscountRate: p.monthly_discount_rate,
        rfmBins: p.rfm_bins,
        activeDays: p.active_days,
        inactiveDays: p.inactive_days,
        predictionWindowDays: p.prediction_window_days,
        crossSell: p.cross_sell,
      });
      return c.json({ id, status: 'queued' }, 202);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/insights/runs',
      tags,
      summary: 'Finished insight runs, newest first',
      request: { query: z.object({ limit: z.coerce.number().int().min(1).max(100).default(20) }) },
      responses: { 200: json(z.object({ data: z.array(runRecordSchema) }), 'Runs') },
    }),
    async (c) => c.json({ data: await listInsightRuns(c.get('ctx').database, c.req.valid('query').limit) }, 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/insights/runs/{id}',
      tags,
      summary: 'Status, progress and results of an insight run',
      request: { params: idParam },
      responses: { 200: json(runStatus, 'The run'), 404: errorResponses[404] },
    }),
    async (c) => {
      const id = c.req.valid('param').id;
      const run = await getInsightRun(c.get('ctx').database, id);
      if (!run) throw notFound('insight run', id);
      return c.json(run, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/models',
      tags,
      summary: 'Fitted models with their parameters and metrics, newest first (the purchase model: AUC, Brier score and calibration on the held-out split, next to a recency-only baseline)',
      request: { query: z.object({ kind: z.string().max(32).optional(), limit: z.coerce.number().int().min(1).max(200).default(50) }) },
      responses: { 200: json(z.object({ data: z.array(modelRecord) }), 'Models') },
    }),
    async (c) => {
      const q = c.req.valid('query');
      let query = c.get('ctx').database.db.selectFrom('models').selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(q.limit);
      if (q.kind) query = query.where('kind', '=', q.kind);
      const rows = await query.execute();
      return c.json(
        {
          data: rows.map((r) => ({
            id: r.id as string,
            kind: r.kind as string,
            run_id: (r.run_id as string | null) ?? null,
            params: parseJson(r.params),
            metrics: parseJson(r.metrics),
            created_at: r.created_at as string,
          })),
        },
        200,
      );
    },
  );
  app.openapi(
    createRoute({ method: 'get', path: '/api/insights/settings', tags, summary: 'Lifecycle thresholds, RFM bins and model horizons', responses: { 200: json(insightSettingsSchema, 'Settings') } }),
    async (c) => c.json(await getInsightSettings(c.get('ctx').database.db), 200),
  );
  app.openapi(
    createRoute({
      method: 'patch',
      path: '/api/insights/settings',
      tags,
      summary: 'Change insight settings (used from the next run)',
      request: { body: body(insightSettingsSchema.partial()) },
      responses: { 200: json(insightSettingsSchema, 'Settings'), 400: errorResponses[400] },
    }),
    async (c) => c.json(await updateInsightSettings(c.get('ctx').database, await c.req.json()), 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/insights/stage-history',
      tags,
      summary: 'Lifecycle stage changes, newest first',
      request: { query: z.object({ customer_id: z.string().max(40).optional(), limit: z.coerce.number().int().min(1).max(500).default(100) }) },
      responses: {
        200: json(
          z.object({
            data: z.array(z.object({ id: z.string(), customer_id: z.string(), from_stage: z.string().nullable(), to_stage: z.string(), changed_at: z.string(), run_id: z.string().nullable() })),
          }),
          'Stage changes',
        ),
      },
    }),
    async (c) => {
      const q = c.req.valid('query');
      return c.json({ data: await stageHistory(c.get('ctx'), { customerId: q.customer_id, limit: q.limit }) }, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/insights/contact-list',
      tags,
      summary: 'Customers to contact this week, ranked by value at risk (or, when the purchase model is unreliable, by spend so far x churn risk), with the reason',
      request: { query: z.object({ limit: z.coerce.number().int().min(1).max(500).default(20) }) },
      responses: {
        200: json(
          z.object({
            data: z.array(contactEntry),
            run_id: z.string().nullable(),
            as_of: z.string().nullable(),
            ranking: z.enum(['value_at_risk', 'spend_at_risk']),
            note: z.string().nullable().openapi({ description: 'Why the list is ranked by spend at risk: the purchase model is unreliable, in words' }),
          }),
          'The list',
        ),
      },
    }),
    async (c) => c.json(await contactList(c.get('ctx'), c.req.valid('query').limit), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/predict',
      tags,
      summary: 'Purchase probability of a hypothetical customer, with the inputs used and ignored',
      description: `Query parameters: ${predictParams.join(', ')}; any other is a 400. An input not given takes the centre of the segment given (a number is the k-means label in the newest segmentation, 0 to k - 1, or a segment id), else the median of the customers the model was trained on. The answer names the inputs used and where each value came from, the inputs the model ignores and why, and warnings (extrapolation, a weak model).`,
      request: { query: z.object(Object.fromEntries(predictParams.map((p) => [p, z.string().optional()]))) },
      responses: { 200: json(predictionSchema, 'The probability and how it was reached'), 400: errorResponses[400], 409: errorResponses[409] },
    }),
    async (c) => c.json(await predictPurchaseProbability(c.get('ctx'), c.req.queries()), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/segmentations',
      tags: ['segments'],
      summary: 'Run k-means on chosen customer features and store the segments',
      request: { body: body(segmentationInput.openapi('SegmentationCreate')) },
      responses: { 201: json(segmentationRecord, 'The segmentation'), 400: errorResponses[400] },
    }),
    async (c) => c.json(await createSegmentation(c.get('ctx'), await c.req.json()), 201),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/segmentations',
      tags: ['segments'],
      summary: 'Segmentations, newest first',
      responses: { 200: json(z.object({ data: z.array(z.object(segmentationSummary)) }), 'Segmentations') },
    }),
    async (c) => c.json({ data: await listSegmentations(c.get('ctx')) }, 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/segmentations/{id}',
      tags: ['segments'],
      summary: 'A segmentation: segments, centroids, sizes, inertia, elbow and silhouette data',
      request: { params: idParam },
      responses: { 200: json(segmentationRecord, 'The segmentation'), 404: errorResponses[404] },
    }),
    async (c) => c.json(await getSegmentation(c.get('ctx'), c.req.valid('param').id), 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/segments',
      tags: ['segments'],
      summary: 'Segments of the newest segmentation and saved-filter segments, side by side',
      request: { query: z.object({ segmentation_id: z.string().max(40).optional() }) },
      responses: { 200: json(z.object({ data: z.array(segmentRecord) }), 'Segments') },
    }),
    async (c) => c.json({ data: await listSegments(c.get('ctx'), { segmentationId: c.req.valid('query').segmentation_id }) }, 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/segments',
      tags: ['segments'],
      summary: 'Save a filter as a segment',
      request: { body: body(z.object({ name: z.string(), description: z.string().optional(), filter: filterTree }).strict().openapi('SegmentCreate')) },
      responses: { 201: json(segmentRecord, 'The segment'), 400: errorResponses[400] },
    }),
    async (c) => c.json(await createFilterSegment(c.get('ctx'), await c.req.json()), 201),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/segments/{id}',
      tags: ['segments'],
      summary: 'A segment',
      request: { params: idParam },
      responses: { 200: json(segmentRecord, 'The segment'), 404: errorResponses[404] },
    }),
    async (c) => c.json(await getSegment(c.get('ctx'), c.req.valid('param').id), 200),
  );
  app.openapi(
    createRoute({
      method: 'delete',
      path: '/api/segments/{id}',
      tags: ['segments'],
      summary: 'Delete a saved-filter segment',
      request: { params: idParam },
      responses: { 204: { description: 'Deleted' }, 400: errorResponses[400], 404: errorResponses[404] },
    }),
    async (c) => {
      await deleteSegment(c.get('ctx'), c.req.valid('param').id);
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/customers/{id}/suggestions',
      tags: ['customers'],
      summary: 'Products to offer this customer, from co-purchases',
      request: { params: idParam, query: z.object({ limit: z.coerce.number().int().min(1).max(50).default(5) }) },
      responses: {
        200: json(
          z.object({
            customer_id: z.string(),
            model_id: z.string().nullable(),
            data: z.array(z.object({ product_id: z.string(), name: z.string().nullable(), sku: z.string().nullable(), score: z.number(), because: z.array(z.string()), reason: z.string() })),
          }),
          'Suggestions',
        ),
        404: errorResponses[404],
      },
    }),
    async (c) => c.json(await suggestionsFor(c.get('ctx'), c.req.valid('param').id, c.req.valid('query').limit), 200),
  );

  const abResult = z.object({
    rate_a: z.number(),
    rate_b: z.number(),
    difference: z.number(),
    z: z.number(),
    p_value: z.number(),
    confidence_interval: z.array(z.number()),
    probability_b_beats_a: z.number(),
    expected_loss_choosing_b: z.number(),
    expected_loss_choosing_a: z.number(),
    sample_size_per_arm_for_observed_difference: z.number().nullable(),
  });
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/insights/ab-test',
      tags,
      summary: 'A/B test of two conversion rates: z-test, P(B beats A) and expected loss',
      request: { query: abQuery },
      responses: { 200: json(abResult, 'The comparison'), 400: errorResponses[400] },
    }),
    async (c) => c.json(abTest(c.req.valid('query')), 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/abtest',
      tags,
      summary: 'A/B test of two conversion rates (same as GET /api/insights/ab-test)',
      request: { body: body(abQuery) },
      responses: { 200: json(abResult, 'The comparison'), 400: errorResponses[400] },
    }),
    async (c) => c.json(abTest(c.req.valid('json')), 200),
  );
}
