import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { signedInApp } from './signed-in.js';

/** Buttons that remove or stop something for good ask first; dismissing the question changes nothing. */
describe('destructive actions ask first', () => {
  const s = signedInApp('Loyalty');
  /** Clicks `button`, answers the browser's question, and returns the question asked. */
  const clickAnswering = async (button: ReturnType<Page['getByRole']>, accept: boolean) => {
    const asked = s.page.waitForEvent('dialog').then(async (dialog) => {
      const message = dialog.message();
      await (accept ? dialog.accept() : dialog.dismiss());
      return message;
    });
    await button.click();
    return asked;
  };

  it('asks before removing an earn rule or a reward', async () => {
    const { page, base, problems, apiCall } = s;
    expect((await apiCall('POST', '/api/loyalty/rules', { name: 'A point per euro', kind: 'order', points: 1 })).status).toBe(201);
    expect((await apiCall('POST', '/api/loyalty/rewards', { name: 'Five off', kind: 'discount_code', points_price: 50, discount_amount: 5 })).status).toBe(201);
    await page.goto(`${base}/loyalty`);
    for (const [region, name] of [
      ['Earn rules', 'A point per euro'],
      ['Rewards', 'Five off'],
    ]) {
      const card = page.getByRole('region', { name: region });
      await card.getByText(name).waitFor();
      expect(await clickAnswering(card.getByRole('button', { name: 'Remove' }), false)).toBe(`Remove “${name}”?`);
      await page.waitForTimeout(300);
      expect(await card.getByText(name).count()).toBe(1);
      await clickAnswering(card.getByRole('button', { name: 'Remove' }), true);
      await expect.poll(() => card.getByText(name).count()).toBe(0);
    }
    expect(problems).toEqual([]);
  }, 120_000);

  it('asks before cancelling a campaign or deleting its draft', async () => {
    const { page, base, problems, apiCall } = s;
    const mjml = '<mjml><mj-body><mj-section><mj-column><mj-text>Hello</mj-text></mj-column></mj-section></mj-body></mjml>';
    const template = await apiCall('POST', '/api/templates', { name: 'News', subject: 'News', mjml });
    expect(template.status).toBe(201);
    const campaign = await apiCall('POST', '/api/campaigns', {
      name: 'Winter news',
      audience: { kind: 'filter', filter: { field: 'city', op: 'eq', value: 'Lyon' } },
      variants: [{ template_id: template.body.id }],
    });
    expect(campaign.status).toBe(201);
    await page.goto(`${base}/campaigns/${campaign.body.id}`);
    const cancel = page.getByRole('button', { name: 'Cancel campaign' });
    expect(await clickAnswering(cancel, false)).toMatch(/^Cancel the campaign “Winter news”\?/);
    const del = page.getByRole('button', { name: 'Delete draft' });
    expect(await clickAnswering(del, false)).toBe('Delete the draft “Winter news”?');
    await page.waitForTimeout(300);
    expect((await apiCall('GET', `/api/campaigns/${campaign.body.id}`)).body.status).toBe('draft');
    await clickAnswering(del, true);
    await page.waitForURL(`${base}/campaigns`);
    expect((await apiCall('GET', `/api/campaigns/${campaign.body.id}`)).status).toBe(404);
    expect(problems).toEqual([]);
  }, 120_000);
});
