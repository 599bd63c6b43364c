import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApi, type TestApi } from '../test/api-client.js';
import { bundleCli } from '../test/cli-bundle.js';
import { engines } from '../test/engines.js';
import { startServeProcess, type ServeProcess } from '../test/serve-process.js';
import { openSse, type SseClient } from '../test/sse.js';

// Two real `rapport serve` processes on one database: a visitor's stream held by one, the owner's
// web app by the other. Messages written on either reach the stream on the other (PostgreSQL wakes the
// other process with NOTIFY; MariaDB and a shared SQLite file are polled), and each process knows
// whether the owner and the visitor are connected to the other one.

const root = path.resolve(import.meta.dirname, '../..');
const outdir = path.join(root, 'node_modules/.cache/rapport-chat-processes-test', String(process.pid));
const shop = 'https://shop.example';

let cli: string;
beforeAll(async () => {
  cli = await bundleCli(outdir);
}, 120_000);
afterAll(() => fs.rmSync(outdir, { recursive: true, force: true }));

function startServer(api: TestApi, name: string): Promise<ServeProcess> {
  const sqlite = api.db.database.dialect === 'sqlite';
  return startServeProcess(cli, { ...process.env, PORT: '0', DATABASE_URL: sqlite ? '' : api.db.url!, RAPPORT_DATA_DIR: sqlite ? path.dirname(api.db.url!) : path.join(outdir, name) }, outdir);
}

const until = async (check: () => Promise<boolean>, what: string) => {
  for (let i = 0; i < 100; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`not within 10 s: ${what}`);
};

describe.each(engines)('live chat across two server processes on %s', (engine) => {
  let api: TestApi;
  let a: ServeProcess;
  let b: ServeProcess;
  let key: string;
  const streams: SseClient[] = [];
  const owner = (server: ServeProcess, method: string, p: string, body?: unknown) =>
    fetch(`${server.base}${p}`, { method, headers: { authorization: `Bearer ${api.token}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  const widget = (server: ServeProcess, method: string, p: string, body?: unknown, token?: string) =>
    fetch(`${server.base}/chat/${key}${p}`, {
      method,
      headers: { origin: shop, 'content-type': 'application/json', ...(token ? { 'x-chat-token': token } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const ownerOnlineAt = async (server: ServeProcess) => ((await (await widget(server, 'GET', '/status')).json()) as { online: boolean }).online;
  const visitorOnlineAt = async (server: ServeProcess, id: string) =>
    ((await (await owner(server, 'GET', `/api/chat/conversations/${id}`)).json()) as { conversation: { visitor_online: boolean } }).conversation.visitor_online;

  beforeAll(async () => {
    api = await testApi(engine);
    const site = await api.request('POST', '/api/chat/sites', { name: 'Shop', allowed_origins: [shop] });
    expect(site.status).toBe(201);
    key = site.body.site_key;
    [a, b] = await Promise.all([startServer(api, 'a'), startServer(api, 'b')]);
  }, 120_000);
  afterAll(async () => {
    for (const s of streams) s.close();
    await Promise.all([a?.stop(), b?.stop()]);
    await api?.close();
  });

  it('a visitor on one process and the owner on the other reach each other live, each message once', async () => {
    expect(await ownerOnlineAt(a)).toBe(false);
    const ownerStream = await openSse(`${b.base}/api/chat/stream`, { authorization: `Bearer ${api.token}` });
    streams.push(ownerStream);
    expect(ownerStream.status).toBe(200);
    await ownerStream.next(() => true);
    // The owner's web app is open on B, so A offers a live chat: no address needed.
    expect(await ownerOnlineAt(a)).toBe(true);
    const started = await widget(a, 'POST', '/conversations', { message: 'Hello from a visitor on A', name: 'Vera' });
    expect(started.status).toBe(201);
    const { conversation_id: id, token } = (await started.json()) as { conversation_id: string; token: string };
    const announced = await ownerStream.next((e) => e.type === 'conversation' && e.conversation_id === id);
    expect((announced.message as { body: string }).body).toBe('Hello from a visitor on A');
    expect((announced.conversation as { name: string }).name).toBe('Vera');

    const visitor = await openSse(`${a.base}/chat/${key}/events?token=${encodeURIComponent(token)}`, { origin: shop });
    streams.push(visitor);
    await visitor.next(() => true);
    expect(await visitorOnlineAt(b, id)).toBe(true);

    // Owner → visitor: written on B, delivered by A; live, so not emailed.
    const reply = await owner(b, 'POST', `/api/chat/conversations/${id}/messages`, { body: 'Answer written on B' });
    expect(reply.status).toBe(201);
    expect(((await reply.json()) as { emailed: boolean }).emailed).toBe(false);
    await visitor.next((e) => (e.message as { body?: string } | undefined)?.body === 'Answer written on B');

    // Visitor → owner: written on A, delivered by B.
    const asked = await widget(a, 'POST', '/messages', { body: 'A question written on A' }, token);
    expect(asked.status).toBe(201);
    await ownerStream.next((e) => (e.message as { body?: string } | undefined)?.body === 'A question written on A');

    // The other way round: the owner also answers on A and the visitor writes on B.
    await owner(a, 'POST', `/api/chat/conversations/${id}/messages`, { body: 'Answer written on A' });
    await visitor.next((e) => (e.message as { body?: string } | undefined)?.body === 'Answer written on A');
    expect((await widget(b, 'POST', '/messages', { body: 'A question written on B' }, token)).status).toBe(201);
    await ownerStream.next((e) => (e.message as { body?: string } | undefined)?.body === 'A question written on B');

    // Each message once on each stream (the relay's look-back sees them again; nothing is pushed twice).
    await new Promise((r) => setTimeout(r, 1500));
    const bodies = (s: SseClient) => s.events.map((e) => (e.message as { body?: string } | undefined)?.body).filter(Boolean);
    expect(bodies(visitor).sort()).toEqual(['A question written on A', 'A question written on B', 'Answer written on A', 'Answer written on B', 'Hello from a visitor on A']);
    expect(bodies(ownerStream).sort()).toEqual(['A question written on A', 'A question written on B', 'Answer written on A', 'Answer written on B', 'Hello from a visitor on A']);

    // Leaving is seen by the other process too.
    visitor.close();
    await until(async () => !(await visitorOnlineAt(b, id)), 'the visitor counts as gone on B');
    ownerStream.close();
    await until(async () => !(await ownerOnlineAt(a)), 'the owner counts as offline on A');
  }, 60_000);
});
