import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { secureHeaders } from 'hono/secure-headers';
import { AppError } from '../core/errors.js';
import { ping } from '../core/database.js';
import { publicPaths, registerAuthRoutes, requireAuth } from './auth-routes.js';
import { cameOverHttps } from '../http/client.js';
import { errorJson, handleError, unstorableMessage, unstorableText, validationHook } from '../http/errors.js';
import type { AppDeps, AppEnv } from '../http/env.js';
import { registerDomainRoutes } from './routes.js';
import { serveWeb } from './web.js';
import { registerMailPublicPages } from '../mail/public-routes.js';
import { registerSmsCallbacks } from '../sms/public-routes.js';
import { registerWebhookRoutes } from '../webhooks/routes.js';
import { formPageHeaders, registerFormPages } from '../forms/routes.js';
import { registerQuotePages } from '../quotes/public.js';
import { registerLoyaltyPages } from '../loyalty/routes.js';
import { registerSurveyPages } from '../surveys/public.js';
import { chatWidgetHeaders, registerChatWidget } from '../chat/public.js';
import { messageHtmlHeaders } from '../tickets/routes.js';
import { registerMcpRoutes } from '../mcp/routes.js';
import { registerCalendarFeed } from '../calendar/routes.js';
import { inboundWebhookPath, registerInboundWebhook } from '../inbound/routes.js';
import { completeDocument } from './openapi.js';

const apiVersion = '0.1.0';

/** Largest body accepted by the routes that need no credentials (login, first-run setup). */
const publicBodyBytes = 16 * 1024;

/**
 * The web app and the API docs load scripts only from Rapport itself (no inline script, no eval).
 * Styles may be inline (React and Swagger UI set style attributes); Swagger UI's icons are data: URIs.
 */
const contentSecurityPolicy = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

