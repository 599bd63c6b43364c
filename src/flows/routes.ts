/** /api/flows: flows (CRUD), activate and pause, the dry run, enrolments (list, manual), per-step counts, built-in templates, settings. */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { inTransaction } from '../core/context.js';
import { invalid } from '../core/errors.js';
import { body, idParam, json } from '../http/crud-routes.js';
import { errorResponses } from '../http/errors.js';
import type { AppEnv } from '../http/env.js';
import { definitionSchema } from './definition.js';
import { candidates, dryRun, dryRunInput } from './dry-run.js';
import { smsOutcomesSchema } from '../sms/outcomes.js';
import { createFlow, deleteFlow, enrolCustomer, enrolManually, flowPatch, getFlow, listEnrolments, listFlows, manualEnrolInput, setFlowStatus, stepCounts, updateFlow, type Flow } from './service.js';
import { flowSettingsSchema, getFlowSettings, updateFlowSettings } from './settings.js';
import { flowTemplates } from './templates.js';

const tags = ['flows'];

const stepCountSchema = z
  .object({
    step_id: z.string(),
    kind: z.string(),
    outcomes: z.record(z.string(), z.number()),
    waiting: z.number(),
    sms: smsOutcomesSchema.optional().openapi({ description: 'A send_sms step: what became of its texts' }),
  })
  .openapi('FlowStepCount');
const flowSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    status: z.enum(['draft', 'active', 'paused']),
    version: z.number().int().openapi({ description: 'The published version new enrolments get' }),
    definition: definitionSchema,
    activated_at: z.string().nullable(),
    created_at: z.string(),
    updated_at: z.string(),
    counts: z
      .object({
        steps: z.array(stepCountSchema),
        enrolments: z.record(z.string(), z.number()),
        discount_codes: z
          .object({
            issued: z.number().int().openapi({ description: "Personal codes put in the flow's messages" }),
            redeemed: z.number().int().openapi({ description: 'Codes redeemed by an order' }),
            orders: z.number().int().openapi({ description: 'Orders that redeemed a code' }),
            refused: z.number().int().openapi({ description: "Orders that brought a code already used (a flow's code takes one order): not counted" }),
          })
          .openapi({ description: "The flow's personal discount codes ({{ discount_code }} in its messages) and their redemptions" }),
      })
      .optional(),
  })
  .openapi('Flow');
const enrolmentSchema = z
  .object({
    id: z.string(),
    flow_id: z.string(),
    flow_name: z.string(),
    version: z.number().int(),
    customer_id: z.string(),
    status: z.enum(['active', 'completed', 'exited', 'failed']),
    step: z.number().int().openapi({ description: 'Index of the next step to run' }),
    next_run_at: z.string().nullable(),
    source: z.enum(['event', 'date', 'manual']),
    exit_reason: z.string().nullable(),
    entered_at: z.string(),
    finished_at: z.string().nullable(),
    history: z.array(z.object({ step_id: z.string(), kind: z.string(), outcome: z.string(), detail: z.string().nullable(), related_id: z.string().nullable(), ran_at: z.string() })),
  })
  .openapi('FlowEnrolment');
const plannedStep = z.object({ step_id: z.string(), kind: z.string(), at: z.string(), summary: z.string(), subject: z.string().optional(), text: z.string().optional() });
const dryRunSchema = z
  .object({
    day: z.string(),
    trigger: z.string(),
    total: z.number().int().openapi({ description: 'Customers who would enter today' }),
    excluded_by_reentry: z.number().int(),
    customers: z.array(z.object({ customer_id: z.string(), name: z.string(), email: z.string().nullable(), why: z.string(), steps: z.array(plannedStep) })),
  })
  .openapi('FlowDryRun');
const templateSchema = z.object({ key: z.string(), name: z.string(), description: z.string(), definition: definitionSchema }).openapi('FlowTemplate');
const createBody = z
  .object({
    name: z.string().trim().min(1, { message: 'a name is required' }).max(200).optional().openapi({ description: "Required with a definition; a template's name by default" }),
    definition: definitionSchema.optional(),
    template: z
      .enum(flowTemplates.map((t) => t.key) as [string, ...string[]])
      .optional()
      .openapi({ description: 'A built-in flow to start from (GET /api/flows/templates), instead of a definition' }),
  })
  .strict()
  .superRefine((v, ctx) => {
    if ((v.definition === undefined) === (v.template === undefined)) ctx.addIssue({ code: 'custom', path: ['definition'], message: 'give a definition or a template (one of them)' });
    if (v.definition !== undefined && v.name === undefined) ctx.addIssue({ code: 'custom', path: ['name'], message: 'a name is required' });
  })
  .openapi('FlowCreate');
