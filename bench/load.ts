import http from 'node:http';

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
export async function loadTest(options: { port: number; paths: string[]; headers: Record<string, string>; concurrency: number; seconds: number; warmupSeconds?: number; maxRequests?: number }): Promise<LatencyStats> {
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
