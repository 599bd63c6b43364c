/** Campaigns API: audiences counted live, drafts, schedule / pause / cancel, test sends and the report. */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { inTransaction } from '../core/context.js';
import { invalid } from '../core/errors.js';
import { body, idParam, json } from '../http/crud-routes.js';
import type { AppEnv } from '../http/env.js';
import { errorResponses } from '../http/errors.js';
import { templateSource } from '../templates/render.js';
import { queueTestMessage } from '../templates/service.js';
import { audienceCountSchema, audienceSchema, countAudience } from './audience.js';
import { campaignReport, campaignReportSchema } from './report.js';
import {
  abPlan,
  abSettingsSchema,
  campaignAudience,
  campaignCreateInput,
  campaignSchema,
  campaignStatuses,
  campaignUpdateInput,
  cancelCampaign,
  createCampaign,
  deleteCampaign,
  getCampaign,
  listCampaigns,
  pauseCampaign,
  scheduleCampaign,
  updateCampaign,
  variantKeys,
} from './service.js';

const tags = ['campaigns'];

const abPlanSchema = z
  .object({
    test_recipients: z.number().int(),
    per_variant: z.number().int(),
    rest: z.number().int(),
    detectable_difference: z.number().nullable().openapi({ description: 'The smallest difference in rate the test is likely to show (80 % power)' }),
    warning: z.string().nullable().openapi({ description: 'Set when the test share is too small to tell the variants apart' }),
  })
  .openapi('AbPlan');
const audienceWithPlan = audienceCountSchema.extend({ ab_plan: abPlanSchema.nullable() }).openapi('CampaignAudienceCount');

const countInput = z
  .object({
    audience: audienceSchema,
    variants: z.number().int().min(1).max(4).optional(),
    ab: abSettingsSchema.optional(),
  })
  .strict()
  .openapi('AudienceCountInput');

const scheduleInput = z
  .object({ at: z.iso.datetime({ offset: true }).optional().openapi({ description: 'When to start; now when left out' }) })
  .strict()
  .openapi('CampaignSchedule');

const testInput = z
  .object({
    to: z.email({ message: 'not an email address' }).max(254),
    customer_id: z.string().max(40).optional().openapi({ description: 'Render as this customer; sample values when left out' }),
    variant: z.enum(variantKeys).optional().openapi({ description: 'One variant; every variant when left out' }),
  })
  .strict()
  .openapi('CampaignTestInput');

