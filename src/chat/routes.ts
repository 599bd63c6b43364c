/** The owner's chat API: `/api/chat/sites` (widget keys and allowed origins), conversations, replies, and the live stream. */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { streamSSE } from 'hono/streaming';
import { body, idParam, json } from '../http/crud-routes.js';
import type { AppEnv } from '../http/env.js';
import { errorResponses } from '../http/errors.js';
import { hubOf } from './hub.js';
import { pipeToStream } from './public.js';
import {
  chatConversationSchema,
  chatMessageSchema,
  chatSiteInput,
  chatSiteSchema,
  conversationMessages,
  createSite,
  getConversation,
  listConversations,
  listSites,
  maxChatMessageChars,
  ownerReply,
  resolveConversation,
  updateSite,
} from './service.js';

const tags = ['chat'];

export function registerChatRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/chat/sites',
      tags,
      summary: 'Chat sites: widget keys, allowed origins, the script tag',
      responses: { 200: json(z.object({ data: z.array(chatSiteSchema) }), 'The sites') },
    }),
    async (c) => c.json({ data: await listSites(c.get('ctx').database.db) }, 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/chat/sites',
      tags,
      summary: 'Add a site for the chat widget (its key and the origins allowed to use it)',
      request: { body: body(chatSiteInput) },
      responses: { 201: json(chatSiteSchema, 'Created'), 400: errorResponses[400] },
    }),
    async (c) => c.json(await createSite(c.get('ctx').database.db, c.req.valid('json')), 201),
  );
  app.openapi(
    createRoute({
      method: 'patch',
      path: '/api/chat/sites/{id}',
      tags,
      summary: 'Change a chat site (name, allowed origins, greeting, active)',
      request: { params: idParam, body: body(chatSiteInput.partial()) },
      responses: { 200: json(chatSiteSchema, 'The site'), 400: errorResponses[400], 404: errorResponses[404] },
    }),
    async (c) => c.json(await updateSite(c.get('ctx').database.db, c.req.valid('param').id, c.req.valid('json')), 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/chat/conversations',
      tags,
      summary: 'Chats, most recent message first',
      request: { query: z.object({ status: z.enum(['open', 'closed']).optional(), limit: z.coerce.number().int().min(1).max(200).optional() }) },
      responses: { 200: json(z.object({ data: z.array(chatConversationSchema), owner_online: z.boolean() }), 'The chats'), 400: errorResponses[400] },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      return c.json({ data: await listConversations(ctx.database, c.req.valid('query')), owner_online: await hubOf(ctx.database).ownerOnline() }, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/chat/conversations/{id}',
      tags,
      summary: 'One chat with its messages',
      request: { params: idParam },
      responses: { 200: json(z.object({ conversation: chatConversationSchema, messages: z.array(chatMessageSchema) }), 'The chat'), 404: errorResponses[404] },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const conversation = await getConversation(ctx.database, c.req.valid('param').id);
      return c.json({ conversation, messages: await conversationMessages(ctx.database.db, conversation.id) }, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/chat/conversations/{id}/messages',
      tags,
      summary: 'Answer a chat: delivered live, or by email when the visitor is gone and left an address; added to the ticket as a reply',
      request: {
        params: idParam,
        body: body(
          z
            .object({ body: z.string().max(maxChatMessageChars * 2) })
            .strict()
            .openapi('ChatReply'),
        ),
      },
      responses: { 201: json(z.object({ message: chatMessageSchema, emailed: z.boolean() }), 'Sent'), 400: errorResponses[400], 404: errorResponses[404] },
    }),
    async (c) => c.json(await ownerReply(c.get('ctx'), c.req.valid('param').id, c.req.valid('json').body), 201),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/chat/conversations/{id}/resolve',
      tags,
      summary: 'Resolve a chat: its ticket is resolved (which asks the visitor for a CSAT rating in the chat) and the chat closes',
      request: { params: idParam },
      responses: { 200: json(chatConversationSchema, 'Resolved'), 404: errorResponses[404] },
    }),
    async (c) => c.json(await resolveConversation(c.get('ctx'), c.req.valid('param').id), 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/chat/stream',
      tags,
      summary: 'Live stream for the web app (Server-Sent Events): new chats and messages as they arrive; while one is open the owner counts as online',
      responses: { 200: { description: 'An event stream', content: { 'text/event-stream': { schema: z.string() } } } },
    }),
    async (c) => {
      const { database } = c.get('ctx');
      return streamSSE(c, async (stream) => {
        await pipeToStream(
          stream,
          (listener) => hubOf(database).listenOwner(listener),
          async () => [],
        );
      }) as never;
    },
  );
}
