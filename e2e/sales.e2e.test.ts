import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeMailTransport } from '../src/mail/transport.js';
import { startTestSmtp, useTestSmtp, type TestSmtp } from '../src/test/smtp.js';
import { apiCall, chromiumPath, signUp, startApp, type RunningApp } from './harness.js';

/**
 * The sales walk in a real browser: a visitor sends the public lead form, the owner sees the deal on
 * the board, a quote is sent (the mail is caught by a real SMTP server), the client opens the link in a
 * browser context of their own and accepts, and the deal is Won with an order and a follow-up task.
 */
describe('from a lead form to a won deal, in Chromium', () => {
  let app: RunningApp;
  let smtp: TestSmtp;
  let visitor: BrowserContext;
  let client: BrowserContext;
  let others: Browser;
  const problems: string[] = [];

  beforeAll(async () => {
    app = await startApp({ width: 1360, height: 860 });
    smtp = await startTestSmtp();
    await useTestSmtp(app.server.database, smtp.port, { public_url: app.base });
    app.page.setDefaultTimeout(15_000);
    app.page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
    app.page.on('response', (res) => {
      if (res.status() >= 500) problems.push(`server error: ${res.status()} ${res.url()}`);
    });
    // The visitor and the client are other people: a browser of their own, one context (cookie jar) each.
    others = await chromium.launch({
      executablePath: chromiumPath,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    });
    visitor = await others.newContext();
    client = await others.newContext();
  }, 240_000);
  afterAll(async () => {
    closeMailTransport();
    await others?.close();
    await smtp?.close();
    await app?.close();
  });

  it('walks a lead to a won deal with an order and a task', { timeout: 240_000 }, async () => {
    const { page, base } = app;
    await signUp(page, base);
    expect((await apiCall(page, 'PATCH', '/api/settings/quotes', { business_name: 'Atelier Lumen', business_address: 'Rue Haute 12, 1000 Brussels' })).status).toBe(200);
    const product = await apiCall(page, 'POST', '/api/products', { name: 'Website design', sku: 'WEB-1', price: 1250 });
    expect(product.status).toBe(201);
    const form = await apiCall(page, 'POST', '/api/forms', {
      name: 'Start a project',
      lead_source: 'website',
      fields: [{ field: 'first_name', required: true }, { field: 'last_name' }, { field: 'email', required: true }, { field: 'notes', label: 'What do you need?' }],
      consent_wording: 'Send me news by email.',
    });
    expect(form.status).toBe(201);

    // The visitor, in a browser of their own, fills the hosted form (a person takes more than the two-second minimum).
    const visit = await visitor.newPage();
    await visit.goto(`${base}/f/${form.body.id}`);
    await visit.getByLabel('First name').fill('Ada');
    await visit.getByLabel('Last name').fill('Lovelace');
    await visit.getByRole('textbox', { name: 'Email' }).fill('ada@example.org');
    await visit.getByLabel('What do you need?').fill('A new website for the engine.');
    await visit.getByLabel('Send me news by email.').check();
    await visit.waitForTimeout(2_500);
    await visit.getByRole('button', { name: 'Send' }).click();
    await visit
      .getByText('Thank you! We will be in touch soon.')
      .waitFor()
      .catch(async (e) => {
        throw new Error(`${e.message}\n${(await visit.content()).slice(-1500)}`);
      });

    // The owner sees the lead's deal on the board.
    const deals = await apiCall(page, 'GET', '/api/deals?sort=-created_at');
    const deal = deals.body.data[0];
    expect(deal).toMatchObject({ source: 'form', status: 'open' });
    expect(deal.title).toContain('Ada Lovelace');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Deals' }).click();
    await page.locator('.deal-card', { hasText: 'Ada Lovelace' }).first().waitFor();

    // A quote for the deal, sent: the mail with its link reaches the SMTP server.
    const quote = await apiCall(page, 'POST', '/api/quotes', {
      customer_id: deal.customer_id,
      deal_id: deal.id,
      title: 'New website',
      lines: [{ product_id: product.body.id, quantity: 2, tax_rate: 21 }],
    });
    expect(quote.status, JSON.stringify(quote.body)).toBe(201);
    expect((await apiCall(page, 'POST', `/api/quotes/${quote.body.id}/send`)).status).toBe(200);
    const [mail] = await smtp.waitFor(1, 30_000);
    expect(mail.to && JSON.stringify(mail.to)).toContain('ada@example.org');
    const link = new RegExp(`${base.replace(/[.:/]/g, (c) => `\\${c}`)}(/q/[A-Za-z0-9._-]+)`).exec(mail.text ?? '');
    expect(link, mail.text).toBeTruthy();

    // The client opens the link in a second browser context and accepts with their typed name.
    const quotePage = await client.newPage();
    await quotePage.goto(`${base}${link![1]}`);
    await quotePage.getByLabel('Type your full name to accept').fill('Ada Lovelace');
    await quotePage.getByRole('button', { name: 'Accept quote' }).click();
    await quotePage.getByText(/Accepted by Ada Lovelace/).waitFor();

    // Won, with an order and a follow-up task.
    const won = await apiCall(page, 'GET', `/api/deals/${deal.id}`);
    expect(won.body.status).toBe('won');
    const orders = await apiCall(page, 'GET', `/api/orders?customer_id=${deal.customer_id}`);
    expect(orders.body.data).toHaveLength(1);
    const tasks = await apiCall(page, 'GET', `/api/tasks?customer_id=${deal.customer_id}`);
    expect(tasks.body.data.length).toBeGreaterThanOrEqual(1);
    await page.goto(`${base}/deals/${deal.id}`);
    await page.getByText(/won/i).first().waitFor();
    expect(problems).toEqual([]);
  });
});
