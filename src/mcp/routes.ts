/** `/mcp`: the MCP server over streamable HTTP (stateless: one server per request), authenticated by API token. */
import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';
import type { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppDeps } from '../http/env.js';
import { errorJson } from '../http/errors.js';
import { tokenPrincipal } from '../auth/service.js';
import { AppError } from '../core/errors.js';
import { buildMcpServer } from './server.js';

export function registerMcpRoutes(app: Hono<any>, deps: AppDeps) {
  app.use('/mcp', bodyLimit({ maxSize: 1024 * 1024, onError: (c) => errorJson(c, new AppError('payload_too_large', 'MCP requests are limited to 1 MB')) }));
  app.all('/mcp', async (c) => {
    const match = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '');
    const principal = match ? await tokenPrincipal(deps.database.db, match[1]) : null;
    if (!principal) {
      c.header('www-authenticate', 'Bearer');
      return errorJson(c, new AppError('unauthorized', 'send Authorization: Bearer <API token> (rapport token create)'));
    }
    const server = buildMcpServer({ database: deps.database, actor: principal.actor, defaultCountry: deps.config.defaultCountry });
    const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
    await server.connect(transport);
    try {
      return await transport.handleRequest(c.req.raw);
    } finally {
      await server.close();
    }
  });
}
