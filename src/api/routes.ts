import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { listAudit } from '../audit/audit.js';
import { interactions, tasks } from '../activities/interactions.js';
import { customerTimeline, customerView } from '../customer360/view.js';
import { customerScoresSchema } from '../insights/customer-scores.js';
import { eraseCustomer } from '../customer360/erase.js';
import { exportCustomer } from '../customer360/export.js';
import { companies } from '../customers/companies.js';
import { customers } from '../customers/index.js';
import { customerCreateInput, customerUpdateInput, parseCustomerInput, sourceRef } from '../customers/service.js';
import { addCustomField, customFieldInput, fieldsOf, listCustomFields, removeCustomField } from '../fields/custom-fields.js';
import { inTransaction } from '../core/context.js';
import { orderLineInput, orderLineRecord, orders } from '../sales/orders.js';
import { products } from '../sales/products.js';
import { createSchema, recordSchema, updateSchema } from '../records/validation.js';
import { companyEntity, customerEntity, interactionEntity, orderEntity, productEntity, taskEntity } from '../schema/entities.js';
import { body, idParam, json, registerCrudRoutes, registerDeleteRoute } from '../http/crud-routes.js';
import { errorResponses } from '../http/errors.js';
import { registerInsightRoutes } from '../insights/routes.js';
import { registerReportRoutes } from '../reports/routes.js';
import { registerImportRoutes } from '../imports/routes.js';
import { registerDuplicateRoutes } from '../duplicates/routes.js';
import { registerExportRoutes } from '../exports/routes.js';
import { registerBackupRoutes } from '../backup/routes.js';
import { registerEventRoutes } from '../events/routes.js';
import { registerJobRoutes } from '../jobs/routes.js';
import { registerSettingsRoutes } from '../settings/routes.js';
import { registerDemoRoutes } from '../demo/routes.js';
import { segmentWhere } from '../insights/segmentation.js';
import type { AppEnv } from '../http/env.js';

const customerRecord = recordSchema(customerEntity, { sources: z.array(sourceRef) }).openapi('Customer');
const companyRecord = recordSchema(companyEntity).openapi('Company');
const productRecord = recordSchema(productEntity).openapi('Product');
const interactionRecord = recordSchema(interactionEntity).openapi('Interaction');
const taskRecord = recordSchema(taskEntity).openapi('Task');
const orderRecord = recordSchema(orderEntity, { lines: z.array(orderLineRecord) }).openapi('Order');
const customerFigures = z
  .object({
    first_order_at: z.string().nullable(),
    last_order_at: z.string().nullable(),
    order_count: z.number().nullable(),
    revenue: z.number().nullable(),
    average_order_value: z.number().nullable(),
    purchase_frequency: z.number().nullable(),
    last_interaction_at: z.string().nullable(),
  })
  .openapi('CustomerFigures');
/** A JSON value as stored (audit before/after, a change's values): any shape. */
const storedJson = z.union([z.record(z.string(), z.unknown()), z.array(z.unknown()), z.string(), z.number(), z.boolean(), z.null()]).openapi({ description: 'A stored JSON value' });
const auditEntry = z
  .object({ id: z.string(), at: z.string(), actor: z.string(), action: z.string(), entity: z.string(), entity_id: z.string(), before: storedJson, after: storedJson, batch_id: z.string().nullable() })
  .openapi('AuditEntry');
const customerViewSchema = z
  .object({ customer: customerRecord, company: companyRecord.nullable(), figures: customerFigures, scores: customerScoresSchema, recent_orders: z.array(orderRecord), recent_interactions: z.array(interactionRecord), open_tasks: z.array(taskRecord) })
  .openapi('CustomerView');
const customerExport = z
  .object({
    exported_at: z.string(),
    customer: customerRecord,
    company: companyRecord.nullable(),
    orders: z.array(orderRecord),
    interactions: z.array(interactionRecord),
    tasks: z.array(taskRecord),
    merged_records: z.array(recordSchema(customerEntity, { merge_id: z.string(), merged_at: z.string() })),
    change_history: z.array(z.object({ at: z.string(), actor: z.string(), action: z.string(), record_id: z.string(), before: storedJson, after: storedJson })),
  })
  .openapi('CustomerExport');

