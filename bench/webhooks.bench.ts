import '../src/derived-data.js';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../src/core/database.js';
import { appendEvents } from '../src/core/events.js';
import { migrate } from '../src/core/migrations/index.js';
import { postOutbound } from '../src/core/outbound.js';
import { createWebhook, deliveryBody } from '../src/webhooks/service.js';
import { webhookHeaders } from '../src/webhooks/signature.js';
import { startWebhookWorker } from '../src/webhooks/worker.js';

/**
 * `npm run bench -- webhooks`: webhook delivery to a receiver on loopback, on SQLite.
 * - Throughput: BENCH_WEBHOOK_EVENTS events (default 5,000) appended in transactions of 100, then
 *   delivered; events per second from the first append to the last receipt. Baseline: the same number
 *   of signed POSTs sent straight to the receiver with the same HTTP agent and concurrency, no database.
 * - Latency when idle: 200 events appended one at a time, 20 ms apart; time from the append's commit to
 *   the receiver getting it (p50, p99).
 */
const total = Number(process.env.BENCH_WEBHOOK_EVENTS ?? 5000);
const concurrency = 16;

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export async function run(log: (line: string) => void) {
  log(`\n== webhooks: ${total.toLocaleString('en')} events to a receiver on loopback (SQLite)`);
  const received = new Map<string, number>();
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      received.set(req.headers['webhook-id'] as string, performance.now());
      res.statusCode = 204;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-bench-webhooks-'));
  const database = await openDatabase({ sqlitePath: path.join(dir, 'rapport.db') });
  await migrate(database);
  const { secret } = await createWebhook(database.db, { url, event_types: ['*'] }, true);

  // Baseline: signed POSTs straight to the receiver.
  const body = deliveryBody({
    id: 'evt_x',
    position: 1,
    type: 'customer.created',
    entity: 'customer',
    entity_id: 'cus_x',
    occurred_at: new Date().toISOString(),
    actor: 'bench',
    data: { record: { id: 'cus_x', source: 'bench' } },
  });
  let sent = 0;
  let started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (sent < total) {
        const id = `evt_base_${sent++}`;
        await postOutbound(url, body, webhookHeaders(secret, id, body), { allowPrivate: true });
      }
    }),
  );
  const baselineSeconds = (performance.now() - started) / 1000;
  received.clear();

  // Throughput through the outbox.
  const worker = startWebhookWorker(database, { allowPrivate: true, pollMs: 50, concurrency, onError: (e) => log(`  error: ${String(e)}`) });
  started = performance.now();
  for (let i = 0; i < total; i += 100) {
    await database.db.transaction().execute((trx) =>
      appendEvents(
        trx,
        'bench',
        Array.from({ length: Math.min(100, total - i) }, (_, k) => ({ type: 'customer.created' as const, entity: 'customer', entityId: `cus_${i + k}`, data: { record: { source: 'bench' } } })),
      ),
    );
  }
  while (received.size < total) await new Promise((r) => setTimeout(r, 10));
  const outboxSeconds = (performance.now() - started) / 1000;
  log(`  direct signed POSTs: ${(total / baselineSeconds).toFixed(0)} requests/s (${baselineSeconds.toFixed(2)} s)`);
  log(`  through the outbox:  ${(total / outboxSeconds).toFixed(0)} events/s (${outboxSeconds.toFixed(2)} s), ${(outboxSeconds / baselineSeconds).toFixed(2)}x the direct POSTs' time`);

  // Latency when idle.
  received.clear();
  const latencies: number[] = [];
  for (let i = 0; i < 200; i++) {
    const [event] = await database.db.transaction().execute((trx) => appendEvents(trx, 'bench', [{ type: 'task.created', entity: 'task', entityId: `tsk_${i}` }]));
    const committed = performance.now();
    while (!received.has(event.id)) await new Promise((r) => setTimeout(r, 1));
    latencies.push(received.get(event.id)! - committed);
    await new Promise((r) => setTimeout(r, 20));
  }
  latencies.sort((a, b) => a - b);
  log(
    `  event to delivery when idle (200 events, 20 ms apart): p50 ${percentile(latencies, 50).toFixed(0)} ms, p99 ${percentile(latencies, 99).toFixed(0)} ms, max ${latencies[latencies.length - 1].toFixed(0)} ms (poll interval 50 ms)`,
  );
  await worker.stop();
  await database.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  fs.rmSync(dir, { recursive: true, force: true });
}
