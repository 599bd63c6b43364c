import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../core/context.js';
import { eraseCustomer } from '../customer360/erase.js';
import { drainDueEnrolments } from '../flows/runner.js';
import { updateMailSettings } from '../mail/settings.js';
import { testApi, type TestApi } from '../test/api-client.js';
import { engines } from '../test/engines.js';
import { startFakeTwilio, type FakeTwilio } from '../test/fake-twilio.js';
import { queueSms, sendQueuedSms } from './service.js';
import { twilioSignature, verifyTwilioSignature } from './twilio.js';

const accountSid = 'AC0123456789abcdef0123456789abcdef';
const authToken = 'test-auth-token-0123456789abcdef';
const publicUrl = 'https://crm.example.com';
const ourNumber = '+15017122661';

/** X-Twilio-Signature as Twilio's documentation describes it, written out here, not taken from the code under test. */
const sign = (url: string, params: Record<string, string>, token = authToken) =>
  createHmac('sha1', token)
    .update(
      url +
        Object.keys(params)
          .sort()
          .map((k) => k + params[k])
          .join(''),
    )
    .digest('base64');

describe('Twilio request signatures', () => {
  it("match the published examples of Twilio's documentation snippets", () => {
    // TwilioDevEd/api-snippets, security/signature_validation/signature_validation.{2,3}.x.js (MIT).
    const url = 'https://mycompany.com/myapp.php?foo=1&bar=2';
    const params = (caller: string) => ({ CallSid: 'CA1234567890ABCDE', Caller: caller, Digits: '1234', From: caller, To: '+18005551212' });
    expect(twilioSignature('12345', url, params('+14158675309'))).toBe('RSOYDt4T1cUTdK1PDd93/VVr8B8=');
    expect(twilioSignature('12345', url, params('+14158675310'))).toBe('GvWf1cFY/Q7PnoempGyD5oXAezc=');
    expect(verifyTwilioSignature('12345', url, params('+14158675309'), 'RSOYDt4T1cUTdK1PDd93/VVr8B8=')).toBe(true);
    expect(verifyTwilioSignature('12345', url, params('+14158675309'), 'GvWf1cFY/Q7PnoempGyD5oXAezc=')).toBe(false);
    expect(verifyTwilioSignature('12346', url, params('+14158675309'), 'RSOYDt4T1cUTdK1PDd93/VVr8B8=')).toBe(false);
    expect(verifyTwilioSignature('12345', url, params('+14158675309'), undefined)).toBe(false);
  });
});

