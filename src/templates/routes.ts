/** Templates API: stored MJML + Liquid templates, the merge fields they can use, preview and test send. */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { inTransaction } from '../core/context.js';
import { body, idParam, json } from '../http/crud-routes.js';
import type { AppEnv } from '../http/env.js';
import { errorResponses } from '../http/errors.js';
import { mergeFields } from './render.js';
import {
  createTemplate,
  deleteTemplate,
  getTemplate,
  inlineTemplate,
  listTemplates,
  previewTemplate,
  queueTestMessage,
  templateCreateInput,
  templateSchema,
  templateUpdateInput,
  updateTemplate,
} from './service.js';

const tags = ['templates'];

const renderedSchema = z
  .object({ subject: z.string(), html: z.string().nullable().openapi({ description: 'Responsive HTML (null for a text-only template)' }), text: z.string() })
  .openapi('RenderedMail');

const previewInput = z
  .object({
    template_id: z.string().max(40).optional(),
    template: inlineTemplate.optional().openapi({ description: 'An unsaved template (the editor); template_id or template is required' }),
    customer_id: z.string().max(40).optional().openapi({ description: 'Render as this customer; sample values for every merge field when left out' }),
  })
  .strict()
  .refine((v) => !!v.template_id !== !!v.template, { message: 'give template_id or template (one of them)', path: ['template_id'] })
  .openapi('TemplatePreviewInput');

const testInput = z
  .object({
    to: z.email({ message: 'not an email address' }).max(254),
    customer_id: z.string().max(40).optional(),
    sender_id: z.string().max(40).optional(),
  })
  .strict()
  .openapi('TemplateTestInput');

const mergeFieldSchema = z.object({ name: z.string(), label: z.string(), type: z.string() }).openapi('MergeField');

export function registerTemplateRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(createRoute({ method: 'get', path: '/api/templates', tags, summary: 'Email templates', responses: { 200: json(z.object({ data: z.array(templateSchema) }), 'Templates') } }), async (c) =>
    c.json({ data: await listTemplates(c.get('ctx').database.db) }, 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/templates/fields',
      tags,
      summary: 'The merge fields a template can use: customer fields, next best offer, discount code',
      responses: { 200: json(z.object({ data: z.array(mergeFieldSchema) }), 'Merge fields') },
    }),
    async (c) => c.json({ data: await mergeFields(c.get('ctx').database.db) }, 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/templates',
      tags,
      summary: 'Add a template (checked: MJML and Liquid syntax, every merge field known)',
      request: { body: body(templateCreateInput) },
      responses: { 201: json(templateSchema, 'Created'), 400: errorResponses[400] },
    }),
    async (c) => c.json(await createTemplate(c.get('ctx').database.db, c.req.valid('json')), 201),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/templates/preview',
      tags,
      summary: 'Render a stored or unsaved template as a customer (or with sample values)',
      request: { body: body(previewInput) },
      responses: { 200: json(renderedSchema, 'Rendered'), 400: errorResponses[400], 404: errorResponses[404] },
    }),
    async (c) => {
      const b = c.req.valid('json');
      return c.json(await previewTemplate(c.get('ctx').database.db, b.template_id ?? b.template!, b.customer_id), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/templates/{id}',
      tags,
      summary: 'A template',
      request: { params: idParam },
      responses: { 200: json(templateSchema, 'The template'), 404: errorResponses[404] },
    }),
    async (c) => c.json(await getTemplate(c.get('ctx').database.db, c.req.valid('param').id), 200),
  );
  app.openapi(
    createRoute({
      method: 'patch',
      path: '/api/templates/{id}',
      tags,
      summary: 'Change a template (checked as when added)',
      request: { params: idParam, body: body(templateUpdateInput) },
      responses: { 200: json(templateSchema, 'Changed'), 400: errorResponses[400], 404: errorResponses[404] },
    }),
    async (c) => c.json(await updateTemplate(c.get('ctx').database.db, c.req.valid('param').id, c.req.valid('json')), 200),
  );
  app.openapi(
    createRoute({
      method: 'delete',
      path: '/api/templates/{id}',
      tags,
      summary: 'Delete a template no open campaign uses',
      request: { params: idParam },
      responses: { 204: { description: 'Deleted' }, 404: errorResponses[404], 409: errorResponses[409] },
    }),
    async (c) => {
      await deleteTemplate(c.get('ctx').database.db, c.req.valid('param').id);
      return c.body(null, 204);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/templates/{id}/test',
      tags,
      summary: 'Send a test of the template to one address (as a customer, or with sample values)',
      request: { params: idParam, body: body(testInput) },
      responses: { 202: json(z.object({ message_id: z.string() }), 'Queued'), 400: errorResponses[400], 404: errorResponses[404] },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const b = c.req.valid('json');
      const id = c.req.valid('param').id;
      const queued = await inTransaction(ctx, (trx) => queueTestMessage(trx, ctx.actor, id, b.to, b.customer_id, b.sender_id));
      return c.json({ message_id: queued.id }, 202);
    },
  );
}
