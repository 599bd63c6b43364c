import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCall as callApi, signUp, startApp, watchForProblems, type RunningApp } from './harness.js';

/** The loyalty programme in a real browser: rules and rewards set in the app, points, a redemption, the customer's page, a referral through the lead form. */
describe('loyalty in a real browser', () => {
  let app: RunningApp;
  let page: Page;
  let base: string;
  const problems: string[] = [];
  const apiCall = (method: string, url: string, body?: unknown) => callApi(page, method, url, body);

  beforeAll(async () => {
    app = await startApp({ width: 1400, height: 900 });
    ({ page, base } = app);
    page.setDefaultTimeout(30_000);
    watchForProblems(page, problems);
    await signUp(page, base, 'Loyalty');
    expect((await apiCall('PATCH', '/api/settings', { currency: 'EUR' })).status).toBe(200);
  }, 300_000);
  afterAll(async () => app?.close());

  it('earns, redeems, shows the customer page and rewards a referral that came through the form', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Loyalty' }).click();
    const rules = page.getByRole('form', { name: 'Add an earn rule' });
    await rules.getByLabel('Name').fill('A point per euro');
    await rules.getByLabel('Points').fill('1');
    await rules.getByRole('button', { name: 'Add rule' }).click();
    await page.getByRole('region', { name: 'Earn rules' }).getByText('A point per euro: 1 per unit of currency on paid orders').waitFor();
    await rules.getByLabel('Name').fill('Thanks for the friend');
    await rules.getByLabel('Earns on').selectOption('referrer');
    await rules.getByLabel('Points').fill('25');
    await rules.getByRole('button', { name: 'Add rule' }).click();
    await page.getByRole('region', { name: 'Earn rules' }).getByText('Thanks for the friend').waitFor();
    const rewards = page.getByRole('form', { name: 'Add a reward' });
    await rewards.getByLabel('Name').fill('5 euro off');
    await rewards.getByLabel('Points price').fill('50');
    await rewards.getByLabel('Amount off').fill('5');
    await rewards.getByRole('button', { name: 'Add reward' }).click();
    await page.getByRole('region', { name: 'Rewards' }).getByText('5 euro off: 50 points').waitFor();

    // Orders for a customer, then the points on their page.
    const ann = (await apiCall('POST', '/api/customers', { first_name: 'Ann', last_name: 'Loyal', email: 'ann@loyal.example' })).body.id as string;
    const bulk = await apiCall('POST', '/api/orders/bulk', {
      create: [
        { customer_id: ann, ordered_at: '2026-11-02', total: 40 },
        { customer_id: ann, ordered_at: '2026-11-20', total: 22.5 },
      ],
    });
    expect(bulk.status).toBe(200);
    await page.goto(`${base}/customers/${ann}`);
    const card = page.getByRole('region', { name: 'Loyalty points' });
    await expect.poll(() => card.getByTestId('points-balance').textContent()).toBe('62');

    // Redeem from the card: the balance drops and a code is shown.
    await card.getByLabel('Redeem', { exact: true }).selectOption({ label: '5 euro off (50 points)' });
    await card.getByRole('button', { name: 'Redeem', exact: true }).click();
    await expect.poll(() => card.getByTestId('points-balance').textContent()).toBe('12');
    await card.getByText(/Codes: RW[2-9A-Z]{10}/).waitFor();

    // The customer's own page through its link.
    const pageLink = (await card.getByTestId('points-page-link').getAttribute('href'))!;
    await page.goto(`${base}${pageLink}`);
    await page.getByText('12 points').first().waitFor();
    // The link a customer shares is a full address, on the address the page was opened at.
    const referralLink = (await page.locator('a[href*="/r/"]').first().getAttribute('href'))!;
    expect(referralLink).toMatch(new RegExp(`^${base.replace(/[.]/g, '\\.')}/r/[A-Z0-9]+$`));

    // A referral link leads to the lead form with the code; the new lead is attributed to Ann.
    const form = await apiCall('POST', '/api/forms', {
      name: 'Say hello',
      lead_source: 'referral',
      fields: [
        { field: 'email', required: true },
        { field: 'first_name', required: false },
      ],
    });
    expect(form.status).toBe(201);
    expect((await apiCall('PUT', '/api/loyalty/settings', { referral_form_id: form.body.id })).status).toBe(200);
    await page.goto(referralLink);
    await page.getByRole('link', { name: 'Get in touch' }).click();
    await page.waitForURL(/\/f\/.+\?ref=/);
    await page.getByLabel('Email').fill('finn@friend.example');
    // A form filled faster than a person could is taken for a bot.
    await page.waitForTimeout(2500);
    await page.getByRole('button', { name: 'Send' }).click();
    await page.getByRole('status').waitFor();
    const finn = (await apiCall('GET', '/api/customers?q=finn%40friend.example')).body.data[0].id as string;
    expect((await apiCall('GET', `/api/referrals?referrer_id=${ann}`)).body.data.map((r: { referred_id: string }) => r.referred_id)).toEqual([finn]);

    // Finn's first paid order rewards Ann.
    expect((await apiCall('POST', '/api/orders', { customer_id: finn, ordered_at: '2026-12-01', total: 10 })).status).toBe(201);
    await page.goto(`${base}/customers/${ann}`);
    await expect.poll(() => page.getByRole('region', { name: 'Loyalty points' }).getByTestId('points-balance').textContent()).toBe('37');
    expect(problems).toEqual([]);
  }, 300_000);
});
