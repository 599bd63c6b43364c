/** Pipelines, deals (list/filter/sort/cursor like customers, move between stages), the board and the sales reports. */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { inTransaction } from '../core/context.js';
import { body, idParam, json, registerCrudRoutes, registerDeleteRoute } from '../http/crud-routes.js';
import type { AppEnv } from '../http/env.js';
import { errorResponses } from '../http/errors.js';
import { createSchema, recordSchema, updateSchema } from '../records/validation.js';
import { dealEntity } from '../schema/entities.js';
import { dateTimeInput, maxShortText } from '../schema/fields.js';
import { pipelineBoard } from './board.js';
import { createPipelineIn, deletePipelineIn, getPipeline, listPipelines, pipelineCreateInput, pipelineSchema, pipelineUpdateInput, stageKinds, stageSchema, updatePipelineIn } from './pipelines.js';
import { minClosedDeals, priorStrength } from './probability.js';
import { dealStageHistory, pipelineByStage, stagePerformance, weightedForecast, wonBySource } from './reports.js';
import { dealLineRecord, dealLinesField, deals, getDeal, moveDeal, moveDealsOfStage } from './service.js';
import { learntProbabilities } from './stake.js';

const tags = ['deals'];
const pipelineTags = ['pipelines'];
const reportTags = ['deal reports'];

export const dealRecord = recordSchema(dealEntity, { lines: z.array(dealLineRecord) }).openapi('Deal');

const currencyTotals = z
  .array(z.object({ currency: z.string(), deals: z.number().int(), value: z.number() }))
  .openapi({ description: 'Deals in other currencies than the business currency: counted apart, never converted' });
const probabilitySchema = z
  .object({
    configured: z.number().openapi({ description: "The configured probability (the Beta prior's mean)" }),
    learnt: z.number().openapi({ description: `Posterior mean: the prior (worth ${priorStrength} deals) updated by the won and lost deals that passed through the stage` }),
    deals_seen: z.number().int().openapi({ description: 'Closed deals that passed through the stage' }),
    won: z.number().int(),
    lost: z.number().int(),
    used: z.number().openapi({ description: `The probability forecasts use: learnt once ${minClosedDeals} closed deals passed the stage, else configured` }),
    basis: z.enum(['learnt', 'configured']),
  })
  .openapi('StageProbability');
const stageProbabilitySchema = probabilitySchema
  .extend({ pipeline_id: z.string(), stage_id: z.string(), name: z.string(), kind: z.enum(stageKinds), position: z.number().int() })
  .openapi('LearntStageProbability');

const cardSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    value: z.number().nullable(),
    currency: z.string().nullable(),
    customer_id: z.string().nullable(),
    customer_name: z.string().nullable(),
    expected_close_date: z.string().nullable(),
    stage_changed_at: z.string().nullable(),
    last_activity_at: z.string().nullable(),
    days_without_activity: z.number().int(),
    rotten: z.boolean(),
  })
  .openapi('DealCard');
const boardSchema = z
  .object({
    pipeline: pipelineSchema,
    currency: z.string(),
    closed_days: z.number().int(),
    per_stage: z.number().int(),
    columns: z.array(
      z.object({
        stage: stageSchema,
        probability: probabilitySchema,
        deals: z.array(cardSchema),
        count: z.number().int(),
        total: z.number().openapi({ description: 'Sum of the values in the business currency' }),
        weighted: z.number().openapi({ description: 'total x the probability used' }),
        rotten: z.number().int(),
        other_currencies: currencyTotals,
      }),
    ),
    total: z.number().openapi({ description: 'Open deals in the business currency' }),
    weighted: z.number(),
  })
  .openapi('DealBoard');

const moveBody = z
  .object({
    stage_id: z.string().min(1).max(40),
    lost_reason: z.string().trim().max(maxShortText).nullable().optional().openapi({ description: 'Why the deal was lost (required by pipelines that ask for one when moving to a lost stage)' }),
  })
  .strict()
  .openapi('DealMove');

const historySchema = z
  .object({
    id: z.string(),
    from_stage_id: z.string().nullable(),
    stage_id: z.string(),
    stage_name: z.string().nullable(),
    entered_at: z.string(),
    left_at: z.string().nullable(),
    days_in_stage: z.number(),
    actor: z.string(),
  })
  .openapi('DealStageChange');

const pipelineQuery = z.object({ pipeline_id: z.string().max(40).optional() });
const boardQuery = z.object({
  closed_days: z.coerce.number().int().min(0).max(3650).optional().openapi({ description: 'Won and lost columns show deals closed in the last this many days (default 30)' }),
  per_stage: z.coerce.number().int().min(1).max(20_000).optional().openapi({ description: 'Cards per column at most, most recently moved first (default 5000); counts and totals cover every deal' }),
});

