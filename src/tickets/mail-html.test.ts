import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { processInboundMail } from '../inbound/pipeline.js';
import { testApi, type TestApi } from '../test/api-client.js';
import { engines } from '../test/engines.js';
import { mailHtmlView } from './mail-html.js';

const hostile = `<html><head><style>body{display:none}</style><script>parent.document.title='owned'</script></head>
<body onload="steal()"><p style="color:#0a0" onclick="steal()">Hello <b>there</b>, see <a href="javascript:steal()">this</a> and <a href="https://shop.example/order/7">the order</a>.</p>
<img src="https://tracker.example/open.gif?u=1" alt="pixel" onerror="steal()"><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="inline">
<iframe src="https://evil.example/"></iframe><form action="https://evil.example/"><input name="card"></form><svg><script>steal()</script></svg><object data="x.swf"></object>
<div class="gmail_quote">On Fri, 4 Dec 2026, Support wrote:<blockquote>What is your order number?</blockquote></div></body></html>`;

describe('the HTML part of a mail, made fit to show', () => {
  it('keeps the text and markup of the allow-list and drops scripts, handlers, frames, forms, objects and style sheets', () => {
    const { document } = mailHtmlView(hostile, { images: false });
    const body = document.slice(document.indexOf('<body>'));
    expect(body).toContain('<p style="color:#0a0">Hello <b>there</b>');
    expect(body).toContain('<a href="https://shop.example/order/7" target="_blank" rel="noopener noreferrer">the order</a>');
    for (const gone of ['<script', 'steal()', 'javascript:', 'onload', 'onclick', 'onerror', '<iframe', '<form', '<input', '<object', '<svg', 'display:none']) expect(body).not.toContain(gone);
  });

  it('leaves remote images out until asked for, saying so; data: images always show', () => {
    const blocked = mailHtmlView(hostile, { images: false });
    expect(blocked.remoteImages).toBe(true);
    expect(blocked.document).not.toContain('tracker.example');
    expect(blocked.document).toContain('<img alt="pixel" />');
    expect(blocked.document).toContain('src="data:image/gif;base64,');
    expect(blocked.document).toContain('Images from other servers are held back');
    const loaded = mailHtmlView(hostile, { images: true });
    expect(loaded.document).toContain('src="https://tracker.example/open.gif?u=1"');
    expect(loaded.document).not.toContain('held back');
    expect(mailHtmlView('<p>No pictures</p>', { images: false }).remoteImages).toBe(false);
  });

  it('folds the quoted earlier mail (gmail_quote, blockquote) under "Show quoted text"', () => {
    const { document } = mailHtmlView(hostile, { images: false });
    expect(document).toMatch(/<details class="rapport-quote"><summary>Show quoted text<\/summary>On Fri, 4 Dec 2026, Support wrote:/);
    expect(document).not.toMatch(/<details[^>]* open/);
  });
});

describe.each(engines)('a message’s HTML page on %s', (engine) => {
  let api: TestApi;
  let ticketId: string;
  let htmlMessage: string;
  beforeAll(async () => {
    api = await testApi(engine, {}, { jobs: false });
    const boundary = 'b1';
    const raw = [
      'From: Ann Buyer <ann@example.org>',
      'To: support@shop.example',
      'Subject: Where is my order?',
      'Message-ID: <html-view-1@example.org>',
      'MIME-Version: 1.0',
      `Content-Type: multipart/alternative; boundary="${boundary}"`,
      '',
      `--${boundary}`,
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Hello there, see the order.',
      `--${boundary}`,
      'Content-Type: text/html; charset=utf-8',
      '',
      hostile,
      `--${boundary}--`,
      '',
    ].join('\r\n');
    const result = await processInboundMail(api.db.database, Buffer.from(raw), { source: 'test' });
    ticketId = result.ticket_id!;
    htmlMessage = (await api.request('GET', `/api/tickets/${ticketId}`)).body.messages[0].id;
  });
  afterAll(async () => api?.close());

  it('serves the sanitised page with a policy under which nothing runs and no remote image loads', async () => {
    const res = await api.request('GET', `/api/tickets/${ticketId}/messages/${htmlMessage}/html`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const policy = res.headers.get('content-security-policy')!;
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain('img-src data:;');
    expect(policy).toContain('sandbox');
    expect(policy).not.toContain('script-src');
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(res.body).toContain('Hello <b>there</b>');
    expect(res.body).not.toContain('<script');
    expect(res.body).not.toContain('tracker.example');
    const loaded = await api.request('GET', `/api/tickets/${ticketId}/messages/${htmlMessage}/html?images=true`);
    expect(loaded.headers.get('content-security-policy')).toContain('img-src data: http: https:');
    expect(loaded.body).toContain('https://tracker.example/open.gif');
    const messages = (await api.request('GET', `/api/tickets/${ticketId}`)).body.messages;
    expect(messages[0].remote_images).toBe(true);
  });

  it('answers 404 for an unknown message, a message of another ticket or one without HTML, and 400 for a bad images value', async () => {
    expect((await api.request('GET', `/api/tickets/${ticketId}/messages/msg_unknown/html`)).status).toBe(404);
    const other = (await api.request('POST', '/api/tickets', { subject: 'Phone call', channel: 'phone', email: 'bob@example.org', message: 'Called about a refund' })).body;
    expect((await api.request('GET', `/api/tickets/${other.id}/messages/${htmlMessage}/html`)).status).toBe(404);
    const plain = (await api.request('GET', `/api/tickets/${other.id}`)).body.messages[0].id;
    const none = await api.request('GET', `/api/tickets/${other.id}/messages/${plain}/html`);
    expect(none.status).toBe(404);
    expect(none.body.error.message).toContain('HTML part');
    expect((await api.request('GET', `/api/tickets/${other.id}`)).body.messages[0].remote_images).toBe(false);
    expect((await api.request('GET', `/api/tickets/${ticketId}/messages/${htmlMessage}/html?images=yes`)).status).toBe(400);
  });
});
