import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../http/env.js';

const webDist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist');

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

const placeholder = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Rapport</title><style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;color:#1f2937}code{background:#f3f4f6;padding:.1rem .3rem;border-radius:4px}</style></head>
<body><h1>Rapport</h1><p>The API is running. The web app has not been built into this package yet.</p>
<p>API reference: <a href="/api/docs">/api/docs</a> (sign in first) · health: <a href="/api/health">/api/health</a></p></body></html>`;

/** The built single-page app, with index.html for every non-API path so client routes work. */
export function serveWeb(app: OpenAPIHono<AppEnv>) {
  app.get('*', (c) => {
    if (c.req.path.startsWith('/api/')) return c.notFound();
    const index = path.join(webDist, 'index.html');
    if (!fs.existsSync(index)) return c.html(placeholder);
    // The app refuses malformed percent-encodings before any route (see createApp).
    const requested = path.normalize(path.join(webDist, decodeURIComponent(c.req.path)));
    if (requested.startsWith(webDist + path.sep) && fs.existsSync(requested) && fs.statSync(requested).isFile()) {
      c.header('content-type', types[path.extname(requested)] ?? 'application/octet-stream');
      if (requested.includes(`${path.sep}assets${path.sep}`)) c.header('cache-control', 'public, max-age=31536000, immutable');
      return c.body(fs.readFileSync(requested));
    }
    return c.html(fs.readFileSync(index, 'utf8'));
  });
}
