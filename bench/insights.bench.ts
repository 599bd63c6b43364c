/**
 * Insight engine benchmark: k-means (1M x 5, k = 8) against scikit-learn on the same data, BG/NBD and
 * Gamma-Gamma fits at 1M customers, the full insight run and the dashboard queries on the demo database.
 *
 * Environment: BENCH_CUSTOMERS (demo customers, default 1,000,000), BENCH_DATA_DIR (shared with the API
 * benchmark), BENCH_KMEANS_N (rows for k-means, default 1,000,000), BENCH_FIT_N (customers for the model
 * fits, default 1,000,000), BENCH_KMEANS_SINGLE=0 to skip the single-thread k-means comparison,
 * BENCH_SKIP_DB=1 to skip the database part.
 */
import '../src/derived-data.js';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRng, MAX_HOLDOUT_CUSTOMERS, compareOnHoldout, fitBgNbd, fitGammaGamma, gammaDraw, kmeans, kmeansSync, normalDraw, simulateBgNbd, standardize } from '../src/analytics/index.js';
import { loadConfig } from '../src/core/config.js';
import type { Database } from '../src/core/database.js';
import { openConfiguredDatabase } from '../src/core/runtime.js';
import { runInsights } from '../src/insights/run.js';
import { seedings } from '../src/insights/segmentation.js';
import { fixturePath } from '../src/test/fixtures.js';
import { cached, cohortReport, customersReport, dashboardReport, revenueBreakdown, revenueReport } from '../src/reports/service.js';

const customers = Number(process.env.BENCH_CUSTOMERS ?? 1_000_000);
const dataDir = path.resolve(process.env.BENCH_DATA_DIR ?? `bench/.data/demo-${customers}`);
const kmeansRows = Number(process.env.BENCH_KMEANS_N ?? 1_000_000);
const fitRows = Number(process.env.BENCH_FIT_N ?? 1_000_000);

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** Eight Gaussian blobs in five dimensions with unequal spreads and sizes, as customer features might look. */
function blobs(n: number, d: number, k: number, seed: number): Float64Array {
  const rng = createRng(seed);
  const centres = Array.from({ length: k }, () => Array.from({ length: d }, () => normalDraw(rng) * 4));
  const spreads = Array.from({ length: k }, () => 0.6 + rng.next() * 1.4);
  const weights = Array.from({ length: k }, (_, c) => 1 + c);
  const totalWeight = weights.reduce((s, w) => s + w, 0);
  const data = new Float64Array(n * d);
  for (let i = 0; i < n; i++) {
    let u = rng.next() * totalWeight;
    let c = 0;
    while (u > weights[c] && c < k - 1) u -= weights[c++];
    for (let j = 0; j < d; j++) data[i * d + j] = centres[c][j] + normalDraw(rng) * spreads[c];
  }
  return data;
}

/** A float64 row-major matrix as a NumPy .npy file (format 1.0). */
function writeNpy(file: string, data: Float64Array, n: number, d: number) {
  let header = `{'descr': '<f8', 'fortran_order': False, 'shape': (${n}, ${d}), }`;
  const total = 10 + header.length + 1;
  header += ' '.repeat((64 - (total % 64)) % 64) + '\n';
  const head = Buffer.alloc(10);
  head.write('\x93NUMPY', 0, 'latin1');
  head[6] = 1;
  head[7] = 0;
  head.writeUInt16LE(header.length, 8);
  const body = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  fs.writeFileSync(file, Buffer.concat([head, Buffer.from(header, 'latin1'), body]));
}

/** A Python with scikit-learn: Debian's python3-sklearn installs into /usr/bin/python3. */
function findSklearnPython(): string | null {
  for (const candidate of ['/usr/bin/python3', 'python3']) {
    try {
      execFileSync(candidate, ['-c', 'import sklearn, numpy'], { stdio: 'ignore' });
      return candidate;
    } catch {
      // try the next one
    }
  }
  return null;
}

