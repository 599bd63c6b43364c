/**
 * `npm run bench -- tracking`: the open pixel (`/t/o/...`) and the click redirect (`/t/c/...`) at a steady
 * offered rate (BENCH_TRACKING_RATES, default 250 and 500 requests a second, BENCH_SECONDS each), against
 * `GET /api/health` at the same rate in the same run (an HTTP round trip through the same server that reads
 * nothing: the floor). Requests are sent open-loop, on a schedule, whatever the answers do, so a slow
 * answer delays none of the next ones and the percentiles are those a stream of recipients would see. Each
 * request names another of BENCH_TRACKING_MESSAGES sent messages, so most opens and clicks are a first one:
 * a write of the message and its event, the expensive case. One server process, on SQLite.
 */
import '../src/derived-data.js';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { instanceSecret } from '../src/auth/secrets.js';
import { openDatabase } from '../src/core/database.js';
import { migrate } from '../src/core/migrations/index.js';
import { queueMails } from '../src/mail/queue.js';
import { updateMailSettings } from '../src/mail/settings.js';
import { clickToken, openToken } from '../src/mail/tokens.js';
import { bundleCli } from '../src/test/cli-bundle.js';
import { startServeProcess } from '../src/test/serve-process.js';
import { formatStats, stats, type LatencyStats } from './load.js';

const rates = (process.env.BENCH_TRACKING_RATES ?? '250,500').split(',').map(Number);
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const messages = Number(process.env.BENCH_TRACKING_MESSAGES ?? 20_000);

/** Sends GETs for `paths` in turn at `rate` a second for `seconds` (open loop), and times each answer. */
async function paced(port: number, paths: string[], rate: number, seconds: number, expect: number): Promise<LatencyStats> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const latencies: number[] = [];
  let errors = 0;
  const total = Math.round(rate * seconds);
  const started = process.hrtime.bigint();
  const pending: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = started + BigInt(Math.round((i * 1e9) / rate));
    const wait = Number(due - process.hrtime.bigint()) / 1e6;
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    const path = paths[i % paths.length];
    // A request sent up to a millisecond early is timed from when it was sent, not from when it was due.
    const sentAt = process.hrtime.bigint();
    const from = sentAt < due ? sentAt : due;
    pending.push(
      new Promise<void>((resolve) => {
        // Timed from when the request was due, so a generator that falls behind shows as latency.
        const req = http.get({ host: '127.0.0.1', port, path, agent }, (res) => {
          res.resume();
          res.on('end', () => {
            if (res.statusCode === expect) latencies.push(Number(process.hrtime.bigint() - from) / 1e6);
            else errors++;
            resolve();
          });
        });
        req.on('error', () => {
          errors++;
          resolve();
        });
      }),
    );
  }
  await Promise.all(pending);
  agent.destroy();
  return stats(latencies, Number(process.hrtime.bigint() - started) / 1e9, errors);
}

export async function run(log: (line: string) => void) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-tracking-bench-'));
  const dataDir = path.join(tmp, 'data');
  fs.mkdirSync(dataDir);
  log(`\n== Tracking: open pixel and click redirect at a paced rate, ${messages.toLocaleString('en')} sent messages, one server process on SQLite; load average ${os.loadavg()[0].toFixed(1)}`);
  const database = await openDatabase({ sqlitePath: path.join(dataDir, 'rapport.db') });
  await migrate(database);
  await updateMailSettings(database, { public_url: 'https://crm.example.com', track_opens: true, track_clicks: true });
  const secret = await instanceSecret(database.db);
  const ids: string[] = [];
  for (let i = 0; i < messages; i += 1000) {
    const queued = await database.db.transaction().execute((trx) =>
      queueMails(
        trx,
        Array.from({ length: Math.min(1000, messages - i) }, (_, k) => ({ to: `r${i + k}@example.org`, subject: 'Spring', text: 'Hello', purpose: 'notification' as const })),
      ),
    );
    ids.push(...queued.map((q) => q.id));
  }
  // Sent, as the mail worker leaves them: only a sent message records an open or a click.
  await database.db.updateTable('messages').set({ status: 'sent', sent_at: new Date().toISOString() }).execute();
  await database.close();

  // Bundled inside the repository, so that its packages resolve from node_modules.
  const outdir = path.resolve('node_modules/.cache/rapport-tracking-bench', String(process.pid));
  const cli = await bundleCli(outdir);
  const server = await startServeProcess(cli, { ...process.env, RAPPORT_DATA_DIR: dataDir, PORT: '0', DATABASE_URL: '' }, outdir);
  const port = Number(new URL(server.base).port);
  try {
    let offset = 0;
    const pathsFor = (kind: 'open' | 'click', n: number) => {
      const chosen = Array.from({ length: n }, (_, k) => ids[(offset + k) % ids.length]);
      offset += n;
      return chosen.map((id) => (kind === 'open' ? `/t/o/${openToken(secret, id)}` : `/t/c/${clickToken(secret, id, 'https://shop.example.com/spring?utm_source=rapport')}`));
    };
    // Warm-up: the server's first requests compile its routes and fill its caches.
    await paced(port, ['/api/health'], 200, 2, 200);
    await paced(port, pathsFor('open', 200), 200, 1, 200);
    for (const rate of rates) {
      const n = Math.round(rate * seconds);
      const health = await paced(port, ['/api/health'], rate, seconds, 200);
      const open = await paced(port, pathsFor('open', n), rate, seconds, 200);
      const click = await paced(port, pathsFor('click', n), rate, seconds, 302);
      const load = os.loadavg()[0].toFixed(1);
      log(formatStats(`health (baseline) at ${rate}/s`, health));
      log(formatStats(`open pixel at ${rate}/s`, open) + `  p99 ${(open.p99 / health.p99).toFixed(2)}x health`);
      log(formatStats(`click redirect at ${rate}/s`, click) + `  p99 ${(click.p99 / health.p99).toFixed(2)}x health  (load average ${load})`);
    }
  } finally {
    await server.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}
