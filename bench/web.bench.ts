/**
 * Browser timings of the web app on a 100k-customer demo database: how soon the dashboard is usable
 * after navigation, how soon search results follow the last keystroke, and the gzip size of the bundle.
 */
import '../src/derived-data.js';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { createOwner, createToken, hasOwner } from '../src/auth/service.js';
import { loadConfig } from '../src/core/config.js';
import type { Database } from '../src/core/database.js';
import { openConfiguredDatabase } from '../src/core/runtime.js';
import { generateDemo } from '../src/demo/generate.js';
import { runInsights } from '../src/insights/run.js';
import { createSegmentation } from '../src/insights/segmentation.js';

const customers = Number(process.env.BENCH_WEB_CUSTOMERS ?? 100_000);
const dataDir = path.resolve(process.env.BENCH_WEB_DATA_DIR ?? `bench/.data/web-${customers}`);
const repetitions = Number(process.env.BENCH_WEB_REPETITIONS ?? 5);
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const assetsDir = path.resolve('web/dist/assets');
const email = 'bench@example.com';
const password = 'benchmark password';

const targets = { dashboardMs: 1000, searchMs: 150 };
/** What people type: first names, last names, a full name, with and without accents. */
const searchQueries = ['sara', 'garcia', 'emma brown', 'bennett', 'lewis', 'gómez'];

/** Median and max of a list of milliseconds. */
export function summarise(values: number[]): { median: number; max: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median, max: sorted[sorted.length - 1] };
}

function line(name: string, values: number[], target: number): string {
  const { median, max } = summarise(values);
  const verdict = max <= target ? 'met' : median <= target ? 'median met, max missed' : 'MISSED';
  return `${name.padEnd(44)} median ${median.toFixed(0).padStart(5)} ms  max ${max.toFixed(0).padStart(5)} ms  (${values.length} runs; target ${target} ms: ${verdict})`;
}

