import http from 'node:http';
import axe from 'axe-core';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCall as callApi, chromiumPath, signUp, startApp, watchForProblems, type RunningApp } from './harness.js';

/** axe-core's violations (WCAG 2.1 AA and best practice) on a page as it is now, the widget's shadow DOM included. */
async function violations(p: Page): Promise<string[]> {
  // Evaluated through the debugging protocol: the app's Content Security Policy forbids inline scripts.
  if (!(await p.evaluate(() => 'axe' in window))) await p.evaluate(axe.source);
  return p.evaluate(async () => {
    const result = await (window as unknown as { axe: typeof axe }).axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map(
      (v) =>
        `${v.id}: ${v.help} (${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join('; ')})`,
    );
  });
}

/**
 * Live chat in real browsers: a visitor on another site (its own origin, a second browser) chats in
 * the widget; the owner answers in the web app and the visitor sees it live; the owner resolves and
 * the visitor rates the chat inside the widget.
 */
describe('live chat in real browsers', () => {
  let app: RunningApp;
  let page: Page;
  let base: string;
  let shop: http.Server;
  let shopOrigin: string;
  let visitorBrowser: Browser;
  let visitor: Page;
  const problems: string[] = [];
  const apiCall = (method: string, url: string, body?: unknown) => callApi(page, method, url, body);

  beforeAll(async () => {
    app = await startApp({ width: 1400, height: 900 });
    ({ page, base } = app);
    page.setDefaultTimeout(30_000);
    watchForProblems(page, problems);
    await signUp(page, base, 'Live chat');

    // The owner's shop: another origin, whose page carries the one script tag.
    let key = '';
    shop = http.createServer((req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(`<!doctype html><html lang="en"><head><title>Shop</title></head><body><main><h1>The shop</h1></main><script src="${base}/chat/widget.js?key=${key}" async></script></body></html>`);
    });
    await new Promise<void>((resolve) => shop.listen(0, '127.0.0.1', resolve));
    shopOrigin = `http://127.0.0.1:${(shop.address() as AddressInfo).port}`;
    const site = await apiCall('POST', '/api/chat/sites', { name: 'Shop', allowed_origins: [shopOrigin] });
    expect(site.status).toBe(201);
    key = site.body.site_key;

    visitorBrowser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
    visitor = await (await visitorBrowser.newContext()).newPage();
    visitor.setDefaultTimeout(30_000);
    visitor.on('pageerror', (err) => problems.push(`visitor page error: ${err.message}`));
  }, 300_000);
  afterAll(async () => {
    await visitorBrowser?.close();
    await new Promise((resolve) => shop?.close(resolve));
    await app?.close();
  });

  it('chats live both ways, resolves, and the visitor rates it in the widget', { timeout: 180_000 }, async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Live chat' }).click();
    await page.getByRole('heading', { name: 'Live chat' }).waitFor();
    await expect.poll(async () => (await apiCall('GET', '/api/chat/conversations')).body.owner_online).toBe(true);

    await visitor.goto(shopOrigin);
    await visitor.getByRole('button', { name: 'Chat with us' }).click();
    const dialog = visitor.getByRole('dialog', { name: 'Chat' });
    await dialog.getByText('Hello! How can we help?').waitFor();
    expect(await visitor.context().cookies()).toEqual([]);
    await dialog.getByLabel('Your name').fill('Vera');
    await dialog.getByLabel('Message').fill('Is the blue mug back in stock?');
    await dialog.getByRole('button', { name: 'Send' }).click();
    await dialog.getByText('Is the blue mug back in stock?').waitFor();
    expect(await visitor.context().cookies()).toEqual([]);

    // The owner sees the new chat appear without reloading, opens it and answers.
    const chats = page.getByRole('navigation', { name: 'Chats' });
    await chats.getByRole('button', { name: /Vera/ }).click();
    const thread = page.getByRole('region', { name: 'Conversation' });
    await thread.getByText('Is the blue mug back in stock?').waitFor();
    await thread.getByLabel('Reply').fill('Yes, since this morning.');
    await thread.getByRole('button', { name: 'Send' }).click();

    // The visitor sees it live, and writes back; the owner sees that live too.
    await dialog.getByText('Yes, since this morning.').waitFor();
    await dialog.getByLabel('Message').fill('Great, ordering now');
    await dialog.getByRole('button', { name: 'Send' }).click();
    await thread.getByText('Great, ordering now').waitFor();

    await thread.getByRole('button', { name: 'Resolve' }).click();
    await dialog.getByRole('button', { name: 'Rate 5 of 5' }).click();
    await dialog.getByText('Thank you for your rating (5/5).').waitFor();

    await page.getByRole('navigation').getByRole('link', { name: 'Feedback' }).click();
    await expect.poll(() => page.getByTestId('csat').textContent()).toMatch(/^100% \(95%: \d+(\.\d)?% to 100%\)$/);
    expect(await violations(visitor)).toEqual([]);
    expect(await violations(page)).toEqual([]);
    await page.getByRole('navigation').getByRole('link', { name: 'Live chat' }).click();
    await page.getByLabel('Status').selectOption('closed');
    await page.getByRole('navigation', { name: 'Chats' }).getByRole('button', { name: /Vera/ }).click();
    await page.getByRole('region', { name: 'Conversation' }).getByText('Thank you for your rating (5/5).').waitFor();
    expect(await violations(page)).toEqual([]);
    const report = await apiCall('GET', '/api/reports/feedback');
    expect(report.body.csat).toMatchObject({ answers: 1, satisfied: 1, csat: 100 });
    const list = await apiCall('GET', '/api/chat/conversations?status=closed');
    expect(list.body.data).toHaveLength(1);
    const ticket = await apiCall('GET', `/api/tickets/${list.body.data[0].ticket_id}`);
    expect(ticket.status).toBe(200);
    expect(problems).toEqual([]);
  });
});
