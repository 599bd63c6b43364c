import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCall as callApi, signUp, startApp, watchForProblems, type RunningApp } from './harness.js';

/** An HTML mail in the ticket view: its own layout in a frame where nothing runs, quoted mail folded, remote images only on request. */
describe('an HTML mail in the ticket view, in a real browser', () => {
  let app: RunningApp;
  let page: Page;
  let base: string;
  const problems: string[] = [];
  // A server for the mail's remote image: it counts how often the browser asks for it.
  const pixelRequests: string[] = [];
  const images = http.createServer((req, res) => {
    pixelRequests.push(req.url ?? '');
    res.writeHead(200, { 'content-type': 'image/gif' });
    res.end(Buffer.from('R0lGODlhAQABAIAAAP///wAAACwAAAAAAQABAAACAkQBADs=', 'base64'));
  });
  const apiCall = (method: string, url: string, body?: unknown) => callApi(page, method, url, body);

  beforeAll(async () => {
    await new Promise<void>((resolve) => images.listen(0, '127.0.0.1', resolve));
    app = await startApp({ width: 1400, height: 900 });
    ({ page, base } = app);
    page.setDefaultTimeout(30_000);
    watchForProblems(page, problems);
    await signUp(page, base, 'Inbox');
  }, 300_000);
  afterAll(async () => {
    await app?.close();
    await new Promise((resolve) => images.close(resolve));
  });

  it('shows the mail’s HTML without running its scripts, folds the quoted part and loads remote images only after "Load images"', async () => {
    const pixel = `http://127.0.0.1:${(images.address() as AddressInfo).port}/open.gif?reader=owner`;
    const html = [
      '<html><head><script>parent.document.title = "owned"</script></head><body>',
      '<p>Hello, the <b>blue lamp</b> arrived broken.</p>',
      `<img src="${pixel}" alt="tracking pixel" width="1" height="1">`,
      '<img src="x" onerror="parent.document.title = \'owned\'" alt="broken">',
      '<div class="gmail_quote">On Fri, 4 Dec 2026, Support wrote:<blockquote>What is your order number?</blockquote></div>',
      '</body></html>',
    ].join('\r\n');
    const raw = [
      'From: Ann Buyer <ann@buyer.example>',
      'To: support@shop.example',
      'Subject: Broken lamp',
      'Message-ID: <html-e2e-1@buyer.example>',
      'MIME-Version: 1.0',
      'Content-Type: multipart/alternative; boundary="b1"',
      '',
      '--b1',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Hello, the blue lamp arrived broken.',
      '--b1',
      'Content-Type: text/html; charset=utf-8',
      '',
      html,
      '--b1--',
      '',
    ].join('\r\n');
    const token = (await apiCall('POST', '/api/inbound/tokens', { name: 'Mail provider' })).body.token as string;
    const posted = await fetch(`${base}/api/inbound/email`, { method: 'POST', headers: { 'x-inbound-token': token, 'content-type': 'message/rfc822' }, body: raw });
    expect(posted.status).toBeLessThan(300);
    const ticketId = ((await posted.json()) as { ticket_id: string }).ticket_id;

    await page.goto(`${base}/tickets/${ticketId}`);
    const frame = page.frameLocator('iframe[title="Message from ann@buyer.example"]');
    await frame.getByText('arrived broken').waitFor();
    expect(await frame.locator('b').textContent()).toBe('blue lamp');
    // No script of the mail ran, and the image server was not asked.
    expect(await page.title()).not.toBe('owned');
    expect(pixelRequests).toEqual([]);
    // The quoted mail is folded until opened.
    expect(await frame.getByText('What is your order number?').isVisible()).toBe(false);
    // A click on a busy machine can land while the frame is still laying out (the blocked image's alt
    // text moves the fold): click again only while the fold is still closed, so a click never closes it.
    const opened = frame.locator('details.rapport-quote[open]');
    await expect
      .poll(
        async () => {
          if ((await opened.count()) === 0) await frame.locator('details.rapport-quote > summary').first().click();
          return frame.getByText('What is your order number?').isVisible();
        },
        { timeout: 30_000, interval: 1_000 },
      )
      .toBe(true);

    // Load images: the frame shows the mail again with its remote image, which the browser now fetches.
    await frame.getByText('Images from other servers are held back').waitFor();
    await page.getByRole('button', { name: 'Load images' }).click();
    await expect.poll(() => pixelRequests.length, { timeout: 15_000 }).toBe(1);
    expect(pixelRequests[0]).toBe('/open.gif?reader=owner');
    await frame.getByText('arrived broken').waitFor();
    expect(await page.getByRole('button', { name: 'Load images' }).count()).toBe(0);
    expect(await frame.getByText('Images from other servers are held back').count()).toBe(0);
    expect(await page.title()).not.toBe('owned');
    expect(problems).toEqual([]);
  }, 120_000);
});
