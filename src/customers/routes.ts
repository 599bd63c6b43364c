/** Customer and company routes (a customer's own view, timeline, export and delete live in customer360). */
import { z, type OpenAPIHono } from '@hono/zod-openapi';
import { registerCrudRoutes, registerEntityRoutes } from '../http/crud-routes.js';
import type { AppEnv } from '../http/env.js';
import { fieldsOf } from '../fields/custom-fields.js';
import { segmentWhere } from '../insights/segmentation.js';
import { recordSchema } from '../records/validation.js';
import { companyEntity, customerEntity } from '../schema/entities.js';
import { companies } from './companies.js';
import { customers } from './index.js';
import { customerCreateInput, customerUpdateInput, parseCustomerInput, sourceRef } from './input.js';

export const customerRecord = recordSchema(customerEntity, { sources: z.array(sourceRef) }).openapi('Customer');
export const companyRecord = recordSchema(companyEntity).openapi('Company');

export function registerCustomerRoutes(app: OpenAPIHono<AppEnv>) {
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
}

export function registerCompanyRoutes(app: OpenAPIHono<AppEnv>) {
  registerEntityRoutes(app, { service: companies, path: '/api/companies', tag: 'companies', name: 'Company', record: companyRecord });
}
