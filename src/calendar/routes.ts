/**
 * The calendar feed: its secret is made, rotated and turned off under /api/calendar/feed (signed in),
 * and the feed itself is public at /calendar/{secret}.ics for calendar apps to subscribe to. A wrong
 * secret is a 404 like any unknown path.
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { AppError } from '../core/errors.js';
import { json } from '../http/crud-routes.js';
import { errorJson, errorSchema } from '../http/errors.js';
import type { AppDeps, AppEnv } from '../http/env.js';
import { notModified } from '../http/conditional.js';
import { renderedFeed } from './feed-cache.js';
import { disableFeed, feedStatus, isFeedToken, rotateFeedSecret } from './secret.js';

const tags = ['calendar'];
const status = z.object({ active: z.boolean(), created_at: z.string().nullable().openapi({ description: 'When the current secret was made' }) }).openapi('CalendarFeedStatus');
const created = z
  .object({
    active: z.literal(true),
    created_at: z.string(),
    path: z.string().openapi({ description: 'The feed path with its secret, /calendar/{secret}.ics: shown this once (only a hash is stored)' }),
    url: z.string().openapi({ description: 'The path on the host this request came to' }),
  })
  .openapi('CalendarFeedCreated');

export function registerCalendarRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(
    createRoute({ method: 'get', path: '/api/calendar/feed', tags, summary: 'Whether the calendar feed is on (its secret is never shown again)', responses: { 200: json(status, 'Feed status') } }),
    async (c) => c.json(await feedStatus(c.get('ctx').database.db), 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/calendar/feed',
      tags,
      summary: 'Make a new feed secret: the feed URL to subscribe to (the previous URL stops working)',
      responses: { 201: json(created, 'The new feed URL') },
    }),
    async (c) => {
      const { token, created_at } = await rotateFeedSecret(c.get('ctx').database);
      const path = `/calendar/${token}.ics`;
      return c.json({ active: true as const, created_at, path, url: new URL(path, c.req.url).toString() }, 201);
    },
  );
  app.openapi(createRoute({ method: 'delete', path: '/api/calendar/feed', tags, summary: 'Turn the calendar feed off', responses: { 204: { description: 'Off' } } }), async (c) => {
    await disableFeed(c.get('ctx').database);
    return c.body(null, 204);
  });
}

const feedParam = z.object({
  file: z
    .string()
    .max(100)
    .openapi({ param: { name: 'file', in: 'path' }, description: '{secret}.ics: the secret from POST /api/calendar/feed followed by .ics', example: 'secret.ics' }),
});

/** The public feed (outside /api: the secret in the path is the credential). */
export function registerCalendarFeed(app: OpenAPIHono<AppEnv>, deps: AppDeps) {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/calendar/{file}',
      tags,
      security: [],
      summary: 'The iCalendar feed (RFC 5545): open tasks with due times, expected close dates of open deals, contract ends',
      request: { params: feedParam },
      responses: {
        200: { description: 'The calendar, with its ETag', content: { 'text/calendar': { schema: z.string() } } },
        304: { description: 'Not modified: the If-None-Match header names the current ETag' },
        404: { description: 'No feed at this address', content: { 'application/json': { schema: errorSchema } } },
      },
    }),
    async (c) => {
      const file = c.req.valid('param').file;
      const token = file.endsWith('.ics') ? file.slice(0, -4) : '';
      if (!(await isFeedToken(deps.database.db, token))) return errorJson(c, new AppError('not_found', 'no calendar feed at this address')) as never;
      const feed = await renderedFeed(deps.database.db);
      c.header('etag', feed.etag);
      c.header('cache-control', 'private, max-age=300');
      if (notModified(c.req.header('if-none-match'), feed.etag)) return c.body(null, 304);
      c.header('content-type', 'text/calendar; charset=utf-8');
      c.header('content-disposition', 'inline; filename="rapport.ics"');
      return c.body(feed.text, 200);
    },
  );
}
