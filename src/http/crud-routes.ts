import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { inTransaction } from '../core/context.js';
import { invalid } from '../core/errors.js';
import { filtersFromQuery, filterOperators } from '../records/query.js';
import type { ListParams, WhereBuilder } from '../records/repository.js';
import type { EntityService } from '../records/entity-service.js';
import { createSchema, updateSchema } from '../records/validation.js';
import { errorResponses, validationHook } from './errors.js';
import type { AppEnv } from './env.js';

/** What the generic routes need from a capability: the entity service's read and write calls. */
type CrudService = Pick<EntityService, 'entity' | 'list' | 'get' | 'createIn' | 'updateIn' | 'deleteIn'>;

export interface CrudRouteOptions {
  service: CrudService;
  path: string;
  tag: string;
  createBody: z.ZodTypeAny;
  updateBody: z.ZodTypeAny;
  record: z.ZodTypeAny;
  /** Replaces the plain GET /{id} (customers answer with their 360-degree view). */
  skipGet?: boolean;
  /** Replaces the route schema's error response, e.g. to report custom-field errors too. */
  bodyErrorHook?: (c: Context<AppEnv>, mode: 'create' | 'update') => Promise<Response | void>;
  /** Extra conditions read from the list's query string. */
  listWhere?: (c: Context<AppEnv>) => Promise<WhereBuilder[]>;
}

export const listQuery = z.object({
  q: z.string().max(200).optional().openapi({ description: 'Full-text search' }),
  sort: z.string().max(70).optional().openapi({ description: 'Field to sort by; prefix with - for descending', example: '-created_at' }),
  limit: z.coerce.number().int().min(1).max(500).optional().openapi({ description: 'Page size, 1 to 500 (default 50)' }),
  cursor: z.string().max(2000).optional().openapi({ description: 'next_cursor of the previous page' }),
  fields: z.string().max(2000).optional().openapi({ description: 'Comma-separated fields to return' }),
  filter: z
    .string()
    .max(20000)
    .optional()
    .openapi({ description: `JSON filter tree: {"and"|"or": [...]} of {"field","op","value"}; op is one of ${filterOperators.join(', ')}. Shorthand: field=value, field[op]=value.` }),
});

export const idParam = z.object({
  id: z
    .string()
    .max(40)
    .openapi({ param: { name: 'id', in: 'path' } }),
});
export const json = <T extends z.ZodTypeAny>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });
export const body = <T extends z.ZodTypeAny>(schema: T) => ({ required: true, content: { 'application/json': { schema } } });

function listParamsFrom(c: Context<AppEnv>): ListParams & { q?: string } {
  const query = c.req.queries();
  const one = (k: string) => {
    const v = query[k];
    if (v && v.length > 1) throw invalid(`${k} given more than once`, { [k]: ['given more than once'] });
    return v?.[0];
  };
  const limit = one('limit');
  return {
    q: one('q'),
    sort: one('sort'),
    limit: limit ? Number(limit) : undefined,
    cursor: one('cursor'),
    fields: one('fields')
      ?.split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    filter: filtersFromQuery(query),
  };
}

/**
 * The body as sent. Services validate it themselves (every write path does), and zod's parsed
 * copy would silently turn a `__proto__` key into a prototype instead of reporting it.
 */
async function rawBody(c: Context<AppEnv>): Promise<unknown> {
  return c.req.json();
}

function hookFor(o: CrudRouteOptions, mode: 'create' | 'update') {
  if (!o.bodyErrorHook) return undefined;
  const hook = o.bodyErrorHook;
  return (async (result: { success: boolean; target?: string }, c: Context<AppEnv>) => {
    if (result.success) return validationHook(result as never, c);
    if (result.target === 'json') {
      const response = await hook(c, mode);
      if (response) return response;
    }
    return validationHook(result as never, c);
  }) as never;
}