interface KMeansTiming {
  ms: number;
  /** CPU time of all threads of the process (user + system). */
  cpuMs: number;
  inertia: number;
  iterations: number;
  labels: Int32Array;
}

async function timedKMeans(data: Float64Array, n: number, d: number, k: number, threads: number): Promise<KMeansTiming> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const fit = await kmeans(data, n, d, { k, nInit: 10, seed: 1, threads });
  const used = process.cpuUsage(cpu);
  return { ms: performance.now() - started, cpuMs: (used.user + used.system) / 1000, inertia: fit.inertia, iterations: fit.iterations, labels: fit.labels };
}

interface SklearnTiming {
  seconds: number;
  cpuSeconds: number;
  inertia: number;
  iterations: number;
}

/** scikit-learn's KMeans on the same data, with its default threads and, unless skipped, limited to one. */
function sklearnKMeans(python: string, data: Float64Array, n: number, d: number, k: number, singleThread: boolean) {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-kmeans-')), 'data.npy');
  writeNpy(file, data, n, d);
  const script = [
    'import json, sys, time, numpy as np',
    'from sklearn.cluster import KMeans',
    'from threadpoolctl import threadpool_limits',
    'import sklearn',
    `x = np.load(${JSON.stringify(file)})`,
    'def fit():',
    '    t = time.perf_counter()',
    '    c = time.process_time()',
    `    m = KMeans(n_clusters=${k}, init="k-means++", n_init=10, algorithm="lloyd", random_state=0).fit(x)`,
    '    return {"seconds": time.perf_counter() - t, "cpuSeconds": time.process_time() - c, "inertia": float(m.inertia_), "iterations": int(m.n_iter_)}',
    'out = {"version": sklearn.__version__, "parallel": fit()}',
    ...(singleThread ? ['with threadpool_limits(limits=1):', '    out["single"] = fit()'] : []),
    'print(json.dumps(out))',
  ].join('\n');
  try {
    return JSON.parse(
      execFileSync(python, ['-c', script], { encoding: 'utf8', maxBuffer: 1 << 20 })
        .trim()
        .split('\n')
        .pop()!,
    ) as {
      version: string;
      parallel: SklearnTiming;
      single?: SklearnTiming;
    };
  } finally {
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  }
}

function sameLabels(a: Int32Array, b: Int32Array): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/**
 * Rapport's k-means against scikit-learn on the same data: on all cores (the bar), and on one thread each,
 * which shows the algorithmic difference when other work shares the cores. BENCH_KMEANS_SINGLE=0 skips the
 * single-thread pair.
 */
