import { createHmac } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeTwilio, type FakeTwilio } from '../src/test/fake-twilio.js';
import { startTestSmtp, type TestSmtp } from '../src/test/smtp.js';
import { apiCall as callApi, signUp, startApp, watchForProblems, type RunningApp } from './harness.js';

const accountSid = 'AC0123456789abcdef0123456789abcdef';
const authToken = 'e2e-auth-token-0123456789abcdef';

/** Bounces and SMS in a real browser: a bounce shown on its message, a text written with its segment count, sent and reported delivered. */
describe('bounces and SMS in a real browser', () => {
  let app: RunningApp;
  let page: Page;
  let base: string;
  let smtp: TestSmtp;
  let twilio: FakeTwilio;
  const problems: string[] = [];
  const apiCall = (method: string, url: string, body?: unknown) => callApi(page, method, url, body);

  beforeAll(async () => {
    app = await startApp({ width: 1400, height: 900 });
    ({ page, base } = app);
    smtp = await startTestSmtp();
    twilio = await startFakeTwilio({ accountSid, authToken });
    page.setDefaultTimeout(30_000);
    watchForProblems(page, problems);
    await signUp(page, base, 'SMS');
    const mail = await apiCall('PUT', '/api/mail/settings', {
      host: '127.0.0.1',
      port: smtp.port,
      security: 'none',
      from_name: 'Shop',
      from_address: 'owner@shop.example',
      public_url: base,
      bounce_domain: 'bounce.shop.example',
    });
    expect(mail.status).toBe(200);
  }, 300_000);
  afterAll(async () => {
    await twilio?.close();
    await smtp?.close();
    await app?.close();
  });

  it('shows a hard bounce with its raw report on the message it is about', async () => {
    const ticket = (await apiCall('POST', '/api/tickets', { email: 'gone@example.org', name: 'Gone', subject: 'Where is my parcel?', message: 'Hello?' })).body;
    expect((await apiCall('POST', `/api/tickets/${ticket.id}/reply`, { body_text: 'It left today.' })).status).toBeLessThan(300);
    const [sent] = await smtp.waitFor(1, 30_000);
    const envelope = smtp.envelopes[0];
    expect(envelope.from).toMatch(/^bounces\+msg_[0-9a-z]{26}@bounce\.shop\.example$/);
    const report = [
      'Return-Path: <>',
      'From: Mail Delivery System <MAILER-DAEMON@mx.example.org>',
      `To: ${envelope.from}`,
      'Subject: Undelivered Mail Returned to Sender',
      'MIME-Version: 1.0',
      'Content-Type: multipart/report; report-type=delivery-status; boundary="r"',
      '',
      '--r',
      'Content-Type: text/plain',
      '',
      'Your message could not be delivered.',
      '--r',
      'Content-Type: message/delivery-status',
      '',
      'Reporting-MTA: dns; mx.example.org',
      '',
      'Final-Recipient: rfc822; gone@example.org',
      'Action: failed',
      'Status: 5.1.1',
      'Diagnostic-Code: smtp; 550 5.1.1 <gone@example.org>: Recipient address rejected: User unknown',
      '--r--',
      '',
    ].join('\r\n');
    const posted = await page.evaluate(async (raw) => {
      const status = await (await fetch('/api/auth/status')).json();
      const res = await fetch('/api/inbound/bounces', { method: 'POST', headers: { 'content-type': 'message/rfc822', 'x-csrf-token': status.csrf_token }, body: raw });
      return { status: res.status, body: await res.json() };
    }, report);
    expect(posted).toMatchObject({ status: 200, body: { recorded: true, kind: 'bounce', bounce_type: 'hard', status: '5.1.1' } });

    await page.getByRole('navigation').getByRole('link', { name: 'Sent email' }).click();
    await page.getByLabel('Status').selectOption('bounced_hard');
    await page.getByRole('link', { name: sent.subject! }).click();
    const reports = page.getByTestId('bounce-report');
    await reports.getByText('hard bounce').waitFor();
    await reports.getByText('Recipient address rejected: User unknown', { exact: false }).first().waitFor();
    await reports.getByText(/Raw report/).click();
    await expect(reports.locator('pre').textContent()).resolves.toContain('Final-Recipient: rfc822; gone@example.org');
    // The address is suppressed: listed with the reason.
    const suppressions = await apiCall('GET', '/api/suppressions');
    expect(suppressions.body.data).toMatchObject([{ address: 'gone@example.org', reason: 'hard_bounce' }]);
  });

  it('writes a text with its segment count, sends it through the provider and shows it delivered after the signed report', async () => {
    expect(
      (await apiCall('PUT', '/api/sms/settings', { account_sid: accountSid, auth_token: authToken, from_number: '+15017122661', base_url: twilio.baseUrl, allow_private_base_url: true })).status,
    ).toBe(200);
    const sam = (await apiCall('POST', '/api/customers', { first_name: 'Sam', last_name: 'Text', phone: '+14155550123' })).body.id as string;
    await page.getByRole('navigation').getByRole('link', { name: 'SMS' }).click();
    const form = page.getByRole('form', { name: 'Send a text' });
    await form.getByLabel('Customer ID').fill(sam);
    await form.getByLabel('Text').fill('Crème brûlée tonight?');
    await expect(page.getByTestId('sms-segments').textContent()).resolves.toBeTruthy();
    await page.getByTestId('sms-segments').getByText(/UCS-2/).waitFor();
    await page.getByTestId('sms-segments').getByText(/“û”/).waitFor();
    await form.getByLabel('Text').fill('Your table for 2 is booked for 8 pm tonight.');
    await page
      .getByTestId('sms-segments')
      .getByText(/GSM-7, 44 of 160 characters/)
      .waitFor();
    await form.getByRole('button', { name: 'Send text' }).click();
    await page.getByText('Text queued to +14155550123.').waitFor();

    for (let i = 0; i < 200 && !twilio.requests.some((r) => r.sid); i++) await new Promise((r) => setTimeout(r, 100));
    const req = twilio.requests.find((r) => r.sid)!;
    expect(req.params).toMatchObject({ To: '+14155550123', Body: 'Your table for 2 is booked for 8 pm tonight.' });
    const callback = req.params.StatusCallback;
    expect(callback.startsWith(`${base}/sms/status?id=sms_`)).toBe(true);
    const params = { AccountSid: accountSid, MessageSid: req.sid!, MessageStatus: 'delivered' };
    const signature = createHmac('sha1', authToken)
      .update(
        callback +
          Object.keys(params)
            .sort()
            .map((k) => k + params[k as keyof typeof params])
            .join(''),
      )
      .digest('base64');
    const forged = await fetch(callback, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': 'AAAA' }, body: new URLSearchParams(params) });
    expect(forged.status).toBe(403);
    const ok = await fetch(callback, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature }, body: new URLSearchParams(params) });
    expect(ok.status).toBe(204);
    await page.reload();
    await page.getByRole('table').getByText('delivered').waitFor();
    expect(problems).toEqual([]);
  });
});
