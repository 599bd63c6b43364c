/**
 * `npm run bench -- chat`: BENCH_CHAT_VISITORS (default 200) widget connections held open at once
 * (Server-Sent Events on loopback, each a chat of its own) and the owner's web-app stream. Measures
 * message delivery, from the moment a message is posted until the other side's stream has it:
 * owner → visitor (the owner answers chats in turn), visitor → owner (visitors writing at a steady
 * rate, BENCH_CHAT_RATE a second), and a burst where every visitor writes at the same moment.
 * The issue asks p99 < 100 ms. Baseline in the same run: a GET /api/health round trip on the same
 * server (HTTP and routing without a write or a push).
 */
import '../src/derived-data.js';
import fs from 'node:fs';
import os from 'node:os';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { serve } from '@hono/node-server';
import { createApp } from '../src/api/app.js';
import { createOwner, createToken } from '../src/auth/service.js';
import { createSite, startConversation } from '../src/chat/service.js';
import { loadConfig } from '../src/core/config.js';
import { openDatabase, type Database } from '../src/core/database.js';
import { migrate } from '../src/core/migrations/index.js';
import { bundleCli } from '../src/test/cli-bundle.js';
import { startServeProcess } from '../src/test/serve-process.js';
import { openSse, type SseClient } from '../src/test/sse.js';

const visitors = Number(process.env.BENCH_CHAT_VISITORS ?? 200);
const rounds = Number(process.env.BENCH_CHAT_MESSAGES ?? 1000);
const dir = path.resolve(process.env.BENCH_DATA_DIR ?? 'bench/.data', 'chat');
const origin = 'https://shop.example';
/** BENCH_CHAT_SERVER=process serves from a `rapport serve` process (with its background workers); by default the benchmark's own process serves, its clients sharing the server's event loop. */
const inline = process.env.BENCH_CHAT_SERVER !== 'process';

const pct = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))];
const fmt = (ms: number) => `${ms.toFixed(1)} ms`;
const summary = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return { p50: pct(s, 0.5), p99: pct(s, 0.99), max: s[s.length - 1] };
};

