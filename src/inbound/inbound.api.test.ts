import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listEvents } from '../core/events.js';
import { testApi, type TestApi } from '../test/api-client.js';
import { engines } from '../test/engines.js';
import { startTestImap, type TestImap } from '../test/imap.js';
import { deliverAllQueued, startTestSmtp, useTestSmtp, type TestSmtp } from '../test/smtp.js';
import { watchMailbox } from './mailboxes.js';

const mail = (o: { from?: string; to?: string; subject: string; body: string; id: string; inReplyTo?: string; references?: string; extra?: string }) =>
  [
    `From: ${o.from ?? 'Ada Lovelace <ada@example.org>'}`,
    `To: ${o.to ?? 'support@shop.example'}`,
    `Subject: ${o.subject}`,
    `Message-ID: <${o.id}>`,
    'Date: Sat, 05 Dec 2026 10:00:00 +0000',
    ...(o.inReplyTo ? [`In-Reply-To: <${o.inReplyTo}>`] : []),
    ...(o.references ? [`References: ${o.references}`] : []),
    ...(o.extra ? [o.extra] : []),
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    o.body,
    '',
  ].join('\r\n');

describe.each(engines)('inbound mail to tickets on %s', (engine) => {
  let api: TestApi;
  let imap: TestImap;
  let smtp: TestSmtp;
  let mailboxId: string;
  let ticketId: string;
  let replyMessageId: string;
  const fetch = async () => (await api.request('POST', `/api/mailboxes/${mailboxId}/fetch`)).body;

  beforeAll(async () => {
    [imap, smtp] = await Promise.all([startTestImap(), startTestSmtp()]);
    api = await testApi(engine, {}, { jobs: false });
    await useTestSmtp(api.db.database, smtp.port, { from_address: 'support@shop.example', from_name: 'Shop support' });
  });
  afterAll(async () => {
    await api?.close();
    await imap?.stop();
    await smtp?.close();
  });

  it('stores a mailbox with its password sealed, refuses plain IMAP to a remote host, and tests the connection against Dovecot', async () => {
    const remote = await api.request('POST', '/api/mailboxes', {
      name: 'Support',
      address: 'support@shop.example',
      host: 'imap.example.com',
      port: 143,
      security: 'none',
      username: 'x',
      password: 'y',
    });
    expect(remote.status).toBe(400);
    expect(Object.keys(remote.body.error.fields)).toContain('security');
    const created = await api.request('POST', '/api/mailboxes', {
      name: 'Support',
      address: 'support@shop.example',
      host: '127.0.0.1',
      port: imap.port,
      security: 'none',
      username: imap.user,
      password: imap.password,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ password_set: true, last_uid: 0, folder: 'INBOX' });
    expect(JSON.stringify(created.body)).not.toContain(imap.password);
    mailboxId = created.body.id;
    const stored = await api.db.database.db.selectFrom('mailboxes').select('password_sealed').where('id', '=', mailboxId).executeTakeFirstOrThrow();
    expect(stored.password_sealed).not.toContain(imap.password);
    const test = await api.request('POST', `/api/mailboxes/${mailboxId}/test`);
    expect(test.body).toMatchObject({ ok: true, idle: true, messages: 0 });
    const wrong = await api.request('POST', '/api/mailboxes', { name: 'Bad', address: 'b@shop.example', host: '127.0.0.1', port: imap.port, security: 'none', username: imap.user, password: 'wrong' });
    const failed = await api.request('POST', `/api/mailboxes/${wrong.body.id}/test`);
    expect(failed.body.ok).toBe(false);
    expect(failed.body.error).toBeTruthy();
    // A change names only what changes: the settings left out keep their values, not the defaults of a new mailbox.
    const paused = await api.request('PATCH', `/api/mailboxes/${wrong.body.id}`, { enabled: false });
    expect(paused.status).toBe(200);
    expect(paused.body).toMatchObject({ enabled: false, security: 'none', port: imap.port, folder: 'INBOX' });
    const renamed = await api.request('PATCH', `/api/mailboxes/${wrong.body.id}`, { name: 'Bad, paused', folder: 'Support' });
    expect(renamed.body).toMatchObject({ name: 'Bad, paused', enabled: false, security: 'none', port: imap.port, folder: 'Support' });
    await api.request('DELETE', `/api/mailboxes/${wrong.body.id}`);
  });

  it('turns a customer mail fetched from Dovecot into a ticket with a new customer, and never fetches it twice', async () => {
    await imap.append(mail({ subject: 'Order 1001 arrived broken', body: 'The teapot was in pieces.\n\nAda', id: 'first-1@example.org' }));
    const first = await fetch();
    expect(first.fetched).toBe(1);
    expect(first.results[0]).toMatchObject({ outcome: 'ticket_created', threaded_by: null });
    ticketId = first.results[0].ticket_id;
    expect((await fetch()).fetched).toBe(0);
    const detail = (await api.request('GET', `/api/tickets/${ticketId}`)).body;
    expect(detail.ticket).toMatchObject({ number: 1, reference: 'T-1', subject: 'Order 1001 arrived broken', channel: 'email', status: 'new', message_count: 1 });
    expect(detail.ticket.customer.email).toBe('ada@example.org');
    expect(detail.messages[0]).toMatchObject({ direction: 'in', from_address: 'ada@example.org', header_message_id: 'first-1@example.org' });
    expect(detail.messages[0].body_text).toContain('The teapot was in pieces.');
    const customer = (await api.request('GET', `/api/customers/${detail.ticket.customer_id}`)).body.customer;
    expect(customer).toMatchObject({ email: 'ada@example.org', first_name: 'Ada', last_name: 'Lovelace' });
    const types = (await listEvents(api.db.database, { limit: 1000 })).filter((e) => e.entity_id === ticketId).map((e) => e.type);
    expect(types).toEqual(expect.arrayContaining(['ticket.created', 'ticket.message_received']));
  });

  it('sends a reply from the app to the SMTP server with the threading headers, and the customer’s answer lands on the same ticket', async () => {
    const reply = await api.request('POST', `/api/tickets/${ticketId}/reply`, { body_text: 'Sorry, Ada! A new teapot is on its way.' });
    expect(reply.status).toBe(201);
    expect(reply.body.ticket.status).toBe('waiting');
    expect(reply.body.ticket.first_response_at).toBeTruthy();
    await deliverAllQueued(api.db.database);
    const [sent] = await smtp.waitFor(1);
    expect(sent.subject).toBe('Re: Order 1001 arrived broken [#T-1]');
    expect(sent.inReplyTo).toBe('<first-1@example.org>');
    expect(sent.references).toEqual('<first-1@example.org>');
    expect(sent.to && !Array.isArray(sent.to) ? sent.to.text : '').toContain('ada@example.org');
    expect(sent.messageId).toMatch(/^<msg_[0-9a-z]{26}@shop\.example>$/);
    replyMessageId = sent.messageId!.slice(1, -1);
    expect(reply.body.message.header_message_id).toBe(replyMessageId);

    // The customer answers from a mail client that drops the tag from the subject: In-Reply-To carries it.
    await imap.append(
      mail({
        subject: 'Re: Order 1001 arrived broken',
        body: 'Thank you!\n\nOn Sat, 5 Dec 2026 at 10:00, Shop support <support@shop.example> wrote:\n> Sorry, Ada!',
        id: 'second-2@example.org',
        inReplyTo: replyMessageId,
        references: `<first-1@example.org> <${replyMessageId}>`,
      }),
    );
    const answer = await fetch();
    expect(answer.results[0]).toMatchObject({ outcome: 'ticket_updated', ticket_id: ticketId, threaded_by: 'message_id' });
    const detail = (await api.request('GET', `/api/tickets/${ticketId}`)).body;
    expect(detail.ticket.status).toBe('open');
    expect(detail.messages.map((m: { direction: string }) => m.direction)).toEqual(['in', 'out', 'in']);
    expect(detail.messages[2].visible_text).toBe('Thank you!');
    expect(detail.messages[2].folded_text).toContain('wrote:');
    expect(detail.messages[2].body_text).toContain('> Sorry, Ada!');
  });

  it('never reopens a resolved ticket for an auto-reply, but a real answer reopens it', async () => {
    const resolved = await api.request('POST', `/api/tickets/${ticketId}/status`, { status: 'resolved' });
    expect(resolved.body.status).toBe('resolved');
    await imap.append(
      mail({ subject: 'Automatic reply: Re: Order 1001', body: 'I am away until Monday.', id: 'auto-3@example.org', inReplyTo: replyMessageId, extra: 'Auto-Submitted: auto-replied' }),
    );
    const auto = await fetch();
    expect(auto.results[0]).toMatchObject({ outcome: 'auto_reply', ticket_id: ticketId });
    expect((await api.request('GET', `/api/tickets/${ticketId}`)).body.ticket.status).toBe('resolved');
    expect((await api.request('GET', '/api/tickets?status=new,open')).body.data.map((t: { id: string }) => t.id)).not.toContain(ticketId);

    await imap.append(mail({ subject: 'Re: Order 1001 arrived broken [#T-1]', body: 'Actually the lid is missing too.', id: 'tag-4@example.org' }));
    const tagged = await fetch();
    expect(tagged.results[0]).toMatchObject({ outcome: 'ticket_updated', ticket_id: ticketId, threaded_by: 'subject_tag' });
    expect((await api.request('GET', `/api/tickets/${ticketId}`)).body.ticket.status).toBe('open');
    const events = (await listEvents(api.db.database, { limit: 1000 })).filter((e) => e.entity_id === ticketId && e.type === 'ticket.status_changed').map((e) => e.data);
    expect(events).toEqual(expect.arrayContaining([expect.objectContaining({ from: 'resolved', to: 'open' })]));
  });

  it('threads by a plus address, refuses someone else’s tag, and opens a linked new ticket after the follow-up window of a closed one', async () => {
    await imap.append(mail({ subject: 'one more thing', body: 'Can I get a gift wrap?', id: 'plus-5@example.org', to: 'support+T-1@shop.example' }));
    expect((await fetch()).results[0]).toMatchObject({ outcome: 'ticket_updated', ticket_id: ticketId, threaded_by: 'plus_address' });

    await imap.append(mail({ from: 'Mallory <mallory@example.net>', subject: 'Re: [#T-1]', body: 'Send the refund to me instead.', id: 'evil-6@example.net' }));
    const stranger = (await fetch()).results[0];
    expect(stranger.outcome).toBe('ticket_created');
    expect(stranger.ticket_id).not.toBe(ticketId);

    const settings = (await api.request('GET', '/api/tickets/settings')).body;
    expect((await api.request('PUT', '/api/tickets/settings', { ...settings, follow_up_days: 0 })).status).toBe(200);
    await api.request('POST', `/api/tickets/${ticketId}/status`, { status: 'closed' });
    await new Promise((r) => setTimeout(r, 5));
    await imap.append(mail({ subject: 'Re: Order 1001 arrived broken [#T-1]', body: 'The new one is broken as well.', id: 'late-7@example.org', inReplyTo: replyMessageId }));
    const late = (await fetch()).results[0];
    expect(late.outcome).toBe('ticket_created');
    const linked = (await api.request('GET', `/api/tickets/${late.ticket_id}`)).body.ticket;
    expect(linked).toMatchObject({ linked_ticket_id: ticketId, status: 'new' });
    expect((await api.request('GET', `/api/tickets/${ticketId}`)).body.ticket.status).toBe('closed');
    await api.request('PUT', '/api/tickets/settings', settings);
  });

  it('refuses a mail over 10 MB from its size and headers, records it and tells the sender, and moves past it', async () => {
    const big = mail({ subject: 'Photos of the damage', body: 'x'.repeat(11 * 1024 * 1024), id: 'big-8@example.org', from: 'Bob <bob@example.org>' });
    await imap.append(big);
    const before = smtp.messages.length;
    const result = await fetch();
    expect(result.results[0]).toMatchObject({ outcome: 'too_large', ticket_id: null });
    expect((await fetch()).fetched).toBe(0);
    const log = (await api.request('GET', '/api/inbound/mail?outcome=too_large')).body.data;
    expect(log[0]).toMatchObject({ from_address: 'bob@example.org', subject: 'Photos of the damage' });
    expect(log[0].size).toBeGreaterThan(11 * 1024 * 1024);
    await deliverAllQueued(api.db.database);
    const notes = await smtp.waitFor(before + 1);
    const note = notes[before];
    expect(note.subject).toBe('Not delivered: Photos of the damage');
    expect(note.text).toContain('10 MB');
  });

  it('refuses a header injection in a reply subject with a 400 and sends nothing', async () => {
    const queued = await api.db.database.db.selectFrom('messages').select('id').execute();
    const bad = await api.request('POST', `/api/tickets/${ticketId}/reply`, { body_text: 'hi', subject: 'Hello\r\nBcc: victim@example.com' });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields)).toEqual(['subject']);
    expect((await api.db.database.db.selectFrom('messages').select('id').execute()).length).toBe(queued.length);
  });

  it('fetches at once when Dovecot reports new mail over IDLE', async () => {
    const fetched: number[] = [];
    const watcher = watchMailbox(api.db.database, mailboxId, { onFetched: (r) => fetched.push(r.fetched), retryMs: 200 });
    try {
      await new Promise((r) => setTimeout(r, 500));
      await imap.append(mail({ from: 'Grace <grace@example.org>', subject: 'Where is my parcel?', body: 'Tracking says nothing.', id: 'idle-9@example.org' }));
      const deadline = Date.now() + 10_000;
      while (!fetched.some((n) => n > 0) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      expect(fetched.some((n) => n > 0)).toBe(true);
      const list = (await api.request('GET', '/api/tickets?q=parcel')).body.data;
      expect(list).toHaveLength(1);
      expect(list[0].customer.email).toBe('grace@example.org');
    } finally {
      await watcher.stop();
    }
  });

  it('takes raw MIME on the webhook only with its token, refuses 50 MB with 413 and a record, and records malformed mail', async () => {
    const token = (await api.request('POST', '/api/inbound/tokens', { name: 'provider' })).body.token as string;
    const post = (body: string | Uint8Array<ArrayBuffer>, headers: Record<string, string> = {}) =>
      api.app.request('/api/inbound/email', { method: 'POST', body, headers: { 'content-type': 'message/rfc822', ...headers } });
    const raw = mail({ from: 'Linus <linus@example.org>', subject: 'Invoice question', body: 'Why two invoices?', id: 'hook-10@example.org' });
    expect((await post(raw)).status).toBe(401);
    expect((await post(raw, { 'x-inbound-token': 'rin_forged' })).status).toBe(401);
    expect((await post(raw, { authorization: `Bearer ${api.token}` })).status).toBe(401);
    const ok = await post(raw, { 'x-inbound-token': token });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ outcome: 'ticket_created' });
    const again = await post(raw, { 'x-inbound-token': token });
    expect(await again.json()).toMatchObject({ outcome: 'duplicate' });

    const huge = new Uint8Array(50 * 1024 * 1024).fill(0x61);
    huge.set(new TextEncoder().encode('From: Big <big@example.org>\r\nSubject: huge\r\nMessage-ID: <huge@example.org>\r\n\r\n'));
    const tooLarge = await post(huge, { 'x-inbound-token': token });
    expect(tooLarge.status).toBe(413);
    const refused = (await api.request('GET', '/api/inbound/mail?outcome=too_large')).body.data;
    expect(refused.some((r: { from_address: string }) => r.from_address === 'big@example.org')).toBe(true);

    const garbage = await post(new Uint8Array([0, 1, 2, 255, 254, 13, 10, 13, 10, 7]) as Uint8Array<ArrayBuffer>, { 'x-inbound-token': token });
    expect(garbage.status).toBe(200);
    expect(await garbage.json()).toMatchObject({ outcome: 'malformed' });
    const truncated = await post('Content-Type: multipart/mixed; boundary="zz"\r\nFrom: half@example.org\r\nSubject: cut\r\n\r\n--zz\r\nContent-Type: text/plain\r\n\r\nhalf a mes', {
      'x-inbound-token': token,
    });
    expect(truncated.status).toBe(200);
    expect(await truncated.json()).toMatchObject({ outcome: 'ticket_created' });
  });

  it('erases the person’s tickets’ messages and inbound records, and exports their tickets first', async () => {
    const detail = (await api.request('GET', `/api/tickets/${ticketId}`)).body;
    const customerId = detail.ticket.customer_id;
    const exported = (await api.request('GET', `/api/customers/${customerId}/export`)).body;
    expect(exported.tickets.map((t: { id: string }) => t.id)).toContain(ticketId);
    expect(JSON.stringify(exported.tickets)).toContain('The teapot was in pieces.');
    expect((await api.request('DELETE', `/api/customers/${customerId}?erase=true`)).status).toBe(204);
    const after = (await api.request('GET', `/api/tickets/${ticketId}`)).body;
    expect(after.ticket.subject).toBe('(erased)');
    expect(after.messages).toEqual([]);
    const inbound = await api.db.database.db.selectFrom('inbound_mail').select(['from_address', 'subject']).where('customer_id', '=', customerId).execute();
    expect(inbound.length).toBeGreaterThan(0);
    expect(inbound.every((r) => r.from_address === null && r.subject === null)).toBe(true);
    const leftovers = await api.db.database.db.selectFrom('inbound_mail').select('id').where('from_address', '=', 'ada@example.org').execute();
    expect(leftovers).toEqual([]);
  });
});