async function kmeansVersusSklearn(log: (line: string) => void) {
  const n = kmeansRows;
  const d = 5;
  const k = 8;
  const threads = os.availableParallelism();
  const singleThread = process.env.BENCH_KMEANS_SINGLE !== '0';
  log(`\n-- k-means: ${n.toLocaleString('en')} x ${d} features, k = ${k}, 10 k-means++ inits (standardised Gaussian blobs)`);
  const data = standardize(blobs(n, d, k, 7), n, d).data;
  const ours = await timedKMeans(data, n, d, k, threads);
  const cpu = (timing: { cpuMs: number }) => `CPU ${seconds(timing.cpuMs)}`;
  log(`Rapport k-means, ${threads} threads: ${seconds(ours.ms)} (${cpu(ours)}), inertia ${ours.inertia.toFixed(3)}, ${ours.iterations} iterations in the best run`);
  const python = findSklearnPython();
  if (!python) {
    log('scikit-learn is not installed, so there is no comparison: install it with `apt-get install -y python3-sklearn` and run again.');
    return;
  }
  const sklearn = sklearnKMeans(python, data, n, d, k, singleThread);
  const sk = { ms: sklearn.parallel.seconds * 1000, cpuMs: sklearn.parallel.cpuSeconds * 1000, ...sklearn.parallel };
  log(
    `scikit-learn ${sklearn.version} KMeans(n_init=10), ${threads} threads: ${seconds(sk.ms)} (${cpu(sk)}), inertia ${sk.inertia.toFixed(3)}, ${sk.iterations} iterations (${python}, ${os.cpus().length} CPUs)`,
  );
  const ratio = ours.inertia / sk.inertia;
  log(`inertia ratio Rapport / scikit-learn best of 10: ${ratio.toFixed(6)} (${((ratio - 1) * 100).toFixed(4)}%; bar: within 0.1%) -> ${Math.abs(ratio - 1) <= 0.001 || ratio < 1 ? 'PASS' : 'FAIL'}`);
  log(`time ratio Rapport / scikit-learn, ${threads} threads each: ${(ours.ms / sk.ms).toFixed(2)} -> ${ours.ms <= sk.ms ? 'PASS' : 'slower than scikit-learn'}`);
  if (!singleThread || !sklearn.single) return;
  const single = await timedKMeans(data, n, d, k, 1);
  const skSingle = { ms: sklearn.single.seconds * 1000, cpuMs: sklearn.single.cpuSeconds * 1000, ...sklearn.single };
  log(
    `Rapport k-means, 1 thread: ${seconds(single.ms)} (${cpu(single)}), inertia ${single.inertia.toFixed(3)}, same labels as on ${threads} threads: ${sameLabels(single.labels, ours.labels) && single.inertia === ours.inertia ? 'yes' : 'NO'}`,
  );
  log(`scikit-learn, 1 thread: ${seconds(skSingle.ms)} (${cpu(skSingle)}), inertia ${skSingle.inertia.toFixed(3)}`);
  log(
    `time ratio Rapport / scikit-learn, 1 thread each: ${(single.ms / skSingle.ms).toFixed(2)}; CPU time ratio: ${(single.cpuMs / skSingle.cpuMs).toFixed(2)} (steadier than wall time when others share the cores)`,
  );
}

/**
 * The 200 Mall Customers (age, income, spending score, standardised) at k = 3, 5 and 8: a segmentation's
 * automatic restarts against scikit-learn's best of 10 k-means++ runs and its best of 1,000 single runs.
 */
function mallCustomersVersusSklearn(log: (line: string) => void) {
  log('\n-- k-means on the 200 Mall Customers (age, income, spending score; standardised): restarts against scikit-learn');
  const file = fixturePath('segmentation', 'Mall_Customers.csv');
  const rows = fs
    .readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split(',').slice(2).map(Number));
  const n = rows.length;
  const d = 3;
  const data = standardize(Float64Array.from(rows.flat()), n, d).data;
  const python = findSklearnPython();
  const reference: Record<string, { bestOf10: number; bestOf1000: number }> = python
    ? JSON.parse(
        execFileSync(
          python,
          [
            '-c',
            [
              'import json, numpy as np',
              'from sklearn.cluster import KMeans',
              `x = np.loadtxt(${JSON.stringify(file)}, delimiter=",", skiprows=1, usecols=(2, 3, 4))`,
              'z = (x - x.mean(0)) / x.std(0)',
              'print(json.dumps({k: {"bestOf10": float(KMeans(n_clusters=k, n_init=10, random_state=0).fit(z).inertia_), "bestOf1000": float(min(KMeans(n_clusters=k, n_init=1, random_state=s).fit(z).inertia_ for s in range(1000)))} for k in (3, 5, 8)}))',
            ].join('\n'),
          ],
          { encoding: 'utf8' },
        )
          .trim()
          .split('\n')
          .pop()!,
      )
    : {};
  if (!python) log("scikit-learn is not installed: Rapport's figures only (apt-get install -y python3-sklearn for the comparison).");
  for (const k of [3, 5, 8]) {
    const t = performance.now();
    const fit = kmeansSync(data, n, d, { k, seed: 0, ...seedings('auto', n, d, k) });
    const ms = performance.now() - t;
    const four = kmeansSync(data, n, d, { k, seed: 0, nInit: 4 }).inertia;
    const sk = reference[k];
    log(
      `k = ${k}: Rapport ${fit.inertia.toFixed(4)} after ${fit.runs} restarts (best reached ${fit.bestRuns} times) in ${ms.toFixed(0)} ms; 4 restarts: ${four.toFixed(4)}` +
        (sk
          ? `; scikit-learn best of 10: ${sk.bestOf10.toFixed(4)}, best of 1,000: ${sk.bestOf1000.toFixed(4)} -> ${fit.inertia <= sk.bestOf10 * (1 + 1e-9) ? 'PASS' : 'FAIL'} (${Math.max(0, (fit.inertia / sk.bestOf1000 - 1) * 100).toFixed(3)}% above the best known)`
          : ''),
    );
  }
}