export function registerCrudRoutes(app: OpenAPIHono<AppEnv>, o: CrudRouteOptions) {
  const { service, path, tag } = o;
  const label = service.entity.label;
  const page = z.object({ data: z.array(o.record), next_cursor: z.string().nullable() });
  const bulkBody = z
    .object({
      create: z.array(o.createBody).max(1000).optional(),
      update: z
        .array(z.object({ id: z.string() }).passthrough())
        .max(1000)
        .optional(),
      delete: z.array(z.string()).max(1000).optional(),
    })
    .strict()
    .openapi(`${tag}Bulk`);

  app.openapi(
    createRoute({
      method: 'get',
      path,
      tags: [tag],
      summary: `List ${service.entity.name}`,
      request: { query: listQuery },
      responses: { 200: json(page, `A page of ${service.entity.name}`), 400: errorResponses[400] },
    }),
    async (c) => {
      const where = o.listWhere ? await o.listWhere(c) : [];
      return c.json(await service.list(c.get('ctx'), { ...listParamsFrom(c), where }), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path,
      tags: [tag],
      summary: `Create a ${label}`,
      request: { body: body(o.createBody) },
      responses: { 201: json(o.record, 'Created'), 400: errorResponses[400], 409: errorResponses[409] },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const input = await rawBody(c);
      const [created] = await inTransaction(ctx, (trx) => service.createIn(trx, ctx, [input]));
      return c.json(created, 201);
    },
    hookFor(o, 'create'),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: `${path}/bulk`,
      tags: [tag],
      summary: `Create, update and delete ${service.entity.name} in one all-or-nothing transaction`,
      request: { body: body(bulkBody) },
      responses: {
        200: json(z.object({ created: z.array(o.record), updated: z.array(o.record), deleted: z.array(z.string()) }), 'All applied'),
        400: errorResponses[400],
        404: errorResponses[404],
        409: errorResponses[409],
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      c.req.valid('json');
      const input = (await rawBody(c)) as { create?: unknown[]; update?: { id: string }[]; delete?: string[] };
      const result = await inTransaction(ctx, async (trx) => {
        const created = input.create?.length ? await service.createIn(trx, ctx, input.create) : [];
        const updated = input.update?.length
          ? await service.updateIn(
              trx,
              ctx,
              input.update.map(({ id, ...patch }) => ({ id, patch })),
            )
          : [];
        if (input.delete?.length) await service.deleteIn(trx, ctx, input.delete);
        return { created, updated, deleted: input.delete ?? [] };
      });
      return c.json(result, 200);
    },
  );
  if (!o.skipGet) {
    app.openapi(
      createRoute({
        method: 'get',
        path: `${path}/{id}`,
        tags: [tag],
        summary: `Get a ${label}`,
        request: { params: idParam },
        responses: { 200: json(o.record, `The ${label}`), 404: errorResponses[404] },
      }),
      async (c) => c.json(await service.get(c.get('ctx'), c.req.valid('param').id), 200),
    );
  }
  app.openapi(
    createRoute({
      method: 'patch',
      path: `${path}/{id}`,
      tags: [tag],
      summary: `Update a ${label} (only the fields sent)`,
      request: { params: idParam, body: body(o.updateBody) },
      responses: { 200: json(o.record, 'Updated'), 400: errorResponses[400], 404: errorResponses[404], 409: errorResponses[409] },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const patch = await rawBody(c);
      const [updated] = await inTransaction(ctx, (trx) => service.updateIn(trx, ctx, [{ id: c.req.valid('param').id, patch }]));
      return c.json(updated, 200);
    },
    hookFor(o, 'update'),
  );
}

export function registerDeleteRoute(app: OpenAPIHono<AppEnv>, o: Pick<CrudRouteOptions, 'service' | 'path' | 'tag'>) {
  app.openapi(
    createRoute({
      method: 'delete',
      path: `${o.path}/{id}`,
      tags: [o.tag],
      summary: `Delete a ${o.service.entity.label}`,
      request: { params: idParam },
      responses: { 204: { description: 'Deleted' }, 404: errorResponses[404] },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      await inTransaction(ctx, (trx) => o.service.deleteIn(trx, ctx, [c.req.valid('param').id]));
      return c.body(null, 204);
    },
  );
}

/**
 * The whole set for an entity whose create and update bodies follow the field registry: list, get,
 * create, update and delete, with `Create`/`Update` schemas named after `name` (`extra` adds fields
 * the registry does not hold, such as an order's lines).
 */
export function registerEntityRoutes(app: OpenAPIHono<AppEnv>, o: Pick<CrudRouteOptions, 'service' | 'path' | 'tag' | 'record'> & { name: string; extra?: Record<string, z.ZodTypeAny> }) {
  const entity = o.service.entity;
  registerCrudRoutes(app, {
    service: o.service,
    path: o.path,
    tag: o.tag,
    createBody: createSchema(entity, o.extra).openapi(`${o.name}Create`),
    updateBody: updateSchema(entity, o.extra).openapi(`${o.name}Update`),
    record: o.record,
  });
  registerDeleteRoute(app, o);
}