export function registerCampaignRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/campaigns',
      tags,
      summary: 'Email campaigns, newest first',
      request: { query: z.object({ status: z.enum(campaignStatuses).optional() }) },
      responses: { 200: json(z.object({ data: z.array(campaignSchema) }), 'Campaigns'), 400: errorResponses[400] },
    }),
    async (c) => c.json({ data: await listCampaigns(c.get('ctx').database.db, c.req.valid('query')) }, 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/campaigns',
      tags,
      summary: 'Create a draft campaign (one variant, or 2 to 4 for an A/B test)',
      request: { body: body(campaignCreateInput) },
      responses: { 201: json(campaignSchema, 'Created'), 400: errorResponses[400] },
    }),
    async (c) => c.json(await createCampaign(c.get('ctx'), c.req.valid('json')), 201),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/campaigns/audience/count',
      tags,
      summary: 'Count an audience now (consent and suppression applied) and how an A/B test would split it',
      request: { body: body(countInput) },
      responses: { 200: json(audienceWithPlan, 'Counts'), 400: errorResponses[400] },
    }),
    async (c) => {
      const b = c.req.valid('json');
      const count = await countAudience(c.get('ctx'), b.audience);
      const variants = b.variants ?? 1;
      return c.json({ ...count, ab_plan: abPlan(count, variants, variants > 1 ? abSettingsSchema.parse(b.ab ?? {}) : null) }, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/campaigns/{id}',
      tags,
      summary: 'A campaign',
      request: { params: idParam },
      responses: { 200: json(campaignSchema, 'The campaign'), 404: errorResponses[404] },
    }),
    async (c) => c.json(await getCampaign(c.get('ctx').database.db, c.req.valid('param').id), 200),
  );
  app.openapi(
    createRoute({
      method: 'patch',
      path: '/api/campaigns/{id}',
      tags,
      summary: 'Change a draft campaign',
      request: { params: idParam, body: body(campaignUpdateInput) },
      responses: { 200: json(campaignSchema, 'Changed'), 400: errorResponses[400], 404: errorResponses[404], 409: errorResponses[409] },
    }),
    async (c) => c.json(await updateCampaign(c.get('ctx'), c.req.valid('param').id, c.req.valid('json')), 200),
  );
  app.openapi(
    createRoute({
      method: 'delete',
      path: '/api/campaigns/{id}',
      tags,
      summary: 'Delete a draft campaign',
      request: { params: idParam },
      responses: { 204: { description: 'Deleted' }, 404: errorResponses[404], 409: errorResponses[409] },
    }),
    async (c) => {
      await deleteCampaign(c.get('ctx'), c.req.valid('param').id);
      return c.body(null, 204);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/campaigns/{id}/audience',
      tags,
      summary: "The campaign's audience counted now, and its A/B split with a warning when the test share is too small",
      request: { params: idParam },
      responses: { 200: json(audienceWithPlan, 'Counts'), 404: errorResponses[404] },
    }),
    async (c) => c.json(await campaignAudience(c.get('ctx'), c.req.valid('param').id), 200),
  );
  const transitionRoute = (path: string, summary: string, run: (ctx: AppEnv['Variables']['ctx'], id: string, b: z.infer<typeof scheduleInput>) => Promise<unknown>, withBody: boolean) =>
    app.openapi(
      createRoute({
        method: 'post',
        path: `/api/campaigns/{id}/${path}`,
        tags,
        summary,
        request: withBody ? { params: idParam, body: { required: false, content: { 'application/json': { schema: scheduleInput } } } } : { params: idParam },
        responses: { 200: json(campaignSchema, 'The campaign in its new state'), 400: errorResponses[400], 404: errorResponses[404], 409: errorResponses[409] },
      }),
      async (c) => {
        let b: z.infer<typeof scheduleInput> = {};
        if (withBody) {
          const text = await c.req.text();
          if (text.trim()) {
            const parsed = scheduleInput.safeParse(JSON.parse(text));
            if (!parsed.success) throw invalid('invalid schedule', Object.fromEntries(parsed.error.issues.map((i) => [i.path.join('.') || 'body', [i.message]])));
            b = parsed.data;
          }
        }
        return c.json((await run(c.get('ctx'), c.req.valid('param').id, b)) as never, 200);
      },
    );
  transitionRoute('schedule', 'Start now or at a time (a draft), or resume (a paused campaign)', (ctx, id, b) => scheduleCampaign(ctx, id, b.at), true);
  transitionRoute('pause', 'Pause: nothing more is queued and queued messages wait', (ctx, id) => pauseCampaign(ctx, id), false);
  transitionRoute('cancel', 'Cancel: messages not yet sent are dropped', (ctx, id) => cancelCampaign(ctx, id), false);
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/campaigns/{id}/test',
      tags,
      summary: 'Send a test of each variant (or one) to an address, as a customer or with sample values',
      request: { params: idParam, body: body(testInput) },
      responses: { 202: json(z.object({ message_ids: z.array(z.string()) }), 'Queued'), 400: errorResponses[400], 404: errorResponses[404] },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const b = c.req.valid('json');
      const campaign = await getCampaign(ctx.database.db, c.req.valid('param').id);
      const variants = campaign.variants.filter((v) => !b.variant || v.key === b.variant);
      if (!variants.length) throw invalid(`the campaign has no variant ${b.variant}`, { variant: ['no such variant'] });
      const ids = await inTransaction(ctx, async (trx) => {
        const out: string[] = [];
        for (const v of variants) {
          const source = await templateSource(trx, v.template_id);
          out.push((await queueTestMessage(trx, ctx.actor, v.subject ? { ...source, subject: v.subject } : source, b.to, b.customer_id, campaign.sender_id ?? undefined)).id);
        }
        return out;
      });
      return c.json({ message_ids: ids }, 202);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/campaigns/{id}/report',
      tags,
      summary: 'Sent, delivered, bounced, opened (inflated), clicked, unsubscribed, attributed orders and revenue, per variant, with the A/B standing',
      request: { params: idParam },
      responses: { 200: json(campaignReportSchema, 'Report'), 404: errorResponses[404] },
    }),
    async (c) => c.json(await campaignReport(c.get('ctx').database.db, c.req.valid('param').id), 200),
  );
}
