import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/core/config.js';
import { startServer } from '../src/server.js';
import { ensureWebBuild } from './harness.js';

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The built web app and the API docs page under Rapport's Content-Security-Policy: nothing is blocked. */
describe('Content-Security-Policy in a real browser', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let context: BrowserContext;
  let page: Page;
  let base: string;
  const dirs: string[] = [];

  /** Every CSP violation the page reports, as "directive: blocked URI". */
  async function violations(): Promise<string[]> {
    return page.evaluate(() => (window as unknown as { cspViolations?: string[] }).cspViolations ?? []);
  }

  beforeAll(async () => {
    if (!fs.existsSync(chromiumPath)) throw new Error(`no browser at ${chromiumPath}: apt-get install chromium, or set CHROMIUM_PATH`);
    ensureWebBuild();
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-csp-data-'));
    const profileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-csp-chromium-'));
    dirs.push(dataDir, profileDir);
    server = await startServer(loadConfig({ RAPPORT_DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1' }), () => {});
    base = `http://127.0.0.1:${server.port}`;
    context = await chromium.launchPersistentContext(profileDir, {
      executablePath: chromiumPath,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    });
    // Collected from the first script on: a violation fires a securitypolicyviolation event on the document.
    await context.addInitScript(() => {
      const found: string[] = [];
      (window as unknown as { cspViolations: string[] }).cspViolations = found;
      document.addEventListener('securitypolicyviolation', (e) => found.push(`${e.violatedDirective}: ${e.blockedURI}`));
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(15_000);
  }, 180_000);

  afterAll(async () => {
    await context?.close();
    await server?.stop();
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('sends the policy and runs the web app without a violation, from first-run setup to the dashboard', async () => {
    const res = await page.goto(base + '/');
    expect(res?.headers()['content-security-policy']).toMatch(/script-src 'self'/);
    await page.getByLabel('Email').fill('owner@example.com');
    await page.getByLabel('Password', { exact: true }).fill('a long enough password');
    await page.getByLabel('Repeat password').fill('a long enough password');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    for (const link of ['Customers', 'Settings', 'Dashboard']) {
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: link }).click();
      await page.waitForLoadState('networkidle');
    }
    expect(await violations()).toEqual([]);
  }, 60_000);

  it('runs the API docs page (Swagger UI) without a violation', async () => {
    await page.goto(base + '/api/docs');
    await page.locator('.swagger-ui .information-container').waitFor();
    await page.locator('.opblock').first().waitFor();
    expect(await violations()).toEqual([]);
    // The collector sees what the policy blocks: an injected inline script does not run.
    const ran = await page.evaluate(async () => {
      const script = document.createElement('script');
      script.textContent = 'window.inlineRan = true';
      document.body.append(script);
      await new Promise((r) => setTimeout(r, 100));
      return (window as unknown as { inlineRan?: boolean }).inlineRan === true;
    });
    expect(ran).toBe(false);
    expect((await violations()).join('\n')).toMatch(/script-src/);
  }, 60_000);
});
