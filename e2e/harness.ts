/** What the browser tests share: the web build, Rapport and a browser on it, API calls as the browser. */
import axe from 'axe-core';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { loadConfig } from '../src/core/config.js';
import { startServer } from '../src/server.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

/** Builds web/dist when it is missing or older than its sources. */
export function ensureWebBuild() {
  const index = path.join(repo, 'web', 'dist', 'index.html');
  const sources = Math.max(
    newestMtime(path.join(repo, 'web', 'src')),
    fs.statSync(path.join(repo, 'web', 'index.html')).mtimeMs,
    fs.statSync(path.join(repo, 'web', 'vite.config.ts')).mtimeMs,
    newestMtime(path.join(repo, 'src', 'schema')),
  );
  if (fs.existsSync(index) && fs.statSync(index).mtimeMs >= sources) return;
  execFileSync(process.execPath, [path.join(repo, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], {
    cwd: repo,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
}

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface RunningApp {
  server: Awaited<ReturnType<typeof startServer>>;
  context: BrowserContext;
  page: Page;
  /** http://127.0.0.1:PORT */
  base: string;
  close(): Promise<void>;
}

/**
 * Rapport on a fresh SQLite data folder and a free port, with Debian's chromium (headless, its own
 * profile) on it. A missing browser fails the suite: it is never skipped (.ci/run installs it).
 */
export async function startApp(viewport: { width: number; height: number }): Promise<RunningApp> {
  if (!fs.existsSync(chromiumPath)) throw new Error(`no browser at ${chromiumPath}: apt-get install chromium, or set CHROMIUM_PATH`);
  ensureWebBuild();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-e2e-data-'));
  const profileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-e2e-chromium-'));
  const server = await startServer(loadConfig({ RAPPORT_DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1' }), () => {});
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: chromiumPath,
    headless: true,
    viewport,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    server,
    context,
    page,
    base: `http://127.0.0.1:${server.port}`,
    async close() {
      await context.close();
      await server.stop();
      for (const dir of [dataDir, profileDir]) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Calls the API as the signed-in browser (cookie + CSRF header), for seeding data. */
export async function apiCall(page: Page, method: string, url: string, body?: unknown) {
  return page.evaluate(
    async ({ method, url, body }) => {
      const status = await (await fetch('/api/auth/status')).json();
      const res = await fetch(url, { method, headers: { 'content-type': 'application/json', 'x-csrf-token': status.csrf_token }, body: body === undefined ? undefined : JSON.stringify(body) });
      return { status: res.status, body: res.status === 204 ? null : await res.json() };
    },
    { method, url, body },
  );
}

export const ownerEmail = 'owner@example.com';
export const ownerPassword = 'a long enough password';

/**
 * Creates the owner account on a fresh Rapport through the set-up page, then waits for the app's
 * main navigation (or for the navigation link named `waitForLink`).
 */
export async function signUp(page: Page, base: string, waitForLink?: string): Promise<void> {
  await page.goto(base);
  await page.getByRole('heading', { name: 'Set up your workspace' }).waitFor();
  await page.getByLabel('Email').fill(ownerEmail);
  await page.getByLabel('Password', { exact: true }).fill(ownerPassword);
  await page.getByLabel('Repeat password').fill(ownerPassword);
  await page.getByRole('button', { name: 'Create account' }).click();
  if (waitForLink) await page.getByRole('navigation').getByRole('link', { name: waitForLink }).waitFor();
  else await page.getByRole('navigation', { name: 'Main' }).waitFor();
}

/**
 * axe-core's violations on the page as it is now, as "rule: help (first targets)". The script goes in
 * through the debugging protocol: the CSP forbids inline scripts.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source);
  return page.evaluate(async () => {
    const result = await (window as unknown as { axe: typeof axe }).axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map(
      (v) =>
        `${v.id}: ${v.help} (${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(', ')})`,
    );
  });
}

/** Collects the page's uncaught errors and the server's 5xx answers into `problems` (a test ends expecting none). */
export function watchForProblems(page: Page, problems: string[]): void {
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('response', (res) => {
    if (res.status() >= 500) problems.push(`server error: ${res.status()} ${res.url()}`);
  });
}
