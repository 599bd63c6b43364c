/**
 * The chat widget's public side, outside /api and without sign-in: the script
 * (`GET /chat/widget.js?key=...`) and the visitor's API under `/chat/{key}/...`. A site's key names
 * it; only pages on the site's allowed origins get CORS answers, and a request from another origin is
 * refused. The visitor's own token (header `x-chat-token`, or `token` in the query for the event
 * stream, which EventSource cannot give headers) opens their conversation. Small bodies, rate limits.
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { streamSSE } from 'hono/streaming';
import { AppError } from '../core/errors.js';
import { clientAddress } from '../http/client.js';
import type { AppDeps, AppEnv } from '../http/env.js';
import { errorJson, errorSchema } from '../http/errors.js';
import { hubOf, type ChatPush, type Listening } from './hub.js';
import {
  chatMessageSchema,
  conversationMessages,
  maxChatMessageChars,
  maxConversationsPer10Minutes,
  rateInChat,
  setVisitorEmail,
  siteByKey,
  startConversation,
  visitorConversation,
  visitorMessage,
  visitorStartInput,
  originAllowed,
  type ChatSite,
} from './service.js';
import { chatWidget } from './widget.js';

const chatBodyBytes = 16 * 1024;
/** Seconds between keep-alive comments on an idle event stream. */
const keepAliveMs = 25_000;

const tags = ['chat'];
const publicRoute = { security: [] as Record<string, string[]>[] };
const keyParam = z.object({
  key: z
    .string()
    .max(60)
    .openapi({ param: { name: 'key', in: 'path' }, description: "The site's widget key" }),
});
const json = <T extends z.ZodTypeAny>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });
const err = (description: string) => json(errorSchema, description);
const body = <T extends z.ZodTypeAny>(schema: T) => ({ required: true, content: { 'application/json': { schema } } });
const tokenHeader = z.object({ 'x-chat-token': z.string().max(100).optional().openapi({ description: 'The token the chat was started with' }) });

/** The widget script and the visitor API may be used by other sites (the app's default resource policy is same-origin). */
export const chatWidgetHeaders: MiddlewareHandler = async (c, next) => {
  await next();
  c.res.headers.set('cross-origin-resource-policy', 'cross-origin');
};

const widgetSource = `(${chatWidget.toString()})`;

