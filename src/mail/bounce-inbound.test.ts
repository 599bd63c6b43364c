import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../core/context.js';
import { eraseCustomer } from '../customer360/erase.js';
import { testApi, type TestApi } from '../test/api-client.js';
import { engines } from '../test/engines.js';
import { fixturePath } from '../test/fixtures.js';
import { deliverAllQueued, startTestSmtp, useTestSmtp, type TestSmtp } from '../test/smtp.js';
import { handleBounceMail, liftExpiredPauses, processBounceMail, purgeBounceRaw } from './bounce-inbound.js';
import { verpAddress } from './inbound-classify.js';
import { queueMail, type QueueMailInput } from './queue.js';
import { closeMailTransport } from './transport.js';

const bounceDomain = 'bounce.shop.example';

/** A delivery status notification as a mail server sends it to the envelope sender of a failed message. */
function dsn(opts: { to: string; recipient: string; status: string; action?: string; messageId?: string }): string {
  return [
    'Return-Path: <>',
    'From: Mail Delivery System <MAILER-DAEMON@mx.example.net>',
    `To: ${opts.to}`,
    'Subject: Undelivered Mail Returned to Sender',
    'Auto-Submitted: auto-replied',
    'MIME-Version: 1.0',
    'Content-Type: multipart/report; report-type=delivery-status; boundary="rep"',
    '',
    '--rep',
    'Content-Type: text/plain',
    '',
    'I am sorry to have to inform you that your message could not be delivered.',
    '',
    '--rep',
    'Content-Type: message/delivery-status',
    '',
    'Reporting-MTA: dns; mx.example.net',
    '',
    `Final-Recipient: rfc822; ${opts.recipient}`,
    `Action: ${opts.action ?? 'failed'}`,
    `Status: ${opts.status}`,
    `Diagnostic-Code: smtp; ${opts.status.startsWith('5') ? '550' : '452'} ${opts.status} ${opts.status.startsWith('5') ? 'user unknown' : 'mailbox full'}`,
    '',
    '--rep',
    'Content-Type: text/rfc822-headers',
    '',
    'From: Rapport Test <owner@example.com>',
    `To: ${opts.recipient}`,
    'Subject: Your order',
    `Message-ID: ${opts.messageId ?? '<not-ours@elsewhere.example>'}`,
    '',
    '--rep--',
    '',
  ].join('\r\n');
}

/** An ARF feedback report (RFC 5965) about a message a recipient marked as spam. */
function arf(opts: { recipient: string; messageId: string }): string {
  return [
    'From: Feedback Loop <fbl@isp.example>',
    'To: abuse@shop.example',
    'Subject: Complaint about message',
    'MIME-Version: 1.0',
    'Content-Type: multipart/report; report-type=feedback-report; boundary="fb"',
    '',
    '--fb',
    'Content-Type: text/plain',
    '',
    'This is an email abuse report.',
    '',
    '--fb',
    'Content-Type: message/feedback-report',
    '',
    'Feedback-Type: abuse',
    'User-Agent: ISP-FBL/1.0',
    'Version: 1',
    `Original-Rcpt-To: ${opts.recipient}`,
    '',
    '--fb',
    'Content-Type: text/rfc822-headers',
    '',
    'From: Rapport Test <owner@example.com>',
    `To: ${opts.recipient}`,
    'Subject: Spring offer',
    `Message-ID: ${opts.messageId}`,
    '',
    '--fb--',
    '',
  ].join('\r\n');
}

