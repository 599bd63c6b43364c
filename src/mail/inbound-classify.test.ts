import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixturePath } from '../test/fixtures.js';
import { classifyInboundMail, rowIdFromMessageId, rowIdFromVerp, verpAddress } from './inbound-classify.js';

/**
 * Real bounces, complaints and automatic replies from public test suites (test/fixtures/eml/README.md):
 * each must be put in the class its source states.
 */
const dir = fixturePath('eml');
const expected = JSON.parse(fs.readFileSync(fixturePath('eml', 'expected-classes.json'), 'utf8')) as Record<
  string,
  { expected: string; status?: string; feedback_type?: string; source_class?: string; why?: string }
>;
const files = Object.keys(expected).sort();

const classOf = (c: Awaited<ReturnType<typeof classifyInboundMail>>) => (c.kind === 'bounce' ? `bounce:${c.bounce!.type}` : c.kind);

describe('inbound mail classification against the public corpus', () => {
  it('has every corpus file listed with its source class', () => {
    const onDisk = fs.readdirSync(dir).filter((f) => /^(bounce|autoreply|arf|notbounce)-.*\.eml$/.test(f));
    expect(onDisk.sort()).toEqual(files);
    expect(files.filter((f) => f.startsWith('bounce-')).length).toBeGreaterThanOrEqual(200);
    expect(files.filter((f) => f.startsWith('arf-')).length).toBe(11);
    expect(files.filter((f) => f.startsWith('autoreply-')).length).toBe(5);
  });

  it.each(files)('%s', async (file) => {
    const want = expected[file];
    const c = await classifyInboundMail(fs.readFileSync(`${dir}/${file}`));
    const got = classOf(c);
    switch (want.expected) {
      case 'bounce':
        expect(c.kind, c.reason).toBe('bounce');
        break;
      case 'not_bounce':
        expect(['auto_reply', 'normal']).toContain(c.kind);
        break;
      default:
        expect(got, c.reason).toBe(want.expected);
    }
    // Where the report's own Status field says what the source says (sisimai otherwise prefers a code of
    // the server's answer, e.g. 4.7.1 in "Status: 4.4.7 ... 450 4.7.1"), that exact status is read.
    const raw = fs.readFileSync(`${dir}/${file}`, 'latin1');
    const fieldStatuses = [...raw.matchAll(/^Status:\s*(\d\.\d{1,3}\.\d{1,3})/gim)].map((m) => m[1]);
    if (want.status && fieldStatuses[0] === want.status && !/\.0\.0$/.test(want.status)) expect(c.bounce?.status).toBe(want.status);
    if (c.kind === 'bounce') expect(c.bounce!.status).toMatch(c.bounce!.type === 'hard' ? /^5\.\d+\.\d+$/ : /^4\.\d+\.\d+$/);
    if (want.feedback_type) expect(c.complaint?.feedbackType).toBe(want.feedback_type);
  });

  it('puts every real customer reply and forward of the shared corpus (reply-*, forward-*) among normal mail', async () => {
    const replies = fs.readdirSync(dir).filter((f) => /^(reply|forward)-.*\.eml$/.test(f));
    expect(replies.length).toBeGreaterThan(0);
    for (const f of replies) expect((await classifyInboundMail(fs.readFileSync(`${dir}/${f}`))).kind, f).toBe('normal');
  });

  it('departs from the source class only where the file is listed with the reason', () => {
    const divergent = files.filter((f) => expected[f].source_class);
    expect(divergent).toEqual(['bounce-sisimai-lhost-gmail-08.eml', 'bounce-sisimai-lhost-postfix-34.eml']);
    for (const f of divergent) expect(expected[f].why).toBeTruthy();
  });
});

