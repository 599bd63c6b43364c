/**
 * Does the server stay responsive while long writes run? Health and a list page are requested at a
 * steady pace on an idle server, during a large customer import (a job on the job thread), on the idle
 * server again, and during the import's undo; each phase prints p50/p99 per route.
 * BENCH_RESPONSIVE_ROWS (default 200,000) sets the import's size, BENCH_RESPONSIVE_RATE the requests
 * per second per route (default 20), BENCH_IDLE_SECONDS the idle phases' length (default 10).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { createOwner, createToken } from '../src/auth/service.js';
import { loadConfig } from '../src/core/config.js';
import { openConfiguredDatabase } from '../src/core/runtime.js';
import { bundleCli } from '../src/test/cli-bundle.js';
import { stats, type LatencyStats } from './load.js';

const rows = Number(process.env.BENCH_RESPONSIVE_ROWS ?? 200_000);
const rate = Number(process.env.BENCH_RESPONSIVE_RATE ?? 20);
const idleSeconds = Number(process.env.BENCH_IDLE_SECONDS ?? 10);
const root = path.resolve(import.meta.dirname, '..');
const dataDir = path.join(root, 'bench/.data/responsive');
const routes = { health: '/api/health', list: '/api/customers?limit=50' };

function writeCsv(file: string) {
  const out = fs.openSync(file, 'w');
  fs.writeSync(out, 'customer_id,first_name,last_name,email,phone,city,country,birthday\n');
  let lines: string[] = [];
  for (let i = 1; i <= rows; i++) {
    lines.push(`C${i},Given${i % 997},Family${i},person${i}@example.com,+4420${String(7000000 + i).padStart(8, '0')},City ${i % 301},GB,19${50 + (i % 50)}-0${1 + (i % 9)}-1${i % 10}`);
    if (lines.length === 5000) {
      fs.writeSync(out, lines.join('\n') + '\n');
      lines = [];
    }
  }
  if (lines.length) fs.writeSync(out, lines.join('\n') + '\n');
  fs.closeSync(out);
}

async function startServer(cli: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, [cli, 'serve'], { env: { ...process.env, RAPPORT_DATA_DIR: dataDir, PORT: String(port), DATABASE_URL: '' }, stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('Rapport is running') && resolve());
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  return child;
}

/** Requests `route` `rate` times a second (each on time, whether or not the last has answered) until `done`. */
async function paced(port: number, route: string, headers: Record<string, string>, done: () => boolean): Promise<LatencyStats> {
  const agent = new http.Agent({ keepAlive: true });
  const latencies: number[] = [];
  let errors = 0;
  const inFlight: Promise<void>[] = [];
  const started = Date.now();
  for (let n = 0; !done(); n++) {
    const due = started + (n * 1000) / rate;
    if (due > Date.now()) await new Promise((r) => setTimeout(r, due - Date.now()));
    const t = process.hrtime.bigint();
    inFlight.push(
      new Promise<void>((resolve) => {
        http
          .get({ host: '127.0.0.1', port, path: route, agent, headers }, (res) => {
            res.resume();
            res.on('end', () => {
              if (res.statusCode === 200) latencies.push(Number(process.hrtime.bigint() - t) / 1e6);
              else errors++;
              resolve();
            });
          })
          .on('error', () => {
            errors++;
            resolve();
          });
      }),
    );
  }
  await Promise.all(inFlight);
  agent.destroy();
  return stats(latencies, (Date.now() - started) / 1000, errors);
}

async function measure(port: number, headers: Record<string, string>, done: () => boolean) {
  const [health, list] = await Promise.all([paced(port, routes.health, {}, done), paced(port, routes.list, headers, done)]);
  return { health, list };
}

const line = (name: string, r: { health: LatencyStats; list: LatencyStats }) =>
  `${name.padEnd(30)} health p50 ${r.health.p50.toFixed(1).padStart(6)} ms  p99 ${r.health.p99.toFixed(1).padStart(7)} ms   list p50 ${r.list.p50.toFixed(1).padStart(6)} ms  p99 ${r.list.p99.toFixed(1).padStart(7)} ms  (${r.health.requests + r.list.requests} requests${r.health.errors + r.list.errors ? `, ${r.health.errors + r.list.errors} errors` : ''})`;

