import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';

export interface LatencyStats {
  requests: number;
  seconds: number;
  rps: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  errors: number;
}

export function stats(latenciesMs: number[], seconds: number, errors = 0): LatencyStats {
  const sorted = Float64Array.from(latenciesMs).sort();
  const at = (q: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : NaN);
  return { requests: sorted.length, seconds, rps: sorted.length / seconds, p50: at(0.5), p90: at(0.9), p99: at(0.99), max: sorted[sorted.length - 1] ?? NaN, errors };
}

/**
 * Sends GET requests for `paths` (round robin) from `concurrency` keep-alive connections for
 * `seconds` (after a warm-up), and measures each request's latency. Bounded in time and count.
 */
export async function loadTest(options: {
  port: number;
  paths: string[];
  headers: Record<string, string>;
  concurrency: number;
  seconds: number;
  warmupSeconds?: number;
  maxRequests?: number;
}): Promise<LatencyStats> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.concurrency });
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const maxRequests = options.maxRequests ?? 1_000_000;
  const get = (path: string) =>
    new Promise<number>((resolve, reject) => {
      const started = process.hrtime.bigint();
      const req = http.get({ host: '127.0.0.1', port: options.port, path, agent, headers: options.headers }, (res) => {
        res.resume();
        res.on('end', () => (res.statusCode === 200 ? resolve(Number(process.hrtime.bigint() - started) / 1e6) : reject(new Error(`status ${res.statusCode}`))));
      });
      req.on('error', reject);
    });
  const phase = async (seconds: number, record: boolean) => {
    const until = Date.now() + seconds * 1000;
    await Promise.all(
      Array.from({ length: options.concurrency }, async () => {
        while (Date.now() < until && latencies.length < maxRequests) {
          const path = options.paths[next++ % options.paths.length];
          try {
            const ms = await get(path);
            if (record) latencies.push(ms);
          } catch {
            errors++;
          }
        }
      }),
    );
  };
  await phase(options.warmupSeconds ?? 2, false);
  const started = Date.now();
  await phase(options.seconds, true);
  const result = stats(latencies, (Date.now() - started) / 1000, errors);
  agent.destroy();
  return result;
}

export function formatStats(name: string, s: LatencyStats): string {
  return `${name.padEnd(34)} p50 ${s.p50.toFixed(2).padStart(7)} ms  p99 ${s.p99.toFixed(2).padStart(7)} ms  ${s.rps.toFixed(0).padStart(6)} req/s  (${s.requests} requests${s.errors ? `, ${s.errors} errors` : ''})`;
}

/** wrk (Debian's `wrk` package) when installed: a C load generator that leaves the cores to the server. */
export function findWrk(): string | null {
  try {
    execFileSync('wrk', ['--version'], { stdio: 'ignore' });
    return 'wrk';
  } catch (error) {
    // wrk --version exits with 1 after printing its version.
    return (error as { status?: number }).status === 1 ? 'wrk' : null;
  }
}

/**
 * The same measurement as `loadTest`, made by wrk: round-robin over `paths`, keep-alive connections,
 * latency percentiles from wrk's own histogram. Non-2xx answers count as errors. Without a rate each
 * connection sends its next request as soon as the last is answered (the most the server can do);
 * with `ratePerSecond` the connections pause between requests so that together they offer about
 * that many requests per second, which measures latency at a load the server keeps up with.
 */