describe('inbound mail classification of what Rapport sends and receives', () => {
  const rowId = 'msg_01jf8k2m3n4p5q6r7s8t9v0w1x';

  const dsn = (opts: { status: string; action?: string; to?: string; messageId?: string; envid?: string }) =>
    [
      `Return-Path: <>`,
      `From: Mail Delivery System <MAILER-DAEMON@mx.example.net>`,
      `To: ${opts.to ?? 'owner@shop.example'}`,
      `Subject: Undelivered Mail Returned to Sender`,
      `Auto-Submitted: auto-replied`,
      `MIME-Version: 1.0`,
      `Content-Type: multipart/report; report-type=delivery-status; boundary="b1"`,
      ``,
      `--b1`,
      `Content-Type: text/plain`,
      ``,
      `Your message could not be delivered.`,
      ``,
      `--b1`,
      `Content-Type: message/delivery-status`,
      ``,
      `Reporting-MTA: dns; mx.example.net`,
      ...(opts.envid ? [`Original-Envelope-Id: ${opts.envid}`] : []),
      ``,
      `Final-Recipient: rfc822; ada@example.org`,
      `Action: ${opts.action ?? 'failed'}`,
      `Status: ${opts.status}`,
      `Diagnostic-Code: smtp; 550 ${opts.status} user unknown`,
      ``,
      `--b1`,
      `Content-Type: text/rfc822-headers`,
      ``,
      `From: Shop <owner@shop.example>`,
      `To: ada@example.org`,
      `Subject: Spring offer`,
      `Message-ID: ${opts.messageId ?? '<unrelated@elsewhere.example>'}`,
      ``,
      `--b1--`,
      ``,
    ].join('\r\n');

  it('reads our message id from the VERP address, the envelope id or the returned Message-ID', async () => {
    expect(verpAddress(rowId, 'Bounce.Shop.example')).toBe(`bounces+${rowId}@bounce.shop.example`);
    expect(rowIdFromVerp(`Bounces+${rowId.toUpperCase()}@bounce.shop.example`)).toBe(rowId);
    expect(rowIdFromMessageId(`<${rowId}@shop.example>`)).toBe(rowId);
    expect(rowIdFromMessageId('<abc@shop.example>')).toBeUndefined();

    const byVerp = await classifyInboundMail(dsn({ status: '5.1.1', to: verpAddress(rowId, 'bounce.shop.example') }));
    expect(byVerp).toMatchObject({ kind: 'bounce', bounce: { type: 'hard', status: '5.1.1', recipient: 'ada@example.org', messageId: rowId } });
    const byHeader = await classifyInboundMail(dsn({ status: '4.2.2', messageId: `<${rowId}@shop.example>` }));
    expect(byHeader).toMatchObject({ kind: 'bounce', bounce: { type: 'soft', status: '4.2.2', messageId: rowId } });
    const byEnvid = await classifyInboundMail(dsn({ status: '5.2.1', envid: rowId }));
    expect(byEnvid.bounce?.messageId).toBe(rowId);
    const unknown = await classifyInboundMail(dsn({ status: '5.1.1' }));
    expect(unknown.kind).toBe('bounce');
    expect(unknown.bounce?.messageId).toBeUndefined();
  });

  it('a delivered or relayed report is not a bounce; a delay is a soft one', async () => {
    expect((await classifyInboundMail(dsn({ status: '2.0.0', action: 'delivered' }))).kind).toBe('auto_reply');
    expect((await classifyInboundMail(dsn({ status: '4.4.7', action: 'delayed' }))).bounce).toMatchObject({ type: 'soft', status: '4.4.7' });
  });

  it('automatic replies are never bounces, and a reply with Auto-Submitted: no is a normal message', async () => {
    const mail = (headers: string[], subject = 'Re: your order') => [...headers, 'From: Ada <ada@example.org>', 'To: owner@shop.example', `Subject: ${subject}`, '', 'Thanks!', ''].join('\r\n');
    expect((await classifyInboundMail(mail(['Auto-Submitted: auto-replied']))).kind).toBe('auto_reply');
    expect((await classifyInboundMail(mail(['X-Autoreply: yes']))).kind).toBe('auto_reply');
    expect((await classifyInboundMail(mail(['X-Autorespond: on']))).kind).toBe('auto_reply');
    expect((await classifyInboundMail(mail(['Precedence: bulk']))).kind).toBe('auto_reply');
    expect((await classifyInboundMail(mail(['Precedence: junk']))).kind).toBe('auto_reply');
    expect((await classifyInboundMail(mail([], 'Out of Office: back on Monday'))).kind).toBe('auto_reply');
    expect((await classifyInboundMail(mail([], 'Automatic reply: Re: your order'))).kind).toBe('auto_reply');
    expect((await classifyInboundMail(mail(['Auto-Submitted: no']))).kind).toBe('normal');
    expect((await classifyInboundMail(mail([]))).kind).toBe('normal');
    // A customer who writes about a returned parcel is not a mail server.
    expect(await classifyInboundMail(mail([], 'My parcel was returned to sender'))).toMatchObject({ kind: 'normal' });
  });

  it('never throws on input that is not an email', async () => {
    for (const junk of ['', 'garbage', Buffer.from([0, 1, 2, 255, 254]), 'Content-Type: multipart/report; boundary=x\r\n\r\n--x\r\n']) {
      const c = await classifyInboundMail(junk);
      expect(['normal', 'auto_reply', 'bounce']).toContain(c.kind);
    }
  });
});
