/**
 * Forms and leads over HTTP: `/api/forms` (owner), `POST /api/leads` (the lead pipe for API clients),
 * and the public pages outside /api: the hosted form `GET|POST /f/{id}` and its embeddable script
 * `GET /f/{id}/embed.js`. Public routes take small bodies, are rate-limited (see spam.ts) and answer
 * CORS only for the origins a form allows.
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { inTransaction } from '../core/context.js';
import { AppError, invalid, notFound } from '../core/errors.js';
import type { Db } from '../core/database.js';
import { getPipeline, getStage } from '../deals/pipelines.js';
import { fieldsOf } from '../fields/custom-fields.js';
import { clientAddress } from '../http/client.js';
import { body, idParam, json } from '../http/crud-routes.js';
import type { AppDeps, AppEnv } from '../http/env.js';
import { errorJson, errorResponses, errorSchema } from '../http/errors.js';
import { customerEntity } from '../schema/entities.js';
import type { FieldDef } from '../schema/fields.js';
import { createFormIn, deleteFormIn, findForm, formCreateInput, formSchema, formUpdateInput, getForm, listForms, publicForm, updateFormIn, type StageCheck, type StoredForm } from './definitions.js';
import { takeLead } from './leads.js';
import { fieldViews, renderEmbedScript, renderFormPage, renderThanksPage } from './page.js';
import { fillToken } from './spam.js';
import { submitForm } from './submit.js';
import { listSubmissions, submissionSchema } from './submissions.js';

const tags = ['forms'];

/** Largest public submission: a few short fields and a message. */
const formBodyBytes = 16 * 1024;

const checkStage: StageCheck = async (db, pipelineId, stageId) => {
  if (pipelineId) {
    try {
      await getPipeline(db, pipelineId);
    } catch {
      throw invalid(`pipeline ${pipelineId} does not exist`, { pipeline_id: ['no such pipeline'] });
    }
  }
  if (stageId) {
    const stage = await getStage(db, stageId);
    if (!stage) throw invalid(`stage ${stageId} does not exist`, { stage_id: ['no such stage'] });
    if (pipelineId && stage.pipeline_id !== pipelineId) throw invalid(`stage ${stageId} is not a stage of pipeline ${pipelineId}`, { stage_id: [`not a stage of pipeline ${pipelineId}`] });
    if (stage.kind !== 'open') throw invalid(`stage ${stageId} is a ${stage.kind} stage; a lead opens on an open stage`, { stage_id: ['not an open stage'] });
  }
};

const leadInput = z
  .object({
    customer: z.record(z.string(), z.unknown()).openapi({ description: 'Customer fields (as for POST /api/customers); matched to an existing customer by email, then phone' }),
    source: z.string().trim().min(1).max(64).openapi({ description: 'Lead source label', example: 'trade fair' }),
    consent_wording: z.string().trim().min(1).max(255).nullable().optional().openapi({ description: 'The wording of the email opt-in the person agreed to; recorded as consent_email_method' }),
    pipeline_id: z.string().max(40).nullable().optional(),
    stage_id: z.string().max(40).nullable().optional(),
    title: z.string().trim().min(1).max(255).nullable().optional(),
    value: z.number().finite().min(0).max(1e15).nullable().optional(),
    currency: z.string().length(3).nullable().optional(),
    message: z.string().max(10_000).nullable().optional(),
    referral_code: z.string().trim().max(64).nullable().optional(),
  })
  .strict()
  .openapi('LeadCreate');

const leadSchema = z.object({ customer_id: z.string(), deal_id: z.string(), interaction_id: z.string(), matched: z.boolean(), referral_attributed: z.boolean() }).openapi('Lead');