/** A GET on a new connection each time (a reused keep-alive socket may be closed under it). */
function getJson(port: number, route: string, headers: Record<string, string>): Promise<Record<string, any>> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path: route, headers, agent: false }, (res) => {
        let body = '';
        res.on('data', (chunk) => (body += chunk));
        res.on('end', () => resolve(JSON.parse(body)));
      })
      .on('error', reject);
  });
}

/** Polls every half second until `finished` says so; the flag it returns stops the paced requests. */
function until(finished: () => Promise<boolean>) {
  let done = false;
  const polling = (async () => {
    while (!(await finished())) await new Promise((r) => setTimeout(r, 500));
    done = true;
  })();
  return { done: () => done, polling };
}

export async function run(log: (line: string) => void) {
  log(`\n== Server stays responsive: a ${rows.toLocaleString('en')}-row customer import and its undo on SQLite; health and a 50-row list page at ${rate} req/s each`);
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.mkdirSync(dataDir, { recursive: true });
  const cli = await bundleCli(path.join(root, 'node_modules/.cache/rapport-bench-responsive'));
  const csv = path.join(dataDir, 'customers.csv');
  writeCsv(csv);
  const database = await openConfiguredDatabase(loadConfig({ ...process.env, RAPPORT_DATA_DIR: dataDir, DATABASE_URL: '' }));
  await createOwner(database.db, { email: 'bench@example.com', password: 'benchmark password 1' });
  const { token } = await createToken(database.db, 'bench');
  await database.close();
  const headers = { authorization: `Bearer ${token}` };
  const port = 3900 + Math.floor(Math.random() * 50);
  const server = await startServer(cli, port);
  try {
    const idleUntil = () => {
      const end = Date.now() + idleSeconds * 1000;
      return () => Date.now() >= end;
    };
    log(line('idle, empty', await measure(port, headers, idleUntil())));

    const form = new FormData();
    form.set('file', await fs.openAsBlob(csv), 'customers.csv');
    form.set('kind', 'customers');
    form.set('source', 'bench');
    form.set('merge', 'off');
    const posted = Date.now();
    const res = await fetch(`http://127.0.0.1:${port}/api/imports`, { method: 'POST', body: form, headers });
    const batch = (await res.json()) as { id: string };
    log(`POST /api/imports answered ${res.status} in ${Date.now() - posted} ms (the upload of ${(fs.statSync(csv).size / 1e6).toFixed(1)} MB included)`);
    const importStarted = Date.now();
    const importing = until(async () => (await getJson(port, `/api/imports/${batch.id}`, headers)).status !== 'running');
    const during = await measure(port, headers, importing.done);
    await importing.polling;
    const imported = await getJson(port, `/api/imports/${batch.id}`, headers);
    log(line(`during the import (${((Date.now() - importStarted) / 1000).toFixed(0)} s)`, during) + `  → ${imported.status}, ${imported.counts.created} created`);

    log(line(`idle, ${rows.toLocaleString('en')} customers`, await measure(port, headers, idleUntil())));

    const undoPosted = Date.now();
    const undo = await fetch(`http://127.0.0.1:${port}/api/imports/${batch.id}/undo`, { method: 'POST', headers });
    const job = (await undo.json()) as { id: string };
    log(`POST /api/imports/{id}/undo answered ${undo.status} in ${Date.now() - undoPosted} ms`);
    const undoStarted = Date.now();
    const undoing = until(async () => ['done', 'failed'].includes((await getJson(port, `/api/jobs/${job.id}`, headers)).status));
    const duringUndo = await measure(port, headers, undoing.done);
    await undoing.polling;
    const undone = await getJson(port, `/api/jobs/${job.id}`, headers);
    log(line(`during the undo (${((Date.now() - undoStarted) / 1000).toFixed(0)} s)`, duringUndo) + `  → ${undone.status}${undone.error ? ` (${undone.error})` : ''}`);
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
  }
}