async function count(database: Database, table: string): Promise<number> {
  return Number(
    (
      await database.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
}

/** The demo database with an insight run and a segmentation, built once and reused. */
async function prepareData(log: (line: string) => void): Promise<string> {
  const config = loadConfig({ ...process.env, RAPPORT_DATA_DIR: dataDir, DATABASE_URL: '' });
  let database = await openConfiguredDatabase(config);
  const ctx = () => ({ database, actor: 'cli' });
  try {
    if ((await count(database, 'customers')) < customers) {
      await database.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
      database = await openConfiguredDatabase(config);
      const made = await generateDemo(database, { customers, seed: 1 });
      log(`demo data: ${made.customers} customers, ${made.orders} orders in ${made.seconds.toFixed(1)} s`);
    }
    if ((await count(database, 'insight_runs')) === 0) {
      const run = await runInsights(ctx());
      log(`insight run in ${(run.duration_ms / 1000).toFixed(1)} s`);
    }
    if ((await count(database, 'segmentations')) === 0) {
      await createSegmentation(ctx(), { features: ['recency', 'monetary', 'order_count', 'purchase_frequency'], k: 4, standardize: true, seed: 0 });
      log('segmentation: 4 segments');
    }
    if (!(await hasOwner(database.db))) await createOwner(database.db, { email, password });
    return (await createToken(database.db, `web-bench-${Date.now()}`)).token;
  } finally {
    await database.close();
  }
}

async function startServer(port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['dist/cli.js', 'serve'], {
    env: { ...process.env, RAPPORT_DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: '' },
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

/**
 * In the page: `__benchUntil(name)` resolves with performance.now() on the first animation frame at
 * which the named condition holds. Resource timings are kept for the diagnosis.
 */
const pageHelpers = () => {
  performance.setResourceTimingBufferSize(100_000);
  const w = window as unknown as Record<string, unknown>;
  const conditions: Record<string, (arg: unknown) => boolean> = {
    dashboard: (arg) => {
      const { charts, taskLinks } = arg as { charts: number; taskLinks: number };
      const main = document.querySelector('main');
      if (!main || !/^Good (morning|afternoon|evening)$/.test(main.querySelector('h1')?.textContent ?? '')) return false;
      if (main.querySelector('.state-loading, .skeleton, .is-stale, .state-error')) return false;
      const drawn = [...main.querySelectorAll('.chart')].filter((c) => c.querySelectorAll('svg path, svg rect').length > 2);
      if (drawn.length < charts) return false;
      if (main.querySelectorAll('.task-row .task-due a').length < taskLinks) return false;
      return main.querySelectorAll('.stat-value').length > 0 && [...main.querySelectorAll('.stat-value')].every((s) => (s.textContent ?? '').trim() !== '' && s.textContent !== '—');
    },
    customers: (arg) => {
      const { q, ids } = arg as { q: string; ids: string[] };
      const input = document.querySelector<HTMLInputElement>('#customer-search');
      if (!input || input.value !== q) return false;
      if (!answered('/api/customers', q)) return false;
      if (document.querySelector('.table-scroll[aria-busy="true"]')) return false;
      if (ids.length === 0) return !!document.querySelector('.state-empty');
      const shown = [...document.querySelectorAll<HTMLAnchorElement>('.table tbody td.col-name a')].slice(0, ids.length).map((a) => decodeURIComponent(a.pathname.split('/').pop() ?? ''));
      return shown.join() === ids.join();
    },
    palette: (arg) => {
      const { q, names } = arg as { q: string; names: string[] };
      const input = document.querySelector<HTMLInputElement>('.palette input[role="combobox"]');
      if (!input || input.value !== q || document.querySelector('.palette-input .spinner')) return false;
      if (!answered('/api/customers', q)) return false;
      const group = document.querySelector('.palette [role="group"][aria-label="Customers"]');
      const titles = group ? [...group.querySelectorAll('.palette-title')].map((t) => t.textContent ?? '') : [];
      return titles.length === names.length && names.every((n, i) => titles[i].includes(n));
    },
  };
  /** A finished response for `path` with q equal to `q`. */
  function answered(pathname: string, q: string): boolean {
    return performance.getEntriesByType('resource').some((e) => {
      const url = new URL(e.name);
      return url.pathname === pathname && url.searchParams.get('q') === q && (e as PerformanceResourceTiming).responseEnd > 0;
    });
  }
  w.__benchUntil = (name: string, arg: unknown, timeoutMs = 30_000) =>
    new Promise<number>((resolve, reject) => {
      const started = performance.now();
      const check = () => {
        let ok = false;
        try {
          ok = conditions[name](arg);
        } catch {
          ok = false;
        }
        const failed = document.querySelector('main .state-error');
        if (failed) reject(new Error(`${name}: the page shows an error: ${failed.textContent}`));
        else if (ok) resolve(performance.now());
        else if (performance.now() - started > timeoutMs) reject(new Error(`${name} not ready after ${timeoutMs} ms`));
        else requestAnimationFrame(check);
      };
      check();
    });
  document.addEventListener('input', (e) => (w.__lastInput = e.timeStamp), true);
};

interface ApiTiming {
  path: string;
  start: number;
  end: number;
}

async function apiTimings(page: Page): Promise<ApiTiming[]> {
  return page.evaluate(() =>
    (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
      .filter((e) => new URL(e.name).pathname.startsWith('/api/'))
      .map((e) => ({ path: new URL(e.name).pathname + new URL(e.name).search, start: e.startTime, end: e.responseEnd })),
  );
}

/** The slowest API requests of one page view, relative to when its measurement started. */
function slowest(timings: ApiTiming[], since: number, n = 3): string {
  return timings
    .filter((t) => t.start >= since - 1)
    .sort((a, b) => b.end - b.start - (a.end - a.start))
    .slice(0, n)
    .map((t) => `${t.path.split('?')[0]} ${(t.end - t.start).toFixed(0)} ms (ends at ${(t.end - since).toFixed(0)})`)
    .join(', ');
}

interface Ctx {
  page: Page;
  base: string;
  token: string;
  log: (line: string) => void;
}

async function apiJson<T>(ctx: Ctx, method: string, url: string, body?: unknown): Promise<T> {
  const res = await fetch(ctx.base + url, {
    method,
    headers: { authorization: `Bearer ${ctx.token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** A small real edit (a note on one customer), so the reports' data version changes and their cache misses. */
async function changeData(ctx: Ctx, customerId: string) {
  await apiJson(ctx, 'POST', '/api/interactions', { customer_id: customerId, type: 'note', subject: 'Benchmark note', occurred_at: new Date().toISOString() });
}

async function measureDashboard(ctx: Ctx) {
  const { page, base, log } = ctx;
  const tasks = await apiJson<{ data: { customer_id: string | null }[] }>(ctx, 'GET', '/api/tasks?done=false&sort=due_at&limit=8&fields=id,customer_id');
  const someone = (await apiJson<{ data: { id: string }[] }>(ctx, 'GET', '/api/customers?limit=1&fields=id')).data[0].id;
  const ready = { charts: 5, taskLinks: tasks.data.filter((t) => t.customer_id).length };
  const results: Record<string, number[]> = { 'full load, cold': [], 'full load, warm': [], 'link click, cold': [], 'link click, warm': [] };
  /** Per kind of cold navigation, the slowest run and its slowest API requests. */
  const slowestRun: Record<string, { ms: number; requests: string }> = {};
  const note = (name: string, ms: number, requests: string) => {
    if (!(slowestRun[name]?.ms >= ms)) slowestRun[name] = { ms, requests };
  };

  /** The API requests of a dashboard load, per date range, to time on the server alone. */
  const pathsOf: Record<string, string[]> = {};
  const fullLoad = async (kind: 'cold' | 'warm', range?: string) => {
    if (kind === 'cold') await changeData(ctx, someone);
    await page.goto(`${base}/`, { waitUntil: 'commit' });
    const at = await page.evaluate((arg) => (window as unknown as { __benchUntil: (n: string, a: unknown) => Promise<number> }).__benchUntil('dashboard', arg), ready);
    const name = `full load, ${kind}${range ? `, ${range}` : ''}`;
    results[name].push(at);
    if (kind === 'cold') {
      const timings = await apiTimings(page);
      note(name, at, slowest(timings, 0));
      pathsOf[range ?? 'last 12 months'] = [...new Set(timings.map((t) => t.path))];
    }
  };
  const linkClick = async (kind: 'cold' | 'warm') => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Customers' }).click();
    await page.locator('.table tbody tr').first().waitFor();
    if (kind === 'cold') await changeData(ctx, someone);
    const [started, at] = await page.evaluate(async (arg) => {
      const link = [...document.querySelectorAll<HTMLAnchorElement>('nav[aria-label="Main"] a')].find((a) => a.textContent?.trim() === 'Dashboard')!;
      const t0 = performance.now();
      link.click();
      return [t0, await (window as unknown as { __benchUntil: (n: string, a: unknown) => Promise<number> }).__benchUntil('dashboard', arg)];
    }, ready);
    results[`link click, ${kind}`].push(at - started);
    if (kind === 'cold') note('link click, cold', at - started, slowest(await apiTimings(page), started));
  };

  // The first full load after the server started is cold for the server and for the browser cache.
  await fullLoad('cold');
  for (let i = 0; i < repetitions; i++) await fullLoad('warm');
  for (let i = 1; i < repetitions; i++) await fullLoad('cold');
  for (let i = 0; i < repetitions; i++) await linkClick('cold');
  for (let i = 0; i < repetitions; i++) await linkClick('warm');
  // The default range is whole months; a range of days is reported on separately.
  await page.evaluate(() => localStorage.setItem('rapport.dashboard.range', JSON.stringify({ preset: '90d' })));
  results['full load, cold, last 90 days'] = [];
  results['full load, warm, last 90 days'] = [];
  for (let i = 0; i < repetitions; i++) {
    await fullLoad('cold', 'last 90 days');
    await fullLoad('warm', 'last 90 days');
  }
  await page.evaluate(() => localStorage.removeItem('rapport.dashboard.range'));
  log(`dashboard usable (cards loaded, ${ready.charts} charts drawn, ${ready.taskLinks} task names):`);
  for (const [name, values] of Object.entries(results)) log('  ' + line(name, values, targets.dashboardMs));
  for (const [name, n] of Object.entries(slowestRun)) log(`    slowest ${name} (${n.ms.toFixed(0)} ms), its slowest requests: ${n.requests}`);
  // Requests wait for each other in one server process: each alone, just after a data change, says which is slow.
  for (const [range, paths] of Object.entries(pathsOf)) {
    await changeData(ctx, someone);
    const times: string[] = [];
    for (const p of paths) {
      const started = performance.now();
      await apiJson(ctx, 'GET', p);
      times.push(`${p.split('?')[0]} ${(performance.now() - started).toFixed(0)}`);
    }
    log(`    server alone, cold, one request at a time (${range}), ms: ${times.join(', ')}`);
  }
}

/** Types `text` into the focused field one character at a time, 60 to 120 ms apart, like a person. */
async function typeLikeAPerson(page: Page, text: string, seed: number) {
  let s = seed;
  for (const ch of text) {
    await page.keyboard.type(ch);
    s = (s * 1103515245 + 12345) % 2147483648;
    await page.waitForTimeout(60 + (s % 61));
  }
}

interface SearchRun {
  q: string;
  total: number;
  /** From the last keystroke until the request for the final query left. */
  wait: number;
  /** The final query's requests, from the first sent to the last answered. */
  server: number;
  /** From the last answer until the results were on screen. */
  drawn: number;
}

async function finalQueryTiming(page: Page, pathname: string, q: string, since: number): Promise<ApiTiming | undefined> {
  const timings = await apiTimings(page);
  return timings.filter((t) => t.start >= since - 200 && new URL(t.path, 'http://x').pathname === pathname && new URL(t.path, 'http://x').searchParams.get('q') === q).pop();
}

async function measureSearch(ctx: Ctx) {
  const { page, base, log } = ctx;
  const listRuns: SearchRun[] = [];
  const paletteRuns: SearchRun[] = [];
  const notesShown: number[] = [];
  const until = (name: string, arg: unknown) =>
    page.evaluate(([n, a]) => (window as unknown as { __benchUntil: (n: string, a: unknown) => Promise<number> }).__benchUntil(n as string, a), [name, arg] as const);
  const lastInput = () => page.evaluate(() => (window as unknown as { __lastInput: number }).__lastInput);

  await page.goto(`${base}/customers`);
  await page.locator('.table tbody tr').first().waitFor();
  for (let round = 0; round < Math.max(1, Math.ceil(repetitions / 3)); round++) {
    for (const [i, q] of searchQueries.entries()) {
      const expected = await apiJson<{ data: { id: string; first_name: string | null; last_name: string | null; email: string | null }[] }>(
        ctx,
        'GET',
        `/api/customers?q=${encodeURIComponent(q)}&sort=-created_at&limit=50&fields=id,first_name,last_name,email`,
      );
      const ids = expected.data.slice(0, 20).map((r) => r.id);

      const input = page.locator('#customer-search');
      await input.fill('');
      await page.locator('.table tbody tr').first().waitFor();
      await page.waitForTimeout(300);
      await input.focus();
      await typeLikeAPerson(page, q, i + round * 7);
      const done = await until('customers', { q, ids });
      const last = await lastInput();
      const request = await finalQueryTiming(page, '/api/customers', q, last);
      listRuns.push({ q, total: done - last, wait: request ? request.start - last : NaN, server: request ? request.end - request.start : NaN, drawn: request ? done - request.end : NaN });

      const names = expected.data.slice(0, 6).map((r) => [r.first_name, r.last_name].filter(Boolean).join(' ') || r.email || '');
      await page.keyboard.press('Control+k');
      const combo = page.getByRole('combobox', { name: 'Search customers, companies and orders' });
      await combo.waitFor();
      await typeLikeAPerson(page, q, i + round * 7 + 3);
      const paletteDone = await until('palette', { q, names });
      const paletteLast = await lastInput();
      const paletteRequest = await finalQueryTiming(page, '/api/customers', q, paletteLast);
      const sameQuery = (await apiTimings(page)).filter((t) => t.start >= paletteLast - 200 && new URL(t.path, 'http://x').searchParams.get('q') === q);
      const serverAll = sameQuery.length ? Math.max(...sameQuery.map((t) => t.end)) - Math.min(...sameQuery.map((t) => t.start)) : NaN;
      const answeredAt = sameQuery.length ? Math.max(...sameQuery.map((t) => t.end)) : NaN;
      paletteRuns.push({ q, total: paletteDone - paletteLast, wait: paletteRequest ? paletteRequest.start - paletteLast : NaN, server: serverAll, drawn: paletteDone - answeredAt });
      // Order notes have no index: that search runs once typing pauses and its results come later.
      await page.locator('.palette-later').waitFor({ state: 'detached' });
      notesShown.push((await page.evaluate(() => performance.now())) - paletteLast);
      await page.keyboard.press('Escape');
      await combo.waitFor({ state: 'detached' });
    }
  }
  const breakdown = (runs: SearchRun[]) => {
    const part = (pick: (r: SearchRun) => number) => summarise(runs.map(pick).filter(Number.isFinite));
    const wait = part((r) => r.wait);
    const server = part((r) => r.server);
    const drawn = part((r) => r.drawn);
    const worst = runs.reduce((a, b) => (b.total > a.total ? b : a));
    return (
      `    of which: last key to request sent median ${wait.median.toFixed(0)} ms; requests median ${server.median.toFixed(0)} ms, max ${server.max.toFixed(0)} ms; answer to results on screen median ${drawn.median.toFixed(0)} ms, max ${drawn.max.toFixed(0)} ms\n` +
      `    slowest: "${worst.q}" ${worst.total.toFixed(0)} ms = ${worst.wait.toFixed(0)} waiting + ${worst.server.toFixed(0)} request + ${worst.drawn.toFixed(0)} drawing`
    );
  };
  log(`search, last keystroke to matching results (${searchQueries.map((q) => `"${q}"`).join(', ')}):`);
  log(
    '  ' +
      line(
        'customer list search box',
        listRuns.map((r) => r.total),
        targets.searchMs,
      ),
  );
  log(breakdown(listRuns));
  log(
    '  ' +
      line(
        'Ctrl+K palette',
        paletteRuns.map((r) => r.total),
        targets.searchMs,
      ),
  );
  log(breakdown(paletteRuns));
  const notes = summarise(notesShown);
  log(`    order-note matches added (after a 400 ms pause, no target): median ${notes.median.toFixed(0)} ms, max ${notes.max.toFixed(0)} ms after the last keystroke`);
}

/** Gzip size of each built JS chunk, largest first. */
export function bundleSizes(dir: string): { file: string; bytes: number; gzip: number }[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.js'))
    .map((file) => {
      const content = fs.readFileSync(path.join(dir, file));
      return { file, bytes: content.length, gzip: zlib.gzipSync(content, { level: 9 }).length };
    })
    .sort((a, b) => b.gzip - a.gzip);
}

function logBundle(log: (line: string) => void) {
  const sizes = bundleSizes(assetsDir);
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
  log(`JS bundle (${path.relative(process.cwd(), assetsDir)}), gzip -9: ${kb(sizes.reduce((s, c) => s + c.gzip, 0))} in ${sizes.length} chunks (${kb(sizes.reduce((s, c) => s + c.bytes, 0))} raw)`);
  for (const c of sizes) log(`  ${c.file.padEnd(32)} ${kb(c.gzip).padStart(10)} gzip  ${kb(c.bytes).padStart(10)} raw`);
}

async function signIn(page: Page, base: string) {
  await page.goto(base);
  await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
}

export async function run(log: (line: string) => void) {
  log(`\n== Web app in Chromium: ${customers.toLocaleString('en')} demo customers on SQLite (${dataDir})`);
  if (!fs.existsSync(chromiumPath)) {
    log(`skipped: no Chromium at ${chromiumPath} (install the Debian package chromium)`);
    return;
  }
  logBundle(log);
  const token = await prepareData(log);
  const port = 3950 + Math.floor(Math.random() * 40);
  const server = await startServer(port);
  const profileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-bench-chromium-'));
  let context: BrowserContext | undefined;
  try {
    context = await chromium.launchPersistentContext(profileDir, {
      executablePath: chromiumPath,
      headless: true,
      viewport: { width: 1360, height: 860 },
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    const page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(30_000);
    await page.addInitScript(pageHelpers);
    const base = `http://127.0.0.1:${port}`;
    await signIn(page, base);
    const ctx = { page, base, token, log };
    log(`targets: dashboard usable within ${targets.dashboardMs} ms of navigation, search results within ${targets.searchMs} ms of the last keystroke`);
    log(`machine load (1-minute average) at the start: ${os.loadavg()[0].toFixed(1)} on ${os.availableParallelism()} cores; figures grow with it`);
    await measureDashboard(ctx);
    await measureSearch(ctx);
    log(`machine load (1-minute average) at the end: ${os.loadavg()[0].toFixed(1)}`);
  } finally {
    await context?.close();
    server.kill('SIGTERM');
    fs.rmSync(profileDir, { recursive: true, force: true });
  }
}