export function registerDomainRoutes(app: OpenAPIHono<AppEnv>) {
  registerInsightRoutes(app);
  registerReportRoutes(app);
  registerImportRoutes(app);
  registerDuplicateRoutes(app);
  registerExportRoutes(app);
  registerBackupRoutes(app);
  registerEventRoutes(app);
  registerJobRoutes(app);
  registerSettingsRoutes(app);
  registerDemoRoutes(app);
  registerCrudRoutes(app, {
    service: customers,
    path: '/api/customers',
    tag: 'customers',
    createBody: customerCreateInput.openapi('CustomerCreate'),
    updateBody: customerUpdateInput.openapi('CustomerUpdate'),
    record: customerRecord,
    skipGet: true,
    listWhere: async (c) => segmentWhere(c.get('ctx'), c.req.query('segment')),
    // The route schema cannot know custom fields; the service reports every bad field at once.
    async bodyErrorHook(c, mode) {
      const ctx = c.get('ctx');
      parseCustomerInput(await fieldsOf(ctx.database.db, customerEntity), await c.req.json(), mode);
    },
  });
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/customers/{id}',
      tags: ['customers'],
      summary: 'The 360-degree view of a customer: profile, company, figures, recent orders and interactions, open tasks',
      request: { params: idParam },
      responses: {
        200: json(customerViewSchema, 'The customer view'),
        404: errorResponses[404],
      },
    }),
    // Records are shaped by the registry at run time; the schema states that shape.
    async (c) => c.json((await customerView(c.get('ctx'), c.req.valid('param').id)) as unknown as z.infer<typeof customerViewSchema>, 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/customers/{id}/timeline',
      tags: ['customers'],
      summary: 'Orders, interactions and tasks of a customer, newest first',
      request: { params: idParam, query: z.object({ limit: z.coerce.number().int().min(1).max(200).optional(), cursor: z.string().max(2000).optional() }) },
      responses: { 200: json(z.object({ data: z.array(z.object({ kind: z.enum(['order', 'interaction', 'task']), at: z.string(), id: z.string(), record: z.union([orderRecord, interactionRecord, taskRecord]) })), next_cursor: z.string().nullable() }), 'A page of the timeline'), 404: errorResponses[404] },
    }),
    async (c) => c.json(await customerTimeline(c.get('ctx'), c.req.valid('param').id, c.req.valid('query')), 200),
  );
  app.openapi(
    createRoute({ method: 'get', path: '/api/customers/{id}/export', tags: ['customers'], summary: 'Everything held about this person (data-subject access request)', request: { params: idParam }, responses: { 200: json(customerExport, 'The export'), 404: errorResponses[404] } }),
    async (c) => {
      const id = c.req.valid('param').id;
      const data = await exportCustomer(c.get('ctx'), id);
      c.header('content-disposition', `attachment; filename="${id}.json"`);
      return c.json(data as unknown as z.infer<typeof customerExport>, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'delete',
      path: '/api/customers/{id}',
      tags: ['customers'],
      summary: 'Delete a customer, or with erase=true erase their personal data everywhere (orders stay, anonymised)',
      request: { params: idParam, query: z.object({ erase: z.enum(['true', 'false']).optional() }) },
      responses: { 204: { description: 'Deleted or erased' }, 404: errorResponses[404] },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const id = c.req.valid('param').id;
      if (c.req.valid('query').erase === 'true') await eraseCustomer(ctx, id);
      else await inTransaction(ctx, (trx) => customers.deleteIn(trx, ctx, [id]));
      return c.body(null, 204);
    },
  );

  const simple = [
    { service: companies, entity: companyEntity, path: '/api/companies', tag: 'companies', name: 'Company', record: companyRecord },
    { service: products, entity: productEntity, path: '/api/products', tag: 'products', name: 'Product', record: productRecord },
    { service: interactions, entity: interactionEntity, path: '/api/interactions', tag: 'interactions', name: 'Interaction', record: interactionRecord },
    { service: tasks, entity: taskEntity, path: '/api/tasks', tag: 'tasks', name: 'Task', record: taskRecord },
  ];
  for (const s of simple) {
    registerCrudRoutes(app, {
      service: s.service,
      path: s.path,
      tag: s.tag,
      createBody: createSchema(s.entity).openapi(`${s.name}Create`),
      updateBody: updateSchema(s.entity).openapi(`${s.name}Update`),
      record: s.record,
    });
    registerDeleteRoute(app, s);
  }

  const lines = { lines: z.array(orderLineInput).max(1000).optional() };
  registerCrudRoutes(app, {
    service: orders,
    path: '/api/orders',
    tag: 'orders',
    createBody: createSchema(orderEntity, lines).openapi('OrderCreate'),
    updateBody: updateSchema(orderEntity, lines).openapi('OrderUpdate'),
    record: orderRecord,
  });
  registerDeleteRoute(app, { service: orders, path: '/api/orders', tag: 'orders' });

  const customFieldRecord = z
    .object({ id: z.string(), entity: z.string(), name: z.string(), label: z.string(), type: z.string(), options: z.array(z.string()).nullable(), created_at: z.string() })
    .openapi('CustomField');
  app.openapi(
    createRoute({ method: 'get', path: '/api/fields', tags: ['fields'], summary: 'Custom fields', responses: { 200: json(z.object({ data: z.array(customFieldRecord) }), 'Declared custom fields') } }),
    async (c) => c.json({ data: await listCustomFields(c.get('ctx').database.db) }, 200),
  );
  app.openapi(
    createRoute({ method: 'post', path: '/api/fields', tags: ['fields'], summary: 'Declare a custom field', request: { body: body(customFieldInput.openapi('CustomFieldCreate')) }, responses: { 201: json(customFieldRecord, 'Declared'), 400: errorResponses[400], 409: errorResponses[409] } }),
    async (c) => c.json(await addCustomField(c.get('ctx').database, c.req.valid('json')), 201),
  );
  app.openapi(
    createRoute({
      method: 'delete',
      path: '/api/fields/{name}',
      tags: ['fields'],
      summary: 'Remove a custom field with every value it holds',
      request: { params: z.object({ name: z.string().max(64) }) },
      responses: { 200: json(customFieldRecord, 'Removed'), 404: errorResponses[404] },
    }),
    async (c) => c.json(await removeCustomField(c.get('ctx').database, c.req.valid('param').name), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/audit',
      tags: ['audit'],
      summary: 'The audit log, newest first',
      request: { query: z.object({ entity_id: z.string().max(40).optional(), entity: z.string().max(32).optional(), before: z.string().max(32).optional(), limit: z.coerce.number().int().min(1).max(500).default(100) }) },
      responses: { 200: json(z.object({ data: z.array(auditEntry) }), 'Audit entries'), 400: errorResponses[400] },
    }),
    async (c) => {
      const q = c.req.valid('query');
      return c.json({ data: await listAudit(c.get('ctx').database.db, { entityId: q.entity_id, entity: q.entity, before: q.before, limit: q.limit }) }, 200);
    },
  );
}
