import '../src/derived-data.js';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createToken, createOwner, hasOwner } from '../src/auth/service.js';
import { loadConfig } from '../src/core/config.js';
import { openConfiguredDatabase } from '../src/core/runtime.js';
import { generateDemo } from '../src/demo/generate.js';
import { directUnderConcurrency, findWrk, formatStats, loadTest, stats, wrkLoadTest, type LatencyStats } from './load.js';

const customers = Number(process.env.BENCH_CUSTOMERS ?? 1_000_000);
const dataDir = path.resolve(process.env.BENCH_DATA_DIR ?? `bench/.data/demo-${customers}`);
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const directIterations = Number(process.env.BENCH_DIRECT_ITERATIONS ?? 2000);
const workers = Number(process.env.BENCH_WORKERS ?? 2);
const pacedRates = (process.env.BENCH_RATES ?? '250,500').split(',').map(Number);

const listQueries = ['Germany', 'France', 'Canada', 'Australia', 'Spain'].map((country) => ({ country }));
const searchWords = ['anna', 'smith', 'mar', 'john', 'garcia', 'lee', 'muller', 'marie'];

async function startServer(port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['dist/cli.js', 'serve', '--workers', String(workers)], {
    env: { ...process.env, RAPPORT_DATA_DIR: dataDir, PORT: String(port), DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('Rapport is running')) resolve();
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  return child;
}

function timeDirect(run: (i: number) => unknown, iterations: number): LatencyStats {
  const latencies: number[] = [];
  const started = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) {
    const t = process.hrtime.bigint();
    run(i);
    latencies.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return stats(latencies, Number(process.hrtime.bigint() - started) / 1e9);
}

export async function run(log: (line: string) => void) {
  log(`\n== Core API: ${customers.toLocaleString('en')} demo customers on SQLite (${dataDir}), ${workers} server process(es)`);
  const config = loadConfig({ ...process.env, RAPPORT_DATA_DIR: dataDir, DATABASE_URL: '' });
  let database = await openConfiguredDatabase(config);
  const count = Number(
    (
      await database.db
        .selectFrom('customers')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
  if (count < customers) {
    await database.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
    database = await openConfiguredDatabase(config);
    const started = Date.now();
    let last = 0;
    const result = await generateDemo(database, {
      customers,
      seed: 1,
      onProgress: (p) => {
        if (Date.now() - last > 10_000) {
          last = Date.now();
          log(`  demo: ${p.customers.toLocaleString('en')} / ${p.total.toLocaleString('en')} customers`);
        }
      },
    });
    log(`demo data: ${result.customers} customers, ${result.orders} orders, ${result.orderLines} order lines, ${result.interactions} interactions in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    database.sqlite!.pragma('optimize=0x10002');
  } else {
    log(`reusing ${count.toLocaleString('en')} customers`);
  }
  if (!(await hasOwner(database.db))) await createOwner(database.db, { email: 'bench@example.com', password: 'benchmark password' });
  const { token } = await createToken(database.db, `bench-${Date.now()}`);

  // The floor: the same queries straight against SQLite, no HTTP, no JSON.
  const raw = database.sqlite!;
  const listSource = 'select * from customers indexed by customers_revenue_ix where country = ? order by revenue desc, id desc limit 51';
  const searchSource = 'select * from customers where seq in (select rowid from customers_fts where customers_fts match ? order by rowid desc limit 51) order by seq desc';
  // The plan the API takes for a broad filter (see sqliteSortIndex); the planner's own choice is timed too.
  const listSql = raw.prepare(listSource);
  const plannerListSql = raw.prepare('select * from customers where country = ? order by revenue desc, id desc limit 51');
  // A search with no sort comes newest first, read backwards from the full-text index (the API's plan);
  // the same search sorted by a column must fetch and sort every match, timed for comparison.
  const searchSql = raw.prepare(searchSource);
  const sortedSearchSql = raw.prepare('select * from customers where seq in (select rowid from customers_fts where customers_fts match ?) order by created_at desc, id desc limit 51');
  const directList = timeDirect((i) => listSql.all(listQueries[i % listQueries.length].country), directIterations);
  const plannerList = timeDirect((i) => plannerListSql.all(listQueries[i % listQueries.length].country), Math.min(directIterations, 50));
  const directSearch = timeDirect((i) => searchSql.all(`"${searchWords[i % searchWords.length]}"*`), directIterations);
  const sortedSearch = timeDirect((i) => sortedSearchSql.all(`"${searchWords[i % searchWords.length]}"*`), Math.min(directIterations, 40));
  await database.close();
  // The floor at 50 connections: the same list query from 50 callers sharing as many threads as the server has processes.
  const file = path.join(dataDir, 'rapport.db');
  const directList50 = await directUnderConcurrency({ file, sql: listSource, params: listQueries.map((q) => [q.country]), threads: workers, concurrency: 50, seconds: 5 });
  const directSearch50 = await directUnderConcurrency({ file, sql: searchSource, params: searchWords.map((w) => [`"${w}"*`]), threads: workers, concurrency: 50, seconds: 5 });

  const port = 3900 + Math.floor(Math.random() * 50);
  const server = await startServer(port);
  try {
    const headers = { authorization: `Bearer ${token}` };
    const listPaths = listQueries.map((q) => `/api/customers?country=${encodeURIComponent(q.country)}&sort=-revenue&limit=50`);
    const searchPaths = searchWords.map((w) => `/api/customers?q=${w}&limit=50`);
    // wrk, when installed, is the client for every measurement: its own time is not counted as the server's.
    const wrk = findWrk();
    const concurrent = wrk ? wrkLoadTest : loadTest;
    const single = await concurrent({ port, paths: listPaths, headers, concurrency: 1, seconds: 5, warmupSeconds: 1 });
    const singleSearch = await concurrent({ port, paths: searchPaths, headers, concurrency: 1, seconds: 5, warmupSeconds: 1 });
    log(`load generator: ${wrk ? 'wrk' : 'Node http client (apt-get install wrk for a lighter one)'}`);
    const list = await concurrent({ port, paths: listPaths, headers, concurrency: 50, seconds });
    const search = await concurrent({ port, paths: searchPaths, headers, concurrency: 50, seconds });
    // The same pages as the web app's customer list asks for them: the columns it shows, not whole records.
    const pageFields = '&fields=id,first_name,last_name,email,tags,company,city,stage,order_count,revenue,created_at';
    const pageList = await concurrent({ port, paths: listPaths.map((p) => p + pageFields), headers, concurrency: 50, seconds });
    const pageSearch = await concurrent({ port, paths: searchPaths.map((p) => p + pageFields), headers, concurrency: 50, seconds });
    // Latency at a given load: the 50 connections pace themselves to offer about `rate` requests per second.
    const paced: { rate: number; list: LatencyStats; search: LatencyStats }[] = [];
    for (const rate of wrk ? pacedRates : []) {
      paced.push({
        rate,
        list: await wrkLoadTest({ port, paths: listPaths, headers, concurrency: 50, seconds, ratePerSecond: rate }),
        search: await wrkLoadTest({ port, paths: searchPaths, headers, concurrency: 50, seconds, ratePerSecond: rate }),
      });
    }
    log(formatStats('direct SQLite: filtered+sorted list', directList));
    log(formatStats("  (SQLite planner's own plan)", plannerList));
    log(formatStats('direct SQLite: search', directSearch));
    log(formatStats('  (search sorted by created_at)', sortedSearch));
    log(formatStats('direct, 50 callers: list', directList50));
    log(formatStats('direct, 50 callers: search', directSearch50));
    log(formatStats('API, 1 connection: list', single));
    log(formatStats('API, 1 connection: search', singleSearch));
    log(formatStats('API, 50 connections: list', list));
    log(formatStats('API, 50 connections: search', search));
    log(formatStats('API, 50 conn.: list, list columns', pageList));
    log(formatStats('API, 50 conn.: search, list columns', pageSearch));
    for (const { rate, list, search } of paced) {
      log(formatStats(`API, 50 conn. paced ${rate}/s: list`, list));
      log(formatStats(`API, 50 conn. paced ${rate}/s: search`, search));
    }
    log(`API time / direct time (p50, one connection): list ${(single.p50 / directList.p50).toFixed(2)}x, search ${(singleSearch.p50 / directSearch.p50).toFixed(2)}x`);
    log(
      `targets: p99 < 25 ms at 50 connections (whole records: list ${list.p99.toFixed(1)} ms, search ${search.p99.toFixed(1)} ms; list columns: list ${pageList.p99.toFixed(1)} ms, search ${pageSearch.p99.toFixed(1)} ms); API within 2x of direct`,
    );
  } finally {
    server.kill('SIGTERM');
  }
}
