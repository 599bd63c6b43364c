import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCall as callApi, axeViolations, signUp, startApp, type RunningApp } from './harness.js';

/** The support inbox in a real browser: the order of what matters, keyboard navigation, resolving, replying and the customer's value beside the conversation. */
describe('tickets in a real browser', () => {
  let app: RunningApp;
  let page: Page;
  let base: string;
  const problems: string[] = [];
  const apiCall = (method: string, url: string, body?: unknown) => callApi(page, method, url, body);

  beforeAll(async () => {
    app = await startApp({ width: 1400, height: 900 });
    ({ page, base } = app);
    page.setDefaultTimeout(30_000);
    page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
    page.on('response', (res) => {
      if (res.status() >= 500) problems.push(`server error: ${res.status()} ${res.url()}`);
    });
    await signUp(page, base, 'Inbox');
  }, 300_000);
  afterAll(async () => app?.close());

  it('lists the complaint first, moves with j/k, resolves with e, replies with r, and shows the customer’s orders beside the ticket', async () => {
    const ann = (await apiCall('POST', '/api/customers', { first_name: 'Ann', last_name: 'Buyer', email: 'ann@buyer.example' })).body.id as string;
    expect((await apiCall('POST', '/api/orders/bulk', { create: [{ customer_id: ann, ordered_at: '2026-11-02', total: 240 }] })).status).toBe(200);
    const question = (await apiCall('POST', '/api/tickets', { customer_id: ann, subject: 'Which size should I order?', message: 'Between M and L.' })).body;
    const complaint = (await apiCall('POST', '/api/tickets', { email: 'bob@upset.example', name: 'Bob Upset', subject: 'The parcel never came', kind: 'complaint', message: 'Three weeks now.' })).body;

    await page.getByRole('navigation').getByRole('link', { name: 'Inbox' }).click();
    const rows = page.getByRole('table').getByRole('row');
    await rows.nth(1).getByText(complaint.reference, { exact: true }).waitFor();
    await expect.poll(() => rows.count()).toBe(3);
    expect(await rows.nth(1).getAttribute('aria-selected')).toBe('true');
    expect(await axeViolations(page)).toEqual([]);

    // j moves to the question, k back to the complaint, e resolves it: it leaves the "needs an answer" view.
    await page.keyboard.press('j');
    expect(await rows.nth(2).getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('k');
    await page.keyboard.press('e');
    await page.getByText(`${complaint.reference} resolved`).waitFor();
    await expect.poll(() => rows.count()).toBe(2);
    expect((await apiCall('GET', `/api/tickets/${complaint.id}`)).body.ticket.status).toBe('resolved');

    // r opens the selected ticket with the reply box focused.
    await page.keyboard.press('r');
    await page.getByRole('heading', { name: `${question.reference} Which size should I order?` }).waitFor();
    const box = page.getByLabel('Reply text');
    await expect.poll(() => box.evaluate((el) => el === document.activeElement)).toBe(true);
    await box.fill('Take L, the cut is small.');
    await page.getByRole('button', { name: 'Send reply' }).click();
    await page.getByText('You replied').waitFor();
    await page.getByText('Take L, the cut is small.').waitFor();
    const detail = (await apiCall('GET', `/api/tickets/${question.id}`)).body;
    expect(detail.ticket.status).toBe('waiting');
    expect(detail.messages.map((m: { direction: string }) => m.direction)).toEqual(['in', 'out']);

    // The customer's value beside the conversation.
    const side = page.getByRole('complementary');
    await side.getByRole('link', { name: 'Ann Buyer' }).waitFor();
    await side.getByText('Recent orders').waitFor();
    await side.getByText(/240/).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  }, 120_000);
});
