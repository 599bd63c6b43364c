import { describe, expect, it } from 'vitest';
import { signedInApp } from './signed-in.js';

/** Amounts typed the way people write them ("1.500,50", "€ 1,500.50") are read as written, never cut short. */
describe('amounts typed in the app', () => {
  const s = signedInApp('Deals');

  const openDeal = async (title: string, value: string) => {
    await s.page.goto(`${s.base}/deals`);
    await s.page.getByRole('button', { name: 'New deal' }).click();
    const dialog = s.page.getByRole('dialog', { name: 'New deal' });
    await dialog.getByLabel('Title').fill(title);
    await dialog.getByLabel('Value').fill(value);
    await dialog.getByRole('button', { name: 'Open the deal' }).click();
    return dialog;
  };
  const valueOf = async (title: string) => {
    const deals = (await s.apiCall('GET', '/api/deals')).body.data as { title: string; value: number }[];
    return deals.find((d) => d.title === title)?.value;
  };

  it('reads a new deal value with either decimal separator', async () => {
    const { page, base, problems, apiCall } = s;
    await openDeal('Shop', '1.500,50');
    await expect.poll(() => valueOf('Shop')).toBe(1500.5);
    await openDeal('Site', '€ 2,750.25');
    await expect.poll(() => valueOf('Site')).toBe(2750.25);
    expect(problems).toEqual([]);
  }, 120_000);

  it('says what is wrong with a value it cannot read and keeps what was typed', async () => {
    const { page, base, problems, apiCall } = s;
    const dialog = await openDeal('Logo', '12 apples');
    await dialog.getByText('Write an amount, e.g. 1,500.50').waitFor();
    expect(await dialog.getByLabel('Title').inputValue()).toBe('Logo');
    expect(await dialog.getByLabel('Value').inputValue()).toBe('12 apples');
    expect(await valueOf('Logo')).toBeUndefined();
  }, 120_000);

  it('takes quote line figures typed key by key, decimals included', async () => {
    const { page, base, problems, apiCall } = s;
    const customer = (await apiCall('POST', '/api/customers', { first_name: 'Ada', last_name: 'Lovelace', email: 'ada@example.org' })).body.id;
    await page.goto(`${base}/customers/${customer}/quotes/new`);
    await page.getByRole('heading', { name: 'New quote' }).waitFor();
    await page.getByLabel('Title').fill('Hosting');
    await page.getByLabel('Description of line 1').fill('Hosting (months)');
    const type = async (label: string, text: string) => {
      const input = page.getByLabel(label);
      await input.selectText();
      await input.press('Backspace');
      await input.pressSequentially(text);
      return input.inputValue();
    };
    expect(await type('Quantity of line 1', '1.5')).toBe('1.5');
    expect(await type('Unit price of line 1', '12,50')).toBe('12,50');
    expect(await type('Tax rate of line 1 in percent', '20')).toBe('20');
    // 1.5 × 12.50 = 18.75; 20 % tax = 3.75; total 22.50.
    await expect.poll(() => page.getByTestId('quote-totals').textContent()).toContain('€22.50');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.getByRole('heading', { name: /^Quote Q-\d{4}-\d{4}$/ }).waitFor();
    const quoteId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
    expect((await apiCall('GET', `/api/quotes/${quoteId}`)).body).toMatchObject({ subtotal: 18.75, tax_total: 3.75, total: 22.5 });
    expect(problems).toEqual([]);
  }, 120_000);

  it('takes a flow threshold typed key by key', async () => {
    const { page, base, problems, apiCall } = s;
    await page.goto(`${base}/flows`);
    const create = page.getByRole('form', { name: 'New flow' });
    await create.getByLabel('Start from').selectOption('blank');
    await create.getByLabel('Name').fill('Win back');
    await create.getByRole('button', { name: 'Create flow' }).click();
    const editor = page.getByRole('form', { name: 'Flow editor' });
    await editor.getByLabel('Starts when').selectOption('event');
    await editor.getByLabel('Event', { exact: true }).selectOption('customer.score_crossed');
    await editor.getByLabel('Threshold').pressSequentially('0.75');
    expect(await editor.getByLabel('Threshold').inputValue()).toBe('0.75');
    expect(problems).toEqual([]);
  }, 120_000);

  it('filters the deal list by a minimum value written with a decimal comma', async () => {
    const { page, base, problems, apiCall } = s;
    expect((await apiCall('POST', '/api/deals', { title: 'Small job', value: 900 })).status).toBe(201);
    expect((await apiCall('POST', '/api/deals', { title: 'Big job', value: 2000 })).status).toBe(201);
    await page.goto(`${base}/deals/list`);
    await page.getByText('Small job').waitFor();
    await page.getByLabel('Minimum value').pressSequentially('1.000,50');
    // The list settles on the big job alone (while it loads, neither shows).
    const shown = async () => `${await page.getByText('Big job').count()}/${await page.getByText('Small job').count()}`;
    await expect.poll(shown).toBe('1/0');
    await page.waitForTimeout(500);
    expect(await shown()).toBe('1/0');
    expect(await page.getByLabel('Minimum value').inputValue()).toBe('1.000,50');
    expect(problems).toEqual([]);
  }, 120_000);
});
