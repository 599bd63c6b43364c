import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { AppError } from '../core/errors.js';
import { changePassword, createOwner, createToken, hasOwner, listTokens, login, logout, revokeToken, sessionPrincipal, tokenOptionsInput, tokenPrincipal } from '../auth/service.js';
import { cameOverHttps, clientAddress } from '../http/client.js';
import { safeEqual } from '../auth/secrets.js';
import { errorJson, errorResponses } from '../http/errors.js';
import type { AppDeps, AppEnv } from '../http/env.js';

const sessionCookie = 'rapport_session';
export const publicPaths = new Set(['/api/health', '/api/auth/login', '/api/auth/setup', '/api/auth/status']);
const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Every /api route needs a bearer token or a session cookie, except health, login and first-run
 * setup. Cookie sessions must echo their CSRF token on state-changing requests.
 */
export function requireAuth(deps: AppDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (publicPaths.has(c.req.path)) return next();
    const db = deps.database.db;
    const header = c.req.header('authorization');
    let principal = null;
    if (header) {
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      principal = match ? await tokenPrincipal(db, match[1]) : null;
      if (!principal) return errorJson(c, new AppError('unauthorized', 'invalid, revoked or expired API token'));
    } else {
      const cookie = getCookie(c, sessionCookie);
      principal = cookie ? await sessionPrincipal(db, cookie) : null;
      if (!principal) return errorJson(c, new AppError('unauthorized', 'sign in or send Authorization: Bearer <token>'));
      if (!safeMethods.has(c.req.method) && !safeEqual(c.req.header('x-csrf-token') ?? '', principal.csrfToken ?? '')) {
        return errorJson(c, new AppError('forbidden', 'missing or wrong X-CSRF-Token header'));
      }
    }
    c.set('principal', principal);
    c.set('ctx', { database: deps.database, actor: principal.actor, defaultCountry: deps.config.defaultCountry, dataDir: deps.config.dataDir });
    return next();
  };
}

const credentials = z
  .object({ email: z.string().openapi({ example: 'me@example.com' }), password: z.string() })
  .strict()
  .openapi('Credentials');
const sessionInfo = z.object({ user_id: z.string(), csrf_token: z.string(), expires_at: z.string() }).openapi('Session');
const tokenSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    prefix: z.string(),
    created_at: z.string(),
    last_used_at: z.string().nullable(),
    revoked_at: z.string().nullable(),
    expires_at: z.string().nullable(),
    can_create_tokens: z.boolean(),
  })
  .openapi('ApiToken');
const json = <T extends z.ZodTypeAny>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });
const body = <T extends z.ZodTypeAny>(schema: T) => ({ required: true, content: { 'application/json': { schema } } });

export function registerAuthRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps) {
  const db = deps.database.db;
  const startSession = async (c: Context, input: unknown) => {
    const session = await login(db, input, clientAddress(c, deps.config));
    setCookie(c, sessionCookie, session.token, {
      httpOnly: true,
      sameSite: 'Lax',
      // Over HTTPS (directly or through a trusted proxy) the cookie never travels in the clear.
      secure: deps.config.secureCookies || cameOverHttps(c, deps.config),
      path: '/',
      expires: new Date(session.expiresAt),
    });
    return { user_id: session.userId, csrf_token: session.csrfToken, expires_at: session.expiresAt };
  };

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/auth/status',
      tags: ['auth'],
      summary: 'Whether the owner exists and this client is signed in',
      responses: { 200: json(z.object({ needs_setup: z.boolean(), signed_in: z.boolean(), csrf_token: z.string().nullable() }), 'Status') },
    }),
    async (c) => {
      const cookie = getCookie(c, sessionCookie);
      const principal = cookie ? await sessionPrincipal(db, cookie) : null;
      return c.json({ needs_setup: !(await hasOwner(db)), signed_in: !!principal, csrf_token: principal?.csrfToken ?? null }, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/auth/setup',
      tags: ['auth'],
      summary: 'First-run setup: create the owner and sign in',
      request: { body: body(credentials) },
      responses: { 201: json(sessionInfo, 'Owner created and signed in'), 400: errorResponses[400], 409: errorResponses[409] },
    }),
    async (c) => {
      const input = c.req.valid('json');
      await createOwner(db, input);
      return c.json(await startSession(c, input), 201);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/auth/login',
      tags: ['auth'],
      summary: 'Sign in with email and password (sets the session cookie)',
      request: { body: body(credentials) },
      responses: { 200: json(sessionInfo, 'Signed in'), 401: errorResponses[401], 429: errorResponses[429] },
    }),
    async (c) => c.json(await startSession(c, c.req.valid('json')), 200),
  );
  app.openapi(createRoute({ method: 'post', path: '/api/auth/logout', tags: ['auth'], summary: 'Sign out', responses: { 204: { description: 'Signed out' } } }), async (c) => {
    const cookie = getCookie(c, sessionCookie);
    if (cookie) await logout(db, cookie);
    deleteCookie(c, sessionCookie, { path: '/' });
    return c.body(null, 204);
  });
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/auth/password',
      tags: ['auth'],
      summary: 'Change the owner password (signs out every session)',
      request: { body: body(z.object({ current_password: z.string(), new_password: z.string() }).strict()) },
      responses: { 204: { description: 'Changed' }, 400: errorResponses[400] },
    }),
    async (c) => {
      const principal = c.get('principal');
      if (!principal.userId) throw new AppError('forbidden', 'only a signed-in owner can change the password');
      const { current_password, new_password } = c.req.valid('json');
      await changePassword(db, principal.userId, current_password, new_password);
      return c.body(null, 204);
    },
  );
  app.openapi(
    createRoute({ method: 'get', path: '/api/tokens', tags: ['auth'], summary: 'List API tokens', responses: { 200: json(z.object({ data: z.array(tokenSchema) }), 'Tokens') } }),
    async (c) => c.json({ data: await listTokens(db) }, 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/tokens',
      tags: ['auth'],
      summary: 'Create an API token (the secret is shown once). `expires_in_days` sets an expiry; `can_create_tokens` lets the new token create tokens. A token without that right gets 403 here.',
      request: { body: body(tokenOptionsInput.extend({ name: z.string() })) },
      responses: { 201: json(tokenSchema.extend({ token: z.string() }), 'Created'), 400: errorResponses[400], 403: errorResponses[403] },
    }),
    async (c) => {
      if (!c.get('principal').canCreateTokens) throw new AppError('forbidden', 'this API token cannot create tokens; create one with can_create_tokens, or sign in');
      const { name, expires_in_days, can_create_tokens } = c.req.valid('json');
      return c.json(await createToken(db, name, { expiresInDays: expires_in_days, canCreateTokens: can_create_tokens }), 201);
    },
  );
  app.openapi(
    createRoute({
      method: 'delete',
      path: '/api/tokens/{id}',
      tags: ['auth'],
      summary: 'Revoke an API token',
      request: { params: z.object({ id: z.string() }) },
      responses: { 200: json(tokenSchema, 'Revoked'), 404: errorResponses[404] },
    }),
    async (c) => c.json(await revokeToken(db, c.req.valid('param').id), 200),
  );
}
