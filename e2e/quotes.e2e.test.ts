import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCall as callApi, axeViolations, signUp, startApp, watchForProblems, type RunningApp } from './harness.js';

const violations = axeViolations;

/** A quote drafted in the editor with live totals, sent, and accepted on its public page in another tab. */
describe('quotes in a real browser', () => {
  let app: RunningApp;
  let page: Page;
  let base: string;
  const problems: string[] = [];
  const apiCall = (method: string, url: string, body?: unknown) => callApi(page, method, url, body);

  beforeAll(async () => {
    app = await startApp({ width: 1440, height: 900 });
    ({ page, base } = app);
    page.setDefaultTimeout(20_000);
    watchForProblems(page, problems);
    await signUp(page, base, 'Quotes');
    expect((await apiCall('PATCH', '/api/settings', { currency: 'EUR' })).status).toBe(200);
    expect((await apiCall('PATCH', '/api/settings/quotes', { business_name: 'Atelier Lumen', business_address: 'Rue Haute 12, Brussels' })).status).toBe(200);
  }, 300_000);
  afterAll(async () => app?.close());

  it('drafts with live totals, sends, and the client accepts on the public page', async () => {
    const customer = (await apiCall('POST', '/api/customers', { first_name: 'Ada', last_name: 'Lovelace', email: 'ada@example.org' })).body.id;
    expect((await apiCall('POST', '/api/products', { name: 'Website design', price: 1250 })).status).toBe(201);
    const deal = (await apiCall('POST', '/api/deals', { title: 'Website for Ada', customer_id: customer, value: 3000 })).body.id;
    await page.goto(`${base}/customers/${customer}`);
    await page.getByRole('link', { name: 'New quote' }).click();
    await page.getByRole('heading', { name: 'New quote' }).waitFor();
    await page.getByLabel('Title').fill('New website');
    await page.getByLabel('Deal', { exact: true }).selectOption({ label: 'Website for Ada' });
    await page.getByLabel('Product of line 1').selectOption({ label: 'Website design' });
    await page.getByLabel('Quantity of line 1').fill('2');
    await page.getByLabel('Tax rate of line 1 in percent').fill('21');
    // 2 × 1,250.00 = 2,500.00; 21 % tax = 525.00; total 3,025.00, before anything is saved.
    await expect.poll(() => page.getByTestId('quote-totals').textContent()).toContain('€3,025.00');
    await page.getByRole('button', { name: 'Add a line' }).click();
    await page.getByLabel('Description of line 2').fill('Hosting (months)');
    await page.getByLabel('Quantity of line 2').fill('12');
    await page.getByLabel('Unit price of line 2').fill('19.99');
    await page.getByLabel('Discount of line 2 in percent').fill('10');
    await expect.poll(() => page.getByTestId('quote-totals').textContent()).toContain('€2,715.89');
    expect(await violations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.getByRole('heading', { name: /^Quote Q-\d{4}-\d{4}$/ }).waitFor();
    const quoteId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
    const saved = (await apiCall('GET', `/api/quotes/${quoteId}`)).body;
    expect(saved).toMatchObject({ status: 'draft', deal_id: deal, subtotal: 2715.89, tax_total: 525, total: 3240.89 });

    // No SMTP server here: the page says the email will wait, and where to set one up.
    const notSetUp = page.getByTestId('mail-not-set-up');
    await notSetUp.waitFor();
    expect(await notSetUp.textContent()).toContain('Email is not set up yet');
    await notSetUp.getByRole('link', { name: 'Settings' }).waitFor();
    await page.getByRole('button', { name: 'Send to the customer' }).click();
    const link = (await page.locator('.notice code').textContent())!;
    expect(link).toMatch(/\/q\/q1\./);
    await page.getByText('sent', { exact: true }).first().waitFor();

    const client = await app.context.newPage();
    await client.goto(link);
    await client.getByRole('heading', { name: /^Quote Q-/ }).waitFor();
    expect(await client.textContent('body')).toContain('€3,240.89');
    expect(await violations(client)).toEqual([]);
    // On a phone every line's amount and the total stay on screen: the page does not scroll sideways.
    await client.setViewportSize({ width: 390, height: 844 });
    await client.locator('tbody tr').first().waitFor();
    expect(await client.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const total = await client.locator('tr.total td').last().boundingBox();
    expect(total!.x + total!.width).toBeLessThanOrEqual(390);
    expect(await violations(client)).toEqual([]);
    await client.getByLabel('Type your full name to accept').fill('Ada Lovelace');
    await client.getByRole('button', { name: 'Accept quote' }).click();
    await client.getByText('Accepted by Ada Lovelace').first().waitFor();
    await client.close();

    const accepted = (await apiCall('GET', `/api/quotes/${quoteId}`)).body;
    expect(accepted).toMatchObject({ status: 'accepted', accepted_by: 'Ada Lovelace' });
    expect((await apiCall('GET', `/api/orders/${accepted.order_id}`)).body.total).toBe(3240.89);
    expect((await apiCall('GET', `/api/deals/${deal}`)).body.status).toBe('won');
    await page.reload();
    await page.getByText('Accepted by Ada Lovelace', { exact: false }).first().waitFor();
    expect(await violations(page)).toEqual([]);
    expect(problems).toEqual([]);
  }, 180_000);
});
