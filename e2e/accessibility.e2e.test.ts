import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import axe from 'axe-core';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCall as callApi, startApp, type RunningApp } from './harness.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shots = path.join(repo, 'test-artifacts', 'screenshots', '1440');
const email = 'owner@example.com';
const password = 'a long enough password';

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/**
 * The first hour and every page with data, at 1440 px: axe-core finds no violation (WCAG 2.1 AA and best
 * practice rules), and no page scrolls sideways or cuts off a table column.
 */
describe('every page is accessible and fits at 1440 px', () => {
  let app: RunningApp;
  let page: Page;
  let base: string;
  const apiCall = (method: string, url: string, body?: unknown) => callApi(page, method, url, body);

  /** axe-core's violations on the page as it is now. */
  async function violations(): Promise<Violation[]> {
    // Evaluated through the debugging protocol: the app's Content Security Policy forbids inline scripts.
    if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source);
    return page.evaluate(async () => {
      const result = await (window as unknown as { axe: typeof axe }).axe.run(document, { resultTypes: ['violations'] });
      return result.violations.map((v) => ({ id: v.id, impact: v.impact ?? null, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
    });
  }

  /** Elements wider than the room they are given: the page itself, and any table in a scroll box. */
  async function overflow(): Promise<string[]> {
    return page.evaluate(() => {
      const out: string[] = [];
      const root = document.scrollingElement ?? document.documentElement;
      if (root.scrollWidth > root.clientWidth + 1) {
        // Name the elements that reach past the window, innermost first.
        const past = [...document.querySelectorAll<HTMLElement>('body *')].filter(
          (el) => el.getBoundingClientRect().right > root.clientWidth + 1 && ![...el.children].some((c) => c.getBoundingClientRect().right > root.clientWidth + 1),
        );
        out.push(
          `page scrolls sideways: ${root.scrollWidth} > ${root.clientWidth} (${past
            .slice(0, 3)
            .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`)
            .join(', ')})`,
        );
      }
      for (const el of document.querySelectorAll<HTMLElement>('.table-scroll, .card, main')) {
        if (el.scrollWidth > el.clientWidth + 1) out.push(`${el.tagName.toLowerCase()}.${[...el.classList].join('.')}${el.id ? `#${el.id}` : ''}: ${el.scrollWidth} > ${el.clientWidth}`);
      }
      return out;
    });
  }

  /** What is wrong with a page, by page: every page is visited before the test asserts. */
  const found: Record<string, { violations: Violation[]; overflow: string[] }> = {};
  async function check(name: string, url: string, ready: () => Promise<unknown>) {
    await page.goto(base + url);
    await ready();
    await page.waitForLoadState('networkidle');
    // Charts draw after their data; axe should see the page as a reader does.
    await page.waitForTimeout(400);
    await page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });
    found[name] = { violations: await violations(), overflow: await overflow() };
  }
  const problems = (names: string[]) =>
    Object.fromEntries(names.map((n) => [n, found[n]]).filter(([, f]) => f && ((f as (typeof found)[string]).violations.length || (f as (typeof found)[string]).overflow.length)));

  beforeAll(async () => {
    fs.mkdirSync(shots, { recursive: true });
    app = await startApp({ width: 1440, height: 900 });
    ({ page, base } = app);
    page.setDefaultTimeout(20_000);
    await page.goto(base);
    await page.getByRole('heading', { name: 'Set up your workspace' }).waitFor();
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password', { exact: true }).fill(password);
    await page.getByLabel('Repeat password').fill(password);
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
  }, 240_000);

  afterAll(async () => app?.close());

  it('offers Import a file and Load demo data on the empty dashboard and customer list', async () => {
    await check('dashboard-empty', '/', () => page.getByRole('button', { name: 'Load demo data' }).waitFor());
    await expect(page.getByRole('link', { name: 'Import a file' }).isVisible()).resolves.toBe(true);
    await check('customers-empty', '/customers', () => page.getByRole('button', { name: 'Load demo data' }).waitFor());
    await expect(page.getByRole('link', { name: 'Import a file' }).isVisible()).resolves.toBe(true);
    expect(problems(['dashboard-empty', 'customers-empty'])).toEqual({});
  });

  it('loads the demo data from the empty customer list, then scores it', { timeout: 240_000 }, async () => {
    await page.getByRole('button', { name: 'Load demo data' }).click();
    // The page reloads once the data is written and scored.
    await page.locator('table tbody tr').first().waitFor({ timeout: 200_000 });
    const list = await apiCall('GET', '/api/customers?limit=1');
    expect(list.body.data).toHaveLength(1);
    const seg = await apiCall('POST', '/api/segmentations', { features: ['recency', 'purchase_frequency', 'monetary'], k: 4 });
    expect(seg.status).toBeLessThan(300);
  });

  it('has no axe violation and nothing wider than the window on any page with data', { timeout: 240_000 }, async () => {
    const customer = (await apiCall('GET', '/api/customers?limit=1&sort=-revenue')).body.data[0].id as string;
    const segment = ((await apiCall('GET', '/api/segments')).body.data as { id: string; kind: string }[]).find((s) => s.kind === 'model')!.id;
    await check('dashboard', '/', () => page.locator('.stat-value').first().waitFor());
    await check('customers', '/customers', () => page.locator('table tbody tr').first().waitFor());
    await check('customers-search', '/customers?q=a', () => page.locator('table tbody tr').first().waitFor());
    expect(await page.getByLabel('Search customers').inputValue()).toBe('a');
    await check('customer', `/customers/${customer}`, () => page.getByRole('heading', { level: 1 }).waitFor());
    await check('segments', '/segments', () => page.getByText('Segment profiles').waitFor());
    await check('segment', `/segments/${segment}`, () => page.getByRole('heading', { level: 1 }).waitFor());
    await check('insights', '/insights', () => page.getByRole('heading', { level: 1 }).waitFor());
    await check('import', '/import', () => page.getByRole('heading', { level: 1 }).waitFor());
    await check('duplicates', '/duplicates', () => page.getByRole('heading', { level: 1 }).waitFor());
    await check('settings', '/settings', () => page.getByLabel('Currency').waitFor());
    expect(problems(['dashboard', 'customers', 'customers-search', 'customer', 'segments', 'segment', 'insights', 'import', 'duplicates', 'settings'])).toEqual({});
  });
});