export async function run(log: (line: string) => void) {
  log(`\n== chat: ${visitors} widget connections, message delivery over SSE on loopback`);
  fs.mkdirSync(dir, { recursive: true });
  // rapport.db: the file `rapport serve` opens in RAPPORT_DATA_DIR.
  const file = path.join(dir, 'rapport.db');
  for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
  const database = await openDatabase({ sqlitePath: file });
  await migrate(database);
  await createOwner(database.db, { email: 'owner@example.com', password: 'correct horse battery' });
  const { token } = await createToken(database.db, 'bench');
  const { base, close } = inline ? await serveInline(database) : await serveProcess();
  log(
    `  server: ${inline ? 'inside the benchmark process (BENCH_CHAT_SERVER=process runs a server process of its own)' : "a `rapport serve` process of its own (the benchmark's clients run beside it, not on its event loop)"}`,
  );
  const auth = { authorization: `Bearer ${token}` };
  const owner = await openSse(`${base}/api/chat/stream`, auth);
  await owner.next(() => true);
  const site = await createSite(database.db, { name: 'Bench', allowed_origins: [origin] });

  const chats: { id: string; token: string; stream: SseClient }[] = [];
  const started = Date.now();
  for (let i = 0; i < visitors; i++) {
    const c = await startConversation(database, site, { message: `hello from ${i}`, email: `v${i}@bench.example` }, origin);
    chats.push({ id: c.conversation.id, token: c.token, stream: null as unknown as SseClient });
  }
  await Promise.all(
    chats.map(async (c) => {
      c.stream = await openSse(`${base}/chat/${site.site_key}/events?token=${encodeURIComponent(c.token)}`, { origin });
      await c.stream.next(() => true);
    }),
  );
  log(`  ${visitors} chats started and their streams open in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  const health: number[] = [];
  for (let i = 0; i < 300; i++) {
    const t = performance.now();
    await (await fetch(`${base}/api/health`)).text();
    health.push(performance.now() - t);
  }

  /**
   * Per phase, the response times of the posts themselves (the write: HTTP, validation, the transaction
   * with its ticket copy and events) apart from delivery, and how long after that response the other
   * side's stream had the message (0 when the push came first: it leaves before the response does).
   */
  const posted: Record<string, number[]> = { toVisitor: [], toOwner: [], burst: [] };
  const after: Record<string, number[]> = { toVisitor: [], toOwner: [], burst: [] };
  const delivered = async (phase: string, stream: SseClient, body: string, post: () => Promise<Response>) => {
    const t = performance.now();
    let answered = 0;
    const arrived = stream.next((e) => (e.message as { body?: string } | undefined)?.body === body, 20_000).then(() => performance.now());
    const res = await post();
    answered = performance.now();
    posted[phase].push(answered - t);
    if (res.status !== 201) throw new Error(`${res.url}: ${res.status} ${await res.text()}`);
    const at = await arrived;
    after[phase].push(Math.max(0, at - answered));
    return at - t;
  };
  const reply = (chat: (typeof chats)[number], body: string) => () =>
    fetch(`${base}/api/chat/conversations/${chat.id}/messages`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ body }) });
  const ask = (chat: (typeof chats)[number], body: string) => () =>
    fetch(`${base}/chat/${site.site_key}/messages`, { method: 'POST', headers: { origin, 'x-chat-token': chat.token, 'content-type': 'application/json' }, body: JSON.stringify({ body }) });

  // Owner → visitor: the owner answers the chats in turn, one message at a time.
  const toVisitor: number[] = [];
  for (let n = 0; n < rounds / 2; n++) {
    const chat = chats[n % chats.length];
    toVisitor.push(await delivered('toVisitor', chat.stream, `answer ${n}`, reply(chat, `answer ${n}`)));
  }

  // Visitor → owner: all visitors writing, BENCH_CHAT_RATE messages a second in all (default 50),
  // each at a random moment (a visitor writes about every 4 s, under the per-minute limit).
  const rate = Number(process.env.BENCH_CHAT_RATE ?? 50);
  const toOwner: number[] = [];
  const pending: Promise<void>[] = [];
  const t0 = performance.now();
  let at = 0;
  for (let n = 0; n < rounds; n++) {
    at += -Math.log(1 - Math.random()) * (1000 / rate);
    const wait = t0 + at - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const chat = chats[n % chats.length];
    const body = `question ${n}`;
    pending.push(delivered('toOwner', owner, body, ask(chat, body)).then((ms) => void toOwner.push(ms)));
  }
  await Promise.all(pending);

  // A burst: every visitor writes at the same moment (each write waits its turn for the database).
  const burst: number[] = [];
  await Promise.all(chats.map((chat, i) => delivered('burst', owner, `burst ${i}`, ask(chat, `burst ${i}`)).then((ms) => void burst.push(ms))));

  const h = summary(health);
  const v = summary(toVisitor);
  const o = summary(toOwner);
  log(`  baseline GET /api/health: p50 ${fmt(h.p50)}, p99 ${fmt(h.p99)} (${health.length} requests, one at a time)`);
  const b = summary(burst);
  log(`  machine load average at the end: ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores`);
  for (const [phase, label] of [
    ['toVisitor', 'owner → visitor'],
    ['toOwner', 'visitor → owner'],
    ['burst', 'burst'],
  ]) {
    const w = summary(posted[phase]);
    const p = summary(after[phase]);
    log(`  ${label}: the post's own response (the write) p50 ${fmt(w.p50)}, p99 ${fmt(w.p99)}; the stream had it ${fmt(p.p50)} (p50), ${fmt(p.p99)} (p99) after that response`);
  }
  log(
    `  owner → visitor delivery (${toVisitor.length} answers, one at a time, ${chats.length} streams open): p50 ${fmt(v.p50)}, p99 ${fmt(v.p99)}, max ${fmt(v.max)} (target p99 < 100 ms); p99 ${(v.p99 / h.p99).toFixed(1)}x the baseline`,
  );
  log(
    `  visitor → owner delivery (${toOwner.length} messages at ${rate}/s from ${chats.length} visitors): p50 ${fmt(o.p50)}, p99 ${fmt(o.p99)}, max ${fmt(o.max)} (target p99 < 100 ms); p99 ${(o.p99 / h.p99).toFixed(1)}x the baseline`,
  );
  log(`  burst (all ${chats.length} visitors write at the same moment): p50 ${fmt(b.p50)}, p99 ${fmt(b.p99)}, max ${fmt(b.max)}`);

  owner.close();
  for (const c of chats) c.stream.close();
  await close();
  await database.close();
}

async function serveInline(database: Database) {
  const app = createApp({ database, config: loadConfig({ RAPPORT_DATA_DIR: dir }) });
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(s));
  });
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: async () => {
      // @hono/node-server serves with node:http unless told otherwise.
      (server as Server).closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** `rapport serve` on the benchmark's SQLite file, as a process of its own (bundled first, no build needed). */
async function serveProcess() {
  const outdir = path.join(dir, 'cli');
  const cli = await bundleCli(outdir);
  const server = await startServeProcess(cli, { ...process.env, PORT: '0', DATABASE_URL: '', RAPPORT_DATA_DIR: dir }, outdir);
  return { base: server.base, close: server.stop };
}
