import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCall as callApi, signUp, startApp, watchForProblems, type RunningApp } from './harness.js';

/** Amounts typed the way people write them ("1.500,50", "€ 1,500.50") are read as written, never cut short. */
describe('amounts typed in the app', () => {
  let app: RunningApp;
  let page: Page;
  let base: string;
  const problems: string[] = [];
  const apiCall = (method: string, url: string, body?: unknown) => callApi(page, method, url, body);

  beforeAll(async () => {
    app = await startApp({ width: 1440, height: 900 });
    ({ page, base } = app);
    page.setDefaultTimeout(30_000);
    watchForProblems(page, problems);
    await signUp(page, base, 'Deals');
  }, 300_000);
  afterAll(async () => app?.close());

  const openDeal = async (title: string, value: string) => {
    await page.goto(`${base}/deals`);
    await page.getByRole('button', { name: 'New deal' }).click();
    const dialog = page.getByRole('dialog', { name: 'New deal' });
    await dialog.getByLabel('Title').fill(title);
    await dialog.getByLabel('Value').fill(value);
    await dialog.getByRole('button', { name: 'Open the deal' }).click();
    return dialog;
  };
  const valueOf = async (title: string) => {
    const deals = (await apiCall('GET', '/api/deals')).body.data as { title: string; value: number }[];
    return deals.find((d) => d.title === title)?.value;
  };

  it('reads a new deal value with either decimal separator', async () => {
    await openDeal('Shop', '1.500,50');
    await expect.poll(() => valueOf('Shop')).toBe(1500.5);
    await openDeal('Site', '€ 2,750.25');
    await expect.poll(() => valueOf('Site')).toBe(2750.25);
    expect(problems).toEqual([]);
  }, 120_000);

  it('says what is wrong with a value it cannot read and keeps what was typed', async () => {
    const dialog = await openDeal('Logo', '12 apples');
    await dialog.getByText('Write an amount, e.g. 1,500.50').waitFor();
    expect(await dialog.getByLabel('Title').inputValue()).toBe('Logo');
    expect(await dialog.getByLabel('Value').inputValue()).toBe('12 apples');
    expect(await valueOf('Logo')).toBeUndefined();
  }, 120_000);
});
