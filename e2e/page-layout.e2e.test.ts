import { describe, expect, it } from 'vitest';
import { signedInApp } from './signed-in.js';

/** Every page in the navigation sits in the page frame: its heading is inset from the sidebar, not pressed against it. */
describe('page layout', () => {
  const s = signedInApp('Loyalty');

  it('insets the heading of every navigation page from the edge of the main area', async () => {
    const { page, base, problems, apiCall } = s;
    const links = await page
      .getByRole('navigation')
      .getByRole('link')
      .evaluateAll((els) => els.map((el) => el.getAttribute('href') ?? '').filter((href) => href.startsWith('/')));
    expect(links.length).toBeGreaterThan(15);
    const flush: string[] = [];
    for (const href of links) {
      await page.goto(`${base}${href}`);
      const heading = page.locator('main h1').first();
      await heading.waitFor();
      const [main, h1] = await Promise.all([page.locator('main').boundingBox(), heading.boundingBox()]);
      if (!main || !h1 || h1.x - main.x < 16 || h1.y - main.y < 16) flush.push(href);
    }
    expect(flush).toEqual([]);
    expect(problems).toEqual([]);
  }, 300_000);

  it('keeps a seven-figure revenue inside its card and the key numbers apart from the Today card', async () => {
    const { page, base, problems, apiCall } = s;
    const customer = await apiCall('POST', '/api/customers', { first_name: 'Big', last_name: 'Spender', email: 'big@spender.example' });
    expect(customer.status).toBe(201);
    const today = new Date().toISOString().slice(0, 10);
    const orders = await apiCall('POST', '/api/orders/bulk', { create: [{ customer_id: customer.body.id, ordered_at: today, total: 1234567.89, currency: 'EUR' }] });
    expect(orders.status).toBe(200);
    await page.goto(`${base}/`);
    const numbers = page.getByRole('region', { name: 'Key numbers' });
    await numbers.getByText('€1,234,567.89').first().waitFor();
    const fits = await numbers.locator('.stat').evaluateAll((stats) =>
      stats.map((stat) => {
        const value = stat.querySelector('.stat-value')!;
        const inner = stat.getBoundingClientRect().right - parseFloat(getComputedStyle(stat).paddingRight);
        return { text: value.textContent, fits: value.scrollWidth <= value.clientWidth && value.getBoundingClientRect().right <= inner + 0.5 };
      }),
    );
    expect(fits.filter((f) => !f.fits)).toEqual([]);
    const [todayCard, numbersBox] = await Promise.all([page.getByRole('region', { name: 'Today' }).boundingBox(), numbers.boundingBox()]);
    expect(numbersBox!.y - (todayCard!.y + todayCard!.height)).toBeGreaterThanOrEqual(16);
    expect(problems).toEqual([]);
  }, 120_000);

  it('pads the customer panel of a ticket like every other card', async () => {
    const { page, base, problems, apiCall } = s;
    const customer = await apiCall('POST', '/api/customers', { first_name: 'Vase', last_name: 'Owner', email: 'vase@owner.example' });
    const ticket = await apiCall('POST', '/api/tickets', { subject: 'Order arrived broken', customer_id: customer.body.id });
    expect(ticket.status).toBe(201);
    await page.goto(`${base}/tickets/${ticket.body.id}`);
    const panel = page.getByRole('region', { name: 'Customer' });
    const link = panel.getByRole('link', { name: 'Vase Owner' });
    await link.waitFor();
    const [box, inner] = await Promise.all([panel.boundingBox(), link.boundingBox()]);
    expect(inner!.x - box!.x).toBeGreaterThanOrEqual(12);
    expect(problems).toEqual([]);
  }, 120_000);

  it("keeps a customer's contracts inside their card: padded filter, and the term, value and file visible", async () => {
    const { page, base, problems, apiCall } = s;
    const customer = await apiCall('POST', '/api/customers', { first_name: 'Retainer', last_name: 'Client', email: 'retainer@client.example' });
    const contract = await apiCall('POST', '/api/contracts', {
      customer_id: customer.body.id,
      title: 'Illustration retainer',
      starts_on: '2026-01-01',
      ends_on: '2026-12-31',
      value: 600,
      currency: 'EUR',
      billing_period: 'monthly',
    });
    expect(contract.status).toBe(201);
    await page.goto(`${base}/customers/${customer.body.id}`);
    const card = page.getByRole('region', { name: 'Contracts' });
    await card.getByRole('button', { name: 'Illustration retainer' }).waitFor();
    const box = (await card.boundingBox())!;
    const inside = async (name: string, el: ReturnType<typeof card.getByText>) => {
      const b = (await el.boundingBox())!;
      return { name, left: b.x - box.x >= 12, right: box.x + box.width - (b.x + b.width) >= 12 };
    };
    const checks = await Promise.all([
      inside('status filter', card.getByLabel('Contract status')),
      inside('value', card.getByText('€600.00', { exact: false })),
      inside('file', card.getByText('Attach signed file')),
    ]);
    expect(checks.filter((c) => !c.left || !c.right)).toEqual([]);
    expect(await card.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    expect(problems).toEqual([]);
  }, 120_000);

  it('scrolls to each section of Settings from its link at the top', async () => {
    const { page, base, problems } = s;
    await page.goto(`${base}/settings`);
    const nav = page.getByRole('navigation', { name: 'Settings sections' });
    await page.getByRole('heading', { name: 'Account' }).waitFor();
    const links = await nav.getByRole('link').evaluateAll((els) => els.map((el) => [el.textContent!, el.getAttribute('href')!]));
    expect(links.length).toBeGreaterThanOrEqual(8);
    const missed: string[] = [];
    for (const [name, href] of links) {
      await nav.getByRole('link', { name, exact: true }).click();
      // The section comes into the window (the last ones stop short of its top: the page ends).
      const inView = await page
        .waitForFunction(
          (id) => {
            const top = document.querySelector(`section${id}`)?.getBoundingClientRect().top;
            return top !== undefined && top >= -1 && top < window.innerHeight - 40;
          },
          href,
          { timeout: 5_000 },
        )
        .then(
          () => true,
          () => false,
        );
      if (!inView) missed.push(name);
    }
    expect(missed).toEqual([]);
    // Every section of the page has its link.
    const sections = await page.locator('main .stack-lg > section.card[id]').evaluateAll((els) => els.map((el) => `#${el.id}`));
    expect(sections.filter((id) => !links.some(([, href]) => href === id))).toEqual([]);
    expect(problems).toEqual([]);
  }, 120_000);

  it('keeps the Inbox and Quotes lists on a phone screen: their tables scroll inside, the page does not', async () => {
    const { page, base, problems, apiCall } = s;
    const customer = await apiCall('POST', '/api/customers', { first_name: 'Phone', last_name: 'Reader', email: 'phone@reader.example' });
    expect((await apiCall('POST', '/api/tickets', { subject: 'Frame arrived cracked', customer_id: customer.body.id })).status).toBe(201);
    expect((await apiCall('POST', '/api/quotes', { customer_id: customer.body.id, title: 'Poster series', lines: [{ name: 'Poster', quantity: 3, unit_price: 120 }] })).status).toBe(201);
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      const wide: string[] = [];
      for (const [path, text] of [
        ['/tickets', 'Frame arrived cracked'],
        ['/quotes', 'Poster series'],
      ]) {
        await page.goto(`${base}${path}`);
        await page.getByText(text).first().waitFor();
        if (await page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth)) wide.push(path);
      }
      expect(wide).toEqual([]);
    } finally {
      await page.setViewportSize({ width: 1440, height: 900 });
    }
    expect(problems).toEqual([]);
  }, 120_000);
});