export function registerChatWidget(app: OpenAPIHono<AppEnv>, deps: AppDeps) {
  const { database } = deps;
  const db = database.db;
  const starts = new Map<string, { count: number; since: number }>();

  app.use('/chat/*', bodyLimit({ maxSize: chatBodyBytes, onError: (c) => errorJson(c, new AppError('payload_too_large', `request body is larger than ${chatBodyBytes} bytes`)) }));
  // CORS and the Origin check for the visitor API: only the site's own origins.
  app.use('/chat/:key/*', async (c, next) => {
    if (c.req.path === '/chat/widget.js') return next();
    const site = await siteByKey(db, c.req.param('key'));
    if (!site) return errorJson(c, new AppError('not_found', 'no chat with this key'));
    const origin = c.req.header('origin');
    if (!originAllowed(site, origin)) return errorJson(c, new AppError('forbidden', `this chat does not accept requests from ${origin ?? 'a page without an Origin'}`));
    c.header('access-control-allow-origin', origin!);
    c.header('vary', 'Origin');
    if (c.req.method === 'OPTIONS') {
      c.header('access-control-allow-methods', 'GET, POST');
      c.header('access-control-allow-headers', 'content-type, x-chat-token');
      c.header('access-control-max-age', '600');
      return c.body(null, 204);
    }
    c.set('chatSite' as never, site as never);
    return next();
  });
  const siteOf = (c: Context) => c.get('chatSite' as never) as ChatSite;
  const visitor = (c: Context, token?: string | null) => visitorConversation(db, siteOf(c), token ?? c.req.header('x-chat-token'));
  const tooManyStarts = (c: Context) => {
    const who = clientAddress(c, deps.config);
    const now = Date.now();
    const entry = starts.get(who);
    if (!entry || now - entry.since > 10 * 60_000) {
      if (starts.size > 10_000) starts.clear();
      starts.set(who, { count: 1, since: now });
      return false;
    }
    return ++entry.count > maxConversationsPer10Minutes;
  };

  app.openapi(
    createRoute({
      method: 'get',
      path: '/chat/widget.js',
      tags,
      ...publicRoute,
      operationId: 'chatWidgetScript',
      summary: 'The chat widget script: `<script src="https://your-rapport/chat/widget.js?key=..." async></script>`',
      request: { query: z.object({ key: z.string().max(60) }) },
      responses: { 200: { description: 'The script', content: { 'text/javascript': { schema: z.string() } } }, 404: err('No active site with this key') },
    }),
    async (c) => {
      const site = await siteByKey(db, c.req.valid('query').key);
      if (!site) return errorJson(c, new AppError('not_found', 'no chat with this key')) as never;
      c.header('content-type', 'text/javascript; charset=utf-8');
      c.header('cache-control', 'public, max-age=300');
      const config = JSON.stringify({ key: site.site_key, greeting: site.greeting, maxChars: maxChatMessageChars }).replace(/</g, '\\u003c');
      return c.body(`${widgetSource}(${config});\n`, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/chat/{key}/status',
      tags,
      ...publicRoute,
      operationId: 'chatStatus',
      summary: 'Whether the owner is online (else the widget asks for an email address) and the greeting',
      request: { params: keyParam },
      responses: { 200: json(z.object({ online: z.boolean(), greeting: z.string().nullable() }), 'The status'), 403: err('Origin not allowed'), 404: err('No active site with this key') },
    }),
    async (c) => c.json({ online: await hubOf(database).ownerOnline(), greeting: siteOf(c).greeting }, 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/chat/{key}/conversations',
      tags,
      ...publicRoute,
      operationId: 'chatStart',
      summary: 'Start a chat (it becomes a ticket with channel chat); the answer carries the token for the rest of the chat',
      request: { params: keyParam, body: body(visitorStartInput) },
      responses: {
        201: json(z.object({ conversation_id: z.string(), token: z.string(), messages: z.array(chatMessageSchema) }), 'Started'),
        400: err('Empty or too long message, bad address, or an address is needed because nobody is online'),
        403: err('Origin not allowed'),
        404: err('No active site with this key'),
        413: err('Body too large'),
        429: err('Too many chats started from this address'),
      },
    }),
    async (c) => {
      if (tooManyStarts(c)) throw new AppError('rate_limited', 'Too many chats started from your address. Please try again in a few minutes.');
      const started = await startConversation(database, siteOf(c), c.req.valid('json'), c.req.header('origin') ?? null);
      return c.json({ conversation_id: started.conversation.id, token: started.token, messages: await conversationMessages(db, started.conversation.id) }, 201);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/chat/{key}/messages',
      tags,
      ...publicRoute,
      operationId: 'chatHistory',
      summary: "The visitor's messages so far (after a message id when given)",
      request: { params: keyParam, headers: tokenHeader, query: z.object({ after: z.string().max(40).optional() }) },
      responses: { 200: json(z.object({ data: z.array(chatMessageSchema) }), 'The messages'), 403: err('Origin not allowed'), 404: err('Unknown key or token') },
    }),
    async (c) => {
      const conversation = await visitor(c);
      return c.json({ data: await conversationMessages(db, conversation.id, c.req.valid('query').after) }, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/chat/{key}/messages',
      tags,
      ...publicRoute,
      operationId: 'chatSend',
      summary: 'The visitor sends a message',
      request: {
        params: keyParam,
        headers: tokenHeader,
        body: body(
          z
            .object({ body: z.string().max(maxChatMessageChars * 2) })
            .strict()
            .openapi('ChatSend'),
        ),
      },
      responses: {
        201: json(chatMessageSchema, 'Stored and delivered'),
        400: err('Empty or too long'),
        403: err('Origin not allowed'),
        404: err('Unknown key or token'),
        413: err('Body too large'),
        429: err('Too many messages in a minute'),
      },
    }),
    async (c) => c.json(await visitorMessage(database, await visitor(c), c.req.valid('json').body), 201),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/chat/{key}/email',
      tags,
      ...publicRoute,
      operationId: 'chatLeaveEmail',
      summary: 'The visitor leaves an email address: replies go on by email when they are gone',
      request: {
        params: keyParam,
        headers: tokenHeader,
        body: body(
          z
            .object({ email: z.email({ message: 'not an email address' }).max(254) })
            .strict()
            .openapi('ChatEmail'),
        ),
      },
      responses: { 200: json(z.object({ ok: z.literal(true) }), 'Saved'), 400: err('Not an address'), 403: err('Origin not allowed'), 404: err('Unknown key or token') },
    }),
    async (c) => {
      await setVisitorEmail(database, await visitor(c), c.req.valid('json').email);
      return c.json({ ok: true as const }, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/chat/{key}/rating',
      tags,
      ...publicRoute,
      operationId: 'chatRate',
      summary: 'The visitor rates the chat (CSAT 1–5, optional comment) after the owner resolved it',
      request: {
        params: keyParam,
        headers: tokenHeader,
        body: body(
          z
            .object({ score: z.number().int(), comment: z.string().max(4000).optional() })
            .strict()
            .openapi('ChatRating'),
        ),
      },
      responses: {
        200: json(z.object({ score: z.number().int() }), 'Recorded'),
        400: err('Score out of range'),
        403: err('Origin not allowed'),
        404: err('Unknown key or token'),
        409: err('No rating was asked, or the survey closed'),
      },
    }),
    async (c) => {
      const r = await rateInChat(database, await visitor(c), c.req.valid('json'));
      return c.json({ score: r.score }, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/chat/{key}/events',
      tags,
      ...publicRoute,
      operationId: 'chatEvents',
      summary: "The visitor's live stream (Server-Sent Events): messages after `after`, then each new one as it is written",
      request: { params: keyParam, query: z.object({ token: z.string().max(100), after: z.string().max(40).optional() }) },
      responses: { 200: { description: 'An event stream', content: { 'text/event-stream': { schema: z.string() } } }, 403: err('Origin not allowed'), 404: err('Unknown key or token') },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const conversation = await visitor(c, q.token);
      return streamSSE(c, async (stream) => {
        await pipeToStream(
          stream,
          (listener) => hubOf(database).listenVisitor(conversation.id, listener),
          () => conversationMessages(db, conversation.id, q.after || null),
        );
      }) as never;
    },
  );
}