describe.each(engines)('bounces and complaints on %s', (engine) => {
  let api: TestApi;
  let smtp: TestSmtp;
  beforeAll(async () => {
    api = await testApi(engine, {}, { jobs: false });
    smtp = await startTestSmtp();
    await useTestSmtp(api.db.database, smtp.port);
  }, 180_000);
  afterAll(async () => {
    closeMailTransport();
    await smtp?.close();
    await api?.close();
  });
  const db = () => api.db.database.db;
  const customer = async (email: string) => (await api.request('POST', '/api/customers', { first_name: 'Test', last_name: email.split('@')[0], email, consent_email: true })).body.id as string;
  /** Queues and delivers one message; returns its id and the envelope it went out with. */
  const send = async (input: Omit<QueueMailInput, 'subject' | 'text' | 'purpose'> & { purpose?: QueueMailInput['purpose'] }) => {
    const { id } = await db()
      .transaction()
      .execute((trx) => queueMail(trx, { subject: 'Your order', text: 'Hello', purpose: 'transactional', ...input }));
    const before = smtp.envelopes.length;
    await deliverAllQueued(api.db.database);
    await smtp.waitFor(before + 1);
    return { id, envelope: smtp.envelopes[before], raw: smtp.raw[before].toString('utf8') };
  };
  const messageOf = async (id: string) => (await api.request('GET', `/api/messages/${id}`)).body;
  const suppressionOf = (address: string) => db().selectFrom('suppressions').selectAll().where('address', '=', address).executeTakeFirst();
  const postBounce = (raw: string, headers: Record<string, string> = {}) =>
    api.app.request('/api/inbound/bounces', { method: 'POST', headers: { authorization: `Bearer ${api.token}`, 'content-type': 'message/rfc822', ...headers }, body: raw });

  it('sends with the VERP envelope sender only when a bounce domain is set, the From header unchanged', async () => {
    const plain = await send({ to: 'plain@example.org' });
    expect(plain.envelope.from).toBe('owner@example.com');
    // The DSN envelope id is the message id, so even without a bounce domain a report can name it.
    expect(plain.envelope.envid).toBe(plain.id);
    let res = await api.request('PUT', '/api/mail/settings', { bounce_domain: 'not a domain' });
    expect(res.status).toBe(400);
    expect(res.body.error.fields.bounce_domain).toBeDefined();
    res = await api.request('PUT', '/api/mail/settings', { bounce_domain: 'Bounce.Shop.Example' });
    expect(res.status).toBe(200);
    expect(res.body.bounce_domain).toBe(bounceDomain);
    const verp = await send({ to: 'ada@example.org' });
    expect(verp.envelope).toEqual({ from: `bounces+${verp.id}@${bounceDomain}`, to: ['ada@example.org'], envid: verp.id });
    expect(verp.raw).toMatch(/^From: Rapport Test <owner@example\.com>/m);
    expect(verp.raw).toContain(`Message-ID: <${verp.id}@example.com>`);
  });

  it('a hard bounce through the webhook marks the message, suppresses the address at once and keeps the raw report', async () => {
    const cid = await customer('gone@example.org');
    const { id, envelope } = await send({ to: 'gone@example.org', customerId: cid });
    const report = dsn({ to: envelope.from, recipient: 'gone@example.org', status: '5.1.1' });
    const res = await postBounce(report);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ recorded: true, kind: 'bounce', bounce_type: 'hard', status: '5.1.1', message_id: id, paused: false });
    expect(await messageOf(id)).toMatchObject({ status: 'bounced_hard' });
    expect(await suppressionOf('gone@example.org')).toMatchObject({ reason: 'hard_bounce', customer_id: cid, message_id: id });
    const events = await db().selectFrom('events').select(['type', 'data']).where('entity_id', '=', id).where('type', '=', 'message.bounced').execute();
    expect(events).toHaveLength(1);
    const shown = (await api.request('GET', `/api/messages/${id}/bounces`)).body.data;
    expect(shown).toHaveLength(1);
    expect(shown[0]).toMatchObject({ kind: 'hard', status: '5.1.1', recipient: 'gone@example.org', source: 'webhook', raw_purged_at: null });
    expect(shown[0].raw).toBe(report);
    // The next message to that address is not sent.
    const next = await db()
      .transaction()
      .execute((trx) => queueMail(trx, { to: 'gone@example.org', subject: 'Again', text: 'x', purpose: 'transactional' }));
    await deliverAllQueued(api.db.database);
    expect(await messageOf(next.id)).toMatchObject({ status: 'suppressed' });
    expect((await api.request('GET', '/api/messages/msg_nope/bounces')).status).toBe(404);
  });

  it('a real Postfix bounce addressed to the VERP return path is matched to its message', async () => {
    const { id, envelope } = await send({ to: 'kijitora@example.co.jp' });
    const postfix = fs.readFileSync(fixturePath('eml', 'bounce-sisimai-lhost-postfix-04.eml'), 'utf8').replace(/^To: .*$/m, `To: ${envelope.from}`);
    const handled = await processBounceMail(api.db.database, postfix);
    expect(handled).toMatchObject({ recorded: true, messageId: id, classification: { kind: 'bounce', bounce: { type: 'hard', status: '5.1.1' } } });
    expect(await messageOf(id)).toMatchObject({ status: 'bounced_hard' });
  });

  it('a complaint (ARF) found by the returned Message-ID suppresses the address', async () => {
    const { id } = await send({ to: 'angry@example.org' });
    expect(await handleBounceMail(api.db.database, arf({ recipient: 'angry@example.org', messageId: `<${id}@example.com>` }))).toBe(true);
    expect(await messageOf(id)).toMatchObject({ status: 'complained' });
    expect(await suppressionOf('angry@example.org')).toMatchObject({ reason: 'complaint' });
    expect((await api.request('GET', `/api/messages/${id}/bounces`)).body.data[0]).toMatchObject({ kind: 'complaint', status: 'abuse' });
    // An authentication-failure report (RFC 6591) is no complaint by the recipient: nothing changes.
    const other = await send({ to: 'spf@example.org' });
    const authFailure = arf({ recipient: 'spf@example.org', messageId: `<${other.id}@example.com>` }).replace('Feedback-Type: abuse', 'Feedback-Type: auth-failure');
    expect(await handleBounceMail(api.db.database, authFailure)).toBe(false);
    expect(await messageOf(other.id)).toMatchObject({ status: 'sent' });
    expect(await suppressionOf('spf@example.org')).toBeUndefined();
  });

  it('automatic replies, reports about unknown messages and ordinary mail record nothing', async () => {
    const { id, envelope } = await send({ to: 'away@example.org' });
    const vacation = fs.readFileSync(fixturePath('eml', 'autoreply-sisimai-rfc3834-01.eml'), 'utf8').replace(/^To: .*$/m, `To: ${envelope.from}`);
    const before = await db().selectFrom('mail_bounces').select('id').execute();
    let res = await postBounce(vacation);
    expect(await res.json()).toMatchObject({ recorded: false, kind: 'auto_reply', bounce_id: null });
    expect(await messageOf(id)).toMatchObject({ status: 'sent' });
    const unknown = dsn({ to: `bounces+msg_00000000000000000000000000@${bounceDomain}`, recipient: 'away@example.org', status: '5.1.1' });
    res = await postBounce(unknown);
    expect(await res.json()).toMatchObject({ recorded: false, kind: 'bounce', message_id: 'msg_00000000000000000000000000' });
    expect(await handleBounceMail(api.db.database, 'From: someone@example.org\r\nSubject: hello\r\n\r\nJust saying hi\r\n')).toBe(false);
    expect(await db().selectFrom('mail_bounces').select('id').execute()).toHaveLength(before.length);
    expect(await suppressionOf('away@example.org')).toBeUndefined();
    // Bad input: a clear error, never a 500; no token: 401.
    res = await postBounce('');
    expect(res.status).toBe(400);
    res = await api.app.request('/api/inbound/bounces', { method: 'POST', headers: { 'content-type': 'message/rfc822' }, body: unknown });
    expect(res.status).toBe(401);
  });

  it('soft bounces only mark the message; the third within 30 days pauses the address', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const { id, envelope } = await send({ to: 'full@example.org' });
      ids.push(id);
      const handled = await processBounceMail(api.db.database, dsn({ to: envelope.from, recipient: 'full@example.org', status: '4.2.2' }));
      expect(handled).toMatchObject({ recorded: true, paused: i === 2 });
      expect(await messageOf(id)).toMatchObject({ status: 'bounced_soft' });
      if (i < 2) expect(await suppressionOf('full@example.org')).toBeUndefined();
    }
    expect(await suppressionOf('full@example.org')).toMatchObject({ reason: 'soft_bounces', message_id: ids[2] });
    // The pause ends after 30 days: the address gets mail again.
    expect(await liftExpiredPauses(api.db.database)).toBe(0);
    expect(await liftExpiredPauses(api.db.database, new Date(Date.now() + 31 * 86_400_000))).toBe(1);
    expect(await suppressionOf('full@example.org')).toBeUndefined();
    // A later hard report about a soft-bounced message still outranks it.
    const { envelope: e2, id: hardId } = await send({ to: 'other-full@example.org' });
    await processBounceMail(api.db.database, dsn({ to: e2.from, recipient: 'other-full@example.org', status: '4.2.2' }));
    await processBounceMail(api.db.database, dsn({ to: e2.from, recipient: 'other-full@example.org', status: '4.2.2' }));
    expect(await suppressionOf('other-full@example.org')).toBeUndefined();
    await processBounceMail(api.db.database, dsn({ to: e2.from, recipient: 'other-full@example.org', status: '5.1.1' }));
    expect(await messageOf(hardId)).toMatchObject({ status: 'bounced_hard' });
    expect(await suppressionOf('other-full@example.org')).toMatchObject({ reason: 'hard_bounce' });
  });

  it('empties raw reports after 30 days and deletes them with the person', async () => {
    const cid = await customer('old@example.org');
    const { id, envelope } = await send({ to: 'old@example.org', customerId: cid });
    await processBounceMail(api.db.database, dsn({ to: envelope.from, recipient: 'old@example.org', status: '5.1.1' }), { receivedAt: new Date(Date.now() - 31 * 86_400_000) });
    const recent = await send({ to: 'recent@example.org' });
    await processBounceMail(api.db.database, dsn({ to: recent.envelope.from, recipient: 'recent@example.org', status: '5.1.1' }));
    expect(await purgeBounceRaw(api.db.database)).toBe(1);
    expect(await purgeBounceRaw(api.db.database)).toBe(0);
    const [old] = (await api.request('GET', `/api/messages/${id}/bounces`)).body.data;
    expect(old).toMatchObject({ raw: null, kind: 'hard', status: '5.1.1' });
    expect(old.raw_purged_at).not.toBeNull();
    expect((await api.request('GET', `/api/messages/${recent.id}/bounces`)).body.data[0].raw).toContain('Final-Recipient: rfc822; recent@example.org');
    // The data-subject export lists the person's bounces; erasing the person deletes them.
    const exported = (await api.request('GET', `/api/customers/${cid}/export`)).body;
    expect(exported.mail.bounces).toMatchObject([{ message_id: id, kind: 'hard', recipient: 'old@example.org' }]);
    const ctx: Ctx = { database: api.db.database, actor: 'test' };
    await eraseCustomer(ctx, cid);
    expect(await db().selectFrom('mail_bounces').select('id').where('message_id', '=', id).execute()).toHaveLength(0);
  });
});
