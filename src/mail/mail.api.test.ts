import type { ParsedMail } from 'mailparser';
import { authenticate } from 'mailauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApi, type TestApi } from '../test/api-client.js';
import { engines } from '../test/engines.js';
import { startTestSmtp, useTestSmtp, type TestSmtp } from '../test/smtp.js';
import { deliverQueuedMail } from './deliver.js';
import { queueMail, type QueueMailInput } from './queue.js';
import { closeMailTransport } from './transport.js';

/** A header as sent, folding undone. */
const header = (mail: ParsedMail, name: string) => {
  const line = mail.headerLines.find((h) => h.key === name.toLowerCase())?.line;
  return line
    ?.slice(line.indexOf(':') + 1)
    .replace(/\r?\n[ \t]+/g, ' ')
    .trim();
};

describe.each(engines)('mail API, consent and suppression on %s', (engine) => {
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
  const queue = (input: QueueMailInput) => api.db.database.db.transaction().execute((trx) => queueMail(trx, input));
  // Passes until nothing due is left: mail without a sender goes at the default 5 a second.
  const deliver = async () => {
    for (let i = 0; i < 40; i++) {
      await deliverQueuedMail(api.db.database);
      const due = await api.db.database.db.selectFrom('messages').select('id').where('status', '=', 'queued').where('next_attempt_at', '<=', new Date().toISOString()).limit(1).execute();
      if (due.length === 0) return;
      await new Promise((r) => setTimeout(r, 250));
    }
  };
  const customer = async (email: string, consent: boolean) =>
    (await api.request('POST', '/api/customers', { first_name: 'Test', last_name: email.split('@')[0], email, consent_email: consent })).body.id as string;
  const count = async (table: string) =>
    Number(
      (
        await api.db.database.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('stores the SMTP password sealed, never returns it, and refuses bad settings without changing anything', async () => {
    let res = await api.request('PUT', '/api/mail/settings', { user: 'mailer', password: 's3cret-pass' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ user: 'mailer', password_set: true, configured: true, host: '127.0.0.1' });
    expect(JSON.stringify(res.body)).not.toContain('s3cret-pass');
    const stored = await api.db.database.db.selectFrom('settings').select('value').where('setting_key', '=', 'mail.smtp').executeTakeFirstOrThrow();
    expect(stored.value).not.toContain('s3cret-pass');
    res = await api.request('PUT', '/api/mail/settings', { host: 'smtp.example.com', security: 'none' });
    expect(res.status).toBe(400);
    expect(res.body.error.fields.security).toBeDefined();
    res = await api.request('PUT', '/api/mail/settings', { from_name: 'Evil\r\nBcc: x@example.org' });
    expect(res.status).toBe(400);
    expect(res.body.error.fields.from_name).toBeDefined();
    res = await api.request('PUT', '/api/mail/settings', { port: 70000, from_address: 'nope' });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.error.fields).sort()).toEqual(['from_address', 'port']);
    res = await api.request('GET', '/api/mail/settings');
    expect(res.body).toMatchObject({ host: '127.0.0.1', security: 'none', port: smtp.port, from_name: 'Rapport Test', user: 'mailer', password_set: true });
  });

  it('sends a test message with the stored credentials and reports the server answer', async () => {
    const before = smtp.messages.length;
    const res = await api.request('POST', '/api/mail/test', { to: 'check@example.org' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ok: true, to: 'check@example.org', error: null });
    expect(res.body.response).toMatch(/^250 /);
    const got = await smtp.waitFor(before + 1);
    expect(got[before].subject).toBe('Rapport test message');
    expect(smtp.logins.at(-1)).toBe('mailer');
    // Nothing listening: a clear error, not a 500.
    await api.request('PUT', '/api/mail/settings', { port: 9 });
    const down = await api.request('POST', '/api/mail/test', {});
    expect(down.status).toBe(200);
    expect(down.body).toMatchObject({ ok: false, to: 'owner@example.com' });
    expect(down.body.error).toMatch(/connect|refused/i);
    await api.request('PUT', '/api/mail/settings', { port: smtp.port, user: null, password: null });
  });

  it('marketing mail reaches only consenting customers, with RFC 8058 headers and a footer link; the others are suppressed', async () => {
    const yes = await customer('yes@example.org', true);
    const no = await customer('no@example.org', false);
    const a = await queue({ to: 'yes@example.org', subject: 'Spring offer', text: 'Hello', html: '<html><body><p>Hello</p></body></html>', purpose: 'marketing', customerId: yes });
    const b = await queue({ to: 'no@example.org', subject: 'Spring offer', text: 'Hello', purpose: 'marketing', customerId: no });
    const c = await queue({ to: 'anon@example.org', subject: 'Spring offer', text: 'Hello', purpose: 'marketing' });
    const before = smtp.messages.length;
    await deliver();
    const mail = (await smtp.waitFor(before + 1))[before];
    await new Promise((r) => setTimeout(r, 200));
    expect(smtp.messages.length).toBe(before + 1);
    expect(mail.to).toMatchObject({ text: 'yes@example.org' });
    const list = header(mail, 'List-Unsubscribe')!;
    expect(list).toMatch(/^<https:\/\/crm\.example\.com\/u\/[^>]+>, <mailto:owner@example\.com\?subject=unsubscribe>$/);
    expect(header(mail, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    const url = /<(https:[^>]+)>/.exec(list)![1];
    expect(mail.text).toContain(url);
    expect(mail.html).toContain(`href="${url}"`);
    const statuses = await api.request('GET', '/api/messages?purpose=marketing');
    const byId = new Map(statuses.body.data.map((m: { id: string }) => [m.id, m]));
    expect(byId.get(a.id)).toMatchObject({ status: 'sent' });
    expect(byId.get(b.id)).toMatchObject({ status: 'suppressed', error: 'the customer has not consented to marketing email' });
    expect(byId.get(c.id)).toMatchObject({ status: 'suppressed' });
    // Transactional mail needs no marketing consent.
    await queue({ to: 'no@example.org', subject: 'Your invoice', text: 'Attached', purpose: 'transactional', customerId: no });
    await deliver();
    expect((await smtp.waitFor(before + 2))[before + 1].subject).toBe('Your invoice');
    expect(header((await smtp.waitFor(before + 2))[before + 1], 'List-Unsubscribe')).toBeUndefined();
  });

  it('one-click unsubscribe takes effect at once; a tampered token is refused and changes nothing', async () => {
    const id = await customer('leaving@example.org', true);
    await queue({ to: 'leaving@example.org', subject: 'News', text: 'Hi', purpose: 'marketing', customerId: id });
    const before = smtp.messages.length;
    await deliver();
    const mail = (await smtp.waitFor(before + 1))[before];
    const url = new URL(/<(https:[^>]+)>/.exec(header(mail, 'List-Unsubscribe')!)![1]);
    const token = url.pathname.slice('/u/'.length);

    const suppressions = await count('suppressions');
    const events = await count('events');
    for (const bad of [token.slice(0, -2) + (token.endsWith('AA') ? 'BB' : 'AA'), token.replace(/^u1/, 'o1'), 'u1-msg_00000000000000000000000000.abc', '']) {
      const res = await api.app.request(`/u/${bad}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });
      expect(res.status === 404 || res.status === 400, `${bad}: ${res.status}`).toBe(true);
    }
    expect(await count('suppressions')).toBe(suppressions);
    expect(await count('events')).toBe(events);
    expect((await api.request('GET', `/api/customers/${id}`)).body.customer.consent_email).toBe(true);

    const page = await api.app.request(`/u/${token}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Unsubscribe from marketing email');
    expect(html).not.toMatch(/<script/i);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");

    const res = await api.app.request(url.pathname, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });
    expect(res.status).toBe(200);
    const view = (await api.request('GET', `/api/customers/${id}`)).body;
    expect(view.customer.consent_email).toBe(false);
    const list = await api.request('GET', `/api/suppressions?customer_id=${id}`);
    expect(list.body.data).toMatchObject([{ address: 'leaving@example.org', reason: 'unsubscribed', customer_id: id }]);
    const unsubscribed = await api.db.database.db.selectFrom('events').select('type').where('entity_id', '=', id).where('type', '=', 'customer.unsubscribed').execute();
    expect(unsubscribed).toHaveLength(1);
    // The data-subject export shows the person's messages and their suppression entry.
    const exported = (await api.request('GET', `/api/customers/${id}/export`)).body;
    expect(exported.mail.messages.map((m: { subject: string; to_address: string }) => [m.subject, m.to_address])).toEqual([['News', 'leaving@example.org']]);
    expect(exported.mail.suppressions).toMatchObject([{ address: 'leaving@example.org', reason: 'unsubscribed' }]);
    // Again: nothing new.
    await api.app.request(url.pathname, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });
    expect(await api.db.database.db.selectFrom('events').select('type').where('entity_id', '=', id).where('type', '=', 'customer.unsubscribed').execute()).toHaveLength(1);
    // Even mail the customer asked for no longer goes to a suppressed address... and is marked so.
    const next = await queue({ to: 'Leaving@Example.org', subject: 'News 2', text: 'Hi', purpose: 'notification', customerId: id });
    await deliver();
    expect((await api.request('GET', `/api/messages/${next.id}`)).body).toMatchObject({ status: 'suppressed', error: 'the address is on the suppression list' });
  });

  it('signs with the sender DKIM key; the signature verifies against the published record', async () => {
    const res = await api.request('POST', '/api/senders', {
      name: 'Ada Shop',
      address: 'ada@shop.example',
      reply_to: 'help@shop.example',
      dkim_selector: 'rapport1',
      per_second: 0,
      per_hour: 0,
      per_day: 0,
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ is_default: true, domain: 'shop.example', dkim_selector: 'rapport1' });
    const dkim = res.body.dns_records.find((r: { kind: string }) => r.kind === 'dkim');
    expect(dkim.name).toBe('rapport1._domainkey.shop.example');
    expect(res.body.warnings.join(' ')).toMatch(/5,000/);
    const dup = await api.request('POST', '/api/senders', { name: 'Again', address: 'ADA@shop.example' });
    expect(dup.status).toBe(409);
    const before = smtp.messages.length;
    await queue({ to: 'client@example.org', subject: 'Signed quote', text: 'Plain part', html: '<p>HTML part</p>', purpose: 'transactional' });
    await deliver();
    const mail = (await smtp.waitFor(before + 1))[before];
    expect(mail.from?.value[0]).toEqual({ address: 'ada@shop.example', name: 'Ada Shop' });
    expect(mail.replyTo?.value[0].address).toBe('help@shop.example');
    expect(header(mail, 'DKIM-Signature')).toMatch(/d=shop\.example; .*s=rapport1/);
    const resolver = async (name: string, type: string) => {
      if (type === 'TXT' && name === dkim.name) return [[dkim.value]];
      throw Object.assign(new Error(`no ${type} record for ${name}`), { code: 'ENOTFOUND' });
    };
    const auth = await authenticate(smtp.raw[before], { resolver, ip: '127.0.0.1', helo: 'localhost', sender: 'ada@shop.example', mta: 'test.local' });
    expect(auth.dkim.results[0].status.result).toBe('pass');
    // The same message with one byte changed fails.
    const tampered = Buffer.from(smtp.raw[before].toString('latin1').replace('Plain part', 'Plain parT'), 'latin1');
    const bad = await authenticate(tampered, { resolver, ip: '127.0.0.1', helo: 'localhost', sender: 'ada@shop.example', mta: 'test.local' });
    // mailauth reports a body that no longer matches its hash as neutral ("body hash did not verify").
    expect(bad.dkim.results[0].status.result).not.toBe('pass');
    expect(bad.dkim.results[0].status.comment).toMatch(/body hash/i);
    await api.request('DELETE', `/api/senders/${res.body.id}`);
  });

  it('tracks opens and clicks only with the setting on and the customer consenting; redirects only to the signed link', async () => {
    await api.request('PUT', '/api/mail/settings', { track_opens: true, track_clicks: true });
    const yes = await customer('tracked@example.org', true);
    const no = await customer('untracked@example.org', false);
    const body = '<html><body><p><a href="https://shop.example/spring?x=1&amp;y=2">Offer</a></p></body></html>';
    const a = await queue({ to: 'tracked@example.org', subject: 'T', text: 'x', html: body, purpose: 'marketing', customerId: yes });
    await queue({ to: 'untracked@example.org', subject: 'U', text: 'x', html: body, purpose: 'transactional', customerId: no });
    const before = smtp.messages.length;
    await deliver();
    const [tracked, plain] = (await smtp.waitFor(before + 2)).slice(before).sort((m1, m2) => (m1.subject! < m2.subject! ? -1 : 1));
    expect(plain.html).toContain('href="https://shop.example/spring?x=1&amp;y=2"');
    expect(plain.html).not.toContain('/t/');
    const click = /href="(https:\/\/crm\.example\.com\/t\/c\/[^"]+)"/.exec(tracked.html as string)![1];
    const open = /src="(https:\/\/crm\.example\.com\/t\/o\/[^"]+)"/.exec(tracked.html as string)![1];
    // Ten clicks and ten opens at once (they share transactions): each answered, each kind recorded once, with one event.
    const hits = await Promise.all(Array.from({ length: 10 }, () => [api.app.request(new URL(click).pathname), api.app.request(new URL(open).pathname)]).flat());
    const [res, pixel] = hits;
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('https://shop.example/spring?x=1&y=2');
    expect(pixel.status).toBe(200);
    expect(pixel.headers.get('content-type')).toBe('image/gif');
    expect(hits.map((h) => h.status).sort()).toEqual([...Array(10).fill(200), ...Array(10).fill(302)]);
    const m = (await api.request('GET', `/api/messages/${a.id}`)).body;
    expect(m.clicked_at).not.toBeNull();
    expect(m.opened_at).not.toBeNull();
    const events = await api.db.database.db.selectFrom('events').select('type').where('entity_id', '=', a.id).where('type', 'in', ['message.opened', 'message.clicked']).execute();
    expect(events.map((e) => e.type).sort()).toEqual(['message.clicked', 'message.opened']);
    // A click token whose target was changed is refused: no open redirect.
    const path = new URL(click).pathname;
    const [payload, sig] = path.slice('/t/c/'.length).split('.');
    const [kind, id] = payload.split('-');
    const forged = `/t/c/${kind}-${id}-${Buffer.from('https://evil.example/').toString('base64url')}.${sig}`;
    const refused = await api.app.request(forged);
    expect(refused.status).toBe(404);
    expect(refused.headers.get('location')).toBeNull();
    await api.request('PUT', '/api/mail/settings', { track_opens: false, track_clicks: false });
  });

  it('lists messages by status, customer and related record, and manages suppressions', async () => {
    const res = await api.request('GET', '/api/messages?status=suppressed&limit=1');
    expect(res.status).toBe(200);
    expect(res.body.data).toHaveLength(1);
    expect(res.body.next_cursor).not.toBeNull();
    const page2 = await api.request('GET', `/api/messages?status=suppressed&limit=1&cursor=${res.body.next_cursor}`);
    expect(page2.body.data[0].id < res.body.data[0].id).toBe(true);
    expect((await api.request('GET', '/api/messages?status=nonsense')).status).toBe(400);
    expect((await api.request('GET', '/api/messages/msg_nope')).status).toBe(404);
    const added = await api.request('POST', '/api/suppressions', { address: 'Manual@Example.org', note: 'asked by phone' });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ address: 'manual@example.org', reason: 'manual' });
    expect((await api.request('POST', '/api/suppressions', { address: 'not-an-address' })).status).toBe(400);
    expect((await api.request('DELETE', `/api/suppressions/${added.body.id}`)).status).toBe(204);
    expect((await api.request('DELETE', `/api/suppressions/${added.body.id}`)).status).toBe(404);
  });
});
