/** Contract routes: CRUD from the registry, the signed file (upload, download, remove), and those to renew. */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { invalid } from '../core/errors.js';
import { idParam, json, registerEntityRoutes } from '../http/crud-routes.js';
import { errorResponses } from '../http/errors.js';
import type { AppEnv } from '../http/env.js';
import { recordSchema } from '../records/validation.js';
import { contractEntity } from '../schema/entities.js';
import { contractsToRenew } from './renewals.js';
import { contracts, deleteContractFile, getContractFile, maxContractFileBytes, putContractFile } from './service.js';

export const contractRecord = recordSchema(contractEntity).openapi('Contract');

const contractToRenew = z
  .object({
    id: z.string(),
    title: z.string(),
    customer_id: z.string().nullable(),
    ends_on: z.string(),
    days_left: z.number().int(),
    value: z.number().nullable(),
    currency: z.string().nullable(),
    billing_period: z.string().nullable(),
    auto_renew: z.boolean(),
    renewal_task_id: z.string().nullable(),
    renewal_deal_id: z.string().nullable(),
  })
  .openapi('ContractToRenew');

const fileForm = {
  required: true,
  content: {
    'multipart/form-data': {
      schema: {
        type: 'object' as const,
        properties: { file: { type: 'string' as const, format: 'binary', description: `The signed contract (PDF or image), at most ${maxContractFileBytes / 1024 / 1024} MB` } },
        required: ['file'],
      },
    },
  },
};

export function registerContractRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/contracts/to-renew',
      tags: ['contracts'],
      summary: 'Contracts in their renewal notice period (expiring), soonest end first',
      responses: { 200: json(z.object({ data: z.array(contractToRenew) }), 'Contracts to renew') },
    }),
    async (c) => c.json({ data: await contractsToRenew(c.get('ctx').database.db) }, 200),
  );
  registerEntityRoutes(app, { service: contracts, path: '/api/contracts', tag: 'contracts', name: 'Contract', record: contractRecord });

  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/contracts/{id}/file',
      tags: ['contracts'],
      summary: 'Attach the signed file (replaces the one attached before)',
      request: { params: idParam, body: fileForm },
      responses: {
        200: json(contractRecord, 'The contract with the file facts'),
        400: errorResponses[400],
        404: errorResponses[404],
        413: { description: 'Larger than the request body limit', content: { 'application/json': { schema: errorResponses[400].content['application/json'].schema } } },
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      let form: Record<string, unknown>;
      try {
        form = await c.req.parseBody();
      } catch {
        throw invalid('send the file as the "file" field of a multipart/form-data body', { file: ['required'] });
      }
      const file = form.file;
      if (!(file instanceof File)) throw invalid('send the file as the "file" field of a multipart/form-data body', { file: ['required'] });
      if (file.size > maxContractFileBytes) throw invalid('the file is too large', { file: [`at most ${maxContractFileBytes / 1024 / 1024} MB`] });
      const record = await putContractFile(c.get('ctx'), id, { name: file.name, type: file.type, content: Buffer.from(await file.arrayBuffer()) });
      return c.json(record, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/contracts/{id}/file',
      tags: ['contracts'],
      summary: 'Download the signed file',
      request: { params: idParam },
      responses: { 200: { description: 'The file, as an attachment', content: { 'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) } } }, 404: errorResponses[404] },
    }),
    async (c) => {
      const file = await getContractFile(c.get('ctx').database.db, c.req.valid('param').id);
      c.header('content-type', file.type);
      c.header('content-disposition', `attachment; filename="${file.name.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(file.name)}`);
      c.header('x-content-type-options', 'nosniff');
      return c.body(new Uint8Array(file.content), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'delete',
      path: '/api/contracts/{id}/file',
      tags: ['contracts'],
      summary: 'Remove the signed file',
      request: { params: idParam },
      responses: { 200: json(contractRecord, 'The contract without a file'), 404: errorResponses[404] },
    }),
    async (c) => c.json(await deleteContractFile(c.get('ctx'), c.req.valid('param').id), 200),
  );
}