export async function wrkLoadTest(options: {
  port: number;
  paths: string[];
  headers: Record<string, string>;
  concurrency: number;
  seconds: number;
  warmupSeconds?: number;
  ratePerSecond?: number;
}): Promise<LatencyStats> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-wrk-'));
  const script = path.join(dir, 'paths.lua');
  const lua = (s: string) => JSON.stringify(s);
  fs.writeFileSync(
    script,
    `local paths = { ${options.paths.map(lua).join(', ')} }
local headers = { ${Object.entries(options.headers)
      .map(([k, v]) => `[${lua(k)}] = ${lua(v)}`)
      .join(', ')} }
local counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", paths[(counter % #paths) + 1], headers)
end
${
  options.ratePerSecond
    ? `-- Paced: each connection waits a random pause (mean concurrency / rate) before its next request.
local meanPauseMs = ${(1000 * options.concurrency) / options.ratePerSecond}
delay = function()
  return math.floor(-math.log(1 - math.random()) * meanPauseMs)
end
`
    : ''
}done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %d %d %d %f %f %f %f\\n", summary.requests, summary.duration, e.connect + e.read + e.write + e.status + e.timeout,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
`,
  );
  const run = (seconds: number) =>
    new Promise<string>((resolve, reject) =>
      execFile('wrk', ['-t1', `-c${options.concurrency}`, `-d${seconds}s`, '--timeout', '10s', '-s', script, `http://127.0.0.1:${options.port}`], { encoding: 'utf8' }, (error, stdout, stderr) =>
        error ? reject(error) : resolve(stdout + stderr),
      ),
    );
  try {
    if (options.warmupSeconds !== 0) await run(options.warmupSeconds ?? 2);
    const out = await run(options.seconds);
    const line = out.split('\n').find((l) => l.startsWith('RESULT '));
    if (!line) throw new Error(`wrk printed no result: ${out}`);
    const [requests, durationUs, errors, p50, p90, p99, max] = line.slice(7).split(' ').map(Number);
    const seconds = durationUs / 1e6;
    return { requests, seconds, rps: requests / seconds, p50, p90, p99, max, errors };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The floor under the same concurrency: `threads` threads (the server's cores), each with its own
 * read-only connection and its share of `concurrency` callers that each send their next query as
 * soon as the last one is answered, taking turns on their thread. A caller's latency is the time from
 * its previous answer to its next one: what a query costs when that many are waiting.
 */
export async function directUnderConcurrency(options: { file: string; sql: string; params: unknown[][]; threads: number; concurrency: number; seconds: number }): Promise<LatencyStats> {
  const { Worker } = await import('node:worker_threads');
  const code = `
const { workerData, parentPort } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { readonly: true, fileMustExist: true });
db.pragma('mmap_size = 2147483648');
db.pragma('cache_size = -65536');
const statement = db.prepare(workerData.sql);
const callers = workerData.callers;
const measure = (seconds, record) => {
  const latencies = [];
  const issuedAt = new Array(callers).fill(performance.now());
  const until = performance.now() + seconds * 1000;
  for (let i = 0; performance.now() < until; i++) {
    statement.all(...workerData.params[i % workerData.params.length]);
    const now = performance.now();
    if (record) latencies.push(now - issuedAt[i % callers]);
    issuedAt[i % callers] = now;
  }
  return latencies;
};
measure(1, false);
parentPort.postMessage(measure(workerData.seconds, true));
`;
  const driver = (await import('node:module')).createRequire(import.meta.url).resolve('better-sqlite3');
  const perThread = Math.ceil(options.concurrency / options.threads);
  const started = Date.now();
  const results = await Promise.all(
    Array.from(
      { length: options.threads },
      () =>
        new Promise<number[]>((resolve, reject) => {
          const worker = new Worker(code, { eval: true, workerData: { driver, file: options.file, sql: options.sql, params: options.params, callers: perThread, seconds: options.seconds } });
          worker.once('message', (latencies: number[]) => {
            resolve(latencies);
            void worker.terminate();
          });
          worker.once('error', reject);
        }),
    ),
  );
  return stats(results.flat(), (Date.now() - started) / 1000 - 1);
}

/** The value below which a share q (0 to 1) of the sorted values lies (nearest rank). */
const percentile = (sorted: ArrayLike<number>, q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];

/** Runs `fn` a few times to warm up, then `runs` times, and returns each run's duration in ms. */
export async function timeRuns(runs: number, fn: () => Promise<unknown> | unknown, warmUp = Math.min(3, runs)): Promise<number[]> {
  for (let i = 0; i < warmUp; i++) await fn();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    out.push(performance.now() - t);
  }
  return out;
}

/** p50 and p99 of durations. */
export function p50p99(ms: number[]): { p50: number; p99: number } {
  const sorted = [...ms].sort((a, b) => a - b);
  return { p50: percentile(sorted, 0.5), p99: percentile(sorted, 0.99) };
}

/**
 * One line of figures: p50 and p95 of `values`, with the ratio of p50 to the same-run baseline's p50
 * and whether the target was met, when a baseline is given.
 */
export function formatTimes(name: string, values: number[], options: { base?: number[]; targetMs?: number; width?: number } = {}): string {
  const sorted = [...values].sort((a, b) => a - b);
  const p50 = percentile(sorted, 0.5);
  const p95 = percentile(sorted, 0.95);
  const base = options.base;
  const ratio = base
    ? `  ${(
        p50 /
        percentile(
          [...base].sort((a, b) => a - b),
          0.5,
        )
      ).toFixed(1)}x the baseline`
    : '';
  const target = options.targetMs;
  const verdict = base && target !== undefined ? `  (target ${target} ms: ${p95 <= target ? 'met' : p50 <= target ? 'p50 met, p95 missed' : 'MISSED'})` : '';
  return `${name.padEnd(options.width ?? 52)} p50 ${p50.toFixed(1).padStart(7)} ms  p95 ${p95.toFixed(1).padStart(7)} ms${ratio}${verdict}`;
}
