import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../http/env.js';
import { errorResponses } from '../http/errors.js';
import { body, idParam, json } from '../http/crud-routes.js';
import { mergeCustomers, undoMerge } from './merge.js';
import { jobAccepted, jobView } from '../http/jobs.js';
import { startScanJob } from './jobs.js';
import { recordSchema } from '../records/validation.js';
import { customerEntity } from '../schema/entities.js';
import { dismissCandidate, listCandidates, mergeCandidate } from './service.js';

const tags = ['duplicates'];
/** A customer as the customers API returns it (the registry's fields plus custom fields and sources). */
const customer = recordSchema(customerEntity, { sources: z.array(z.object({ source: z.string(), source_id: z.string() })) });
/** A field's value on either side of a merge: whatever the field holds. */
const fieldValue = z.union([z.string(), z.number(), z.boolean(), z.array(z.unknown()), z.record(z.string(), z.unknown()), z.null()]);
const mergeResult = z
  .object({ merge_id: z.string(), winner: customer, conflicts: z.array(z.object({ field: z.string(), kept: fieldValue, discarded: fieldValue, from: z.string() })) })
  .openapi('MergeResult');
/** Records are shaped by the registry at run time; the schema states that shape. */
type MergeResult = z.infer<typeof mergeResult>;

export function registerDuplicateRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/duplicates',
      tags,
      summary: 'Likely duplicate pairs with both customers, most likely first',
      request: { query: z.object({ status: z.enum(['open', 'merged', 'dismissed']).optional(), limit: z.coerce.number().int().min(1).max(200).optional(), cursor: z.string().max(500).optional() }) },
      responses: {
        200: json(
          z.object({
            data: z.array(
              z.object({
                id: z.string(),
                score: z.number().describe('Probability that the two records are one person, calibrated on labelled pairs: of pairs at 0.9, about 9 in 10 are'),
                reasons: z.array(z.string()),
                status: z.string(),
                created_at: z.string(),
                a: customer.nullable().openapi({ description: 'null once the customer is gone' }),
                b: customer.nullable(),
              }),
            ),
            next_cursor: z.string().nullable(),
          }),
          'Pairs',
        ),
        400: errorResponses[400],
      },
    }),
    async (c) => c.json(await listCandidates(c.get('ctx'), c.req.valid('query')), 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/duplicates/{id}/merge',
      tags,
      summary: 'Merge a pair; winner names the record that stays (default a)',
      request: { params: idParam, body: { required: false, content: { 'application/json': { schema: z.object({ winner: z.enum(['a', 'b']).optional() }).strict() } } } },
      responses: { 200: json(mergeResult, 'Merged'), 404: errorResponses[404], 409: errorResponses[409] },
    }),
    async (c) => c.json((await mergeCandidate(c.get('ctx'), c.req.valid('param').id, c.req.valid('json')?.winner)) as MergeResult, 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/duplicates/{id}/dismiss',
      tags,
      summary: 'Not a duplicate: never suggest or merge this pair again',
      request: { params: idParam },
      responses: { 204: { description: 'Dismissed' }, 404: errorResponses[404], 409: errorResponses[409] },
    }),
    async (c) => {
      await dismissCandidate(c.get('ctx'), c.req.valid('param').id);
      return c.body(null, 204);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/duplicates/scan',
      tags,
      summary: 'Look for duplicates among all customers as a job: merge sure matches (auto) and queue the rest',
      request: {
        body: {
          required: false,
          content: { 'application/json': { schema: z.object({ mode: z.enum(['auto', 'review']).default('review'), merge_threshold: z.number().min(0.5).max(1).optional() }).strict() } },
        },
      },
      responses: { 202: jobAccepted },
    }),
    async (c) => {
      const input = c.req.valid('json') ?? { mode: 'review' as const };
      // A scan may compare and merge many customers: it runs as a job, whose result holds customers, merged, clusters and queued.
      const job = await startScanJob(c.get('ctx'), input.mode ?? 'review', input.merge_threshold);
      c.header('location', `/api/jobs/${job.id}`);
      return c.json(jobView(job), 202);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/customers/merge',
      tags,
      summary: 'Merge customers into one: orders, interactions and tasks move to the winner',
      request: {
        body: body(
          z
            .object({ winner_id: z.string().max(40), loser_ids: z.array(z.string().max(40)).min(1).max(100) })
            .strict()
            .openapi('MergeRequest'),
        ),
      },
      responses: { 200: json(mergeResult, 'Merged'), 400: errorResponses[400], 404: errorResponses[404] },
    }),
    async (c) => {
      const { winner_id, loser_ids } = c.req.valid('json');
      return c.json((await mergeCustomers(c.get('ctx'), winner_id, loser_ids)) as MergeResult, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/merges/{id}/undo',
      tags,
      summary: 'Undo a merge: the merged customers come back with their own orders and interactions',
      request: { params: idParam },
      responses: { 204: { description: 'Undone' }, 404: errorResponses[404], 409: errorResponses[409] },
    }),
    async (c) => {
      await undoMerge(c.get('ctx'), c.req.valid('param').id);
      return c.body(null, 204);
    },
  );
}
