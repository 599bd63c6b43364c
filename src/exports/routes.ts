import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { stream } from 'hono/streaming';
import type { AppEnv } from '../http/env.js';
import { errorResponses } from '../http/errors.js';
import { listQuery } from '../http/crud-routes.js';
import { invalid } from '../core/errors.js';
import { segmentWhere } from '../insights/segmentation.js';
import { filtersFromQuery } from '../records/query.js';
import { interactionRecord, taskRecord } from '../activities/routes.js';
import { companyRecord, customerRecord } from '../customers/routes.js';
import { orderRecord, productRecord } from '../sales/routes.js';
import { exportChunks, exportFormats, exportKinds, exportMedia, type ExportFormat } from './exporter.js';

const exportQuery = listQuery.pick({ q: true, filter: true }).extend({
  format: z.enum(exportFormats).default('csv').openapi({ description: 'csv, json, or vcard (customers only)' }),
  segment: z.string().max(40).optional().openapi({ description: 'Customers only: members of this segment' }),
});

/** The JSON export: an array of the kind's records, exactly as the list endpoint of that kind returns them. */
const exportedRecords = z
  .array(z.union([customerRecord, companyRecord, productRecord, orderRecord, interactionRecord, taskRecord]))
  .openapi({ description: 'The records of the kind in the path, each as its list endpoint returns it (Customer, Company, Product, Order, Interaction or Task)' });

export function registerExportRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/export/{kind}',
      tags: ['export'],
      summary: 'Download every matching record as CSV, JSON or vCard (customers), streamed; takes the same filters as the list endpoint',
      request: { params: z.object({ kind: z.enum(exportKinds).openapi({ param: { name: 'kind', in: 'path' } }) }), query: exportQuery.passthrough() },
      responses: {
        200: {
          description: 'The export',
          content: { 'text/csv': { schema: z.string() }, 'application/json': { schema: exportedRecords }, 'text/vcard': { schema: z.string() } },
        },
        400: errorResponses[400],
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const { kind } = c.req.valid('param');
      const query = c.req.queries();
      for (const [key, values] of Object.entries(query)) {
        if (values.length > 1 && key !== 'filter' && !/\[/.test(key)) throw invalid(`${key} given more than once`, { [key]: ['given more than once'] });
      }
      const format = (query.format?.[0] ?? 'csv') as ExportFormat;
      const segment = query.segment?.[0];
      if (segment !== undefined && kind !== 'customers') throw invalid('segment applies to customers only', { segment: ['customers only'] });
      // Everything but the reserved parameters is a filter, exactly as on the list endpoints.
      const { format: _format, ...filterQuery } = query;
      const chunks = exportChunks(ctx, kind, {
        format,
        filter: filtersFromQuery(filterQuery),
        q: query.q?.[0],
        where: kind === 'customers' ? await segmentWhere(ctx, segment) : undefined,
      });
      // The first chunk comes after the request was checked and the first page read: errors are still JSON.
      const first = await chunks.next();
      const media = exportMedia[format];
      c.header('content-type', media.contentType);
      c.header('content-disposition', `attachment; filename="${kind}.${media.extension}"`);
      return stream(c, async (s) => {
        if (!first.done) await s.write(first.value);
        for (;;) {
          const next = await chunks.next();
          if (next.done) break;
          await s.write(next.value);
        }
      });
    },
  );
}