function modelFits(log: (line: string) => void) {
  const n = fitRows;
  log(`\n-- BG/NBD and Gamma-Gamma fits at ${n.toLocaleString('en')} customers (simulated, ages 1 to 104 weeks)`);
  const frequency = new Float64Array(n);
  const recency = new Float64Array(n);
  const age = new Float64Array(n);
  const cohorts = 52;
  const per = Math.ceil(n / cohorts);
  for (let c = 0; c < cohorts; c++) {
    const count = Math.min(per, n - c * per);
    if (count <= 0) break;
    const sim = simulateBgNbd({ r: 0.25, alpha: 4, a: 0.8, b: 2.5 }, count, 2 + c * 2, 100 + c);
    frequency.set(sim.frequency, c * per);
    recency.set(sim.recency, c * per);
    age.set(sim.age, c * per);
  }
  const rng = createRng(5);
  const monetary = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    if (frequency[i] === 0) continue;
    // Gamma-Gamma generative process: nu ~ Gamma(q, gamma), spends ~ Gamma(p, nu); mean of x spends.
    const nu = gammaDraw(3.7, rng) / 15;
    let sum = 0;
    for (let t = 0; t < frequency[i]; t++) sum += gammaDraw(6, rng) / nu;
    monetary[i] = sum / frequency[i];
  }
  let t = performance.now();
  const bg = fitBgNbd(frequency, recency, age);
  log(`BG/NBD fit: ${seconds(performance.now() - t)} -> r ${bg.r.toFixed(4)}, alpha ${bg.alpha.toFixed(4)}, a ${bg.a.toFixed(4)}, b ${bg.b.toFixed(4)} (true 0.25, 4, 0.8, 2.5)`);
  // The insight run's reliability check refits on the data before a hold-out period and forecasts it.
  t = performance.now();
  compareOnHoldout({ frequency, recency, age }, new Float64Array(n), 13);
  log(`BG/NBD hold-out check (a second fit and 13-week forecasts on an even sample of at most ${MAX_HOLDOUT_CUSTOMERS.toLocaleString('en')} customers): ${seconds(performance.now() - t)}`);
  t = performance.now();
  const gg = fitGammaGamma(frequency, monetary);
  log(
    `Gamma-Gamma fit on ${gg.customers.toLocaleString('en')} repeat buyers: ${seconds(performance.now() - t)} -> p ${gg.p.toFixed(3)}, q ${gg.q.toFixed(3)}, gamma ${gg.gamma.toFixed(3)} (true 6, 3.7, 15)`,
  );
}

async function openDemo(log: (line: string) => void): Promise<Database | null> {
  const dbFile = path.join(dataDir, 'rapport.db');
  const config = { ...loadConfig({ RAPPORT_DATA_DIR: dataDir }), databaseUrl: undefined };
  if (fs.existsSync(dbFile)) return openConfiguredDatabase(config, log);
  let generate: ((database: Database, options: { customers: number; onProgress?: (p: { customers: number; total: number }) => void }) => Promise<unknown>) | undefined;
  try {
    generate = (await import('../src/demo/generate.js')).generateDemo as typeof generate;
  } catch {
    generate = undefined;
  }
  if (!generate) {
    log(`No demo database at ${dbFile} and no demo generator: skipping the database part.`);
    return null;
  }
  log(`Generating ${customers.toLocaleString('en')} demo customers into ${dataDir} (once; reused by later runs) ...`);
  const database = await openConfiguredDatabase(config, log);
  const t = performance.now();
  await generate(database, { customers });
  log(`generated in ${seconds(performance.now() - t)}`);
  return database;
}

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now();
  const value = await fn();
  return [value, performance.now() - t];
}

