import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCall as callApi, axeViolations, signUp, startApp, watchForProblems, type RunningApp } from './harness.js';
import { fixturePath } from '../src/test/fixtures.js';
import { startTestImap, type TestImap } from '../src/test/imap.js';

/** The support inbox in a real browser: the order of what matters, keyboard navigation, resolving, replying and the customer's value beside the conversation. */
describe('tickets in a real browser', () => {
  let app: RunningApp;
  let page: Page;
  let base: string;
  const problems: string[] = [];
  let imap: TestImap | undefined;
  const apiCall = (method: string, url: string, body?: unknown) => callApi(page, method, url, body);

  beforeAll(async () => {
    app = await startApp({ width: 1400, height: 900 });
    ({ page, base } = app);
    page.setDefaultTimeout(30_000);
    watchForProblems(page, problems);
    await signUp(page, base, 'Inbox');
  }, 300_000);
  afterAll(async () => {
    await app?.close();
    await imap?.stop();
  });

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

  it('adds a canned reply and an inbound token on the support settings page, then answers a ticket with the canned reply', async () => {
    const cara = (await apiCall('POST', '/api/customers', { first_name: 'Cara', last_name: 'Client', email: 'cara@client.example' })).body.id as string;
    const ticket = (await apiCall('POST', '/api/tickets', { customer_id: cara, subject: 'Where is my invoice?', message: 'I cannot find it.' })).body;

    await page.getByRole('navigation').getByRole('link', { name: 'Inbox' }).click();
    await page.getByRole('link', { name: 'Support settings' }).click();
    await page.getByRole('heading', { name: 'Support settings' }).waitFor();
    await page.getByRole('button', { name: 'Add canned reply' }).click();
    const form = page.getByRole('form', { name: 'New canned reply' });
    // A Liquid mistake is refused and shown next to the text; the text stays for correcting.
    await form.getByLabel('Name').fill('Invoice resent');
    await form.getByLabel('Text').fill('Hi {{ customer.first_name }}, {% if ticket.kind %}sent');
    await form.getByRole('button', { name: 'Add canned reply' }).click();
    await form
      .getByRole('alert')
      .filter({ hasText: /not closed|if/ })
      .first()
      .waitFor();
    await form.getByLabel('Text').fill('Hi {{ customer.first_name }}, the invoice for {{ ticket.reference }} is on its way.');
    await form.getByRole('button', { name: 'Add canned reply' }).click();
    await page.getByRole('button', { name: 'Edit Invoice resent' }).waitFor();

    await page.getByLabel('Token name').fill('Mail provider');
    await page.getByRole('button', { name: 'Create token' }).click();
    const token = await page.getByLabel('Token for Mail provider').textContent();
    expect(token).toMatch(/^rin_/);
    expect((await apiCall('GET', '/api/inbound/tokens')).body.data.map((t: { name: string }) => t.name)).toEqual(['Mail provider']);
    expect(await axeViolations(page)).toEqual([]);
    // A real mail posted as the page says opens a ticket.
    expect(await page.getByTestId('inbound-how').textContent()).toContain('X-Inbound-Token header');
    const posted = await fetch(`${base}/api/inbound/email`, {
      method: 'POST',
      headers: { 'x-inbound-token': token!, 'content-type': 'message/rfc822' },
      body: fs.readFileSync(fixturePath('eml', 'reply-talon-gmail.eml')),
    });
    expect(posted.status).toBe(200);
    const result = await posted.json();
    expect(result.outcome).toBe('ticket_created');
    expect((await apiCall('GET', `/api/tickets/${result.ticket_id}`)).status).toBe(200);

    await page.goto(`${base}/tickets/${ticket.id}`);
    await page.getByLabel('Canned reply').selectOption({ label: 'Invoice resent' });
    await page.getByRole('button', { name: 'Send reply' }).click();
    await page.getByText(`Hi Cara, the invoice for ${ticket.reference} is on its way.`).waitFor();
    const detail = (await apiCall('GET', `/api/tickets/${ticket.id}`)).body;
    expect(detail.messages.map((m: { direction: string; body_text: string }) => [m.direction, m.body_text])).toEqual([
      ['in', 'I cannot find it.'],
      ['out', `Hi Cara, the invoice for ${ticket.reference} is on its way.`],
    ]);
    expect(problems).toEqual([]);
  }, 120_000);

  it('adds a support mailbox and tests its connection against Dovecot, and saves service levels with a refusal shown next to its field', async () => {
    imap = await startTestImap();
    await page.goto(`${base}/tickets/settings`);
    await page.getByRole('button', { name: 'Add mailbox' }).click();
    const form = page.getByRole('form', { name: 'New mailbox' });
    await form.getByLabel('Support address').fill('support@shop.example');
    await form.getByLabel('IMAP server').fill('127.0.0.1');
    await form.getByLabel('Security').selectOption('none');
    await form.getByLabel('Port', { exact: true }).fill(String(imap.port));
    await form.getByLabel('User name').fill(imap.user);
    await form.getByLabel('Password', { exact: true }).fill(imap.password);
    await form.getByRole('button', { name: 'Add mailbox' }).click();
    await page.getByRole('button', { name: 'Test connection' }).click();
    await page.getByText(/Connected: 0 messages in INBOX, new mail arrives at once \(IDLE\)/).waitFor();
    const [mailbox] = (await apiCall('GET', '/api/mailboxes')).body.data;
    expect(mailbox).toMatchObject({ address: 'support@shop.example', host: '127.0.0.1', port: imap.port, security: 'none', password_set: true, enabled: true });
    await imap.append(
      [
        'From: Dora Doe <dora@doe.example>',
        'To: support@shop.example',
        'Subject: The lid does not fit',
        'Message-ID: <lid-1@doe.example>',
        'Date: Sat, 05 Dec 2026 10:00:00 +0000',
        'Content-Type: text/plain; charset=utf-8',
        '',
        'The lid is too small.',
        '',
      ].join('\r\n'),
    );
    await page.getByRole('button', { name: 'Fetch now' }).click();
    await page.getByText('Fetched 1 new mail.').waitFor();
    expect((await apiCall('GET', '/api/tickets?q=lid')).body.data.map((t: { subject: string }) => t.subject)).toEqual(['The lid does not fit']);

    const sla = page.getByRole('form', { name: 'Service levels' });
    await sla.getByLabel('Monday').fill('08:00-12:00, 13:00-16:00');
    await sla.getByLabel('Holidays (closed all day)').fill('2026-12-24\n24.12.2026');
    await sla.getByRole('button', { name: 'Save service levels' }).click();
    await sla.getByText('a date as YYYY-MM-DD').waitFor();
    expect((await apiCall('GET', '/api/tickets/settings')).body.hours.mon).toEqual([['09:00', '17:00']]);
    await sla.getByLabel('Holidays (closed all day)').fill('2026-12-24');
    await sla.getByRole('button', { name: 'Save service levels' }).click();
    await page.getByText('Service levels saved; new tickets use them').waitFor();
    const saved = (await apiCall('GET', '/api/tickets/settings')).body;
    expect(saved.hours.mon).toEqual([
      ['08:00', '12:00'],
      ['13:00', '16:00'],
    ]);
    expect(saved.holidays).toEqual(['2026-12-24']);
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  }, 120_000);
});
