/**
 * Public mail pages, outside /api and without sign-in (the signed token is the key):
 * `GET /u/{token}` the preference page, `POST /u/{token}` one-click unsubscribe (RFC 8058, also the
 * page's button), `GET /t/o/{token}` the open pixel, `GET /t/c/{token}` a tracked link's redirect.
 * Small bodies, a rate limit per client address on POST, server-rendered pages without script.
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { AppError } from '../core/errors.js';
import { clientAddress } from '../http/client.js';
import type { AppDeps, AppEnv } from '../http/env.js';
import { recordClick, recordOpen } from './tracking.js';
import { unsubscribe, unsubscribeTarget } from './unsubscribe.js';

const publicMailBodyBytes = 4 * 1024;
/** POSTs one client address may make in ten minutes. */
const maxUnsubscribePostsPer10Minutes = 30;

const publicRoute = { security: [] as Record<string, string[]>[] };
const tokenParam = z.object({
  token: z
    .string()
    .max(4000)
    .openapi({ param: { name: 'token', in: 'path' }, description: 'The signed token from the email' }),
});
const html = (description: string) => ({ description, content: { 'text/html': { schema: z.string() } } });

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A small page, no script: works under the app's CSP. */
export function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>${escape(title)}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem;color:#1f2328}button{font:inherit;padding:.5rem 1rem;border:1px solid #1f2328;border-radius:6px;background:#1f2328;color:#fff;cursor:pointer}button:focus{outline:3px solid #0969da;outline-offset:2px}</style></head>
<body><main><h1>${escape(title)}</h1>${body}</main></body></html>`;
}

/** 1×1 transparent GIF. */
const pixel = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

function errorPage(c: Context, error: unknown) {
  if (!(error instanceof AppError)) throw error;
  const title = error.status === 404 ? 'Link not valid' : error.status === 429 ? 'Please wait' : 'Not possible';
  return c.html(page(title, `<p>${escape(error.message)}</p>`), error.status as 404);
}

const mask = (address: string) => address.replace(/^(.)[^@]*(@.*)$/, (_m, first: string, domain: string) => `${first}…${domain}`);

export function registerMailPublicPages(app: OpenAPIHono<AppEnv>, deps: AppDeps) {
  const { database } = deps;
  const posts = new Map<string, { count: number; since: number }>();
  for (const prefix of ['/u/*', '/t/*']) {
    app.use(prefix, bodyLimit({ maxSize: publicMailBodyBytes, onError: (c) => c.html(page('Too large', `<p>The request sent more than ${publicMailBodyBytes} bytes.</p>`), 413) }));
    app.use(prefix, async (c, next) => {
      await next();
      c.header('cache-control', 'no-store');
      c.header('referrer-policy', 'no-referrer');
    });
  }
  const limited = (c: Context) => {
    const who = clientAddress(c, deps.config);
    const now = Date.now();
    const entry = posts.get(who);
    if (!entry || now - entry.since > 10 * 60_000) {
      if (posts.size > 10_000) posts.clear();
      posts.set(who, { count: 1, since: now });
      return false;
    }
    return ++entry.count > maxUnsubscribePostsPer10Minutes;
  };

  app.openapi(
    createRoute({
      method: 'get',
      path: '/u/{token}',
      operationId: 'emailPreferencePage',
      tags: ['mail'],
      summary: 'Email preference page of the recipient of a message (no sign-in; signed token)',
      ...publicRoute,
      request: { params: tokenParam },
      responses: { 200: html('The page'), 404: html('The link is not valid') },
    }),
    async (c) => {
      const { token } = c.req.valid('param');
      try {
        const target = await unsubscribeTarget(database, token);
        if (target.unsubscribed)
          return c.html(
            page('You are unsubscribed', `<p>${escape(mask(target.address))} gets no more marketing email from us. Messages you asked for, such as quotes and invoices, still reach you.</p>`),
            200,
          );
        return c.html(
          page(
            'Email preferences',
            `<p>Marketing email goes to ${escape(mask(target.address))}.</p><form method="post" action="/u/${escape(encodeURIComponent(token))}"><input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit">Unsubscribe from marketing email</button></form><p>Messages you asked for, such as quotes and invoices, still reach you.</p>`,
          ),
          200,
        );
      } catch (error) {
        return errorPage(c, error);
      }
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/u/{token}',
      operationId: 'unsubscribeOneClick',
      tags: ['mail'],
      summary: 'One-click unsubscribe (RFC 8058: body `List-Unsubscribe=One-Click`), also the button of the preference page; takes effect at once',
      ...publicRoute,
      request: { params: tokenParam, body: { required: false, content: { 'application/x-www-form-urlencoded': { schema: z.object({ 'List-Unsubscribe': z.string().max(20).optional() }) } } } },
      responses: { 200: html('Unsubscribed'), 404: html('The link is not valid; nothing changed'), 413: html('Body too large'), 429: html('Too many requests from this address') },
    }),
    async (c) => {
      const { token } = c.req.valid('param');
      try {
        if (limited(c)) throw new AppError('rate_limited', 'Too many requests from your address. Please try again in a few minutes.');
        const target = await unsubscribe(database, token);
        return c.html(page('You are unsubscribed', `<p>${escape(mask(target.address))} gets no more marketing email from us.</p>`), 200);
      } catch (error) {
        return errorPage(c, error);
      }
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/t/o/{token}',
      operationId: 'trackOpen',
      tags: ['mail'],
      summary: 'Open pixel of a tracked email (a 1×1 GIF)',
      ...publicRoute,
      request: { params: tokenParam },
      responses: { 200: { description: 'The pixel', content: { 'image/gif': { schema: z.string().openapi({ format: 'binary' }) } } }, 404: html('The link is not valid') },
    }),
    async (c) => {
      try {
        await recordOpen(database, c.req.valid('param').token);
      } catch (error) {
        return errorPage(c, error);
      }
      c.header('content-type', 'image/gif');
      return c.body(pixel, 200) as never;
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/t/c/{token}',
      operationId: 'trackClick',
      tags: ['mail'],
      summary: 'A tracked link: records the click and redirects to the address signed into the token (never elsewhere)',
      ...publicRoute,
      request: { params: tokenParam },
      responses: { 302: { description: 'To the linked page' }, 404: html('The link is not valid') },
    }),
    async (c) => {
      try {
        return c.redirect(await recordClick(database, c.req.valid('param').token), 302);
      } catch (error) {
        return errorPage(c, error);
      }
    },
  );
}