type SseStream = Parameters<Parameters<typeof streamSSE>[1]>[0];

/**
 * Sends what was missed, then live pushes, until the client goes away. Pushes are queued while the
 * backlog is read, and each message is sent once (by id).
 */
export async function pipeToStream(stream: SseStream, listen: (l: (p: ChatPush) => void) => Listening, backlog: () => Promise<{ id: string }[]>): Promise<void> {
  const sent = new Set<string>();
  let chain: Promise<unknown> = Promise.resolve();
  let ready = false;
  const early: ChatPush[] = [];
  const write = (push: ChatPush) => {
    const id = (push.data.message as { id?: string } | undefined)?.id;
    if (id) {
      if (sent.has(id)) return;
      sent.add(id);
    }
    chain = chain.then(() => stream.writeSSE({ data: JSON.stringify({ type: push.type, conversation_id: push.conversation_id, ...push.data }), ...(id ? { id } : {}) })).catch(() => undefined);
  };
  const listening = listen((push) => (ready ? write(push) : early.push(push)));
  const stop = () => listening.stop();
  let closed = false;
  stream.onAbort(() => {
    closed = true;
    stop();
  });
  try {
    // Ready once every server process can see this stream (the owner online, the visitor connected).
    await listening.ready;
    await stream.writeSSE({ event: 'ready', data: '{}' });
    for (const m of await backlog()) write({ type: 'message', conversation_id: (m as { conversation_id?: string }).conversation_id ?? '', data: { message: m } });
    ready = true;
    for (const p of early.splice(0)) write(p);
    while (!closed && !stream.aborted && !stream.closed) {
      await stream.sleep(keepAliveMs);
      if (!closed && !stream.aborted) chain = chain.then(() => stream.write(': keep-alive\n\n')).catch(() => undefined);
    }
  } finally {
    stop();
  }
}