export function registerFormRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(
    createRoute({ method: 'get', path: '/api/forms', tags, summary: 'Web-to-lead forms', responses: { 200: json(z.object({ data: z.array(formSchema) }), 'Forms'), 400: errorResponses[400] } }),
    async (c) => c.json({ data: await listForms(c.get('ctx').database.db) }, 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/forms',
      tags,
      summary: 'Create a form: fields from the customer registry, consent wording, target stage, lead source, redirect (its origin must be allowed)',
      request: { body: body(formCreateInput) },
      responses: { 201: json(formSchema, 'Created'), 400: errorResponses[400] },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const input = await c.req.json();
      return c.json(await inTransaction(ctx, (trx) => createFormIn(trx, ctx, input, checkStage)), 201);
    },
  );
  app.openapi(
    createRoute({ method: 'get', path: '/api/forms/{id}', tags, summary: 'A form', request: { params: idParam }, responses: { 200: json(formSchema, 'The form'), 404: errorResponses[404] } }),
    async (c) => c.json(publicForm(await getForm(c.get('ctx').database.db, c.req.valid('param').id)), 200),
  );
  app.openapi(
    createRoute({
      method: 'patch',
      path: '/api/forms/{id}',
      tags,
      summary: 'Change a form (only the settings sent)',
      request: { params: idParam, body: body(formUpdateInput) },
      responses: { 200: json(formSchema, 'Updated'), 400: errorResponses[400], 404: errorResponses[404] },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const input = await c.req.json();
      return c.json(await inTransaction(ctx, (trx) => updateFormIn(trx, ctx, c.req.valid('param').id, input, checkStage)), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'delete',
      path: '/api/forms/{id}',
      tags,
      summary: 'Delete a form (its submissions stay as the consent record)',
      request: { params: idParam },
      responses: { 204: { description: 'Deleted' }, 404: errorResponses[404] },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      await inTransaction(ctx, (trx) => deleteFormIn(trx, ctx, c.req.valid('param').id));
      return c.body(null, 204);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/forms/{id}/submissions',
      tags,
      summary: 'Accepted submissions of a form, newest first (spam and rate-limited posts are not stored)',
      request: { params: idParam, query: z.object({ limit: z.coerce.number().int().min(1).max(500).optional() }) },
      responses: { 200: json(z.object({ data: z.array(submissionSchema) }), 'Submissions'), 404: errorResponses[404] },
    }),
    async (c) => {
      const db = c.get('ctx').database.db;
      const form = await getForm(db, c.req.valid('param').id);
      return c.json({ data: await listSubmissions(db, form.id, c.req.valid('query').limit ?? 100) }, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/leads',
      tags: ['leads'],
      summary: 'Take a lead: create or match the customer, record source and consent, log the contact, open a deal',
      request: { body: body(leadInput) },
      responses: { 201: json(leadSchema, 'The lead'), 400: errorResponses[400] },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const input = c.req.valid('json');
      if (input.stage_id || input.pipeline_id) await checkStage(ctx.database.db, input.pipeline_id ?? null, input.stage_id ?? null);
      const lead = await inTransaction(ctx, (trx) =>
        takeLead(trx, ctx, {
          values: input.customer,
          source: input.source,
          channel: 'api',
          consentWording: input.consent_wording,
          pipelineId: input.pipeline_id,
          stageId: input.stage_id,
          dealTitle: input.title,
          dealValue: input.value,
          currency: input.currency,
          message: input.message,
          referralCode: input.referral_code,
        }),
      );
      return c.json(lead, 201);
    },
  );
}

async function askable(db: Db): Promise<Map<string, FieldDef>> {
  return new Map((await fieldsOf(db, customerEntity)).map((f) => [f.name, f]));
}

/**
 * The other site a request names as its origin, or null for this server's own page. The hosted page is
 * served with no referrer, so the browser sends its post with `Origin: null`: that counts as our own
 * (a post needs the fill token from our page or script anyway, and a null origin can read no answer).
 */
function foreignOrigin(c: Context): string | null {
  const origin = c.req.header('origin');
  if (!origin || origin === 'null') return null;
  try {
    return new URL(origin).host === (c.req.header('host') ?? new URL(c.req.url).host) ? null : origin;
  } catch {
    return origin;
  }
}

const wantsJson = (c: Context) => (c.req.header('accept') ?? '').includes('application/json');

const html = (description: string) => ({ description, content: { 'text/html': { schema: z.string() } } });
const htmlOrJson = (description: string, schema: z.ZodTypeAny) => ({ description, content: { 'text/html': { schema: z.string() }, 'application/json': { schema } } });
const submitAnswer = z.object({ message: z.string(), redirect_url: z.string().nullable() }).openapi('FormSubmitted');
const formPostBody = z
  .record(z.string(), z.string().max(10_000))
  .openapi('FormPost', { description: "The form's fields by name, the consent checkbox (`consent`), the referral code (`ref`), the honeypot and the fill token" });
const publicRoute = { security: [] as Record<string, string[]>[] };

/**
 * Answers a cross-site request from an allowed origin with the CORS headers that let the embedding
 * page read the answer; other sites get none (and their posts are refused before anything is stored).
 */
function allowOrigin(c: Context, form: StoredForm, origin: string | null) {
  c.header('vary', 'Origin');
  if (origin && form.allowed_origins.includes(origin)) c.header('access-control-allow-origin', origin);
}

/** Lets the embed script be loaded by other sites (the app's default resource policy is same-origin). */
export const formPageHeaders: MiddlewareHandler = async (c, next) => {
  await next();
  if (c.req.path.endsWith('/embed.js') && c.res.status === 200) c.res.headers.set('cross-origin-resource-policy', 'cross-origin');
};

export function registerFormPages(app: OpenAPIHono<AppEnv>, deps: AppDeps) {
  const ctx = { database: deps.database, actor: 'form', defaultCountry: deps.config.defaultCountry };
  const db = deps.database.db;
  app.use('/f/*', bodyLimit({ maxSize: formBodyBytes, onError: (c) => errorJson(c, new AppError('payload_too_large', `request body is larger than ${formBodyBytes} bytes`)) }));
  const activeForm = async (id: string) => {
    const form = await findForm(db, id);
    if (!form || !form.active) throw notFound('form', id);
    return form;
  };
  const fail = (c: Context, error: AppError, form?: StoredForm, views?: ReturnType<typeof fieldViews>, values?: Record<string, string>) => {
    if (wantsJson(c) || !form || !views) return errorJson(c, error);
    const problems = error.fields ? Object.values(error.fields).flat() : [error.message];
    return c.html(renderFormPage(form, views, fillToken(form), { values, errors: problems, referralCode: values?.ref }), error.status as 400);
  };

  app.openapi(
    createRoute({
      method: 'get',
      path: '/f/{id}',
      tags,
      ...publicRoute,
      summary: 'The hosted form page (public; `?ref=CODE` passes a referral code)',
      request: { params: idParam, query: z.object({ ref: z.string().max(64).optional() }) },
      responses: { 200: html('The form'), 404: errorResponses[404] },
    }),
    async (c) => {
      const form = await activeForm(c.req.valid('param').id);
      c.header('cache-control', 'no-store');
      return c.html(renderFormPage(form, fieldViews(form, await askable(db)), fillToken(form), { referralCode: c.req.valid('query').ref ?? null }), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/f/{id}',
      tags,
      ...publicRoute,
      summary: "Submit a form (public). HTML answer for the hosted page, JSON when the request accepts application/json (the embed script); cross-site posts only from the form's allowed origins",
      request: { params: idParam, body: { required: true, content: { 'application/x-www-form-urlencoded': { schema: formPostBody }, 'multipart/form-data': { schema: formPostBody } } } },
      responses: {
        200: htmlOrJson('Accepted (or silently dropped as spam)', submitAnswer),
        303: { description: "Accepted; the visitor is sent to the form's redirect address" },
        400: htmlOrJson('Missing or malformed fields, or an expired form', errorSchema),
        403: { description: 'Posted from a site the form does not allow', content: { 'application/json': { schema: errorSchema } } },
        404: errorResponses[404],
        413: { description: 'Body too large', content: { 'application/json': { schema: errorSchema } } },
        429: htmlOrJson('Too many submissions', errorSchema),
      },
    }),
    async (c) => {
      const form = await activeForm(c.req.valid('param').id);
      const origin = foreignOrigin(c);
      allowOrigin(c, form, origin);
      if (origin && !form.allowed_origins.includes(origin)) return errorJson(c, new AppError('forbidden', `this form does not accept posts from ${origin}`));
      const raw: Record<string, string> = {};
      for (const [k, v] of Object.entries(await c.req.parseBody())) if (typeof v === 'string') raw[k] = v;
      const defs = await askable(db);
      const views = fieldViews(form, defs);
      try {
        await submitForm(ctx, form, defs, raw, { client: clientAddress(c, deps.config), origin });
      } catch (e) {
        if (e instanceof AppError && e.status < 500) return fail(c, e, form, views, raw);
        throw e;
      }
      const message = form.success_message ?? 'Thank you! We will be in touch soon.';
      if (wantsJson(c)) return c.json({ message, redirect_url: form.redirect_url }, 200);
      if (form.redirect_url) return c.redirect(form.redirect_url, 303);
      return c.html(renderThanksPage(form), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'options',
      path: '/f/{id}',
      tags,
      ...publicRoute,
      summary: "CORS preflight for posts from the form's allowed origins",
      request: { params: idParam },
      responses: { 204: { description: 'Allowed methods and headers' }, 404: errorResponses[404] },
    }),
    async (c) => {
      const form = await activeForm(c.req.valid('param').id);
      allowOrigin(c, form, foreignOrigin(c));
      c.header('access-control-allow-methods', 'POST');
      c.header('access-control-allow-headers', 'content-type, accept');
      c.header('access-control-max-age', '600');
      return c.body(null, 204);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/f/{id}/embed.js',
      tags,
      ...publicRoute,
      summary: 'The embeddable script: draws the form into the page that loads it and posts it here',
      request: { params: idParam },
      responses: { 200: { description: 'JavaScript', content: { 'text/javascript': { schema: z.string() } } }, 404: errorResponses[404] },
    }),
    async (c) => {
      const form = await activeForm(c.req.valid('param').id);
      const action = `${new URL(c.req.url).origin}/f/${form.id}`;
      c.header('content-type', 'text/javascript; charset=utf-8');
      // Each load carries a fresh fill token: never cached.
      c.header('cache-control', 'no-store');
      return c.body(renderEmbedScript(form, fieldViews(form, await askable(db)), fillToken(form), action), 200);
    },
  );
}
