import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApi, type TestApi } from '../test/api-client.js';
import { engines } from '../test/engines.js';
import { deliverAllQueued, startTestSmtp, useTestSmtp, type TestSmtp } from '../test/smtp.js';
import { openSse, type SseClient } from '../test/sse.js';
import { drainCsatEvents } from '../surveys/consumer.js';
import { chatCsatChannel, maxVisitorMessagesPerMinute } from './service.js';

const shop = 'https://shop.example';

describe.each(engines)('live chat on %s', (engine) => {
  let api: TestApi;
  let smtp: TestSmtp;
  let server: ReturnType<typeof serve>;
  let base: string;
  let site: { id: string; site_key: string; snippet: string };
  let owner: SseClient | null = null;
  const ok = async (method: string, path: string, body?: unknown) => {
    const res = await api.request(method, path, body);
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  /** A request as the widget on a page of `origin` makes it. */
  const widget = async (method: string, path: string, body?: unknown, options: { origin?: string | null; token?: string } = {}) => {
    const headers: Record<string, string> = {};
    const origin = options.origin === undefined ? shop : options.origin;
    if (origin) headers.origin = origin;
    if (options.token) headers['x-chat-token'] = options.token;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${base}/chat/${site.site_key}${path}`, { method, headers, body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body) });
    const text = await res.text();
    let parsed: any = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON
    }
    return { status: res.status, body: parsed, headers: res.headers };
  };
  const openOwner = () => openSse(`${base}/api/chat/stream`, { authorization: `Bearer ${api.token}` });

  beforeAll(async () => {
    api = await testApi(engine);
    smtp = await startTestSmtp();
    await useTestSmtp(api.db.database, smtp.port);
    server = await new Promise((resolve) => {
      const s = serve({ fetch: api.app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(s));
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    owner?.close();
    await new Promise((resolve) => server?.close(resolve));
    await smtp?.close();
    await api?.close();
  });

  it('adds a site with allowed origins and serves its widget script to other sites', async () => {
    expect((await api.request('POST', '/api/chat/sites', { name: 'Shop', allowed_origins: ['https://shop.example/path'] })).body.error.fields).toHaveProperty(['allowed_origins.0']);
    expect((await api.request('POST', '/api/chat/sites', { name: 'Shop', allowed_origins: [] })).status).toBe(400);
    site = await ok('POST', '/api/chat/sites', { name: 'Shop', allowed_origins: [shop], greeting: 'Hi! Ask us anything.' });
    expect(site.site_key).toMatch(/^ck_/);
    expect(site.snippet).toBe(`<script src="/chat/widget.js?key=${site.site_key}" async></script>`);
    const script = await fetch(`${base}/chat/widget.js?key=${site.site_key}`);
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toContain('text/javascript');
    expect(script.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    expect(script.headers.get('set-cookie')).toBeNull();
    const source = await script.text();
    expect(source).toContain('attachShadow');
    expect(source).toContain(JSON.stringify(site.site_key));
    expect(source.length).toBeLessThan(16_000);
    expect((await fetch(`${base}/chat/widget.js?key=ck_unknownunknown`)).status).toBe(404);
    expect((await api.request('PATCH', '/api/chat/sites/cst_nope', { name: 'x' })).status).toBe(404);
  });

  it('answers CORS only for allowed origins and refuses other pages', async () => {
    const preflight = await widget('OPTIONS', '/conversations');
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(shop);
    expect(preflight.headers.get('access-control-allow-headers')).toContain('x-chat-token');
    const foreign = await widget('POST', '/conversations', { message: 'hi', email: 'x@y.example' }, { origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
    expect((await widget('GET', '/status', undefined, { origin: null })).status).toBe(403);
    expect((await fetch(`${base}/chat/ck_unknownunknown/status`, { headers: { origin: shop } })).status).toBe(404);
  });

  it('asks for an address while the owner is away, and goes live once the web app is open', async () => {
    expect((await widget('GET', '/status')).body).toEqual({ online: false, greeting: 'Hi! Ask us anything.' });
    const noEmail = await widget('POST', '/conversations', { message: 'Anyone there?' });
    expect(noEmail.status).toBe(400);
    expect(noEmail.body.error.fields).toHaveProperty('email');
    owner = await openOwner();
    expect(owner.status).toBe(200);
    await owner.next(() => true);
    expect((await widget('GET', '/status')).body.online).toBe(true);
  });

  let token: string;
  let conversationId: string;
  let visitor: SseClient;

  it('starts a chat that becomes a ticket; the owner sees it live and the answer reaches the visitor live', async () => {
    const started = await widget('POST', '/conversations', { message: 'Do you ship to Norway?', name: 'Ines', email: 'ines@chat.example' });
    expect(started.status).toBe(201);
    expect(started.headers.get('set-cookie')).toBeNull();
    expect(started.headers.get('access-control-allow-origin')).toBe(shop);
    token = started.body.token;
    conversationId = started.body.conversation_id;
    expect(started.body.messages).toEqual([expect.objectContaining({ direction: 'in', body: 'Do you ship to Norway?' })]);
    const pushed = await owner!.next((e) => e.type === 'conversation');
    expect(pushed).toMatchObject({ conversation_id: conversationId, message: { body: 'Do you ship to Norway?' } });

    const chat = await ok('GET', `/api/chat/conversations/${conversationId}`);
    expect(chat.conversation).toMatchObject({ name: 'Ines', email: 'ines@chat.example', status: 'open', origin: shop });
    const ticket = await api.db.database.db.selectFrom('tickets').selectAll().where('id', '=', chat.conversation.ticket_id).executeTakeFirstOrThrow();
    expect(ticket).toMatchObject({ channel: 'chat', customer_id: chat.conversation.customer_id });
    const customer = await ok('GET', `/api/customers/${chat.conversation.customer_id}`);
    expect(customer.customer.email).toBe('ines@chat.example');

    visitor = await openSse(`${base}/chat/${site.site_key}/events?token=${encodeURIComponent(token)}`, { origin: shop });
    expect(visitor.status).toBe(200);
    await visitor.next((e) => (e.message as { body?: string } | undefined)?.body === 'Do you ship to Norway?');
    const reply = await ok('POST', `/api/chat/conversations/${conversationId}/messages`, { body: 'Yes, in 3 days.' });
    expect(reply.emailed).toBe(false);
    expect(await visitor.next((e) => (e.message as { body?: string } | undefined)?.body === 'Yes, in 3 days.')).toMatchObject({ message: { direction: 'out' } });

    const sent = await widget('POST', '/messages', { body: 'Great, thanks' }, { token });
    expect(sent.status).toBe(201);
    await owner!.next((e) => (e.message as { body?: string } | undefined)?.body === 'Great, thanks');
    const messages = await api.db.database.db.selectFrom('ticket_messages').select(['direction', 'body_text']).where('ticket_id', '=', ticket.id).orderBy('created_at').orderBy('id').execute();
    expect(messages.map((m) => [m.direction, m.body_text])).toEqual([
      ['in', 'Do you ship to Norway?'],
      ['out', 'Yes, in 3 days.'],
      ['in', 'Great, thanks'],
    ]);
    // Another token, or none, opens nothing.
    expect((await widget('POST', '/messages', { body: 'x' }, { token: 'not-a-token' })).status).toBe(404);
    expect((await widget('GET', '/messages')).status).toBe(404);
    expect((await widget('GET', '/messages', undefined, { token })).body.data).toHaveLength(3);
  });

  it('limits a flood from one visitor with a clear error, and refuses empty, long and oversized messages', async () => {
    expect((await widget('POST', '/messages', { body: '   ' }, { token })).body.error.fields).toHaveProperty('body');
    expect((await widget('POST', '/messages', { body: 'x'.repeat(2001) }, { token })).status).toBe(400);
    expect((await widget('POST', '/messages', JSON.stringify({ body: 'x'.repeat(20_000) }), { token })).status).toBe(413);
    expect((await widget('POST', '/messages', '{not json', { token })).status).toBe(400);
    const results: number[] = [];
    // The visitor's messages of the last test count in this minute too.
    const already = (await api.db.database.db.selectFrom('chat_messages').select('id').where('conversation_id', '=', conversationId).where('direction', '=', 'in').execute()).length;
    expect(already).toBe(2);
    for (let i = 0; i < maxVisitorMessagesPerMinute; i++) results.push((await widget('POST', '/messages', { body: `flood ${i}` }, { token })).status);
    expect(results.filter((s) => s === 201)).toHaveLength(maxVisitorMessagesPerMinute - already);
    expect(results.slice(maxVisitorMessagesPerMinute - already)).toEqual(Array(already).fill(429));
    const limited = await widget('POST', '/messages', { body: 'one more' }, { token });
    expect(limited.status).toBe(429);
    expect(limited.body.error.message).toContain(`at most ${maxVisitorMessagesPerMinute} a minute`);
    const stored = await api.db.database.db.selectFrom('chat_messages').select('id').where('conversation_id', '=', conversationId).where('direction', '=', 'in').execute();
    expect(stored).toHaveLength(maxVisitorMessagesPerMinute);
  });

  it('resolves the chat: the visitor is asked for a rating inside the chat and rates it', async () => {
    const resolved = await ok('POST', `/api/chat/conversations/${conversationId}/resolve`);
    expect(resolved.status).toBe('closed');
    expect((await widget('POST', '/rating', { score: 4 }, { token })).status).toBe(409);
    await drainCsatEvents(api.db.database, chatCsatChannel);
    await visitor.next((e) => (e.message as { kind?: string } | undefined)?.kind === 'csat');
    expect((await widget('POST', '/rating', { score: 9 }, { token })).status).toBe(400);
    const rated = await widget('POST', '/rating', { score: 4, comment: 'Quick answer' }, { token });
    expect(rated.status).toBe(200);
    await visitor.next((e) => (e.message as { body?: string } | undefined)?.body === 'Thank you for your rating (4/5).');
    const chat = await ok('GET', `/api/chat/conversations/${conversationId}`);
    const feedback = await ok('GET', `/api/customers/${chat.conversation.customer_id}/feedback`);
    expect(feedback.responses).toEqual([expect.objectContaining({ kind: 'csat', score: 4, comment: 'Quick answer', ticket_id: chat.conversation.ticket_id })]);
    // The CSAT email went too (the visitor left an address), with the same request: one answer only.
    expect(feedback.requests).toBe(1);
  });

  it('goes on by email when the visitor has left, tagged so the answer threads into the ticket', async () => {
    visitor.close();
    for (let i = 0; i < 50 && (await ok('GET', `/api/chat/conversations/${conversationId}`)).conversation.visitor_online; i++) await new Promise((r) => setTimeout(r, 20));
    const reply = await ok('POST', `/api/chat/conversations/${conversationId}/messages`, { body: 'One more thing: use code SHIP5.' });
    expect(reply.emailed).toBe(true);
    const before = smtp.messages.length;
    await deliverAllQueued(api.db.database);
    const mails = await smtp.waitFor(before + 1);
    const mail = mails.find((m) => m.text?.includes('SHIP5'))!;
    const ticket = await api.db.database.db
      .selectFrom('tickets')
      .select(['number', 'subject'])
      .where('id', '=', (await ok('GET', `/api/chat/conversations/${conversationId}`)).conversation.ticket_id)
      .executeTakeFirstOrThrow();
    expect(mail.subject).toBe(`Re: ${ticket.subject} [#T-${ticket.number}]`);
    expect(mail.to && 'text' in mail.to ? mail.to.text : '').toBe('ines@chat.example');
  });

  it('takes an address the visitor leaves later, refusing one that is not an address', async () => {
    owner!.close();
    for (let i = 0; i < 50 && (await widget('GET', '/status')).body.online; i++) await new Promise((r) => setTimeout(r, 20));
    const away = await widget('POST', '/conversations', { message: 'Hello?', email: 'kai@chat.example' });
    expect(away.status).toBe(201);
    expect(away.body.messages.map((m: { kind: string }) => m.kind)).toEqual(['text', 'email_notice']);
    expect((await widget('POST', '/email', { email: 'not an address' }, { token: away.body.token })).body.error.fields).toHaveProperty('email');
    expect((await widget('POST', '/email', { email: 'Kai.Other@Chat.Example' }, { token: away.body.token })).status).toBe(200);
    expect((await ok('GET', `/api/chat/conversations/${away.body.conversation_id}`)).conversation.email).toBe('kai.other@chat.example');
    owner = await openOwner();
    await owner.next(() => true);
  });

  it('exports the chat with the person and erases its messages and the address', async () => {
    const chat = (await ok('GET', `/api/chat/conversations/${conversationId}`)).conversation;
    const exported = await ok('GET', `/api/customers/${chat.customer_id}/export`);
    expect(exported.chats).toHaveLength(1);
    expect(exported.chats[0].messages[0]).toMatchObject({ direction: 'in', body: 'Do you ship to Norway?' });
    expect((await api.request('DELETE', `/api/customers/${chat.customer_id}?erase=true`)).status).toBe(204);
    const after = (await ok('GET', `/api/chat/conversations/${conversationId}`)).conversation;
    expect(after).toMatchObject({ name: null, email: null });
    expect((await ok('GET', `/api/chat/conversations/${conversationId}`)).messages).toEqual([]);
    // The visitor's token no longer opens the chat.
    expect((await widget('GET', '/messages', undefined, { token })).status).toBe(404);
  });
});