async function databasePart(log: (line: string) => void) {
  log(`\n-- Insight run and reports on the demo database (${customers.toLocaleString('en')} customers, SQLite)`);
  const database = await openDemo(log);
  if (!database) return;
  try {
    const ctx = { database, actor: 'bench' };
    const counts = await database.db
      .selectFrom('orders')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const lines = await database.db
      .selectFrom('order_lines')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    log(`${Number(counts.n).toLocaleString('en')} orders, ${Number(lines.n).toLocaleString('en')} order lines`);
    const [result, ms] = await timed(() => runInsights(ctx, { timeUnit: 'weeks' }));
    const timings = result.metrics.timings_ms as Record<string, number>;
    log(
      `insight run: ${seconds(ms)} in all: ${Object.entries(timings)
        .map(([k, v]) => `${k.replace(/_ms$/, '')} ${seconds(v)}`)
        .join(', ')}`,
    );
    log(`BG/NBD ${JSON.stringify(result.params.bgnbd)}; Gamma-Gamma ${JSON.stringify(result.params.gamma_gamma)}`);
    const verdict = (result.metrics.bgnbd as { reliable?: boolean; reliability?: { reasons: string[] } } | null) ?? null;
    log(`BG/NBD ${verdict?.reliable ? 'reliable' : `unreliable: ${verdict?.reliability?.reasons.join('; ') ?? 'no fit'}`}`);
    const pp = result.metrics.purchase_probability as Record<string, unknown>;
    const baseline = pp.baseline as Record<string, unknown> | undefined;
    log(
      `purchase probability: AUC ${pp.auc}, Brier ${pp.brier}, log-loss ${pp.log_loss}, ${pp.train} train / ${pp.test} held out; days since the last order alone: AUC ${baseline?.auc}, Brier ${baseline?.brier}; ${pp.quality}`,
    );
    const cs = result.metrics.cross_sell as Record<string, unknown> | null;
    if (cs) log(`cross-sell hit rate at 5: ${cs.hit_rate_at_5} vs most-popular ${cs.baseline_hit_rate_at_5} (${cs.evaluated_customers} customers)`);

    const reports: [string, () => Promise<unknown>][] = [
      ['revenue by month', () => revenueReport(ctx, {})],
      ['customers by month', () => customersReport(ctx, {})],
      ['cohorts', () => cohortReport(ctx, {})],
      ['revenue by segment', () => revenueBreakdown(ctx, 'segment', {})],
      ['dashboard set', () => dashboardReport(ctx, {})],
    ];
    for (const [name, fn] of reports) {
      const [, cold] = await timed(fn);
      log(`${name}: ${cold.toFixed(0)} ms uncached`);
    }
    await cached(ctx, 'dashboard', {}, () => dashboardReport(ctx, {}), { ttlMs: 0 });
    const warm: number[] = [];
    for (let i = 0; i < 20; i++) warm.push((await timed(() => cached(ctx, 'dashboard', {}, () => dashboardReport(ctx, {}))))[1]);
    warm.sort((p, q) => p - q);
    log(`dashboard set from the cache: median ${warm[10].toFixed(1)} ms, max ${warm[19].toFixed(1)} ms (bar: 200 ms)`);
  } finally {
    await database.close();
  }
}

export async function run(log: (line: string) => void) {
  log('\n== Insight engine');
  mallCustomersVersusSklearn(log);
  await kmeansVersusSklearn(log);
  modelFits(log);
  if (process.env.BENCH_SKIP_DB !== '1') await databasePart(log);
}