describe.each(engines)('SMS on %s', (engine) => {
  let api: TestApi;
  let twilio: FakeTwilio;
  beforeAll(async () => {
    api = await testApi(engine);
    twilio = await startFakeTwilio({ accountSid, authToken });
    await updateMailSettings(api.db.database, { public_url: publicUrl });
  }, 180_000);
  afterAll(async () => {
    await twilio?.close();
    await api?.close();
  });
  const db = () => api.db.database.db;
  const customer = async (phone: string, consent: boolean) =>
    (await api.request('POST', '/api/customers', { first_name: 'Sam', last_name: phone.slice(-4), phone, consent_sms: consent })).body.id as string;
  const smsOf = async (id: string) => (await api.request('GET', `/api/sms/${id}`)).body;
  /** Waits until the job queue has settled the text (it is no longer queued or sending). */
  const settled = async (id: string, timeoutMs = 15_000) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const row = await smsOf(id);
      if (!['queued', 'sending'].includes(row.status)) return row;
      if (Date.now() > deadline) throw new Error(`text ${id} still ${row.status}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  const send = async (customerId: string, body: string, purpose = 'transactional') => {
    const res = await api.request('POST', '/api/sms', { customer_id: customerId, body, purpose });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return settled(res.body.id);
  };
  const callback = (path: string, params: Record<string, string>, signature?: string | null) => {
    const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
    const signed = signature === undefined ? sign(publicUrl + path, params) : signature;
    if (signed !== null) headers['x-twilio-signature'] = signed;
    return api.app.request(path, { method: 'POST', headers, body: new URLSearchParams(params).toString() });
  };
  const eventsOf = (entityId: string, type: string) => db().selectFrom('events').select(['type', 'data']).where('entity_id', '=', entityId).where('type', '=', type).execute();

  it('stores the provider settings with the auth token sealed; refuses bad ones without changing anything', async () => {
    let res = await api.request('PUT', '/api/sms/settings', { account_sid: accountSid, auth_token: authToken, from_number: ourNumber, base_url: twilio.baseUrl });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ account_sid: accountSid, auth_token_set: true, from_number: ourNumber, configured: true, allow_private_base_url: false });
    expect(res.body.status_callback_url).toBe(`${publicUrl}/sms/status`);
    expect(res.body.inbound_url).toBe(`${publicUrl}/sms/inbound`);
    expect(JSON.stringify(res.body)).not.toContain(authToken);
    const stored = await db().selectFrom('settings').select('value').where('setting_key', '=', 'sms.provider').executeTakeFirstOrThrow();
    expect(stored.value).not.toContain(authToken);
    res = await api.request('PUT', '/api/sms/settings', { from_number: '0612345678', base_url: 'ftp://x', account_sid: 'not valid!' });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.error.fields).sort()).toEqual(['account_sid', 'base_url', 'from_number']);
    expect((await api.request('GET', '/api/sms/settings')).body).toMatchObject({ from_number: ourNumber, base_url: twilio.baseUrl });
  });

  it('counts segments before sending', async () => {
    const res = await api.request('POST', '/api/sms/segments', { body: 'Your table for 2 is booked tonight at 8 pm. Reply STOP to opt out. €5 off your next visit! ' + 'x'.repeat(70) });
    expect(res.body).toMatchObject({ encoding: 'GSM-7', units: 162, segments: 2, per_segment: 153 });
    expect((await api.request('POST', '/api/sms/segments', { body: 'Merci ! À bientôt 😊' })).body).toMatchObject({ encoding: 'UCS-2', segments: 1, non_gsm_characters: ['À', 'ô', '😊'] });
    expect((await api.request('POST', '/api/sms/segments', { body: 'x'.repeat(1601) })).status).toBe(400);
  });

  it('refuses a provider URL on a loopback address unless allowed', async () => {
    const cid = await customer('+14155550101', false);
    const row = await send(cid, 'Your order has shipped');
    expect(row).toMatchObject({ status: 'failed' });
    expect(row.error).toMatch(/private or loopback/);
    expect(twilio.requests).toHaveLength(0);
    await api.request('PUT', '/api/sms/settings', { allow_private_base_url: true });
  });

  it("sends through the provider's API with basic auth and a status callback naming the text; signed callbacks move it forward, never back", async () => {
    const cid = await customer('+14155550100', false);
    const row = await send(cid, 'Your order #1042 has shipped.');
    expect(row).toMatchObject({ status: 'sent', to_number: '+14155550100', from_number: ourNumber, encoding: 'GSM-7', segments: 1, provider_status: 'queued' });
    const req = twilio.requests.at(-1)!;
    expect(req.contentType).toBe('application/x-www-form-urlencoded');
    expect(req.authorization).toBe(`Basic ${Buffer.from(`${accountSid}:${authToken}`).toString('base64')}`);
    expect(req.params).toEqual({ To: '+14155550100', From: ourNumber, Body: 'Your order #1042 has shipped.', StatusCallback: `${publicUrl}/sms/status?id=${row.id}` });
    expect(row.provider_sid).toBe(req.sid);
    expect(await eventsOf(row.id, 'sms.sent')).toHaveLength(1);

    // The provider calls back on the URL it was given.
    const url = new URL(req.params.StatusCallback);
    const path = url.pathname + url.search;
    const delivered = { AccountSid: accountSid, MessageSid: req.sid!, MessageStatus: 'delivered', To: '+14155550100', From: ourNumber, ApiVersion: '2010-04-01' };
    // A bad signature (another token, a changed field, none at all): 403 and nothing changes.
    expect((await callback(path, delivered, sign(publicUrl + path, delivered, 'wrong-token'))).status).toBe(403);
    expect((await callback(path, { ...delivered, MessageStatus: 'failed' }, sign(publicUrl + path, delivered))).status).toBe(403);
    expect((await callback(path, delivered, null)).status).toBe(403);
    expect((await smsOf(row.id)).status).toBe('sent');
    expect(await eventsOf(row.id, 'sms.delivered')).toHaveLength(0);

    expect((await callback(path, delivered)).status).toBe(204);
    const after = await smsOf(row.id);
    expect(after).toMatchObject({ status: 'delivered', provider_status: 'delivered' });
    expect(after.delivered_at).not.toBeNull();
    expect(await eventsOf(row.id, 'sms.delivered')).toHaveLength(1);
    // A late "sent" report changes nothing; the same report again adds no event.
    expect((await callback(path, { ...delivered, MessageStatus: 'sent' })).status).toBe(204);
    expect((await callback(path, delivered)).status).toBe(204);
    expect((await smsOf(row.id)).status).toBe('delivered');
    expect(await eventsOf(row.id, 'sms.delivered')).toHaveLength(1);

    // Undelivered with a carrier error code.
    const second = await send(cid, 'Second');
    const sreq = twilio.requests.at(-1)!;
    const surl = new URL(sreq.params.StatusCallback);
    const undelivered = { AccountSid: accountSid, MessageSid: sreq.sid!, MessageStatus: 'undelivered', ErrorCode: '30003' };
    expect((await callback(surl.pathname + surl.search, undelivered)).status).toBe(204);
    expect(await smsOf(second.id)).toMatchObject({ status: 'undelivered', error_code: '30003' });
    expect(await eventsOf(second.id, 'sms.failed')).toHaveLength(1);
  });

  it('a provider refusal fails the text at once; an unreachable provider is retried by the job queue', async () => {
    const bad = await customer('+15005550001', false);
    const refused = await send(bad, 'Hello');
    expect(refused).toMatchObject({ status: 'failed', error_code: '21211', attempts: 1 });
    expect(refused.error).toMatch(/not a valid phone number/);
    const ok = await customer('+14155550102', false);
    twilio.failNext(1);
    const before = twilio.requests.length;
    const retried = await send(ok, 'Retry me');
    expect(retried).toMatchObject({ status: 'sent', attempts: 2 });
    expect(twilio.requests.length - before).toBe(2);
  });

  it('marketing texts need SMS consent; STOP withdraws it and blocks every text, START gives it back; each change is an event', async () => {
    const noConsent = await customer('+14155550103', false);
    const before = twilio.requests.length;
    expect(await send(noConsent, 'Spring sale!', 'marketing')).toMatchObject({ status: 'suppressed', error: 'the customer has not consented to marketing texts' });
    expect(twilio.requests.length).toBe(before);

    const fan = await customer('+14155550104', true);
    expect(await send(fan, 'Spring sale!', 'marketing')).toMatchObject({ status: 'sent' });
    const stop = { AccountSid: accountSid, MessageSid: 'SMin000000000000000000000000000001', From: '+14155550104', To: ourNumber, Body: ' stop ' };
    // Unsigned or forged: nothing changes.
    expect((await callback('/sms/inbound', stop, 'forged')).status).toBe(403);
    expect((await api.request('GET', `/api/customers/${fan}`)).body.customer.consent_sms).toBe(true);
    const res = await callback('/sms/inbound', stop);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/xml/);
    expect(await res.text()).toContain('<Response></Response>');
    expect((await api.request('GET', `/api/customers/${fan}`)).body.customer).toMatchObject({ consent_sms: false, consent_sms_method: 'withdrawn by texting STOP' });
    expect(await eventsOf(fan, 'customer.sms_opted_out')).toHaveLength(1);
    // The provider may post the same text twice: recorded once.
    expect((await callback('/sms/inbound', stop)).status).toBe(200);
    expect(await eventsOf(fan, 'customer.sms_opted_out')).toHaveLength(1);
    expect(await db().selectFrom('sms_inbound').select('id').where('provider_sid', '=', stop.MessageSid).execute()).toHaveLength(1);
    // Opted out: even a transactional text is not sent.
    const blocked = await send(fan, 'Your order has shipped');
    expect(blocked).toMatchObject({ status: 'suppressed', error: 'the number opted out of texts (STOP)' });

    const start = { ...stop, MessageSid: 'SMin000000000000000000000000000002', Body: 'START' };
    expect((await callback('/sms/inbound', start)).status).toBe(200);
    expect((await api.request('GET', `/api/customers/${fan}`)).body.customer).toMatchObject({ consent_sms: true, consent_sms_method: 'given by texting START' });
    expect(await eventsOf(fan, 'customer.sms_opted_in')).toHaveLength(1);
    expect(await send(fan, 'Welcome back', 'marketing')).toMatchObject({ status: 'sent' });
    // Other words are kept as inbound texts and change nothing.
    const chat = { ...stop, MessageSid: 'SMin000000000000000000000000000003', Body: 'Please stop by tomorrow' };
    expect((await callback('/sms/inbound', chat)).status).toBe(200);
    expect((await api.request('GET', `/api/customers/${fan}`)).body.customer.consent_sms).toBe(true);
  });

  it('a send job run again sends a text left "sending" by a crash once more, and never one already settled', async () => {
    const cid = await customer('+14155550106', false);
    const row = await send(cid, 'Once');
    expect(row.status).toBe('sent');
    const before = twilio.requests.length;
    const job = { payload: { id: row.id }, attempts: 2, max_attempts: 5 };
    expect(await sendQueuedSms(api.db.database, job)).toEqual({ status: 'sent' });
    expect(twilio.requests.length).toBe(before);
    // The process died after claiming the text and before recording the answer: at most one more send.
    await db().updateTable('sms_messages').set({ status: 'sending' }).where('id', '=', row.id).execute();
    expect(await sendQueuedSms(api.db.database, job)).toEqual({ status: 'sent' });
    expect(twilio.requests.length).toBe(before + 1);
    expect(await sendQueuedSms(api.db.database, job)).toEqual({ status: 'sent' });
    expect(twilio.requests.length).toBe(before + 1);
  });

  it("a flow's SMS step reports its texts: sent, delivered, failed, and the STOP replies that answered them", async () => {
    const [ana, ben, cat] = [await customer('+14155550201', true), await customer('+14155550202', true), await customer('+14155550203', true)];
    const flow = await api.request('POST', '/api/flows', {
      name: 'Spring texts',
      definition: { trigger: { type: 'manual' }, steps: [{ id: 'text', kind: 'send_sms', body: 'Spring sale, {{ customer.first_name }}!' }] },
    });
    expect(flow.status, JSON.stringify(flow.body)).toBe(201);
    await api.request('POST', `/api/flows/${flow.body.id}/activate`, {});
    expect((await api.request('POST', `/api/flows/${flow.body.id}/enrolments`, { customer_ids: [ana, ben, cat] })).status).toBeLessThan(300);
    await drainDueEnrolments(api.db.database);
    const texts = await db().selectFrom('sms_messages').select(['id', 'customer_id']).where('related_entity', '=', 'flow_enrolment').where('customer_id', 'in', [ana, ben, cat]).execute();
    expect(texts).toHaveLength(3);
    const textOf = Object.fromEntries(texts.map((t) => [t.customer_id as string, t.id as string]));
    for (const t of texts) await settled(t.id as string);
    const report = async (sid: string, status: string) => {
      const row = await smsOf(sid);
      expect((await callback(`/sms/status?id=${sid}`, { AccountSid: accountSid, MessageSid: row.provider_sid, MessageStatus: status })).status).toBe(204);
    };
    await report(textOf[ana], 'delivered');
    await report(textOf[ben], 'undelivered');
    // Cat answers STOP to the flow's text; Ben gets another text first, so his STOP answers that one.
    await send(ben, 'Your order has shipped');
    let n = 10;
    const inbound = (from: string) => callback('/sms/inbound', { AccountSid: accountSid, MessageSid: `SMin0000000000000000000000000000${n++}`, From: from, To: ourNumber, Body: 'STOP' });
    expect((await inbound('+14155550203')).status).toBe(200);
    expect((await inbound('+14155550202')).status).toBe(200);
    const counts = (await api.request('GET', `/api/flows/${flow.body.id}`)).body.counts.steps[0];
    expect(counts).toMatchObject({ step_id: 'text', outcomes: { sent: 3 } });
    expect(counts.sms).toEqual({ texts: 3, queued: 0, sent: 3, delivered: 1, failed: 1, suppressed: 0, stop_replies: 1 });
  });

  it('refuses texts that cannot be sent as given, with field errors', async () => {
    const noPhone = (await api.request('POST', '/api/customers', { first_name: 'No', last_name: 'Phone' })).body.id;
    let res = await api.request('POST', '/api/sms', { customer_id: noPhone, body: 'Hi', purpose: 'transactional' });
    expect(res.status).toBe(400);
    expect(res.body.error.fields.to).toBeDefined();
    res = await api.request('POST', '/api/sms', { customer_id: 'cus_nope', body: 'Hi', purpose: 'transactional' });
    expect(res.status).toBe(400);
    expect(res.body.error.fields.customer_id).toBeDefined();
    res = await api.request('POST', '/api/sms', { customer_id: noPhone, body: '', purpose: 'spam' });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.error.fields).sort()).toEqual(['body', 'purpose']);
    expect((await api.request('GET', '/api/sms/sms_nope')).status).toBe(404);
    expect((await api.request('GET', '/api/sms?status=nonsense')).status).toBe(400);
  });

  it('exports the texts of a person and erases them with the person; queueSms is usable from a transaction', async () => {
    const cid = await customer('+14155550105', true);
    const { id } = await db()
      .transaction()
      .execute((trx) => queueSms(trx, { customer_id: cid, body: 'Happy birthday Sam!', purpose: 'marketing' }));
    expect((await settled(id)).status).toBe('sent');
    await callback('/sms/inbound', { AccountSid: accountSid, MessageSid: 'SMin000000000000000000000000000009', From: '+14155550105', To: ourNumber, Body: 'Thanks!' });
    const exported = (await api.request('GET', `/api/customers/${cid}/export`)).body;
    expect(exported.sms.messages).toMatchObject([{ id, to_number: '+14155550105', body: 'Happy birthday Sam!' }]);
    expect(exported.sms.inbound).toMatchObject([{ from_number: '+14155550105', body: 'Thanks!' }]);
    const ctx: Ctx = { database: api.db.database, actor: 'test' };
    await eraseCustomer(ctx, cid);
    expect(await db().selectFrom('sms_messages').select(['to_number', 'body', 'status']).where('id', '=', id).executeTakeFirstOrThrow()).toEqual({ to_number: 'erased', body: '', status: 'sent' });
    expect(await db().selectFrom('sms_inbound').select('id').where('from_number', '=', '+14155550105').execute()).toHaveLength(0);
  });
});