export function registerDealRoutes(app: OpenAPIHono<AppEnv>) {
  // Pipelines and their stages.
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/pipelines',
      tags: pipelineTags,
      summary: 'Sales pipelines with their stages (a default pipeline is made on first use)',
      responses: { 200: json(z.object({ data: z.array(pipelineSchema) }), 'Pipelines in board order') },
    }),
    async (c) => c.json({ data: await listPipelines(c.get('ctx').database.db) }, 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/pipelines',
      tags: pipelineTags,
      summary: 'Create a pipeline with its stages',
      request: { body: body(pipelineCreateInput) },
      responses: { 201: json(pipelineSchema, 'Created'), 400: errorResponses[400] },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const raw = await c.req.json();
      return c.json(await inTransaction(ctx, (trx) => createPipelineIn(trx, ctx, raw)), 201);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/pipelines/{id}',
      tags: pipelineTags,
      summary: 'Get a pipeline',
      request: { params: idParam },
      responses: { 200: json(pipelineSchema, 'The pipeline'), 404: errorResponses[404] },
    }),
    async (c) => c.json(await getPipeline(c.get('ctx').database.db, c.req.valid('param').id), 200),
  );
  app.openapi(
    createRoute({
      method: 'patch',
      path: '/api/pipelines/{id}',
      tags: pipelineTags,
      summary: 'Rename a pipeline, change its rules, or edit its stages (the full list; a stage holding deals needs move_deals to be deleted)',
      request: { params: idParam, body: body(pipelineUpdateInput) },
      responses: { 200: json(pipelineSchema, 'Updated'), 400: errorResponses[400], 404: errorResponses[404] },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const raw = await c.req.json();
      return c.json(await inTransaction(ctx, (trx) => updatePipelineIn(trx, ctx, c.req.valid('param').id, raw, moveDealsOfStage)), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'delete',
      path: '/api/pipelines/{id}',
      tags: pipelineTags,
      summary: 'Delete a pipeline that holds no deals',
      request: { params: idParam },
      responses: { 204: { description: 'Deleted' }, 404: errorResponses[404], 409: errorResponses[409] },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      await inTransaction(ctx, (trx) => deletePipelineIn(trx, ctx, c.req.valid('param').id));
      return c.body(null, 204);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/pipelines/{id}/board',
      tags: pipelineTags,
      summary: 'The kanban board of a pipeline: open deals per stage with totals, weighted totals and rotten marks; won and lost deals closed lately',
      request: {
        params: idParam,
        query: boardQuery,
      },
      responses: { 200: json(boardSchema, 'The board'), 400: errorResponses[400], 404: errorResponses[404] },
    }),
    async (c) => {
      const q = c.req.valid('query');
      return c.json(await pipelineBoard(c.get('ctx').database.db, c.req.valid('param').id, new Date(), q.closed_days ?? 30, q.per_stage ?? 5000), 200);
    },
  );

  // The board, probabilities and reports (before /api/deals/{id}, whose GET would otherwise take their names for an id).
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/deals/board',
      tags,
      summary: 'The board of a pipeline (the first one when pipeline_id is omitted), as GET /api/pipelines/{id}/board: one request for a page that does not know the pipeline yet',
      request: { query: boardQuery.extend({ pipeline_id: z.string().max(40).optional() }) },
      responses: { 200: json(boardSchema, 'The board'), 400: errorResponses[400], 404: errorResponses[404] },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const db = c.get('ctx').database.db;
      const id = q.pipeline_id ?? (await listPipelines(db))[0].id;
      return c.json(await pipelineBoard(db, id, new Date(), q.closed_days ?? 30, q.per_stage ?? 5000), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/deals/probabilities',
      tags,
      summary: 'Per stage: the configured win probability, the learnt one and the closed deals behind it',
      request: { query: pipelineQuery },
      responses: { 200: json(z.object({ prior_strength: z.number(), min_closed_deals: z.number().int(), data: z.array(stageProbabilitySchema) }), 'Learnt probabilities') },
    }),
    async (c) => c.json({ prior_strength: priorStrength, min_closed_deals: minClosedDeals, data: await learntProbabilities(c.get('ctx').database.db, c.req.valid('query').pipeline_id) }, 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/deals/reports/forecast',
      tags: reportTags,
      summary: 'Weighted forecast by month of expected close: value x learnt probability of open deals, business currency',
      request: { query: pipelineQuery },
      responses: {
        200: json(
          z
            .object({
              currency: z.string(),
              data: z.array(z.object({ month: z.string().nullable(), deals: z.number().int(), value: z.number(), weighted: z.number() })),
              total: z.number(),
              weighted: z.number(),
              other_currencies: currencyTotals,
            })
            .openapi('DealForecast'),
          'The forecast',
        ),
      },
    }),
    async (c) => c.json(await weightedForecast(c.get('ctx').database.db, { pipelineId: c.req.valid('query').pipeline_id }), 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/deals/reports/stages',
      tags: reportTags,
      summary: 'Pipeline by stage: deals, value and weighted value now on each stage',
      request: { query: pipelineQuery },
      responses: {
        200: json(
          z
            .object({
              pipeline_id: z.string(),
              currency: z.string(),
              stages: z.array(
                z.object({
                  stage_id: z.string(),
                  name: z.string(),
                  kind: z.enum(stageKinds),
                  probability: z.number(),
                  deals: z.number().int(),
                  value: z.number(),
                  weighted: z.number(),
                  other_currencies: currencyTotals,
                }),
              ),
            })
            .openapi('DealPipelineByStage'),
          'Per stage',
        ),
        404: errorResponses[404],
      },
    }),
    async (c) => c.json(await pipelineByStage(c.get('ctx').database.db, c.req.valid('query').pipeline_id), 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/deals/reports/stage-performance',
      tags: reportTags,
      summary: 'Win rate and average time per stage, and average days from opening to winning',
      request: { query: pipelineQuery },
      responses: {
        200: json(
          z
            .object({
              pipeline_id: z.string(),
              stages: z.array(
                z.object({
                  stage_id: z.string(),
                  name: z.string(),
                  kind: z.enum(stageKinds),
                  entered: z.number().int(),
                  won: z.number().int(),
                  lost: z.number().int(),
                  win_rate: z.number().nullable(),
                  average_days_in_stage: z.number().nullable(),
                  stays_measured: z.number().int(),
                }),
              ),
              won_deals: z.number().int(),
              average_days_to_win: z.number().nullable(),
            })
            .openapi('DealStagePerformance'),
          'Per stage',
        ),
        404: errorResponses[404],
      },
    }),
    async (c) => c.json(await stagePerformance(c.get('ctx').database.db, c.req.valid('query').pipeline_id), 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/deals/reports/sources',
      tags: reportTags,
      summary: 'Won revenue by lead source (deals closed in [from, to) when given)',
      request: { query: z.object({ from: dateTimeInput.optional(), to: dateTimeInput.optional() }) },
      responses: {
        200: json(
          z
            .object({
              currency: z.string(),
              data: z.array(z.object({ source: z.string().nullable(), deals: z.number().int(), value: z.number() })),
              total: z.number(),
              other_currencies: currencyTotals,
            })
            .openapi('DealWonBySource'),
          'Per source',
        ),
        400: errorResponses[400],
      },
    }),
    async (c) => c.json(await wonBySource(c.get('ctx').database.db, c.req.valid('query')), 200),
  );

  // Deals.
  registerCrudRoutes(app, {
    service: deals,
    path: '/api/deals',
    tag: 'deals',
    createBody: createSchema(dealEntity, dealLinesField).openapi('DealCreate'),
    updateBody: updateSchema(dealEntity, dealLinesField).openapi('DealUpdate'),
    record: dealRecord,
  });
  registerDeleteRoute(app, { service: deals, path: '/api/deals', tag: 'deals' });
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/deals/{id}/move',
      tags,
      summary: 'Move a deal to another stage of its pipeline (a stage of another pipeline is refused and nothing changes)',
      request: { params: idParam, body: body(moveBody) },
      responses: { 200: json(dealRecord, 'Moved'), 400: errorResponses[400], 404: errorResponses[404] },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const input = c.req.valid('json');
      const moved = await inTransaction(ctx, (trx) => moveDeal(trx, ctx, c.req.valid('param').id, input.stage_id, input.lost_reason === undefined ? {} : { lostReason: input.lost_reason }));
      return c.json(moved, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/deals/{id}/history',
      tags,
      summary: 'The stages a deal went through, with the time spent in each',
      request: { params: idParam },
      responses: { 200: json(z.object({ data: z.array(historySchema) }), 'Stage history, oldest first'), 404: errorResponses[404] },
    }),
    async (c) => {
      const db = c.get('ctx').database.db;
      const id = c.req.valid('param').id;
      await getDeal(db, id);
      return c.json({ data: await dealStageHistory(db, id) }, 200);
    },
  );
}