export function createApp(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook as never });
  app.onError(handleError);
  app.notFound((c) => errorJson(c, new AppError('not_found', `no route ${c.req.method} ${c.req.path}`)));

  app.use('/f/*', formPageHeaders);
  app.use('/chat/*', chatWidgetHeaders);
  app.use('/api/tickets/*', messageHtmlHeaders);
  app.use('*', secureHeaders({ contentSecurityPolicy, crossOriginEmbedderPolicy: false, strictTransportSecurity: false }));
  app.use('*', async (c, next) => {
    try {
      decodeURIComponent(new URL(c.req.url).pathname);
    } catch {
      return errorJson(
        c,
        new AppError('invalid_input', 'the path has a malformed percent-encoding (a % not followed by two hex digits, or bytes that are not UTF-8)', { path: ['malformed percent-encoding'] }),
      );
    }
    // Filters and searches read query values themselves: one no database can compare is refused here, for every route.
    const unstorable = unstorableText(c.req.queries());
    if (unstorable.length > 0) {
      return errorJson(
        c,
        new AppError('invalid_input', `invalid query: ${unstorable.join(', ')} ${unstorableMessage}`, Object.fromEntries(unstorable.map((name) => [name.replace(/\.\d+$/, ''), [unstorableMessage]]))),
      );
    }
    return next();
  });
  // HSTS only on responses that went over HTTPS: over plain HTTP browsers ignore it, and a local
  // http://127.0.0.1 install must not be told to insist on HTTPS.
  app.use('*', async (c, next) => {
    await next();
    if (cameOverHttps(c, deps.config)) c.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
  });
  if (deps.config.corsOrigins.length) {
    app.use('/api/*', cors({ origin: deps.config.corsOrigins, credentials: true, allowHeaders: ['authorization', 'content-type', 'x-csrf-token'] }));
  }
  const limit = (maxSize: number) => bodyLimit({ maxSize, onError: (c) => errorJson(c, new AppError('payload_too_large', `request body is larger than ${maxSize} bytes`)) });
  const bodyLimitFor = { api: limit(deps.config.maxBodyBytes), upload: limit(deps.config.maxUploadBytes), public: limit(publicBodyBytes) };
  app.use('/api/*', (c, next) => {
    // The inbound-mail webhook reads its body itself, up to the inbound size limit, and records what it refuses.
    if (c.req.path === inboundWebhookPath) return next();
    // Routes anyone can call take small bodies only: parsing a large one would cost the server
    // time for a request that needs no credentials.
    if (publicPaths.has(c.req.path)) return bodyLimitFor.public(c, next);
    return (c.req.method === 'POST' && /^\/api\/imports(\/preview)?$/.test(c.req.path) ? bodyLimitFor.upload : bodyLimitFor.api)(c, next);
  });
  const auth = requireAuth(deps);
  // The inbound-mail webhook checks its own token (a mail provider holds it, not a user).
  app.use('/api/*', (c, next) => (c.req.path === inboundWebhookPath ? next() : auth(c, next)));

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/health',
      tags: ['system'],
      summary: 'Liveness and database reachability (no auth)',
      responses: { 200: { description: 'Healthy', content: { 'application/json': { schema: z.object({ status: z.literal('ok'), database: z.string(), version: z.string() }) } } } },
    }),
    async (c) => {
      await ping(deps.database.db);
      return c.json({ status: 'ok' as const, database: deps.database.dialect, version: apiVersion }, 200);
    },
  );

  registerAuthRoutes(app, deps);
  registerInboundWebhook(app, deps);
  registerDomainRoutes(app);
  registerMailPublicPages(app, deps);
  registerSmsCallbacks(app, deps);
  registerWebhookRoutes(app, deps.config.allowPrivateTargets);
  registerFormPages(app, deps);
  registerQuotePages(app, deps);
  registerCalendarFeed(app, deps);
  registerLoyaltyPages(app, deps);
  registerSurveyPages(app, deps);
  registerChatWidget(app, deps);
  registerMcpRoutes(app, deps);

  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer', description: 'A personal API token from `rapport token create`' });
  app.openAPIRegistry.registerComponent('securitySchemes', 'session', { type: 'apiKey', in: 'cookie', name: 'rapport_session' });
  const document = () =>
    completeDocument(
      app.getOpenAPI31Document({
        openapi: '3.1.0',
        info: { title: 'Rapport API', version: apiVersion, description: 'The REST API of Rapport, a self-hosted CRM for one-person companies.' },
        security: [{ bearer: [] }, { session: [] }],
      }),
      publicPaths,
    );
  app.get('/api/openapi.json', (c) => c.json(document()));
  registerDocs(app);
  serveWeb(app);
  return app;
}

const swaggerDir = path.dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
const swaggerAssets: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
  'swagger-ui-standalone-preset.js': 'text/javascript; charset=utf-8',
};

/** Swagger UI from the installed package: no CDN, so it works offline and leaks nothing. */
function registerDocs(app: OpenAPIHono<AppEnv>) {
  app.get('/api/docs', (c) =>
    c.html(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Rapport API</title>
<link rel="stylesheet" href="/api/docs/assets/swagger-ui.css"></head><body><div id="ui"></div>
<script src="/api/docs/assets/swagger-ui-bundle.js"></script><script src="/api/docs/assets/docs-init.js"></script></body></html>`),
  );
  app.get('/api/docs/assets/docs-init.js', (c) => {
    c.header('content-type', 'text/javascript; charset=utf-8');
    return c.body(`window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#ui', withCredentials: true });`);
  });
  app.get('/api/docs/assets/:file', (c) => {
    const file = c.req.param('file');
    const type = swaggerAssets[file];
    if (!type) return errorJson(c, new AppError('not_found', 'no such asset'));
    c.header('content-type', type);
    c.header('cache-control', 'public, max-age=86400');
    return c.body(fs.readFileSync(path.join(swaggerDir, file)));
  });
}
