import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSmtp, useTestSmtp, type TestSmtp } from '../src/test/smtp.js';
import { apiCall as callApi, signUp, startApp, watchForProblems, type RunningApp } from './harness.js';

/** A template written in the app, then an A/B campaign built in the app that tests two subjects, picks the one clicked and sends it to the rest. */
describe('campaigns in a real browser', () => {
  let app: RunningApp;
  let page: Page;
  let base: string;
  let smtp: TestSmtp;
  const problems: string[] = [];
  const apiCall = (method: string, url: string, body?: unknown) => callApi(page, method, url, body);

  beforeAll(async () => {
    app = await startApp({ width: 1400, height: 900 });
    ({ page, base } = app);
    page.setDefaultTimeout(30_000);
    watchForProblems(page, problems);
    smtp = await startTestSmtp();
    await useTestSmtp(app.server.database, smtp.port, { track_clicks: true });
    await signUp(page, base, 'Campaigns');
    for (let i = 0; i < 12; i++) expect((await apiCall('POST', '/api/customers', { first_name: `Reader${i}`, email: `reader${i}@example.org`, consent_email: true, city: 'Nantes' })).status).toBe(201);
    expect((await apiCall('POST', '/api/customers', { first_name: 'NoConsent', email: 'no@example.org', consent_email: false, city: 'Nantes' })).status).toBe(201);
  }, 300_000);
  afterAll(async () => {
    await smtp?.close();
    await app?.close();
  });

  it('writes a template, previews it, builds an A/B campaign with a live count and sends the winner to the rest', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Email templates' }).click();
    await page.getByRole('button', { name: 'New template' }).click();
    const editor = page.getByRole('form', { name: 'Template' });
    await editor.getByLabel('Name').fill('Spring');
    await editor.getByLabel('Subject').fill('Spring for {{ customer.first_name }}');
    // An unknown merge field is refused with the reason.
    const mjml = await editor.getByLabel('MJML').inputValue();
    await editor.getByLabel('MJML').fill(mjml.replace('{{ discount_code }}', '{{ customer.shoe_size }}'));
    await editor.getByRole('button', { name: 'Save' }).click();
    await editor
      .getByText(/unknown merge field customer\.shoe_size/)
      .first()
      .waitFor();
    await editor.getByLabel('MJML').fill(mjml);
    await editor.getByRole('button', { name: 'Preview' }).click();
    await expect.poll(() => page.getByTestId('preview-subject').textContent()).toBe('Spring for Ada');
    await editor.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('list', { name: 'Templates' }).getByText('Spring', { exact: true }).waitFor();

    await page.getByRole('navigation').getByRole('link', { name: 'Campaigns' }).click();
    await page.getByRole('button', { name: 'New campaign' }).click();
    const form = page.getByRole('form', { name: 'Campaign' });
    await form.getByLabel('Name').fill('Spring subject test');
    await form.getByLabel('Who').selectOption('filter');
    await form.getByLabel('Filter (JSON)').fill('{"field":"city","op":"eq","value":"Nantes"}');
    await expect.poll(() => page.getByTestId('audience-count').textContent()).toMatch(/^12 would get it now — of 13 matching, 13 have an email, 12 consented, 0 suppressed/);
    await form.getByRole('button', { name: 'Add a variant (A/B test)' }).click();
    await form.getByLabel('Subject of variant A').fill('A: spring is here');
    await form.getByLabel('Subject of variant B').fill('B: {{ customer.first_name }}, spring is here');
    // The default 20 % test share is too small for twelve people: the page says so.
    await form
      .getByRole('alert')
      .getByText(/too few to tell the variants apart/)
      .waitFor();
    await form.getByLabel(/Test share/).fill('50');
    await form.getByLabel('Wait (hours)').fill('0.01');
    await form.getByRole('button', { name: 'Save draft' }).click();
    await page.getByText('Campaign saved').waitFor();
    await page.getByRole('button', { name: 'Send now' }).click();
    await page.getByText('Campaign sending').waitFor();

    // The test share goes out: three of each subject.
    const test = (await smtp.waitFor(6, 60_000)).slice(0, 6);
    const subjects = test.map((m) => m.subject!.slice(0, 2)).sort();
    expect(subjects).toEqual(['A:', 'A:', 'A:', 'B:', 'B:', 'B:']);
    // Every B recipient clicks its tracked link.
    for (const m of test.filter((x) => x.subject!.startsWith('B:'))) {
      const link = /https:\/\/crm\.example\.com(\/t\/c\/[^"]+)"/.exec(m.html as string)![1].replace(/&amp;/g, '&');
      const status = await page.evaluate(async (url) => (await fetch(url, { redirect: 'manual' })).status, link);
      expect([0, 302]).toContain(status); // an opaque redirect reads as 0 in the browser
    }
    await page.reload();
    await page
      .getByTestId('ab-confidence')
      .getByText(/Variant B is the best with probability \d+ %/)
      .waitFor({ timeout: 30_000 });
    // The wait ends: the winner goes to the other six.
    const all = await smtp.waitFor(12, 120_000);
    const rest = all.slice(6, 12);
    expect(rest.every((m) => m.subject!.startsWith('B: '))).toBe(true);
    await page.reload();
    await page
      .getByTestId('ab-confidence')
      .getByText(/Variant B was chosen/)
      .waitFor();
    await page.getByRole('table', { name: 'Variants' }).getByText('B (winner)').waitFor();
    // The report says what its attributed orders count, and the personal codes the messages carried.
    await page
      .getByTestId('campaign-attribution')
      .getByText(/after their first click, and orders that redeemed one of the campaign's discount codes, in [A-Z]{3}[.;]/)
      .waitFor();
    await page
      .getByTestId('campaign-discount-codes')
      .getByText(/^Discount codes: 12 issued, 0 redeemed by 0 orders\./)
      .waitFor();
    expect(smtp.messages.some((m) => (m.to as { text: string }).text === 'no@example.org')).toBe(false);
    expect(problems).toEqual([]);
  }, 240_000);
});