const activateBody = z
  .object({ enrol_existing: z.boolean().default(false).openapi({ description: 'Also enrol now whoever the dry run lists (e.g. customers already past a score threshold)' }) })
  .strict()
  .openapi('FlowActivate');
const enrolmentQuery = z.object({
  status: z.enum(['active', 'completed', 'exited', 'failed']).optional(),
  customer_id: z.string().max(40).optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
});

const withCounts = async (db: Parameters<typeof stepCounts>[0], flow: Flow) => ({ ...flow, counts: await stepCounts(db, flow) });

export function registerFlowRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(
    createRoute({ method: 'get', path: '/api/flows/templates', tags, summary: 'Built-in flows to start from', responses: { 200: json(z.object({ data: z.array(templateSchema) }), 'Templates') } }),
    async (c) => c.json({ data: flowTemplates }, 200),
  );
  app.openapi(
    createRoute({ method: 'get', path: '/api/flows/settings', tags, summary: 'The daily sending budget of all flows', responses: { 200: json(flowSettingsSchema, 'Flow settings') } }),
    async (c) => c.json(await getFlowSettings(c.get('ctx').database.db), 200),
  );
  app.openapi(
    createRoute({
      method: 'patch',
      path: '/api/flows/settings',
      tags,
      summary: 'Change the daily sending budget',
      request: { body: body(flowSettingsSchema.partial()) },
      responses: { 200: json(flowSettingsSchema, 'Flow settings'), 400: errorResponses[400] },
    }),
    async (c) => c.json(await updateFlowSettings(c.get('ctx').database, await c.req.json()), 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/flow-enrolments',
      tags,
      summary: "Enrolments of every flow, newest first (a customer's flow history with customer_id)",
      request: { query: enrolmentQuery },
      responses: { 200: json(z.object({ data: z.array(enrolmentSchema) }), 'Enrolments'), 400: errorResponses[400] },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const data = await listEnrolments(c.get('ctx').database.db, { customerId: q.customer_id, status: q.status, limit: q.limit });
      return c.json({ data: data as z.infer<typeof enrolmentSchema>[] }, 200);
    },
  );
  app.openapi(
    createRoute({ method: 'get', path: '/api/flows', tags, summary: 'Flows with their per-step counts, newest first', responses: { 200: json(z.object({ data: z.array(flowSchema) }), 'Flows') } }),
    async (c) => {
      const db = c.get('ctx').database.db;
      const flows = await listFlows(db);
      const data = [];
      for (const f of flows) data.push(await withCounts(db, f));
      return c.json({ data }, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/flows',
      tags,
      summary: 'Create a flow (a draft) from a definition or a built-in template',
      request: { body: body(createBody) },
      responses: { 201: json(flowSchema, 'The flow'), 400: errorResponses[400] },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const input = c.req.valid('json');
      let raw: unknown = { name: input.name, definition: input.definition };
      if (input.template) {
        const t = flowTemplates.find((x) => x.key === input.template)!;
        raw = { name: input.name ?? t.name, definition: t.definition };
      }
      const flow = await createFlow(ctx, raw);
      return c.json(await withCounts(ctx.database.db, flow), 201);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/flows/{id}',
      tags,
      summary: 'A flow with its per-step counts',
      request: { params: idParam },
      responses: { 200: json(flowSchema, 'The flow'), 404: errorResponses[404] },
    }),
    async (c) => {
      const db = c.get('ctx').database.db;
      return c.json(await withCounts(db, await getFlow(db, c.req.valid('param').id)), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'patch',
      path: '/api/flows/{id}',
      tags,
      summary: 'Rename a flow or change its definition (published as a new version; running enrolments keep theirs)',
      request: { params: idParam, body: body(flowPatch) },
      responses: { 200: json(flowSchema, 'The flow'), 400: errorResponses[400], 404: errorResponses[404] },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const flow = await updateFlow(ctx, c.req.valid('param').id, c.req.valid('json'));
      return c.json(await withCounts(ctx.database.db, flow), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'delete',
      path: '/api/flows/{id}',
      tags,
      summary: 'Delete a flow, its versions and enrolments (messages already queued stay)',
      request: { params: idParam },
      responses: { 204: { description: 'Deleted' }, 404: errorResponses[404] },
    }),
    async (c) => {
      await deleteFlow(c.get('ctx'), c.req.valid('param').id);
      return c.body(null, 204);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/flows/{id}/activate',
      tags,
      summary: 'Switch a flow on: its trigger enrols customers from now on',
      request: { params: idParam, body: { required: false, content: { 'application/json': { schema: activateBody } } } },
      responses: { 200: json(flowSchema.extend({ enrolled: z.number().int() }), 'The flow, and how many entered at once'), 400: errorResponses[400], 404: errorResponses[404] },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const { id } = c.req.valid('param');
      const text = await c.req.text();
      const parsed = activateBody.safeParse(text.trim() ? JSON.parse(text) : {});
      if (!parsed.success) throw invalid('invalid activation', { enrol_existing: parsed.error.issues.map((i) => i.message) });
      const before = await getFlow(ctx.database.db, id);
      if (parsed.data.enrol_existing && before.definition.trigger.type === 'manual')
        throw invalid('a manual flow enrols through POST /api/flows/{id}/enrolments', { enrol_existing: ['not for a manual flow'] });
      const flow = await setFlowStatus(ctx, id, 'active');
      let enrolled = 0;
      if (parsed.data.enrol_existing) {
        const list = await candidates(ctx.database, flow, {});
        await inTransaction(ctx, async (trx) => {
          for (const cand of list) if (await enrolCustomer(trx, ctx.actor, flow, cand.customer_id, 'manual', null)) enrolled++;
        });
      }
      return c.json({ ...(await withCounts(ctx.database.db, flow)), enrolled }, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/flows/{id}/pause',
      tags,
      summary: 'Pause a flow: no one enters, running enrolments wait until it is activated again',
      request: { params: idParam },
      responses: { 200: json(flowSchema, 'The flow'), 404: errorResponses[404] },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      return c.json(await withCounts(ctx.database.db, await setFlowStatus(ctx, c.req.valid('param').id, 'paused')), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/flows/{id}/dry-run',
      tags,
      summary: 'Who would enter today and what they would get (nothing is written or sent)',
      request: { params: idParam, body: { required: false, content: { 'application/json': { schema: dryRunInput } } } },
      responses: { 200: json(dryRunSchema, 'The dry run'), 400: errorResponses[400], 404: errorResponses[404] },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const flow = await getFlow(ctx.database.db, c.req.valid('param').id);
      const text = await c.req.text();
      return c.json(await dryRun(ctx.database, flow, text.trim() ? JSON.parse(text) : {}), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/flows/{id}/enrolments',
      tags,
      summary: "A flow's enrolments with the steps each ran, newest first",
      request: { params: idParam, query: enrolmentQuery },
      responses: { 200: json(z.object({ data: z.array(enrolmentSchema) }), 'Enrolments'), 400: errorResponses[400], 404: errorResponses[404] },
    }),
    async (c) => {
      const db = c.get('ctx').database.db;
      const { id } = c.req.valid('param');
      await getFlow(db, id);
      const q = c.req.valid('query');
      const data = await listEnrolments(db, { flowId: id, customerId: q.customer_id, status: q.status, limit: q.limit });
      return c.json({ data: data as z.infer<typeof enrolmentSchema>[] }, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/flows/{id}/enrolments',
      tags,
      summary: 'Enrol customers by hand (ids, or everyone a customer filter selects), under the re-entry policy',
      request: { params: idParam, body: body(manualEnrolInput) },
      responses: { 200: json(z.object({ enrolled: z.number().int(), skipped: z.number().int(), enrolment_ids: z.array(z.string()) }), 'Enrolled'), 400: errorResponses[400], 404: errorResponses[404] },
    }),
    async (c) => c.json(await enrolManually(c.get('ctx'), c.req.valid('param').id, c.req.valid('json')), 200),
  );
}
